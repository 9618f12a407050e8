"""DOCX export: an editable Word document with headings, tables and PNG charts with alt text."""

from __future__ import annotations

import io

import resvg_py
from docx import Document
from docx.shared import Cm, Pt

from forebygg.core.docx_tables import add_table
from forebygg.core.richtext import bold_runs, write_docx
from forebygg.lagesbild.interfaces.document import document_context
from forebygg.lagesbild.models import Lagesbild


def svg_to_png(svg: str, *, width: int = 960) -> bytes:
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=width))


def _add_runs(paragraph, text: str) -> None:
    for run_text, bold in bold_runs(text):
        paragraph.add_run(run_text).bold = bold


def _add_note(document, text: str) -> None:
    document.add_paragraph().add_run(text).font.size = Pt(9)


def _add_figure(document, figure: dict) -> None:
    document.add_heading(figure["title"], level=3)
    document.add_picture(io.BytesIO(svg_to_png(figure["svg"])), width=Cm(16))
    document.inline_shapes[-1]._inline.docPr.set("descr", figure["alt"])
    document.inline_shapes[-1]._inline.docPr.set("title", figure["title"])
    _add_note(
        document, f"{figure['source']}. Period: {figure['period']}. Formel: {figure['formula']}"
    )
    table_data = figure["table"]
    if table_data["rows"]:
        add_table(document, table_data["columns"], table_data["rows"])


def _evidence(candidate) -> str:
    """What the problem rests on, as the PDF says it: the writer's text and the figure's title."""
    parts = [candidate.evidence_text] if candidate.evidence_text else []
    if candidate.evidence_figure_title:
        parts.append(f"(se figuren ”{candidate.evidence_figure_title}”)")
    return f"Underlag: {' '.join(parts)}" if parts else ""


def render_docx(lagesbild: Lagesbild) -> bytes:
    context = document_context(lagesbild)
    kommun = context["kommun"]
    document = Document()
    document.core_properties.title = f"Lägesbild {kommun.name}"
    document.core_properties.language = "sv-SE"
    document.add_heading(f"Lägesbild för {kommun.name}", level=0)
    status = lagesbild.get_status_display()
    document.add_paragraph(
        f"Version {lagesbild.number or 'utkast'} ({status.lower()}), "
        f"statistik {lagesbild.first_year}–{lagesbild.last_year}."
    )
    figures = context["figures"]
    for section in context["sections"]:
        document.add_heading(str(section["label"]), level=1)
        write_docx(document, section["text"], heading_level=2)
        if section["key"] == "mapping":
            if context["smoothing_note"]:
                _add_note(document, context["smoothing_note"])
            for figure in figures:
                _add_figure(document, figure)
    if context["candidates"]:
        document.add_heading("Problemkandidater", level=1)
        for candidate in context["candidates"]:
            paragraph = document.add_paragraph(style="List Bullet")
            _add_runs(paragraph, f"**{candidate.title}** {candidate.description}".strip())
            evidence = _evidence(candidate)
            if evidence:
                paragraph.add_run().add_break()
                paragraph.add_run(evidence)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
