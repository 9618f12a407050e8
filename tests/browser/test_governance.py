"""A coordinator brings civil society into the agreement and the council; the law panel follows."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.browser.conftest import assert_accessible
from tests.browser.test_plan import log_in

pytestmark = pytest.mark.browser

ORGANISATION = "Föreningen Trygga Vuxna"


def rule_status(page, code: str) -> str:
    page.goto("/arbetsyta/0680/lagkrav/")
    return page.locator(f"#rule-{code}").get_attribute("data-status")


def test_civil_society_joins_the_agreement_and_the_council(page, reference_data):
    call_command("create_demo", verbosity=0)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    next_year = (timezone.localdate() + timedelta(days=365)).isoformat()
    log_in(page)

    assert rule_status(page, "R8") == "varning"
    assert rule_status(page, "R9") == "varning"
    assert_accessible(page)

    page.goto("/arbetsyta/0680/aktorer/")
    assert_accessible(page)
    page.get_by_label("Namn på ny organisation").fill(ORGANISATION)
    page.get_by_label("Typ").select_option("civilsamhalle")
    page.get_by_label("Vad organisationen bidrar med").first.fill("Vuxna på stan fredagskvällar")
    page.get_by_role("button", name="Registrera").click()
    page.get_by_text("Aktören är registrerad.").wait_for()
    assert ORGANISATION in page.locator("table.data-table").inner_text()

    page.goto("/arbetsyta/0680/samverkan/")
    assert_accessible(page)
    page.get_by_role("link", name="Ny överenskommelse eller medborgarlöften").click()
    page.get_by_label("Typ").select_option("samverkan")
    page.get_by_label("Rubrik").fill("Överenskommelse om trygga kvällar")
    page.get_by_label(ORGANISATION).check()
    page.get_by_label("Syften (§ 9)").fill("Öka tryggheten i centrum kvällstid.")
    page.get_by_label("Samverkansområden (§ 9)").fill("Centrum, skolgårdar och parker.")
    page.get_by_label("Gäller från").fill(yesterday)
    page.get_by_label("Gäller till").fill(next_year)
    page.get_by_label("Undertecknad").fill(yesterday)
    assert_accessible(page)
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("heading", name="Överenskommelse om trygga kvällar", level=1).wait_for()
    assert ORGANISATION in page.locator("dl.facts").inner_text()
    assert_accessible(page)

    page.goto("/arbetsyta/0680/rad/")
    page.get_by_role("button", name="Registrera").click()
    page.get_by_text("Rådet är registrerat.").wait_for()
    page.get_by_label("Organisation", exact=True).select_option(label="Jönköpings kommun")
    page.get_by_label("Befattning").fill("Kommundirektör")
    page.get_by_label("Nivå").select_option("ledande")
    page.get_by_label("Ordförande").check()
    page.get_by_role("button", name="Lägg till ledamot").click()
    page.get_by_text("Ledamoten är tillagd.").wait_for()
    page.get_by_label("Organisation", exact=True).select_option(label=ORGANISATION)
    page.get_by_label("Befattning").fill("Föreningens ordförande")
    page.get_by_label("Nivå").select_option("ledande")
    page.get_by_role("button", name="Lägg till ledamot").click()
    page.get_by_text("Ledamoten är tillagd.").wait_for()
    assert ORGANISATION in page.locator("table.data-table").first.inner_text()
    assert_accessible(page)

    page.get_by_label("Datum").fill(yesterday)
    page.get_by_label("Dagordning").fill("1. Lägesbilden\n2. Trygga kvällar")
    page.get_by_label("Protokoll").fill("Rådet beslutade om kvällsvandringar.")
    page.get_by_label(f"Föreningens ordförande, {ORGANISATION}").check()
    page.get_by_label("Kommundirektör, Jönköpings kommun").check()
    page.get_by_role("button", name="Registrera mötet").click()
    page.get_by_text("Mötet är registrerat.").wait_for()
    page.get_by_role("link", name=yesterday).click()
    page.wait_for_url(re.compile(r"/rad/mote/\d+/$"))
    page.get_by_role("textbox", name="Beslut").fill("Starta kvällsvandringar i centrum")
    page.get_by_label("Ansvarig organisation").select_option(label=ORGANISATION)
    page.get_by_label("Klart senast").fill(next_year)
    page.get_by_role("button", name="Lägg till beslutet").click()
    page.get_by_text("Beslutet är tillagt.").wait_for()
    decisions = page.locator("table.data-table").inner_text()
    assert "Starta kvällsvandringar i centrum" in decisions and ORGANISATION in decisions
    assert_accessible(page)

    assert rule_status(page, "R8") == "uppfyllt"
    assert rule_status(page, "R9") == "uppfyllt"
    assert "Civilsamhällesorganisation" in page.locator("#rule-R8").inner_text()
    assert_accessible(page)

    page.goto(f"/arbetsyta/0680/arshjul/?ar={yesterday[:4]}")
    assert (
        "Möte: Strategiskt råd för brottsförebyggande arbete"
        in page.locator("ol.cycle").inner_text()
    )
    assert_accessible(page)
