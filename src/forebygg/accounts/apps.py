from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "forebygg.accounts"
    label = "accounts"
    verbose_name = "Inloggning och inbjudningar"
