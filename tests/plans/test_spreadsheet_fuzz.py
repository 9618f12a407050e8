"""Bad input at scale for the measures spreadsheet, and formula escaping in every CSV export.

Each sheet starts as the plan's own export (CSV or Excel) and is then damaged the same ways
as the statistics files in tests/stats/importers/test_fuzz.py, whose strategies it borrows.
The property: reading never raises; every message is Swedish; a sheet with errors is refused
by `apply_sheet` with the plan unchanged; a sheet without errors is applied, and the plan's
export then reads back as unchanged. Applied sheets are rolled back after each example.
"""

import csv
import io
from datetime import date

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from forebygg.core.domain.csvfiles import FORMULA_STARTS, escape_formula, write_csv_table
from forebygg.orgs.domain.authorities import kommun_administration
from forebygg.plans.domain.planning import save_measure
from forebygg.plans.domain.spreadsheet import (
    HEADERS,
    apply_sheet,
    filter_measures,
    preview_sheet,
    write_csv,
    write_xlsx,
)
from forebygg.plans.models import Measure
from tests.stats.importers.test_fuzz import (
    FORMULAS,
    MARKUP,
    PAYLOADS,
    TEXT_ENCODINGS,
    assert_swedish,
    damaged,
    edited_rows,
    encoded,
    fuzz_settings,
    rolled_back,
    rows_written,
)

CSV_EXAMPLES = 150
XLSX_EXAMPLES = 50
TEXT_EXAMPLES = 60
EXPORT_EXAMPLES = 300

SHEET_NAMES = ["åtgärder.csv"] * 8 + ["åtgärder.xlsx", "ÅTGÄRDER.CSV", "plan.pdf", "", "csv"]
XLSX_NAMES = ["åtgärder.xlsx"] * 8 + ["åtgärder.csv", "plan.XLSX"]


@pytest.fixture
def plan(chain, personas):
    """Å1 Grannsamverkan (from the chain) and Å2 with every column filled in."""
    save_measure(
        chain.plan,
        by=personas.coordinator_a,
        title="Föräldrastöd i Råslätt",
        description="Träffar varannan vecka;\nledare från socialtjänsten.",
        type="social",
        horizon="lang",
        owner=kommun_administration(personas.kommun_a),
        partners=[personas.police_a],
        area_kind="stadsdel",
        district="Råslätt",
        method_text="Komet",
        start=date(2027, 1, 15),
        end=date(2028, 6, 30),
        cost=250000,
        funding="statsbidrag",
        expected_effect="Färre unga som debuterar i brott",
        causes=[chain.cause],
    )
    return chain.plan


def state_of(plan) -> tuple:
    """Every stored value of the plan's measures, their partners and causes, and the number
    of history rows."""
    through = [Measure.partners.through, Measure.causes.through]
    return (
        list(Measure.objects.filter(plan=plan).order_by("pk").values_list()),
        *[list(t.objects.filter(measure__plan=plan).order_by("pk").values_list()) for t in through],
        Measure.history.count(),
    )


def csv_table(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def xlsx_table(content: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def xlsx_bytes(table: list[list]) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Åtgärder"
    for row in table:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def check_sheet(plan, by, file_name: str, content: bytes) -> None:
    """Refused in Swedish with the plan unchanged, or applied and exported back unchanged."""
    before = (state_of(plan), rows_written())
    preview = preview_sheet(plan, filename=file_name, content=content)
    assert_swedish(preview.errors)
    assert (state_of(plan), rows_written()) == before, "a preview must not write"
    if not preview.ok:
        with pytest.raises(ValidationError) as refused:
            apply_sheet(plan, filename=file_name, content=content, by=by)
        assert_swedish(refused.value.messages)
        assert (state_of(plan), rows_written()) == before
        return
    with rolled_back():
        assert apply_sheet(plan, filename=file_name, content=content, by=by) == len(preview.changes)
        assert_exports_read_back_unchanged(plan)


def assert_exports_read_back_unchanged(plan) -> None:
    count = plan.measures.count()
    for file_name, export in [
        ("åtgärder.csv", write_csv(filter_measures(plan))),
        ("åtgärder.xlsx", write_xlsx(filter_measures(plan))),
    ]:
        again = preview_sheet(plan, filename=file_name, content=export)
        assert (again.errors, again.changes, again.unchanged) == ([], [], count), file_name


# ---------------------------------------------------------------- damaged sheets

sheet_cells = st.one_of(
    st.sampled_from(PAYLOADS),
    st.sampled_from(["Lång sikt", "kort", "Social", "Situationell", "Hela kommunen", "Å1"]),
    st.sampled_from(["O1", "O999999", "2027-02-30", "2027-01-01", "250 000", "-5", "1e3"]),
    st.text(max_size=12),
)


def in_xml(value) -> bool:
    """Excel files cannot hold control characters such as NUL at all."""
    return not (isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value))


xlsx_cells = st.one_of(
    sheet_cells.filter(in_xml),
    st.sampled_from([None, 0, -1, 1e308, 250000.0, True, date(2027, 1, 1), "=1+1"]),
)


@st.composite
def csv_sheets(draw, table: list[list[str]]) -> tuple[bytes, str]:
    rows = draw(edited_rows(tuple(tuple(row) for row in table)))
    delimiter = draw(st.sampled_from([";"] * 4 + [",", "\t"]))
    line_end = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=line_end).writerows(rows)
    content = encoded(buffer.getvalue(), draw(st.sampled_from(TEXT_ENCODINGS)))
    return draw(damaged(content)), draw(st.sampled_from(SHEET_NAMES))


@st.composite
def xlsx_sheets(draw, table: list[list]) -> tuple[bytes, str]:
    table = [list(row) for row in table]
    for _ in range(draw(st.integers(1, 3))):
        row = table[draw(st.integers(0, len(table) - 1))]
        edit = draw(st.sampled_from(["cell"] * 3 + ["drop", "add"]))
        place = draw(st.integers(0, len(row) - 1))
        if edit == "cell":
            row[place] = draw(xlsx_cells)
        elif edit == "drop":
            del row[place]
        else:
            row.append(draw(xlsx_cells))
    # The workbook holds the time it was saved, so it is cut at a share of its length.
    cut = draw(st.sampled_from([None] * 9 + [0.0, 0.1, 0.5, 0.99]))
    content = xlsx_bytes(table)
    if cut is not None:
        content = content[: int(len(content) * cut)]
    return content, draw(st.sampled_from(XLSX_NAMES))


def test_damaged_csv_sheets_are_refused_in_swedish_or_read_back_unchanged(plan, personas):
    table = csv_table(write_csv(filter_measures(plan)))
    before = state_of(plan)

    @fuzz_settings(CSV_EXAMPLES)
    @given(csv_sheets(table))
    def each_sheet(sheet):
        content, file_name = sheet
        check_sheet(plan, personas.coordinator_a, file_name, content)

    each_sheet()
    assert state_of(plan) == before


def test_damaged_excel_sheets_are_refused_in_swedish_or_read_back_unchanged(plan, personas):
    table = xlsx_table(write_xlsx(filter_measures(plan)))
    before = state_of(plan)

    @fuzz_settings(XLSX_EXAMPLES)
    @given(xlsx_sheets(table))
    def each_sheet(sheet):
        content, file_name = sheet
        check_sheet(plan, personas.coordinator_a, file_name, content)

    each_sheet()
    assert state_of(plan) == before


# ---------------------------------------------------------------- text round trip

texts = st.one_of(
    st.sampled_from(FORMULAS + MARKUP),
    st.builds(
        lambda start, rest: start + rest,
        st.sampled_from(FORMULAS + MARKUP + ["'", "''=1", "'+46", "å"]),
        st.text(max_size=30),
    ),
    st.text(min_size=1, max_size=40),
).map(str.strip)

TEXT_COLUMNS = {
    "title": "Åtgärd",
    "description": "Genomförande",
    "district": "Stadsdel eller ort",
    "method_text": "Metod",
    "expected_effect": "Förväntad effekt",
}


def test_text_is_kept_and_exported_with_formulas_escaped(plan, personas):
    """Any text written in the sheet as the export writes it is stored exactly, exported with
    a leading apostrophe before =, +, -, @, tab and CR, and reads back unchanged."""
    table = csv_table(write_csv(filter_measures(plan)))
    before = state_of(plan)

    @fuzz_settings(TEXT_EXAMPLES)
    @given(st.sampled_from(list(TEXT_COLUMNS)), texts, st.booleans())
    def each_text(field, text, as_excel):
        column = table[0].index(TEXT_COLUMNS[field])
        rows = [list(row) for row in table]
        rows[2][column] = escape_formula(text)
        if as_excel and in_xml(text):
            content, file_name = xlsx_bytes(rows), "åtgärder.xlsx"
        else:
            buffer = io.StringIO()
            csv.writer(buffer, delimiter=";").writerows(rows)
            content, file_name = buffer.getvalue().encode("utf-8-sig"), "åtgärder.csv"
        preview = preview_sheet(plan, filename=file_name, content=content)
        assert_swedish(preview.errors)
        limit = Measure._meta.get_field(field).max_length
        if (
            (field in ("title", "district") and not text)
            or (limit and len(text) > limit)
            or not in_xml(text)
        ):
            assert preview.errors
            return
        assert preview.errors == []
        with rolled_back():
            apply_sheet(plan, filename=file_name, content=content, by=personas.coordinator_a)
            assert getattr(Measure.objects.get(plan=plan, key="Å2"), field) == text
            shown = text.replace("\r\n", "\n").replace("\r", "\n")
            exported_csv = write_csv(filter_measures(plan))
            assert csv_table(exported_csv)[2][column] == escape_formula(shown)
            exported_xlsx = write_xlsx(filter_measures(plan))
            cell = openpyxl.load_workbook(io.BytesIO(exported_xlsx)).active.cell(3, column + 1)
            assert (cell.value or "") == escape_formula(shown)
            assert cell.data_type == "s" or not shown
            for name, export in [("åtgärder.csv", exported_csv), ("åtgärder.xlsx", exported_xlsx)]:
                again = preview_sheet(plan, filename=name, content=export)
                assert (again.errors, again.changes) == ([], []), name

    each_text()
    assert state_of(plan) == before


# ---------------------------------------------------------------- every CSV export


@fuzz_settings(EXPORT_EXAMPLES)
@given(
    st.lists(
        st.lists(
            st.one_of(
                st.sampled_from(FORMULAS + MARKUP + ["'", "'=1", "\t=1", "\r=1", "-", "@"]),
                st.text(max_size=20),
                st.integers(),
                st.floats(),
                st.none(),
            ),
            min_size=1,
            max_size=4,
        ),
        max_size=4,
    )
)
def test_every_csv_export_escapes_formulas_and_loses_nothing(rows):
    """write_csv_table (all CSV exports go through it): no cell starts a formula, and taking
    away the one apostrophe it adds gives back exactly the text of the cell."""
    content = write_csv_table(list(HEADERS.values()), rows)
    assert content.startswith(b"\xef\xbb\xbf")
    read = csv_table(content)
    assert read[0] == list(HEADERS.values())
    assert len(read) == len(rows) + 1
    for written, cells in zip(rows, read[1:], strict=True):
        for value, cell in zip(written, cells, strict=True):
            text = str(value)
            assert not cell.startswith(FORMULA_STARTS)
            assert cell == escape_formula(text)
            assert cell in (text, f"'{text}")
            if text.lstrip("'").startswith(FORMULA_STARTS):
                assert cell == f"'{text}"
