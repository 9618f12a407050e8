"""One search finds kommuner, the police's areas, methods and published experiences.

Each hit says what it is and links to its public page.
"""

import pytest
from django.urls import reverse

from forebygg.geo.enums import AreaKind
from forebygg.geo.models import Area, Kommun
from tests.methods.conftest import build_library, experience

pytestmark = pytest.mark.django_db


def police_area(code: str, name: str, year: int, kind=AreaKind.SARSKILT_UTSATT) -> Area:
    kommun = Kommun.objects.get(code=code)
    return Area.objects.create(
        code=f"{code}-{name.lower()}-{year}", name=name, kind=kind, kommun=kommun, list_year=year
    )


def hits(client, query: str) -> list[tuple[str, str, str]]:
    response = client.get(reverse("public:search"), {"q": query})
    return [(hit.kind, hit.title, hit.url) for hit in response.context["results"].hits]


def test_a_police_area_is_found_once_with_its_latest_list(client):
    police_area("0680", "Ödemarksgården", 2021)
    police_area("0680", "Ödemarksgården", 2023)

    assert hits(client, "ODEMARKSGARDEN") == [
        ("Område", "Ödemarksgården", "/kommun/0680/#police-areas")
    ]
    response = client.get(reverse("public:search"), {"q": "ödemarksgården"})
    detail = response.context["results"].hits[0]
    assert detail.detail == "Särskilt utsatt område i Jönköping, polisens lista 2023"


def test_a_district_that_the_police_did_not_designate_is_not_a_hit(client):
    police_area("0680", "Ödemarks stadsdel", 2023, kind=AreaKind.DISTRICT)

    assert hits(client, "ödemarks stadsdel") == []


def test_a_method_is_found_by_its_name(client):
    build_library()

    assert hits(client, "trygghetsvandring") == [
        ("Metod", "Trygghetsvandring", "/metoder/trygghetsvandring/")
    ]


def test_a_published_experience_is_found_by_its_title_or_problem(client, personas):
    build_library()
    found = experience(
        "0680",
        by=personas.coordinator_a,
        title="Färre bostadsinbrott på Öster",
        problem_text="Inbrott i flerbostadshus",
    )
    url = f"/erfarenheter/{found.pk}/"

    assert hits(client, "PÅ ÖSTER") == [("Erfarenhet", "Färre bostadsinbrott på Öster", url)]
    assert hits(client, "flerbostadshus") == [("Erfarenhet", "Färre bostadsinbrott på Öster", url)]


def test_the_hits_come_kind_by_kind_kommun_first(client, personas):
    build_library()
    police_area("0680", "Jönköpings provområde", 2023)
    experience("0680", by=personas.coordinator_a, title="Lärdomar", problem_text="Klotter")

    kinds = [kind for kind, _title, _url in hits(client, "jönköping")]

    assert kinds == ["Kommun", "Område", "Erfarenhet"]


def test_every_hit_shows_its_kind_and_link(client):
    html = client.get(reverse("public:search"), {"q": "Malmö"}).content.decode()

    assert html.count('<span class="hit-kind">Kommun</span> <a href="/kommun/1280/">Malmö</a>') == 1
