from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "forebygg.core"
    label = "core"
    verbose_name = "Kärna"

    def ready(self):
        # Importing the tasks registers the hourly sweep with the worker's schedule.
        from forebygg.core import converters, lookups, tasks  # noqa: F401

        converters.register()
        lookups.register()
