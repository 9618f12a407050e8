"""A title that hides a formula behind a control character is exported as text.

Excel cannot hold control characters, so the Excel export removes them. It used to escape
formulas first and remove the control characters after: "\\x01=HYPERLINK(…)" passed the check
and reached Excel as a live formula. Now the control characters go first; the CSV export,
which keeps them, escapes a formula behind them too.
"""

import csv
import io

import openpyxl

from forebygg.plans.domain.planning import save_measure
from forebygg.plans.domain.spreadsheet import HEADERS, filter_measures, write_csv, write_xlsx

FORMULA = '=HYPERLINK("http://example.invalid/";"Klicka här")'


def test_a_formula_behind_a_control_character_is_text_in_excel_and_csv(chain, personas):
    save_measure(chain.plan, by=personas.coordinator_a, title="\x01" + FORMULA, type="social",
                 horizon="kort")  # fmt: skip
    column = list(HEADERS).index("title")

    sheet = openpyxl.load_workbook(io.BytesIO(write_xlsx(filter_measures(chain.plan)))).active
    cell = sheet.cell(row=3, column=column + 1)
    assert (cell.value, cell.data_type) == ("'" + FORMULA, "s")

    text = write_csv(filter_measures(chain.plan)).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[2][column] == "'\x01" + FORMULA
