"""Forms for the lägesbild: a section's text, a problem candidate and the decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from forebygg.backoffice.plans.forms import DateInput
from forebygg.core.forms import Form


class SectionForm(Form):
    text = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Tom rad = nytt stycke. Rader som börjar med '- ' blir en lista, '## ' en "
            "underrubrik och **text** fetstil. Skriv aldrig om enskilda personer."
        ),
    )
    base = forms.CharField(required=False, widget=forms.HiddenInput)


class CandidateForm(Form):
    title = forms.CharField(label=_("Problem"), max_length=200)
    description = forms.CharField(
        label=_("Beskrivning"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    figure = forms.ChoiceField(label=_("Underlag (figur)"), required=False)
    evidence = forms.CharField(label=_("Underlag (text)"), max_length=400, required=False)

    def __init__(self, *args, figures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["figure"].choices = [("", "–")] + [(f["id"], f["title"]) for f in figures]


class DecideForm(Form):
    """The decision as the body took it: who, on which day, under which diarienummer."""

    body = forms.CharField(
        label=_("Fastställs av (organ)"),
        max_length=200,
        help_text=_("Till exempel kommunstyrelsen. Lagen anger inte vilket organ."),
    )
    decided_on = forms.DateField(
        label=_("Beslutsdatum"),
        widget=DateInput,
        help_text=_("Dagen då organet fattade beslutet, inte i dag om det beslutades tidigare."),
    )
    reference = forms.CharField(label=_("Diarienummer"), max_length=80)
