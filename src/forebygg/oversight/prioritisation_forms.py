"""Forms for the support prioritisation: one weight per criterion, the report and list years."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from forebygg.core.forms import Form
from forebygg.support.domain.prioritisation import CRITERIA, validate_weights


class WeightsForm(Form):
    """One non-negative number per criterion; the domain refuses a set that is all zero."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in CRITERIA:
            self.fields[criterion.key] = forms.FloatField(
                label=criterion.label,
                help_text=criterion.formula,
                min_value=0,
                error_messages={
                    "required": _("Ange en vikt."),
                    "invalid": _("Vikten måste vara ett tal."),
                    "min_value": _("Vikten får inte vara negativ."),
                },
                widget=forms.NumberInput(attrs={"step": "any", "min": "0"}),
            )

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                cleaned.update(validate_weights({c.key: cleaned[c.key] for c in CRITERIA}))
            except ValidationError as error:
                raise ValidationError(error.messages) from None
        return cleaned

    @property
    def weights(self) -> dict[str, float]:
        return {criterion.key: self.cleaned_data[criterion.key] for criterion in CRITERIA}


class PrioritisationForm(WeightsForm):
    """The page's GET form: the weights plus which report year and police list to read."""

    def __init__(self, *args, years: list[int], list_years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ar"] = forms.TypedChoiceField(
            label=_("Årsredovisningar för år"),
            choices=[(year, year) for year in years],
            coerce=int,
        )
        self.fields["lista"] = forms.TypedChoiceField(
            label=_("Polisens lista över utsatta områden"),
            choices=[(year, year) for year in list_years] or [("", _("Ingen lista är inläst"))],
            coerce=int,
            empty_value=None,
            required=False,
        )

    @property
    def weight_fields(self):
        return [self[criterion.key] for criterion in CRITERIA]

    @property
    def source_fields(self):
        return [self["ar"], self["lista"]]
