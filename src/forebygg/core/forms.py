"""The base of every form of the project, and forms that more than one audience shows."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forebygg.core.bounds import FIRST_YEAR, LAST_YEAR
from forebygg.core.validators import MAX_UPLOAD_BYTES, guard_field


class InputRules:
    """What every form refuses, whatever its fields say: control characters in text (tab and
    line breaks only in a text area), numbers beyond a sane bound, dates outside
    FIRST_YEAR–LAST_YEAR, and files larger than the field's `max_bytes` (10 MB unless set).

    Applied when the form is cleaned, so fields added in `__init__` are covered too.
    `tests/core/test_every_form_has_the_input_rules.py` fails for a form without it.
    """

    def full_clean(self):
        for field in self.fields.values():
            guard_field(field)
        super().full_clean()


class Form(InputRules, forms.Form):
    pass


class ModelForm(InputRules, forms.ModelForm):
    pass


class UploadField(forms.FileField):
    """A file of at most `max_bytes`: the form refuses a larger one before the view reads it."""

    def __init__(self, *, max_bytes: int = MAX_UPLOAD_BYTES, **kwargs):
        self.max_bytes = max_bytes
        super().__init__(**kwargs)


class YearField(forms.IntegerField):
    """A year, FIRST_YEAR to LAST_YEAR; outside them one Swedish message says which years."""

    def __init__(self, *, error_messages=None, **kwargs):
        out_of_range = years_allowed()
        super().__init__(
            min_value=FIRST_YEAR,
            max_value=LAST_YEAR,
            error_messages={
                "min_value": out_of_range,
                "max_value": out_of_range,
                **(error_messages or {}),
            },
            **kwargs,
        )


def _years_allowed() -> str:
    return _("Ange ett år mellan %(first)s och %(last)s.") % {
        "first": FIRST_YEAR,
        "last": LAST_YEAR,
    }


years_allowed = lazy(_years_allowed, str)


class ChangeFilterForm(Form):
    """The change log's filter by model type and by user; `sida` is the page number."""

    typ = forms.ChoiceField(label=gettext_lazy("Typ"), required=False)
    vem = forms.ChoiceField(label=gettext_lazy("Vem"), required=False)

    def __init__(self, data, *, types, authors):
        super().__init__(data)
        self.types = {audited.key: audited for audited in types}
        self.authors = {str(author.pk): author for author in authors}
        everything = [("", _("Alla"))]
        self.fields["typ"].choices = everything + [(key, t.label) for key, t in self.types.items()]
        self.fields["vem"].choices = everything + [
            (key, author.get_full_name() or author.get_username())
            for key, author in self.authors.items()
        ]

    def filters(self) -> dict:
        """The valid filters; an unknown value filters nothing rather than failing the page."""
        self.is_valid()
        chosen_type = self.types.get(self.cleaned_data.get("typ", ""))
        return {
            "model": chosen_type.model if chosen_type else None,
            "user": self.authors.get(self.cleaned_data.get("vem", "")),
        }
