"""DOCX re-opened and PDF text extracted: the exports carry the real content."""

import io
import shutil
import subprocess

import pytest
from docx import Document

from forebygg.lagesbild import domain
from forebygg.lagesbild.interfaces.docx import render_docx
from forebygg.lagesbild.interfaces.pdf import render_pdf
from tests.lagesbild_decision import decide_written


@pytest.fixture
def decided(personas, crime_statistics):
    draft = domain.draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)
    domain.update_section(
        draft, key="analysis", text="## Centrum\n\n- **Våld** ökar", by=personas.coordinator_a
    )
    return decide_written(draft, by=personas.coordinator_a)


def test_docx_has_headings_figures_with_alt_text_and_tables(decided):
    document = Document(io.BytesIO(render_docx(decided)))

    headings = [
        p.text
        for p in document.paragraphs
        if p.style.name.startswith("Heading") or p.style.name == "Title"
    ]
    assert headings[0] == "Lägesbild för Jönköpings kommun"
    assert "Kartläggning av brottsligheten (§ 4 p. 1)" in headings
    assert "Centrum" in headings
    shapes = document.inline_shapes
    assert len(shapes) == 4
    descriptions = [shape._inline.docPr.get("descr") for shape in shapes]
    assert descriptions[0].startswith(
        "Linjediagram: anmälda brott per 100 000 invånare i Jönköping"
    )
    assert all(descriptions)
    assert len(document.tables) >= 3
    assert document.tables[0].rows[0].cells[0].text == "År"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) saknas")
def test_pdf_is_tagged_and_reads_in_swedish(decided, tmp_path):
    path = tmp_path / "lagesbild.pdf"
    path.write_bytes(render_pdf(decided))

    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout

    assert "Lägesbild för Jönköpings kommun" in text
    assert "2 420 anmälda brott per 100 000 invånare 2025" in text.replace("\u00a0", " ")
    assert "Sida 1 av" in text
    assert "Tagged:          yes" in info
