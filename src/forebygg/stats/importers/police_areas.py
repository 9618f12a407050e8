"""Polisens utsatta, riskområden och särskilt utsatta områden → geo.Area rows.

Two formats, told apart by their first character (see docs/importers.md):

- GeoJSON (`polisen_utsatta_omraden_2025.geojson`, EPSG:4326): a FeatureCollection whose
  features have Polygon/MultiPolygon geometry and the properties `name`, `class`
  (utsatt | risk | sarskilt), `kommun_code`, optionally `since` (date), `ort` (Polisen's
  place label), `kommun_method` (how the kommun was assigned) and `list_year`.
- CSV without polygons: `kommun_code,name,class,list_year` (comma or semicolon), optional
  `since` and `ort`. Re-importing an area from CSV keeps any polygon it already has.

The list year comes from `list_year` (property or column), else from the file name
(…_2025.geojson). Each area's code is slug(kommun code + name + list year), e.g.
"0183-hallonbergen-2025", so the same list imported twice changes nothing, and a new year's
list adds new rows beside the old ones. Parsed areas are in preview.extra["areas"];
`write(preview)` stores them. Attribution: "Källa: Polismyndigheten".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.text import slugify

from forebygg.core.domain.imports import (
    ImportFile,
    check_text,
    csv_dict_records,
    csv_records,
    first_line,
)
from forebygg.geo.domain.svg import geometry_to_svg_path
from forebygg.geo.enums import AreaKind
from forebygg.geo.models import Area, Kommun
from forebygg.stats.enums import SourceStatus
from forebygg.stats.importers.base import (
    INVALID_JSON,
    Preview,
    SourceSpec,
    load_json,
    parse_year,
    read_json_text,
    shown,
    too_many_rows,
)
from forebygg.stats.importers.generic import header_error, year_in_file_name
from forebygg.stats.importers.writing import start_batch, upsert_source
from forebygg.stats.models import ImportBatch

KIND = "police-areas"
LABEL = "Polisen: utsatta och särskilt utsatta områden (GeoJSON eller CSV)"
DEFAULT_FILE = "polisen_omraden/polisen_utsatta_omraden_2025.geojson"
CSV_COLUMNS = ["kommun_code", "name", "class", "list_year"]

CLASSES = {
    "utsatt": AreaKind.UTSATT,
    "utsatt område": AreaKind.UTSATT,
    "risk": AreaKind.RISK,
    "riskområde": AreaKind.RISK,
    "riskomrade": AreaKind.RISK,
    "sarskilt": AreaKind.SARSKILT_UTSATT,
    "särskilt": AreaKind.SARSKILT_UTSATT,
    "särskilt utsatt": AreaKind.SARSKILT_UTSATT,
    "särskilt utsatt område": AreaKind.SARSKILT_UTSATT,
}


@dataclass
class ParsedArea:
    code: str
    name: str
    kind: str
    kommun_code: str
    list_year: int
    designated_since: date | None
    police_place_label: str
    kommun_assignment: str
    geometry: dict | None
    svg_path: str


def area_code(kommun_code: str, name: str, list_year: int) -> str:
    return slugify(f"{kommun_code} {name.replace('/', ' ')} {list_year}")[:120]


def source_for(years: list[int]) -> SourceSpec:
    span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
    return SourceSpec(
        key=f"polisen-utsatta-omraden-{span}",
        name=f"Polisens utsatta och särskilt utsatta områden {span.replace('-', '–')}",
        publisher="Polismyndigheten (Utsatta områden – polisens lägesbild)",
        licence="Offentlig publicering från Polismyndigheten; villkor för återanvändning ej "
        "kontrollerade",
        attribution="Källa: Polismyndigheten",
        coverage=f"Områdeslistan {span}; kommuntillhörighet härledd (läge i kommunens gräns)",
        status=SourceStatus.OFFICIAL,
    )


def parse(file: ImportFile, preview: Preview) -> None:
    """The areas are held in memory until they are written: a CSV stops at MAX_ROWS_HELD rows
    and a GeoJSON file at MAX_JSON_BYTES."""
    if not check_text(file, preview):
        return
    file_year, _problem = year_in_file_name(file.name)
    kommuner = set(Kommun.objects.values_list("code", flat=True))
    if file.head(1 << 16).decode("utf-8-sig", errors="replace").lstrip().startswith("{"):
        areas = _parse_geojson(file, file_year, kommuner, preview)
    else:
        areas = _parse_csv(file, file_year, kommuner, preview)
    seen: dict[str, str] = {}
    for area in areas:
        if area.code in seen:
            preview.error(None, f"{area.name!r} ({area.kommun_code}) finns två gånger i filen.")
        seen[area.code] = area.name
    if areas:
        preview.extra["areas"] = areas
        preview.source = source_for(sorted({area.list_year for area in areas}))
    elif not preview.error_count:
        preview.error(None, "Filen innehåller inga områden.")


def _parse_geojson(file: ImportFile, file_year, kommuner: set[str], preview: Preview) -> list:
    text = read_json_text(file, preview)
    if text is None:
        return []
    document = load_json(text, preview)
    del text
    if document is INVALID_JSON:
        return []
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list):
        preview.error(None, "Filen är ingen GeoJSON FeatureCollection (features saknas).")
        return []
    areas = []
    for number, feature in enumerate(features, start=1):
        properties = (feature or {}).get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            preview.error(None, f"Område {number}: properties saknas.")
            continue
        where = f"Område {number} ({properties.get('name') or 'utan namn'})"
        area = _area(properties, file_year, kommuner, where, preview)
        geometry = feature.get("geometry")
        svg = _svg(geometry, where, preview)
        if area is not None and svg is not None:
            # Only what we use is stored: other members may hold NaN or text no database takes.
            area.geometry = {"type": geometry["type"], "coordinates": geometry["coordinates"]}
            area.svg_path = svg
            areas.append(area)
    return areas


def _svg(geometry, where: str, preview: Preview) -> str | None:
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        preview.error(None, f"{where}: geometrin ska vara Polygon eller MultiPolygon.")
        return None
    try:
        path = geometry_to_svg_path(geometry) if _in_degrees(geometry) else ""
    except (KeyError, TypeError, ValueError):
        path = ""
    if not path:
        preview.error(None, f"{where}: geometrin saknar giltiga koordinater.")
        return None
    return path


def _in_degrees(geometry: dict) -> bool:
    """Every position is [longitude, latitude] in degrees; the comparisons also refuse NaN,
    infinity and numbers too large for a float."""

    def position(point) -> bool:
        return (
            isinstance(point, list)
            and len(point) == 2
            and not any(isinstance(number, bool) for number in point)
            and all(isinstance(number, int | float) for number in point)
            and -180 <= point[0] <= 180
            and -90 <= point[1] <= 90
        )

    polygons = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return isinstance(polygons, list) and all(
        isinstance(polygon, list)
        and all(isinstance(ring, list) and all(map(position, ring)) for ring in polygon)
        for polygon in polygons
    )


def _parse_csv(file: ImportFile, file_year, kommuner: set[str], preview: Preview) -> list:
    header_line = first_line(file)
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    records = csv_records(file, preview, delimiter=delimiter)
    if records is None:
        return []
    reader = csv_dict_records(records)
    fields = [field.strip() for field in reader.fieldnames or []]
    if any(column not in fields for column in CSV_COLUMNS):
        header_error(preview, fields, [*CSV_COLUMNS, "(since)", "(ort)"], delimiter)
        records.close()
        return []
    reader.fieldnames = fields
    areas = []
    for record in reader:
        line = reader.line_num
        if too_many_rows(preview, line):
            records.close()
            break
        if not any((value or "").strip() for value in record.values() if isinstance(value, str)):
            continue
        if None in record or any(value is None for value in record.values()):
            preview.error(line, f"raden har fel antal fält (avgränsa med {delimiter!r}).")
            continue
        properties = {key: value.strip() for key, value in record.items()}
        properties.setdefault("kommun_method", "")
        area = _area(properties, file_year, kommuner, f"Rad {line}", preview, csv_line=line)
        if area is not None:
            areas.append(area)
    return areas


def _area(props: dict, file_year, kommuner: set[str], where: str, preview: Preview, csv_line=None):
    def error(message: str) -> None:
        if csv_line:
            preview.error(csv_line, message)
        else:
            preview.error(None, f"{where}: {message}")

    errors_before = preview.error_count
    name = str(props.get("name") or "").strip()
    if not name:
        error("name (områdets namn) saknas.")
    kind = CLASSES.get(str(props.get("class") or props.get("kategori") or "").strip().casefold())
    if kind is None:
        error(
            f"class ska vara utsatt, risk eller sarskilt, inte {shown(props.get('class'))}.",
        )
    kommun = str(props.get("kommun_code") or "").strip()
    if kommun not in kommuner:
        error(f"okänd kommunkod {kommun!r} (fyra siffror, t.ex. 0183).")
    list_year = file_year
    raw_year = str(props.get("list_year") or "").strip()
    if raw_year:
        column = "list_year" if csv_line else f"{where}: list_year"
        list_year = parse_year(raw_year, preview, csv_line, column)
    elif list_year is None:
        error("listans år saknas (kolumnen list_year, eller året i filnamnet).")
    since = None
    raw_since = str(props.get("since") or "").strip()
    if raw_since:
        try:
            since = date.fromisoformat(raw_since)
        except ValueError:
            error(f"since ska vara ett datum som 2025-12-01, inte {raw_since!r}.")
    label = str(props.get("ort") or "").strip()
    method = str(props.get("kommun_method") or "").strip() or "angiven i filen"
    for column, text in (("name", name), ("ort", label), ("kommun_method", method)):
        if not _storable(text):
            error(f"{column} innehåller ett tecken som inte är giltig text (till exempel NUL).")
    if preview.error_count > errors_before or list_year is None:
        return None
    return ParsedArea(
        code=area_code(kommun, name, list_year),
        name=name[:200],
        kind=kind,
        kommun_code=kommun,
        list_year=list_year,
        designated_since=since,
        police_place_label=label[:100],
        kommun_assignment=method[:60],
        geometry=None,
        svg_path="",
    )


def _storable(text: str) -> bool:
    """No NUL (PostgreSQL refuses it) and no half of a surrogate pair (a JSON escape such
    as \\ud800, which cannot be written as UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


# ---------------------------------------------------------------- writing


def write(preview: Preview, *, by=None, kommun=None) -> ImportBatch:
    """Store the parsed areas in one transaction; unchanged areas are left untouched.

    Raises ImportRejected (nothing written) if the preview has errors or no areas.
    `kommun` is accepted for the common writer signature; police lists are national.
    """
    areas: list[ParsedArea] = preview.extra.get("areas") or []
    preview.reject(empty="Filen innehåller inga områden att läsa in.")
    with transaction.atomic():
        source = upsert_source(preview, row_count=len(areas))
        batch = start_batch(preview, source, by=by)
        kommuner = dict(
            Kommun.objects.filter(code__in={a.kommun_code for a in areas}).values_list("code", "pk")
        )
        existing = {a.code: a for a in Area.objects.filter(code__in=[a.code for a in areas])}
        created = updated = 0
        for parsed in areas:
            values = {
                "name": parsed.name,
                "kind": parsed.kind,
                "kommun_id": kommuner[parsed.kommun_code],
                "list_year": parsed.list_year,
                "designated_since": parsed.designated_since,
                "police_place_label": parsed.police_place_label,
                "kommun_assignment": parsed.kommun_assignment,
                "source_id": source.pk,
            }
            if parsed.geometry is not None:
                values |= {"geometry": parsed.geometry, "svg_path": parsed.svg_path}
            area = existing.get(parsed.code)
            if area is None:
                area = Area(code=parsed.code, **values)
                created += 1
            elif any(getattr(area, field) != value for field, value in values.items()):
                for field, value in values.items():
                    setattr(area, field, value)
                updated += 1
            else:
                continue
            area._history_user = by
            area.save()
        batch.rows_created, batch.rows_updated = created, updated
        batch.rows_unchanged = len(areas) - created - updated
        batch.save(update_fields=["rows_created", "rows_updated", "rows_unchanged"])
    return batch
