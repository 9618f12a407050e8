"""Choices of the core app: the states of a background job."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStep(models.TextChoices):
    CHECK = "kontroll", _("Kontroll")
    IMPORT = "inlasning", _("Inläsning")


class JobStatus(models.TextChoices):
    QUEUED = "koad", _("Väntar på sin tur")
    RUNNING = "pagar", _("Pågår")
    CHECKED = "kontrollerad", _("Kontrollerad, väntar på ditt beslut")
    REJECTED = "avvisad", _("Avvisad, inget har ändrats")
    DONE = "klar", _("Klar")
    FAILED = "misslyckad", _("Avbröts av ett fel, inget har ändrats")
    ABANDONED = "overgiven", _("Övergiven")


class JobPhase(models.TextChoices):
    READING = "laser", _("Läser och kontrollerar filen")
    WRITING = "skriver", _("Skriver till databasen")
