from django.apps import AppConfig


class LagesbildConfig(AppConfig):
    name = "forebygg.lagesbild"
    label = "lagesbild"
    verbose_name = "Lägesbild"
