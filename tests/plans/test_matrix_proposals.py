"""The prioritisation matrix proposes "ökande", "avviker" and "koncentrerat" with the numbers."""

import polars as pl
import pytest

from forebygg.core.formatting import format_number, format_percent
from forebygg.geo.models import Area
from forebygg.plans.domain.problems import create_problem
from forebygg.plans.domain.proposals import propose_scores
from forebygg.stats.analysis import deviation_from_similar
from forebygg.stats.models import Indicator
from forebygg.stats.national import indicator_table

BRA = "Källa: Brå (SOL), via am-dashboard-se"


@pytest.fixture
def burglary_problem(personas, crime_statistics):
    return create_problem(
        personas.kommun_a,
        by=personas.coordinator_a,
        title="Bostadsinbrott",
        indicators=[
            Indicator.objects.get(key="bra.anmalda.burglary"),
            Indicator.objects.filter(key__startswith="polisen.handelser.").first(),
        ],
    )


def signed(percent: float) -> str:
    return ("+" if percent > 0 else "") + format_percent(percent)


def jonkoping(category: str, year: int) -> dict:
    table = indicator_table()
    return table.filter(
        (pl.col("kommun") == "0680") & (pl.col("category") == category) & (pl.col("year") == year)
    ).to_dicts()[0]


def test_rising_is_proposed_from_the_change_in_rate_over_three_years(burglary_problem):
    proposal = propose_scores(burglary_problem)["okande"]
    year = int(indicator_table()["year"].max())
    now, before = jonkoping("burglary", year), jonkoping("burglary", year - 3)
    change = (now["rate"] / before["rate"] - 1) * 100
    assert [e.period for e in proposal.evidence] == [f"{year - 3}–{year}"]
    assert [e.source for e in proposal.evidence] == [BRA]
    assert proposal.evidence[0].text == (
        f"Stöld genom inbrott i bostad: {format_number(now['rate'])} per 100 000 invånare "
        f"{year} mot {format_number(before['rate'])} {year - 3}, {signed(change)}"
    )
    assert proposal.score == sum(1 for step in (5, 15, 30) if change >= step)


def test_deviating_is_proposed_from_the_smoothed_level_against_the_kommungrupp(burglary_problem):
    proposal = propose_scores(burglary_problem)["avvikande"]
    year = int(indicator_table()["year"].max())
    own = jonkoping("burglary", year)
    group = indicator_table().filter(
        (pl.col("group") == own["group"])
        & (pl.col("category") == "burglary")
        & (pl.col("year") == year)
    )
    expected = deviation_from_similar(
        own["count"],
        own["population"],
        group_counts=group["count"].to_list(),
        group_populations=group["population"].to_list(),
    )
    assert [e.period for e in proposal.evidence] == [str(year)]
    assert [e.source for e in proposal.evidence] == [BRA]
    assert proposal.evidence[0].text == (
        f"Stöld genom inbrott i bostad: {format_number(expected.smoothed_rate)} per 100 000 "
        f"invånare (utjämnat; ej utjämnat {format_number(expected.rate)}) mot "
        f"{format_number(expected.group_rate)} i liknande kommuner (Större stad, 23 kommuner), "
        f"{signed(expected.percent)}"
    )
    assert "empirisk Bayes" in proposal.evidence[0].formula
    assert proposal.score == sum(1 for step in (10, 25, 50) if expected.percent >= step)


def test_police_events_are_never_read_as_crime_statistics(personas, crime_statistics):
    events_only = create_problem(
        personas.kommun_a,
        by=personas.coordinator_a,
        title="Händelser",
        indicators=Indicator.objects.filter(key__startswith="polisen.handelser.")[:3],
    )
    proposals = propose_scores(events_only)
    assert (proposals["okande"].score, proposals["avvikande"].score) == (None, None)
    assert proposals["okande"].missing == (
        "Koppla en indikator ur Brå:s statistik över anmälda brott till problemet för att få "
        "ett förslag."
    )


def test_concentrated_is_proposed_from_the_police_areas_the_problem_is_linked_to(personas, raslatt):
    raslatt = raslatt
    problem = create_problem(
        personas.kommun_a, by=personas.coordinator_a, title="Oro i Råslätt", areas=[raslatt]
    )
    proposal = propose_scores(problem)["koncentrerat"]
    assert proposal.score == 1
    assert [(e.text, e.period) for e in proposal.evidence] == [
        (
            "Problemet gäller 1 av polisens utpekade områden: Råslätt (utsatt område)",
            "polisens lista 2025",
        )
    ]


def test_without_linked_areas_the_kommuns_areas_are_shown_but_nothing_proposed(personas, raslatt):
    problem = create_problem(personas.kommun_a, by=personas.coordinator_a, title="Klotter")
    proposal = propose_scores(problem)["koncentrerat"]
    assert proposal.score is None
    assert [e.text for e in proposal.evidence] == [
        "Kommunen har 1 av polisens utpekade områden: Råslätt (utsatt område)"
    ]


@pytest.fixture
def raslatt(crime_statistics):
    return Area.objects.get(kommun__code="0680", name="Råslätt", list_year=2025)
