from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "forebygg.stats"
    label = "stats"
    verbose_name = "Statistik och källor"
