from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "forebygg.public"
    label = "public"
    verbose_name = "Publika sidor"
