"""Choices of the stats app: data sources, indicators and observations."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceStatus(models.TextChoices):
    OFFICIAL = "official", _("Officiell statistik")
    OFFICIAL_AGGREGATED = "official_aggregated", _("Summa av officiella värden")
    DERIVED = "derived", _("Härledd (ej officiell statistik)")
    LOCAL = "local", _("Lokal uppgift")


class Direction(models.TextChoices):
    LOWER_IS_BETTER = "lower", _("Lägre är bättre")
    HIGHER_IS_BETTER = "higher", _("Högre är bättre")
    NEUTRAL = "neutral", _("Neutral")


class Unit(models.TextChoices):
    COUNT = "antal", _("antal")
    PER_100K = "per100k", _("per 100 000 invånare")
    PERCENT = "procent", _("procent")
    EVENTS = "handelser", _("publicerade händelser")
    VALUE = "varde", _("värde")


class GeoLevel(models.TextChoices):
    KOMMUN = "kommun", _("Kommun")
    LAN = "lan", _("Län")
    RIKET = "riket", _("Riket")
    AREA = "omrade", _("Område")


class PeriodType(models.TextChoices):
    YEAR = "year", _("År")
    QUARTER = "quarter", _("Kvartal")
    MONTH = "month", _("Månad")


class IndicatorFamily(models.TextChoices):
    """Where an indicator comes from, as pickers group it. Police press events are never crimes."""

    CRIME = "brott", _("Brå: anmälda brott (brottsstatistik)")
    POPULATION = "scb", _("SCB: befolkning")
    KOLADA = "kolada", _("Kolada: nyckeltal")
    LOCAL = "lokal", _("Kommunens egna uppgifter")
    POLICE_EVENTS = (
        "polishandelser",
        _("Polisen: publicerade händelser (pressmeddelanden, inte brottsstatistik)"),
    )
    OTHER = "annan", _("Övriga indikatorer")
