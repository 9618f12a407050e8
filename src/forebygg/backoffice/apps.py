from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "forebygg.backoffice"
    label = "backoffice"
    verbose_name = "Kommunens arbetsyta"
