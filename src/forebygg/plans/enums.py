"""Choices of the plans app: problems, causes, the plan and its measures, follow-up."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Criterion(models.TextChoices):
    """Brå's grounds for priority, then the organisational filters they are weighed against."""

    COMMON = "vanligt", _("Vanligt förekommande")
    RISING = "okande", _("Ökande")
    DEVIATING = "avvikande", _("Avviker från liknande kommuner")
    CONCENTRATED = "koncentrerat", _("Koncentrerat till platser")
    VICTIMS = "offer", _("Många utsatta eller upprepat utsatta")
    SIGNAL = "signal", _("Signalbrott")
    INDIRECT = "indirekt", _("Många påverkas indirekt")
    RESOURCES = "resurser", _("Resurser finns")
    INFLUENCE = "paverka", _("Möjlighet att påverka")
    COST = "kostnad", _("Kostnad för samhället")


class Priority(models.TextChoices):
    UNDECIDED = "ej_beslutad", _("Inte beslutad")
    PRIORITISED = "prioriterad", _("Prioriterad")
    SET_ASIDE = "bortvald", _("Medvetet bortvald")


class Perspective(models.TextChoices):
    SITUATIONAL = "situationellt", _("Situationellt (plats och tillfälle)")
    VICTIM = "offer", _("Offer och mål")
    OFFENDER = "gärningsperson", _("Gärningsperson")


class HypothesisStatus(models.TextChoices):
    OPEN = "oprovad", _("Inte prövad")
    SUPPORTED = "stods", _("Stöds av underlaget")
    REJECTED = "avfardad", _("Avfärdad")


class PlanStatus(models.TextChoices):
    DRAFT = "utkast", _("Utkast")
    DECIDED = "beslutad", _("Beslutad")


class MeasureType(models.TextChoices):
    SOCIAL = "social", _("Social")
    SITUATIONAL = "situationell", _("Situationell")
    BOTH = "bada", _("Både social och situationell")


class Horizon(models.TextChoices):
    SHORT = "kort", _("Kort sikt")
    LONG = "lang", _("Lång sikt")


class MeasureArea(models.TextChoices):
    KOMMUN = "kommun", _("Hela kommunen")
    DISTRICT = "stadsdel", _("Stadsdel eller ort")
    POLICE_AREA = "polisomrade", _("Polisens utpekade område")


class Funding(models.TextChoices):
    OWN = "egen", _("Egen budget")
    STATE_GRANT = "statsbidrag", _("Statsbidrag")
    APPROPRIATION = "anslag_1_14", _("Anslag 1:14")
    OTHER = "annan", _("Annan")


class MeasureState(models.TextChoices):
    NOT_STARTED = "ej_paborjad", _("Inte påbörjad")
    ONGOING = "pagaende", _("Pågående")
    DONE = "genomford", _("Genomförd")
    STOPPED = "avbruten", _("Avbruten")
