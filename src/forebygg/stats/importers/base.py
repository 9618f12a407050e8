"""The statistics importers' side of the import contract (`core.domain.imports`).

An importer's `parse(file, preview)` reads an `ImportFile` as a stream and adds each valid
row with `preview.add(row)`; every problem goes to `preview.error(line, "…")` in Swedish.
What happens to the rows is the caller's choice: kept in `preview.rows` (a preview in
memory, for small files and tests) or handed to a `sink` that stages them in the database
(`writing.StagedRows`), so a file of a million rows is read in bounded memory. Writing is
`writing.write_preview`: all or nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from forebygg.core.domain.imports import (
    MAX_ERRORS_SHOWN,
    DuplicateCells,
    ImportFile,
    ImportPreview,
    ImportRejected,
    csv_dict_records,
    csv_records,
    printable,
    read_text,
)
from forebygg.stats.enums import Direction, GeoLevel, PeriodType, SourceStatus, Unit

__all__ = [
    "MAX_ERRORS_SHOWN",
    "ImportFile",
    "ImportRejected",
    "csv_dict_records",
    "csv_records",
]

# JSON has to be read whole, so JSON files are refused above this size (docs/importers.md).
MAX_JSON_BYTES = 16 * 1024 * 1024
# Importers that must hold every row until the end (to sum or to build a hierarchy) stop
# reading a file longer than this, with a Swedish error, instead of filling the memory.
MAX_ROWS_HELD = 500_000
# No file defines more indicators than this; each one is held until the file is written.
MAX_INDICATORS = 5_000


@dataclass(frozen=True)
class IndicatorSpec:
    key: str
    name_sv: str
    name_en: str
    unit: str = Unit.COUNT
    formula: str = ""
    direction: str = Direction.NEUTRAL
    category: str = ""
    parent_category: str = ""
    counts_crimes: bool = False


@dataclass(frozen=True)
class SourceSpec:
    key: str
    name: str
    publisher: str
    licence: str
    attribution: str
    coverage: str = ""
    status: str = SourceStatus.OFFICIAL
    retrieved: date | None = None


@dataclass
class Row:
    line: int
    indicator: str
    geo_level: str
    geo_code: str
    year: int
    value: float | None
    period_type: str = PeriodType.YEAR
    period_number: int = 0
    preliminary: bool = False
    suppressed: bool = False

    @property
    def cell(self) -> tuple:
        return (
            self.indicator,
            self.geo_level,
            self.geo_code,
            self.period_type,
            self.year,
            self.period_number,
        )


@dataclass(kw_only=True)
class Preview(ImportPreview):
    """One statistics file read: its source, indicators and rows, or every problem in it."""

    kind: str
    file_name: str
    checksum: str = ""
    source: SourceSpec | None = None
    indicators: dict[str, IndicatorSpec] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    keep_rows: bool = True
    sink: Callable[[Row], None] | None = field(default=None, repr=False)
    row_count: int = 0
    years: set[int] = field(default_factory=set, repr=False)
    kommuner: set[str] = field(default_factory=set, repr=False)
    duplicates: DuplicateCells = field(default_factory=DuplicateCells, repr=False)

    @property
    def ok(self) -> bool:
        return super().ok and self.has_content()

    def has_content(self) -> bool:
        return bool(self.row_count or self.extra)

    def add(self, row: Row) -> None:
        """A valid row: counted, checked for repeats, then kept or handed to the sink."""
        self.row_count += 1
        self.rows_checked = self.row_count
        self.years.add(row.year)
        if row.geo_level == GeoLevel.KOMMUN:
            self.kommuner.add(row.geo_code)
        self.duplicates.add(row.cell, row.line)
        if self.keep_rows:
            self.rows.append(row)
        if self.sink is not None:
            self.sink(row)

    def add_indicator(self, spec: IndicatorSpec, line: int | None = None) -> bool:
        """Record an indicator the file defines; False (after an error) past MAX_INDICATORS."""
        if spec.key in self.indicators:
            return True
        if len(self.indicators) >= MAX_INDICATORS:
            if not any("indikatorer" in error for error in self.errors[-1:]):
                self.error(
                    line,
                    f"filen definierar fler än {MAX_INDICATORS} indikatorer; dela upp den.",
                )
            return False
        self.indicators[spec.key] = spec
        return True

    def check_duplicates(self, describe: Callable[[int, int], str] | None = None) -> None:
        """Every row that repeats an earlier row's cell is an error, in line order."""
        for line, first in self.duplicates.repeated():
            if describe is None:
                self.error(line, f"dubblett av rad {first} (samma indikator, plats och period).")
            else:
                self.error(None, describe(line, first))

    def summary(self) -> dict:
        years = sorted(self.years)
        return {
            "rows": self.row_count,
            "first_year": years[0] if years else None,
            "last_year": years[-1] if years else None,
            "kommuner": len(self.kommuner),
            "indicators": sorted(self.indicators),
            "errors": self.error_count,
            "warnings": self.warning_count,
        }


def too_many_rows(preview: Preview, line: int) -> bool:
    """True (after one Swedish error) once a file that is held in memory passes MAX_ROWS_HELD."""
    if line <= MAX_ROWS_HELD:
        return False
    limit = f"{MAX_ROWS_HELD:_}".replace("_", " ")
    preview.error(
        line, f"filen har fler än {limit} rader och läses inte vidare; dela upp den i flera filer."
    )
    return True


_printable = printable


def read_json_text(file: ImportFile, preview: Preview) -> str | None:
    return read_text(file, preview, limit=MAX_JSON_BYTES, what="JSON-filen")


def data_records(reader, header: list[str], preview: Preview, separator_hint: str):
    """(line, cells) for each non-blank row with as many fields as the header; others are errors."""
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            preview.error(
                line,
                f"raden har {len(record)} fält men rubrikraden har {len(header)} "
                f"({separator_hint}).",
            )
            continue
        yield line, record


INVALID_JSON = object()


def shown(value) -> str:
    """A value from a file, for a message: text in quotes, anything else as JSON writes it
    (null, true, [1, 2]), never Python's None or True."""
    if isinstance(value, str):
        return repr(value)
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


# The json module's messages, in Swedish.
JSON_PROBLEMS = {
    "Expecting value": "ett värde saknas",
    "Expecting ',' delimiter": "ett kommatecken saknas",
    "Expecting ':' delimiter": "ett kolon saknas",
    "Expecting property name enclosed in double quotes": "ett namn inom citattecken saknas",
    "Unterminated string starting at": "en text saknar sitt avslutande citattecken",
    "Invalid control character at": "en text innehåller ett styrtecken",
    "Invalid \\escape": "en text innehåller en ogiltig \\-sekvens",
    "Invalid \\uXXXX escape": "en text innehåller en ogiltig \\u-sekvens",
    "Extra data": "det finns mer text efter JSON-dokumentet",
}


def load_json(text: str, preview: Preview):
    """The parsed document, or INVALID_JSON with the parser's line in a Swedish error."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        problem = JSON_PROBLEMS.get(error.msg, "oväntat tecken")
        preview.error(error.lineno, f"filen är inte giltig JSON ({problem}).")
    except (RecursionError, ValueError):
        preview.error(
            None,
            "Filen kan inte läsas som JSON: den är för djupt nästlad eller har ett tal med "
            "för många siffror.",
        )
    return INVALID_JSON


def parse_number(raw: str, preview: Preview, line: int, column: str) -> float | None:
    """Swedish or English decimals, spaces as thousands separators; '..' and '-' mean missing."""
    text = (raw or "").strip().replace("\u00a0", "").replace(" ", "")
    if text in ("", "..", ".", "-", "–"):
        return None
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        preview.error(line, f"{column} ska vara ett tal, inte {raw!r}.")
        return None
    if value != value or value in (float("inf"), float("-inf")) or abs(value) > 1e12:
        preview.error(line, f"{column} är inte ett rimligt tal: {raw!r}.")
        return None
    return value


def parse_count(raw: str, preview: Preview, line: int, column: str) -> float | None:
    value = parse_number(raw, preview, line, column)
    if value is None:
        return None
    if value < 0:
        preview.error(line, f"{column} får inte vara negativt ({raw}).")
        return None
    if not float(value).is_integer():
        preview.error(line, f"{column} ska vara ett heltal, inte {raw!r}.")
        return None
    return value


def parse_year(raw: str, preview: Preview, line: int, column: str = "år") -> int | None:
    text = (raw or "").strip()
    if not (text.isdecimal() and len(text) == 4 and 1950 <= int(text) <= 2100):
        preview.error(line, f"{column} ska vara ett årtal som 2024, inte {raw!r}.")
        return None
    return int(text)
