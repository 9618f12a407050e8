from django.apps import AppConfig


class GeoConfig(AppConfig):
    name = "forebygg.geo"
    label = "geo"
    verbose_name = "Geografi"
