"""A kommun's headline indicators: reported crime, its rate beside the län and riket, the trend.

Read from the same derived table the county and national overviews show (`national`), with the
source and year of the observation it rests on, so a number never stands without its origin.
"""

from __future__ import annotations

from dataclasses import dataclass

from forebygg.stats.enums import GeoLevel
from forebygg.stats.models import DataSource, Observation
from forebygg.stats.national import COUNT_PREFIX, latest_levels

TOTAL = f"{COUNT_PREFIX}total"


@dataclass(frozen=True)
class Headline:
    year: int
    count: float | None
    rate: float | None
    lan_rate: float | None
    riket_rate: float | None
    change_3: float | None
    source: DataSource | None


def headline_for(kommun) -> Headline | None:
    """None while no crime statistics are imported for the kommun."""
    year, levels = latest_levels("total")
    row = levels.get(kommun.code)
    if year is None or row is None:
        return None
    observation = (
        Observation.objects.filter(
            indicator__key=TOTAL, geo_level=GeoLevel.KOMMUN, geo_code=kommun.code, year=year
        )
        .select_related("source")
        .first()
    )
    return Headline(
        year=year,
        count=row.get("count"),
        rate=row.get("rate"),
        lan_rate=row.get("lan_rate"),
        riket_rate=row.get("riket_rate"),
        change_3=row.get("change_3"),
        source=observation.source if observation else None,
    )
