"""A deliberately small, safe text format for editable sections.

Blank lines separate paragraphs; lines starting with "- " are list items; "## " starts a
subheading; **text** is bold. Everything else is plain text and is always escaped, so no
HTML or script can be stored through it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "paragraph" or "list"
    items: tuple[str, ...]


def parse_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            blocks.append(Block("list", tuple(line[2:].strip() for line in lines)))
        elif len(lines) == 1 and lines[0].startswith("## "):
            blocks.append(Block("heading", (lines[0][3:].strip(),)))
        else:
            blocks.append(Block("paragraph", (" ".join(lines),)))
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


def _inline_html(text: str) -> str:
    return "".join(
        f"<strong>{escape(run)}</strong>" if bold else escape(run) for run, bold in bold_runs(text)
    )


def render_html(text: str, *, heading_level: int = 3) -> SafeString:
    parts = []
    for block in parse_blocks(text):
        if block.kind == "heading":
            parts.append(f"<h{heading_level}>{_inline_html(block.items[0])}</h{heading_level}>")
        elif block.kind == "list":
            items = "".join(f"<li>{_inline_html(item)}</li>" for item in block.items)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{_inline_html(block.items[0])}</p>")
    return mark_safe("\n".join(parts))  # noqa: S308 – every piece of text above is escaped
