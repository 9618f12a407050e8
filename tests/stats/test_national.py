"""The national, column-wise computation agrees with the pure functions on real data."""

import numpy as np
import polars as pl
import pytest
from django.core.management import call_command
from polars.testing import assert_frame_equal

from forebygg.stats.analysis import empirical_bayes_rates, implied_population, pooled_rate
from forebygg.stats.models import Indicator, Observation
from forebygg.stats.national import CrimeCube, compute_indicators, load_crime_cube
from forebygg.stats.national_in_polars import indicators_in_polars


@pytest.fixture(scope="module")
def indicators(django_db_blocker, django_db_setup):
    with django_db_blocker.unblock():
        call_command("import_statistics", verbosity=0)
        cube = load_crime_cube()
    return cube.frame(), compute_indicators(cube, list(range(2016, 2026)))


def row(result, kommun, category, year):
    return result.filter(
        (pl.col("kommun") == kommun) & (pl.col("category") == category) & (pl.col("year") == year)
    ).to_dicts()[0]


def test_every_kommun_category_and_year_is_computed(indicators):
    _, result = indicators
    assert result.height == 290 * 6 * 10 - 0  # no absent rows after 2001
    assert result["kommun"].n_unique() == 290


def test_rates_use_brås_population_base_and_match_published_rates(indicators):
    _, result = indicators
    ale = row(result, "1440", "total", 2021)
    assert ale["count"] == 2731
    assert ale["population"] == pytest.approx(implied_population(2731, 8532))
    assert ale["rate"] == pytest.approx(8532)


def test_lan_rate_is_pooled_over_the_lans_kommuner(indicators):
    frame, result = indicators
    lan = frame.filter(
        (pl.col("lan") == "06") & (pl.col("category") == "person") & (pl.col("year") == 2024)
    )
    expected = pooled_rate(lan["count"].to_list(), lan["population"].to_list())
    assert row(result, "0680", "person", 2024)["lan_rate"] == pytest.approx(expected)


def test_rank_and_empirical_bayes_within_the_kommungrupp(indicators):
    frame, result = indicators
    group = frame.filter(
        (pl.col("group") == "B3") & (pl.col("category") == "person") & (pl.col("year") == 2024)
    ).sort("kommun")
    jonkoping = row(result, "0680", "person", 2024)
    rates = {k: c / p for k, c, p in group.select("kommun", "count", "population").iter_rows()}
    assert jonkoping["lower_in_group"] == sum(1 for r in rates.values() if r < rates["0680"])
    assert jonkoping["others_in_group"] == 22
    smoothed = empirical_bayes_rates(group["count"].to_list(), group["population"].to_list())
    index = group["kommun"].to_list().index("0680")
    assert jonkoping["eb_rate"] == pytest.approx(smoothed[index])


def test_change_compares_with_the_same_kommun_k_years_earlier(indicators):
    _, result = indicators
    now, then = row(result, "0680", "person", 2024), row(result, "0680", "person", 2021)
    assert now["change_3"] == pytest.approx((now["rate"] / then["rate"] - 1) * 100)


def small_cube(count, population, group):
    """Three kommuner in one län, one category, years 2020–2021."""
    return CrimeCube(
        kommuner=["0101", "0102", "0103"],
        categories=["total"],
        years=np.array([2020, 2021]),
        count=np.array(count, dtype=float)[:, None, :],
        population=np.array(population, dtype=float),
        lan=np.zeros(3, dtype=int),
        lan_codes=["01"],
        group=np.array(group),
        group_codes=["A"],
    )


def test_equal_values_share_a_rank_and_missing_cells_are_left_out():
    cube = small_cube(
        count=[[10, 20], [10, 40], [np.nan, 60]],
        population=[[1000, 1000]] * 3,
        group=[0, 0, 0],
    )
    result = compute_indicators(cube).sort("year", "kommun")
    first_year = result.filter(pl.col("year") == 2020)
    assert first_year["kommun"].to_list() == ["0101", "0102"]  # 0103 has no count in 2020
    assert first_year["lower_in_group"].to_list() == [0, 0]
    assert first_year["others_in_group"].to_list() == [1, 1]
    second_year = result.filter(pl.col("year") == 2021)
    assert second_year["lower_in_group"].to_list() == [0, 1, 2]
    assert second_year["change_1"].to_list() == [pytest.approx(100.0), pytest.approx(300.0), None]


def test_a_kommun_without_a_group_gets_no_group_comparison():
    cube = small_cube(
        count=[[10, 20], [30, 40], [50, 60]],
        population=[[1000, 1000]] * 3,
        group=[0, 0, -1],
    )
    alone = compute_indicators(cube).filter(pl.col("kommun") == "0103").to_dicts()[0]
    assert alone["group"] is None
    assert alone["group_rate"] is None and alone["lower_in_group"] is None
    assert alone["lan_rate"] == pytest.approx(90 / 3000 * 100_000)


@pytest.mark.django_db
def test_without_crime_statistics_the_cube_and_the_indicators_are_empty():
    Observation.objects.all().delete()  # rolled back with the test's transaction
    Indicator.objects.all().delete()
    assert compute_indicators(load_crime_cube()).height == 0


def same_table(cube_result: pl.DataFrame, polars_result: pl.DataFrame) -> None:
    """Equal row for row, with NaN read as missing and floats to 1e-9 relative."""
    key = ["kommun", "category", "year"]
    ours = cube_result.fill_nan(None).sort(key)
    theirs = polars_result.fill_nan(None).select(ours.columns).sort(key)
    assert_frame_equal(ours, theirs, check_dtypes=False, rel_tol=1e-9, abs_tol=1e-9)


def test_every_indicator_equals_the_same_formulas_written_in_plain_polars(indicators):
    """An independent check of the cube: window functions over long rows, for all 290."""
    frame, result = indicators
    same_table(result, indicators_in_polars(frame, list(range(2016, 2026))))


def test_plain_polars_agrees_with_the_cube_on_gaps_ties_and_kommuner_without_a_group():
    cube = small_cube(
        count=[[10, 20], [10, 40], [np.nan, 60]],
        population=[[1000, 1000], [1000, 1000], [1000, np.nan]],
        group=[0, 0, -1],
    )
    same_table(compute_indicators(cube), indicators_in_polars(cube.frame()))
