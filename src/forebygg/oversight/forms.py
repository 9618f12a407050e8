"""The county's form for sending its combined report to Brå."""

from django import forms
from django.utils.translation import gettext_lazy as _

from forebygg.core.forms import Form


class SendCountyReportForm(Form):
    """Ticked only when kommuner are missing: the domain refuses to send without it then."""

    confirm_missing = forms.BooleanField(
        label=_("Jag bekräftar att redovisningen skickas till Brå utan kommunerna ovan."),
        required=False,
    )
