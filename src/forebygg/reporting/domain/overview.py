"""The county and national overviews, counted from the yearly reports a user may see.

Both overviews read only reports: a county officer's scope is what the kommuner in the län
have submitted, Brå's is what the länsstyrelser have sent on. A kommun that has not reported
is shown as such, never guessed from its drafts. Each share states its numerator and
denominator (the kommuner that reported and were asked the question), so the figure explains
itself. The answers are those each report was submitted with (`reporting.domain.questions`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from forebygg.core.formatting import format_number, format_percent
from forebygg.geo.models import Kommun, Lan
from forebygg.reporting.domain import questions
from forebygg.reporting.domain.questions import Question
from forebygg.reporting.enums import ReportState
from forebygg.reporting.models import CountyReport, YearlyReport

REPORTED_STATES = [ReportState.SUBMITTED, ReportState.APPROVED, ReportState.INCLUDED]
SHOWN_STATES = [*REPORTED_STATES, ReportState.RETURNED]


@dataclass(frozen=True)
class Share:
    """Of the reports that were asked the question (`of`), how many answered yes."""

    measure: Question
    yes: int
    of: int

    @property
    def percent(self) -> float | None:
        return self.yes / self.of * 100 if self.of else None


@dataclass
class KommunRow:
    kommun: Kommun
    report: YearlyReport | None
    answers: dict[str, bool] = field(default_factory=dict)  # as submitted; see `questions`
    compliance: dict[str, str] = field(default_factory=dict)
    methods: list[str] = field(default_factory=list)

    @property
    def has_reported(self) -> bool:
        return self.report is not None and self.report.status in REPORTED_STATES

    @property
    def met_count(self) -> int:
        return sum(self.answers.values())


def _row(kommun: Kommun, report: YearlyReport | None) -> KommunRow:
    if report is None or report.status not in REPORTED_STATES:
        return KommunRow(kommun, report)
    facts = report.content.get("facts", {})
    return KommunRow(
        kommun,
        report,
        answers={a["key"]: a["answer"] for a in questions.answers_of(report)},
        compliance={r["code"]: r["status"] for r in report.content.get("compliance", [])},
        methods=list(facts.get("methods", [])),
    )


def asked(rows: list[KommunRow]) -> list[Question]:
    """Today's questions, then any retired question a reported row was still asked."""
    keys = questions.keys_in({key for row in rows if row.has_reported for key in row.answers})
    return [questions.ALL[key] for key in keys]


def shares(rows: list[KommunRow]) -> list[Share]:
    """Each question is counted among the reports that were asked it."""
    reported = [row for row in rows if row.has_reported]
    return [
        Share(
            question,
            sum(row.answers.get(question.key, False) for row in reported),
            sum(question.key in row.answers for row in reported),
        )
        for question in asked(rows)
    ]


def kommun_rows(kommuner, year: int, user) -> list[KommunRow]:
    """One row per kommun with the report of `year` that the user may see, if any.

    A returned report is shown with its state but not counted: it waits for the kommun.
    """
    reports = {
        report.kommun_id: report
        for report in YearlyReport.objects.visible_to(user)
        .filter(year=year, status__in=SHOWN_STATES, kommun__in=kommuner)
        .select_related("county_report")
    }
    return [_row(kommun, reports.get(kommun.pk)) for kommun in kommuner]


@dataclass
class LanRow:
    lan: Lan
    rows: list[KommunRow]
    county_report: CountyReport | None

    @property
    def reported(self) -> int:
        return sum(row.has_reported for row in self.rows)

    @property
    def shares(self) -> list[Share]:
        return shares(self.rows)


@dataclass
class NationalOverview:
    year: int
    rows: list[KommunRow]
    lan_rows: list[LanRow]
    shares: list[Share]
    methods: dict[str, list[str]]  # method → names of kommuner whose reported plan uses it

    @property
    def reported(self) -> int:
        return sum(row.has_reported for row in self.rows)


def national_overview(year: int, user) -> NationalOverview:
    kommuner = list(Kommun.objects.select_related("lan").only(
        "code", "name", "short_name", "svg_path", "lan__code", "lan__name"
    ))  # fmt: skip
    rows = kommun_rows(kommuner, year, user)
    county_reports = {c.lan_id: c for c in CountyReport.objects.visible_to(user).filter(year=year)}
    by_lan: dict[int, list[KommunRow]] = {}
    for row in rows:
        by_lan.setdefault(row.kommun.lan_id, []).append(row)
    lan_rows = [
        LanRow(lan, by_lan.get(lan.pk, []), county_reports.get(lan.pk))
        for lan in Lan.objects.order_by("code")
    ]
    return NationalOverview(year, rows, lan_rows, shares(rows), methods_used(rows))


def methods_used(rows: list[KommunRow]) -> dict[str, list[str]]:
    used: dict[str, list[str]] = {}
    for row in rows:
        for method in row.methods:
            used.setdefault(method, []).append(row.kommun.short_name)
    return dict(sorted(used.items()))


@dataclass
class CountyOverview:
    lan: Lan
    year: int
    rows: list[KommunRow]
    shares: list[Share]
    county_report: CountyReport | None


def county_overview(lan: Lan, year: int, user) -> CountyOverview:
    kommuner = list(Kommun.objects.filter(lan=lan).order_by("short_name"))
    rows = kommun_rows(kommuner, year, user)
    county_report = CountyReport.objects.visible_to(user).filter(lan=lan, year=year).first()
    return CountyOverview(lan, year, rows, shares(rows), county_report)


def _answer(row: KommunRow, key: str) -> str:
    if not row.has_reported or key not in row.answers:
        return "–"
    return str(_("Ja")) if row.answers[key] else str(_("Nej"))


def _report_state(row: KommunRow) -> str:
    return row.report.get_status_display() if row.report else str(_("Ingen redovisning"))


def _share_text(share: Share) -> str:
    if not share.of:
        return "–"
    return _("%(yes)s av %(of)s (%(percent)s)") % {
        "yes": format_number(share.yes),
        "of": format_number(share.of),
        "percent": format_percent(share.percent),
    }


def kommun_table(rows: list[KommunRow]) -> tuple[list[str], list[list[str]]]:
    """The per-kommun table exactly as shown on screen and exported as CSV."""
    columns = asked(rows)
    header = [str(_("Kod")), str(_("Kommun")), str(_("Län")), str(_("Redovisning"))]
    header += [str(question.label) for question in columns]
    body = [
        [r.kommun.code, r.kommun.name, r.kommun.lan.name, _report_state(r)]
        + [_answer(r, question.key) for question in columns]
        for r in rows
    ]
    return header, body


def _shares_for(lan_row: LanRow, columns: list[Question]) -> list[Share]:
    """The län's shares in the national table's columns, a question not asked there as 0 of 0."""
    found = {share.measure.key: share for share in lan_row.shares}
    return [found.get(question.key, Share(question, 0, 0)) for question in columns]


def lan_table(lan_rows: list[LanRow]) -> tuple[list[str], list[list[str]]]:
    """Per län: how many have reported, the county report's state, and each share."""
    header = [
        str(_("Län")),
        str(_("Kommuner")),
        str(_("Har redovisat")),
        str(_("Samlad redovisning")),
    ]
    columns = asked([row for lan_row in lan_rows for row in lan_row.rows])
    header += [str(question.label) for question in columns]
    body = [
        [
            lan_row.lan.name,
            format_number(len(lan_row.rows)),
            format_number(lan_row.reported),
            lan_row.county_report.get_status_display() if lan_row.county_report else "–",
        ]
        + [_share_text(share) for share in _shares_for(lan_row, columns)]
        for lan_row in lan_rows
    ]
    return header, body
