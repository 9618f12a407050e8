"""The follow-up report (§ 6) as tagged PDF/UA and as an editable Word document.

Both are rendered from the follow-up's frozen snapshot, so a report downloaded later shows
what the follow-up recorded, not what has been reported since.
"""

from __future__ import annotations

import io

import weasyprint
from django.template.loader import render_to_string
from docx import Document

from forebygg.core.docx_tables import add_table
from forebygg.core.formatting import format_number, format_percent
from forebygg.plans.models import FollowUp


def _context(record: FollowUp) -> dict:
    return {
        "record": record,
        "plan": record.plan,
        "kommun": record.snapshot.get("kommun", record.plan.kommun.name),
        "rows": record.snapshot.get("measures", []),
    }


def render_follow_up_html(record: FollowUp) -> str:
    return render_to_string("plans/follow_up_report.html", _context(record))


def render_follow_up_pdf(record: FollowUp) -> bytes:
    return weasyprint.HTML(string=render_follow_up_html(record)).write_pdf(pdf_variant="pdf/ua-1")


def _current(target: dict) -> str:
    if target["current_value"] is None:
        return "saknas"
    how = "automatiskt" if target["automatic"] else "inmatat"
    return f"{format_number(target['current_value'], 1)} ({target['current_period']}, {how})"


def render_follow_up_docx(record: FollowUp) -> bytes:
    context = _context(record)
    plan, rows = context["plan"], context["rows"]
    document = Document()
    document.core_properties.title = f"Uppföljning av åtgärdsplan – {context['kommun']}"
    document.core_properties.language = "sv-SE"
    document.add_heading(f"Uppföljning av åtgärdsplan – {context['kommun']}", level=0)
    document.add_paragraph(
        f"{plan.title}, version {plan.number}, beslutad {plan.decided_on:%Y-%m-%d} av "
        f"{plan.decided_body} (dnr {plan.reference}). Uppföljningen är gjord "
        f"{record.held_on:%Y-%m-%d}."
    )
    if record.summary:
        document.add_heading("Sammanfattning", level=1)
        document.add_paragraph(record.summary)
    document.add_heading("Åtgärdernas status", level=1)
    add_table(
        document,
        ["Id", "Åtgärd", "Ansvarig", "Status", "Andel genomförd", "Rapporterad", "Beskrivning"],
        [
            [
                r["key"],
                r["title"],
                r["owner"] or "–",
                r["state"],
                format_percent(r["share_done"]),
                r["reported_on"] or "–",
                r["narrative"] or "–",
            ]
            for r in rows
        ],  # fmt: skip
    )
    document.add_heading("Indikatorer mot utgångsvärde och mål", level=1)
    add_table(
        document,
        ["Åtgärd", "Indikator", "Utgångsvärde", "Mål", "Aktuellt värde", "Del av vägen", "Källa"],
        [
            [
                r["key"],
                t["indicator"],
                f"{format_number(t['baseline_value'], 1)} ({t['baseline_date']})",
                f"{format_number(t['target_value'], 1)} ({t['target_date']})",
                _current(t),
                format_percent(t["share_of_way"]),
                t["current_source"] or t["indicator"],
            ]
            for r in rows
            for t in r["targets"]
        ],  # fmt: skip
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
