"""The årshjul combines recurring items with the dates the data already holds."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from forebygg.governance.domain import council
from forebygg.governance.domain.annual_cycle import add_cycle_event, annual_cycle
from forebygg.plans.domain.planning import decide_plan

pytestmark = pytest.mark.django_db


def entries(months, number) -> list[tuple[str, str]]:
    return [(entry.kind, entry.title) for entry in months[number - 1].entries]


def test_a_recurring_item_comes_back_every_year(personas):
    add_cycle_event(
        personas.kommun_a,
        title="Brås årliga enkät",
        month=2,
        kind="rapport",
        by=personas.coordinator_a,
    )

    for year in (2026, 2027):
        months = annual_cycle(personas.kommun_a, year, user=personas.coordinator_a)
        assert entries(months, 2) == [("Rapportering", "Brås årliga enkät")]


def test_the_month_must_exist(personas):
    with pytest.raises(ValidationError):
        add_cycle_event(
            personas.kommun_a, title="X", month=13, kind="annat", by=personas.coordinator_a
        )


def test_meetings_decisions_expiry_and_reports_fall_in_their_months(personas, governance):
    meeting = council.hold_meeting(
        governance.council, held_on=date(2026, 3, 10), by=personas.coordinator_a
    )
    council.add_decision(
        meeting, text="Inventera belysningen", due_on=date(2026, 5, 31), by=personas.coordinator_a
    )

    months = annual_cycle(personas.kommun_a, 2026, user=personas.coordinator_a)

    assert ("Möte", "Trygg i Jönköping") in entries(months, 3)
    assert ("Beslut ska vara klart", "Inventera belysningen") in entries(months, 5)
    assert ("Rapport till fullmäktige", "Rapport om brottsförebyggande arbete") in entries(
        months, 6
    )
    expiry = annual_cycle(personas.kommun_a, 2028, user=personas.coordinator_a)
    assert ("Överenskommelsen går ut", "Samverkansöverenskommelse 2026–2028") in entries(expiry, 12)


def test_the_two_year_deadlines_of_section_6_are_shown(personas, chain):
    decide_plan(
        chain.plan,
        body="KF",
        decided_on=date(2026, 4, 15),
        reference="1",
        by=personas.coordinator_a,
    )

    months = annual_cycle(personas.kommun_a, 2028, user=personas.coordinator_a)

    assert ("Sista dag", "Åtgärdsplanen ska vara uppföljd (§ 6)") in entries(months, 4)


def test_another_kommuns_user_sees_none_of_a_draft_council(personas, governance):
    council.hold_meeting(governance.council, held_on=date(2026, 3, 10), by=personas.coordinator_a)

    months = annual_cycle(personas.kommun_a, 2026, user=personas.member_b)

    assert all(not month.entries for month in months)
