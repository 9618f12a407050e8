"""The follow-up report (§ 6) as tagged PDF/UA and as an editable Word document.

Both are rendered from one list of blocks (`follow_up_document`), built from the follow-up's
frozen snapshot and the plan's content as decided, so a report downloaded later shows what the
follow-up recorded, not what has been reported since. It walks the same chain as the plan:
problem → cause → measure, with each measure's status and its targets' progress.
"""

from __future__ import annotations

from forebygg.core.citation import cited_source
from forebygg.core.documents import Block, Document, render_docx, render_html, render_pdf
from forebygg.core.formatting import format_number, format_percent
from forebygg.plans.interfaces.chain import (
    ProblemLink,
    chain_of,
    content_of,
    measure_name,
    source_text,
    value_on,
)
from forebygg.plans.models import FollowUp

TEMPLATE = "plans/follow_up_report.html"
PROGRESS_NOTE = (
    "Värden ur inläst statistik hämtas automatiskt (senaste period, aldrig interpolerat); "
    "lokala indikatorer är inmatade för hand. ”Del av vägen” = (aktuellt värde − utgångsvärde) "
    "/ (målvärde − utgångsvärde) × 100."
)


def _current(target: dict) -> str:
    if target["current_value"] is None:
        return "saknas"
    how = "automatiskt" if target["automatic"] else "inmatat"
    return f"{format_number(target['current_value'], 1)} ({target['current_period']}, {how})"


def _planned_targets(plan_measures: list[dict]) -> dict[tuple[str, str], dict]:
    return {
        (measure["key"], target["indicator"]): target
        for measure in plan_measures
        for target in measure["targets"]
    }


def _source(target: dict, planned: dict | None) -> str:
    """Where the value shown comes from: the data source and its period, never the indicator."""
    if target["current_value"] is not None and target["current_source"]:
        return f"{cited_source(target['current_source'])}, {target['current_period']}"
    return source_text(planned["source"]) if planned else "–"


def _progress_line(target: dict) -> str:
    share = target["share_of_way"]
    way = f", {format_percent(share)} av vägen" if share is not None else ""
    return (
        f"{target['indicator']}: från {format_number(target['baseline_value'], 1)} "
        f"({target['baseline_date']}) mot {format_number(target['target_value'], 1)} "
        f"({target['target_date']}); nu {_current(target)}{way}"
    )


def _status(row: dict | None) -> str:
    if row is None:
        return "–"
    return f"{row['state']}, {format_percent(row['share_done'])} genomförd"


def _targets(row: dict | None) -> str:
    if row is None or not row["targets"]:
        return "Inget mål är satt."
    return "\n".join(_progress_line(target) for target in row["targets"])


def _chain_blocks(chain: list[ProblemLink], unlinked: list[dict], rows: dict) -> list[Block]:
    blocks = [Block("h2", "Problem, orsaker och åtgärder")]
    header = ["Orsak", "Åtgärd", "Status", "Mål: utgångsvärde, mål och läget nu"]
    for link in chain:
        blocks += [
            Block("h3", f"Problem: {link.title}"),
            Block(
                "table",
                caption=f"Orsaker, åtgärder och läget: {link.title}",
                header=header,
                rows=[
                    [
                        f"{cause.text}\n{cause.perspective}",
                        measure_name(measure),
                        _status(rows.get(measure["key"])),
                        _targets(rows.get(measure["key"])),
                    ]
                    for cause in link.causes
                    for measure in cause.measures
                ],  # fmt: skip
            ),
        ]
    if unlinked:
        blocks += [
            Block("h3", "Åtgärder utan koppling till en orsak"),
            Block(
                "table",
                caption="Åtgärder utan koppling till en orsak och läget",
                header=header[1:],
                rows=[
                    [measure_name(m), _status(rows.get(m["key"])), _targets(rows.get(m["key"]))]
                    for m in unlinked
                ],
            ),
        ]
    return blocks


def follow_up_document(record: FollowUp) -> Document:
    plan = record.plan
    kommun = record.snapshot.get("kommun", plan.kommun.name)
    rows = record.snapshot.get("measures", [])
    plan_measures = content_of(plan)["measures"]
    chain, unlinked = chain_of(plan_measures)
    planned = _planned_targets(plan_measures)
    blocks = [
        Block(
            "p",
            f"{plan.title}, version {plan.number}, beslutad {plan.decided_on:%Y-%m-%d} av "
            f"{plan.decided_body} (dnr {plan.reference}). Uppföljningen är gjord "
            f"{record.held_on:%Y-%m-%d}. Lagen kräver att planen följs upp minst vartannat år "
            "(lag 2023:196 § 6).",
        )
    ]
    if record.summary:
        blocks += [Block("h2", "Sammanfattning"), Block("rich", record.summary)]
    blocks += _chain_blocks(chain, unlinked, {row["key"]: row for row in rows})
    blocks += [
        Block("h2", "Åtgärdernas status"),
        Block(
            "table",
            caption="Senast rapporterad status per åtgärd",
            header=[
                "Id",
                "Åtgärd",
                "Ansvarig",
                "Status",
                "Andel genomförd",
                "Rapporterad",
                "Beskrivning",
            ],
            rows=[
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
            ],
        ),  # fmt: skip
        Block("h2", "Indikatorer mot utgångsvärde och mål"),
        Block("p", PROGRESS_NOTE),
        Block(
            "table",
            caption="Målens indikatorer: utgångsvärde, mål, aktuellt värde och dess källa",
            header=[
                "Åtgärd",
                "Indikator",
                "Utgångsvärde",
                "Mål",
                "Aktuellt värde",
                "Del av vägen",
                "Källa",
            ],
            rows=[
                [
                    r["key"],
                    t["indicator"],
                    value_on(t["baseline_value"], t["baseline_date"]),
                    value_on(t["target_value"], t["target_date"]),
                    _current(t),
                    format_percent(t["share_of_way"]),
                    _source(t, planned.get((r["key"], t["indicator"]))),
                ]
                for r in rows
                for t in r["targets"]
            ],
        ),  # fmt: skip
    ]
    return Document(f"Uppföljning av åtgärdsplan – {kommun}", blocks)


def render_follow_up_html(record: FollowUp) -> str:
    return render_html(follow_up_document(record), TEMPLATE)


def render_follow_up_pdf(record: FollowUp) -> bytes:
    return render_pdf(follow_up_document(record), TEMPLATE)


def render_follow_up_docx(record: FollowUp) -> bytes:
    return render_docx(follow_up_document(record))
