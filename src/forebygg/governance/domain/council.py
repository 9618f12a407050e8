"""The strategic council (§ 10): members with seniority, working groups, meetings, decisions."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forebygg.core.models import save_as
from forebygg.governance.domain.actors import actor_organisations
from forebygg.governance.enums import Seniority
from forebygg.governance.models import Council, CouncilMember, Decision, Meeting, WorkingGroup
from forebygg.orgs.access import require_coordinator


def council_of(kommun) -> Council | None:
    return Council.objects.filter(kommun=kommun).first()


@transaction.atomic
def create_council(kommun, *, name: str, by, mandate: str = "") -> Council:
    require_coordinator(by, kommun)
    if council_of(kommun) is not None:
        raise ValidationError(_("Kommunen har redan ett strategiskt råd."))
    if not name.strip():
        raise ValidationError(_("Ange rådets namn."))
    return save_as(Council(kommun=kommun, name=name.strip(), mandate=mandate.strip()), by=by)


def _require_actor(council: Council, organisation) -> None:
    if not actor_organisations(council.kommun).filter(pk=organisation.pk).exists():
        raise ValidationError(
            _("%(name)s är inte registrerad som aktör i kommunen. Registrera den först.")
            % {"name": organisation.name}
        )


@transaction.atomic
def add_member(
    council: Council,
    *,
    organisation,
    position: str,
    seniority: str,
    by,
    representative: str = "",
    is_chair: bool = False,
) -> CouncilMember:
    require_coordinator(by, council.kommun)
    _require_actor(council, organisation)
    if not position.strip():
        raise ValidationError(_("Ange ledamotens befattning."))
    if seniority not in Seniority.values:
        raise ValidationError(_("Ange ledamotens nivå i organisationen."))
    if is_chair:
        current = council.members.filter(is_chair=True, left_on__isnull=True)
        for member in current:
            member.is_chair = False
            save_as(member, by=by, reason="Ny ordförande")
    member = CouncilMember(
        council=council,
        organisation=organisation,
        position=position.strip(),
        seniority=seniority,
        representative=representative.strip(),
        is_chair=is_chair,
    )
    save_as(member, by=by)
    shared = {*council.shared_with.all(), organisation}
    save_as(council, by=by, reason="Ny ledamot", links={"shared_with": shared})
    return member


@transaction.atomic
def end_membership(member: CouncilMember, *, left_on: date, by) -> CouncilMember:
    require_coordinator(by, member.council.kommun)
    member.left_on = left_on
    member.is_chair = False
    return save_as(member, by=by, reason="Lämnade rådet")


def current_members(council: Council):
    return council.members.filter(left_on__isnull=True).select_related("organisation")


@transaction.atomic
def add_working_group(
    council: Council, *, name: str, by, purpose: str = "", organisations=()
) -> WorkingGroup:
    require_coordinator(by, council.kommun)
    if not name.strip():
        raise ValidationError(_("Ange arbetsgruppens namn."))
    for organisation in organisations:
        _require_actor(council, organisation)
    return save_as(
        WorkingGroup(council=council, name=name.strip(), purpose=purpose.strip()),
        by=by,
        links={"organisations": organisations},
    )


def _validate_record(council: Council, held_on: date, minutes: str, attendees) -> None:
    if any(member.council_id != council.pk for member in attendees):
        raise ValidationError(_("Bara rådets ledamöter kan vara närvarande."))
    if minutes.strip() and held_on > timezone.localdate():
        raise ValidationError(_("Ett möte i framtiden kan inte ha protokoll ännu."))


@transaction.atomic
def hold_meeting(
    council: Council,
    *,
    held_on: date,
    by,
    agenda: str = "",
    minutes: str = "",
    attendees=(),
    working_group: WorkingGroup | None = None,
) -> Meeting:
    """Record a meeting (a future date makes it a planned meeting in the årshjul)."""
    require_coordinator(by, council.kommun)
    if working_group is not None and working_group.council_id != council.pk:
        raise ValidationError(_("Arbetsgruppen hör inte till rådet."))
    _validate_record(council, held_on, minutes, attendees)
    meeting = Meeting(
        council=council,
        held_on=held_on,
        agenda=agenda.strip(),
        minutes=minutes.strip(),
        working_group=working_group,
    )
    return save_as(meeting, by=by, links={"attendees": attendees})


@transaction.atomic
def record_minutes(meeting: Meeting, *, minutes: str, attendees, by) -> Meeting:
    require_coordinator(by, meeting.council.kommun)
    _validate_record(meeting.council, meeting.held_on, minutes or "-", attendees)
    meeting.minutes = minutes.strip()
    return save_as(meeting, by=by, reason="Protokoll", links={"attendees": attendees})


@transaction.atomic
def add_decision(
    meeting: Meeting, *, text: str, by, owner=None, due_on: date | None = None
) -> Decision:
    require_coordinator(by, meeting.council.kommun)
    if not text.strip():
        raise ValidationError(_("Skriv beslutet."))
    if owner is not None:
        _require_actor(meeting.council, owner)
    decision = Decision(meeting=meeting, text=text.strip(), owner=owner, due_on=due_on)
    return save_as(decision, by=by)


@transaction.atomic
def complete_decision(decision: Decision, *, done_on: date, by) -> Decision:
    require_coordinator(by, decision.meeting.council.kommun)
    if done_on < decision.meeting.held_on:
        raise ValidationError(_("Ett beslut kan inte vara klart före mötet där det fattades."))
    decision.done_on = done_on
    return save_as(decision, by=by, reason="Klart")


def open_decisions(council: Council):
    return (
        Decision.objects.filter(meeting__council=council, done_on__isnull=True)
        .select_related("owner", "meeting")
        .order_by("due_on", "pk")
    )
