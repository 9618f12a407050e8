"""The one base model every domain model inherits: timestamps plus full change history."""

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
