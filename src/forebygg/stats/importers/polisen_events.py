"""Polisen's published event notices ("händelser") per kommun, month and event type.

NOT crime statistics: these are counts of the short notices Polismyndigheten publishes on
polisen.se (traffic accidents, fires, some crimes …), aggregated from an archive of the
events API (see PROVENANCE §5). Each event type becomes one indicator
`polisen.handelser.<slug>` with unit "publicerade händelser", counts_crimes=False and a
name ending in "(publicerade polishändelser)".

File: `year_month,municipality_code,event_type,location_basis,events` (comma-separated).
The count is summed over location_basis. The companion file with `county_code` instead of
`municipality_code` is read the same way into län observations.

Partial months (the archive's start 2022-09 … 2023-03 and its end 2026-08) are left out
with a warning, not stored as preliminary: a partial month would look like a real drop.
"""

from __future__ import annotations

import re
from dataclasses import replace

from forebygg.core.domain.imports import ImportFile, csv_dict_records, csv_records
from forebygg.geo.domain.names import resolve_kommun
from forebygg.stats.enums import Direction, GeoLevel, PeriodType, SourceStatus, Unit
from forebygg.stats.importers.base import (
    IndicatorSpec,
    Preview,
    Row,
    SourceSpec,
    parse_count,
    too_many_rows,
)
from forebygg.stats.importers.generic import RegionResolver, header_error, slug

KIND = "polisen-events"
LABEL = "Polisen: publicerade händelser per kommun och månad (inte brottsstatistik)"
DEFAULT_FILE = "polisen_handelser/polisen_events_kommun_month.csv"
COLUMNS = ["year_month", "municipality_code", "event_type", "location_basis", "events"]
LOCATION_BASES = {"api_location", "title_suffix"}
# Months the archive covers only in part (PROVENANCE §5): never a trend point.
PARTIAL_MONTHS = frozenset(
    [(2022, month) for month in range(9, 13)]
    + [(2023, month) for month in range(1, 4)]
    + [(2026, 8)]
)

SOURCE = SourceSpec(
    key="polisen-handelser-manad",
    name="Publicerade polishändelser per kommun och månad (inte brottsstatistik)",
    publisher=(
        "Polismyndigheten (polisen.se, händelser), arkiverat av dnouri/polisen-se-events-history"
    ),
    licence="Offentlig information från Polismyndigheten (PSI-lagen 2010:566)",
    attribution="Källa: Polismyndigheten (publicerade händelser), via polisen-se-events-history",
    coverage="Kommuner, hela månader 2023-04 – 2026-07, alla händelsetyper i filen",
    status=SourceStatus.DERIVED,
)


def indicator_key(event_type: str) -> str:
    return f"polisen.handelser.{slug(event_type, 80)}"


def indicator_spec(event_type: str) -> IndicatorSpec:
    return IndicatorSpec(
        key=indicator_key(event_type),
        name_sv=f"{event_type} (publicerade polishändelser)"[:200],
        name_en=f"{event_type} (published police events)"[:200],
        unit=Unit.EVENTS,
        formula=(
            "Antal händelsenotiser av typen som Polisen publicerat på polisen.se under månaden. "
            "INTE brottsstatistik: urvalet är selektivt och varierar mellan regioner och över tid."
        ),
        direction=Direction.NEUTRAL,
        counts_crimes=False,
    )


def parse(file: ImportFile, preview: Preview) -> None:
    """The counts are summed over location_basis before the rows exist, so the file is held
    in memory: it stops at MAX_ROWS_HELD rows."""
    preview.source = SOURCE
    records = csv_records(file, preview)
    if records is None:
        return
    reader = csv_dict_records(records)
    fields = reader.fieldnames or []
    place_column = "county_code" if "county_code" in fields else "municipality_code"
    expected = [place_column if c == "municipality_code" else c for c in COLUMNS]
    if place_column == "county_code":
        expected.remove("location_basis")
    if any(column not in fields for column in expected):
        header_error(preview, list(fields), expected, ",")
        records.close()
        return
    regions = None
    if place_column == "county_code":
        regions = RegionResolver()
        preview.source = replace(
            SOURCE,
            key=f"{SOURCE.key}-lan",
            name="Publicerade polishändelser med bara länsangivelse, per månad",
            coverage="Län (händelser utan kommun), hela månader 2023-04 – 2026-07",
        )
    totals: dict[tuple, list] = {}
    seen: dict[tuple, int] = {}
    partial: dict[str, int] = {}
    keys: dict[str, str] = {}
    for record in reader:
        line = reader.line_num
        if too_many_rows(preview, line):
            records.close()
            break
        values = {column: (record.get(column) or "").strip() for column in expected}
        period = _month(values["year_month"], preview, line)
        place = _place(values[place_column], regions, preview, line)
        event_type = values["event_type"]
        if not event_type:
            preview.error(line, "event_type saknas.")
        elif keys.setdefault(indicator_key(event_type), event_type) != event_type:
            other = keys[indicator_key(event_type)]
            preview.error(line, f"händelsetyperna {event_type!r} och {other!r} ger samma nyckel.")
        basis = values.get("location_basis", "")
        if "location_basis" in values and basis not in LOCATION_BASES:
            preview.error(
                line, f"location_basis ska vara api_location eller title_suffix, inte {basis!r}."
            )
        count = parse_count(values["events"], preview, line, "events")
        if values["events"] == "":
            preview.error(line, "events saknas.")
        if period is None or place is None or not event_type or count is None:
            continue
        first = seen.setdefault((period, place, event_type, basis), line)
        if first != line:
            preview.error(line, f"dubblett av rad {first} (samma månad, plats, typ och grund).")
            continue
        if period in PARTIAL_MONTHS:
            label = f"{period[0]}-{period[1]:02d}"
            partial[label] = partial.get(label, 0) + 1
            continue
        total = totals.setdefault((period, place, event_type), [line, 0.0])
        total[1] += count
    for (period, place, event_type), (line, count) in totals.items():
        key = indicator_key(event_type)
        if key not in preview.indicators and not preview.add_indicator(indicator_spec(event_type)):
            continue
        preview.add(
            Row(
                line,
                key,
                *place,
                period[0],
                count,
                period_type=PeriodType.MONTH,
                period_number=period[1],
            )
        )
    for label, rows in sorted(partial.items()):
        preview.warn(
            None,
            f"{label}: {rows} rader hoppades över – månaden täcks bara delvis av arkivet "
            "(PROVENANCE §5) och skulle se ut som en verklig nedgång.",
        )


def _month(raw: str, preview: Preview, line: int) -> tuple[int, int] | None:
    match = re.fullmatch(r"(\d{4})-(\d{2})", raw)
    if not match or not 1 <= int(match.group(2)) <= 12 or not 1950 <= int(match.group(1)) <= 2100:
        preview.error(line, f"year_month ska vara en månad som 2024-03, inte {raw!r}.")
        return None
    return int(match.group(1)), int(match.group(2))


def _place(raw: str, regions, preview: Preview, line: int) -> tuple[str, str] | None:
    if regions is None:
        code = resolve_kommun(raw) if re.fullmatch(r"\d{4}", raw) else None
        if code is None:
            preview.error(line, f"okänd kommunkod {raw!r} (fyra siffror, t.ex. 0180).")
            return None
        return GeoLevel.KOMMUN, code
    place = regions.resolve(raw) if re.fullmatch(r"\d{2}", raw) else None
    if place is None or place[0] != GeoLevel.LAN:
        preview.error(line, f"okänd länskod {raw!r} (två siffror, t.ex. 01).")
        return None
    return place
