"""Load the reference data (län, kommuner, boundaries, kommungrupper, population).

The import contract of `core.domain.imports`, for a directory of files: `read_reference_data`
validates every file completely (through the one CSV reader) and collects every problem, each
with its file and line; only when there are none does `import_reference_data` write, in one
transaction, and only the rows that changed (so running it twice changes nothing).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from forebygg.core.domain.csvfiles import parse_int, read_csv_rows
from forebygg.core.domain.imports import ImportFile, ImportPreview, ImportRejected
from forebygg.geo.domain.svg import geometry_to_svg_path
from forebygg.geo.models import Kommun, KommunGroup, KommunGroupMembership, Lan, Population
from forebygg.stats.models import DataSource
from forebygg.stats.reference_sources import (
    ALL_SOURCES,
    BOUNDARIES,
    KOMMUNER_LAN,
    POPULATION_SOURCE_BY_ID,
    SKR_SOURCE_BY_VERSION,
    ReferenceSource,
)

EXPECTED_LAN = 21
EXPECTED_KOMMUNER = 290
LAN_CODE = re.compile(r"^\d{2}$")
KOMMUN_CODE = re.compile(r"^\d{4}$")
GROUP_CODE = re.compile(r"^[ABC][1-9]$")

Progress = Callable[[str], None]


class ReferenceDataError(ImportRejected):
    """The data directory is missing or a file is invalid; nothing was written."""

    @property
    def problems(self) -> list[str]:
        return self.preview.errors


def _refused(problems: list[str]) -> ReferenceDataError:
    preview = ImportPreview()
    for problem in problems:
        preview.error(None, problem)
    return ReferenceDataError(preview)


@dataclass
class ReferenceData:
    lan: dict[str, dict] = field(default_factory=dict)
    kommuner: dict[str, dict] = field(default_factory=dict)
    groups: dict[tuple[int, str], dict] = field(default_factory=dict)
    group_of: dict[tuple[str, int], str] = field(default_factory=dict)
    populations: dict[tuple[str, int], dict] = field(default_factory=dict)
    checksums: dict[str, str] = field(default_factory=dict)
    row_counts: Counter = field(default_factory=Counter)


@dataclass
class ImportSummary:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        names = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        return [
            f"{name}: {self.created[name]} nya, {self.updated[name]} ändrade, "
            f"{self.unchanged[name]} oförändrade"
            for name in names
        ]


# ---------------------------------------------------------------- reading


def check_data_dir(data_dir: Path) -> None:
    if not data_dir.is_dir():
        raise _refused(
            [
                f"Datakatalogen {data_dir} finns inte.",
                "Förebygg läser offentliga data från en katalog utanför kodförrådet. "
                "Lägg datan i ../shared/data bredvid kodförrådet, eller ange sökvägen med "
                "miljövariabeln FOREBYGG_DATA_DIR (se docs/data.md).",
            ]
        )
    missing = [
        name for source in ALL_SOURCES for name in source.files if not (data_dir / name).is_file()
    ]
    if missing:
        raise _refused(
            [f"Filen {name} saknas i datakatalogen {data_dir}." for name in sorted(set(missing))]
            + ["Kontrollera att datakatalogen är komplett (se dess PROVENANCE.md)."]
        )


def read_reference_data(data_dir: Path) -> ReferenceData:
    check_data_dir(data_dir)
    data = ReferenceData()
    problems = ImportPreview()
    _read_lan(data_dir, data, problems)
    _read_kommuner(data_dir, data, problems)
    if problems.ok:
        _read_boundaries(data_dir, "geo/lan.geojson", "county_code", data.lan, data, problems)
        _read_boundaries(
            data_dir, "geo/kommuner.geojson", "municipality_code", data.kommuner, data, problems
        )
        _read_groups(data_dir, data, problems)
        _read_populations(data_dir, data, problems)
    if not problems.ok:
        raise ReferenceDataError(problems)
    for source in ALL_SOURCES:
        for name in source.files:
            data.checksums[name] = ImportFile.of(data_dir / name).checksum
    return data


def _read_lan(data_dir: Path, data: ReferenceData, problems: ImportPreview) -> None:
    label = "geo/counties.csv"
    rows = read_csv_rows(
        data_dir / label, label, ["county_code", "county_name", "county_name_short"], problems
    )
    for line, row in rows:
        code = row["county_code"]
        if not LAN_CODE.match(code or ""):
            problems.error(line, f"länskoden {code!r} ska vara två siffror.", file=label)
        elif code in data.lan:
            problems.error(line, f"länskoden {code} förekommer två gånger.", file=label)
        elif not row["county_name"]:
            problems.error(line, "länets namn saknas.", file=label)
        else:
            data.lan[code] = {
                "name": row["county_name"],
                "short_name": row["county_name_short"] or row["county_name"],
            }
    if rows and problems.ok and len(data.lan) != EXPECTED_LAN:
        problems.error(None, f"{len(data.lan)} län hittades, {EXPECTED_LAN} väntades.", file=label)
    data.row_counts[KOMMUNER_LAN.key] += len(rows)


def _read_kommuner(data_dir: Path, data: ReferenceData, problems: ImportPreview) -> None:
    label = "geo/municipalities.csv"
    columns = ["municipality_code", "municipality_name", "municipality_name_short", "county_code"]
    rows = read_csv_rows(data_dir / label, label, columns, problems)
    for line, row in rows:
        code, lan_code = row["municipality_code"], row["county_code"]
        if not KOMMUN_CODE.match(code or ""):
            problems.error(line, f"kommunkoden {code!r} ska vara fyra siffror.", file=label)
        elif code in data.kommuner:
            problems.error(line, f"kommunkoden {code} förekommer två gånger.", file=label)
        elif lan_code not in data.lan:
            problems.error(line, f"länskoden {lan_code!r} finns inte i länslistan.", file=label)
        elif not code.startswith(lan_code):
            problems.error(
                line, f"kommunkoden {code} börjar inte med länskoden {lan_code}.", file=label
            )
        elif not row["municipality_name_short"]:
            problems.error(line, "kommunens namn saknas.", file=label)
        else:
            data.kommuner[code] = {
                "name": row["municipality_name"] or row["municipality_name_short"],
                "short_name": row["municipality_name_short"],
                "lan_code": lan_code,
            }
    if rows and problems.ok and len(data.kommuner) != EXPECTED_KOMMUNER:
        problems.error(
            None,
            f"{len(data.kommuner)} kommuner hittades, {EXPECTED_KOMMUNER} väntades.",
            file=label,
        )
    data.row_counts[KOMMUNER_LAN.key] += len(rows)


def _read_boundaries(
    data_dir: Path,
    label: str,
    code_property: str,
    places: dict[str, dict],
    data: ReferenceData,
    problems: ImportPreview,
) -> None:
    try:
        collection = json.loads((data_dir / label).read_text(encoding="utf-8"))
        features = collection["features"]
    except (ValueError, KeyError, TypeError):
        problems.error(None, "filen är inte en giltig GeoJSON FeatureCollection.", file=label)
        return
    seen = set()
    for number, feature in enumerate(features, start=1):
        code = (feature.get("properties") or {}).get(code_property)
        geometry = feature.get("geometry") or {}
        if code not in places:
            problems.error(None, f"{label} objekt {number}: okänd kod {code!r} i {code_property}.")
            continue
        try:
            svg_path = geometry_to_svg_path(geometry)
        except (KeyError, TypeError, ValueError):
            problems.error(None, f"{label} objekt {number} ({code}): geometrin är inte en polygon.")
            continue
        places[code]["geometry"] = geometry
        places[code]["svg_path"] = svg_path
        seen.add(code)
    missing = sorted(set(places) - seen)
    if missing:
        problems.error(None, f"gräns saknas för {', '.join(missing[:10])}.", file=label)
    data.row_counts[BOUNDARIES.key] += len(features)


def _read_groups(data_dir: Path, data: ReferenceData, problems: ImportPreview) -> None:
    label = "kommungrupper/skr_kommungrupp.csv"
    columns = [
        "version",
        "municipality_code",
        "group_code",
        "group_name",
        "main_group_code",
        "main_group_name",
    ]
    for line, row in read_csv_rows(data_dir / label, label, columns, problems):
        version = parse_int(row["version"], problems, file=label, line=line, column="version")
        code, group_code = row["municipality_code"], row["group_code"]
        if version is None:
            continue
        if version not in SKR_SOURCE_BY_VERSION:
            problems.error(line, f"okänd version {version}.", file=label)
        elif code not in data.kommuner:
            problems.error(line, f"okänd kommunkod {code!r}.", file=label)
        elif not GROUP_CODE.match(group_code or ""):
            problems.error(line, f"kommungruppen {group_code!r} är ogiltig.", file=label)
        elif (code, version) in data.group_of:
            problems.error(line, f"{code} har redan en grupp i version {version}.", file=label)
        else:
            data.group_of[(code, version)] = group_code
            data.groups[(version, group_code)] = {
                "name": row["group_name"],
                "main_group_code": row["main_group_code"],
                "main_group_name": row["main_group_name"],
            }
            data.row_counts[SKR_SOURCE_BY_VERSION[version].key] += 1
    for version in SKR_SOURCE_BY_VERSION:
        covered = {code for code, v in data.group_of if v == version}
        if problems.ok and covered != set(data.kommuner):
            problems.error(
                None,
                f"version {version} saknar kommungrupp för "
                f"{len(set(data.kommuner) - covered)} kommuner.",
                file=label,
            )


def _read_populations(data_dir: Path, data: ReferenceData, problems: ImportPreview) -> None:
    label = "population/population_kommun.csv"
    columns = ["municipality_code", "year", "population", "women", "men", "source_id"]
    for line, row in read_csv_rows(data_dir / label, label, columns, problems):
        code, source_id = row["municipality_code"], row["source_id"]
        year = parse_int(row["year"], problems, file=label, line=line, column="year")
        total = parse_int(row["population"], problems, file=label, line=line, column="population")
        women = _optional_int(row, "women", label, line, problems)
        men = _optional_int(row, "men", label, line, problems)
        if code not in data.kommuner:
            problems.error(line, f"okänd kommunkod {code!r}.", file=label)
        elif source_id not in POPULATION_SOURCE_BY_ID:
            problems.error(line, f"okänd källa {source_id!r}.", file=label)
        elif year is not None and (code, year) in data.populations:
            problems.error(line, f"{code} har redan en folkmängd för {year}.", file=label)
        elif year is not None and total is not None:
            data.populations[(code, year)] = {
                "population": total,
                "women": women,
                "men": men,
                "source_key": POPULATION_SOURCE_BY_ID[source_id].key,
            }
            data.row_counts[POPULATION_SOURCE_BY_ID[source_id].key] += 1


def _optional_int(row, column, label, line, problems) -> int | None:
    if row[column] in ("", None):
        return None
    return parse_int(row[column], problems, file=label, line=line, column=column)


# ---------------------------------------------------------------- writing


def import_reference_data(data_dir: Path, *, progress: Progress | None = None) -> ImportSummary:
    """Validate everything, then write atomically. Raises ReferenceDataError before any write."""
    say = progress or (lambda message: None)
    say(f"Läser och kontrollerar referensdata i {data_dir} …")
    data = read_reference_data(data_dir)
    summary = ImportSummary()
    with transaction.atomic():
        say("Skriver datakällor …")
        sources = _sync_sources(data, summary)
        say("Skriver län och kommuner …")
        lan = _sync(Lan, "code", _lan_rows(data), summary)
        kommuner = _sync(Kommun, "code", _kommun_rows(data, lan), summary)
        say("Skriver kommungrupper …")
        groups = _sync(KommunGroup, ("version", "code"), _group_rows(data, sources), summary)
        _sync(
            KommunGroupMembership,
            ("kommun_id", "version"),
            _membership_rows(data, kommuner, groups),
            summary,
        )
        say("Skriver folkmängd …")
        _sync(Population, ("kommun_id", "year"), _population_rows(data, kommuner, sources), summary)
    return summary


def _lan_rows(data: ReferenceData) -> dict:
    return {
        code: {
            "code": code,
            "name": row["name"],
            "short_name": row["short_name"],
            "geometry": row["geometry"],
            "svg_path": row["svg_path"],
        }
        for code, row in data.lan.items()
    }


def _kommun_rows(data: ReferenceData, lan: dict) -> dict:
    return {
        code: {
            "code": code,
            "name": row["name"],
            "short_name": row["short_name"],
            "lan_id": lan[row["lan_code"]].pk,
            "geometry": row["geometry"],
            "svg_path": row["svg_path"],
        }
        for code, row in data.kommuner.items()
    }


def _group_rows(data: ReferenceData, sources: dict) -> dict:
    return {
        (version, code): {
            "version": version,
            "code": code,
            **row,
            "source_id": sources[SKR_SOURCE_BY_VERSION[version].key].pk,
        }
        for (version, code), row in data.groups.items()
    }


def _membership_rows(data: ReferenceData, kommuner: dict, groups: dict) -> dict:
    rows = {}
    for (code, version), group_code in data.group_of.items():
        kommun_id = kommuner[code].pk
        rows[(kommun_id, version)] = {
            "kommun_id": kommun_id,
            "version": version,
            "group_id": groups[(version, group_code)].pk,
        }
    return rows


def _population_rows(data: ReferenceData, kommuner: dict, sources: dict) -> dict:
    rows = {}
    for (code, year), row in data.populations.items():
        kommun_id = kommuner[code].pk
        rows[(kommun_id, year)] = {
            "kommun_id": kommun_id,
            "year": year,
            "population": row["population"],
            "women": row["women"],
            "men": row["men"],
            "source_id": sources[row["source_key"]].pk,
        }
    return rows


def _sync_sources(data: ReferenceData, summary: ImportSummary) -> dict:
    rows = {source.key: _source_row(source, data) for source in ALL_SOURCES}
    return _sync(DataSource, "key", rows, summary, touch={"imported_at": timezone.now()})


def _source_row(source: ReferenceSource, data: ReferenceData) -> dict:
    return {
        "key": source.key,
        "name": source.name,
        "publisher": source.publisher,
        "licence": source.licence,
        "attribution": source.attribution,
        "file": ", ".join(source.files),
        "retrieved": source.retrieved,
        "coverage": source.coverage,
        "status": str(source.status),
        "checksum": _combined_checksum(source, data),
        "row_count": data.row_counts[source.key],
    }


def _combined_checksum(source: ReferenceSource, data: ReferenceData) -> str:
    if len(source.files) == 1:
        return data.checksums[source.files[0]]
    joined = "".join(data.checksums[name] for name in source.files)
    return hashlib.sha256(joined.encode()).hexdigest()


def _sync(model, key, desired: dict, summary: ImportSummary, touch: dict | None = None) -> dict:
    """Make the table match `desired` (by key); write only rows that differ. Returns key → obj."""
    keys = (key,) if isinstance(key, str) else key
    existing = _by_identity(model, keys)
    to_create, to_update, changed_fields = [], [], set()
    for identity, values in desired.items():
        obj = existing.get(identity)
        if obj is None:
            to_create.append(model(**values, **(touch or {})))
            continue
        differing = {name for name, value in values.items() if getattr(obj, name) != value}
        if differing:
            for name in differing | set(touch or {}):
                setattr(obj, name, values.get(name, (touch or {}).get(name)))
            changed_fields |= differing | set(touch or {})
            to_update.append(obj)
    name = model._meta.verbose_name_plural
    if to_create:
        bulk_create_with_history(to_create, model, batch_size=500)
    if to_update:
        for obj in to_update:
            obj.updated_at = timezone.now()
        bulk_update_with_history(
            to_update, model, sorted(changed_fields | {"updated_at"}), batch_size=500
        )
    summary.created[name] += len(to_create)
    summary.updated[name] += len(to_update)
    summary.unchanged[name] += len(desired) - len(to_create) - len(to_update)
    return _by_identity(model, keys) if to_create else existing


def _by_identity(model, keys: tuple[str, ...]) -> dict:
    def identity(obj):
        values = tuple(getattr(obj, k) for k in keys)
        return values if len(keys) > 1 else values[0]

    return {identity(obj): obj for obj in model.objects.all()}
