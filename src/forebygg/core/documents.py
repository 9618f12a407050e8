"""A document as one list of blocks, rendered to tagged PDF (PDF/UA-1) and to Word alike.

A document builder (the åtgärdsplan, the follow-up report) only says what is in it: headings,
paragraphs, text in the safe text format, tables and label–value lists. Both formats are
rendered from the same blocks, so the PDF and the Word file always say the same. The print
styles are the template `core/print.css`, handed to WeasyPrint: no page ever carries them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import weasyprint
from django.template.loader import render_to_string
from docx import Document as WordDocument

from forebygg.core.docx_tables import add_table
from forebygg.core.richtext import write_docx

PRINT_CSS = "core/print.css"


@dataclass
class Block:
    """One piece of a document.

    kind: "h2", "h3", "h4" (headings), "p" (plain paragraph), "rich" (text in the safe text
    format, `text`), "table" (`header`, `rows`, `caption`) or "fields" (`rows` of label, value).
    """

    kind: str
    text: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    caption: str = ""


@dataclass
class Document:
    title: str
    blocks: list[Block]


def render_html(document: Document, template: str = "core/document.html") -> str:
    return render_to_string(template, {"document": document})


def html_to_pdf(html: str) -> bytes:
    stylesheet = weasyprint.CSS(string=render_to_string(PRINT_CSS))
    return weasyprint.HTML(string=html).write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1")


def render_pdf(document: Document, template: str = "core/document.html") -> bytes:
    return html_to_pdf(render_html(document, template))


def _add_fields(word, rows: list[list[str]]) -> None:
    table = word.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        label_cell, value_cell = table.add_row().cells
        label_cell.paragraphs[0].add_run(str(label)).bold = True
        value_cell.text = str(value)


def _add_caption(word, text: str) -> None:
    if text:
        word.add_paragraph(text, style="Caption")


def render_docx(document: Document) -> bytes:
    word = WordDocument()
    word.core_properties.title = document.title
    word.core_properties.language = "sv-SE"
    word.add_heading(document.title, level=0)
    for block in document.blocks:
        if block.kind in ("h2", "h3", "h4"):
            word.add_heading(block.text, level=int(block.kind[1]) - 1)
        elif block.kind == "p":
            word.add_paragraph(block.text)
        elif block.kind == "rich":
            write_docx(word, block.text, heading_level=3)
        elif block.kind == "fields":
            _add_fields(word, block.rows)
        else:
            _add_caption(word, block.caption)
            add_table(word, block.header, block.rows)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
