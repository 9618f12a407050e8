"""Pure analysis functions. No database, no Django: numbers in, numbers and flags out.

Every rate says which population year it used; nothing is interpolated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

PER = 100_000
# Below this many cases a rate moves a lot from chance alone (relative error above about 22 %).
SMALL_NUMBER_LIMIT = 20
# Counts from 1 to this minus one are never shown as numbers (docs/data.md).
DEFAULT_SUPPRESSION_THRESHOLD = 10


@dataclass(frozen=True)
class Rate:
    value: float | None
    count: float | None
    population: float | None
    year: int
    population_year: int | None
    note: str = ""

    @property
    def small_number(self) -> bool:
        return is_small_number(self.count)


def rate_per_100k(
    count: float | None,
    year: int,
    populations: Mapping[int, float],
    *,
    allow_other_year: bool = False,
) -> Rate:
    """count / population × 100 000 for `year`; with `allow_other_year`, the nearest earlier
    (else later) year is used and the note says so. Never a silent substitute."""
    if count is None:
        return Rate(None, None, None, year, None, f"Antal saknas för {year}.")
    if year in populations and populations[year]:
        population = populations[year]
        return Rate(count / population * PER, count, population, year, year)
    if not allow_other_year or not populations:
        return Rate(None, count, None, year, None, f"Folkmängd saknas för {year}.")
    earlier = [y for y in populations if y < year and populations[y]]
    later = [y for y in populations if y > year and populations[y]]
    other = max(earlier) if earlier else min(later) if later else None
    if other is None:
        return Rate(None, count, None, year, None, f"Folkmängd saknas för {year}.")
    population = populations[other]
    note = f"Folkmängd från {other} används eftersom uppgift för {year} saknas."
    return Rate(count / population * PER, count, population, year, other, note)


def implied_population(count: float | None, rate: float | None) -> float | None:
    """The population Brå used for a published rate: count × 100 000 / rate."""
    if not count or not rate:
        return None
    return count * PER / rate


def pooled_rate(
    counts: Iterable[float | None], populations: Iterable[float | None]
) -> float | None:
    """Σ count / Σ population × 100 000 over the places that have both (län, riket, a group)."""
    total_count = total_population = 0.0
    for count, population in zip(counts, populations, strict=True):
        if count is None or not population:
            continue
        total_count += count
        total_population += population
    return total_count / total_population * PER if total_population else None


def percent_change(series: Mapping[int, float | None], year: int, years_back: int) -> float | None:
    """Change in per cent from `year - years_back` to `year`; None when either end is missing."""
    now, before = series.get(year), series.get(year - years_back)
    if now is None or before is None or before == 0:
        return None
    return (now / before - 1) * 100


def changes(series: Mapping[int, float | None], year: int) -> dict[int, float | None]:
    return {years: percent_change(series, year, years) for years in (1, 3, 5)}


@dataclass(frozen=True)
class Rank:
    lower: int
    total: int

    def sentence(self) -> str:
        return f"{self.lower} av {self.total} liknande kommuner har lägre nivå"


def rank_among(value: float | None, others: Sequence[float | None]) -> Rank | None:
    """How many of the other (similar) kommuner have a strictly lower value."""
    if value is None:
        return None
    known = [other for other in others if other is not None]
    return Rank(lower=sum(1 for other in known if other < value), total=len(known))


def is_small_number(count: float | None) -> bool:
    return count is not None and count < SMALL_NUMBER_LIMIT


def suppress_count(
    count: float | None, threshold: int = DEFAULT_SUPPRESSION_THRESHOLD
) -> float | None:
    """None (shown as 'färre än N') for 1…threshold-1; zero and larger counts pass through."""
    if count is None or count == 0 or count >= threshold:
        return count
    return None


@dataclass(frozen=True)
class Shrinkage:
    """Marshall's global empirical-Bayes parameters of one group of places.

    `mean` is the group's pooled rate m (per inhabitant) and `spread` the between-place
    variance A left after removing the chance (Poisson) variance.
    """

    mean: float
    spread: float

    def weight(self, population: float) -> float:
        """How much of a place's own rate is kept: A / (A + m / n)."""
        denominator = self.spread + self.mean / population
        return self.spread / denominator if denominator else 0.0

    def smooth(self, count: float, population: float) -> float:
        """The place's rate pulled towards the group's, per 100 000."""
        weight = self.weight(population)
        return (weight * (count / population) + (1 - weight) * self.mean) * PER


def shrinkage(
    counts: Sequence[float | None], populations: Sequence[float | None]
) -> Shrinkage | None:
    """The empirical-Bayes parameters over the places that have both a count and a population."""
    pairs = [(c, n) for c, n in zip(counts, populations, strict=True) if c is not None and n]
    if not pairs:
        return None
    total_n = sum(n for _, n in pairs)
    m = sum(c for c, _ in pairs) / total_n
    mean_n = total_n / len(pairs)
    s2 = sum(n * (c / n - m) ** 2 for c, n in pairs) / total_n
    return Shrinkage(mean=m, spread=max(s2 - m / mean_n, 0.0))


def empirical_bayes_rates(
    counts: Sequence[float], populations: Sequence[float]
) -> list[float | None]:
    """Marshall's global empirical-Bayes estimate per 100 000.

    Each place's rate is pulled towards the group's pooled rate, more strongly the smaller its
    population: weight = A / (A + m / n_i), where m is the pooled rate, n_i the population and
    A the between-place variance left after removing the chance (Poisson) variance.
    """
    parameters = shrinkage(counts, populations)
    if parameters is None:
        return [None for _ in counts]
    return [
        parameters.smooth(count, population) if population else None
        for count, population in zip(counts, populations, strict=True)
    ]


@dataclass(frozen=True)
class Deviation:
    """A kommun's level against similar kommuner: its smoothed rate over the group's rate."""

    count: float
    rate: float  # the kommun's own rate per 100 000, not smoothed
    smoothed_rate: float  # empirical-Bayes rate within the group, per 100 000
    group_rate: float  # Σ count / Σ population of the group (the kommun included), per 100 000
    members: int  # kommuner of the group with data

    @property
    def percent(self) -> float:
        """(smoothed rate / group rate − 1) × 100: above the group when positive."""
        return (self.smoothed_rate / self.group_rate - 1) * 100

    @property
    def small_number(self) -> bool:
        return is_small_number(self.count)


DEVIATION_FORMULA = (
    "Avvikelse = (kommunens utjämnade nivå / nivån i liknande kommuner − 1) × 100. "
    "Nivå = anmälda brott per 100 000 invånare. Liknande kommuner = SKR:s kommungrupp; "
    "gruppens nivå = summan av antalen delad med summan av folkmängderna, kommunen medräknad. "
    "Utjämnad nivå = empirisk Bayes-skattning (Marshall) inom gruppen."
)


def deviation_from_similar(
    count: float | None,
    population: float | None,
    *,
    group_counts: Sequence[float | None],
    group_populations: Sequence[float | None],
) -> Deviation | None:
    """How far a kommun's smoothed rate lies above (or below) its similar kommuner' rate.

    `group_counts` and `group_populations` hold every member of the group, the kommun itself
    included. The kommun's rate is smoothed first (empirical Bayes within the group), so that a
    small kommun's chance swings are not read as a deviation. None when a figure is missing.
    """
    parameters = shrinkage(group_counts, group_populations)
    if count is None or not population or parameters is None or not parameters.mean:
        return None
    members = sum(
        1 for c, n in zip(group_counts, group_populations, strict=True) if c is not None and n
    )
    return Deviation(
        count=count,
        rate=count / population * PER,
        smoothed_rate=parameters.smooth(count, population),
        group_rate=parameters.mean * PER,
        members=members,
    )


EB_EXPLANATION = (
    "Det utjämnade värdet drar små kommuners tal mot genomsnittet för liknande kommuner, "
    "mer ju färre invånare kommunen har, så att slumpens svängningar inte ser ut som förändringar."
)
