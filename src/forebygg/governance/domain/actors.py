"""The actor registry: who the kommun works with, what each contributes, where they take part."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from forebygg.core.models import save_as
from forebygg.governance.models import Agreement, ContactPerson, CouncilMember
from forebygg.orgs.access import require_coordinator
from forebygg.orgs.enums import OrganisationType
from forebygg.orgs.models import AUTHORITY_TYPES, Organisation, Partnership
from forebygg.plans.models import Measure


def actor_organisations(kommun):
    """The kommun's own administration and every registered actor."""
    return Organisation.objects.filter(
        Q(home_kommun=kommun, type=OrganisationType.KOMMUN) | Q(partnerships__kommun=kommun)
    ).distinct()


def suggested_organisations(kommun):
    """Organisations already known in the län that the kommun could register (region, police…)."""
    known = Partnership.objects.filter(kommun=kommun).values("organisation_id")
    same_lan = Q(home_lan=kommun.lan_id) | Q(partnerships__kommun__lan=kommun.lan_id)
    return (
        Organisation.objects.filter(same_lan)
        .exclude(pk__in=known)
        .exclude(type__in=[OrganisationType.KOMMUN, OrganisationType.BRA])
        .distinct()
        .order_by("name")
    )


@transaction.atomic
def register_actor(
    kommun,
    *,
    by,
    name: str = "",
    type: str = "",
    organisation: Organisation | None = None,
    contribution: str = "",
) -> Partnership:
    """Register a new organisation, or one already known in the län, as the kommun's actor."""
    require_coordinator(by, kommun)
    if organisation is None:
        name = name.strip()
        if not name or not type:
            raise ValidationError(_("Ange organisationens namn och typ."))
        if type in {OrganisationType.KOMMUN, OrganisationType.BRA}:
            raise ValidationError(_("Den typen av organisation kan inte registreras som aktör."))
        duplicate = actor_organisations(kommun).filter(name__iexact=name).exists()
        if duplicate:
            raise ValidationError(
                _("%(name)s finns redan bland kommunens aktörer.") % {"name": name}
            )
        organisation = save_as(
            Organisation(name=name, type=type, home_kommun=kommun), by=by, reason="Ny aktör"
        )
    elif not suggested_organisations(kommun).filter(pk=organisation.pk).exists():
        raise ValidationError(_("Organisationen kan inte läggas till som aktör här."))
    partnership = Partnership(kommun=kommun, organisation=organisation)
    partnership.contribution = contribution.strip()
    return save_as(partnership, by=by, reason="Registrerad som aktör")


@transaction.atomic
def describe_contribution(partnership: Partnership, *, contribution: str, by) -> Partnership:
    require_coordinator(by, partnership.kommun)
    partnership.contribution = contribution.strip()
    return save_as(partnership, by=by, reason="Bidrag ändrat")


@transaction.atomic
def add_contact_person(
    kommun,
    *,
    organisation: Organisation,
    name: str,
    by,
    title: str = "",
    work_email: str = "",
    work_phone: str = "",
) -> ContactPerson:
    require_coordinator(by, kommun)
    if not actor_organisations(kommun).filter(pk=organisation.pk).exists():
        raise ValidationError(_("Organisationen är inte en av kommunens aktörer."))
    if not name.strip():
        raise ValidationError(_("Ange kontaktpersonens namn."))
    person = ContactPerson(
        kommun=kommun,
        organisation=organisation,
        name=name.strip(),
        title=title.strip(),
        work_email=work_email.strip(),
        work_phone=work_phone.strip(),
    )
    return save_as(person, by=by)


@dataclass
class ActorSummary:
    organisation: Organisation
    contribution: str = ""
    is_authority: bool = False
    contacts: list = field(default_factory=list)
    agreements: list = field(default_factory=list)
    council_seats: list = field(default_factory=list)
    measures: list = field(default_factory=list)


def actor_registry(kommun, *, user) -> list[ActorSummary]:
    """Every actor with the agreements, council seats and measures it takes part in."""
    contributions = dict(
        Partnership.objects.filter(kommun=kommun).values_list("organisation_id", "contribution")
    )
    summaries = {
        organisation.pk: ActorSummary(
            organisation=organisation,
            contribution=contributions.get(organisation.pk, ""),
            is_authority=organisation.type in AUTHORITY_TYPES,
        )
        for organisation in actor_organisations(kommun).order_by("name")
    }
    for person in ContactPerson.objects.visible_to(user).filter(kommun=kommun):
        _add(summaries, person.organisation_id, "contacts", person)
    agreements = Agreement.objects.visible_to(user).filter(kommun=kommun)
    for agreement in agreements.prefetch_related("parties"):
        for party in agreement.parties.all():
            _add(summaries, party.pk, "agreements", agreement)
    seats = CouncilMember.objects.filter(council__kommun=kommun, left_on__isnull=True)
    for seat in seats.select_related("council"):
        _add(summaries, seat.organisation_id, "council_seats", seat)
    measures = Measure.objects.visible_to(user).filter(plan__kommun=kommun).select_related("plan")
    for measure in measures.prefetch_related("partners"):
        for organisation_id in {measure.owner_id, *(p.pk for p in measure.partners.all())}:
            _add(summaries, organisation_id, "measures", measure)
    return list(summaries.values())


def _add(summaries: dict, organisation_id, attribute: str, item) -> None:
    if organisation_id in summaries:
        getattr(summaries[organisation_id], attribute).append(item)
