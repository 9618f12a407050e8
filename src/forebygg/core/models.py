"""The one base model every domain model inherits (timestamps plus full change history), and
the background job every import runs as."""

import uuid
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import ForeignKey
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from forebygg.core.enums import JobPhase, JobStatus, JobStep


class AuditedModel(models.Model):
    """Every save leaves a history row: who (request user or `_history_user`) and when."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


def save_as(
    instance: AuditedModel,
    *,
    by,
    reason: str = "",
    links: Mapping[str, Iterable] | None = None,
) -> AuditedModel:
    """Save and attribute the change to `by` even outside a request (commands, domain calls).

    `links` sets many-to-many fields in the same change: one history record holds the fields
    and the links together (a link changed on its own gets a record of its own; models list
    their recorded links in `_history_m2m_fields`).
    """
    instance._history_user = by
    if reason:
        instance._change_reason = reason
    if not links:
        instance.save()
        return instance
    with transaction.atomic():
        instance.save()
        instance.skip_history_when_saving = True
        try:
            for name, values in links.items():
                getattr(instance, name).set(values)
        finally:
            del instance.skip_history_when_saving
        _record_links_on_latest(instance)
    return instance


def _record_links_on_latest(instance) -> None:
    """Rewrite the link snapshot of the instance's newest history record to what is stored now."""
    latest = instance.history.order_by("-history_id").first()
    for field in getattr(latest, "_history_m2m_fields", ()):
        history_model = HistoricalRecords.m2m_models[field]
        history_model.objects.filter(history=latest).delete()
        through = field.remote_field.through
        names = [column.name for column in through._meta.fields]
        keys = [key.name for key in through._meta.fields if isinstance(key, ForeignKey)]
        rows = through.objects.filter(**{field.m2m_field_name(): instance})
        history_model.objects.bulk_create(
            history_model(history=latest, **{name: getattr(row, name) for name in names})
            for row in rows.select_related(*keys)
        )


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

    def refresh_from_db(self, *args, fields=None, **kwargs):
        # Domain functions change the row they locked, then refresh the caller's copy: the
        # copy must know it is decided now, or a save of it would pass the freeze.
        super().refresh_from_db(*args, fields=fields, **kwargs)
        if fields is None or "status" in fields:
            self._stored_status = self.status

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


class JobQuerySet(models.QuerySet):
    """A job is its starter's: nobody else sees the file or its preview."""

    def visible_to(self, user):
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(created_by=user)

    def editable_by(self, user):
        return self.visible_to(user)

    def in_kommun(self, kommun):
        return self.filter(scope=kommun.code)


class Job(models.Model):
    """One file read in the background: checked first, then (when confirmed) written.

    The uploaded file is stored once, under the job's id (`core.domain.jobs.upload_path`),
    and removed when the job is written, rejected or abandoned. The counters are the
    progress the browser shows while the job runs.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("typ"), max_length=40)
    scope = models.CharField(_("arbetsyta"), max_length=20, help_text=_("Kommunkoden."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    params = models.JSONField(default=dict)
    file_name = models.CharField(_("fil"), max_length=300)
    file_size = models.BigIntegerField(default=0)
    step = models.CharField(max_length=12, choices=JobStep.choices, default=JobStep.CHECK)
    status = models.CharField(max_length=12, choices=JobStatus.choices, default=JobStatus.QUEUED)
    phase = models.CharField(max_length=12, choices=JobPhase.choices, blank=True)
    lines_read = models.PositiveIntegerField(default=0)
    rows_checked = models.PositiveIntegerField(default=0)
    rows_written = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list)
    error_count = models.PositiveIntegerField(default=0)
    warnings = models.JSONField(default=list)
    warning_count = models.PositiveIntegerField(default=0)
    outcome = models.JSONField(default=dict)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bakgrundsjobb")
        verbose_name_plural = _("bakgrundsjobb")

    def __str__(self) -> str:
        return f"{self.kind}: {self.file_name} ({self.status})"
