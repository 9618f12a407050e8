"""The yearly report's two small forms: the year to compile, and the county's comments."""

from django import forms
from django.utils.translation import gettext_lazy as _

from forebygg.core.forms import Form, YearField

FOUR_DIGITS = _("Ange redovisningsåret med fyra siffror.")


class DraftReportForm(Form):
    # No label: the one error reads as a sentence on its own ("Ange redovisningsåret …").
    year = YearField(error_messages={"required": FOUR_DIGITS, "invalid": FOUR_DIGITS})


class MoveForm(Form):
    """Only a return carries text; the domain says when the comments are missing."""

    comments = forms.CharField(required=False, strip=False)
