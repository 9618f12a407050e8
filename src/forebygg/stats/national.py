"""Every crime indicator for all kommuner at once, on a dense kommun × category × year cube.

The relational database stays the source of truth. `load_crime_cube` reads the observations
once into NumPy arrays (the crime statistics are dense: every kommun has every category every
year, missing cells are NaN), and `compute_indicators` derives rates, changes, comparisons
with län, riket and the SKR kommungrupp, ranks, small-number flags and empirical-Bayes rates
with whole-array operations. The formulas are the ones in `stats.analysis`, which tests pin
against hand-computed values; `tests/stats/test_national.py` checks that both agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl
from django.db import connection

from forebygg.geo.models import KommunGroupMembership
from forebygg.stats.analysis import PER, SMALL_NUMBER_LIMIT
from forebygg.stats.enums import GeoLevel
from forebygg.stats.models import ImportBatch, Indicator, Observation

COUNT_PREFIX = "bra.anmalda."
RATE_SUFFIX = ".per100k"
GROUP_VERSION = 2023
CHANGE_SPANS = (1, 3, 5)


@dataclass(frozen=True)
class CrimeCube:
    """Brå's reported crimes per kommun × category × year, with Brå's population base."""

    kommuner: list[str]
    categories: list[str]
    years: np.ndarray  # consecutive years, axis 2 of `count`
    count: np.ndarray  # (kommun, category, year), NaN where missing
    population: np.ndarray  # (kommun, year), NaN where missing
    lan: np.ndarray  # index into `lan_codes` per kommun
    lan_codes: list[str]
    group: np.ndarray  # index into `group_codes` per kommun, -1 without a group
    group_codes: list[str]

    def frame(self) -> pl.DataFrame:
        """The cube as rows: kommun, lan, group, category, year, count, population."""
        k, c, y = np.nonzero(~np.isnan(self.count))
        return pl.DataFrame(
            [
                *_rows(self, k, c, y),
                pl.Series("count", self.count[k, c, y]),
                pl.Series("population", self.population[k, y], nan_to_null=True),
            ]
        )


def _crime_indicators() -> dict[int, tuple[str, bool]]:
    """Indicator id → (category, is_rate) for Brå's yearly crime counts.

    Of the published rates only the total is read: Brå's population base is derived from it.
    """
    return {
        pk: (category, key.endswith(RATE_SUFFIX))
        for pk, key, category in Indicator.objects.filter(
            key__startswith=COUNT_PREFIX, counts_crimes=True
        ).values_list("pk", "key", "category")
        if not key.endswith(RATE_SUFFIX) or category == "total"
    }


def _observation_columns(indicator_ids) -> tuple[np.ndarray, ...]:
    """indicator id, kommun code, year and value of each observation, as four columns."""
    if not indicator_ids:
        return tuple(np.array([]) for _ in range(4))
    query = Observation.objects.filter(
        indicator_id__in=indicator_ids, geo_level=GeoLevel.KOMMUN, period_type="year"
    ).values_list("indicator_id", "geo_code", "year", "value")
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:  # plain cursor: 50 000 rows without model overhead
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not rows:
        return tuple(np.array([]) for _ in range(4))
    ids, codes, years, values = zip(*rows, strict=True)
    return np.array(ids), np.array(codes), np.array(years), np.array(values, dtype=float)


def load_crime_cube() -> CrimeCube:
    indicators = _crime_indicators()
    ids, codes, observed_years, values = _observation_columns(list(indicators))
    kommuner, k = np.unique(codes, return_inverse=True)
    kommuner = [str(code) for code in kommuner]
    categories = sorted({category for category, _ in indicators.values()})
    category_of = {pk: categories.index(category) for pk, (category, _) in indicators.items()}
    indicator_ids = np.array(sorted(indicators), dtype=int)
    positions = np.searchsorted(indicator_ids, ids).astype(int)
    c = np.array([category_of[pk] for pk in indicator_ids], dtype=int)[positions]
    is_rate = np.array([indicators[pk][1] for pk in indicator_ids], dtype=bool)[positions]
    first = int(observed_years.min()) if len(ids) else 0
    years = np.arange(first, int(observed_years.max()) + 1 if len(ids) else 0)
    y = observed_years.astype(int) - first
    count = np.full((len(kommuner), len(categories), len(years)), np.nan)
    rate = np.full_like(count, np.nan)
    rate[k[is_rate], c[is_rate], y[is_rate]] = values[is_rate]
    count[k[~is_rate], c[~is_rate], y[~is_rate]] = values[~is_rate]
    population = np.full((len(kommuner), len(years)), np.nan)
    if "total" in categories:
        total = categories.index("total")
        with np.errstate(divide="ignore", invalid="ignore"):
            population = count[:, total, :] * PER / rate[:, total, :]
        population[~np.isfinite(population)] = np.nan
    lan_codes = sorted({code[:2] for code in kommuner})
    memberships = dict(
        KommunGroupMembership.objects.filter(version=GROUP_VERSION).values_list(
            "kommun__code", "group__code"
        )
    )
    group_codes = sorted(set(memberships.values()))
    return CrimeCube(
        kommuner=kommuner,
        categories=categories,
        years=years,
        count=count,
        population=population,
        lan=np.array([lan_codes.index(code[:2]) for code in kommuner], dtype=int),
        lan_codes=lan_codes,
        group=np.array(
            [group_codes.index(memberships[c]) if c in memberships else -1 for c in kommuner],
            dtype=int,
        ),
        group_codes=group_codes,
    )


_cache: dict[str, object] = {}


def indicator_table() -> pl.DataFrame:
    """All derived indicators, recomputed in this process only when a new import has landed."""
    version = ImportBatch.objects.order_by("-pk").values_list("pk", flat=True).first()
    if "table" not in _cache or _cache.get("version") != version:
        _cache["table"] = compute_indicators(load_crime_cube())
        _cache["version"] = version
    return _cache["table"]


def forget_cached_indicators() -> None:
    _cache.clear()


def latest_levels(category: str = "total") -> tuple[int | None, dict[str, dict]]:
    """The latest year with data, and per kommun code that year's row of `indicator_table`."""
    table = indicator_table().filter(pl.col("category") == category)
    if table.height == 0:
        return None, {}
    year = int(table["year"].max())
    rows = table.filter(pl.col("year") == year).fill_nan(None).to_dicts()
    return year, {row["kommun"]: row for row in rows}


def load_crime_frame() -> pl.DataFrame:
    """kommun, lan, group, category, year, count, population (Brå's base, from the totals)."""
    return load_crime_cube().frame()


def compute_indicators(cube: CrimeCube, years: list[int] | None = None) -> pl.DataFrame:
    """One row per kommun × category × year with every derived indicator."""
    history, shown = _year_windows(cube.years, years)
    with np.errstate(divide="ignore", invalid="ignore"):
        rates = cube.count[:, :, history] / cube.population[:, None, history] * PER
        changes = {f"change_{span}": _change(rates, span) for span in CHANGE_SPANS}
        shown_in_history = slice(shown.start - history.start, shown.stop - history.start)
        columns = _level_columns(cube, shown, rates[:, :, shown_in_history])
    keep = ~np.isnan(columns["rate"])
    if years:
        keep &= np.isin(cube.years[shown], years)[None, None, :]
    cells = np.flatnonzero(keep)
    k, c, y = np.unravel_index(cells, keep.shape)
    values = {
        **columns,
        **{name: change[:, :, shown_in_history] for name, change in changes.items()},
    }
    return pl.DataFrame(
        [
            *_rows(cube, k, c, y + shown.start),
            *(_column(name, np.ascontiguousarray(a).ravel()[cells]) for name, a in values.items()),
        ]
    )


def _column(name: str, values: np.ndarray) -> pl.Series:
    if name in ("lower_in_group", "others_in_group"):
        return pl.Series(name, values, nan_to_null=True).cast(pl.Int32)
    if name == "small_number":
        return pl.Series(name, values < SMALL_NUMBER_LIMIT)
    return pl.Series(name, values, nan_to_null=True)


def _level_columns(cube: CrimeCube, shown: slice, rate: np.ndarray) -> dict[str, np.ndarray]:
    """Levels in the shown years: own, län, riket and group rates, rank and smoothed rate."""
    count = cube.count[:, :, shown]
    population = np.broadcast_to(cube.population[:, None, shown], count.shape)
    valid = ~np.isnan(rate)
    count0, population0 = np.where(valid, count, 0.0), np.where(valid, population, 0.0)
    raw = rate / PER
    has_group = (cube.group >= 0)[:, None, None]
    group = np.where(cube.group >= 0, cube.group, 0)
    groups = len(cube.group_codes)
    group_count, group_population = (
        _sum_by(group, groups, count0),
        _sum_by(group, groups, population0),
    )
    group_size = _sum_by(group, groups, valid.astype(float))
    eb_rate = _empirical_bayes(
        raw, population0, valid, group, group_count, group_population, group_size
    )
    return {
        "count": count,
        "population": population,
        "rate": rate,
        "lan_rate": _pooled(cube.lan, len(cube.lan_codes), count0, population0),
        "riket_rate": np.broadcast_to(
            count0.sum(axis=0) / population0.sum(axis=0) * PER, count.shape
        ),
        "group_rate": np.where(has_group, (group_count / group_population * PER)[group], np.nan),
        "lower_in_group": _lower_in_group(raw, valid & has_group, group),
        "others_in_group": np.where(has_group, group_size[group] - 1, np.nan),
        "small_number": count,
        "eb_rate": np.where(has_group, eb_rate, np.nan),
    }


def _year_windows(all_years: np.ndarray, years: list[int] | None) -> tuple[slice, slice]:
    """The years shown, and those plus the five before them that the changes compare with."""
    if not years or not len(all_years):
        return slice(0, len(all_years)), slice(0, len(all_years))
    stop = int(np.searchsorted(all_years, max(years), side="right"))
    first_shown = int(np.searchsorted(all_years, min(years)))
    first_needed = int(np.searchsorted(all_years, min(years) - max(CHANGE_SPANS)))
    return slice(first_needed, stop), slice(first_shown, stop)


def _rows(cube: CrimeCube, k: np.ndarray, c: np.ndarray, y: np.ndarray) -> list[pl.Series]:
    """The identifying columns of the cells (k, c, y): kommun, category, year, län, group."""
    group_codes = [*cube.group_codes, None]  # kommuner without a group read the trailing None
    return [
        pl.Series("kommun", cube.kommuner, dtype=pl.String).gather(k),
        pl.Series("category", cube.categories, dtype=pl.String).gather(c),
        pl.Series("year", cube.years[y], dtype=pl.Int32),
        pl.Series("lan", cube.lan_codes, dtype=pl.String).gather(cube.lan[k]),
        pl.Series("group", group_codes, dtype=pl.String).gather(
            np.where(cube.group[k] < 0, len(cube.group_codes), cube.group[k])
        ),
    ]


def _sum_by(index: np.ndarray, size: int, values: np.ndarray) -> np.ndarray:
    """Sum the kommun axis of `values` into `size` buckets, kommun i going to index[i]."""
    one_hot = np.zeros((size, len(index)))
    one_hot[index, np.arange(len(index))] = 1.0
    flat = values.reshape(len(index), int(np.prod(values.shape[1:])))
    return (one_hot @ flat).reshape(size, *values.shape[1:])


def _pooled(index: np.ndarray, size: int, count: np.ndarray, population: np.ndarray):
    """Per kommun: the summed count over the summed population of its bucket, per 100 000."""
    return (_sum_by(index, size, count) / _sum_by(index, size, population) * PER)[index]


def _empirical_bayes(raw, population, valid, group, group_count, group_population, group_size):
    """The formula of `analysis.empirical_bayes_rates`, for every group, category and year."""
    mean = group_count / group_population
    mean_population = group_population / group_size
    deviation = np.where(valid, population * (raw - mean[group]) ** 2, 0.0)
    variance = _sum_by(group, len(group_count), deviation) / group_population
    spread = np.maximum(variance - mean / mean_population, 0.0)[group]
    weight = spread / (spread + mean[group] / population)
    return (weight * raw + (1 - weight) * mean[group]) * PER


def _change(rate: np.ndarray, span: int) -> np.ndarray:
    """Per cent change against the same kommun and category `span` years earlier."""
    change = np.full_like(rate, np.nan)
    change[:, :, span:] = (rate[:, :, span:] / rate[:, :, :-span] - 1) * 100
    return change


def _lower_in_group(raw: np.ndarray, ranked: np.ndarray, group: np.ndarray) -> np.ndarray:
    """How many kommuner in the same group, category and year have a strictly lower value."""
    result = np.full(raw.shape, np.nan)
    for member in _members_by_group(group, ranked.any(axis=(1, 2))):
        values = np.where(ranked[member], raw[member], np.inf)
        lower = (values[None, :] < values[:, None]).sum(axis=1)
        result[member] = np.where(ranked[member], lower, np.nan)
    return result


def _members_by_group(group: np.ndarray, present: np.ndarray) -> list[np.ndarray]:
    return [np.flatnonzero((group == g) & present) for g in np.unique(group[present])]
