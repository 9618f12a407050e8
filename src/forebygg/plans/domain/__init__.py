"""Verb-named operations on problems, plans, measures and follow-up. Views call only these."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from forebygg.orgs.access import can_edit_kommun


def require_coordinator(user, kommun) -> None:
    if not can_edit_kommun(user, kommun):
        raise PermissionDenied(_("Bara kommunens samordnare kan ändra det här."))
