"""CSV tables out (Excel-friendly, formulas escaped) and in (the reference data's files).

Reading goes through the one CSV reader of the import contract (`core.domain.imports`).
"""

import csv
import io
from pathlib import Path

from forebygg.core.domain.imports import ImportFile, ImportPreview, csv_dict_records, csv_records

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters a spreadsheet program may drop when it reads the cell: what follows them
# is checked too, so "\x01=HYPERLINK(…)" is escaped like "=HYPERLINK(…)".
DROPPED_CONTROLS = "".join(chr(code) for code in [*range(0, 9), 11, 12, *range(14, 32)])


def escape_formula(text: str) -> str:
    """A leading apostrophe keeps Excel from running cell text as a formula.

    Text that already starts with apostrophes before such a character gets one more, so an
    import can always take exactly one away and the round trip stays lossless.
    """
    start = text.lstrip("'").lstrip(DROPPED_CONTROLS)
    return f"'{text}" if start.startswith(FORMULA_STARTS) else text


def write_csv_table(header: list[str], rows) -> bytes:
    """A table as Excel-friendly Swedish CSV: `;`-separated, UTF-8 with BOM, formulas escaped."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(escape_formula(str(cell)) for cell in row)
    return buffer.getvalue().encode("utf-8-sig")


def read_csv_rows(
    path: Path, label: str, required: list[str], preview: ImportPreview
) -> list[tuple[int, dict[str, str]]]:
    """Rows of one of several files read together, as (line number, row), through the one
    CSV reader (`imports.csv_records`); a missing column is a problem named by `label`."""
    records = csv_records(ImportFile.of(path, name=label), preview, file=label)
    if records is None:
        return []
    reader = csv_dict_records(records)
    header = reader.fieldnames or []
    missing = [column for column in required if column not in header]
    if missing:
        records.close()
        preview.error(
            None,
            f"kolumnerna {', '.join(missing)} saknas. "
            f"Filen har kolumnerna: {', '.join(header) or '(inga)'}.",
            file=label,
        )
        return []
    return [(reader.line_num, row) for row in reader]


def parse_int(
    value: str, preview: ImportPreview, *, file: str, line: int, column: str
) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = _integral_float(value)
        if number is None:
            preview.error(line, f"{column} ska vara ett heltal, inte {value!r}.", file=file)
            return None
    if number < 0:
        preview.error(line, f"{column} får inte vara negativt ({number}).", file=file)
        return None
    return number


def _integral_float(value) -> int | None:
    """Accept '23262.0' (a whole number written as a decimal by some exporters), nothing else."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() and abs(number) < 2**53 else None
