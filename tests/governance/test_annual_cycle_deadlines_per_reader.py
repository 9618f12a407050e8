"""The årshjul's § 6 deadlines come only from the versions its reader may see.

A deadline counted from a decided but unpublished lägesbild or plan would tell the county, Brå
or a partner that the kommun had decided it, and when. The kommun's own staff see the date from
the decided version; the others see it once the version is published.
"""

from datetime import date

import pytest
from django.urls import reverse

from forebygg.governance.domain.annual_cycle import annual_cycle
from forebygg.lagesbild.domain import (
    draft_lagesbild,
    publish_lagesbild,
    update_due,
)
from forebygg.lagesbild.models import Lagesbild
from forebygg.plans.domain.planning import decide_plan, publish_plan
from tests.lagesbild_decision import decide_written
from tests.plans.conftest import build_chain

pytestmark = pytest.mark.django_db

LAGESBILD_DUE = "Lägesbilden ska vara uppdaterad (§ 6)"
PLAN_DUE = "Åtgärdsplanen ska vara uppföljd (§ 6)"
STAFF = ["coordinator_a", "member_a"]
OUTSIDE_THE_KOMMUN = ["county_a", "analyst", "partner_a"]


def deadlines(personas, persona: str, year: int) -> list[tuple[str, date]]:
    months = annual_cycle(personas.kommun_a, year, user=personas.user(persona))
    return [
        (entry.title, entry.day)
        for month in months
        for entry in month.entries
        if entry.kind == "Sista dag"
    ]


def decided_lagesbild(personas, **decision) -> Lagesbild:
    by = personas.coordinator_a
    return decide_written(draft_lagesbild(personas.kommun_a, by=by), by=by, body="KS", **decision)


@pytest.mark.parametrize("persona", STAFF + OUTSIDE_THE_KOMMUN)
def test_a_decided_lagesbild_dates_the_next_update_only_for_the_kommuns_staff(personas, persona):
    lagesbild = decided_lagesbild(personas)
    due = update_due(lagesbild)

    seen = deadlines(personas, persona, due.year)

    assert seen == ([(LAGESBILD_DUE, due)] if persona in STAFF else [])


@pytest.mark.parametrize("persona", STAFF + OUTSIDE_THE_KOMMUN)
def test_once_published_everyone_in_the_workspace_sees_the_lagesbild_deadline(personas, persona):
    lagesbild = publish_lagesbild(decided_lagesbild(personas), by=personas.coordinator_a)
    due = update_due(lagesbild)

    assert deadlines(personas, persona, due.year) == [(LAGESBILD_DUE, due)]


@pytest.mark.parametrize("persona", STAFF + OUTSIDE_THE_KOMMUN)
def test_a_newer_unpublished_decision_does_not_move_the_date_others_see(personas, persona):
    # The published version was decided early in 2025.
    older = decided_lagesbild(personas, decided_on=date(2025, 1, 10))
    publish_lagesbild(older, by=personas.coordinator_a)
    newer = decided_lagesbild(personas)

    seen = deadlines(personas, persona, 2027) + deadlines(personas, persona, update_due(newer).year)

    expected = update_due(newer) if persona in STAFF else date(2027, 1, 10)
    assert [due for title, due in seen if title == LAGESBILD_DUE] == [expected]


@pytest.mark.parametrize("persona", STAFF + OUTSIDE_THE_KOMMUN)
def test_a_decided_plan_dates_its_follow_up_only_for_the_kommuns_staff(personas, persona):
    chain = build_chain(personas)
    decide_plan(chain.plan, body="KF", decided_on=date(2026, 4, 15), reference="1",
                by=personas.coordinator_a)  # fmt: skip

    seen = [entry for entry in deadlines(personas, persona, 2028) if entry[0] == PLAN_DUE]

    assert seen == ([(PLAN_DUE, date(2028, 4, 14))] if persona in STAFF else [])


@pytest.mark.parametrize("persona", STAFF + OUTSIDE_THE_KOMMUN)
def test_once_published_everyone_in_the_workspace_sees_the_plans_deadline(personas, persona):
    chain = build_chain(personas)
    plan = decide_plan(chain.plan, body="KF", decided_on=date(2026, 4, 15), reference="1",
                       by=personas.coordinator_a)  # fmt: skip
    publish_plan(plan, by=personas.coordinator_a)

    seen = [entry for entry in deadlines(personas, persona, 2028) if entry[0] == PLAN_DUE]

    assert seen == [(PLAN_DUE, date(2028, 4, 14))]


@pytest.mark.parametrize("persona", STAFF + OUTSIDE_THE_KOMMUN)
def test_the_arshjul_page_shows_the_unpublished_deadline_to_the_kommuns_staff_only(
    client, personas, persona
):
    due = update_due(decided_lagesbild(personas))
    client.force_login(personas.user(persona))

    response = client.get(
        reverse("backoffice:cycle", kwargs={"code": "0680"}), {"ar": str(due.year)}
    )

    assert response.status_code == 200
    assert (LAGESBILD_DUE in response.content.decode()) == (persona in STAFF)
