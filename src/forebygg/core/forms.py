"""Forms that more than one audience shows."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class ChangeFilterForm(forms.Form):
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
