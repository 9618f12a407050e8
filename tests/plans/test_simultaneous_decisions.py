"""Two requests deciding, publishing or revising a plan at once: the second is refused.

The second request read the plan before the first wrote it. It waits for the first to commit,
then meets the stored plan: nothing is written for it, and there is one decision, one
publication and one new draft.
"""

from datetime import date

import pytest

from forebygg.orgs.enums import Visibility
from forebygg.plans.domain.planning import decide_plan, publish_plan, revise_plan
from forebygg.plans.enums import PlanStatus
from forebygg.plans.models import Plan
from tests.concurrency import COMMITTED, LOST, WON, at_once, second_while_first_is_open
from tests.plans.conftest import build_chain

pytestmark = COMMITTED


def page(plan: Plan) -> Plan:
    return Plan.objects.select_related("kommun", "lagesbild").get(pk=plan.pk)


def decide(plan: Plan, by, reference: str):
    return decide_plan(plan, by=by, body="Kommunfullmäktige", decided_on=date(2026, 12, 1),
                       reference=reference)  # fmt: skip


def revision(plan: Plan, by):
    return lambda: revise_plan(plan, by=by)


@pytest.fixture
def draft_plan(committed_personas):
    return build_chain(committed_personas).plan


@pytest.fixture
def decided_plan(committed_personas, draft_plan):
    return decide(draft_plan, committed_personas.coordinator_a, "KS 2026/1")


def test_two_decisions_at_once_decide_it_once(committed_personas, draft_plan):
    by = committed_personas.coordinator_a
    first_page, second_page = page(draft_plan), page(draft_plan)

    made, refused = second_while_first_is_open(
        lambda: decide(first_page, by, "KS 2026/1"),
        lambda: decide(second_page, by, "KS 2026/2"),
    )

    assert (made.result, refused.result) == (WON, LOST)
    assert refused.message == "En beslutad åtgärdsplan kan inte ändras. Skapa en ny version."
    assert refused.finished_at >= made.committed_at
    stored = page(draft_plan)
    assert (stored.status, stored.reference) == (PlanStatus.DECIDED, "KS 2026/1")
    decisions = [r for r in stored.history.all() if r.history_change_reason == "Beslutad"]
    assert len(decisions) == 1


def test_two_publications_at_once_publish_it_once(committed_personas, decided_plan):
    by = committed_personas.coordinator_a
    first_page, second_page = page(decided_plan), page(decided_plan)

    made, refused = second_while_first_is_open(
        lambda: publish_plan(first_page, by=by),
        lambda: publish_plan(second_page, by=by),
    )

    assert (made.result, refused.result) == (WON, LOST)
    assert refused.message == "Planen är redan publicerad."
    published = [
        r for r in page(decided_plan).history.all() if r.visibility == Visibility.PUBLISHED
    ]
    assert len(published) == 1


def test_a_revision_asked_for_while_another_is_being_made_is_refused(
    committed_personas, decided_plan
):
    by = committed_personas.coordinator_a
    first_page, second_page = page(decided_plan), page(decided_plan)

    made, refused = second_while_first_is_open(revision(first_page, by), revision(second_page, by))

    assert (made.result, refused.result) == (WON, LOST)
    assert refused.message == "Det finns redan ett utkast till åtgärdsplan. Arbeta vidare i det."
    plans = Plan.objects.filter(kommun=committed_personas.kommun_a).order_by("number")
    assert [(p.number, p.status) for p in plans] == [(1, PlanStatus.DECIDED), (2, PlanStatus.DRAFT)]
    assert plans[1].measures.count() == 1


def test_revisions_asked_for_at_the_same_moment_make_one_draft_each_time(
    committed_personas, decided_plan
):
    by = committed_personas.coordinator_a
    kommun_plans = Plan.objects.filter(kommun=committed_personas.kommun_a)
    rounds = 4

    for number in range(2, 2 + rounds):
        latest = kommun_plans.get(number=number - 1)

        outcomes = at_once(revision(page(latest), by), revision(page(latest), by))

        assert sorted(o.result for o in outcomes) == [LOST, WON]
        draft = kommun_plans.get(status=PlanStatus.DRAFT)
        assert (draft.number, draft.measures.count()) == (number, 1)
        decide(draft, by, f"KS 2026/{number}")
