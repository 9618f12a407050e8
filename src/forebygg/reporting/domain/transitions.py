"""The one place that says which state may follow which, and who may make the move."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from forebygg.orgs.access import access_for, can_edit_kommun
from forebygg.reporting.enums import CountyState, ReportState

COORDINATOR = "samordnare"
COUNTY = "lansstyrelse"


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    actor: str
    label: str


S = ReportState
KOMMUN_REPORT = [
    Transition(S.DRAFT, S.SUBMITTED, COORDINATOR, _("Skicka till länsstyrelsen")),
    Transition(S.RETURNED, S.SUBMITTED, COORDINATOR, _("Skicka in igen")),
    Transition(S.SUBMITTED, S.APPROVED, COUNTY, _("Godkänn")),
    Transition(S.SUBMITTED, S.RETURNED, COUNTY, _("Återförvisa med kommentarer")),
    Transition(S.APPROVED, S.INCLUDED, COUNTY, _("Ta med i den samlade redovisningen")),
]
COUNTY_REPORT = [
    Transition(CountyState.DRAFT, CountyState.SUBMITTED, COUNTY, _("Skicka till Brå")),
]


def find(transitions: list[Transition], source: str, target: str) -> Transition | None:
    return next((t for t in transitions if (t.source, t.target) == (source, target)), None)


def may_act(user, actor: str, kommun=None, lan=None) -> bool:
    if actor == COORDINATOR:
        return kommun is not None and can_edit_kommun(user, kommun)
    lan_id = lan.pk if lan is not None else kommun.lan_id
    return lan_id in access_for(user).county_lan_ids


def available(transitions: list[Transition], source: str, user, *, kommun=None, lan=None):
    """The moves this user may make from `source`, for buttons in the UI."""
    return [
        t
        for t in transitions
        if t.source == source and may_act(user, t.actor, kommun=kommun, lan=lan)
    ]
