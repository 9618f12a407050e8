"""The county and national overviews, counted from the yearly reports a user may see.

Both overviews read only reports: a county officer's scope is what the kommuner in the län
have submitted, Brå's is what the länsstyrelser have sent on. A kommun that has not reported
is shown as such, never guessed from its drafts. Each share states its numerator and
denominator (the kommuner that reported), so the figure explains itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from forebygg.core.formatting import format_number, format_percent
from forebygg.geo.models import Kommun, Lan
from forebygg.orgs.enums import OrganisationType
from forebygg.reporting.enums import ReportState
from forebygg.reporting.models import CountyReport, YearlyReport

T = OrganisationType
CIVIL_SOCIETY = {T.CIVIL_SOCIETY, T.FAITH}


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    test: Callable[[dict], bool]


def _party(*types) -> Callable[[dict], bool]:
    return lambda facts: bool(set(facts.get("agreement_party_types", [])) & set(types))


def _council_with_region_and_civil_society(facts: dict) -> bool:
    members = set(facts.get("council_member_types", []))
    return T.REGION in members and bool(members & CIVIL_SOCIETY)


def _fact(key: str) -> Callable[[dict], bool]:
    return lambda facts: bool(facts.get(key, False))


MEASURES = [
    Measure(
        "coordination_function", _("Har en samordningsfunktion"), _fact("coordination_function")
    ),
    Measure(
        "current_lagesbild", _("Har en lägesbild som är högst två år"), _fact("current_lagesbild")
    ),
    Measure("decided_plan", _("Har en beslutad åtgärdsplan"), _fact("decided_plan")),
    Measure("followed_up", _("Har följt upp planen inom två år"), _fact("followed_up")),
    Measure(
        "agreement_civil_society", _("Överenskommelse med civilsamhället"), _party(*CIVIL_SOCIETY)
    ),
    Measure("agreement_region", _("Överenskommelse med regionen"), _party(T.REGION)),
    Measure("agreement_rescue", _("Överenskommelse med räddningstjänsten"), _party(T.RESCUE)),
    Measure(
        "agreement_lansstyrelse", _("Överenskommelse med länsstyrelsen"), _party(T.LANSSTYRELSE)
    ),
    Measure(
        "council_region_civil_society",
        _("Rådet har med regionen och civilsamhället"),
        _council_with_region_and_civil_society,
    ),
]
MEASURE_KEYS = [m.key for m in MEASURES]
REPORTED_STATES = [ReportState.SUBMITTED, ReportState.APPROVED, ReportState.INCLUDED]
SHOWN_STATES = [*REPORTED_STATES, ReportState.RETURNED]


@dataclass(frozen=True)
class Share:
    measure: Measure
    yes: int
    of: int

    @property
    def percent(self) -> float | None:
        return self.yes / self.of * 100 if self.of else None


@dataclass
class KommunRow:
    kommun: Kommun
    report: YearlyReport | None
    answers: dict[str, bool] = field(default_factory=dict)
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
        answers={m.key: bool(m.test(facts)) for m in MEASURES},
        compliance={r["code"]: r["status"] for r in report.content.get("compliance", [])},
        methods=list(facts.get("methods", [])),
    )


def shares(rows: list[KommunRow]) -> list[Share]:
    reported = [row for row in rows if row.has_reported]
    return [Share(m, sum(row.answers[m.key] for row in reported), len(reported)) for m in MEASURES]


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
    if not row.has_reported:
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
    header = [str(_("Kod")), str(_("Kommun")), str(_("Län")), str(_("Redovisning"))]
    header += [str(m.label) for m in MEASURES]
    body = [
        [r.kommun.code, r.kommun.name, r.kommun.lan.name, _report_state(r)]
        + [_answer(r, m.key) for m in MEASURES]
        for r in rows
    ]
    return header, body


def lan_table(lan_rows: list[LanRow]) -> tuple[list[str], list[list[str]]]:
    """Per län: how many have reported, the county report's state, and each share."""
    header = [
        str(_("Län")),
        str(_("Kommuner")),
        str(_("Har redovisat")),
        str(_("Samlad redovisning")),
    ]
    header += [str(m.label) for m in MEASURES]
    body = [
        [
            lan_row.lan.name,
            format_number(len(lan_row.rows)),
            format_number(lan_row.reported),
            lan_row.county_report.get_status_display() if lan_row.county_report else "–",
        ]
        + [_share_text(share) for share in lan_row.shares]
        for lan_row in lan_rows
    ]
    return header, body
