"""A target on an indicator from the statistics starts from the kommun's newest value."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from forebygg.plans.domain.planning import add_target
from forebygg.stats.models import Indicator
from tests.plans.conftest import build_chain

BRA = "Källa: Brå (SOL), via am-dashboard-se"


@pytest.fixture
def person_rate(crime_statistics):
    return Indicator.objects.get(key="bra.anmalda.person.per100k")


def test_the_baseline_value_date_and_source_come_from_the_data(personas, person_rate):
    chain = build_chain(personas)
    target = add_target(
        chain.measure,
        by=personas.coordinator_a,
        indicator=person_rate,
        target_value=2000.0,
        target_date=date(2028, 12, 31),
    )
    # Brå: 2 420 crimes against the person per 100 000 inhabitants in Jönköping in 2025.
    assert (target.baseline_value, target.baseline_date, target.source) == (
        2420.0,
        date(2025, 12, 31),
        BRA,
    )


def test_a_baseline_the_coordinator_gives_is_kept(personas, person_rate):
    chain = build_chain(personas)
    target = add_target(
        chain.measure,
        by=personas.coordinator_a,
        indicator=person_rate,
        baseline_value=2400.0,
        baseline_date=date(2025, 6, 30),
        target_value=2000.0,
        target_date=date(2028, 12, 31),
    )
    assert (target.baseline_value, target.baseline_date, target.source) == (
        2400.0,
        date(2025, 6, 30),
        BRA,
    )


def test_a_local_indicator_needs_its_baseline(personas):
    chain = build_chain(personas)
    with pytest.raises(ValidationError) as refused:
        add_target(
            chain.measure,
            by=personas.coordinator_a,
            local_name="Trygghet i centrum (enkät)",
            target_value=80.0,
            target_date=date(2028, 12, 31),
            source="Kommunens trygghetsenkät",
        )
    assert refused.value.messages == ["Ange utgångsvärde och datum; statistiken har inget värde."]
