"""A kommun's crime figures, each with its source, period and formula.

`deviation_from_similar` and `change_in_rate` read the derived indicators of `stats.national`
for one kommun and crime category; the deviation is computed by `analysis.deviation_from_similar`,
the one place where a kommun is compared with its similar kommuner (with smoothing). The
prioritisation matrix and the analysis of the lägesbild both call these.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

import polars as pl

from forebygg.geo.models import KommunGroup
from forebygg.stats import analysis
from forebygg.stats.enums import GeoLevel, PeriodType
from forebygg.stats.importers.bra_kommun import count_key
from forebygg.stats.models import Observation
from forebygg.stats.national import GROUP_VERSION, indicator_table

CHANGE_YEARS = 3
CHANGE_FORMULA = (
    "Förändring = (antal per 100 000 invånare sista året / antal per 100 000 invånare "
    "{years} år tidigare − 1) × 100. Antal per 100 000 = anmälda brott / folkmängd × 100 000."
)


@dataclass(frozen=True)
class SimilarComparison:
    """`analysis.Deviation` for one kommun, category and year, with the group and the source."""

    deviation: analysis.Deviation
    year: int
    group_code: str
    group_name: str
    source: str
    formula: str = analysis.DEVIATION_FORMULA

    @property
    def period(self) -> str:
        return str(self.year)


@dataclass(frozen=True)
class RateChange:
    """The change of a kommun's rate over `years` years, from the same table."""

    percent: float
    rate: float
    earlier_rate: float
    count: float
    year: int
    years: int
    source: str

    @property
    def period(self) -> str:
        return f"{self.year - self.years}–{self.year}"

    @property
    def formula(self) -> str:
        return CHANGE_FORMULA.format(years=self.years)

    @property
    def small_number(self) -> bool:
        return analysis.is_small_number(self.count)


def _rows(kommun_code: str, category: str) -> pl.DataFrame:
    table = indicator_table()
    if table.height == 0:
        return table
    return table.filter((pl.col("kommun") == kommun_code) & (pl.col("category") == category))


def _latest(kommun_code: str, category: str, year: int | None) -> dict | None:
    rows = _rows(kommun_code, category)
    if rows.height == 0:
        return None
    year = year if year is not None else int(rows["year"].max())
    found = rows.filter(pl.col("year") == year).to_dicts()
    return found[0] if found else None


def crime_source(kommun_code: str, category: str, year: int) -> str:
    """The attribution of the source that holds the kommun's count for the category and year."""
    observation = (
        Observation.objects.filter(
            indicator__key=count_key(category),
            geo_level=GeoLevel.KOMMUN,
            geo_code=kommun_code,
            year=year,
        )
        .select_related("source")
        .first()
    )
    return observation.source.attribution if observation else ""


def deviation_from_similar(
    kommun_code: str, category: str, *, year: int | None = None
) -> SimilarComparison | None:
    """The kommun's smoothed level against its SKR kommungrupp, in the latest year (or `year`)."""
    own = _latest(kommun_code, category, year)
    if own is None or own["group"] is None:
        return None
    group = indicator_table().filter(
        (pl.col("group") == own["group"])
        & (pl.col("category") == category)
        & (pl.col("year") == own["year"])
    )
    deviation = analysis.deviation_from_similar(
        own["count"],
        own["population"],
        group_counts=group["count"].to_list(),
        group_populations=group["population"].to_list(),
    )
    if deviation is None:
        return None
    group_name = (
        KommunGroup.objects.filter(version=GROUP_VERSION, code=own["group"])
        .values_list("name", flat=True)
        .first()
    )
    return SimilarComparison(
        deviation=deviation,
        year=own["year"],
        group_code=own["group"],
        group_name=group_name or own["group"],
        source=crime_source(kommun_code, category, own["year"]),
    )


def change_in_rate(
    kommun_code: str, category: str, *, years: int = CHANGE_YEARS
) -> RateChange | None:
    """The change of the kommun's rate over `years` years up to the latest year with data."""
    own = _latest(kommun_code, category, None)
    if own is None:
        return None
    earlier = _latest(kommun_code, category, own["year"] - years)
    if earlier is None or not earlier["rate"]:
        return None
    return RateChange(
        percent=(own["rate"] / earlier["rate"] - 1) * 100,
        rate=own["rate"],
        earlier_rate=earlier["rate"],
        count=own["count"],
        year=own["year"],
        years=years,
        source=crime_source(kommun_code, category, own["year"]),
    )


@dataclass(frozen=True)
class LatestValue:
    """The newest published value of an indicator for a kommun, never interpolated."""

    value: float
    period: str  # "2025", "2025 kv2", "2025-03", with "(preliminärt)" when it is
    ends_on: date  # the last day of the period: a baseline's date
    source: str


def latest_value(indicator_id: int, kommun_code: str) -> LatestValue | None:
    observation = (
        Observation.objects.filter(
            indicator_id=indicator_id,
            geo_level=GeoLevel.KOMMUN,
            geo_code=kommun_code,
            value__isnull=False,
            suppressed=False,
        )
        .select_related("source")
        .order_by("-year", "-period_number")
        .first()
    )
    if observation is None:
        return None
    return LatestValue(
        value=observation.value,
        period=_period_label(observation),
        ends_on=_period_end(observation),
        source=observation.source.attribution,
    )


def _period_label(observation: Observation) -> str:
    period = str(observation.year)
    if observation.period_type == PeriodType.MONTH:
        period = f"{observation.year}-{observation.period_number:02d}"
    elif observation.period_type == PeriodType.QUARTER:
        period = f"{observation.year} kv{observation.period_number}"
    if observation.preliminary:
        period += " (preliminärt)"
    return period


def _period_end(observation: Observation) -> date:
    month = 12
    if observation.period_type == PeriodType.MONTH:
        month = observation.period_number
    elif observation.period_type == PeriodType.QUARTER:
        month = observation.period_number * 3
    return date(observation.year, month, calendar.monthrange(observation.year, month)[1])
