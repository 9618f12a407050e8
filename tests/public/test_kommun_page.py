import pytest
from django.urls import reverse

from tests.backoffice.test_personas import ALL_A_TITLES, client_for
from tests.personas import PERSONA_NAMES


def test_jonkoping_page_shows_lan_population_and_kommungrupp_with_sources(client, db):
    html = client.get("/kommun/0680/").content.decode()

    assert "<h1>Jönköpings kommun</h1>" in html
    assert "<dd>Jönköpings län</dd>" in html
    assert '<td class="num">141\u00a0081</td>' in html  # 2019, SCB
    assert '<th scope="row">2016</th><td class="num">135\u00a0297</td>' in html
    assert "B3 Större stad" in html
    assert "Källa: SCB, folkmängd per DeSO 2019 summerad per kommun" in html
    assert "Källa: SCB via Kolada (N01951 Invånare totalt)" in html
    assert "Källa: SKR, Kommungruppsindelning 2023" in html


def test_missing_population_years_are_named_not_filled(client, db):
    response = client.get("/kommun/0680/")
    html = response.content.decode()
    assert [p.year for p in response.context["profile"].populations] == [
        2010,
        2011,
        2012,
        2013,
        2014,
        2015,
        2016,
        2019,
    ]
    assert "Uppgift saknas för 2017, 2018." in html


def test_similar_kommuner_are_the_rest_of_the_same_skr_group(client, db):
    similar = client.get("/kommun/0680/").context["profile"].similar
    assert len(similar) == 22  # B3 has 23 kommuner in SKR 2023
    assert "Linköping" in [kommun.short_name for kommun in similar]


def test_unknown_kommun_code_gives_a_swedish_404_page(client, db):
    response = client.get("/kommun/9999/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan hittades inte" in html
    assert "Det finns ingen kommun med koden 9999." in html


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_public_page_of_a_shows_only_published_notes_to_everyone(client, personas, persona):
    html = client_for(client, personas, persona).get("/kommun/0680/").content.decode()

    shown = {name for name, title in ALL_A_TITLES.items() if title in html}

    assert shown == {"published_a"}


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_workspace_link_appears_only_for_those_who_may_open_it(client, personas, persona):
    html = client_for(client, personas, persona).get("/kommun/0680/").content.decode()
    has_link = reverse("backoffice:workspace", kwargs={"code": "0680"}) in html
    assert has_link == (persona in {"coordinator_a", "partner_a", "county_a", "analyst"})


def test_sources_page_lists_every_loaded_dataset(client, db):
    html = client.get(reverse("public:sources")).content.decode()
    for name in [
        "Kommuner och län",
        "Kommun- och länsgränser",
        "kommungruppsindelning 2017",
        "kommungruppsindelning 2023",
        "Kolada N01951",
        "SCB, summa av DeSO",
    ]:
        assert name in html


def test_police_designated_areas_are_listed_per_list_year_with_their_source(client, db):
    from forebygg.geo.enums import AreaKind
    from forebygg.geo.models import Area, Kommun

    aneby = Kommun.objects.get(code="0604")  # not on the police's 2025 list
    Area.objects.create(
        code="0604-testomradet-2025", name="Testområdet", kind=AreaKind.UTSATT, kommun=aneby,
        list_year=2025, svg_path="M0 0L10 0L10 10Z",
    )  # fmt: skip
    Area.objects.create(
        code="0604-testomradet-2023", name="Testområdet", kind=AreaKind.RISK, kommun=aneby,
        list_year=2023,
    )  # fmt: skip

    html = client.get("/kommun/0604/").content.decode()
    table = html.split('id="police-areas"')[1].split("</table>")[0]

    rows = table.split("<tr>")[2:]
    assert "Utsatt område</td><td>2025" in rows[0]
    assert "Riskområde</td><td>2023" in rows[1]
    assert 'class="area-utsatt"' in html


def test_a_kommun_without_designated_areas_has_no_such_section(client, db):
    assert "police-areas" not in client.get("/kommun/0604/").content.decode()
