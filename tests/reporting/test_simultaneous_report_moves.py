"""Two moves on one yearly report at the same moment: exactly one is made, the other is told why.

Each request read the report before the other wrote it (its page is stale). The move that
comes second waits for the first to commit, then meets what is stored: the transition table
refuses it, nothing is written for it, and the county's comments stay as they were.
"""

import pytest

from forebygg.reporting.domain import transitions, yearly
from forebygg.reporting.enums import ReportState
from forebygg.reporting.models import YearlyReport
from tests.concurrency import COMMITTED, LOST, WON, at_once, second_while_first_is_open

pytestmark = COMMITTED
S = ReportState
YEAR = 2026
ALLOWED = {(t.source, t.target) for t in transitions.KOMMUN_REPORT}
COMMENTS = {"first": "Komplettera med rådets möten", "second": "Beskriv avtalen"}


def make(move: str, report: YearlyReport, personas, county_report, *, who: str):
    """One move on `report` (a page copy), by the actor the transition table names."""
    if move == "submit":
        return yearly.submit_report(report, by=personas.coordinator_a)
    if move == "return":
        return yearly.return_report(report, by=personas.county_a, comments=COMMENTS[who])
    if move == "approve":
        return yearly.approve_report(report, by=personas.county_a)
    if move == "include":
        return yearly.include_report(county_report, report, by=personas.county_a)
    raise AssertionError(move)


TARGET = {"submit": S.SUBMITTED, "return": S.RETURNED, "approve": S.APPROVED, "include": S.INCLUDED}
ROUTE = {  # the moves that bring a new report to each state
    S.DRAFT: [],
    S.SUBMITTED: ["submit"],
    S.RETURNED: ["submit", "return"],
    S.APPROVED: ["submit", "approve"],
}


def report_in(state: str, personas, county_report, year: int = YEAR) -> YearlyReport:
    report = yearly.draft_report(personas.kommun_a, year, by=personas.coordinator_a)
    for move in ROUTE[state]:
        make(move, page(report), personas, county_report, who="first")
    return page(report)


def page(report: YearlyReport) -> YearlyReport:
    """The report as a page read it: a copy of its own."""
    return YearlyReport.objects.select_related("kommun__lan").get(pk=report.pk)


def statuses(report: YearlyReport) -> list[str]:
    """The report's states in the order it went through them (saves that kept it, once)."""
    states = []
    for record in report.history.order_by("history_date", "history_id"):
        if not states or states[-1] != record.status:
            states.append(record.status)
    return states


def illegal_moves(report: YearlyReport) -> list[tuple[str, str]]:
    seen = statuses(report)
    return [move for move in zip(seen, seen[1:], strict=False) if move not in ALLOWED]


def refusal(stored: str, target: str) -> str:
    return f"En redovisning som är ”{S(stored).label}” kan inte bli ”{S(target).label}”."


@pytest.fixture
def county_report(committed_personas):
    p = committed_personas
    return yearly.start_county_report(p.kommun_a.lan, YEAR, by=p.county_a)


RACES = [
    ("approve", "return", S.SUBMITTED),
    ("return", "approve", S.SUBMITTED),
    ("approve", "approve", S.SUBMITTED),
    ("return", "return", S.SUBMITTED),
    ("submit", "submit", S.DRAFT),
    ("submit", "submit", S.RETURNED),
    ("include", "include", S.APPROVED),
]


@pytest.mark.parametrize(("first", "second", "start"), RACES)
def test_the_second_of_two_moves_waits_and_is_refused(
    committed_personas, county_report, first, second, start
):
    personas = committed_personas
    report = report_in(start, personas, county_report)
    first_page, second_page = page(report), page(report)

    made, refused = second_while_first_is_open(
        lambda: make(first, first_page, personas, county_report, who="first"),
        lambda: make(second, second_page, personas, county_report, who="second"),
    )

    stored = page(report)
    assert (made.result, refused.result) == (WON, LOST)
    assert refused.message == refusal(TARGET[first], TARGET[second])
    assert refused.finished_at >= made.committed_at
    assert stored.status == TARGET[first]
    assert statuses(stored) == [*statuses_before(start), TARGET[first]]
    assert illegal_moves(stored) == []
    assert stored.comments == (COMMENTS["first"] if "return" in (first, *ROUTE[start]) else "")


def statuses_before(state: str) -> list[str]:
    return [S.DRAFT, *(TARGET[move] for move in ROUTE[state])]


def test_the_report_page_moves_made_at_the_very_same_moment_let_one_through(
    committed_personas, county_report
):
    """Approve and return released together, round after round: one of each pair is made."""
    personas = committed_personas
    rounds = 10
    winners = []
    for year in range(YEAR + 1, YEAR + 1 + rounds):
        report = report_in(S.SUBMITTED, personas, county_report, year=year)
        approve_page, return_page = page(report), page(report)

        outcomes = at_once(
            lambda r=approve_page: make("approve", r, personas, county_report, who="first"),
            lambda r=return_page: make("return", r, personas, county_report, who="second"),
        )

        assert sorted(o.result for o in outcomes) == [LOST, WON]
        stored = page(report)
        winner = "approve" if outcomes[0].result == WON else "return"
        winners.append(winner)
        assert stored.status == TARGET[winner]
        assert illegal_moves(stored) == []
        assert stored.comments == (COMMENTS["second"] if winner == "return" else "")
    assert len(winners) == rounds


def test_regenerating_while_the_report_is_submitted_does_not_reopen_it(
    committed_personas, county_report
):
    personas = committed_personas
    report = report_in(S.DRAFT, personas, county_report)
    by = personas.coordinator_a

    submitted, refused = second_while_first_is_open(
        lambda: make("submit", page(report), personas, county_report, who="first"),
        lambda: yearly.draft_report(personas.kommun_a, YEAR, by=by),
    )

    assert (submitted.result, refused.result) == (WON, LOST)
    assert refused.message == "Redovisningen är inskickad och kan inte göras om."
    stored = page(report)
    assert statuses(stored) == [S.DRAFT, S.SUBMITTED]
    assert yearly.content_hash(stored.content) == stored.content_hash


def test_two_first_drafts_of_a_year_at_once_make_one_report(committed_personas):
    personas = committed_personas
    by = personas.coordinator_a

    outcomes = at_once(
        lambda: yearly.draft_report(personas.kommun_a, YEAR, by=by),
        lambda: yearly.draft_report(personas.kommun_a, YEAR, by=by),
    )

    assert YearlyReport.objects.filter(kommun=personas.kommun_a, year=YEAR).count() == 1
    assert all(o.result in (WON, LOST) for o in outcomes)
    assert [o.message for o in outcomes if o.result == LOST] in (
        [],  # the second came after the first had committed, and regenerated the draft
        ["Redovisningen för året sammanställdes av någon annan samtidigt. Öppna den."],
    )
