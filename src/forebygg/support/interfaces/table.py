"""The ranking as one table of formatted cells: the page and the CSV both show exactly these."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from forebygg.core.domain.csvfiles import write_csv_table
from forebygg.core.formatting import format_number
from forebygg.support.domain.prioritisation import CRITERIA, RankedKommun


@dataclass(frozen=True)
class Reason:
    label: str
    contribution: str
    why: str

    def __str__(self) -> str:
        return _("%(label)s (%(points)s poäng): %(why)s") % {
            "label": self.label,
            "points": self.contribution,
            "why": self.why,
        }


@dataclass(frozen=True)
class TableRow:
    position: str
    kommun: str
    code: str
    lan: str
    total: str
    contributions: list[str]
    reasons: list[Reason]

    def cells(self) -> list[str]:
        why = " | ".join(str(reason) for reason in self.reasons)
        return [
            self.position,
            self.kommun,
            self.code,
            self.lan,
            self.total,
            *self.contributions,
            why,
        ]


def weight_text(weight: float) -> str:
    return format_number(weight, 0 if float(weight).is_integer() else 2)


def criterion_headers(weights: dict[str, float]) -> list[str]:
    return [
        _("%(label)s (vikt %(weight)s)")
        % {"label": criterion.label, "weight": weight_text(weights[criterion.key])}
        for criterion in CRITERIA
    ]


def header(weights: dict[str, float]) -> list[str]:
    return [
        _("Plats"),
        _("Kommun"),
        _("Kommunkod"),
        _("Län"),
        _("Poäng"),
        *criterion_headers(weights),
        _("Varför den här kommunen?"),
    ]


def table_row(ranked: RankedKommun) -> TableRow:
    contributions = [format_number(result.contribution, 2) for result in ranked.results]
    return TableRow(
        position=str(ranked.position),
        kommun=ranked.kommun.name,
        code=ranked.kommun.code,
        lan=ranked.kommun.lan,
        total=format_number(ranked.total, 2),
        contributions=contributions,
        reasons=[
            Reason(str(result.criterion.label), contribution, result.why)
            for result, contribution in zip(ranked.results, contributions, strict=True)
        ],
    )


def ranking_csv(ranking: list[RankedKommun], weights: dict[str, float]) -> bytes:
    return write_csv_table(header(weights), [table_row(ranked).cells() for ranked in ranking])
