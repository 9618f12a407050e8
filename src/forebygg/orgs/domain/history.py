"""History a reader may see: only the versions they could have read when they were current.

A note drafted as "Plan mot X-gänget", renamed and then published shows its published
versions to everyone who reads it now, but its draft versions only to the kommun's own staff.
Each version is judged by its own recorded state: its visibility, and which partner
organisations it was shared with at that moment (the `shared_with` history).
"""

from __future__ import annotations

from forebygg.orgs.access import KommunOwnedModel, access_for
from forebygg.orgs.enums import Visibility

MAX_SHOWN = 50


def history_for(instance, user, *, limit: int = MAX_SHOWN) -> list:
    """The instance's history records the user could have seen, newest first."""
    records = instance.history.select_related("history_user").order_by(
        "-history_date", "-history_id"
    )
    if not isinstance(instance, KommunOwnedModel) or _sees_every_version(user, instance):
        return list(records[:limit])
    return [record for record in records if _could_read(user, instance, record)][:limit]


def _sees_every_version(user, instance) -> bool:
    access = access_for(user)
    return access.is_site_admin or instance.kommun_id in access.staff_kommun_ids


def _could_read(user, instance, record) -> bool:
    if record.visibility == Visibility.PUBLISHED:
        return True
    access = access_for(user)
    if (
        record.visibility == Visibility.SUBMITTED
        and instance.kommun.lan_id in access.county_lan_ids
    ):
        return True
    organisations = access.partner_organisations.get(instance.kommun_id, frozenset())
    if not organisations:
        return False
    shared = {row.organisation_id for row in record.shared_with.all()}
    return bool(shared & organisations)
