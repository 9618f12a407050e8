"""The importer contract: parse → Preview (all problems, nothing written) → write_preview."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import date

from forebygg.stats.enums import Direction, GeoLevel, PeriodType, SourceStatus, Unit

MAX_ERRORS_SHOWN = 200


class ImportRejected(Exception):
    """The file has errors; nothing was written."""

    def __init__(self, preview: Preview):
        self.preview = preview
        super().__init__("\n".join(preview.errors[:MAX_ERRORS_SHOWN]))


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


@dataclass
class Preview:
    kind: str
    file_name: str
    checksum: str
    source: SourceSpec | None = None
    indicators: dict[str, IndicatorSpec] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows or self.extra)

    def error(self, line: int | None, message: str) -> None:
        self.errors.append(_printable(f"Rad {line}: {message}" if line else message))

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(_printable(f"Rad {line}: {message}" if line else message))

    def check_duplicates(self) -> None:
        seen: dict[tuple, int] = {}
        for row in self.rows:
            if row.cell in seen:
                self.error(
                    row.line,
                    f"dubblett av rad {seen[row.cell]} (samma indikator, plats och period).",
                )
            else:
                seen[row.cell] = row.line

    def summary(self) -> dict:
        years = sorted({row.year for row in self.rows})
        kommuner = {row.geo_code for row in self.rows if row.geo_level == GeoLevel.KOMMUN}
        return {
            "rows": len(self.rows),
            "first_year": years[0] if years else None,
            "last_year": years[-1] if years else None,
            "kommuner": len(kommuner),
            "indicators": sorted(self.indicators),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
        }


def _printable(message: str) -> str:
    """A message that can be shown on a web page: half a surrogate pair (from a JSON escape
    such as \\ud800 quoted in the message) is written out as its escape."""
    return message.encode("utf-8", "backslashreplace").decode("utf-8")


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_text(data: bytes, preview: Preview) -> str | None:
    """UTF-8 (with or without BOM) only; anything else is a clear error, never a guess.

    NUL is valid UTF-8 but never in a text file: it is what UTF-16 without a BOM looks like,
    and PostgreSQL cannot store it.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        preview.error(
            None,
            "Filen är inte UTF-8-kodad. Spara den som UTF-8 (i Excel: 'CSV UTF-8') "
            "och försök igen.",
        )
        return None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        preview.error(
            line,
            "raden innehåller ett NUL-tecken, så filen är inte en textfil i UTF-8 (kanske "
            "UTF-16). Spara den som UTF-8 (i Excel: 'CSV UTF-8') och försök igen.",
        )
        return None
    return text


class _CsvRecords:
    """csv.reader's records; a line it cannot read ends the file with a Swedish error.

    The text is read with newline="" so that every line ending (CRLF, LF, CR) works.
    """

    def __init__(self, text: str, preview: Preview, delimiter: str):
        self._reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        self._preview = preview

    @property
    def line_num(self) -> int:
        return self._reader.line_num

    def __iter__(self):
        return self

    def __next__(self) -> list[str]:
        try:
            return next(self._reader)
        except csv.Error:
            limit = f"{csv.field_size_limit():_}".replace("_", " ")
            self._preview.error(
                self._reader.line_num,
                f"raden kan inte läsas: ett fält är längre än {limit} tecken (saknas ett "
                "avslutande citattecken?). Resten av filen läses inte.",
            )
            raise StopIteration from None


def csv_reader(text: str, preview: Preview, *, delimiter: str):
    """Like csv.reader, with line_num; never raises csv.Error."""
    return _CsvRecords(text, preview, delimiter)


def csv_dict_reader(text: str, preview: Preview, *, delimiter: str = ",") -> csv.DictReader:
    """Like csv.DictReader, with line_num; never raises csv.Error."""
    reader = csv.DictReader([])
    reader.reader = _CsvRecords(text, preview, delimiter)
    return reader


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
