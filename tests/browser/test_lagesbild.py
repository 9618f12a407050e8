"""A coordinator drafts, edits, marks a problem candidate, decides through the confirmation
page, and downloads the DOCX."""

import io
import re

import pytest
from django.core.management import call_command
from docx import Document

from forebygg.stats.national import forget_cached_indicators
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


def test_coordinator_drafts_edits_decides_and_downloads(page, reference_data):
    call_command("import_statistics", verbosity=0)
    call_command("create_demo", verbosity=0)
    forget_cached_indicators()
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("samordnare")
    page.get_by_label("Lösenord").fill("demo-forebygg-2026")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(re.compile(r"/arbetsyta/$"))

    page.goto("/arbetsyta/0680/lagesbild/")
    assert_accessible(page)
    page.get_by_role("button", name="Skapa utkast från statistiken").click()
    page.wait_for_url(re.compile(r"/lagesbild/1/$"))
    assert page.locator("figure.lb-figure").count() == 4
    assert_accessible(page)

    page.get_by_role("link", name="Redigera ”Analys (§ 4 p. 3)”").click()
    assert_accessible(page)
    page.get_by_label("Text").fill("Misshandel i centrum ökar **kvällstid**.")
    page.get_by_role("button", name="Spara").click()
    assert "kvällstid" in page.locator("#section-analysis").inner_text()
    for heading, text in [
        ("Brottslighetens konsekvenser (§ 4 p. 1)", "Otrygghet i centrum på kvällarna."),
        ("Annan relevant information (§ 4 p. 2)", "Nöjesstråket har fått fler besökare."),
    ]:
        page.get_by_role("link", name=f"Redigera ”{heading}”").click()
        page.get_by_label("Text").fill(text)
        page.get_by_role("button", name="Spara").click()

    page.get_by_label("Problem", exact=True).fill("Misshandel i centrum")
    page.get_by_label("Underlag (figur)").select_option("fig-trend")
    page.get_by_role("button", name="Markera som problemkandidat").click()
    assert "Misshandel i centrum" in page.locator("#candidates-heading + ul").inner_text()

    page.get_by_label("Fastställs av (organ)").fill("Kommunstyrelsen")
    page.get_by_label("Beslutsdatum").fill("2026-03-02")
    page.get_by_label("Diarienummer").fill("KS 2026/14")
    page.get_by_role("button", name="Granska och fastställ").click()
    page.get_by_role("heading", name="Fastställ version 1?").wait_for()
    assert "Misshandel i centrum" in page.locator("#frozen-candidates").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Fastställ lägesbilden").click()
    status_line = page.locator(".status-line").inner_text()
    assert "Fastställd 2026-03-02 av Kommunstyrelsen, dnr KS 2026/14" in status_line
    assert page.get_by_role("link", name="Redigera ”Analys (§ 4 p. 3)”").count() == 0
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ladda ner Word (DOCX)").click()
    document = Document(io.BytesIO(download_info.value.path().read_bytes()))
    assert document.paragraphs[0].text == "Lägesbild för Jönköpings kommun"
    assert any("kvällstid" in paragraph.text for paragraph in document.paragraphs)


def test_upload_page_previews_a_file_and_is_accessible(page, reference_data, tmp_path):
    call_command("create_demo", verbosity=0)
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("samordnare")
    page.get_by_label("Lösenord").fill("demo-forebygg-2026")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(re.compile(r"/arbetsyta/$"))
    page.goto("/arbetsyta/0680/import/")
    assert_accessible(page)

    csv_file = tmp_path / "trygghet.csv"
    csv_file.write_text(
        "kommun;område;indikator;namn;enhet;period;värde\n"
        "0680;;trygghet-kvall;Otrygg ute på kvällen;procent;2024;23,5\n",
        encoding="utf-8",
    )
    page.get_by_label("Fil", exact=True).set_input_files(str(csv_file))
    page.get_by_role("button", name="Kontrollera filen").click()
    page.get_by_role("heading", name="Förhandsgranskning av trygghet.csv").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Läs in").click()
    # The job's page shows the result once the file is written (the job runs in the request
    # here; under `make run` the worker runs it and the page polls).
    page.wait_for_url(re.compile(r"/arbetsyta/0680/import/jobb/[0-9a-f-]+/$"))
    page.get_by_text("Inläst: 1 nya, 0 ändrade och 0 oförändrade värden.").wait_for()
    assert_accessible(page)
