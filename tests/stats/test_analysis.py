"""The analysis functions against values computed by hand in each test."""

import pytest

from forebygg.stats.analysis import (
    Rank,
    changes,
    empirical_bayes_rates,
    implied_population,
    is_small_number,
    percent_change,
    pooled_rate,
    rank_among,
    rate_per_100k,
    suppress_count,
)


def test_rate_uses_the_population_of_the_same_year():
    rate = rate_per_100k(250, 2019, {2016: 40_000, 2019: 50_000})
    assert rate.value == 500.0  # 250 / 50 000 × 100 000
    assert (rate.population_year, rate.note) == (2019, "")


def test_rate_without_population_for_the_year_is_missing_not_guessed():
    rate = rate_per_100k(250, 2024, {2016: 40_000, 2019: 50_000})
    assert rate.value is None
    assert rate.note == "Folkmängd saknas för 2024."


def test_rate_with_another_years_population_says_which_year():
    rate = rate_per_100k(250, 2024, {2016: 40_000, 2019: 50_000}, allow_other_year=True)
    assert rate.value == 500.0
    assert rate.population_year == 2019
    assert rate.note == "Folkmängd från 2019 används eftersom uppgift för 2024 saknas."


def test_implied_population_reverses_a_published_rate():
    # Ale 2021: 2 731 reported offences, 8 532 per 100 000 in SOL → about 32 009 inhabitants
    assert implied_population(2731, 8532) == pytest.approx(32_008.9, abs=0.1)
    assert implied_population(5, 0) is None


def test_pooled_rate_adds_counts_and_populations_before_dividing():
    # (100 + 300) / (10 000 + 30 000) × 100 000 = 1 000; the place without population is left out
    assert pooled_rate([100, 300, 50], [10_000, 30_000, None]) == 1000.0


def test_changes_over_one_three_and_five_years():
    series = {2019: 200.0, 2021: 160.0, 2023: 100.0, 2024: 120.0}
    assert percent_change(series, 2024, 1) == pytest.approx(20.0)  # 120 / 100 − 1
    assert changes(series, 2024) == {
        1: pytest.approx(20.0),
        3: pytest.approx(-25.0),  # 120 / 160 − 1
        5: pytest.approx(-40.0),  # 120 / 200 − 1
    }
    assert percent_change(series, 2024, 2) is None  # 2022 missing


def test_rank_counts_similar_kommuner_with_a_strictly_lower_level():
    rank = rank_among(50.0, [10.0, 20.0, 50.0, 70.0, None, 40.0])
    assert rank == Rank(lower=3, total=5)
    assert rank.sentence() == "3 av 5 liknande kommuner har lägre nivå"


def test_small_numbers_are_flagged_and_small_cells_suppressed():
    assert is_small_number(19) is True
    assert is_small_number(20) is False
    assert [suppress_count(n) for n in (0, 1, 9, 10, None)] == [0, None, None, 10, None]


def test_empirical_bayes_pulls_a_small_kommun_towards_the_pooled_rate():
    counts = [10, 100, 1000]
    populations = [1_000, 10_000, 100_000]
    # Every raw rate is 1 000 per 100 000: no between-place variance, so all shrink fully to m.
    assert empirical_bayes_rates(counts, populations) == [pytest.approx(1000.0)] * 3

    counts = [2, 1000]
    populations = [100, 100_000]
    # m = 1002 / 100 100; s² = (100 (0.02 − m)² + 100 000 (0.01 − m)²) / 100 100
    m = 1002 / 100_100
    s2 = (100 * (0.02 - m) ** 2 + 100_000 * (0.01 - m) ** 2) / 100_100
    a = max(s2 - m / (100_100 / 2), 0)
    weight_small = a / (a + m / 100)
    expected_small = (weight_small * 0.02 + (1 - weight_small) * m) * 100_000
    smoothed = empirical_bayes_rates(counts, populations)
    assert smoothed[0] == pytest.approx(expected_small)
    assert 1000 < smoothed[0] < 2000  # raw 2 000 pulled towards about 1 001
