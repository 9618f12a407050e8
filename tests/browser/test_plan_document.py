"""A coordinator downloads the decided åtgärdsplan from the plan page as Word and as PDF; both
walk the chain problem → cause → measure → target, in that order."""

import io
import re
import shutil
import subprocess
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from docx import Document

from forebygg.geo.models import Kommun
from forebygg.lagesbild.domain import draft_lagesbild
from forebygg.plans.domain.planning import add_target, create_plan, decide_plan, save_measure
from forebygg.plans.domain.problems import add_cause, create_problem, decide_priority
from tests.browser.conftest import assert_accessible
from tests.browser.test_plan import log_in
from tests.document_text import docx_lines, found_in_order
from tests.lagesbild_decision import decide_written

pytestmark = pytest.mark.browser

CHAIN = [
    "Bostadsinbrott i villaområden",
    "Få vuxna ute dagtid",
    "Å1 Grannsamverkan",
    "Andel trygga i villaområdena",
]


def decided_plan():
    coordinator = get_user_model().objects.get(username="samordnare")
    kommun = Kommun.objects.get(code="0680")
    lagesbild = decide_written(draft_lagesbild(kommun, by=coordinator), by=coordinator)
    problem = create_problem(kommun, by=coordinator, title=CHAIN[0])
    decide_priority(problem, priority="prioriterad", reason="Ökar", by=coordinator)
    cause = add_cause(problem, perspective="situationellt", text=CHAIN[1], by=coordinator)
    plan = create_plan(kommun, lagesbild=lagesbild, title="Åtgärdsplan 2027", by=coordinator)
    measure = save_measure(plan, by=coordinator, title="Grannsamverkan", type="situationell",
                           horizon="kort", causes=[cause])  # fmt: skip
    add_target(measure, by=coordinator, local_name=CHAIN[3], baseline_value=62.0,
               baseline_date=date(2026, 3, 1), target_value=70.0, target_date=date(2028, 3, 1),
               source="Kommunens trygghetsmätning")  # fmt: skip
    return decide_plan(plan, body="Kommunfullmäktige", decided_on=date(2026, 11, 16),
                       reference="KS 2026/123", by=coordinator)  # fmt: skip


def download(page, link_name: str) -> bytes:
    with page.expect_download() as download_info:
        page.get_by_role("link", name=link_name).click()
    return download_info.value.path().read_bytes()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) saknas")
def test_the_decided_plan_downloads_as_word_and_pdf_with_the_chain_in_order(
    page, reference_data, tmp_path
):
    call_command("create_demo", verbosity=0)
    plan = decided_plan()
    log_in(page)

    page.goto(f"/arbetsyta/0680/atgardsplan/{plan.number}/")
    assert_accessible(page)
    word = Document(io.BytesIO(download(page, "Åtgärdsplanen (Word)")))
    pdf = tmp_path / "atgardsplan.pdf"
    pdf.write_bytes(download(page, "Åtgärdsplanen (PDF)"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout

    assert word.paragraphs[0].text == "Åtgärdsplan för Jönköpings kommun"
    assert found_in_order(docx_lines(word), CHAIN) == CHAIN
    assert found_in_order(" ".join(text.split()), CHAIN) == CHAIN
    assert re.search(r"Tagged:\s+yes", info) is not None
