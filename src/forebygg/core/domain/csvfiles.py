"""Reading data files with Swedish, line-numbered error messages."""

import csv
import hashlib
import io
from pathlib import Path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(text: str) -> str:
    """A leading apostrophe keeps Excel from running cell text as a formula.

    Text that already starts with apostrophes before such a character gets one more, so an
    import can always take exactly one away and the round trip stays lossless.
    """
    return f"'{text}" if text.lstrip("'").startswith(FORMULA_STARTS) else text


def write_csv_table(header: list[str], rows) -> bytes:
    """A table as Excel-friendly Swedish CSV: `;`-separated, UTF-8 with BOM, formulas escaped."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(escape_formula(str(cell)) for cell in row)
    return buffer.getvalue().encode("utf-8-sig")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_csv_rows(
    path: Path, label: str, required: list[str], problems: list[str]
) -> list[tuple[int, dict[str, str]]]:
    """Rows as (line number, row) if the header has every required column; else a problem."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [column for column in required if column not in header]
            if missing:
                problems.append(
                    f"{label}: kolumnerna {', '.join(missing)} saknas. "
                    f"Filen har kolumnerna: {', '.join(header) or '(inga)'}."
                )
                return []
            return [(number, row) for number, row in enumerate(reader, start=2)]
    except UnicodeDecodeError:
        problems.append(f"{label}: filen är inte kodad som UTF-8.")
    except csv.Error as error:
        problems.append(f"{label}: filen kan inte läsas som CSV ({error}).")
    return []


def parse_int(value: str, *, label: str, line: int, column: str, problems: list[str]) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = _integral_float(value)
        if number is None:
            problems.append(f"{label} rad {line}: {column} ska vara ett heltal, inte {value!r}.")
            return None
    if number < 0:
        problems.append(f"{label} rad {line}: {column} får inte vara negativt ({number}).")
        return None
    return number


def _integral_float(value) -> int | None:
    """Accept '23262.0' (a whole number written as a decimal by some exporters), nothing else."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() and abs(number) < 2**53 else None


def summarise_problems(problems: list[str], limit: int = 25) -> list[str]:
    if len(problems) <= limit:
        return problems
    return problems[:limit] + [f"… och {len(problems) - limit} problem till."]
