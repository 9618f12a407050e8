from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "forebygg.core"
    label = "core"
    verbose_name = "Kärna"

    def ready(self):
        from forebygg.core import converters, lookups

        converters.register()
        lookups.register()
