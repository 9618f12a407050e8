"""The yearly report chain: kommun → länsstyrelse (approval) → the county's combined report → Brå.

Which state may follow which, and who may move it, is declared once in
`reporting.domain.transitions`. An approved report's content is frozen: the figures it was
built from are stored in it with a hash and cannot change for that year.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from forebygg.core.models import AuditedModel, FrozenOnceDecided
from forebygg.orgs.access import KommunOwnedModel, KommunOwnedQuerySet, access_for
from forebygg.reporting.enums import CountyState, ReportState


class YearlyReportQuerySet(KommunOwnedQuerySet):
    def visible_to(self, user) -> YearlyReportQuerySet:
        """The kommun and its county as for all kommun data; Brå once the county has sent it."""
        visible = super().visible_to(user)
        if not access_for(user).is_national:
            return visible
        sent_to_bra = self.filter(county_report__status=CountyState.SUBMITTED)
        return (visible | sent_to_bra).distinct()


class CountyReportQuerySet(models.QuerySet):
    def visible_to(self, user) -> CountyReportQuerySet:
        """The länsstyrelse sees its own län's reports; Brå sees them once submitted."""
        access = access_for(user)
        if access.is_site_admin:
            return self.all()
        rule = models.Q(lan_id__in=access.county_lan_ids)
        if access.is_national:
            rule |= models.Q(status=CountyState.SUBMITTED)
        return self.filter(rule)


class YearlyReport(FrozenOnceDecided, KommunOwnedModel):
    DECIDED_STATUS = ReportState.APPROVED
    FROZEN_STATUSES = frozenset({ReportState.INCLUDED})
    FROZEN_MESSAGE = _("En godkänd årsredovisning kan inte ändras.")
    PUBLICATION_FIELDS = frozenset({"visibility", "updated_at", "status", "county_report"})

    year = models.PositiveSmallIntegerField(_("år"))
    status = models.CharField(
        _("status"), max_length=14, choices=ReportState.choices, default=ReportState.DRAFT
    )
    content = models.JSONField(_("innehåll"), default=dict)
    content_hash = models.CharField(_("kontrollsumma"), max_length=64, blank=True)
    # Brå's questions as answered when the report was submitted (`reporting.domain.questions`).
    answers = models.JSONField(_("svar på Brå:s frågor"), default=list, blank=True)
    comments = models.TextField(_("länsstyrelsens kommentarer"), blank=True)
    county_report = models.ForeignKey(
        "reporting.CountyReport",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kommun_reports",
    )

    objects = YearlyReportQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "kommun__name"]
        verbose_name = _("årsredovisning")
        verbose_name_plural = _("årsredovisningar")
        constraints = [models.UniqueConstraint(fields=["kommun", "year"], name="one_yearly_report")]

    def __str__(self) -> str:
        return f"{self.kommun} {self.year}"


class CountyReport(AuditedModel):
    """The länsstyrelse's combined report (samlad redovisning) to Brå for one year."""

    lan = models.ForeignKey("geo.Lan", on_delete=models.PROTECT, related_name="county_reports")
    year = models.PositiveSmallIntegerField(_("år"))
    status = models.CharField(
        _("status"), max_length=10, choices=CountyState.choices, default=CountyState.DRAFT
    )
    networks = models.TextField(_("regionala nätverk"), blank=True)
    trainings = models.TextField(_("utbildningar"), blank=True)
    cross_kommun_measures = models.TextField(_("kommunöverskridande åtgärder"), blank=True)
    content = models.JSONField(_("innehåll vid inskick"), default=dict, blank=True)
    content_hash = models.CharField(_("kontrollsumma"), max_length=64, blank=True)
    submitted_at = models.DateTimeField(_("inskickad"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = CountyReportQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "lan__code"]
        verbose_name = _("samlad redovisning")
        verbose_name_plural = _("samlade redovisningar")
        constraints = [models.UniqueConstraint(fields=["lan", "year"], name="one_county_report")]

    def __str__(self) -> str:
        return f"{self.lan} {self.year}"
