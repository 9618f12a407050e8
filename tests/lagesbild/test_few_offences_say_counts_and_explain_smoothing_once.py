"""A kommun with few offences: the facts give the counts, never a percentage of a handful, and
the smoothing is explained once, only where a smoothed value is shown (Ydre, Brå 2025)."""

import shutil

import pytest

from forebygg.geo.models import Kommun
from forebygg.lagesbild.domain import transient_lagesbild
from forebygg.lagesbild.domain.drafting import build_snapshot
from forebygg.lagesbild.interfaces.docx import render_docx
from forebygg.lagesbild.interfaces.pdf import render_pdf
from forebygg.stats.analysis import EB_EXPLANATION
from tests.document_text import docx_lines, docx_of, pdf_text

EXPLANATION_START = "Det utjämnade värdet drar små kommuners tal"


def test_a_small_count_is_compared_in_counts_and_its_smoothed_value_stated(db, crime_statistics):
    snapshot = build_snapshot(Kommun.objects.get(code="0512"))

    assert snapshot["facts_by_category"]["burglary"] == (
        "Stöld genom inbrott i bostad: 166 anmälda brott per 100 000 invånare 2025 (färre än "
        "10 brott), jämfört med 19 brott 2024 och färre än 10 brott 2022. Nivån är lägre än i "
        "länet (535) och lägre än i riket (477); 2 av 50 liknande kommuner har lägre nivå. "
        "Antalet är litet, så nivån är osäker; utjämnat värde 240 per 100 000 invånare."
    )
    assert [fact for fact in snapshot["facts"] if "färre än 10" in fact and "%" in fact] == []
    assert snapshot["eb_explanation"] == EB_EXPLANATION


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) saknas")
def test_the_documents_explain_smoothing_once_for_three_smoothed_values(
    db, crime_statistics, tmp_path
):
    ydre = transient_lagesbild(Kommun.objects.get(code="0512"))
    text = pdf_text(render_pdf(ydre), tmp_path)
    lines = docx_lines(docx_of(render_docx(ydre)))

    assert text.count("utjämnat värde") == 3
    assert text.count(EXPLANATION_START) == 1
    assert len([line for line in lines if EXPLANATION_START in line]) == 1


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) saknas")
def test_no_smoothing_note_where_no_smoothed_value_is_shown(db, crime_statistics, tmp_path):
    jonkoping = transient_lagesbild(Kommun.objects.get(code="0680"))
    text = pdf_text(render_pdf(jonkoping), tmp_path)
    lines = docx_lines(docx_of(render_docx(jonkoping)))

    assert jonkoping.snapshot["eb_explanation"] == ""
    assert "utjämna" not in text
    assert [line for line in lines if "utjämna" in line] == []
