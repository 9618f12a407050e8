"""The one deviation-from-similar-kommuner computation, against a hand-computed example."""

import pytest

from forebygg.stats.analysis import deviation_from_similar
from forebygg.stats.figures import deviation_from_similar as kommun_deviation
from forebygg.stats.national import latest_levels

# Three kommuner of one group: 60 crimes in 10 000 inhabitants, 50 in 20 000, 10 in 10 000.
COUNTS = [60, 50, 10]
POPULATIONS = [10_000, 20_000, 10_000]


def test_the_smoothed_rate_is_compared_with_the_groups_pooled_rate():
    # Pooled rate m = 120 / 40 000 = 0.003 (300 per 100 000). Mean population 40 000 / 3.
    # s² = (10 000 × 0.003² + 20 000 × 0.0005² + 10 000 × 0.002²) / 40 000 = 3.375e-6;
    # A = s² − m / mean population = 3.375e-6 − 2.25e-7 = 3.15e-6.
    # Weight for the first kommun = A / (A + m / 10 000) = 3.15 / 3.45 = 21/23.
    # Smoothed = (21/23 × 0.006 + 2/23 × 0.003) × 100 000 = 13 200 / 23 ≈ 573.9.
    # Deviation = (13 200 / 23 / 300 − 1) × 100 = 2 100 / 23 ≈ 91.3 %.
    deviation = deviation_from_similar(
        60, 10_000, group_counts=COUNTS, group_populations=POPULATIONS
    )
    assert deviation.rate == pytest.approx(600)
    assert deviation.group_rate == pytest.approx(300)
    assert deviation.smoothed_rate == pytest.approx(13_200 / 23)
    assert deviation.percent == pytest.approx(2_100 / 23)
    assert deviation.members == 3


def test_a_group_without_spread_pulls_every_kommun_to_its_rate():
    # 30/10 000, 50/20 000, 20/10 000: the spread is smaller than chance alone, so A = 0.
    deviation = deviation_from_similar(
        30, 10_000, group_counts=[30, 50, 20], group_populations=POPULATIONS
    )
    assert deviation.smoothed_rate == pytest.approx(250)
    assert deviation.percent == pytest.approx(0)


def test_missing_figures_give_no_deviation():
    assert (
        deviation_from_similar(None, 10_000, group_counts=COUNTS, group_populations=POPULATIONS)
        is None
    )
    assert (
        deviation_from_similar(60, None, group_counts=COUNTS, group_populations=POPULATIONS) is None
    )
    assert deviation_from_similar(60, 10_000, group_counts=[], group_populations=[]) is None


@pytest.mark.django_db
def test_a_kommun_is_compared_with_its_kommungrupp_as_the_national_table_smooths_it(
    crime_statistics,
):
    year, levels = latest_levels("person")
    jonkoping = levels["0680"]
    comparison = kommun_deviation("0680", "person")
    assert comparison.year == year
    assert comparison.group_code == jonkoping["group"]
    assert comparison.deviation.smoothed_rate == pytest.approx(jonkoping["eb_rate"])
    assert comparison.deviation.group_rate == pytest.approx(jonkoping["group_rate"])
    assert comparison.deviation.members == jonkoping["others_in_group"] + 1
    assert comparison.source == "Källa: Brå (SOL), via am-dashboard-se"
