"""The compliance rules name their evidence (what, which kommun, which version), never a link."""

from datetime import date

import pytest

from forebygg.governance.domain.compliance import Evidence, check_compliance
from forebygg.governance.enums import EvidenceKind
from forebygg.plans.domain.planning import decide_plan

pytestmark = pytest.mark.django_db


def evidence_of(kommun, **kwargs) -> dict[str, list[Evidence]]:
    return {result.code: result.evidence for result in check_compliance(kommun, **kwargs)}


def test_a_decided_plan_is_named_by_its_version_and_the_lagesbild_it_builds_on(personas, chain):
    decide_plan(
        chain.plan, body="Kommunfullmäktige", decided_on=date(2026, 5, 1), reference="KS 2026/12",
        by=personas.coordinator_a,
    )  # fmt: skip

    evidence = evidence_of(personas.kommun_a, today=date(2026, 11, 22))

    plan = Evidence(EvidenceKind.PLAN, "0680", "Åtgärdsplan version 1", 1)
    lagesbild = Evidence(EvidenceKind.LAGESBILD, "0680", "Lägesbild version 1", 1)
    assert evidence["R5"] == [plan]
    assert evidence["R6"] == [plan, lagesbild]
    assert evidence["R7"] == [Evidence(EvidenceKind.FOLLOW_UP, "0680", "Uppföljning", 1)]


def test_agreements_council_and_coordination_are_named_with_their_keys(personas, governance):
    evidence = evidence_of(personas.kommun_a)

    assert evidence["R8"] == [
        Evidence(
            EvidenceKind.AGREEMENT, "0680", "Samverkansöverenskommelse 2026–2028",
            governance.agreement.pk,
        )
    ]  # fmt: skip
    assert evidence["R9"] == [Evidence(EvidenceKind.COUNCIL, "0680", "Trygg i Jönköping")]
    assert evidence["R10"] == [
        Evidence(EvidenceKind.COORDINATION, "0680", "Samordningsfunktion"),
        Evidence(EvidenceKind.PUBLIC_PAGE, "0680", "Publik sida"),
    ]
    assert evidence["R12"] == [
        Evidence(EvidenceKind.LEADERSHIP, "0680", "Ledning och rapportering")
    ]
    assert evidence["R13"] == [Evidence(EvidenceKind.LINKED_PLANS, "0680", "Kopplade planer")]


def test_without_agreements_the_evidence_is_the_agreements_list(personas):
    evidence = evidence_of(personas.kommun_a)

    assert evidence["R8"] == [Evidence(EvidenceKind.AGREEMENTS, "0680", "Överenskommelser")]
    assert evidence["R11"] == [Evidence(EvidenceKind.PUBLIC_PAGE, "0680", "Publik sida")]
