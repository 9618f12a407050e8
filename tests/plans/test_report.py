"""The follow-up report opens in Word and as a tagged PDF, with Swedish numbers."""

import io
import shutil
import subprocess
from datetime import date

import pytest
from docx import Document

from forebygg.plans.domain.followup import record_follow_up, record_reading, report_status
from forebygg.plans.domain.planning import decide_plan
from forebygg.plans.interfaces.report import render_follow_up_docx, render_follow_up_pdf


@pytest.fixture
def follow_up(chain, personas):
    by = personas.coordinator_a
    plan = decide_plan(chain.plan, body="Kommunfullmäktige", decided_on=date(2026, 11, 1),
                       reference="KS 2026/41", by=by)  # fmt: skip
    report_status(chain.measure, by=personas.partner_a, state="pagaende", share_done=45,
                  narrative="Tolv områden startade", reported_on=date(2026, 11, 10))  # fmt: skip
    record_reading(chain.measure.targets.get(), by=by, value=1234.5, measured_on=date(2026, 11, 15),
                   source="Trygghetsmätning 2026")  # fmt: skip
    return record_follow_up(
        plan, by=by, held_on=date(2026, 11, 20), summary="Planen följer tidplanen."
    )


def test_the_word_report_has_headings_the_chain_and_both_tables(follow_up):
    document = Document(io.BytesIO(render_follow_up_docx(follow_up)))
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings == [
        "Uppföljning av åtgärdsplan – Jönköpings kommun",
        "Sammanfattning",
        "Problem, orsaker och åtgärder",
        "Problem: Bostadsinbrott i villaområden",
        "Åtgärdernas status",
        "Indikatorer mot utgångsvärde och mål",
    ]
    _chain, status, indicators = document.tables
    assert [c.text for c in status.rows[1].cells][:5] == [
        "Å1", "Grannsamverkan", "Lokalpolisområde Jönköping", "Pågående", "45\u00a0%",
    ]  # fmt: skip
    assert indicators.rows[1].cells[4].text.startswith("1\u00a0234,5 (2026-11-15, inmatat)")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) saknas")
def test_the_pdf_report_is_tagged_and_reads_in_swedish(follow_up, tmp_path):
    path = tmp_path / "uppfoljning.pdf"
    path.write_bytes(render_follow_up_pdf(follow_up))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    text = " ".join(text.split())  # table cells and headings wrap
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Uppföljning av åtgärdsplan – Jönköpings kommun" in text
    assert "1 234,5" in text and "KS 2026/41" in text
    assert "Sida 1 av" in text
    assert "Tagged:          yes" in info
