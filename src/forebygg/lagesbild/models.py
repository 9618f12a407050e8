"""The lägesbild (lag 2023:196 § 4): versioned, and frozen once decided (fastställd)."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forebygg.core.models import FrozenOnceDecided
from forebygg.lagesbild.enums import LagesbildStatus
from forebygg.orgs.access import KommunOwnedModel, ScopedChild

# Section key → heading. The first five carry the scope and § 4's three parts.
SECTIONS = [
    ("scope", _("Omfattning och metod")),
    ("mapping", _("Kartläggning av brottsligheten (§ 4 p. 1)")),
    ("consequences", _("Brottslighetens konsekvenser (§ 4 p. 1)")),
    ("context", _("Annan relevant information (§ 4 p. 2)")),
    ("analysis", _("Analys (§ 4 p. 3)")),
    ("sources_used", _("Källor som använts")),
    ("sources_not_used", _("Källor som inte använts")),
    ("limitations", _("Begränsningar")),
    ("q_why", _("Varför har vi valt just dessa problem?")),
    ("q_sources", _("Vilka källor har vi använt och valt bort?")),
    ("q_limits", _("Hur begränsar urvalet vår kunskap?")),
    ("q_meaning", _("Vad betyder det för arbetet?")),
]
SECTION_KEYS = [key for key, _label in SECTIONS]
LEGAL_PARTS = ("mapping", "context", "analysis")
# What must be written before a version is decided: § 4's three parts and, of p. 1, the
# consequences, which have a section of their own.
REQUIRED_PARTS = (*LEGAL_PARTS, "consequences")


class Lagesbild(FrozenOnceDecided, KommunOwnedModel):
    DECIDED_STATUS = "faststalld"
    FROZEN_MESSAGE = _("En fastställd lägesbild kan inte ändras. Skapa en ny version.")

    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=LagesbildStatus.choices, default=LagesbildStatus.DRAFT
    )
    first_year = models.PositiveSmallIntegerField(_("första år"))
    last_year = models.PositiveSmallIntegerField(_("senaste år"))
    sections = models.JSONField(_("avsnitt"), default=dict)
    snapshot = models.JSONField(_("dataunderlag"), default=dict)
    based_on = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("fastställd"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by_body = models.CharField(_("fastställd av (organ)"), max_length=200, blank=True)
    # The day the body decided, as entered. Empty for versions decided before it was asked
    # for: their `decision_date` is the day of the click (`decided_at`).
    decided_on = models.DateField(_("beslutsdatum"), null=True, blank=True)
    reference = models.CharField(_("diarienummer"), max_length=80, blank=True)
    content_hash = models.CharField(_("kontrollsumma"), max_length=64, blank=True)

    class Meta:
        ordering = ["kommun", "-number"]
        verbose_name = _("lägesbild")
        verbose_name_plural = _("lägesbilder")
        constraints = [
            models.UniqueConstraint(fields=["kommun", "number"], name="one_lagesbild_number"),
        ]

    def __str__(self) -> str:
        return f"Lägesbild {self.kommun} v{self.number}"

    def section_text(self, key: str) -> str:
        return self.sections.get(key, "")

    @property
    def decision_date(self) -> date | None:
        """The day of the decision; for versions decided before it was asked for, of the click."""
        if self.decided_on is not None:
            return self.decided_on
        return timezone.localdate(self.decided_at) if self.decided_at else None

    @property
    def decision_date_text(self) -> str:
        """The decision date as shown, saying so when it is only the day of the click."""
        day = self.decision_date
        if day is None:
            return ""
        if self.decided_on is None:
            return gettext("%(date)s (beslutsdatum ej angivet)") % {"date": day.isoformat()}
        return day.isoformat()


class ProblemCandidate(ScopedChild):
    """A problem the lägesbild points at, with the evidence, handed over to the plan."""

    scope_parent = "lagesbild"

    lagesbild = models.ForeignKey(
        Lagesbild, on_delete=models.CASCADE, related_name="problem_candidates"
    )
    title = models.CharField(_("problem"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)
    evidence_figure = models.CharField(_("underlag (figur)"), max_length=40, blank=True)
    evidence_text = models.CharField(_("underlag (text)"), max_length=400, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("problemkandidat")
        verbose_name_plural = _("problemkandidater")

    def __str__(self) -> str:
        return self.title
