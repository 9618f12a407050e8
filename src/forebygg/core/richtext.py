"""A deliberately small, safe text format for editable sections.

Blank lines separate paragraphs and a line break inside a paragraph is kept. A line starting
with "## " is a subheading (wherever it stands: no blank line is needed around it); lines
starting with "- " are list items and lines starting with "1. " a numbered list; **text** is
bold. Everything else is plain text and is always escaped, so no HTML or script can be stored
through it. Pages (`render_html`) and Word documents (`write_docx`) read the same blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_HEADING = re.compile(r"^(#{1,3})\s+(.+)$")
_BULLET = re.compile(r"^[-*•]\s+(.+)$")
_NUMBERED = re.compile(r"^\d{1,3}[.)]\s+(.+)$")
LIST_KINDS = ("list", "numbered")


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "paragraph" (items: its lines), "list" or "numbered"
    items: tuple[str, ...]
    depth: int = 0  # headings: 0 for "#" and "##", 1 for "###"


def _line_kind(line: str) -> tuple[str, str]:
    for kind, pattern in (("list", _BULLET), ("numbered", _NUMBERED)):
        match = pattern.match(line)
        if match:
            return kind, match.group(1).strip()
    return "paragraph", line


def parse_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    kind, items = "", []

    def close() -> None:
        nonlocal kind, items
        if items:
            blocks.append(Block(kind, tuple(items)))
        kind, items = "", []

    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            close()
            continue
        heading = _HEADING.match(line)
        if heading:
            close()
            depth = 1 if len(heading.group(1)) == 3 else 0
            blocks.append(Block("heading", (heading.group(2).strip(),), depth))
            continue
        line_kind, content = _line_kind(line)
        if line_kind == "paragraph" and kind in LIST_KINDS and raw[:1].isspace():
            items[-1] = f"{items[-1]} {content}"  # an indented line continues the list item
            continue
        if line_kind != kind:
            close()
            kind = line_kind
        items.append(content)
    close()
    return blocks


def bold_runs(text: str) -> list[tuple[str, bool]]:
    """'a **b** c' → [('a ', False), ('b', True), (' c', False)]."""
    runs, position = [], 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            runs.append((text[position : match.start()], False))
        runs.append((match.group(1), True))
        position = match.end()
    if position < len(text):
        runs.append((text[position:], False))
    return runs


def plain_text(text: str) -> str:
    """The text without its markup, one block per line: for a table cell or a summary."""
    lines = []
    for block in parse_blocks(text):
        if block.kind in LIST_KINDS:
            lines += [f"– {item}" for item in block.items]
        else:
            lines += list(block.items)
    return "\n".join("".join(run for run, _bold in bold_runs(line)) for line in lines)


def _inline_html(text: str) -> str:
    return "".join(
        f"<strong>{escape(run)}</strong>" if bold else escape(run) for run, bold in bold_runs(text)
    )


def render_html(text: str, *, heading_level: int = 3) -> SafeString:
    parts = []
    for block in parse_blocks(text):
        if block.kind == "heading":
            level = min(heading_level + block.depth, 6)
            parts.append(f"<h{level}>{_inline_html(block.items[0])}</h{level}>")
        elif block.kind in LIST_KINDS:
            tag = "ol" if block.kind == "numbered" else "ul"
            items = "".join(f"<li>{_inline_html(item)}</li>" for item in block.items)
            parts.append(f"<{tag}>{items}</{tag}>")
        else:
            parts.append(f"<p>{'<br>'.join(_inline_html(line) for line in block.items)}</p>")
    return mark_safe("\n".join(parts))  # noqa: S308 – every piece of text above is escaped


def _add_runs(paragraph, text: str) -> None:
    for run_text, bold in bold_runs(text):
        paragraph.add_run(run_text).bold = bold


def write_docx(document, text: str, *, heading_level: int = 2) -> None:
    """Append the text to a python-docx document: real headings, list styles, line breaks."""
    for block in parse_blocks(text):
        if block.kind == "heading":
            document.add_heading(block.items[0], level=min(heading_level + block.depth, 9))
        elif block.kind in LIST_KINDS:
            style = "List Number" if block.kind == "numbered" else "List Bullet"
            for item in block.items:
                _add_runs(document.add_paragraph(style=style), item)
        else:
            paragraph = document.add_paragraph()
            for index, line in enumerate(block.items):
                if index:
                    paragraph.add_run().add_break()
                _add_runs(paragraph, line)
