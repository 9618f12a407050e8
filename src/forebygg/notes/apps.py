from django.apps import AppConfig


class NotesConfig(AppConfig):
    name = "forebygg.notes"
    label = "notes"
    verbose_name = "Anteckningar"
