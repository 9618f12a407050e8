"""Cooperation and governance under lag 2023:196 §§ 7 and 9–13.

Agreements and citizen promises (§ 9), the strategic council (§ 10), the coordination function
(§§ 11–12), the leading body and its reports to kommunfullmäktige (§ 13) and links to other
statutory plans (§ 7). People appear only as work contacts: name, title, work e-mail and phone.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from forebygg.governance.enums import (
    AgreementKind,
    BodyKind,
    CycleKind,
    LinkedPlanKind,
    PromiseOutcome,
    Seniority,
)
from forebygg.orgs.access import KommunOwnedModel, ScopedChild, ScopedQuerySet, access_for


class ContactPerson(KommunOwnedModel):
    """A work contact at one of the kommun's actors (never a private person or a case)."""

    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.CASCADE, related_name="contact_persons"
    )
    name = models.CharField(_("namn"), max_length=120)
    title = models.CharField(_("befattning"), max_length=120, blank=True)
    work_email = models.EmailField(_("e-post i tjänsten"), blank=True)
    work_phone = models.CharField(_("telefon i tjänsten"), max_length=40, blank=True)

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")

    def __str__(self) -> str:
        return f"{self.name}, {self.organisation}"


class DocumentQuerySet(ScopedQuerySet):
    """A document is read by whoever may read the agreement or report it belongs to."""

    def visible_to(self, user) -> "DocumentQuerySet":
        agreements = Agreement.objects.visible_to(user).values("document_id")
        reports = CouncilReport.objects.visible_to(user).values("document_id")
        return self.filter(models.Q(pk__in=agreements) | models.Q(pk__in=reports))

    def editable_by(self, user) -> "DocumentQuerySet":
        return self.filter(kommun_id__in=access_for(user).coordinator_kommun_ids)


class Document(models.Model):
    """An uploaded file (signed agreement, report to KF). Write-once, so no change history."""

    kommun = models.ForeignKey("geo.Kommun", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("filnamn"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    data = models.BinaryField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("dokument")
        verbose_name_plural = _("dokument")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def kommun_lookup(cls) -> str:
        return "kommun"


class Agreement(KommunOwnedModel):
    _history_m2m_fields = ("shared_with", "parties", "measures")

    kind = models.CharField(_("typ"), max_length=16, choices=AgreementKind.choices)
    title = models.CharField(_("rubrik"), max_length=200)
    parties = models.ManyToManyField(
        "orgs.Organisation", verbose_name=_("parter"), related_name="agreements"
    )
    purposes = models.TextField(_("syften"), blank=True)
    areas = models.TextField(_("samverkansområden"), blank=True)
    valid_from = models.DateField(_("gäller från"), null=True, blank=True)
    valid_until = models.DateField(_("gäller till"), null=True, blank=True)
    signed_on = models.DateField(_("undertecknad"), null=True, blank=True)
    document = models.ForeignKey(
        Document, verbose_name=_("dokument"), on_delete=models.SET_NULL, null=True, blank=True
    )
    measures = models.ManyToManyField(
        "plans.Measure",
        verbose_name=_("åtgärder som genomför överenskommelsen"),
        blank=True,
        related_name="agreements",
    )

    class Meta:
        ordering = ["-valid_from", "title"]
        verbose_name = _("överenskommelse")
        verbose_name_plural = _("överenskommelser")

    def __str__(self) -> str:
        return self.title

    @property
    def is_signed(self) -> bool:
        return self.signed_on is not None


class Promise(ScopedChild):
    """One citizen promise (medborgarlöfte): a concrete, public commitment."""

    scope_parent = "agreement"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="promises")
    text = models.TextField(_("löfte"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("löfte")
        verbose_name_plural = _("löften")

    def __str__(self) -> str:
        return self.text[:60]


class PromiseFollowUp(ScopedChild):
    scope_parent = "promise"

    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="follow_ups")
    followed_up_on = models.DateField(_("datum"))
    outcome = models.CharField(_("resultat"), max_length=8, choices=PromiseOutcome.choices)
    comment = models.TextField(_("kommentar"), blank=True)

    class Meta:
        ordering = ["-followed_up_on", "-pk"]
        verbose_name = _("uppföljning av löfte")
        verbose_name_plural = _("uppföljningar av löften")


class Council(KommunOwnedModel):
    """The strategic council (§ 10). One per kommun; the kommun is to lead it."""

    name = models.CharField(_("namn"), max_length=200)
    mandate = models.TextField(_("uppdrag"), blank=True)

    class Meta:
        verbose_name = _("strategiskt råd")
        verbose_name_plural = _("strategiska råd")
        constraints = [models.UniqueConstraint(fields=["kommun"], name="one_council_per_kommun")]

    def __str__(self) -> str:
        return self.name


SENIOR_LEVELS = {Seniority.SENIOR, Seniority.ELECTED}


class CouncilMember(ScopedChild):
    scope_parent = "council"

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="council_seats"
    )
    representative = models.CharField(_("företrädare"), max_length=120, blank=True)
    position = models.CharField(_("befattning"), max_length=120)
    seniority = models.CharField(_("nivå"), max_length=16, choices=Seniority.choices)
    is_chair = models.BooleanField(_("ordförande"), default=False)
    left_on = models.DateField(_("lämnade rådet"), null=True, blank=True)

    class Meta:
        ordering = ["-is_chair", "organisation__name"]
        verbose_name = _("ledamot")
        verbose_name_plural = _("ledamöter")
        constraints = [
            models.UniqueConstraint(
                fields=["council"],
                condition=models.Q(is_chair=True, left_on__isnull=True),
                name="one_chair_per_council",
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}, {self.organisation}"


class WorkingGroup(ScopedChild):
    _history_m2m_fields = ("organisations",)

    scope_parent = "council"

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="working_groups")
    name = models.CharField(_("namn"), max_length=200)
    purpose = models.TextField(_("uppdrag"), blank=True)
    organisations = models.ManyToManyField(
        "orgs.Organisation", verbose_name=_("organisationer"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("arbetsgrupp")
        verbose_name_plural = _("arbetsgrupper")

    def __str__(self) -> str:
        return self.name


class Meeting(ScopedChild):
    _history_m2m_fields = ("attendees",)

    scope_parent = "council"

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="meetings")
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("arbetsgrupp"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
    )
    held_on = models.DateField(_("datum"))
    agenda = models.TextField(_("dagordning"), blank=True)
    minutes = models.TextField(_("protokoll"), blank=True)
    attendees = models.ManyToManyField(
        CouncilMember, verbose_name=_("närvarande"), blank=True, related_name="meetings"
    )

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("möte")
        verbose_name_plural = _("möten")

    def __str__(self) -> str:
        return f"{self.council} {self.held_on.isoformat()}"


class Decision(ScopedChild):
    scope_parent = "meeting"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("beslut"))
    owner = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("ansvarig"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    due_on = models.DateField(_("klart senast"), null=True, blank=True)
    done_on = models.DateField(_("klart"), null=True, blank=True)

    class Meta:
        ordering = ["done_on", "due_on", "pk"]
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")

    def __str__(self) -> str:
        return self.text[:60]


class CycleEvent(KommunOwnedModel):
    """A recurring item in the årshjul (annual cycle): it comes back the same month every year."""

    title = models.CharField(_("rubrik"), max_length=200)
    month = models.PositiveSmallIntegerField(_("månad"))
    kind = models.CharField(_("typ"), max_length=10, choices=CycleKind.choices)
    description = models.TextField(_("beskrivning"), blank=True)

    class Meta:
        ordering = ["month", "title"]
        verbose_name = _("punkt i årshjulet")
        verbose_name_plural = _("punkter i årshjulet")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="cycle_month_1_12"
            )
        ]

    def __str__(self) -> str:
        return self.title


class CoordinationFunction(KommunOwnedModel):
    """The samordningsfunktion (§§ 11–12). Publishing it makes it the public contact point."""

    _history_m2m_fields = ("shared_with", "persons")

    name = models.CharField(_("funktionens namn"), max_length=200)
    unit = models.CharField(_("förvaltning eller enhet"), max_length=200, blank=True)
    email = models.EmailField(_("e-post (funktionsbrevlåda)"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    description = models.TextField(_("vad funktionen gör"), blank=True)
    persons = models.ManyToManyField(
        ContactPerson, verbose_name=_("personer"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("samordningsfunktion")
        verbose_name_plural = _("samordningsfunktioner")
        constraints = [models.UniqueConstraint(fields=["kommun"], name="one_coordination_function")]

    def __str__(self) -> str:
        return self.name

    @property
    def has_contact(self) -> bool:
        return bool(self.email or self.phone)


class Leadership(KommunOwnedModel):
    """Who leads the work (§ 13): kommunstyrelsen or a committee appointed by KF."""

    body_kind = models.CharField(_("ledande organ"), max_length=6, choices=BodyKind.choices)
    body_name = models.CharField(_("organets namn"), max_length=200)
    appointed_reference = models.CharField(
        _("beslut om uppdraget (dnr)"), max_length=80, blank=True
    )

    class Meta:
        verbose_name = _("ledning")
        verbose_name_plural = _("ledning")
        constraints = [models.UniqueConstraint(fields=["kommun"], name="one_leadership")]

    def __str__(self) -> str:
        return self.body_name


class CouncilReport(KommunOwnedModel):
    """A report from the leading body to kommunfullmäktige (§ 13)."""

    reported_on = models.DateField(_("datum"))
    title = models.CharField(_("ärende"), max_length=200)
    reference = models.CharField(_("diarienummer"), max_length=80, blank=True)
    summary = models.TextField(_("sammanfattning"), blank=True)
    document = models.ForeignKey(
        Document, verbose_name=_("dokument"), on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("rapport till kommunfullmäktige")
        verbose_name_plural = _("rapporter till kommunfullmäktige")

    def __str__(self) -> str:
        return self.title


class LinkedPlan(KommunOwnedModel):
    """Another statutory plan or analysis the work is integrated with (§ 7)."""

    kind = models.CharField(_("typ"), max_length=10, choices=LinkedPlanKind.choices)
    name = models.CharField(_("namn"), max_length=200)
    reference = models.CharField(_("diarienummer eller länk"), max_length=300, blank=True)
    how_integrated = models.TextField(_("hur arbetet samordnas"), blank=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("kopplad plan")
        verbose_name_plural = _("kopplade planer")

    def __str__(self) -> str:
        return self.name
