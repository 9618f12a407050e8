"""The follow-up report walks the plan's chain with status and progress, and its "Källa"
column names the data source of each value with its period, never the indicator."""

import shutil
from datetime import date

import pytest

from forebygg.plans.domain.followup import record_follow_up, report_status
from forebygg.plans.domain.planning import add_target, decide_plan
from forebygg.plans.interfaces.report import render_follow_up_docx, render_follow_up_pdf
from forebygg.stats.models import Indicator
from tests.document_text import docx_lines, docx_of, found_in_order, pdf_is_tagged, pdf_text

BURGLARY_RATE = "Stöld genom inbrott i bostad, per 100 000 invånare (Brå)"
LOCAL = "Andel som känner sig trygga (lokal enkät)"


@pytest.fixture
def follow_up(chain, personas, crime_statistics):
    by = personas.coordinator_a
    rate = Indicator.objects.get(key="bra.anmalda.burglary.per100k")
    add_target(chain.measure, by=by, indicator=rate, baseline_value=300.0,
               baseline_date=date(2024, 12, 31), target_value=250.0,
               target_date=date(2028, 12, 31))  # fmt: skip
    plan = decide_plan(chain.plan, body="Kommunfullmäktige", decided_on=date(2026, 11, 1),
                       reference="KS 2026/41", by=by)  # fmt: skip
    report_status(chain.measure, by=personas.partner_a, state="pagaende", share_done=45,
                  narrative="Tolv områden startade", reported_on=date(2026, 11, 15))  # fmt: skip
    return record_follow_up(plan, by=by, held_on=date(2026, 11, 20))


def test_the_chain_comes_first_with_each_measures_status_and_progress(follow_up):
    document = docx_of(render_follow_up_docx(follow_up))
    chain_table = document.tables[0]

    assert [cell.text for cell in chain_table.rows[0].cells] == [
        "Orsak", "Åtgärd", "Status", "Mål: utgångsvärde, mål och läget nu",
    ]  # fmt: skip
    assert [cell.text for cell in chain_table.rows[1].cells][:3] == [
        "Få vuxna ute dagtid\nSituationellt (plats och tillfälle)",
        "Å1 Grannsamverkan",
        "Pågående, 45\u00a0% genomförd",
    ]
    assert found_in_order(docx_lines(document), [
        "Problem: Bostadsinbrott i villaområden", "Få vuxna ute dagtid", "Å1 Grannsamverkan",
        "Pågående", LOCAL, BURGLARY_RATE,
    ]) == ["Problem: Bostadsinbrott i villaområden", "Få vuxna ute dagtid", "Å1 Grannsamverkan",
           "Pågående", LOCAL, BURGLARY_RATE]  # fmt: skip


def test_the_source_column_names_the_data_source_and_period(follow_up):
    indicators = docx_of(render_follow_up_docx(follow_up)).tables[2]
    sources = {row.cells[1].text: row.cells[6].text for row in indicators.rows[1:]}

    assert sources == {
        # no reading yet: the source the target was set with
        LOCAL: "Jönköpings trygghetsmätning",
        # read from the statistics: the publisher and the period of the value shown
        BURGLARY_RATE: "Brå (SOL), 2025",
    }


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) saknas")
def test_the_pdf_says_the_same_and_is_tagged(follow_up, tmp_path):
    content = render_follow_up_pdf(follow_up)
    text = pdf_text(content, tmp_path)

    assert pdf_is_tagged(content, tmp_path) is True
    expected = ["Bostadsinbrott i villaområden", "Få vuxna ute dagtid", "Grannsamverkan",
                "Pågående, 45 % genomförd", "Brå (SOL), 2025"]  # fmt: skip
    assert found_in_order(text, expected) == expected
    assert "am-dashboard" not in text
