"""The neighbour's self-invitation: a partner role granted by kommun N gives nothing in kommun A.

Värnamo's coordinator (kommun N, in A's län) registers A's police area as an actor of N (the
actor page offers it because it is known in the län), invites himself into it and accepts.
Before access belonged to the kommun relationship, that made him a partner of A too: he read
what A shared with the police and reported status on A's measures. Now every page of A's
material answers 404 and his post changes nothing, while he reads what N shares with the police.
"""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from forebygg.core.models import save_as
from forebygg.governance.domain import actors, agreements, council
from forebygg.governance.domain.documents import store_document
from forebygg.notes.domain import write_note
from forebygg.orgs.domain.invitations import accept_invitation, find_open_invitation, invite_partner
from forebygg.orgs.enums import Role, Visibility
from forebygg.orgs.models import Membership
from forebygg.plans.domain.planning import decide_plan
from forebygg.plans.models import StatusReport
from tests.governance.conftest import build_governance
from tests.plans.conftest import build_chain
from tests.test_permission_matrix import checksum

pytestmark = pytest.mark.django_db

A, N = "0680", "0683"
MINUTES = "Protokoll: polisen redovisar läget i centrum"
STATUS = {
    "state": "pagaende",
    "share_done": "50",
    "reported_on": "2026-11-15",
    "narrative": "Rapport från grannkommunen",
}


@pytest.fixture
def shared_with_police(personas):
    """Kommun A's material the police may read: the URL of each page, by name."""
    by, kommun = personas.coordinator_a, personas.kommun_a
    governance, chain = build_governance(personas), build_chain(personas)
    document = store_document(kommun, name="avtal.pdf", data=b"%PDF-1.7 avtal", by=by)
    agreements.save_agreement(governance.agreement, kommun=kommun, by=by, document=document)
    meeting = council.hold_meeting(
        governance.council, held_on=date(2026, 10, 5), minutes=MINUTES, by=by
    )
    # Plans have no sharing form yet; the model has `shared_with` and `visible_to` honours it.
    save_as(chain.plan, by=by, links={"shared_with": [personas.police_a]})
    plan = decide_plan(chain.plan, body="KF", decided_on=date(2026, 11, 1), reference="1", by=by)
    measure = {"code": A, "number": plan.number, "key": chain.measure.key}
    return {
        "note": reverse("backoffice:note", kwargs={"code": A, "pk": personas.shared_a.pk}),
        "agreement": reverse(
            "backoffice:agreement", kwargs={"code": A, "pk": governance.agreement.pk}
        ),
        "document": reverse("backoffice:document", kwargs={"code": A, "pk": document.pk}),
        "meeting": reverse("backoffice:meeting", kwargs={"code": A, "pk": meeting.pk}),
        "measure": reverse("backoffice:measure", kwargs=measure),
        "plan": reverse("backoffice:plan", kwargs={"code": A, "number": plan.number}),
        "status_report": reverse("backoffice:status_report", kwargs=measure),
    }


@pytest.fixture
def intruder(personas):
    """N's coordinator, made a member of A's police area by N's own invitation."""
    nils = personas.coordinator_neighbour
    nils.email = "nils@varnamo.se"
    nils.save()
    actors.register_actor(personas.kommun_neighbour, by=nils, organisation=personas.police_a)
    _invitation, token = invite_partner(
        kommun=personas.kommun_neighbour, email=nils.email, by=nils, organisation=personas.police_a
    )
    accept_invitation(find_open_invitation(token), user=nils)
    return nils


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_neighbour_can_still_join_the_police_area_but_only_for_his_own_kommun(
    personas, intruder
):
    memberships = Membership.objects.filter(user=intruder, role=Role.PARTNER_MEMBER)

    assert [(m.organisation, m.kommun) for m in memberships] == [
        (personas.police_a, personas.kommun_neighbour)
    ]


PAGES = ["note", "agreement", "document", "meeting", "measure", "plan"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_of_what_a_shares_with_the_police_is_a_404_for_him(
    personas, shared_with_police, intruder, page
):
    url = shared_with_police[page]

    police_of_a = logged_in(personas.partner_a).get(url)
    neighbour = logged_in(intruder).get(url)

    assert (police_of_a.status_code, neighbour.status_code) == (200, 404)


def test_his_status_report_on_a_measure_of_a_owned_by_the_police_is_refused_and_not_written(
    personas, shared_with_police, intruder
):
    client = logged_in(intruder)
    before = checksum()

    response = client.post(shared_with_police["status_report"], STATUS)

    assert response.status_code == 404
    assert checksum() == before
    assert StatusReport.objects.count() == 0


def test_the_police_member_whom_a_invited_reports_on_the_same_measure(personas, shared_with_police):
    response = logged_in(personas.partner_a).post(shared_with_police["status_report"], STATUS)

    assert response.status_code == 302
    assert [(r.reported_by, r.narrative) for r in StatusReport.objects.all()] == [
        (personas.partner_a, "Rapport från grannkommunen")
    ]


def test_he_reads_what_his_own_kommun_shares_with_the_police(personas, intruder):
    note = write_note(
        None,
        kommun=personas.kommun_neighbour,
        by=personas.coordinator_neighbour,
        title="N-delat med polisen",
        body="Läget i Värnamo centrum",
        visibility=Visibility.DRAFT,
        shared_with=[personas.police_a],
    )
    url = reverse("backoffice:note", kwargs={"code": N, "pk": note.pk})

    response = logged_in(intruder).get(url)

    assert response.status_code == 200
    assert list(note.shared_with.all()) == [personas.police_a]
    assert "Läget i Värnamo centrum" in response.content.decode()
