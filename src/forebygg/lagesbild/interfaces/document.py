"""The lägesbild as one HTML document: the public page and the source of the PDF."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone

from forebygg.core.citation import cited_source
from forebygg.lagesbild.domain.drafting import smoothing_note
from forebygg.lagesbild.models import SECTIONS, Lagesbild


@dataclass(frozen=True)
class Candidate:
    """A problem candidate as documents show it: the figure by its title, never its key."""

    title: str
    description: str
    evidence_figure: str  # the figure's id, for a link within the page
    evidence_figure_title: str
    evidence_text: str


def svg_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _figure(figure: dict) -> dict:
    source = cited_source(figure["source"])
    return {
        **figure,
        "source": f"Källa: {source}" if source else "",
        "data_uri": svg_data_uri(figure["svg"]),
    }


def _candidates(lagesbild: Lagesbild, figures: list[dict]) -> list[Candidate]:
    if not lagesbild.pk:
        return []
    titles = {figure["id"]: figure["title"] for figure in figures}
    return [
        Candidate(
            title=candidate.title,
            description=candidate.description,
            evidence_figure=candidate.evidence_figure
            if candidate.evidence_figure in titles
            else "",
            evidence_figure_title=titles.get(candidate.evidence_figure, ""),
            evidence_text=candidate.evidence_text,
        )
        for candidate in lagesbild.problem_candidates.all()
    ]


def document_context(lagesbild: Lagesbild) -> dict:
    figures = [_figure(figure) for figure in lagesbild.snapshot.get("figures", [])]
    sections = [
        {"key": key, "label": label, "text": lagesbild.section_text(key)} for key, label in SECTIONS
    ]
    return {
        "lagesbild": lagesbild,
        "kommun": lagesbild.kommun,
        "snapshot": lagesbild.snapshot,
        "sections": sections,
        "figures": figures,
        "smoothing_note": smoothing_note(lagesbild.snapshot, lagesbild.section_text("mapping")),
        "candidates": _candidates(lagesbild, figures),
        "generated_at": timezone.localtime(),
    }


def render_document_html(lagesbild: Lagesbild, *, for_print: bool = False) -> str:
    context = {**document_context(lagesbild), "for_print": for_print}
    return render_to_string("lagesbild/document.html", context)
