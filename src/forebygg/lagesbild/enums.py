"""Choices of the lagesbild app: the lifecycle of a lägesbild version."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LagesbildStatus(models.TextChoices):
    DRAFT = "utkast", _("Utkast")
    DECIDED = "faststalld", _("Fastställd")
