"""A coordinator goes problem → cause → measure with target → decided plan → follow-up report."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from docx import Document

from forebygg.geo.models import Kommun
from forebygg.lagesbild.domain import draft_lagesbild
from forebygg.plans.domain.planning import create_plan, save_measure
from tests.browser.conftest import assert_accessible
from tests.lagesbild_decision import decide_written

pytestmark = pytest.mark.browser


def log_in(page, username: str = "samordnare"):
    page.context.clear_cookies()
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill("demo-forebygg-2026")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(re.compile(r"/arbetsyta/$"))


def test_from_problem_to_a_followed_up_plan(page, reference_data):
    call_command("create_demo", verbosity=0)
    coordinator = get_user_model().objects.get(username="samordnare")
    lagesbild = draft_lagesbild(Kommun.objects.get(code="0680"), by=coordinator)
    decide_written(lagesbild, by=coordinator)
    log_in(page)

    page.goto("/arbetsyta/0680/problem/")
    assert_accessible(page)
    page.get_by_label("Problem", exact=True).fill("Bostadsinbrott i villaområden")
    page.get_by_role("button", name="Lägg till problemet").click()
    page.get_by_role("heading", name="Bostadsinbrott i villaområden", level=1).wait_for()
    page.get_by_label("Perspektiv").select_option("situationellt")
    page.get_by_label("Orsak", exact=True).fill("Få vuxna ute dagtid")
    page.get_by_role("button", name="Lägg till orsak").click()
    assert "Få vuxna ute dagtid" in page.locator(".cause-tree").inner_text()
    page.get_by_label("Vanligt förekommande").select_option("3")
    page.get_by_role("button", name="Spara bedömningen").click()
    page.get_by_label("Beslut", exact=True).select_option("prioriterad")
    page.get_by_role("button", name="Spara beslutet").click()
    assert "Prioriterad" in page.locator(".status-line").inner_text()
    assert_accessible(page)

    page.goto("/arbetsyta/0680/atgardsplan/")
    assert_accessible(page)
    page.get_by_role("button", name="Skapa utkast").click()
    page.wait_for_url(re.compile(r"/atgardsplan/1/$"))
    page.get_by_role("link", name="Ny åtgärd").click()
    assert_accessible(page)
    page.get_by_label("Åtgärd", exact=True).fill("Grannsamverkan")
    page.get_by_label("Bostadsinbrott i villaområden: Få vuxna ute dagtid").check()
    page.get_by_label("Typ").select_option("situationell")
    page.get_by_label("Tidsperspektiv").select_option("kort")
    page.get_by_label("Ansvarig organisation").select_option(index=1)
    page.get_by_role("button", name="Spara åtgärden").click()
    page.wait_for_url(re.compile(r"/atgard/%C3%851/$|/atgard/Å1/$"))
    page.get_by_label("eller lokal indikator").fill("Andel trygga i villaområdena")
    page.get_by_label("Utgångsvärde", exact=True).fill("62")
    page.get_by_label("Utgångsvärdets datum").fill("2026-03-01")
    page.get_by_label("Målvärde").fill("70")
    page.get_by_label("Måldatum").fill("2028-03-01")
    page.get_by_label("Källa").fill("Kommunens trygghetsmätning")
    page.get_by_role("button", name="Lägg till målet").click()
    assert "Andel trygga i villaområdena" in page.locator("table.data-table").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("^Åtgärdsplan$")).click()
    page.get_by_role("link", name=re.compile("version 1")).click()
    page.get_by_label("Beslutande organ").fill("Kommunfullmäktige")
    page.get_by_label("Beslutsdatum").fill("2026-11-16")
    page.get_by_label("Diarienummer").fill("KS 2026/123")
    page.get_by_role("button", name="Besluta åtgärdsplanen").click()
    assert "Beslutad" in page.locator(".status-line").inner_text()
    assert page.get_by_role("link", name="Ny åtgärd").count() == 0
    assert_accessible(page)

    page.get_by_role("link", name="Grannsamverkan").click()
    page.get_by_role("combobox", name="Status").select_option("pagaende")
    page.get_by_label("Andel genomförd (%)").fill("40")
    page.get_by_role("button", name="Rapportera").click()
    assert "Pågående" in page.locator("#status-heading + table").inner_text()

    page.goto("/arbetsyta/0680/atgardsplan/1/uppfoljning/")
    assert_accessible(page)
    page.get_by_label("Sammanfattning").fill("Grannsamverkan är i gång i tre områden.")
    page.get_by_role("button", name="Spara uppföljningen").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Uppföljningsrapport (Word)").click()
    document = Document(io.BytesIO(download_info.value.path().read_bytes()))
    assert document.paragraphs[0].text == "Uppföljning av åtgärdsplan – Jönköpings kommun"
    # The chain (problem → cause → measure) comes first; then the status of each measure.
    assert document.tables[1].rows[1].cells[3].text == "Pågående"


def test_a_stale_measure_save_shows_both_versions_and_saves_after_merging(page, reference_data):
    call_command("create_demo", verbosity=0)
    coordinator = get_user_model().objects.get(username="samordnare")
    kommun = Kommun.objects.get(code="0680")
    lagesbild = decide_written(draft_lagesbild(kommun, by=coordinator), by=coordinator)
    plan = create_plan(kommun, lagesbild=lagesbild, title="Åtgärdsplan 2027", by=coordinator)
    measure = save_measure(
        plan, by=coordinator, title="Grannsamverkan", type="situationell", horizon="kort"
    )
    log_in(page)
    page.goto(f"/arbetsyta/0680/atgardsplan/{plan.number}/atgard/{measure.key}/andra/")
    # Meanwhile a colleague saves another title and the long term:

    save_measure(plan, by=coordinator, measure=measure, title="Grannsamverkan dagtid",
                 type="situationell", horizon="lang")  # fmt: skip

    page.get_by_label("Åtgärd", exact=True).fill("Grannsamverkan i villaområden")
    page.get_by_role("button", name="Spara åtgärden").click()

    page.get_by_role("heading", name="Skillnader mot den sparade åtgärden").wait_for()
    differences = page.locator("#saved-version table").inner_text()
    assert "Grannsamverkan i villaområden\tGrannsamverkan dagtid" in differences
    assert "Kort sikt\tLång sikt" in differences
    assert page.get_by_label("Åtgärd", exact=True).input_value() == "Grannsamverkan i villaområden"
    assert_accessible(page)

    page.get_by_label("Tidsperspektiv").select_option("lang")
    page.get_by_role("button", name="Spara åtgärden").click()
    page.wait_for_url(re.compile(r"/atgard/%C3%851/$|/atgard/Å1/$"))
    measure.refresh_from_db()
    assert (measure.title, measure.horizon) == ("Grannsamverkan i villaområden", "lang")
