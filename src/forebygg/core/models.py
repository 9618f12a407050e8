"""The one base model every domain model inherits: timestamps plus full change history."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords


class AuditedModel(models.Model):
    """Every save leaves a history row: who (request user or `_history_user`) and when."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


def save_as(instance: AuditedModel, *, by, reason: str = "") -> AuditedModel:
    """Save and attribute the change to `by` even outside a request (commands, domain calls)."""
    instance._history_user = by
    if reason:
        instance._change_reason = reason
    instance.save()
    return instance


class FrozenOnceDecided(models.Model):
    """A versioned document no save may change once it is stored as decided.

    Publishing stays possible: a save of only `visibility` goes through. Subclasses name their
    decided status and the Swedish message shown when a change is refused.
    """

    DECIDED_STATUS: str = ""
    FROZEN_STATUSES: frozenset[str] = frozenset()  # further states that stay frozen
    FROZEN_MESSAGE: str = ""
    PUBLICATION_FIELDS = frozenset({"visibility", "updated_at"})

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = set(kwargs.get("update_fields") or ())
        only_publication = bool(update_fields) and update_fields <= self.PUBLICATION_FIELDS
        frozen = {self.DECIDED_STATUS, *self.FROZEN_STATUSES}
        if self.stored_status() in frozen and not only_publication:
            raise ValidationError(self.FROZEN_MESSAGE)
        super().save(*args, **kwargs)
        self._stored_status = self.status

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._stored_status = instance.status
        return instance

    def save_publication(self, visibility: str, *, by) -> None:
        """Publish or unpublish: the one change a decided document still allows."""
        self.visibility = visibility
        self._history_user = by
        self.save(update_fields=list(self.PUBLICATION_FIELDS))

    def stored_status(self) -> str | None:
        return getattr(self, "_stored_status", None)

    @property
    def is_decided(self) -> bool:
        return self.status == self.DECIDED_STATUS
