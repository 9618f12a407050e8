"""The upload form of the statistics import: the file and which format it is in."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forebygg.stats.importers.registry import IMPORTERS

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Filens typ"))
    file = forms.FileField(label=gettext_lazy("Fil"))

    def __init__(self, *args, kinds, too_large=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind, IMPORTERS[kind].LABEL) for kind in kinds]
        self.too_large = too_large

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Filen är större än 50 MB."))
        return upload

    def clean(self):
        if self.too_large:
            self.errors.pop("file", None)
            self.add_error("file", _("Filen är större än 50 MB."))
        return super().clean()
