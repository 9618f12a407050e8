"""Brå's prioritisation page: who may open it, recomputing, the CSV and saving the weights."""

import csv
import io

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from forebygg.geo.enums import AreaKind
from forebygg.geo.models import Area
from forebygg.support.domain.prioritisation import default_weights
from forebygg.support.models import PriorityWeights
from tests.personas import PASSWORD

PAGE = reverse("oversight:prioritisation")
CSV = reverse("oversight:prioritisation_csv")
SAVE = reverse("oversight:prioritisation_weights")
NOT_BRA = ["coordinator_a", "member_b", "partner_a", "county_a", "county_other"]
LIST_YEAR = 2091


@pytest.fixture
def site_admin(db):
    return get_user_model().objects.create_superuser("root", password=PASSWORD)


@pytest.fixture
def areas(personas):
    """Jönköping has a särskilt utsatt område and Malmö a riskområde on the newest list."""
    for kommun, name, kind in [
        (personas.kommun_a, "Testområdet", AreaKind.SARSKILT_UTSATT),
        (personas.kommun_b, "Riskgatan", AreaKind.RISK),
    ]:
        Area.objects.create(
            code=f"test-{kommun.code}-{LIST_YEAR}",
            name=name,
            kind=kind,
            kommun=kommun,
            list_year=LIST_YEAR,
        )


@pytest.fixture
def analyst_client(client, personas):
    client.force_login(personas.analyst)
    return client


def as_persona(client, personas, persona):
    if persona != "anonymous":
        client.force_login(personas.user(persona))
    return client


def table_of(response) -> tuple[list[str], list[list[str]]]:
    """The ranking table as text: the header and each row's cells, the reasons joined by |."""
    document = lxml.html.fromstring(response.content.decode())
    (table,) = document.xpath("//table[@id='prioritisation']")
    header = [th.text_content().strip() for th in table.xpath("./thead/tr/th")]
    rows = []
    for tr in table.xpath("./tbody/tr"):
        cells = [cell.text_content().strip() for cell in tr.xpath("./th|./td")][:-1]
        reasons = [li.text_content().strip() for li in tr.xpath(".//details//li")]
        rows.append([*cells, " | ".join(reasons)])
    return header, rows


def csv_of(response) -> tuple[list[str], list[list[str]]]:
    text = response.content.decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    return header, rows


def codes(rows) -> list[str]:
    return [row[2] for row in rows]


class TestAccess:
    @pytest.mark.parametrize("url", [PAGE, CSV])
    def test_brå_analyst_and_site_admin_may_open_it(self, client, personas, site_admin, url):
        for user in (personas.analyst, site_admin):
            client.force_login(user)
            assert client.get(url).status_code == 200

    @pytest.mark.parametrize("url", [PAGE, CSV])
    def test_anonymous_visitors_are_sent_to_login(self, client, db, url):
        response = client.get(url)

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))

    @pytest.mark.parametrize("persona", NOT_BRA)
    @pytest.mark.parametrize("url", [PAGE, CSV])
    def test_everyone_else_gets_404(self, client, personas, persona, url):
        response = as_persona(client, personas, persona).get(url)

        assert response.status_code == 404


class TestRanking:
    def test_default_weights_put_the_sarskilt_utsatt_kommun_first(self, analyst_client, areas):
        response = analyst_client.get(PAGE, {"lista": LIST_YEAR})

        _header, rows = table_of(response)
        assert codes(rows)[:2] == ["0680", "1280"]
        assert rows[0][0] == "1"
        assert "1 särskilt utsatt område: Testområdet (polisens lista 2091)" in rows[0][-1]
        assert len(rows) == 290

    def test_changed_weights_recompute_the_order(self, analyst_client, areas):
        weights = default_weights() | {"sarskilt_utsatt": 0, "riskomrade": 100}

        response = analyst_client.get(PAGE, {**weights, "lista": LIST_YEAR})

        header, rows = table_of(response)
        assert codes(rows)[0] == "1280"
        jonkoping = rows[codes(rows).index("0680")]
        assert int(jonkoping[0]) > 1 and jonkoping[5] == "0,00"
        assert header[5:7] == ["Särskilt utsatta områden (vikt 0)", "Riskområden (vikt 100)"]

    def test_a_weight_left_out_keeps_bras_saved_value(self, analyst_client, areas):
        PriorityWeights.objects.create(weights=default_weights() | {"riskomrade": 50})

        response = analyst_client.get(PAGE, {"lista": LIST_YEAR, "utsatt": 2})

        header, rows = table_of(response)
        assert "Riskområden (vikt 50)" in header and "Utsatta områden (vikt 2)" in header
        assert codes(rows)[:2] == ["1280", "0680"]  # 50 for risk beats 20 for särskilt utsatt

    def test_a_report_sent_to_bra_is_read_and_its_year_is_the_default(
        self, analyst_client, personas, sent_to_bra
    ):
        response = analyst_client.get(PAGE)

        html = response.content.decode()
        document = lxml.html.fromstring(html)
        assert document.xpath("//select[@name='ar']/option[@selected]/@value") == ["2026"]
        assert "1 av 290 kommuner har en redovisning för 2026 som Brå har tagit emot." in html
        _header, rows = table_of(response)
        jonkoping = rows[codes(rows).index("0680")][-1]
        assert "Förutsättningar för effekt (0,00 poäng): saknar både samordnare" in jonkoping
        malmo = rows[codes(rows).index("1280")][-1]
        assert "har inte redovisat för 2026: räknas som att alla lagkrav saknas" in malmo

    def test_invalid_weights_show_swedish_errors_and_no_ranking(self, analyst_client):
        response = analyst_client.get(PAGE, dict.fromkeys(default_weights(), 0))

        html = response.content.decode()
        assert response.status_code == 200
        assert "Minst en vikt måste vara större än noll." in html
        assert 'id="prioritisation"' not in html

    def test_the_page_states_its_sources_and_years(self, analyst_client, areas, crime_statistics):
        from forebygg.stats.national import latest_levels

        crime_year, _levels = latest_levels("total")

        html = analyst_client.get(PAGE, {"lista": LIST_YEAR}).content.decode()

        police = "Polismyndigheten: utsatta områden, riskområden och särskilt utsatta områden"
        assert f"{police}, lista {LIST_YEAR}." in html
        assert f"Brå: anmälda brott {crime_year} per 100" in html


class TestCsv:
    def test_the_csv_is_the_table_shown(self, analyst_client, areas, crime_statistics):
        query = default_weights() | {"lagkrav": 3, "brottsniva": 2.5, "lista": LIST_YEAR}

        page = table_of(analyst_client.get(PAGE, query))
        export = csv_of(analyst_client.get(CSV, query))

        assert export == page
        assert export[0][5] == "Särskilt utsatta områden (vikt 20)"
        assert export[0][8] == "Brottsnivå mot liknande kommuner (vikt 2,50)"

    def test_the_csv_follows_the_weights(self, analyst_client, areas):
        weights = default_weights() | {"sarskilt_utsatt": 0, "riskomrade": 100}

        _header, rows = csv_of(analyst_client.get(CSV, {**weights, "lista": LIST_YEAR}))

        assert codes(rows)[0] == "1280"

    def test_invalid_weights_give_no_csv(self, analyst_client):
        response = analyst_client.get(CSV, {"utsatt": -1})

        assert response.status_code == 400


class TestSavingWeights:
    def post(self, client, **changes):
        return client.post(SAVE, default_weights() | changes | {"ar": 2026})

    def test_brå_saves_the_default_and_the_change_is_audited(self, analyst_client, personas):
        response = self.post(analyst_client, forutsattningar=4)

        assert response.status_code == 302
        stored = PriorityWeights.objects.get()
        assert stored.weights == default_weights() | {"forutsattningar": 4.0}
        change = stored.history.get()
        assert change.history_user == personas.analyst
        assert change.history_change_reason == "Brå:s standardvikter för prioriteringen ändrade"

        html = analyst_client.get(PAGE).content.decode()
        assert "Förutsättningar för effekt (vikt 4)" in html
        assert "Vikterna ovan är Brå:s sparade standard." in html

    def test_each_change_leaves_a_history_row(self, analyst_client):
        self.post(analyst_client, forutsattningar=4)
        self.post(analyst_client, forutsattningar=2)

        stored = PriorityWeights.objects.get()
        assert [h.weights["forutsattningar"] for h in stored.history.all()] == [2.0, 4.0]

    @pytest.mark.parametrize("persona", NOT_BRA)
    def test_anyone_else_is_refused_and_nothing_changes(self, client, personas, persona):
        response = self.post(as_persona(client, personas, persona), forutsattningar=4)

        assert response.status_code == 404
        assert not PriorityWeights.objects.exists()

    def test_anonymous_is_sent_to_login_and_nothing_changes(self, client, db):
        response = self.post(client, forutsattningar=4)

        assert response.status_code == 302
        assert not PriorityWeights.objects.exists()

    def test_invalid_weights_are_not_saved(self, analyst_client):
        response = analyst_client.post(SAVE, dict.fromkeys(default_weights(), 0), follow=True)

        assert not PriorityWeights.objects.exists()
        assert "Minst en vikt måste vara större än noll." in response.content.decode()

    def test_saving_needs_a_post(self, analyst_client):
        assert analyst_client.get(SAVE).status_code == 405
        assert not PriorityWeights.objects.exists()
