from django import forms
from django.utils.translation import gettext_lazy as _

from forebygg.core.forms import Form
from forebygg.orgs.enums import OrganisationType, Visibility
from forebygg.orgs.models import AUTHORITY_TYPES, Organisation

PARTNER_TYPE_CHOICES = [
    (value, label) for value, label in OrganisationType.choices if value not in AUTHORITY_TYPES
]


class NoteForm(Form):
    title = forms.CharField(label=_("Rubrik"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Skriv om läget på områdes- och kommunnivå. Skriv aldrig om enskilda personer "
            "(namn, personnummer, ärenden)."
        ),
    )
    visibility = forms.ChoiceField(
        label=_("Synlighet"), choices=Visibility.choices, initial=Visibility.DRAFT
    )
    shared_with = forms.ModelMultipleChoiceField(
        label=_("Dela med samverkansparter"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shared_with"].queryset = partners


class InviteForm(Form):
    email = forms.EmailField(label=_("E-postadress"))
    organisation = forms.ModelChoiceField(
        label=_("Befintlig samverkanspart"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("– ny organisation –"),
    )
    new_name = forms.CharField(label=_("Ny organisations namn"), max_length=200, required=False)
    new_type = forms.ChoiceField(
        label=_("Ny organisations typ"), choices=PARTNER_TYPE_CHOICES, required=False
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = partners

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisation") and not cleaned.get("new_name", "").strip():
            raise forms.ValidationError(
                _("Välj en befintlig samverkanspart eller skriv namnet på en ny organisation.")
            )
        return cleaned
