"""Choices of the reminders app: what a reminder is about."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderKind(models.TextChoices):
    LAGESBILD_UPDATE = "lagesbild", _("Lägesbilden ska uppdateras (§ 6)")
    FOLLOW_UP = "uppfoljning", _("Åtgärdsplanen ska följas upp (§ 6)")
    AGREEMENT_ENDING = "overenskommelse", _("En överenskommelse går ut")
    REPORT_RETURNED = "arsredovisning", _("Årsredovisningen har återförvisats")
    DECISION_OVERDUE = "beslut", _("Ett beslut är försenat")
