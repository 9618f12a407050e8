"""Every crime indicator for all kommuner at once, computed column-wise with Polars.

The relational database stays the source of truth; `load_crime_frame` reads the observations
once into a columnar frame, and `compute_indicators` derives rates, changes, comparisons with
län, riket and the SKR kommungrupp, ranks, small-number flags and empirical-Bayes rates.
The formulas are the ones in `stats.analysis`, which tests pin against hand-computed values.
"""

from __future__ import annotations

import polars as pl

from forebygg.geo.models import KommunGroupMembership
from forebygg.stats.analysis import PER, SMALL_NUMBER_LIMIT
from forebygg.stats.models import GeoLevel, Indicator, Observation

COUNT_PREFIX = "bra.anmalda."
GROUP_VERSION = 2023


def load_crime_frame() -> pl.DataFrame:
    """kommun, lan, group, category, year, count, population (Brå's base, from the totals)."""
    indicators = {
        indicator.pk: indicator
        for indicator in Indicator.objects.filter(key__startswith=COUNT_PREFIX, counts_crimes=True)
    }
    rows = Observation.objects.filter(
        indicator_id__in=indicators, geo_level=GeoLevel.KOMMUN, period_type="year"
    ).values_list("indicator_id", "geo_code", "year", "value")
    counts, rates = [], []
    for indicator_id, code, year, value in rows:
        indicator = indicators[indicator_id]
        target = rates if indicator.key.endswith(".per100k") else counts
        target.append((code, indicator.category, year, value))
    schema = {"kommun": pl.String, "category": pl.String, "year": pl.Int32}
    count_frame = pl.DataFrame(counts, schema={**schema, "count": pl.Float64}, orient="row")
    rate_frame = pl.DataFrame(rates, schema={**schema, "rate_sol": pl.Float64}, orient="row")
    population = (
        count_frame.join(rate_frame, on=["kommun", "category", "year"])
        .filter(pl.col("category") == "total")
        .select(
            "kommun",
            "year",
            (pl.col("count") * PER / pl.col("rate_sol")).alias("population"),
        )
    )
    groups = pl.DataFrame(
        list(
            KommunGroupMembership.objects.filter(version=GROUP_VERSION).values_list(
                "kommun__code", "group__code"
            )
        ),
        schema={"kommun": pl.String, "group": pl.String},
        orient="row",
    )
    return (
        count_frame.join(population, on=["kommun", "year"], how="left")
        .join(groups, on="kommun", how="left")
        .with_columns(pl.col("kommun").str.slice(0, 2).alias("lan"))
    )


def _pooled(by: list[str], name: str) -> pl.Expr:
    return (pl.col("count").sum().over(by) / pl.col("population").sum().over(by) * PER).alias(name)


def compute_indicators(frame: pl.DataFrame, years: list[int] | None = None) -> pl.DataFrame:
    """One row per kommun × category × year with every derived indicator."""
    frame = frame.lazy().filter(pl.col("population").is_not_null() & pl.col("count").is_not_null())
    if years:  # keep the five years before the first one: the 5-year change needs them
        frame = frame.filter(pl.col("year") >= min(years) - 5)
    frame = frame.with_columns((pl.col("count") / pl.col("population")).alias("raw"))
    by_group = ["group", "category", "year"]
    result = frame.with_columns(
        (pl.col("raw") * PER).alias("rate"),
        _pooled(["lan", "category", "year"], "lan_rate"),
        _pooled(["category", "year"], "riket_rate"),
        _pooled(by_group, "group_rate"),
        (pl.col("raw").rank("min").over(by_group) - 1).cast(pl.Int32).alias("lower_in_group"),
        (pl.len().over(by_group) - 1).cast(pl.Int32).alias("others_in_group"),
        (pl.col("count") < SMALL_NUMBER_LIMIT).alias("small_number"),
    )
    result = _with_empirical_bayes(result, by_group)
    for k in (1, 3, 5):
        earlier = result.select(
            "kommun", "category", (pl.col("year") + k).alias("year"), pl.col("rate").alias("_then")
        )
        result = (
            result.join(earlier, on=["kommun", "category", "year"], how="left")
            .with_columns(((pl.col("rate") / pl.col("_then") - 1) * 100).alias(f"change_{k}"))
            .drop("_then")
        )
    if years:
        result = result.filter(pl.col("year").is_in(years))
    return result.drop("raw").collect()


def _with_empirical_bayes(frame: pl.DataFrame, by: list[str]) -> pl.DataFrame:
    m = pl.col("count").sum().over(by) / pl.col("population").sum().over(by)
    mean_n = pl.col("population").mean().over(by)
    frame = frame.with_columns(m.alias("_m"), mean_n.alias("_mean_n"))
    s2 = (pl.col("population") * (pl.col("raw") - pl.col("_m")) ** 2).sum().over(by) / pl.col(
        "population"
    ).sum().over(by)
    a = pl.max_horizontal(s2 - pl.col("_m") / pl.col("_mean_n"), pl.lit(0.0))
    weight = a / (a + pl.col("_m") / pl.col("population"))
    return frame.with_columns(
        ((weight * pl.col("raw") + (1 - weight) * pl.col("_m")) * PER).alias("eb_rate")
    ).drop("_m", "_mean_n")
