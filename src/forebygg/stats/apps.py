from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "forebygg.stats"
    label = "stats"
    verbose_name = "Statistik och källor"

    def ready(self) -> None:
        from forebygg.stats.jobs import register_jobs

        register_jobs()
