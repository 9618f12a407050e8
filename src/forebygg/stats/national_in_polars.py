"""The national crime indicators written as plain Polars window functions over long rows.

`stats.national` computes the same columns on a dense NumPy cube, which is about ten times
faster. This formulation is kept because it is easy to read against `stats.analysis`: the
tests use it as an independent check of the cube, and `bench/lagesbild.py` uses it as the
like-for-like baseline for the national computation.
"""

from __future__ import annotations

import polars as pl

from forebygg.stats.analysis import PER, SMALL_NUMBER_LIMIT
from forebygg.stats.national import CHANGE_SPANS

COMPARED = ["category", "year"]


def indicators_in_polars(rows: pl.DataFrame, years: list[int] | None = None) -> pl.DataFrame:
    """`rows` as from `CrimeCube.frame()`; one row per kommun × category × year shown."""
    group = ["group", *COMPARED]
    in_group = pl.col("group").is_not_null()
    raw = pl.col("count") / pl.col("population")
    group_mean = pl.col("count").sum().over(group) / pl.col("population").sum().over(group)
    frame = rows.lazy().filter(raw.is_not_nan() & raw.is_not_null()).with_columns(rate=raw * PER)
    for span in CHANGE_SPANS:
        frame = _with_change(frame, span)
    frame = frame.with_columns(
        lan_rate=_pooled_rate(["lan", *COMPARED]),
        riket_rate=_pooled_rate(COMPARED),
        group_rate=pl.when(in_group).then(group_mean * PER),
        lower_in_group=pl.when(in_group).then(
            pl.col("rate").rank("min").over(group).cast(pl.Int32) - 1
        ),
        others_in_group=pl.when(in_group).then(pl.len().over(group).cast(pl.Int32) - 1),
        small_number=pl.col("count") < SMALL_NUMBER_LIMIT,
        eb_rate=pl.when(in_group).then(_empirical_bayes(raw, group_mean, group)),
    )
    if years:
        frame = frame.filter(pl.col("year").is_in(years))
    return frame.collect()


def _pooled_rate(by: list[str]) -> pl.Expr:
    return pl.col("count").sum().over(by) / pl.col("population").sum().over(by) * PER


def _with_change(frame: pl.LazyFrame, span: int) -> pl.LazyFrame:
    """Per cent change against the same kommun and category `span` years earlier."""
    earlier = frame.select(
        "kommun", "category", pl.col("year") + span, pl.col("rate").alias("earlier")
    )
    change = (pl.col("rate") / pl.col("earlier") - 1) * 100
    return (
        frame.join(earlier, on=["kommun", "category", "year"], how="left")
        .with_columns(change.alias(f"change_{span}"))
        .drop("earlier")
    )


def _empirical_bayes(raw: pl.Expr, mean: pl.Expr, group: list[str]) -> pl.Expr:
    """The formula of `analysis.empirical_bayes_rates`."""
    group_population = pl.col("population").sum().over(group)
    mean_population = group_population / pl.len().over(group)
    variance = (pl.col("population") * (raw - mean) ** 2).sum().over(group) / group_population
    spread = (variance - mean / mean_population).clip(lower_bound=0)
    weight = spread / (spread + mean / pl.col("population"))
    return (weight * raw + (1 - weight) * mean) * PER
