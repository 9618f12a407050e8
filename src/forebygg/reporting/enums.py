"""Choices of the reporting app: the states of yearly and county reports."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportState(models.TextChoices):
    DRAFT = "utkast", _("Utkast")
    SUBMITTED = "inskickad", _("Inskickad till länsstyrelsen")
    RETURNED = "aterforvisad", _("Återförvisad med kommentarer")
    APPROVED = "godkand", _("Godkänd av länsstyrelsen")
    INCLUDED = "sammanstalld", _("Ingår i länets samlade redovisning")


class CountyState(models.TextChoices):
    DRAFT = "utkast", _("Utkast")
    SUBMITTED = "inskickad", _("Inskickad till Brå")


class MissingReason(models.TextChoices):
    """Why a kommun of the län is not in the county's combined report."""

    NOT_APPROVED = "ej-godkand", _("Ingen godkänd redovisning för året")
    NOT_INCLUDED = "ej-medtagen", _("Godkänd men inte medtagen")
