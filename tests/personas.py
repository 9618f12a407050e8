"""The people every permission test talks about, and kommun A's data in every visibility state.

Kommun A is Jönköping (län 06), kommun B is Malmö (län 12). "Another län" is Skåne. Kommun N,
Värnamo, is A's neighbour in the same län: the county officer of län 06 reads both, and
organisations known in the län are offered to both as actors.

A partner member's rights hold only in the kommun that invited or confirmed them
(`Membership.kommun`). The region is a partner of both A and N; its member `partner_neighbour`
was invited by N only, so A's material shared with the region must stay out of reach.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from forebygg.geo.models import Kommun
from forebygg.notes.domain import write_note
from forebygg.notes.models import Note
from forebygg.orgs.domain.authorities import bra, kommun_administration, lansstyrelse_of
from forebygg.orgs.domain.memberships import grant_role
from forebygg.orgs.enums import OrganisationType, Role, Visibility
from forebygg.orgs.models import Organisation, Partnership

PASSWORD = "personas-lösenord-123"


@dataclass
class Personas:
    kommun_a: Kommun
    kommun_b: Kommun
    kommun_neighbour: Kommun
    coordinator_a: object
    member_a: object
    member_b: object
    partner_a: object
    county_a: object
    county_other: object
    analyst: object
    coordinator_neighbour: object
    member_neighbour: object
    partner_neighbour: object
    police_a: Organisation
    region: Organisation  # a partner of A and of N
    draft_a: Note
    shared_a: Note  # shared with the police and the region
    submitted_a: Note
    published_a: Note
    draft_b: Note
    shared_neighbour: Note  # N's draft, shared with the region

    def user(self, name: str):
        return None if name == "anonymous" else getattr(self, name)


PERSONA_NAMES = [
    "coordinator_a",
    "member_b",
    "partner_a",
    "county_a",
    "county_other",
    "analyst",
    "anonymous",
]

# Added with the kommun relationship (`Membership.kommun`). The tests of one area keep asking
# about PERSONA_NAMES; the permission matrix and the access tests ask about all of them.
NEIGHBOUR_PERSONA_NAMES = [
    "member_a",  # kommun A's staff without the coordinator's role: reads, changes nothing
    "coordinator_neighbour",  # N's coordinator: N is in A's län
    "member_neighbour",  # N's staff
    "partner_neighbour",  # the region's member, invited by N only
]
ALL_PERSONA_NAMES = PERSONA_NAMES + NEIGHBOUR_PERSONA_NAMES


def make_user(username: str):
    return get_user_model().objects.create_user(username=username, password=PASSWORD)


def build_personas() -> Personas:
    kommun_a = Kommun.objects.select_related("lan").get(code="0680")
    kommun_b = Kommun.objects.select_related("lan").get(code="1280")
    kommun_neighbour = Kommun.objects.select_related("lan").get(code="0683")
    coordinator_a = make_user("alice")
    grant_role(coordinator_a, kommun_administration(kommun_a), Role.COORDINATOR)
    member_a = make_user("agnes")
    grant_role(member_a, kommun_administration(kommun_a), Role.KOMMUN_MEMBER)
    member_b = make_user("bob")
    grant_role(member_b, kommun_administration(kommun_b), Role.KOMMUN_MEMBER)
    coordinator_b = make_user("bertil")
    grant_role(coordinator_b, kommun_administration(kommun_b), Role.COORDINATOR)
    police_a = Organisation.objects.create(
        name="Lokalpolisområde Jönköping", type=OrganisationType.POLICE_AREA, home_kommun=kommun_a
    )
    Partnership.objects.create(kommun=kommun_a, organisation=police_a)
    partner_a = make_user("petra")
    grant_role(partner_a, police_a, Role.PARTNER_MEMBER, kommun=kommun_a)
    county_a = make_user("carl")
    grant_role(county_a, lansstyrelse_of(kommun_a.lan), Role.COUNTY_OFFICER)
    county_other = make_user("cecilia")
    grant_role(county_other, lansstyrelse_of(kommun_b.lan), Role.COUNTY_OFFICER)
    analyst = make_user("britt")
    grant_role(analyst, bra(), Role.NATIONAL_ANALYST)
    coordinator_neighbour = make_user("nils")
    grant_role(coordinator_neighbour, kommun_administration(kommun_neighbour), Role.COORDINATOR)
    member_neighbour = make_user("nora")
    grant_role(member_neighbour, kommun_administration(kommun_neighbour), Role.KOMMUN_MEMBER)
    region = Organisation.objects.create(
        name="Region Jönköpings län", type=OrganisationType.REGION, home_lan=kommun_a.lan
    )
    Partnership.objects.create(kommun=kommun_a, organisation=region)
    Partnership.objects.create(kommun=kommun_neighbour, organisation=region)
    partner_neighbour = make_user("signe")
    grant_role(partner_neighbour, region, Role.PARTNER_MEMBER, kommun=kommun_neighbour)

    def note(kommun, by, title, visibility, shared_with=()):
        return write_note(
            None,
            kommun=kommun,
            by=by,
            title=title,
            body=f"Text i {title}",
            visibility=visibility,
            shared_with=list(shared_with),
        )

    return Personas(
        kommun_a=kommun_a,
        kommun_b=kommun_b,
        kommun_neighbour=kommun_neighbour,
        coordinator_a=coordinator_a,
        member_a=member_a,
        member_b=member_b,
        partner_a=partner_a,
        county_a=county_a,
        county_other=county_other,
        analyst=analyst,
        coordinator_neighbour=coordinator_neighbour,
        member_neighbour=member_neighbour,
        partner_neighbour=partner_neighbour,
        police_a=police_a,
        region=region,
        draft_a=note(kommun_a, coordinator_a, "A-utkast hemligt", Visibility.DRAFT),
        shared_a=note(
            kommun_a, coordinator_a, "A-delat med polisen", Visibility.DRAFT, [police_a, region]
        ),
        submitted_a=note(kommun_a, coordinator_a, "A-inskickat till länet", Visibility.SUBMITTED),
        published_a=note(kommun_a, coordinator_a, "A-publicerat", Visibility.PUBLISHED),
        draft_b=note(kommun_b, coordinator_b, "B-utkast", Visibility.DRAFT),
        shared_neighbour=note(
            kommun_neighbour,
            coordinator_neighbour,
            "N-delat med regionen",
            Visibility.DRAFT,
            [region],
        ),  # fmt: skip
    )


def login_as(client, username: str):
    client.force_login(get_user_model().objects.get(username=username))
    return client
