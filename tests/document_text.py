"""Read exported documents back the way a reader meets them: Word in body order, PDF as text."""

import io
import subprocess
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn


def docx_of(content: bytes):
    return Document(io.BytesIO(content))


def docx_lines(document) -> list[str]:
    """Every paragraph and every table cell, in the order they stand in the document."""
    lines = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            lines.append("".join(node.text or "" for node in element.iter(qn("w:t"))))
        elif element.tag == qn("w:tbl"):
            for cell in element.iter(qn("w:tc")):
                lines.append("".join(node.text or "" for node in cell.iter(qn("w:t"))))
    return [line for line in lines if line]


def docx_headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def pdf_text(content: bytes, tmp_path: Path) -> str:
    """The PDF's text with wrapped lines joined and non-breaking spaces as spaces."""
    path = tmp_path / "document.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.replace("\u00a0", " ").split())


def pdf_is_tagged(content: bytes, tmp_path: Path) -> bool:
    path = tmp_path / "tagged.pdf"
    path.write_bytes(content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return "Tagged:          yes" in info.stdout


def found_in_order(text: str | list[str], parts: list[str]) -> list[str]:
    """The parts that appear each after the previous one: equal to `parts` when in order."""
    found, start = [], 0
    for part in parts:
        if isinstance(text, str):
            position = text.find(part, start)
        else:
            position = next((i for i in range(start, len(text)) if part in text[i]), -1)
        if position < 0:
            break
        found.append(part)
        start = position + 1
    return found
