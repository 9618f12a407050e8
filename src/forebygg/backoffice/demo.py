"""A demo installation: Jönköpings kommun with a coordinator, its länsstyrelse and Brå."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from forebygg.geo.models import Kommun
from forebygg.notes.domain import write_note
from forebygg.notes.models import Note
from forebygg.orgs.domain.authorities import bra, kommun_administration, lansstyrelse_of
from forebygg.orgs.domain.memberships import grant_role
from forebygg.orgs.enums import Role, Visibility

DEMO_KOMMUN_CODE = "0680"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    organisation: str


@transaction.atomic
def create_demo(*, password: str) -> list[DemoLogin]:
    """Idempotent: existing demo users keep their data but get `password` again."""
    kommun = Kommun.objects.select_related("lan").get(code=DEMO_KOMMUN_CODE)
    people = [
        ("samordnare", "Sara", "Samordnare", kommun_administration(kommun), Role.COORDINATOR),
        ("lansstyrelsen", "Lars", "Länsman", lansstyrelse_of(kommun.lan), Role.COUNTY_OFFICER),
        ("bra", "Britt", "Analytiker", bra(), Role.NATIONAL_ANALYST),
    ]
    logins = []
    for username, first, last, organisation, role in people:
        user = _demo_user(username, first, last, password)
        grant_role(user, organisation, role)
        logins.append(DemoLogin(username, Role(role).label, organisation.name))
    coordinator = get_user_model().objects.get(username="samordnare")
    if not Note.objects.filter(kommun=kommun).exists():
        _demo_notes(kommun, coordinator)
    return logins


def _demo_user(username, first, last, password):
    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": first, "last_name": last}
    )
    user.set_password(password)
    user.save()
    return user


def _demo_notes(kommun, coordinator):
    write_note(
        None,
        kommun=kommun,
        by=coordinator,
        visibility=Visibility.DRAFT,
        shared_with=[],
        title="Förberedelse inför lägesbilden",
        body="Samla in anmälda brott per kategori och jämför med liknande kommuner.",
    )
    write_note(
        None,
        kommun=kommun,
        by=coordinator,
        visibility=Visibility.PUBLISHED,
        shared_with=[],
        title="Så arbetar kommunen brottsförebyggande",
        body="Kommunen tar fram en lägesbild och en åtgärdsplan enligt lag (2023:196).",
    )
