"""Search shows what a visitor may see, whoever searches: never a draft experience, neither
the searcher's own kommun's nor another kommun's.
"""

import pytest
from django.urls import reverse

from forebygg.methods.domain.experiences import publish_experience
from tests.methods.conftest import build_library, coordinator_of, experience

pytestmark = pytest.mark.django_db


def titles(client, query: str) -> list[str]:
    response = client.get(reverse("public:search"), {"q": query})
    return [hit.title for hit in response.context["results"].of("erfarenheter")]


@pytest.fixture
def experiences(personas):
    build_library()
    published = experience("1280", title="Ljus i Malmös parker", problem_text="Otrygghet i parker")
    draft_b = experience(
        "1280", published=False, title="Malmös utkast om parker", problem_text="Parker"
    )
    draft_a = experience(
        "0680",
        by=personas.coordinator_a,
        published=False,
        title="Jönköpings utkast om parker",
        problem_text="Parker",
    )
    withdrawn = experience("1280", title="Tillbakadragen om parker", problem_text="Parker")
    publish_experience(withdrawn, by=coordinator_of("1280"), published=False)
    return published, draft_b, draft_a, withdrawn


def test_a_visitor_finds_only_the_published_experience(client, experiences):
    assert titles(client, "parker") == ["Ljus i Malmös parker"]


@pytest.mark.parametrize("persona", ["coordinator_a", "member_b", "county_a", "analyst"])
def test_a_logged_in_user_finds_no_draft_either(client, personas, experiences, persona):
    client.force_login(personas.user(persona))

    assert titles(client, "parker") == ["Ljus i Malmös parker"]


def test_not_even_the_coordinator_who_wrote_the_drafts_finds_them(client, experiences):
    client.force_login(coordinator_of("1280"))

    assert titles(client, "parker") == ["Ljus i Malmös parker"]


def test_the_drafts_do_exist_to_be_found(experiences):
    published, draft_b, draft_a, withdrawn = experiences

    assert [e.visibility for e in (published, draft_b, draft_a, withdrawn)] == [
        "publicerad",
        "utkast",
        "utkast",
        "utkast",
    ]
