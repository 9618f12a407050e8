"""Choices of the orgs app: organisation types, roles, visibility and workspace levels."""

from enum import IntEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


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
