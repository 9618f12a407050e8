"""The yearly report travels: kommun submits → county approves → combined report → Brå reads."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from forebygg.geo.enums import AreaKind
from forebygg.geo.models import Area, Kommun
from tests.browser.conftest import assert_accessible
from tests.browser.test_plan import log_in

pytestmark = pytest.mark.browser


def status_of(page, selector: str) -> str:
    return page.locator(selector).inner_text().strip()


def test_a_report_goes_from_the_kommun_through_the_county_to_brå(page, reference_data):
    call_command("create_demo", verbosity=0)
    year = timezone.localdate().year

    log_in(page, "samordnare")
    page.goto("/arbetsyta/0680/")
    page.get_by_role("link", name="Årlig redovisning").click()
    assert_accessible(page)
    page.get_by_label("Redovisningsår").fill(str(year))
    page.get_by_role("button", name="Sammanställ redovisningen").click()
    page.get_by_role("heading", name=f"Årlig redovisning {year} – Jönköpings kommun").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Skicka till länsstyrelsen").click()
    assert status_of(page, "#report-status") == "Inskickad till länsstyrelsen"

    log_in(page, "lansstyrelsen")
    page.get_by_role("link", name="Länsöversikt: Jönköpings län").click()
    row = page.locator('tr[data-kommun="0680"]')
    assert "Inskickad till länsstyrelsen" in row.inner_text()
    assert "Ingen redovisning" in page.locator('tr[data-kommun="0662"]').inner_text()
    assert_accessible(page)
    row.get_by_role("link", name="Jönköping").click()
    page.get_by_role("button", name="Godkänn").click()
    assert status_of(page, "#report-status") == "Godkänd av länsstyrelsen"

    page.goto(f"/oversikt/lan/06/redovisning/{year}/")
    page.get_by_role("button", name="Påbörja den samlade redovisningen").click()
    page.get_by_label("Regionala nätverk").fill("Nätverk för kommunernas samordnare")
    page.get_by_role("button", name="Spara det regionala arbetet").click()
    page.get_by_role("button", name="Ta med Jönköping").click()
    assert_accessible(page)
    page.get_by_role("link", name="Skicka till Brå").click()
    assert page.locator('#missing tr[data-kommun="0662"]').count() == 1
    assert_accessible(page)
    page.get_by_label(
        "Jag bekräftar att redovisningen skickas till Brå utan kommunerna ovan."
    ).check()
    page.get_by_role("button", name="Skicka till Brå").click()
    assert status_of(page, "#county-status") == "Inskickad till Brå"

    log_in(page, "bra")
    page.get_by_role("link", name="Nationell översikt").click()
    page.get_by_text("1 av 290 kommuner").wait_for()
    shares = page.locator("#shares").inner_text()
    assert "Har en samordningsfunktion" in shares
    assert_accessible(page)
    page.goto(f"/oversikt/lan/06/redovisning/{year}/")
    assert "Nätverk för kommunernas samordnare" in page.locator("main").inner_text()
    assert_accessible(page)
    page.goto(f"/arbetsyta/0680/arsredovisning/{year}/")
    assert status_of(page, "#report-status") == "Ingår i länets samlade redovisning"


def test_brå_reweights_the_support_ranking(page, reference_data):
    call_command("create_demo", verbosity=0)
    Area.objects.create(
        code="0680-testomrade-2025",
        name="Testområdet",
        kind=AreaKind.SARSKILT_UTSATT,
        kommun=Kommun.objects.get(code="0680"),
        list_year=2025,
    )
    log_in(page, "bra")
    page.get_by_role("link", name="Prioritering av stöd").click()
    first = page.locator("#prioritisation tbody tr").first
    assert first.get_attribute("data-kommun") == "0680"
    first.get_by_text("Varför Jönköping?").click()
    assert "Testområdet" in first.inner_text()
    assert_accessible(page)

    page.get_by_label("Särskilt utsatta områden").fill("0")
    page.get_by_role("button", name="Räkna om").click()
    page.wait_for_url(lambda url: "sarskilt_utsatt=0" in url)

    assert page.locator("#prioritisation tbody tr").first.get_attribute("data-kommun") != "0680"
    assert_accessible(page)
