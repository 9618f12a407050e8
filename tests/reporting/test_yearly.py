"""The yearly report chain: every allowed and forbidden move, who may make it, and the freeze."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from forebygg.reporting.domain import transitions, yearly
from forebygg.reporting.enums import CountyState, ReportState
from forebygg.reporting.models import YearlyReport

pytestmark = pytest.mark.django_db
YEAR = 2026


@pytest.fixture
def report(personas):
    return yearly.draft_report(personas.kommun_a, YEAR, by=personas.coordinator_a)


@pytest.fixture
def county_report(personas):
    return yearly.start_county_report(personas.kommun_a.lan, YEAR, by=personas.county_a)


def move(report, target, personas, county_report):
    """Make the move with the actor the transition table names."""
    if target == ReportState.SUBMITTED:
        return yearly.submit_report(report, by=personas.coordinator_a)
    if target == ReportState.RETURNED:
        return yearly.return_report(report, by=personas.county_a, comments="Komplettera")
    if target == ReportState.APPROVED:
        return yearly.approve_report(report, by=personas.county_a)
    if target == ReportState.INCLUDED:
        return yearly.include_report(county_report, report, by=personas.county_a)
    raise AssertionError("no function moves a report back to draft")


def put_in(report, state) -> YearlyReport:
    YearlyReport.objects.filter(pk=report.pk).update(
        status=state, content_hash=yearly.content_hash(report.content)
    )
    return YearlyReport.objects.get(pk=report.pk)


ALLOWED = {(t.source, t.target) for t in transitions.KOMMUN_REPORT}
PAIRS = [
    (source, target)
    for source, target in itertools.product(ReportState.values, ReportState.values)
    if source != target and target != ReportState.DRAFT
]


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_every_move_is_allowed_exactly_when_the_table_says_so(
    personas, report, county_report, source, target
):
    report = put_in(report, source)

    if (source, target) in ALLOWED:
        moved = move(report, target, personas, county_report)
        assert YearlyReport.objects.get(pk=moved.pk).status == target
        assert moved.history.first().history_user in (personas.coordinator_a, personas.county_a)
    else:
        with pytest.raises(ValidationError, match="kan inte bli"):
            move(report, target, personas, county_report)
        assert YearlyReport.objects.get(pk=report.pk).status == source


def test_nothing_ever_moves_back_to_draft():
    assert all(t.target != ReportState.DRAFT for t in transitions.KOMMUN_REPORT)


@pytest.mark.parametrize(
    ("target", "wrong_actor"),
    [
        (ReportState.SUBMITTED, "county_a"),
        (ReportState.SUBMITTED, "partner_a"),
        (ReportState.APPROVED, "coordinator_a"),
        (ReportState.APPROVED, "county_other"),
        (ReportState.APPROVED, "analyst"),
        (ReportState.RETURNED, "coordinator_a"),
    ],
)
def test_only_the_named_actor_may_move(personas, report, target, wrong_actor):
    source = ReportState.DRAFT if target == ReportState.SUBMITTED else ReportState.SUBMITTED
    report = put_in(report, source)
    user = personas.user(wrong_actor)
    action = {
        ReportState.SUBMITTED: lambda: yearly.submit_report(report, by=user),
        ReportState.APPROVED: lambda: yearly.approve_report(report, by=user),
        ReportState.RETURNED: lambda: yearly.return_report(report, by=user, comments="x"),
    }[target]

    with pytest.raises(PermissionDenied):
        action()
    assert YearlyReport.objects.get(pk=report.pk).status == source


def test_returning_needs_comments(personas, report):
    yearly.submit_report(report, by=personas.coordinator_a)

    with pytest.raises(ValidationError, match="komplettera"):
        yearly.return_report(report, by=personas.county_a, comments=" ")


def test_a_returned_report_is_regenerated_and_submitted_again(personas, report):
    yearly.submit_report(report, by=personas.coordinator_a)
    yearly.return_report(report, by=personas.county_a, comments="Saknar rådet")

    again = yearly.draft_report(personas.kommun_a, YEAR, by=personas.coordinator_a)
    yearly.submit_report(again, by=personas.coordinator_a)

    assert again.pk == report.pk and again.status == ReportState.SUBMITTED
    assert again.comments == "Saknar rådet"


def test_a_submitted_report_cannot_be_regenerated(personas, report):
    yearly.submit_report(report, by=personas.coordinator_a)

    with pytest.raises(ValidationError, match="inskickad"):
        yearly.draft_report(personas.kommun_a, YEAR, by=personas.coordinator_a)


class TestApprovedFiguresCannotChange:
    def approved(self, personas, report):
        yearly.submit_report(report, by=personas.coordinator_a)
        return yearly.approve_report(report, by=personas.county_a)

    def test_saving_changed_content_is_refused(self, personas, report):
        report = self.approved(personas, report)
        report.content = {**report.content, "plan": {"measures": 99}}

        with pytest.raises(ValidationError, match="godkänd"):
            report.save()
        stored = YearlyReport.objects.get(pk=report.pk)
        assert yearly.content_hash(stored.content) == stored.content_hash

    def test_the_approved_content_does_not_follow_later_changes_in_the_data(self, personas, report):
        from forebygg.governance.domain import coordination

        report = self.approved(personas, report)
        coordination.save_coordination_function(
            personas.kommun_a, by=personas.coordinator_a, name="Ny samordnare"
        )

        with pytest.raises(ValidationError):
            yearly.draft_report(personas.kommun_a, YEAR, by=personas.coordinator_a)
        stored = YearlyReport.objects.get(pk=report.pk)
        r10 = next(r for r in stored.content["compliance"] if r["code"] == "R10")
        assert r10["status"] == "saknas"

    def test_approval_checks_the_content_is_what_was_submitted(self, personas, report):
        yearly.submit_report(report, by=personas.coordinator_a)
        YearlyReport.objects.filter(pk=report.pk).update(content={"ändrat": True})

        with pytest.raises(ValidationError, match="ändrats"):
            yearly.approve_report(YearlyReport.objects.get(pk=report.pk), by=personas.county_a)


class TestTheCountyReport:
    def test_it_holds_approved_reports_and_regional_work_and_goes_to_bra(
        self, personas, report, county_report
    ):
        yearly.submit_report(report, by=personas.coordinator_a)
        yearly.approve_report(report, by=personas.county_a)
        yearly.include_report(county_report, report, by=personas.county_a)
        yearly.describe_regional_work(
            county_report, by=personas.county_a, networks="Länsnätverk för samordnare"
        )

        submitted = yearly.submit_county_report(
            county_report, by=personas.county_a, confirmed_missing=True
        )

        assert submitted.status == CountyState.SUBMITTED
        assert submitted.content["kommun_reports"] == [
            {"kommun": "0680", "hash": report.content_hash}
        ]
        assert submitted.content["regional_work"]["networks"] == "Länsnätverk för samordnare"
        with pytest.raises(ValidationError):
            yearly.submit_county_report(submitted, by=personas.county_a, confirmed_missing=True)

    def test_an_empty_county_report_cannot_be_submitted(self, personas, county_report):
        with pytest.raises(ValidationError, match="minst en"):
            yearly.submit_county_report(county_report, by=personas.county_a, confirmed_missing=True)

    def test_another_lans_officer_cannot_start_or_submit_it(self, personas, county_report):
        with pytest.raises(PermissionDenied):
            yearly.start_county_report(personas.kommun_a.lan, YEAR, by=personas.county_other)
        with pytest.raises(PermissionDenied):
            yearly.submit_county_report(
                county_report, by=personas.county_other, confirmed_missing=True
            )


class TestGeneratedContent:
    def test_it_states_compliance_plan_agreements_and_council(self, personas, report):
        content = report.content

        assert [r["code"] for r in content["compliance"]] == [f"R{n}" for n in range(1, 14)]
        assert content["plan"] is None and content["council"] is None
        assert content["kommun"] == {"code": "0680", "name": "Jönköpings kommun"}
