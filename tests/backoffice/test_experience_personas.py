"""The experience pages in the workspace, as every persona.

Kommun A has one draft and one published experience. Only A's coordinator sees the draft, and
only A's coordinator writes or publishes; everyone else gets a 404 and nothing changes.
"""

import pytest
from django.urls import reverse

from forebygg.methods.models import Experience
from forebygg.orgs.enums import Visibility
from tests.backoffice.test_personas import client_for
from tests.methods.conftest import build_library, experience
from tests.personas import PERSONA_NAMES
from tests.plans.conftest import build_chain

DRAFT = "Utkast: nattvandring i Råslätt"
PUBLISHED = "Publicerat: trygghetsvandringar"


@pytest.fixture
def library(db):
    return build_library()


@pytest.fixture
def experiences(personas, library):
    by = personas.coordinator_a
    draft = experience("0680", by=by, published=False, title=DRAFT)
    published = experience("0680", by=by, title=PUBLISHED, method=library["trygghetsvandring"])
    return draft, published


def url(name, code="0680", **kwargs):
    return reverse(f"backoffice:{name}", kwargs={"code": code, **kwargs})


# What each persona reads in kommun A's list; None means the workspace is a 404.
LIST_SHOWS = {
    "coordinator_a": {DRAFT, PUBLISHED},
    "partner_a": {PUBLISHED},
    "county_a": {PUBLISHED},
    "analyst": {PUBLISHED},
    "member_b": None,
    "county_other": None,
}


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_each_persona_sees_only_what_it_may_in_the_list_and_the_draft(
    client, personas, experiences, persona
):
    draft, published = experiences
    client = client_for(client, personas, persona)

    listing = client.get(url("experiences"))
    draft_page = client.get(url("experience", pk=draft.pk))
    published_page = client.get(url("experience", pk=published.pk))

    if persona == "anonymous":
        assert {listing.status_code, draft_page.status_code} == {302}
        return
    shows = LIST_SHOWS[persona]
    if shows is None:
        assert (listing.status_code, draft_page.status_code, published_page.status_code) == (
            404,
            404,
            404,
        )
        return
    assert listing.status_code == 200
    html = listing.content.decode()
    assert {title for title in (DRAFT, PUBLISHED) if title in html} == shows
    assert draft_page.status_code == (200 if DRAFT in shows else 404)
    assert published_page.status_code == 200


def test_another_kommun_never_sees_the_draft_from_its_own_workspace(client, personas, experiences):
    draft, _published = experiences
    client.force_login(personas.member_b)

    listing = client.get(url("experiences", code="1280"))

    assert listing.status_code == 200
    assert DRAFT not in listing.content.decode()
    assert client.get(url("experience", code="1280", pk=draft.pk)).status_code == 404


def state() -> list[tuple]:
    return list(
        Experience.objects.order_by("pk").values_list("title", "visibility", "published_at")
    )


@pytest.mark.parametrize("persona", ["partner_a", "member_b", "county_a", "analyst", "anonymous"])
def test_nobody_but_the_coordinator_writes_or_publishes(client, personas, experiences, persona):
    draft, published = experiences
    client = client_for(client, personas, persona)
    before = state()
    posts = [
        (url("experience_create"), {"title": "Ny", "problem_text": "X", "publish": "on"}),
        (url("experience_edit", pk=draft.pk), {"title": "Ändrad", "problem_text": "X"}),
        (url("experience_publish", pk=draft.pk), {"published": "1"}),
        (url("experience_publish", pk=published.pk), {"published": "0"}),
    ]
    for target, data in posts:
        response = client.post(target, data)
        expected = 302 if persona == "anonymous" else 404
        assert response.status_code == expected, (persona, target)
        if persona == "anonymous":
            assert response["Location"].startswith(reverse("accounts:login"))
    assert client.get(url("experience_create")).status_code in (302, 404)
    assert state() == before


def test_the_coordinator_writes_an_experience_from_a_measure_and_publishes_it(
    client, personas, library
):
    chain = build_chain(personas)
    client.force_login(personas.coordinator_a)
    measure_page = reverse(
        "backoffice:measure", kwargs={"code": "0680", "number": 1, "key": chain.measure.key}
    )
    create = url("experience_create") + f"?atgard={chain.measure.pk}"
    assert create.replace("&", "&amp;") in client.get(measure_page).content.decode()

    form = client.get(create).content.decode()
    assert 'value="Grannsamverkan"' in form
    assert 'value="Bostadsinbrott i villaområden"' in form

    response = client.post(
        url("experience_create"),
        {
            "title": "Grannsamverkan i villaområden",
            "measure": chain.measure.pk,
            "problem": chain.problem.pk,
            "problem_text": "Bostadsinbrott i villaområden",
            "method": library["trygghetsvandring"].pk,
            "what_was_done": "Grannar höll uppsikt dagtid.",
            "results": "Anmälda inbrott minskade i området.",
            "value_before": "42",
            "value_after": "30",
            "unit": "anmälda inbrott per år",
            "period_before": "2023",
            "period_after": "2025",
            "publish": "on",
        },
    )

    saved = Experience.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("experience", pk=saved.pk)
    assert (saved.visibility, saved.measure, saved.method) == (
        Visibility.PUBLISHED,
        chain.measure,
        library["trygghetsvandring"],
    )
    assert (saved.value_before, saved.value_after) == (42, 30)
    assert saved.history.latest().history_user == personas.coordinator_a
    public = client.get(reverse("public:experiences")).content.decode()
    assert "Grannsamverkan i villaområden" in public


def test_an_incomplete_experience_is_not_published_and_the_form_says_why(client, personas, library):
    client.force_login(personas.coordinator_a)

    response = client.post(
        url("experience_create"),
        {"title": "Halvfärdig", "problem_text": "Klotter", "publish": "on"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Beskriv resultaten innan erfarenheten publiceras." in html
    assert not Experience.objects.exists()


def test_the_coordinator_publishes_and_takes_back_a_draft(client, personas, experiences):
    draft, _published = experiences
    client.force_login(personas.coordinator_a)

    client.post(url("experience_publish", pk=draft.pk), {"published": "1"})
    draft.refresh_from_db()
    assert draft.visibility == Visibility.PUBLISHED

    client.post(url("experience_publish", pk=draft.pk), {"published": "0"})
    draft.refresh_from_db()
    assert (draft.visibility, draft.published_at) == (Visibility.DRAFT, None)
