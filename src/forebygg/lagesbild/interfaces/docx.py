"""DOCX export: an editable Word document with headings, tables and PNG charts with alt text."""

from __future__ import annotations

import io

import resvg_py
from docx import Document
from docx.shared import Cm, Pt

from forebygg.core.docx_tables import add_table
from forebygg.core.richtext import bold_runs, parse_blocks
from forebygg.lagesbild.interfaces.document import document_context
from forebygg.lagesbild.models import Lagesbild


def svg_to_png(svg: str, *, width: int = 960) -> bytes:
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=width))


def _add_rich(document, text: str) -> None:
    for block in parse_blocks(text):
        if block.kind == "heading":
            document.add_heading(block.items[0], level=3)
        elif block.kind == "list":
            for item in block.items:
                _add_runs(document.add_paragraph(style="List Bullet"), item)
        else:
            _add_runs(document.add_paragraph(), block.items[0])


def _add_runs(paragraph, text: str) -> None:
    for run_text, bold in bold_runs(text):
        paragraph.add_run(run_text).bold = bold


def _add_figure(document, figure: dict) -> None:
    document.add_heading(figure["title"], level=3)
    document.add_picture(io.BytesIO(svg_to_png(figure["svg"])), width=Cm(16))
    document.inline_shapes[-1]._inline.docPr.set("descr", figure["alt"])
    document.inline_shapes[-1]._inline.docPr.set("title", figure["title"])
    note = document.add_paragraph()
    note.add_run(f"{figure['source']}. Period: {figure['period']}. Formel: {figure['formula']}")
    note.runs[0].font.size = Pt(9)
    table_data = figure["table"]
    if table_data["rows"]:
        add_table(document, table_data["columns"], table_data["rows"])


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
        _add_rich(document, section["text"])
        if section["key"] == "mapping":
            for figure in figures:
                _add_figure(document, figure)
    if context["candidates"]:
        document.add_heading("Problemkandidater", level=1)
        for candidate in context["candidates"]:
            paragraph = document.add_paragraph(style="List Bullet")
            _add_runs(paragraph, f"**{candidate.title}** {candidate.description}".strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
