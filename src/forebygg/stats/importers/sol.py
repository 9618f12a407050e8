"""Brå's statistics database SOL, exported as tab-separated text.

Layout (one header row, tab-separated, UTF-8 with or without BOM; see docs/importers.md):

    Region  Brottskategori                      Period   Antal  Per 100 000 inv.
    0680    Samtliga brott                      2024     15012  10402
    0680      Brott mot person (3-7 kap. BrB)   2024     2701   1871
    0680        Misshandel inkl. grov           2024     801    555

- Region: kommun name or code ("Jönköping", "0680", "0680 Jönköping"), län
  ("Jönköpings län", "06") or "Hela landet".
- Brottskategori: Brå's category name. The hierarchy comes from, in this order, an optional
  column "Överordnad kategori" (the parent's name), an optional column "Nivå" (1 = top), or
  the category's indentation (leading spaces, as SOL shows it). Rows must then be in SOL's
  order (a parent before its children).
- Period: a year ("2024"), a month ("2024M03", "2024-03") or a quarter ("2024K1").
- Antal and Per 100 000 inv.: numbers; ".." means missing (skipped with a warning).

Known category names map to the bra-kommun keys (total, person, theft, burglary, vandalism),
so the two sources share indicators. Any other category gets a key derived from its name
under its parent ("person.misshandel-inkl-grov"), with the parent recorded.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from forebygg.core.domain.imports import ImportFile, LineList, csv_records
from forebygg.stats.enums import Direction, SourceStatus, Unit
from forebygg.stats.importers import bra_kommun
from forebygg.stats.importers.base import (
    IndicatorSpec,
    Preview,
    Row,
    SourceSpec,
    data_records,
    parse_count,
    parse_number,
    too_many_rows,
)
from forebygg.stats.importers.generic import (
    RegionResolver,
    header_error,
    parse_period,
    slug,
    warn_lines,
)

KIND = "bra-sol"
LABEL = "Brå: SOL-export (tabbseparerad; region × brottskategori × period)"

HEADER_ALIASES = {
    "region": "region",
    "kommun": "region",
    "brottskategori": "category",
    "brott": "category",
    "kategori": "category",
    "period": "period",
    "år": "period",
    "månad": "period",
    "antal": "count",
    "per 100 000 inv.": "rate",
    "per 100 000 inv": "rate",
    "per 100 000 invånare": "rate",
    "per 100 000": "rate",
    "nivå": "level",
    "överordnad kategori": "parent",
    "överordnad": "parent",
}
REQUIRED = ["region", "category", "period", "count", "rate"]
SHOWN = {
    "region": "Region",
    "category": "Brottskategori",
    "period": "Period",
    "count": "Antal",
    "rate": "Per 100 000 inv.",
}
MISSING = ("..", ".", "-", "–")

# Brå's category names (as SOL and its reports write them) → bra-kommun category keys.
KNOWN_CATEGORIES = {
    "samtliga brott": "total",
    "samtliga anmälda brott": "total",
    "totalt antal brott": "total",
    "totalt antal anmälda brott": "total",
    "brott mot person (3-7 kap. brb)": "person",
    "brott mot person, 3-7 kap. brb": "person",
    "3-7 kap. brott mot person": "person",
    "stöld, rån m.m. (8 kap. brb)": "theft",
    "stöld-, rån- och tillgreppsbrott (8 kap. brb)": "theft",
    "8 kap. stöld, rån m.m.": "theft",
    "stöld genom inbrott i bostad": "burglary",
    "inbrott i bostad": "burglary",
    "bostadsinbrott": "burglary",
    "skadegörelsebrott (12 kap. brb)": "vandalism",
    "12 kap. skadegörelsebrott": "vandalism",
}
MAX_CATEGORY = 100 - len("bra.anmalda..per100k")


def normalise_category(name: str) -> str:
    text = unicodedata.normalize("NFC", name).casefold().strip()
    text = re.sub(r"[\s\u00a0]+", " ", text)
    return text.replace("–", "-").replace("—", "-")


@dataclass
class _Record:
    line: int
    region: str
    category: str
    period: str
    count: str
    rate: str


def parse(file: ImportFile, preview: Preview) -> None:
    """SOL's hierarchy needs every category before the first key: the rows are held in
    memory, so a SOL file stops at MAX_ROWS_HELD rows."""
    reader = csv_records(file, preview, delimiter="\t")
    if reader is None:
        return
    header = next(reader, None)
    if not header:
        preview.error(None, "Filen är tom.")
        return
    columns = [HEADER_ALIASES.get(normalise_category(cell), "") for cell in header]
    if any(column not in columns for column in REQUIRED):
        expected = [*SHOWN.values(), "(Nivå)", "(Överordnad kategori)"]
        header_error(preview, header, expected, "\t")
        reader.close()
        return
    records, parent_of = _read_hierarchy(reader, header, columns, preview)
    keys, parents = _category_keys(parent_of, preview)
    regions = RegionResolver()
    missing = LineList()
    places: set[tuple[str, str]] = set()
    for record in records:
        _parse_record(record, keys, parents, regions, preview, missing, places)
    warn_lines(preview, "Värden som saknas ('..') hoppades över på rad", missing)
    preview.check_duplicates()
    _describe_source(preview, file.name, places)


def _read_hierarchy(reader, header, columns, preview: Preview):
    """Every data row, and each category's parent (by name) from column, level or indent."""
    records: list[_Record] = []
    parent_of: dict[str, tuple[str | None, int]] = {}
    stack: list[tuple[int, str]] = []
    hint = "fälten ska vara avgränsade med tabb"
    for line, raw in data_records(reader, header, preview, hint):
        if too_many_rows(preview, line):
            reader.close()
            break
        cells = dict(zip(columns, raw, strict=True))
        name = cells["category"].strip()
        if not name:
            preview.error(line, "Brottskategori saknas.")
            continue
        parent = _parent(cells, name, line, stack, preview)
        if parent is False:
            continue
        known = parent_of.setdefault(name, (parent, line))
        if known[0] != parent:
            preview.error(
                line,
                f"kategorin {name!r} har en annan överordnad kategori ({parent or 'ingen'}) "
                f"än på rad {known[1]} ({known[0] or 'ingen'}).",
            )
            continue
        records.append(
            _Record(
                line,
                cells["region"].strip(),
                name,
                cells["period"].strip(),
                cells["count"].strip(),
                cells["rate"].strip(),
            )
        )
    return records, {name: parent for name, (parent, _line) in parent_of.items()}


def _parent(cells: dict, name: str, line: int, stack: list, preview: Preview):
    """The parent's name, None at the top, or False after reporting an error."""
    explicit = cells.get("parent", "").strip()
    if "parent" in cells and explicit:
        return explicit
    if "parent" in cells:
        return None
    if "level" in cells:
        raw = cells["level"].strip()
        if not raw.isdecimal():
            preview.error(line, f"Nivå ska vara ett heltal (1 = översta nivån), inte {raw!r}.")
            return False
        depth = int(raw)
    else:
        raw_name = cells["category"]
        depth = len(raw_name) - len(raw_name.lstrip(" \u00a0"))
    while stack and stack[-1][0] >= depth:
        stack.pop()
    parent = stack[-1][1] if stack else None
    stack.append((depth, name))
    return parent


def _category_keys(parent_of: dict[str, str | None], preview: Preview):
    """Category name → key, and category name → its parent's key ('' at the top)."""
    keys: dict[str, str] = {}
    parents: dict[str, str] = {}
    names_of_key: dict[str, str] = {}

    def key_of(name: str, seen: tuple[str, ...] = ()) -> str:
        if name in keys:
            return keys[name]
        known = KNOWN_CATEGORIES.get(normalise_category(name))
        if known:
            keys[name] = known
            return known
        parent = parent_of.get(name)
        if parent in seen or parent == name:
            preview.error(None, f"Kategorin {name!r} är sin egen överordnade kategori.")
            parent = None
        parent_key = key_of(parent, (*seen, name)) if parent else ""
        parents[name] = parent_key
        own = slug(name, 60) or "kategori"
        key = own if parent_key in ("", "total") else f"{parent_key}.{own}"
        if len(key) > MAX_CATEGORY:
            digest = hashlib.sha256(key.encode()).hexdigest()[:8]
            key = f"{key[: MAX_CATEGORY - 9]}-{digest}"
        if key in bra_kommun.CATEGORIES or names_of_key.get(key, name) != name:
            other = names_of_key.get(key, key)
            preview.error(None, f"Kategorierna {name!r} och {other!r} ger samma nyckel {key!r}.")
        names_of_key[key] = name
        keys[name] = key
        return key

    for name in parent_of:
        key_of(name)
    return keys, parents


def _parse_record(
    record: _Record, keys, parents, regions, preview: Preview, missing, places: set
) -> None:
    line = record.line
    place = regions.resolve(record.region)
    if place is None:
        preview.error(line, f"okänd region {record.region!r} (ange kommun, län eller riket).")
    period = parse_period(record.period, preview, line, "Period")
    category = keys[record.category]
    values = {}
    for key, raw, column in (
        (bra_kommun.count_key(category), record.count, "Antal"),
        (bra_kommun.rate_key(category), record.rate, "Per 100 000 inv."),
    ):
        if raw in MISSING:
            missing.append(line)
        elif raw == "":
            preview.error(line, f"{column} saknas (skriv .. om uppgiften saknas).")
        elif column == "Antal":
            values[key] = parse_count(raw, preview, line, column)
        else:
            value = parse_number(raw, preview, line, column)
            if value is not None and value < 0:
                preview.error(line, f"{column} får inte vara negativt ({raw}).")
                value = None
            values[key] = value
    if place is None or period is None:
        return
    _add_specs(preview, record.category, category, parents.get(record.category, ""))
    period_type, year, number = period
    for key, value in values.items():
        if value is not None:
            places.add(place)
            preview.add(
                Row(line, key, *place, year, value, period_type=period_type, period_number=number)
            )


def _add_specs(preview: Preview, name: str, category: str, parent: str) -> None:
    count_key = bra_kommun.count_key(category)
    if count_key in preview.indicators:
        return
    if category in bra_kommun.CATEGORIES:
        specs = bra_kommun.indicator_specs()
        preview.indicators[count_key] = specs[count_key]
        preview.indicators[bra_kommun.rate_key(category)] = specs[bra_kommun.rate_key(category)]
        return
    for key, unit, suffix_sv, suffix_en, formula in (
        (count_key, Unit.COUNT, "antal", "number", "Antal anmälda brott i kategorin (Brå, SOL)"),
        (
            bra_kommun.rate_key(category),
            Unit.PER_100K,
            "per 100 000 invånare (Brå)",
            "per 100,000 inhabitants (Brå)",
            "Antal anmälda brott / folkmängd × 100 000, som Brå publicerar det (SOL)",
        ),
    ):
        preview.indicators[key] = IndicatorSpec(
            key=key,
            name_sv=f"{name}, {suffix_sv}"[:200],
            name_en=f"{name}, {suffix_en}"[:200],
            unit=unit,
            formula=formula,
            direction=Direction.LOWER_IS_BETTER,
            category=category,
            parent_category=parent,
            counts_crimes=True,
        )


def _describe_source(preview: Preview, file_name: str, regions: set) -> None:
    years = sorted(preview.years)
    categories = {spec.category for spec in preview.indicators.values()}
    span = f"{years[0]}–{years[-1]}" if years else "inga år"
    preview.source = SourceSpec(
        key=f"bra-sol-{slug(PurePath(file_name).stem, 60)}"[:80],
        name=f"Brå SOL-export: {file_name}"[:200],
        publisher="Brottsförebyggande rådet (Brå), statistikdatabasen SOL",
        licence="Brå:s statistik får återanvändas fritt; ange källa",
        attribution="Källa: Brå (SOL)",
        coverage=f"{len(regions)} regioner, {span}, {len(categories)} brottskategorier",
        status=SourceStatus.OFFICIAL,
    )
