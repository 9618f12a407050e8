"""The chain problem → cause → measure, read from a plan's content (as stored at decision).

Both the åtgärdsplan document and the follow-up report walk the chain the same way: the
problems in the order their first measure appears, each cause once, and under it every
measure that addresses it. A measure that addresses two causes appears under both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from forebygg.core.citation import cited_source
from forebygg.core.formatting import format_number
from forebygg.plans.domain.planning import plan_content
from forebygg.plans.enums import Perspective
from forebygg.plans.models import Plan


@dataclass
class CauseLink:
    text: str
    perspective: str
    measures: list[dict] = field(default_factory=list)


@dataclass
class ProblemLink:
    title: str
    causes: list[CauseLink] = field(default_factory=list)


def content_of(plan: Plan) -> dict:
    """What the plan says: the frozen content once decided, else the draft as it stands."""
    if plan.is_decided and plan.snapshot.get("measures") is not None:
        return plan.snapshot
    return plan_content(plan)


def perspective_label(value: str) -> str:
    try:
        return str(Perspective(value).label)
    except ValueError:
        return value


def chain_of(measures: list[dict]) -> tuple[list[ProblemLink], list[dict]]:
    """The problems with their causes and measures, and the measures linked to no cause."""
    problems: dict[str, ProblemLink] = {}
    causes: dict[tuple[str, str], CauseLink] = {}
    unlinked = []
    for measure in measures:
        if not measure["causes"]:
            unlinked.append(measure)
        for link in measure["causes"]:
            problem = problems.setdefault(link["problem"], ProblemLink(link["problem"]))
            key = (link["problem"], link["cause"])
            if key not in causes:
                causes[key] = CauseLink(link["cause"], perspective_label(link["perspective"]))
                problem.causes.append(causes[key])
            causes[key].measures.append(measure)
    return list(problems.values()), unlinked


def measure_name(measure: dict) -> str:
    return f"{measure['key']} {measure['title']}"


def value_on(value: float, on: str) -> str:
    return f"{format_number(value, 1)} ({on})"


def source_text(source: str) -> str:
    """A target's source as a document shows it; local sources are shown as written."""
    return cited_source(source) or "–"
