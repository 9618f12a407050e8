"""Choices of the geo app: kinds of area."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AreaKind(models.TextChoices):
    UTSATT = "utsatt", _("Utsatt område")
    RISK = "risk", _("Riskområde")
    SARSKILT_UTSATT = "sarskilt", _("Särskilt utsatt område")
    DISTRICT = "district", _("Stadsdel eller kommundel")
    OTHER = "other", _("Annat område")
