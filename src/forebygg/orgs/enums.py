"""Choices of the orgs app: organisation types, roles, visibility and workspace levels."""

from enum import IntEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    KOMMUN = "kommun", _("Kommunförvaltning")
    LANSSTYRELSE = "lansstyrelse", _("Länsstyrelse")
    BRA = "bra", _("Brå")
    POLICE_AREA = "polis", _("Polisen (lokalpolisområde)")
    SCHOOL = "skola", _("Skola")
    SOCIAL_SERVICES = "socialtjanst", _("Socialtjänst")
    HOUSING = "bostadsbolag", _("Bostadsbolag")
    CIVIL_SOCIETY = "civilsamhalle", _("Civilsamhällesorganisation")
    FAITH = "trossamfund", _("Trossamfund")
    REGION = "region", _("Region")
    RESCUE = "raddningstjanst", _("Räddningstjänst")
    BUSINESS = "naringsliv", _("Näringsliv")
    OTHER = "annan", _("Annan")


class Role(models.TextChoices):
    COORDINATOR = "samordnare", _("Samordnare (kommun)")
    KOMMUN_MEMBER = "kommunmedlem", _("Medarbetare (kommun)")
    PARTNER_MEMBER = "partner", _("Samverkanspart")
    COUNTY_OFFICER = "lansstyrelse", _("Handläggare (länsstyrelse)")
    NATIONAL_ANALYST = "bra", _("Analytiker (Brå)")
    SITE_ADMIN = "admin", _("Webbplatsadministratör")


class Visibility(models.TextChoices):
    DRAFT = "utkast", _("Utkast – bara kommunen")
    SUBMITTED = "inskickad", _("Inskickad till länsstyrelsen")
    PUBLISHED = "publicerad", _("Publicerad för alla")


class Level(IntEnum):
    """How far a user reaches into one kommun's workspace; each level includes the ones below.

    READER: the county officers of its län and Brå's analysts (what `visible_to` gives them).
    PARTNER: a partner member the kommun invited or confirmed.
    STAFF: the kommun's own staff; site admins read like staff.
    COORDINATOR: the kommun's coordinator, the only one who changes its data.
    """

    READER = 1
    PARTNER = 2
    STAFF = 3
    COORDINATOR = 4
