"""The fixed chain script's form steps, shared by every path through the chain.

The script: one lägesbild, two problems with one cause each, one plan with two measures each
with one target, one follow-up, the follow-up report downloaded. Each step fills what is on
the page it starts from; how the coordinator gets to that page is up to the path measured.
A step that grows a page (a confirmation, say) changes here, once, for every path.
"""

import io
import re

from docx import Document

PROBLEMS = [
    ("Bostadsinbrott i villaområden", "situationellt", "Få vuxna ute dagtid"),
    ("Misshandel i centrum", "gärningsperson", "Alkohol kvällstid"),
]
MEASURES = [
    (
        "Grannsamverkan",
        "Bostadsinbrott i villaområden: Få vuxna ute dagtid",
        "Trygga i villaområden",
    ),
    ("Nattvandring", "Misshandel i centrum: Alkohol kvällstid", "Trygga i centrum"),
]


# The parts of § 4 the draft leaves to the coordinator: a lägesbild is decided only when they
# are written. These tests load no crime statistics, so the mapping is written by hand too.
PARTS_TO_WRITE = [
    ("Kartläggning av brottsligheten (§ 4 p. 1)", "Misshandel och inbrott dominerar."),
    ("Brottslighetens konsekvenser (§ 4 p. 1)", "Otrygghet i centrum på kvällarna."),
    ("Annan relevant information (§ 4 p. 2)", "Nöjesstråket har fått fler besökare."),
    ("Analys (§ 4 p. 3)", "Misshandel i centrum ökar kvällstid."),
]


def decide_the_lagesbild(page) -> None:
    """On the draft lägesbild: write the parts left to the coordinator, then decide it
    through the confirmation page."""
    for heading, text in PARTS_TO_WRITE:
        page.get_by_role("link", name=f"Redigera ”{heading}”").click()
        page.get_by_label("Text").fill(text)
        page.get_by_role("button", name="Spara").click()
        page.get_by_role("link", name=f"Redigera ”{heading}”").wait_for()
    page.get_by_label("Fastställs av (organ)").fill("Kommunstyrelsen")
    page.get_by_label("Beslutsdatum").fill("2026-11-02")
    page.get_by_label("Diarienummer").fill("KS 2026/14")
    page.get_by_role("button", name="Granska och fastställ").click()
    page.get_by_role("heading", name="Fastställ version 1?").wait_for()
    page.get_by_role("button", name="Fastställ lägesbilden").click()
    page.locator(".status-line", has_text="Fastställd").wait_for()


def add_problem(page, title: str) -> None:
    """On a page with the new-problem form: add the problem; its page opens."""
    page.get_by_label("Problem", exact=True).fill(title)
    page.get_by_role("button", name="Lägg till problemet").click()
    page.get_by_role("heading", name=title, level=1).wait_for()


def add_cause(page, perspective: str, cause: str) -> None:
    """On a problem's page: add one cause."""
    page.get_by_label("Perspektiv").select_option(perspective)
    page.get_by_label("Orsak", exact=True).fill(cause)
    page.get_by_role("button", name="Lägg till orsak").click()
    page.locator(".cause-tree", has_text=cause).wait_for()


def create_plan_draft(page) -> None:
    """On a page with the new-plan form: create the draft; the plan opens."""
    page.get_by_role("button", name="Skapa utkast").click()
    page.wait_for_url(re.compile(r"/atgardsplan/1/$"))


def save_measure(page, title: str, cause_label: str) -> None:
    """On the new-measure form: save the measure; its page opens."""
    page.get_by_label("Åtgärd", exact=True).fill(title)
    page.get_by_label(cause_label).check()
    page.get_by_label("Typ").select_option("situationell")
    page.get_by_label("Tidsperspektiv").select_option("kort")
    page.get_by_role("button", name="Spara åtgärden").click()
    page.get_by_role("heading", name=re.compile(f"{title}$"), level=1).wait_for()


def add_target(page, indicator: str) -> None:
    """On a measure's page: add one target."""
    page.get_by_label("eller lokal indikator").fill(indicator)
    page.get_by_label("Utgångsvärde", exact=True).fill("62")
    page.get_by_label("Utgångsvärdets datum").fill("2026-03-01")
    page.get_by_label("Målvärde").fill("70")
    page.get_by_label("Måldatum").fill("2028-03-01")
    page.get_by_label("Källa").fill("Kommunens trygghetsmätning")
    page.get_by_role("button", name="Lägg till målet").click()
    page.locator("table.data-table", has_text=indicator).wait_for()


def decide_plan(page) -> None:
    """On the draft plan: decide it."""
    page.get_by_label("Beslutande organ").fill("Kommunfullmäktige")
    page.get_by_label("Beslutsdatum").fill("2026-11-16")
    page.get_by_label("Diarienummer").fill("KS 2026/123")
    page.get_by_role("button", name="Besluta åtgärdsplanen").click()
    page.locator(".status-line", has_text="Beslutad").wait_for()


def record_follow_up(page) -> None:
    """On the plan's follow-up page: record the follow-up."""
    page.get_by_label("Sammanfattning").fill("Båda åtgärderna är i gång.")
    page.get_by_role("button", name="Spara uppföljningen").click()
    page.get_by_role("link", name="Uppföljningsrapport (Word)").wait_for()


def download_follow_up_report(page) -> Document:
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Uppföljningsrapport (Word)").click()
    return Document(io.BytesIO(download_info.value.path().read_bytes()))


def add_problem_with_its_cause(page, title: str, perspective: str, cause: str) -> None:
    """On a page with the short problem form: the problem and its first cause in one go."""
    form = page.locator("#nytt-problem")
    form.get_by_label("Problem", exact=True).fill(title)
    form.get_by_label("Den första orsakens perspektiv").select_option(perspective)
    form.get_by_label("En första orsak", exact=True).fill(cause)
    with page.expect_navigation():
        form.get_by_role("button", name="Lägg till problemet").click()
    page.locator(".messages", has_text="Problemet är tillagt.").wait_for()


def save_measure_with_its_target(page, title: str, cause_label: str, indicator: str, then: str):
    """On the new-measure form: the measure and its first target, then on with button `then`."""
    page.get_by_label("Åtgärd", exact=True).fill(title)
    page.get_by_label(cause_label).check()
    page.get_by_label("Typ").select_option("situationell")
    page.get_by_label("Tidsperspektiv").select_option("kort")
    target = page.locator("#first-target")
    target.get_by_label("eller lokal indikator").fill(indicator)
    target.get_by_label("Utgångsvärde", exact=True).fill("62")
    target.get_by_label("Utgångsvärdets datum").fill("2026-03-01")
    target.get_by_label("Målvärde").fill("70")
    target.get_by_label("Måldatum").fill("2028-03-01")
    target.get_by_label("Källa").fill("Kommunens trygghetsmätning")
    with page.expect_navigation():
        page.get_by_role("button", name=then).click()
    page.locator(".messages", has_text="Åtgärden är sparad.").wait_for()
