from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "forebygg.orgs"
    label = "orgs"
    verbose_name = "Organisationer och behörigheter"
