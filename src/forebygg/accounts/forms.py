from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from forebygg.core.forms import Form


class RegisterForm(Form):
    """A new partner account, created from an invitation link."""

    username = forms.CharField(label=_("Användarnamn"), max_length=150)
    password1 = forms.CharField(
        label=_("Lösenord"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Lösenord igen"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Användarnamnet är upptaget. Välj ett annat."))
        return username

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Lösenorden är inte likadana."))
        elif first:
            user = get_user_model()(username=cleaned.get("username", ""))
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ReminderForm(Form):
    """Reminder e-mails on or off (the account page)."""

    wanted = forms.BooleanField(
        label=_("Skicka påminnelser till mig per e-post"),
        required=False,
        help_text=_(
            "Om lägesbild och uppföljning som ska vara klara inom 60 dagar, överenskommelser "
            "som går ut, en årsredovisning som länsstyrelsen återförvisat och rådets beslut "
            "som är försenade."
        ),
    )
