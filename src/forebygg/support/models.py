"""The weights Brå uses by default when it ranks kommuner for support (seed 001)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from forebygg.core.models import AuditedModel

BRA_DEFAULT = "bra"


class PriorityWeights(AuditedModel):
    """A named weight set, criterion key → weight. `BRA_DEFAULT` is the one the page opens with.

    The weights are one JSON object so that each change is one history row holding the whole
    set; criteria added later fall back to their declared default weight.
    """

    name = models.SlugField(_("namn"), max_length=40, unique=True, default=BRA_DEFAULT)
    weights = models.JSONField(_("vikter"), default=dict)

    class Meta:
        verbose_name = _("prioriteringsvikter")
        verbose_name_plural = _("prioriteringsvikter")

    def __str__(self) -> str:
        return self.name
