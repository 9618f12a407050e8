from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "forebygg.reminders"
    verbose_name = _("Påminnelser och kalender")

    def ready(self) -> None:
        # Importing the tasks registers the daily reminder run with the worker's schedule.
        from forebygg.reminders import tasks  # noqa: F401
