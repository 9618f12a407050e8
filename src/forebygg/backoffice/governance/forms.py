"""Forms for actors, agreements, the council, the årshjul, coordination and leadership.

Forms only parse input; the rules live in governance.domain.

One module, although the views are a package with a module per URL area: the forms are
short, and four areas share `KommunForm` (organisation fields offering the kommun's own
actors), so a split would mostly move that base into a module of its own. A form is found
by its name here, next to the others it resembles.
"""

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from forebygg.backoffice.plans.forms import NO_PERSONS, DateInput
from forebygg.core.forms import Form, UploadField
from forebygg.governance.domain.actors import actor_organisations, suggested_organisations
from forebygg.governance.domain.agreements import measures_for_linking
from forebygg.governance.domain.coordination import persons_for_function
from forebygg.governance.domain.documents import MAX_DOCUMENT_BYTES
from forebygg.governance.enums import (
    AgreementKind,
    BodyKind,
    CycleKind,
    LinkedPlanKind,
    PromiseOutcome,
    Seniority,
)
from forebygg.orgs.enums import OrganisationType

ACTOR_TYPES = [
    (value, label)
    for value, label in OrganisationType.choices
    if value not in {OrganisationType.KOMMUN, OrganisationType.BRA}
]
WORK_CONTACT = _("Bara kontaktuppgifter i tjänsten.")


def _actors_field(label, *, required=True, multiple=False):
    if multiple:
        return forms.ModelMultipleChoiceField(
            label=label, queryset=None, required=required, widget=forms.CheckboxSelectMultiple
        )
    return forms.ModelChoiceField(label=label, queryset=None, required=required, empty_label="–")


class KommunForm(Form):
    """A form whose organisation fields offer the kommun's own actors."""

    actor_fields: tuple[str, ...] = ()

    def __init__(self, *args, kommun, **kwargs):
        super().__init__(*args, **kwargs)
        self.kommun = kommun
        for name in self.actor_fields:
            self.fields[name].queryset = actor_organisations(kommun).order_by("name")


class ActorForm(Form):
    prefix = "actor"  # Aktörer shows it beside ContactPersonForm; both have a field "name"
    existing = forms.ModelChoiceField(
        label=_("Organisation som redan finns i länet"),
        queryset=None,
        required=False,
        empty_label=_("– ny organisation –"),
    )
    name = forms.CharField(label=_("Namn på ny organisation"), max_length=200, required=False)
    type = forms.ChoiceField(label=_("Typ"), choices=[("", "–")] + ACTOR_TYPES, required=False)
    contribution = forms.CharField(
        label=_("Vad organisationen bidrar med"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, kommun, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["existing"].queryset = suggested_organisations(kommun)

    def clean(self):
        data = super().clean()
        if not data.get("existing") and not (data.get("name") and data.get("type")):
            raise forms.ValidationError(
                _("Välj en organisation som redan finns eller ange namn och typ på en ny.")
            )
        return data


class ContributionForm(Form):
    contribution = forms.CharField(
        label=_("Vad organisationen bidrar med"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ContactPersonForm(KommunForm):
    prefix = "contact"
    actor_fields = ("organisation",)
    organisation = _actors_field(_("Organisation"))
    name = forms.CharField(label=_("Namn"), max_length=120)
    title = forms.CharField(label=_("Befattning"), max_length=120, required=False)
    work_email = forms.EmailField(label=_("E-post i tjänsten"), required=False)
    work_phone = forms.CharField(
        label=_("Telefon i tjänsten"), max_length=40, required=False, help_text=WORK_CONTACT
    )


class AgreementForm(KommunForm):
    actor_fields = ("parties",)
    kind = forms.ChoiceField(label=_("Typ"), choices=AgreementKind.choices)
    title = forms.CharField(label=_("Rubrik"), max_length=200)
    parties = _actors_field(_("Parter"), required=False, multiple=True)
    purposes = forms.CharField(
        label=_("Syften (§ 9)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Lagen kräver att en samverkansöverenskommelse anger syften och områden."),
    )
    areas = forms.CharField(
        label=_("Samverkansområden (§ 9)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=NO_PERSONS,
    )
    valid_from = forms.DateField(label=_("Gäller från"), required=False, widget=DateInput)
    valid_until = forms.DateField(label=_("Gäller till"), required=False, widget=DateInput)
    signed_on = forms.DateField(label=_("Undertecknad"), required=False, widget=DateInput)
    measures = forms.ModelMultipleChoiceField(
        label=_("Åtgärder som genomför överenskommelsen"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    document = UploadField(
        max_bytes=MAX_DOCUMENT_BYTES,
        label=_("Undertecknat dokument (PDF, docx eller odt, högst 10 MB)"),
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measures"].queryset = measures_for_linking(self.kommun, user)
        self.fields["measures"].label_from_instance = lambda m: (
            f"{m.key} {m.title} (plan version {m.plan.number})"
        )
        self.fields["measures"].empty_text = _("Kommunen har inga åtgärder ännu.")


class PromiseForm(Form):
    text = forms.CharField(label=_("Löfte"), widget=forms.Textarea(attrs={"rows": 2}))


class PromiseFollowUpForm(Form):
    outcome = forms.ChoiceField(label=_("Resultat"), choices=PromiseOutcome.choices)
    followed_up_on = forms.DateField(label=_("Datum"), widget=DateInput)
    comment = forms.CharField(
        label=_("Kommentar"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CouncilForm(Form):
    name = forms.CharField(label=_("Rådets namn"), max_length=200)
    mandate = forms.CharField(
        label=_("Uppdrag"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class MemberForm(KommunForm):
    actor_fields = ("organisation",)
    organisation = _actors_field(_("Organisation"))
    position = forms.CharField(label=_("Befattning"), max_length=120)
    seniority = forms.ChoiceField(
        label=_("Nivå"),
        choices=Seniority.choices,
        help_text=_(
            "Lagen: kommunen ska verka för att aktörerna företräds av ledande befattningar."
        ),
    )
    representative = forms.CharField(
        label=_("Företrädarens namn"), max_length=120, required=False, help_text=WORK_CONTACT
    )
    is_chair = forms.BooleanField(label=_("Ordförande"), required=False)


class WorkingGroupForm(KommunForm):
    actor_fields = ("organisations",)
    name = forms.CharField(label=_("Arbetsgruppens namn"), max_length=200)
    purpose = forms.CharField(
        label=_("Uppdrag"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    organisations = _actors_field(_("Organisationer"), required=False, multiple=True)


class MeetingForm(Form):
    held_on = forms.DateField(label=_("Datum"), widget=DateInput)
    working_group = forms.ModelChoiceField(
        label=_("Arbetsgrupp"),
        queryset=None,
        required=False,
        empty_label=_("– rådet –"),
    )
    agenda = forms.CharField(
        label=_("Dagordning"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    minutes = forms.CharField(
        label=_("Protokoll"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=NO_PERSONS,
    )
    attendees = forms.ModelMultipleChoiceField(
        label=_("Närvarande"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["working_group"].queryset = council.working_groups.all()
        self.fields["attendees"].queryset = council.members.filter(
            left_on__isnull=True
        ).select_related("organisation")
        self.fields["attendees"].empty_text = _("Rådet har inga ledamöter ännu.")


class MinutesForm(Form):
    minutes = forms.CharField(
        label=_("Protokoll"), widget=forms.Textarea(attrs={"rows": 5}), help_text=NO_PERSONS
    )
    attendees = forms.ModelMultipleChoiceField(
        label=_("Närvarande"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = meeting.council.members.select_related("organisation")


class DecisionForm(KommunForm):
    actor_fields = ("owner",)
    text = forms.CharField(label=_("Beslut"), widget=forms.Textarea(attrs={"rows": 2}))
    owner = _actors_field(_("Ansvarig organisation"), required=False)
    due_on = forms.DateField(label=_("Klart senast"), required=False, widget=DateInput)


class DoneForm(Form):
    done_on = forms.DateField(label=_("Klart datum"), widget=DateInput)


class CycleEventForm(Form):
    title = forms.CharField(label=_("Rubrik"), max_length=200)
    month = forms.TypedChoiceField(
        label=_("Månad"), coerce=int, choices=[(n, n) for n in range(1, 13)]
    )
    kind = forms.ChoiceField(label=_("Typ"), choices=CycleKind.choices)
    description = forms.CharField(
        label=_("Beskrivning"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = [(n, MONTHS[n]) for n in range(1, 13)]


class CoordinationForm(Form):
    name = forms.CharField(label=_("Funktionens namn"), max_length=200)
    unit = forms.CharField(label=_("Förvaltning eller enhet"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-post (gärna en funktionsbrevlåda)"), required=False)
    phone = forms.CharField(label=_("Telefon"), max_length=40, required=False)
    description = forms.CharField(
        label=_("Vad funktionen gör"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    persons = forms.ModelMultipleChoiceField(
        label=_("Personer i funktionen"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, kommun, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persons"].queryset = persons_for_function(kommun)
        self.fields["persons"].empty_text = _("Lägg till kontaktpersoner under Aktörer först.")


class LeadershipForm(Form):
    body_kind = forms.ChoiceField(label=_("Ledande organ"), choices=BodyKind.choices)
    body_name = forms.CharField(label=_("Organets namn"), max_length=200)
    appointed_reference = forms.CharField(
        label=_("Beslut om uppdraget (diarienummer)"), max_length=80, required=False
    )


class CouncilReportForm(Form):
    prefix = "report"  # Ledning shows it beside LinkedPlanForm; both have a field "reference"
    reported_on = forms.DateField(label=_("Datum"), widget=DateInput)
    title = forms.CharField(label=_("Ärende"), max_length=200)
    reference = forms.CharField(label=_("Diarienummer"), max_length=80, required=False)
    summary = forms.CharField(
        label=_("Sammanfattning"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    document = UploadField(
        max_bytes=MAX_DOCUMENT_BYTES,
        label=_("Dokument (PDF, docx eller odt, högst 10 MB)"),
        required=False,
    )


class LinkedPlanForm(Form):
    prefix = "linked"
    kind = forms.ChoiceField(label=_("Typ"), choices=LinkedPlanKind.choices)
    name = forms.CharField(label=_("Namn"), max_length=200)
    reference = forms.CharField(label=_("Diarienummer eller länk"), max_length=300, required=False)
    how_integrated = forms.CharField(
        label=_("Hur arbetet samordnas"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
