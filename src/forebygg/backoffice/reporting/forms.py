"""The yearly report's two small forms: the year to compile, and the county's comments."""

from django import forms
from django.utils.translation import gettext_lazy as _

FOUR_DIGITS = _("Ange redovisningsåret med fyra siffror.")


class DraftReportForm(forms.Form):
    # No label: the one error reads as a sentence on its own ("Ange redovisningsåret …").
    year = forms.IntegerField(error_messages={"required": FOUR_DIGITS, "invalid": FOUR_DIGITS})


class MoveForm(forms.Form):
    """Only a return carries text; the domain says when the comments are missing."""

    comments = forms.CharField(required=False, strip=False)
