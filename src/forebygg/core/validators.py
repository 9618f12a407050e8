"""Validators for what comes from outside: text, numbers, dates and files in forms.

`guard_field` gives a form field the ones its kind needs; `core.forms.InputRules` applies it
to every field of every form of the project, so no form can forget one.
"""

import re
from datetime import date, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    ProhibitNullCharactersValidator,
)
from django.utils.translation import gettext_lazy as _

from forebygg.core.bounds import FIRST_YEAR, LAST_YEAR, MAX_FIGURE, MAX_ID
from forebygg.core.formatting import format_number

MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # a field may allow less or more with `max_bytes`

# C0 and C1 controls and DEL; tab, line feed and carriage return are text in a text area.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROLS_BUT_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class RefuseControlCharacters:
    """Invisible characters that change how text is stored, shown or exported are refused."""

    def __init__(self, *, multiline: bool):
        self.multiline = multiline

    def __call__(self, value) -> None:
        if not isinstance(value, str):
            return
        if self.multiline and _CONTROLS_BUT_LINES.search(value):
            raise ValidationError(
                _("Texten innehåller otillåtna styrtecken (osynliga tecken). Ta bort dem."),
                code="control_characters",
            )
        if not self.multiline and _CONTROLS.search(value):
            raise ValidationError(
                _("Fältet får inte innehålla radbrytningar, tabbar eller andra styrtecken."),
                code="control_characters",
            )


class RefuseYearsOutOfRange:
    """A date outside FIRST_YEAR–LAST_YEAR is a typing mistake, or a probe for a crash."""

    def __call__(self, value) -> None:
        if isinstance(value, date | datetime) and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise ValidationError(
                _("Ange ett datum mellan år %(first)s och %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR},
                code="year_out_of_range",
            )


class RefuseLargerFiles:
    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes

    def megabytes(self) -> str:
        megabytes = self.max_bytes / (1024 * 1024)
        return format_number(megabytes, 0 if megabytes.is_integer() else 1)

    def __call__(self, value) -> None:
        if getattr(value, "size", 0) > self.max_bytes:
            raise ValidationError(
                _("Filen är större än %(megabytes)s MB.") % {"megabytes": self.megabytes()},
                code="file_too_large",
            )


def guard_field(field: forms.Field) -> None:
    """Add the validators the field's kind needs; once per field."""
    if getattr(field, "_guarded", False):
        return
    field._guarded = True
    if isinstance(field, forms.CharField):
        multiline = isinstance(field.widget, forms.Textarea)
        field.validators = [
            v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]
        field.validators.append(RefuseControlCharacters(multiline=multiline))
    elif isinstance(field, forms.IntegerField):  # FloatField and DecimalField too
        field.validators += _number_bounds(field)
    elif isinstance(field, forms.DateField | forms.DateTimeField):
        field.validators.append(RefuseYearsOutOfRange())
    elif isinstance(field, forms.FileField):
        field.validators.append(RefuseLargerFiles(getattr(field, "max_bytes", MAX_UPLOAD_BYTES)))


def _number_bounds(field: forms.IntegerField) -> list:
    """The bounds a number field left open: an id's for whole numbers, MAX_FIGURE otherwise."""
    whole = not isinstance(field, forms.FloatField | forms.DecimalField)
    bound = MAX_ID if whole else MAX_FIGURE
    bounds = []
    if field.min_value is None:
        bounds.append(MinValueValidator(-bound, message=_("Talet är orimligt litet.")))
    if field.max_value is None:
        bounds.append(MaxValueValidator(bound, message=_("Talet är orimligt stort.")))
    return bounds
