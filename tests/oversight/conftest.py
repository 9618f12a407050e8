import pytest
from django.core.cache import cache

from forebygg.reporting.domain import yearly

YEAR = 2026


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def submitted(personas):
    """Kommun A's report for the year, submitted to its länsstyrelse."""
    report = yearly.draft_report(personas.kommun_a, YEAR, by=personas.coordinator_a)
    return yearly.submit_report(report, by=personas.coordinator_a)


@pytest.fixture
def sent_to_bra(personas, submitted):
    """Kommun A's approved report inside the county's combined report, sent to Brå."""
    yearly.approve_report(submitted, by=personas.county_a)
    county_report = yearly.start_county_report(personas.kommun_a.lan, YEAR, by=personas.county_a)
    yearly.include_report(county_report, submitted, by=personas.county_a)
    return yearly.submit_county_report(county_report, by=personas.county_a, confirmed_missing=True)
