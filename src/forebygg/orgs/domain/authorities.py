"""The authorities every installation has: 290 kommun administrations, 21 länsstyrelser, Brå."""

from django.db import transaction

from forebygg.geo.models import Kommun, Lan
from forebygg.orgs.enums import OrganisationType
from forebygg.orgs.models import Organisation

BRA_NAME = "Brottsförebyggande rådet (Brå)"


def lansstyrelse_name(lan: Lan) -> str:
    return f"Länsstyrelsen i {lan.name}"


@transaction.atomic
def ensure_authority_organisations() -> int:
    """Create the missing authority organisations; returns how many were created."""
    created = 0
    have_kommun = set(
        Organisation.objects.filter(type=OrganisationType.KOMMUN).values_list(
            "home_kommun_id", flat=True
        )
    )
    for kommun in Kommun.objects.exclude(pk__in=have_kommun):
        Organisation.objects.create(
            name=kommun.name, type=OrganisationType.KOMMUN, home_kommun=kommun
        )
        created += 1
    have_lan = set(
        Organisation.objects.filter(type=OrganisationType.LANSSTYRELSE).values_list(
            "home_lan_id", flat=True
        )
    )
    for lan in Lan.objects.exclude(pk__in=have_lan):
        Organisation.objects.create(
            name=lansstyrelse_name(lan), type=OrganisationType.LANSSTYRELSE, home_lan=lan
        )
        created += 1
    if not Organisation.objects.filter(type=OrganisationType.BRA).exists():
        Organisation.objects.create(name=BRA_NAME, type=OrganisationType.BRA)
        created += 1
    return created


def kommun_administration(kommun: Kommun) -> Organisation:
    return Organisation.objects.get(type=OrganisationType.KOMMUN, home_kommun=kommun)


def lansstyrelse_of(lan: Lan) -> Organisation:
    return Organisation.objects.get(type=OrganisationType.LANSSTYRELSE, home_lan=lan)


def bra() -> Organisation:
    return Organisation.objects.get(type=OrganisationType.BRA)
