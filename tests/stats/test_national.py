"""The national, column-wise computation agrees with the pure functions on real data."""

import polars as pl
import pytest
from django.core.management import call_command

from forebygg.stats.analysis import empirical_bayes_rates, implied_population, pooled_rate
from forebygg.stats.national import compute_indicators, load_crime_frame


@pytest.fixture(scope="module")
def indicators(django_db_blocker, django_db_setup):
    with django_db_blocker.unblock():
        call_command("import_statistics", verbosity=0)
        frame = load_crime_frame()
    return frame, compute_indicators(frame, list(range(2016, 2026)))


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
