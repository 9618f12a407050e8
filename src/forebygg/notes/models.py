"""Anteckningar: the kommun's own short working notes, with a visibility and a history.

They are the first piece of kommun-owned data and exercise the scoping and audit
machinery that the lägesbild, plan and agreements use later. Notes are strategic and
aggregate: the form warns never to write about identifiable individuals.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from forebygg.orgs.access import KommunOwnedModel


class Note(KommunOwnedModel):
    title = models.CharField(_("rubrik"), max_length=200)
    body = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("anteckning")
        verbose_name_plural = _("anteckningar")

    def __str__(self) -> str:
        return self.title
