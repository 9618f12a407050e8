"""Reading an Excel workbook (.xlsx) someone uploaded, which may be made to do harm.

An .xlsx file is a zip archive of XML parts. Before openpyxl opens it, the archive is
checked without unpacking anything: too many parts, or parts that would unpack to more than
`MAX_UNPACKED_BYTES` (a "zip bomb": 1.6 MB that unpacks to a gigabyte of shared strings), are
refused at once. Python's zip reader never unpacks a part past the size its header declares,
so the check holds even for a file that lies. Each XML part is then scanned, in chunks, for
a document type declaration: an Excel file never has one, and refusing it keeps entity
expansion ("billion laughs") and external entities out of every XML parser. Only then is
the workbook read, in openpyxl's read-only mode, row by row: the sheet's declared size is
ignored (it could claim a million rows), and the reading stops at `max_rows` rows or
`max_columns` columns with a Swedish error, so a sheet of 300 000 rows costs a fraction of a
second. Every problem goes to the import's preview (`core.domain.imports`).
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime

import openpyxl

from forebygg.core.domain.imports import ImportFile, ImportPreview

MAX_PARTS = 500
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
XML_SUFFIXES = (".xml", ".rels", ".vml")
FORBIDDEN_XML = (b"<!DOCTYPE", b"<!ENTITY")
SCAN_CHUNK = 1 << 16

UNREADABLE = (
    "Filen går inte att öppna som Excel-fil. Spara den som Excel-arbetsbok (.xlsx) och försök igen."
)


class _Refused(Exception):
    pass


def xlsx_rows(
    file: ImportFile,
    preview: ImportPreview,
    *,
    max_rows: int,
    max_columns: int,
    sheet_title: str = "",
) -> list[list[str]] | None:
    """The sheet's rows as text (None after a Swedish error in the preview)."""
    try:
        _check_archive(file)
        return _read_rows(file, preview, max_rows, max_columns, sheet_title)
    except _Refused as refused:
        preview.error(None, str(refused))
        return None


def _check_archive(file: ImportFile) -> None:
    try:
        with file.open() as handle, zipfile.ZipFile(handle) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise _Refused(
                    f"Filen består av {len(parts)} delar; en Excel-fil har sällan fler än "
                    f"några tiotal. Den läses inte in. {UNREADABLE}"
                )
            unpacked = sum(part.file_size for part in parts)
            if unpacked > MAX_UNPACKED_BYTES:
                megabytes = MAX_UNPACKED_BYTES // (1024 * 1024)
                raise _Refused(
                    f"Filen packas upp till {unpacked // (1024 * 1024)} MB, mer än de "
                    f"{megabytes} MB ett kalkylark får ta. Den läses inte in (den kan vara "
                    "gjord för att fylla minnet). Spara bara bladet med åtgärderna och försök "
                    "igen."
                )
            for part in parts:
                if part.filename.lower().endswith(XML_SUFFIXES):
                    _check_xml(archive, part)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise _Refused(UNREADABLE) from None
    except RuntimeError:  # an encrypted part
        raise _Refused(UNREADABLE) from None


def _check_xml(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    tail = b""
    with archive.open(part) as stream:
        for chunk in iter(lambda: stream.read(SCAN_CHUNK), b""):
            window = tail + chunk
            if any(marker in window for marker in FORBIDDEN_XML):
                raise _Refused(
                    "Filen innehåller en XML-deklaration (DOCTYPE eller ENTITY) som en "
                    "Excel-fil aldrig har, och läses inte in. Spara den på nytt som "
                    "Excel-arbetsbok (.xlsx) och försök igen."
                )
            tail = window[-16:]


def _read_rows(
    file: ImportFile, preview: ImportPreview, max_rows: int, max_columns: int, title: str
) -> list[list[str]] | None:
    rows: list[list[str]] = []
    try:
        with file.open() as handle:
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
            try:
                sheet = workbook[title] if title in workbook.sheetnames else workbook.active
                sheet.reset_dimensions()  # its own claim of size is not believed
                for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                    if number > max_rows:
                        limit = f"{max_rows - 1:_}".replace("_", " ")
                        preview.error(
                            number,
                            f"kalkylarket har fler än {limit} rader under rubrikraden och "
                            "läses inte vidare. En export av planens åtgärder har en rad per "
                            "åtgärd.",
                        )
                        return None
                    cells = _trimmed(row)
                    if len(cells) > max_columns:
                        preview.error(
                            number,
                            f"raden har värden i {len(cells)} kolumner; kalkylarket får ha "
                            f"högst {max_columns}. Filen läses inte vidare.",
                        )
                        return None
                    rows.append([_cell_text(value) for value in cells])
                    preview.lines_read = number
                    preview.tick()
            finally:
                workbook.close()
    except Exception:  # a damaged or foreign file fails in many ways inside openpyxl
        raise _Refused(UNREADABLE) from None
    width = max((len(row) for row in rows), default=0)
    return [row + [""] * (width - len(row)) for row in rows]


def _trimmed(row) -> tuple:
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return row[:end]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
