"""The law-compliance panel: each rule R1–R13, with the edge cases the law's wording creates."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from forebygg.governance.domain import agreements, coordination, council
from forebygg.governance.domain.compliance import check_compliance, summary_counts
from forebygg.governance.enums import RuleStatus
from forebygg.lagesbild.domain import draft_lagesbild, update_section
from forebygg.lagesbild.models import Lagesbild
from forebygg.orgs.enums import Visibility
from forebygg.plans.domain.followup import record_follow_up
from forebygg.plans.domain.planning import decide_plan, publish_plan
from forebygg.plans.models import Plan
from tests.lagesbild_decision import decide_written
from tests.plans.conftest import build_chain

pytestmark = pytest.mark.django_db


def rules(kommun, **kwargs) -> dict:
    return {result.code: result for result in check_compliance(kommun, **kwargs)}


def status(kommun, code, **kwargs) -> str:
    return rules(kommun, **kwargs)[code].status


def decide(chain, personas, decided_on):
    return decide_plan(
        chain.plan, body="Kommunfullmäktige", decided_on=decided_on, reference="KS 2026/12",
        by=personas.coordinator_a,
    )  # fmt: skip


@pytest.fixture
def chain_of_2024(personas):
    """A chain whose lägesbild was decided in time for a plan decided in the autumn of 2024."""
    return build_chain(personas, lagesbild_decided_on=date(2024, 9, 2))


class TestAKommunWithNothing:
    def test_every_hard_duty_is_missing_and_every_effort_duty_only_warns(self, personas):
        results = rules(personas.kommun_a)

        missing = {code for code, r in results.items() if r.status == RuleStatus.MISSING}
        warned = {code for code, r in results.items() if r.status == RuleStatus.WARNING}
        assert missing == {"R1", "R2", "R3", "R4", "R5", "R6", "R7", "R10", "R11", "R12"}
        assert warned == {"R8", "R9", "R13"}

    def test_each_rule_names_its_legal_reference_and_a_next_step(self, personas):
        for result in check_compliance(personas.kommun_a):
            assert result.reference.startswith("§")
            assert result.next_step, result.code

    def test_the_summary_counts_the_statuses(self, personas):
        counts = summary_counts(check_compliance(personas.kommun_a))

        assert counts == {"uppfyllt": 0, "varning": 3, "saknas": 10}


class TestTheLagesbildRules:
    def test_a_draft_only_warns_for_r1(self, personas):
        draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)

        assert status(personas.kommun_a, "R1") == RuleStatus.WARNING
        assert status(personas.kommun_a, "R4") == RuleStatus.MISSING

    def test_parts_left_with_the_starting_guidance_are_not_written(self, personas):
        lagesbild = draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)

        result = rules(personas.kommun_a)["R2"]

        assert result.status == RuleStatus.MISSING
        assert "Annan relevant information" in result.finding
        assert "Analys" in result.finding
        update_section(
            lagesbild, key="context", text="Två nya bostadsområden.", by=personas.coordinator_a
        )
        update_section(
            lagesbild,
            key="analysis",
            text="Inbrotten ökar i villaområden.",
            by=personas.coordinator_a,
        )
        assert status(personas.kommun_a, "R2") == RuleStatus.MET

    def test_consequences_must_be_described_for_r3(self, personas, crime_statistics):
        lagesbild = draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)

        result = rules(personas.kommun_a)["R3"]
        assert result.status == RuleStatus.MISSING
        assert "konsekvenser" in result.finding
        assert "omfattning" not in result.finding  # the statistics give the extent

        update_section(
            lagesbild,
            key="consequences",
            text="Inbrotten skapar otrygghet.",
            by=personas.coordinator_a,
        )
        assert status(personas.kommun_a, "R3") == RuleStatus.MET

    def test_a_lagesbild_older_than_two_years_fails_r4(self, personas):
        decide_written(
            draft_lagesbild(personas.kommun_a, by=personas.coordinator_a), by=personas.coordinator_a
        )
        decided = Lagesbild.objects.get(kommun=personas.kommun_a).decided_on

        assert (
            status(personas.kommun_a, "R4", today=decided + timedelta(days=730)) == RuleStatus.MET
        )
        assert (
            status(personas.kommun_a, "R4", today=decided + timedelta(days=731))
            == RuleStatus.MISSING
        )


class TestThePlanRules:
    def test_a_draft_plan_is_not_a_decided_plan(self, personas, chain):
        results = rules(personas.kommun_a)

        assert results["R5"].status == RuleStatus.MISSING
        assert results["R6"].status == RuleStatus.MISSING
        assert results["R5"].evidence  # the link to the draft, to finish it

    def test_a_decided_plan_meets_r5_and_r6_with_its_decision_as_evidence(self, personas, chain):
        decide(chain, personas, date(2026, 5, 1))

        results = rules(personas.kommun_a, today=date(2026, 11, 22))

        assert results["R5"].status == RuleStatus.MET
        assert (
            "Kommunfullmäktige" in results["R5"].finding and "KS 2026/12" in results["R5"].finding
        )
        assert results["R6"].status == RuleStatus.MET
        assert "lägesbild version 1" in results["R6"].finding

    def test_a_plan_decided_25_months_ago_and_never_followed_up_fails_r7(
        self, personas, chain_of_2024
    ):
        decide(chain_of_2024, personas, date(2024, 10, 1))

        results = rules(personas.kommun_a, today=date(2026, 11, 1))

        assert results["R7"].status == RuleStatus.MISSING
        assert "aldrig följts upp" in results["R7"].finding
        assert results["R5"].status == RuleStatus.MET  # still decided; § 6 asks for follow-up

    def test_a_plan_decided_23_months_ago_is_not_yet_due(self, personas, chain_of_2024):
        decide(chain_of_2024, personas, date(2024, 12, 1))

        assert status(personas.kommun_a, "R7", today=date(2026, 11, 1)) == RuleStatus.MET

    def test_a_follow_up_restarts_the_two_years(self, personas, chain_of_2024):
        plan = decide(chain_of_2024, personas, date(2024, 10, 1))
        record_follow_up(plan, by=personas.coordinator_a, held_on=date(2025, 9, 1))

        assert status(personas.kommun_a, "R7", today=date(2026, 11, 1)) == RuleStatus.MET
        assert status(personas.kommun_a, "R7", today=date(2027, 9, 2)) == RuleStatus.MISSING

    def test_before_1_july_2024_no_plan_was_required(self, personas):
        assert status(personas.kommun_a, "R5", today=date(2024, 6, 30)) == RuleStatus.MET
        assert status(personas.kommun_a, "R5", today=date(2024, 7, 1)) == RuleStatus.MISSING


class TestAgreementsAreAnEffortDuty:
    def test_a_complete_signed_agreement_in_force_meets_r8(self, personas, governance):
        result = rules(personas.kommun_a, today=date(2026, 11, 22))["R8"]

        assert result.status == RuleStatus.MET
        assert "Civilsamhällesorganisation" in result.finding  # which kinds of actors are party

    def test_an_agreement_without_areas_warns_and_never_fails(self, personas, governance):
        agreements.save_agreement(
            governance.agreement, kommun=personas.kommun_a, by=personas.coordinator_a,
            areas="", parties=[personas.police_a],
        )  # fmt: skip

        result = rules(personas.kommun_a)["R8"]

        assert result.status == RuleStatus.WARNING
        assert governance.agreement.title in result.finding
        assert result.effort_duty

    def test_an_expired_agreement_warns(self, personas, governance):
        assert status(personas.kommun_a, "R8", today=date(2029, 1, 1)) == RuleStatus.WARNING

    def test_citizen_promises_do_not_count_as_a_cooperation_agreement(self, personas):
        agreements.save_agreement(
            None, kommun=personas.kommun_a, by=personas.coordinator_a, kind="medborgarloften",
            title="Medborgarlöften 2026", signed_on=date(2026, 2, 1), parties=[personas.police_a],
        )  # fmt: skip

        assert status(personas.kommun_a, "R8") == RuleStatus.WARNING


class TestTheCouncilIsAnEffortDuty:
    def test_a_council_led_by_the_kommun_with_senior_members_meets_r9(self, personas, governance):
        assert status(personas.kommun_a, "R9") == RuleStatus.MET

    def test_a_council_chaired_by_another_organisation_warns(self, personas, governance):
        council.add_member(
            governance.council, organisation=personas.police_a, position="Polischef",
            seniority="ledande", is_chair=True, by=personas.coordinator_a,
        )  # fmt: skip

        result = rules(personas.kommun_a)["R9"]

        assert result.status == RuleStatus.WARNING
        assert "Lokalpolisområde Jönköping" in result.finding
        assert "kommunen ska leda rådet" in result.finding

    def test_a_representative_without_a_senior_position_warns(self, personas, governance):
        council.add_member(
            governance.council, organisation=governance.civil_society, position="Volontär",
            seniority="medarbetare", by=personas.coordinator_a,
        )  # fmt: skip

        result = rules(personas.kommun_a)["R9"]

        assert result.status == RuleStatus.WARNING
        assert "Föreningen Nattvandrarna" in result.finding

    def test_a_council_of_only_the_kommun_warns(self, personas):
        from forebygg.orgs.domain.authorities import kommun_administration

        strategic = council.create_council(
            personas.kommun_a, name="Rådet", by=personas.coordinator_a
        )
        council.add_member(
            strategic, organisation=kommun_administration(personas.kommun_a), is_chair=True,
            position="Kommundirektör", seniority="ledande", by=personas.coordinator_a,
        )  # fmt: skip

        assert "inga andra aktörer" in rules(personas.kommun_a)["R9"].finding.lower()

    def test_no_council_is_a_warning_not_a_failure(self, personas):
        assert status(personas.kommun_a, "R9") == RuleStatus.WARNING


class TestCoordinationAndPublicInformation:
    def test_an_unpublished_function_warns(self, personas):
        coordination.save_coordination_function(
            personas.kommun_a, by=personas.coordinator_a, name="Samordnare", phone="036-10 50 00"
        )

        assert status(personas.kommun_a, "R10") == RuleStatus.WARNING

    def test_a_published_contact_point_meets_r10_but_alone_only_warns_for_r11(
        self, personas, governance
    ):
        Plan.objects.filter(kommun=personas.kommun_a).update(visibility=Visibility.DRAFT)
        results = rules(personas.kommun_a)

        assert results["R10"].status == RuleStatus.MET
        assert results["R11"].status == RuleStatus.WARNING

    def test_a_published_plan_meets_r11(self, personas, chain):
        plan = decide(chain, personas, date(2026, 5, 1))
        publish_plan(plan, by=personas.coordinator_a)

        result = rules(personas.kommun_a)["R11"]

        assert result.status == RuleStatus.MET
        assert "åtgärdsplan" in result.finding


class TestLeadershipAndOtherPlans:
    def test_a_body_without_reports_to_the_council_is_missing(self, personas):
        coordination.record_leadership(
            personas.kommun_a,
            body_kind="ks",
            body_name="Kommunstyrelsen",
            by=personas.coordinator_a,
        )

        result = rules(personas.kommun_a)["R12"]

        assert result.status == RuleStatus.MISSING
        assert "ingen rapport" in result.finding

    def test_leadership_with_a_recent_report_meets_r12(self, personas, governance):
        assert status(personas.kommun_a, "R12", today=date(2026, 11, 22)) == RuleStatus.MET

    def test_a_report_over_a_year_old_warns(self, personas, governance):
        assert status(personas.kommun_a, "R12", today=date(2027, 6, 11)) == RuleStatus.WARNING

    def test_linking_another_plan_meets_the_advisory_r13(self, personas, governance):
        assert status(personas.kommun_a, "R13") == RuleStatus.MET


def test_a_kommun_with_everything_in_place_meets_every_rule(
    personas, governance, chain, crime_statistics
):
    by = personas.coordinator_a
    lagesbild = chain.plan.lagesbild
    Lagesbild.objects.filter(pk=lagesbild.pk).update(
        sections={
            **lagesbild.sections,
            "consequences": "Otrygghet i villaområden.",
            "context": "Nya bostadsområden.",
            "analysis": "Inbrotten ökar.",
        }
    )
    today = timezone.localdate()
    plan = decide(chain, personas, today - timedelta(days=30))
    record_follow_up(plan, by=by, held_on=today)
    publish_plan(plan, by=by)

    results = rules(personas.kommun_a, today=today)

    assert {code: r.status for code, r in results.items() if r.status != RuleStatus.MET} == {}
