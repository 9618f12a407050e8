"""The county's combined report under two requests at once: started once, sent once, complete.

Two county officers (or one double click) act on the same combined report. The second waits
for the first to commit and is then told what happened; nothing is written for it.
"""

import pytest

from forebygg.reporting.domain import yearly
from forebygg.reporting.enums import CountyState, ReportState
from forebygg.reporting.models import CountyReport, YearlyReport
from tests.concurrency import COMMITTED, LOST, WON, at_once, second_while_first_is_open

pytestmark = COMMITTED
YEAR = 2026
SENT = "Den samlade redovisningen är redan inskickad till Brå."


def approved_report(personas, kommun) -> YearlyReport:
    coordinator = (
        personas.coordinator_a if kommun == personas.kommun_a else personas.coordinator_neighbour
    )
    report = yearly.draft_report(kommun, YEAR, by=coordinator)
    yearly.submit_report(report, by=coordinator)
    return yearly.approve_report(report, by=personas.county_a)


def fresh(county_report: CountyReport) -> CountyReport:
    return CountyReport.objects.select_related("lan").get(pk=county_report.pk)


def sent_history(county_report: CountyReport) -> list[str]:
    records = county_report.history.order_by("history_date", "history_id")
    return [r.status for r in records if r.status == CountyState.SUBMITTED]


@pytest.fixture
def started(committed_personas):
    p = committed_personas
    return yearly.start_county_report(p.kommun_a.lan, YEAR, by=p.county_a)


def test_two_starts_at_once_make_one_combined_report(committed_personas):
    p = committed_personas

    outcomes = at_once(
        lambda: yearly.start_county_report(p.kommun_a.lan, YEAR, by=p.county_a),
        lambda: yearly.start_county_report(p.kommun_a.lan, YEAR, by=p.county_a),
    )

    assert sorted(o.result for o in outcomes) == [LOST, WON]
    assert [o.message for o in outcomes if o.result == LOST] == [
        "Den samlade redovisningen är redan påbörjad."
    ]
    assert CountyReport.objects.filter(lan=p.kommun_a.lan, year=YEAR).count() == 1


def test_two_sends_at_once_send_it_once(committed_personas, started):
    p = committed_personas
    yearly.include_report(started, approved_report(p, p.kommun_a), by=p.county_a)
    first_page, second_page = fresh(started), fresh(started)

    sent, refused = second_while_first_is_open(
        lambda: yearly.submit_county_report(first_page, by=p.county_a),
        lambda: yearly.submit_county_report(second_page, by=p.county_a),
    )

    assert (sent.result, refused.result, refused.message) == (WON, LOST, SENT)
    assert refused.finished_at >= sent.committed_at
    assert sent_history(fresh(started)) == [CountyState.SUBMITTED]


def test_a_report_included_while_the_county_sends_is_in_what_was_sent(committed_personas, started):
    p = committed_personas
    yearly.include_report(started, approved_report(p, p.kommun_a), by=p.county_a)
    neighbour = approved_report(p, p.kommun_neighbour)

    included, sent = second_while_first_is_open(
        lambda: yearly.include_report(fresh(started), neighbour, by=p.county_a),
        lambda: yearly.submit_county_report(fresh(started), by=p.county_a),
    )

    assert (included.result, sent.result) == (WON, WON)
    stored = fresh(started)
    assert [r["kommun"] for r in stored.content["kommun_reports"]] == ["0680", "0683"]
    assert YearlyReport.objects.get(pk=neighbour.pk).status == ReportState.INCLUDED


def test_a_report_included_after_the_county_sent_stays_out(committed_personas, started):
    p = committed_personas
    yearly.include_report(started, approved_report(p, p.kommun_a), by=p.county_a)
    neighbour = approved_report(p, p.kommun_neighbour)
    page = fresh(started)

    sent, refused = second_while_first_is_open(
        lambda: yearly.submit_county_report(fresh(started), by=p.county_a),
        lambda: yearly.include_report(page, neighbour, by=p.county_a),
    )

    assert (sent.result, refused.result, refused.message) == (WON, LOST, SENT)
    assert [r["kommun"] for r in fresh(started).content["kommun_reports"]] == ["0680"]
    stored = YearlyReport.objects.get(pk=neighbour.pk)
    assert (stored.status, stored.county_report) == (ReportState.APPROVED, None)


def test_regional_work_saved_from_a_page_open_while_sending_does_not_reopen_it(
    committed_personas, started
):
    p = committed_personas
    yearly.include_report(started, approved_report(p, p.kommun_a), by=p.county_a)
    page = fresh(started)

    sent, refused = second_while_first_is_open(
        lambda: yearly.submit_county_report(fresh(started), by=p.county_a),
        lambda: yearly.describe_regional_work(page, by=p.county_a, networks="Nytt nätverk"),
    )

    assert (sent.result, refused.result, refused.message) == (WON, LOST, SENT)
    stored = fresh(started)
    assert (stored.status, stored.networks) == (CountyState.SUBMITTED, "")
