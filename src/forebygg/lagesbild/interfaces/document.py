"""The lägesbild as one HTML document: the public page and the source of the PDF."""

from __future__ import annotations

import base64

from django.template.loader import render_to_string
from django.utils import timezone

from forebygg.lagesbild.models import SECTIONS, Lagesbild


def svg_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def document_context(lagesbild: Lagesbild) -> dict:
    figures = [
        {**figure, "data_uri": svg_data_uri(figure["svg"])}
        for figure in lagesbild.snapshot.get("figures", [])
    ]
    sections = [
        {"key": key, "label": label, "text": lagesbild.section_text(key)} for key, label in SECTIONS
    ]
    return {
        "lagesbild": lagesbild,
        "kommun": lagesbild.kommun,
        "snapshot": lagesbild.snapshot,
        "sections": sections,
        "figures": figures,
        "candidates": list(lagesbild.problem_candidates.all()) if lagesbild.pk else [],
        "generated_at": timezone.localtime(),
    }


def render_document_html(lagesbild: Lagesbild, *, for_print: bool = False) -> str:
    context = {**document_context(lagesbild), "for_print": for_print}
    return render_to_string("lagesbild/document.html", context)
