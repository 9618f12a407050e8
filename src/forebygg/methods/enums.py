"""Choices of the methods app: registries, verdicts and ratings."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Registry(models.TextChoices):
    CRIMESOLUTIONS = "crimesolutions", _("CrimeSolutions (National Institute of Justice, USA)")
    BLUEPRINTS = "blueprints", _("Blueprints for Healthy Youth Development")
    UK_TOOLKIT = "uk_toolkit", _("Crime Reduction Toolkit (College of Policing)")
    METODGUIDEN = "metodguiden", _("Socialstyrelsens Metodguiden")
    OTHER = "annan", _("Annan källa")


class Verdict(models.TextChoices):
    """Each registry's scale folded into one, for the warnings and the filters."""

    EFFECTIVE = "effektiv", _("Effektiv")
    PROMISING = "lovande", _("Lovande")
    INCONCLUSIVE = "ofullstandig", _("Ofullständigt underlag")
    INEFFECTIVE = "ineffektiv", _("Ingen effekt")
    HARMFUL = "skadlig", _("Negativa effekter")
    NOT_RATED = "ej_bedomd", _("Ej bedömd")


class Rating(models.TextChoices):
    """The registries' own words. The generic ones are for registries without a fixed scale."""

    CS_EFFECTIVE = "cs_effective", "CrimeSolutions: Effective"
    CS_PROMISING = "cs_promising", "CrimeSolutions: Promising"
    CS_INEFFECTIVE = "cs_ineffective", "CrimeSolutions: Ineffective (No Effects)"
    CS_NEGATIVE = "cs_negative", "CrimeSolutions: Negative Effects"
    CS_INCONCLUSIVE = "cs_inconclusive", "CrimeSolutions: Inconclusive Evidence"
    BP_PROMISING = "bp_promising", "Blueprints: Promising"
    BP_MODEL = "bp_model", "Blueprints: Model"
    BP_MODEL_PLUS = "bp_model_plus", "Blueprints: Model Plus"
    MG_DESCRIBED = "mg_beskriven", _("Metodguiden: beskriven, ingen bedömning")
    EFFECTIVE = "effektiv", _("Effektiv")
    PROMISING = "lovande", _("Lovande")
    INCONCLUSIVE = "ofullstandig", _("Ofullständigt underlag")
    INEFFECTIVE = "ineffektiv", _("Ingen effekt")
    HARMFUL = "skadlig", _("Negativa effekter")
    NOT_RATED = "ej_bedomd", _("Ej bedömd")
