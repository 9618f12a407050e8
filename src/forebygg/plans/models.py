"""Problems, their causes, the åtgärdsplan (§ 5) with measures and targets, and follow-up (§ 6).

The chain Brå asks for is held by foreign keys: Problem 1—* Cause *—* Measure 1—* Target.
A decided plan is frozen like a decided lägesbild; revisions are new versions.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from forebygg.core.models import FrozenOnceDecided
from forebygg.orgs.access import ChildQuerySet, KommunOwnedModel, ScopedChild, access_for
from forebygg.plans.enums import (
    Criterion,
    Funding,
    Horizon,
    HypothesisStatus,
    MeasureArea,
    MeasureState,
    MeasureType,
    Perspective,
    PlanStatus,
    Priority,
)

FROZEN_MESSAGE = _("En beslutad åtgärdsplan kan inte ändras. Skapa en ny version.")


PROBLEM_CRITERIA = [Criterion.COMMON, Criterion.RISING, Criterion.DEVIATING,
                    Criterion.CONCENTRATED, Criterion.VICTIMS, Criterion.SIGNAL,
                    Criterion.INDIRECT]  # fmt: skip
FILTER_CRITERIA = [Criterion.RESOURCES, Criterion.INFLUENCE, Criterion.COST]
MAX_SCORE = 3


class Problem(KommunOwnedModel):
    _history_m2m_fields = ("shared_with", "indicators", "areas", "sources")

    title = models.CharField(_("problem"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)
    candidate = models.ForeignKey(
        "lagesbild.ProblemCandidate",
        verbose_name=_("problemkandidat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="problems",
    )
    lagesbild = models.ForeignKey(
        "lagesbild.Lagesbild",
        verbose_name=_("lägesbild (version)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="problems",
    )
    indicators = models.ManyToManyField(
        "stats.Indicator", verbose_name=_("indikatorer"), blank=True, related_name="+"
    )
    areas = models.ManyToManyField(
        "geo.Area", verbose_name=_("områden"), blank=True, related_name="+"
    )
    sources = models.ManyToManyField(
        "stats.DataSource", verbose_name=_("källor"), blank=True, related_name="+"
    )
    evidence_text = models.TextField(_("underlag"), blank=True)
    scores = models.JSONField(_("bedömning per kriterium"), default=dict, blank=True)
    priority = models.CharField(
        _("beslut"), max_length=12, choices=Priority.choices, default=Priority.UNDECIDED
    )
    priority_reason = models.TextField(_("motivering"), blank=True)
    priority_decided_at = models.DateTimeField(_("beslutat"), null=True, blank=True)
    unknowns = models.TextField(_("det vi ännu inte vet"), blank=True)

    class Meta:
        ordering = ["kommun", "title"]
        verbose_name = _("problem")
        verbose_name_plural = _("problem")

    def __str__(self) -> str:
        return self.title

    def score(self, criterion: str) -> int | None:
        value = self.scores.get(criterion)
        return int(value) if value is not None else None

    @property
    def problem_score(self) -> int:
        return sum(self.score(c) or 0 for c in PROBLEM_CRITERIA)

    @property
    def filter_score(self) -> int:
        return sum(self.score(c) or 0 for c in FILTER_CRITERIA)


class Cause(ScopedChild):
    """One cause; `parent` makes a tree, `position` orders an event chain under one parent."""

    scope_parent = "problem"

    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="causes")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("del av"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    perspective = models.CharField(_("perspektiv"), max_length=16, choices=Perspective.choices)
    text = models.CharField(_("orsak"), max_length=300)
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["problem", "position", "pk"]
        verbose_name = _("orsak")
        verbose_name_plural = _("orsaker")

    def __str__(self) -> str:
        return self.text


class Hypothesis(ScopedChild):
    scope_parent = "problem"

    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="hypotheses")
    text = models.CharField(_("hypotes"), max_length=300)
    evidence = models.TextField(_("underlag"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=HypothesisStatus.choices, default=HypothesisStatus.OPEN
    )

    class Meta:
        ordering = ["problem", "pk"]
        verbose_name = _("hypotes")
        verbose_name_plural = _("hypoteser")

    def __str__(self) -> str:
        return self.text


class PlanPart(ScopedChild):
    """Refuses any save once the plan it belongs to is decided."""

    class Meta:
        abstract = True

    def owning_plan(self) -> "Plan":
        raise NotImplementedError

    def save(self, *args, **kwargs):
        plan = self.owning_plan()
        if plan.stored_status() == PlanStatus.DECIDED:
            raise ValidationError(
                _("En beslutad åtgärdsplan kan inte ändras. Skapa en ny version.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.owning_plan().stored_status() == PlanStatus.DECIDED:
            raise ValidationError(
                _("En beslutad åtgärdsplan kan inte ändras. Skapa en ny version.")
            )
        return super().delete(*args, **kwargs)


class Plan(FrozenOnceDecided, KommunOwnedModel):
    DECIDED_STATUS = "beslutad"
    FROZEN_MESSAGE = FROZEN_MESSAGE

    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    title = models.CharField(_("rubrik"), max_length=200)
    lagesbild = models.ForeignKey(
        "lagesbild.Lagesbild",
        verbose_name=_("bygger på lägesbild"),
        on_delete=models.PROTECT,
        related_name="plans",
    )
    based_on = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_body = models.CharField(_("beslutande organ"), max_length=200, blank=True)
    decided_on = models.DateField(_("beslutsdatum"), null=True, blank=True)
    reference = models.CharField(_("diarienummer"), max_length=80, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    snapshot = models.JSONField(_("innehåll vid beslut"), default=dict, blank=True)
    content_hash = models.CharField(_("kontrollsumma"), max_length=64, blank=True)

    class Meta:
        ordering = ["kommun", "-number"]
        verbose_name = _("åtgärdsplan")
        verbose_name_plural = _("åtgärdsplaner")
        constraints = [
            models.UniqueConstraint(fields=["kommun", "number"], name="one_plan_number"),
        ]

    def __str__(self) -> str:
        return f"Åtgärdsplan {self.kommun} v{self.number}"


class MeasureQuerySet(ChildQuerySet):
    """Measures follow their plan's visibility; a partner also sees the measures it owns."""

    def visible_to(self, user) -> "MeasureQuerySet":
        rule = models.Q(plan__in=Plan.objects.visible_to(user))
        return self.filter(rule | self._owned_by_partner(user))

    def status_reportable_by(self, user) -> "MeasureQuerySet":
        """Measures of decided plans: the coordinator reports on all, a partner on its own."""
        rule = models.Q(plan__kommun_id__in=access_for(user).coordinator_kommun_ids)
        return self.filter(rule | self._owned_by_partner(user), plan__status=PlanStatus.DECIDED)

    @staticmethod
    def _owned_by_partner(user) -> models.Q:
        """Measures owned by an organisation through which the kommun made the user a partner."""
        return access_for(user).partner_rule(
            kommun="plan__kommun_id", organisations=lambda ids: models.Q(owner_id__in=ids)
        )


class Measure(PlanPart):
    _history_m2m_fields = ("causes", "partners")

    scope_parent = "plan"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="measures")
    key = models.CharField(
        _("åtgärds-id"),
        max_length=20,
        help_text=_("Följer åtgärden mellan planens versioner och i kalkylarket."),
    )
    title = models.CharField(_("åtgärd"), max_length=200)
    description = models.TextField(_("genomförande"), blank=True)
    causes = models.ManyToManyField(
        Cause, verbose_name=_("orsaker"), blank=True, related_name="measures"
    )
    type = models.CharField(_("typ"), max_length=14, choices=MeasureType.choices)
    horizon = models.CharField(_("tidsperspektiv"), max_length=6, choices=Horizon.choices)
    owner = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("ansvarig organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_measures",
    )
    partners = models.ManyToManyField(
        "orgs.Organisation", verbose_name=_("samverkansparter"), blank=True, related_name="+"
    )
    area_kind = models.CharField(
        _("område"), max_length=12, choices=MeasureArea.choices, default=MeasureArea.KOMMUN
    )
    district = models.CharField(_("stadsdel eller ort"), max_length=120, blank=True)
    police_area = models.ForeignKey(
        "geo.Area",
        verbose_name=_("polisens område"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    method = models.ForeignKey(
        "methods.Method",
        verbose_name=_("metod ur metodbiblioteket"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="measures",
    )
    method_text = models.CharField(
        _("metod (fritext)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Ett lokalt arbetssätt eller programnamn, med eller utan metod ur biblioteket."
        ),
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("slut"), null=True, blank=True)
    cost = models.DecimalField(
        _("kostnad (kr)"), max_digits=12, decimal_places=0, null=True, blank=True
    )
    funding = models.CharField(
        _("finansiering"), max_length=12, choices=Funding.choices, default=Funding.OWN
    )
    expected_effect = models.TextField(_("förväntad effekt"), blank=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "key"]
        verbose_name = _("åtgärd")
        verbose_name_plural = _("åtgärder")
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="one_measure_key_per_plan"),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.title}"

    def owning_plan(self) -> Plan:
        return self.plan

    def area_label(self) -> str:
        if self.area_kind == MeasureArea.DISTRICT and self.district:
            return self.district
        if self.area_kind == MeasureArea.POLICE_AREA and self.police_area_id:
            return str(self.police_area)
        return str(self.get_area_kind_display())


class Target(PlanPart):
    """What the measure should change: an indicator from the statistics or a local one."""

    scope_parent = "measure"

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="targets")
    indicator = models.ForeignKey(
        "stats.Indicator",
        verbose_name=_("indikator (statistik)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    local_name = models.CharField(_("lokal indikator"), max_length=200, blank=True)
    baseline_value = models.FloatField(_("utgångsvärde"))
    baseline_date = models.DateField(_("utgångsvärdets datum"))
    target_value = models.FloatField(_("målvärde"))
    target_date = models.DateField(_("måldatum"))
    source = models.CharField(_("källa"), max_length=300)

    class Meta:
        ordering = ["measure", "pk"]
        verbose_name = _("mål")
        verbose_name_plural = _("mål")

    def __str__(self) -> str:
        return self.name

    def owning_plan(self) -> Plan:
        return self.measure.plan

    @property
    def name(self) -> str:
        return self.indicator.name_sv if self.indicator_id else self.local_name


class StatusReport(ScopedChild):
    """Where a measure stands on a date. Partners report on the measures their organisation owns."""

    scope_parent = "measure"

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="status_reports")
    state = models.CharField(_("status"), max_length=12, choices=MeasureState.choices)
    share_done = models.PositiveSmallIntegerField(_("andel genomförd (%)"))
    narrative = models.TextField(_("beskrivning"), blank=True)
    reported_on = models.DateField(_("datum"))
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["measure", "-reported_on", "-pk"]
        verbose_name = _("statusrapport")
        verbose_name_plural = _("statusrapporter")


class TargetReading(ScopedChild):
    """A follow-up value for a local indicator, entered by hand (statistics are read directly)."""

    scope_parent = "target"

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="readings")
    value = models.FloatField(_("värde"))
    measured_on = models.DateField(_("avser datum"))
    source = models.CharField(_("källa"), max_length=300)

    class Meta:
        ordering = ["target", "-measured_on", "-pk"]
        verbose_name = _("uppmätt värde")
        verbose_name_plural = _("uppmätta värden")


class FollowUp(ScopedChild):
    """A recorded follow-up of a decided plan (§ 6): statuses and indicator values, frozen."""

    scope_parent = "plan"

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="follow_ups")
    held_on = models.DateField(_("datum"))
    summary = models.TextField(_("sammanfattning"), blank=True)
    snapshot = models.JSONField(_("innehåll"), default=dict)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["plan", "-held_on", "-pk"]
        verbose_name = _("uppföljning")
        verbose_name_plural = _("uppföljningar")

    def __str__(self) -> str:
        return f"Uppföljning {self.held_on:%Y-%m-%d}"


@receiver(m2m_changed, sender=Measure.causes.through)
@receiver(m2m_changed, sender=Measure.partners.through)
def refuse_link_changes_in_decided_plans(sender, instance, action, reverse, pk_set, **kwargs):
    """Links are part of the decided plan too; `save()` alone would not guard them."""
    if not action.startswith("pre_"):
        return
    if isinstance(instance, Measure):
        measures = [instance]
    else:
        measures = Measure.objects.filter(pk__in=pk_set or ()).select_related("plan")
        if action == "pre_clear":
            measures = instance.measures.select_related("plan")
    if any(measure.plan.stored_status() == PlanStatus.DECIDED for measure in measures):
        raise ValidationError(FROZEN_MESSAGE)
