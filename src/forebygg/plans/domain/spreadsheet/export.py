"""The plan's measures written as a sheet: CSV (Swedish Excel's format) or Excel.

Every text cell is made safe the same way in both: control characters an Excel file cannot
hold are removed first, and only then is a cell that would start a formula escaped with an
apostrophe (`csvfiles.escape_formula`). The other order would let a title such as
"\\x01=HYPERLINK(…)" lose its control character after the check and reach Excel as a live
formula.
"""

from __future__ import annotations

import io
from datetime import date

import openpyxl
from django.db.models import QuerySet
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from forebygg.core.domain.csvfiles import escape_formula, write_csv_table
from forebygg.plans.domain.spreadsheet.columns import (
    DATE_FIELDS,
    HEADERS,
    SHEET_TITLE,
    shown_values,
)
from forebygg.plans.models import Measure

MAX_COLUMN_WIDTH = 60
NUMBER_FORMATS = {"start": "yyyy-mm-dd", "end": "yyyy-mm-dd", "cost": "#,##0"}


def write_csv(measures) -> bytes:
    rows = (shown_values(measure).values() for measure in _with_relations(measures))
    return write_csv_table(list(HEADERS.values()), rows)


def write_xlsx(measures) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append(list(HEADERS.values()))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for measure in _with_relations(measures):
        sheet.append(_xlsx_row(measure))
    _format_columns(sheet)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def excel_text(text: str) -> str:
    """A text cell for the Excel file: what it cannot hold removed, then formulas escaped."""
    return escape_formula(ILLEGAL_CHARACTERS_RE.sub("", text))


def _with_relations(measures):
    if isinstance(measures, QuerySet):
        return measures.select_related("owner", "method").prefetch_related("partners", "causes")
    return measures


def _xlsx_row(measure: Measure) -> list:
    """Dates and costs as real dates and numbers, so Excel can sort and sum them."""
    row = []
    for name, text in shown_values(measure).items():
        if name in DATE_FIELDS or name == "cost":
            value = getattr(measure, name)
            row.append(int(value) if name == "cost" and value is not None else value)
        else:
            row.append(excel_text(text))
    return row


def _format_columns(sheet) -> None:
    for index, (name, column) in enumerate(zip(HEADERS, sheet.iter_cols(), strict=True), start=1):
        longest = max(_longest_line(cell.value) for cell in column)
        sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, MAX_COLUMN_WIDTH)
        if name in NUMBER_FORMATS:
            for cell in column[1:]:
                cell.number_format = NUMBER_FORMATS[name]


def _longest_line(value) -> int:
    if isinstance(value, date):
        return len("2027-01-31")
    return max((len(line) for line in str(value or "").splitlines()), default=0)
