"""The measures spreadsheet: exported as CSV or Excel, edited by hand, read back all-or-nothing."""

import csv
import io
from datetime import date

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import model_to_dict

from forebygg.geo.models import Area
from forebygg.orgs.domain.authorities import kommun_administration
from forebygg.plans.domain.planning import decide_plan, save_measure
from forebygg.plans.domain.spreadsheet import (
    COLUMNS,
    RowChange,
    apply_sheet,
    filter_measures,
    preview_sheet,
    write_csv,
    write_xlsx,
)
from forebygg.plans.models import Measure

FORMULA = "=cmd|' /C calc'!A0"


@pytest.fixture
def plan(chain, personas):
    """Å1 Grannsamverkan (from the chain), Å2 with every column filled in, Å3 a bare one."""
    save_measure(
        chain.plan,
        by=personas.coordinator_a,
        title="Föräldrastöd i Råslätt",
        description="Träffar varannan vecka;\nledare från socialtjänsten.",
        type="social",
        horizon="lang",
        owner=kommun_administration(personas.kommun_a),
        partners=[personas.police_a, kommun_administration(personas.kommun_a)],
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
    save_measure(
        chain.plan, by=personas.coordinator_a, title="Belysning", type="social", horizon="kort"
    )
    return chain.plan


def state_of(plan) -> dict:
    """Every stored value of every measure, and how many history rows exist."""
    measures = {
        measure.key: model_to_dict(measure) for measure in Measure.objects.filter(plan=plan)
    }
    return {"measures": measures, "history_rows": Measure.history.count()}


def csv_table(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def csv_bytes(table: list[list[str]], delimiter: str = ";") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(table)
    return buffer.getvalue().encode("utf-8-sig")


def edit(table: list[list], key: str, header: str, value) -> None:
    column = table[0].index(header)
    row = next(row for row in table[1:] if row[0] == key)
    row[column] = value


def edited_csv(plan, *edits: tuple[str, str, str]) -> bytes:
    table = csv_table(write_csv(filter_measures(plan)))
    for key, header, value in edits:
        edit(table, key, header, value)
    return csv_bytes(table)


def errors_of(plan, content: bytes, filename: str = "åtgärder.csv") -> list[str]:
    return preview_sheet(plan, filename=filename, content=content).errors


def test_the_header_row_is_in_swedish_and_starts_with_the_measure_id(plan):
    table = csv_table(write_csv(filter_measures(plan)))
    assert table[0] == [header for _, header in COLUMNS]
    assert table[0][0] == "Åtgärds-id"
    assert [row[0] for row in table[1:]] == ["Å1", "Å2", "Å3"]


def test_the_csv_is_semicolon_separated_utf8_with_a_byte_order_mark(plan):
    content = write_csv(filter_measures(plan))
    assert content.startswith(b"\xef\xbb\xbf" + "Åtgärds-id;Åtgärd;Genomförande;".encode())
    assert "Föräldrastöd i Råslätt" in content.decode("utf-8-sig")


def test_values_are_shown_as_a_person_reads_them(plan, chain, personas):
    table = csv_table(write_csv(filter_measures(plan)))
    row = dict(zip(table[0], table[2], strict=True))
    kommun = kommun_administration(personas.kommun_a).name
    assert row == {
        "Åtgärds-id": "Å2",
        "Åtgärd": "Föräldrastöd i Råslätt",
        "Genomförande": "Träffar varannan vecka;\nledare från socialtjänsten.",
        "Typ": "Social",
        "Tidsperspektiv": "Lång sikt",
        "Ansvarig organisation": kommun,
        "Samverkansparter": "; ".join(sorted([kommun, personas.police_a.name])),
        "Område": "Stadsdel eller ort",
        "Stadsdel eller ort": "Råslätt",
        "Metod": "Komet",
        "Metod i metodbiblioteket": "",
        "Start": "2027-01-15",
        "Slut": "2028-06-30",
        "Kostnad (kr)": "250000",
        "Finansiering": "Statsbidrag",
        "Förväntad effekt": "Färre unga som debuterar i brott",
        "Orsaker": f"O{chain.cause.pk}",
    }


def test_an_untouched_export_reads_back_as_unchanged(plan):
    for filename, content in [
        ("åtgärder.csv", write_csv(filter_measures(plan))),
        ("åtgärder.xlsx", write_xlsx(filter_measures(plan))),
    ]:
        preview = preview_sheet(plan, filename=filename, content=content)
        assert (preview.ok, preview.changes, preview.unchanged) == (True, [], 3)


def test_a_csv_round_trip_changes_exactly_the_edited_cells(plan, personas):
    before = state_of(plan)
    content = edited_csv(
        plan, ("Å1", "Åtgärd", "Grannsamverkan i Ekhagen"), ("Å3", "Tidsperspektiv", "Lång sikt")
    )

    changed = apply_sheet(plan, filename="åtgärder.csv", content=content, by=personas.coordinator_a)

    after = state_of(plan)
    assert changed == 2
    assert after["measures"] == {
        "Å1": {**before["measures"]["Å1"], "title": "Grannsamverkan i Ekhagen"},
        "Å2": before["measures"]["Å2"],
        "Å3": {**before["measures"]["Å3"], "horizon": "lang"},
    }
    assert after["history_rows"] == before["history_rows"] + 2
    latest = Measure.history.filter(key__in=["Å1", "Å3"]).order_by("-history_id")[:2]
    assert [row.history_user for row in latest] == [personas.coordinator_a] * 2


def test_an_excel_round_trip_changes_exactly_the_edited_cells(plan, personas):
    before = state_of(plan)
    workbook = openpyxl.load_workbook(io.BytesIO(write_xlsx(filter_measures(plan))))
    sheet = workbook["Åtgärder"]
    table = [list(row) for row in sheet.iter_rows()]
    headers = [cell.value for cell in table[0]]
    rows = {row[0].value: row for row in table[1:]}
    rows["Å2"][headers.index("Åtgärd")].value = "Föräldrastöd i hela Råslätt"
    rows["Å3"][headers.index("Tidsperspektiv")].value = "Lång sikt"
    edited = io.BytesIO()
    workbook.save(edited)

    changed = apply_sheet(
        plan, filename="åtgärder.xlsx", content=edited.getvalue(), by=personas.coordinator_a
    )

    after = state_of(plan)
    assert changed == 2
    assert after["measures"] == {
        "Å1": before["measures"]["Å1"],
        "Å2": {**before["measures"]["Å2"], "title": "Föräldrastöd i hela Råslätt"},
        "Å3": {**before["measures"]["Å3"], "horizon": "lang"},
    }


def test_the_excel_sheet_has_a_bold_header_real_dates_and_numbers(plan):
    sheet = openpyxl.load_workbook(io.BytesIO(write_xlsx(filter_measures(plan))))["Åtgärder"]
    headers = [cell.value for cell in sheet[1]]
    second = {header: cell.value for header, cell in zip(headers, sheet[3], strict=True)}
    assert headers == [header for _, header in COLUMNS]
    assert all(cell.font.bold for cell in sheet[1])
    assert second["Start"].date() == date(2027, 1, 15)
    assert second["Kostnad (kr)"] == 250000
    assert 10 < sheet.column_dimensions["B"].width <= 60


def test_one_bad_row_refuses_the_whole_file_and_writes_nothing(plan, personas):
    before = state_of(plan)
    content = edited_csv(
        plan,
        ("Å1", "Åtgärd", "Grannsamverkan i Ekhagen"),
        ("Å2", "Typ", "Blandad"),
        ("Å3", "Tidsperspektiv", "Lång sikt"),
    )

    with pytest.raises(ValidationError) as refused:
        apply_sheet(plan, filename="åtgärder.csv", content=content, by=personas.coordinator_a)

    assert refused.value.messages == [
        "Rad 3: okänd typ 'Blandad'. Välj Social, Situationell eller Både social och situationell."
    ]
    assert state_of(plan) == before


def test_the_preview_lists_old_and_new_values_and_writes_nothing(plan):
    before = state_of(plan)
    content = edited_csv(
        plan, ("Å1", "Åtgärd", "Grannsamverkan i Ekhagen"), ("Å3", "Tidsperspektiv", "lang")
    )

    preview = preview_sheet(plan, filename="åtgärder.csv", content=content)

    assert preview.ok
    assert preview.changes == [
        RowChange(
            line=2,
            key="Å1",
            title="Grannsamverkan",
            changes={"Åtgärd": ("Grannsamverkan", "Grannsamverkan i Ekhagen")},
        ),
        RowChange(
            line=4,
            key="Å3",
            title="Belysning",
            changes={"Tidsperspektiv": ("Kort sikt", "Lång sikt")},
        ),
    ]
    assert preview.unchanged == 1
    assert state_of(plan) == before


@pytest.mark.parametrize(
    ("header", "typed", "shown"),
    [
        ("Typ", "SITUATIONELL", "Situationell"),
        ("Typ", "bada", "Både social och situationell"),
        ("Tidsperspektiv", "  KORT sikt ", "Kort sikt"),
        ("Finansiering", "anslag_1_14", "Anslag 1:14"),
        ("Område", "hela kommunen", "Hela kommunen"),
    ],
)
def test_choices_accept_labels_or_stored_codes_in_any_case(plan, header, typed, shown):
    preview = preview_sheet(
        plan, filename="åtgärder.csv", content=edited_csv(plan, ("Å2", header, typed))
    )
    assert preview.ok, preview.errors
    assert preview.changes[0].changes[header][1] == shown


def test_owner_partners_and_causes_are_read_by_name_and_id(plan, chain, personas):
    kommun = kommun_administration(personas.kommun_a)
    content = edited_csv(
        plan,
        ("Å3", "Ansvarig organisation", kommun.name.upper()),
        ("Å3", "Samverkansparter", f"{personas.police_a.name.lower()};"),
        ("Å3", "Orsaker", f"o{chain.cause.pk}"),
    )

    apply_sheet(plan, filename="åtgärder.csv", content=content, by=personas.coordinator_a)

    measure = Measure.objects.get(plan=plan, key="Å3")
    assert measure.owner == kommun
    assert list(measure.partners.all()) == [personas.police_a]
    assert list(measure.causes.all()) == [chain.cause]


def test_the_police_area_is_kept_until_the_sheet_moves_the_measure_elsewhere(plan, personas):
    area = Area.objects.create(
        code="0680-test-omrade", name="Testområdet", kind="utsatt", kommun=personas.kommun_a
    )
    measure = Measure.objects.get(plan=plan, key="Å3")
    save_measure(
        plan,
        by=personas.coordinator_a,
        measure=measure,
        title="Belysning",
        type="social",
        horizon="kort",
        area_kind="polisomrade",
        police_area=area,
    )

    retitled = edited_csv(plan, ("Å3", "Åtgärd", "Belysning i Testområdet"))
    apply_sheet(plan, filename="åtgärder.csv", content=retitled, by=personas.coordinator_a)
    assert Measure.objects.get(pk=measure.pk).police_area == area

    moved = edited_csv(plan, ("Å3", "Område", "Hela kommunen"))
    apply_sheet(plan, filename="åtgärder.csv", content=moved, by=personas.coordinator_a)
    assert Measure.objects.get(pk=measure.pk).police_area is None


def test_filters_narrow_by_type_horizon_owner_and_text(plan, personas):
    def keys(**filters):
        return [measure.key for measure in filter_measures(plan, **filters)]

    assert keys(type="situationell") == ["Å1"]
    assert keys(horizon="kort") == ["Å1", "Å3"]
    assert keys(owner_id=personas.police_a.pk) == ["Å1"]
    assert keys(search="RÅSLÄTT") == ["Å2"]
    assert keys(type="social", search="belysning") == ["Å3"]


def test_a_filtered_export_holds_only_those_measures_and_leaves_the_others_alone(plan, personas):
    before = state_of(plan)
    filtered = filter_measures(plan, horizon="kort")
    table = csv_table(write_csv(filtered))
    assert [row[0] for row in table[1:]] == ["Å1", "Å3"]
    edit(table, "Å3", "Metod", "Trygghetsvandring")

    changed = apply_sheet(
        plan, filename="kort-sikt.csv", content=csv_bytes(table), by=personas.coordinator_a
    )

    after = state_of(plan)
    assert changed == 1
    assert after["measures"]["Å3"] == {
        **before["measures"]["Å3"],
        "method_text": "Trygghetsvandring",
    }
    assert after["measures"]["Å1"] == before["measures"]["Å1"]
    assert after["measures"]["Å2"] == before["measures"]["Å2"]


@pytest.mark.parametrize("title", [FORMULA, "+46 36 10 50 00", "-5 grader", "@alla", "'=citerad"])
def test_formula_looking_text_is_exported_with_an_apostrophe_and_round_trips(plan, personas, title):
    measure = Measure.objects.get(plan=plan, key="Å3")
    save_measure(
        plan, by=personas.coordinator_a, measure=measure, title=title, type="social", horizon="kort"
    )
    content = write_csv(filter_measures(plan))
    sheet = openpyxl.load_workbook(io.BytesIO(write_xlsx(filter_measures(plan))))["Åtgärder"]

    assert csv_table(content)[3][1] == f"'{title}"
    assert sheet["B4"].value == f"'{title}"
    assert sheet["B4"].data_type == "s"

    edited = edited_csv(plan, ("Å3", "Metod", "Ny metod"))
    apply_sheet(plan, filename="åtgärder.csv", content=edited, by=personas.coordinator_a)
    assert Measure.objects.get(pk=measure.pk).title == title


def test_a_comma_separated_file_is_refused_with_a_header_error(plan):
    table = csv_table(write_csv(filter_measures(plan)))
    errors = errors_of(plan, csv_bytes(table, delimiter=","))
    assert len(errors) == 1
    assert errors[0].startswith("Rad 1: rubrikraden stämmer inte med exporten.")
    assert "semikolon (;)" in errors[0]


def test_a_wrong_header_names_the_missing_and_unknown_columns(plan):
    table = csv_table(write_csv(filter_measures(plan)))
    table[0][table[0].index("Typ")] = "Sorts"
    assert errors_of(plan, csv_bytes(table)) == [
        "Rad 1: rubrikraden stämmer inte med exporten. Saknas: Typ. Okända kolumner: 'Sorts'. "
        "Använd rubrikerna från en exporterad fil."
    ]


def test_a_file_not_in_utf8_is_refused_in_plain_swedish(plan):
    latin1 = write_csv(filter_measures(plan)).decode("utf-8-sig").encode("cp1252")
    assert errors_of(plan, latin1) == [
        "Filen är inte UTF-8-kodad. Spara den som UTF-8 (i Excel: 'CSV UTF-8') och försök igen."
    ]


def test_other_file_types_and_broken_excel_files_are_refused(plan):
    assert errors_of(plan, b"%PDF-1.7", filename="plan.pdf") == [
        "Välj en CSV-fil (.csv) eller en Excel-fil (.xlsx)."
    ]
    assert "går inte att öppna som Excel-fil" in errors_of(plan, b"nej", filename="plan.xlsx")[0]


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("Å9", "Rad 4: det finns ingen åtgärd med id Å9 i planen."),
        ("Å1", "Rad 4: åtgärds-id Å1 finns redan på rad 2."),
        ("", "Rad 4: Åtgärds-id saknas."),
    ],
)
def test_rows_are_matched_only_to_existing_measures_by_their_id(plan, key, message):
    errors = errors_of(plan, edited_csv(plan, ("Å3", "Åtgärds-id", key)))
    assert len(errors) == 1
    assert errors[0].startswith(message)


@pytest.mark.parametrize(
    ("header", "value", "message"),
    [
        ("Tidsperspektiv", "", "Rad 3: kolumnen Tidsperspektiv är tom. Välj Kort sikt eller"),
        ("Ansvarig organisation", "Okänd AB", "Rad 3: okänd ansvarig organisation 'Okänd AB'."),
        ("Samverkansparter", "Okänd AB", "Rad 3: okänd samverkanspart 'Okänd AB'."),
        ("Orsaker", "O999999", "Rad 3: okänd orsak 'O999999'."),
        ("Start", "15/1 2027", "Rad 3: Start '15/1 2027' är inte ett datum."),
        ("Kostnad (kr)", "250 000,50", "Rad 3: kostnaden '250 000,50' ska vara ett heltal"),
        ("Stadsdel eller ort", "", "Rad 3: Ange stadsdel eller ort."),
        ("Slut", "2026-01-01", "Rad 3: Slutdatum ligger före startdatum."),
        ("Åtgärd", "x" * 201, "Rad 3: Åtgärd får vara högst 200 tecken."),
    ],
)
def test_every_bad_cell_is_explained_with_its_row(plan, header, value, message):
    errors = errors_of(plan, edited_csv(plan, ("Å2", header, value)))
    assert errors[0].startswith(message), errors


def test_costs_may_be_written_with_spaces_between_thousands(plan):
    preview = preview_sheet(
        plan,
        filename="åtgärder.csv",
        content=edited_csv(plan, ("Å2", "Kostnad (kr)", "300\u00a0000")),
    )
    assert preview.changes[0].changes == {"Kostnad (kr)": ("250000", "300000")}


def test_only_the_coordinator_may_apply_a_sheet(plan, personas):
    content = edited_csv(plan, ("Å1", "Åtgärd", "Grannsamverkan i Ekhagen"))
    with pytest.raises(PermissionDenied):
        apply_sheet(plan, filename="åtgärder.csv", content=content, by=personas.partner_a)
    assert Measure.objects.get(plan=plan, key="Å1").title == "Grannsamverkan"


def test_a_decided_plan_is_refused(plan, personas):
    content = edited_csv(plan, ("Å1", "Åtgärd", "Grannsamverkan i Ekhagen"))
    decide_plan(
        plan,
        body="Kommunfullmäktige",
        decided_on=date(2026, 11, 1),
        reference="KS 2026/41",
        by=personas.coordinator_a,
    )

    with pytest.raises(ValidationError, match="En beslutad åtgärdsplan kan inte ändras"):
        apply_sheet(plan, filename="åtgärder.csv", content=content, by=personas.coordinator_a)
    assert Measure.objects.get(plan=plan, key="Å1").title == "Grannsamverkan"
