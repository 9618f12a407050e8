"""SCB population (BE0101, folkmängd 31 december) from PxWeb: CSV and JSON-stat 2.0.

Two kinds in one module (see docs/importers.md):

- `scb-pxweb-csv`: PxWeb's CSV, comma-separated (semicolon and tab are also read), either
  long — `"region","år","Folkmängd"` with rows like `"0680 Jönköping","2024",147000` — or
  wide — `"region","Folkmängd 2023","Folkmängd 2024"` (or just `"2023","2024"`). Other
  columns (ålder, kön …) are allowed only if they hold one value (e.g. "totalt").
- `scb-jsonstat`: a JSON-stat 2.0 dataset (PxWebApi v2 `outputFormat=json-stat2`) with a
  region dimension (role geo, or id Region), a time dimension (role time, or id Tid) and a
  contents dimension (role metric, or id ContentsCode); any other dimension must have one
  category.

Both write `scb.folkmangd` per kommun (län and riket too when present) and year. A missing
value ('..' or null) is simply absent: never zero, never interpolated.
"""

from __future__ import annotations

import math
import re
from types import SimpleNamespace

from forebygg.core.domain.imports import ImportFile, LineList, csv_records, first_line
from forebygg.stats.enums import Direction, SourceStatus, Unit
from forebygg.stats.importers.base import (
    INVALID_JSON,
    IndicatorSpec,
    Preview,
    Row,
    SourceSpec,
    data_records,
    load_json,
    parse_count,
    parse_year,
    read_json_text,
    shown,
)
from forebygg.stats.importers.generic import RegionResolver, header_error, warn_lines

INDICATOR = "scb.folkmangd"
CONTENTS_CODE = "BE0101N1"
MISSING = ("..", ".", "-", "–", "")
MAX_POPULATION = 1e12

SOURCE = SourceSpec(
    key="scb-be0101-folkmangd",
    name="Folkmängd 31 december per region (SCB, BE0101)",
    publisher="Statistiska centralbyrån (SCB), Befolkningsstatistik BE0101",
    licence="CC0 1.0 (SCB:s öppna data)",
    attribution="Källa: SCB",
    coverage="Kommuner (och län/riket när de finns i filen), år enligt filen",
    status=SourceStatus.OFFICIAL,
)


def indicator_specs() -> dict[str, IndicatorSpec]:
    return {
        INDICATOR: IndicatorSpec(
            key=INDICATOR,
            name_sv="Folkmängd 31 december",
            name_en="Population on 31 December",
            unit=Unit.COUNT,
            formula="Folkmängd den 31 december enligt SCB:s befolkningsstatistik (BE0101)",
            direction=Direction.NEUTRAL,
        )
    }


def _describe(preview: Preview) -> None:
    preview.source = SOURCE
    preview.indicators = indicator_specs()


# ---------------------------------------------------------------- PxWeb CSV

CSV_KIND = "scb-pxweb-csv"
REGION_HEADERS = ("region", "kommun")
TIME_HEADERS = ("år", "tid", "year", "period")
_WIDE_YEAR = re.compile(r"^(?:folkmängd\s*)?(\d{4})$")


def parse_csv(file: ImportFile, preview: Preview) -> None:
    _describe(preview)
    header_line = first_line(file)
    delimiter = max(",;\t", key=header_line.count)
    if header_line.count(delimiter) == 0:
        delimiter = ","
    reader = csv_records(file, preview, delimiter=delimiter)
    if reader is None:
        return
    header = [cell.strip() for cell in next(reader, [])]
    layout = _csv_layout(header)
    if layout is None:
        header_error(preview, header, ["region", "år", "Folkmängd"], ",")
        reader.close()
        return
    region_col, time_col, value_cols, other_cols = layout
    regions = RegionResolver()
    constant: dict[int, tuple[str, int]] = {}
    missing = LineList()
    for line, record in data_records(reader, header, preview, "PxWeb-CSV är kommaseparerad"):
        cells = [cell.strip() for cell in record]
        for index in other_cols:
            first = constant.setdefault(index, (cells[index], line))
            if first[0] != cells[index]:
                preview.error(
                    line,
                    f"kolumnen {header[index]!r} har flera värden ({first[0]!r} på rad "
                    f"{first[1]}, {cells[index]!r} här). Välj bara totalen i PxWeb.",
                )
        place = regions.resolve(cells[region_col])
        if place is None:
            preview.error(line, f"okänd region {cells[region_col]!r}.")
        for index, year in value_cols:
            if time_col is not None:
                year = parse_year(cells[time_col], preview, line, header[time_col])
            raw = cells[index]
            if raw in MISSING:
                missing.append(line)
                continue
            value = parse_count(raw, preview, line, header[index])
            if place and year and value is not None:
                preview.add(Row(line, INDICATOR, *place, year, value))
    warn_lines(preview, "Folkmängd saknas ('..') och lämnas tom för rad", missing)
    preview.check_duplicates()


def _csv_layout(header: list[str]):
    """(region column, time column or None, [(value column, year or None)], other columns)."""
    folded = [cell.casefold() for cell in header]
    region = next((i for i, h in enumerate(folded) if h.startswith(REGION_HEADERS)), None)
    if region is None:
        return None
    time = next((i for i, h in enumerate(folded) if h in TIME_HEADERS), None)
    if time is not None:
        values = [(i, None) for i, h in enumerate(folded) if h.startswith("folkmängd")]
        if len(values) != 1:
            return None
    else:
        values = [
            (i, int(match.group(1)))
            for i, h in enumerate(folded)
            if (match := _WIDE_YEAR.match(h)) and 1950 <= int(match.group(1)) <= 2100
        ]
        if not values:
            return None
    used = {region, time, *(i for i, _ in values)}
    others = [i for i in range(len(header)) if i not in used]
    return region, time, values, others


# ---------------------------------------------------------------- JSON-stat 2.0

JSONSTAT_KIND = "scb-jsonstat"


def parse_jsonstat(file: ImportFile, preview: Preview) -> None:
    _describe(preview)
    text = read_json_text(file, preview)
    if text is None:
        return
    dataset = load_json(text, preview)
    del text
    if dataset is INVALID_JSON:
        return
    if not isinstance(dataset, dict) or "dimension" not in dataset or "id" not in dataset:
        preview.error(
            None,
            "Filen är inte ett JSON-stat 2.0-dataset (id, size, dimension och value saknas). "
            "Hämta tabellen med outputFormat=json-stat2.",
        )
        return
    cube = _cube(dataset, preview)
    if cube is None:
        return
    ids, sizes, categories, values, roles = cube
    region_dim, time_dim, contents_dim = roles
    contents = _pick_contents(categories[contents_dim], dataset, contents_dim, preview)
    for dim, size in zip(ids, sizes, strict=True):
        if dim not in roles and size != 1:
            preview.error(
                None,
                f"Dimensionen {dim} har {size} värden; välj bara ett (t.ex. totalt) i PxWeb.",
            )
    if preview.error_count or contents is None:
        return
    regions = RegionResolver()
    places = {code: regions.resolve(code) for code in categories[region_dim]}
    for code, place in places.items():
        if place is None:
            preview.error(None, f"Region {code!r} är ingen känd kommun, län eller riket.")
    years = {}
    for code in categories[time_dim]:
        if re.fullmatch(r"\d{4}", code) and 1950 <= int(code) <= 2100:
            years[code] = int(code)
        else:
            preview.error(None, f"Tid {code!r} är inget år; folkmängd läses per år (2024).")
    if preview.error_count:
        return
    missing = []
    strides = [math.prod(sizes[i + 1 :]) for i in range(len(sizes))]
    for flat, value in _cells(values, math.prod(sizes)):
        position = {dim: (flat // strides[i]) % sizes[i] for i, dim in enumerate(ids)}
        if categories[contents_dim][position[contents_dim]] != contents:
            continue
        region = categories[region_dim][position[region_dim]]
        time = categories[time_dim][position[time_dim]]
        where = f"Värde nr {flat + 1} (region {region}, år {time})"
        if value is None:
            missing.append(f"{region} {time}")
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            preview.error(None, f"{where}: ska vara ett tal, inte {shown(value)}.")
            continue
        if not 0 <= value <= MAX_POPULATION or not float(value).is_integer():
            preview.error(None, f"{where}: folkmängd ska vara ett heltal ≥ 0, inte {value!r}.")
            continue
        row = Row(flat + 1, INDICATOR, *places[region], years[time], float(value))
        preview.add(row)
    warn_lines(preview, "Folkmängd saknas (null) och lämnas tom för", missing)
    preview.check_duplicates()


def _object(value) -> dict:
    """A JSON object, or an empty one for anything else (a list, a number, null)."""
    return value if isinstance(value, dict) else {}


def _category(dimension: dict, dim: str) -> dict:
    return _object(_object(dimension.get(dim)).get("category"))


def _count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _cube(dataset: dict, preview: Preview):
    ids, sizes, dimension = dataset.get("id"), dataset.get("size"), dataset.get("dimension")
    if (
        not isinstance(ids, list)
        or not isinstance(sizes, list)
        or len(ids) != len(sizes)
        or not isinstance(dimension, dict)
    ):
        preview.error(None, "JSON-stat: id och size ska vara listor av samma längd.")
        return None
    if not all(isinstance(dim, str) for dim in ids) or not all(map(_count, sizes)):
        preview.error(None, "JSON-stat: id ska vara dimensionernas namn och size heltal ≥ 0.")
        return None
    categories: dict[str, list[str]] = {}
    for dim, size in zip(ids, sizes, strict=True):
        category = _category(dimension, dim)
        index = category.get("index")
        if isinstance(index, dict) and all(map(_count, index.values())):
            codes = [code for code, _pos in sorted(index.items(), key=lambda item: item[1])]
        elif isinstance(index, list):
            codes = list(index)
        else:
            labels = category.get("label")
            codes = list(labels) if isinstance(labels, dict) else []
        if not all(isinstance(code, str) for code in codes):
            preview.error(None, f"JSON-stat: koderna i dimensionen {dim} ska vara text.")
            return None
        if len(codes) != size:
            preview.error(
                None, f"JSON-stat: dimensionen {dim} har {len(codes)} koder, size {size}."
            )
            return None
        categories[dim] = codes
    roles = _roles(dataset, ids, preview)
    if roles is None:
        return None
    values = dataset.get("value")
    if not isinstance(values, list | dict):
        preview.error(None, "JSON-stat: value saknas.")
        return None
    if isinstance(values, list) and len(values) != math.prod(sizes):
        preview.error(
            None, f"JSON-stat: value har {len(values)} värden men size ger {math.prod(sizes)}."
        )
        return None
    return ids, sizes, categories, values, roles


def _roles(dataset: dict, ids: list[str], preview: Preview):
    role = _object(dataset.get("role"))

    def find(role_name: str, names: tuple[str, ...]) -> str | None:
        dims = role.get(role_name)
        listed = [dim for dim in dims if dim in ids] if isinstance(dims, list) else []
        if listed:
            return listed[0]
        return next((dim for dim in ids if dim.casefold() in names), None)

    region = find("geo", ("region", "kommun"))
    time = find("time", ("tid", "år", "year", "time"))
    contents = find("metric", ("contentscode", "tabellinnehåll"))
    missing = [
        name
        for name, dim in (("region", region), ("tid", time), ("tabellinnehåll", contents))
        if dim is None
    ]
    if missing:
        preview.error(None, f"JSON-stat: dimensionerna {', '.join(missing)} saknas.")
        return None
    return region, time, contents


def _pick_contents(codes: list[str], dataset: dict, dim: str, preview: Preview) -> str | None:
    if len(codes) == 1:
        return codes[0]
    if CONTENTS_CODE in codes:
        return CONTENTS_CODE
    labels = _object(_category(dataset["dimension"], dim).get("label"))
    matches = [code for code in codes if "folkmängd" in str(labels.get(code, "")).casefold()]
    if len(matches) == 1:
        return matches[0]
    preview.error(None, f"JSON-stat: tabellinnehållet har {len(codes)} mått; välj bara Folkmängd.")
    return None


def _cells(values, total: int):
    if isinstance(values, list):
        yield from enumerate(values)
        return
    for key, value in values.items():
        if str(key).isdecimal() and int(key) < total:
            yield int(key), value


# Two importer "modules" for the registry: each has KIND, LABEL and parse().
PXWEB_CSV = SimpleNamespace(
    KIND=CSV_KIND,
    LABEL="SCB: folkmängd per region och år (PxWeb CSV)",
    parse=parse_csv,
)
JSONSTAT = SimpleNamespace(
    KIND=JSONSTAT_KIND,
    LABEL="SCB: folkmängd per region och år (PxWeb JSON-stat 2.0)",
    parse=parse_jsonstat,
)
