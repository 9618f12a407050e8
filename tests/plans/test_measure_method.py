"""A measure links to a method in the library: frozen with the plan, copied, and in the sheet."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from forebygg.methods.domain.library import seed_method_library
from forebygg.methods.models import Method
from forebygg.plans.domain.planning import decide_plan, revise_plan, save_measure
from forebygg.plans.domain.spreadsheet import apply_sheet, filter_measures, preview_sheet, write_csv
from forebygg.plans.models import Measure
from tests.plans.test_spreadsheet import csv_bytes, csv_table, edit


@pytest.fixture
def library(db) -> dict[str, Method]:
    seed_method_library()
    return {method.slug: method for method in Method.objects.all()}


@pytest.fixture
def measure(chain, personas, library) -> Measure:
    return save_measure(
        chain.plan,
        by=personas.coordinator_a,
        measure=chain.measure,
        title="Grannsamverkan",
        type="situationell",
        horizon="kort",
        owner=personas.police_a,
        causes=[chain.cause],
        method=library["trygghetsvandring"],
        method_text="Trygghetsvandring med boende",
    )


def decide(plan, by):
    return decide_plan(plan, body="KF", decided_on=date(2026, 11, 1), reference="1", by=by)


def test_a_decided_plan_keeps_its_measures_method(chain, personas, library, measure):
    decide(chain.plan, personas.coordinator_a)
    frozen = Measure.objects.get(pk=measure.pk)
    frozen.method = library["sspf"]

    with pytest.raises(ValidationError, match="beslutad åtgärdsplan"):
        frozen.save()
    assert Measure.objects.get(pk=measure.pk).method == library["trygghetsvandring"]


def test_the_decision_snapshot_holds_the_method(chain, personas, measure):
    plan = decide(chain.plan, personas.coordinator_a)
    [content] = plan.snapshot["measures"]

    assert content["method"] == "Trygghetsvandring med boende"
    assert content["library_method"] == {"slug": "trygghetsvandring", "name": "Trygghetsvandring"}


def test_a_revision_copies_the_method(chain, personas, library, measure):
    draft = revise_plan(decide(chain.plan, personas.coordinator_a), by=personas.coordinator_a)
    copy = draft.measures.get(key="Å1")
    assert (copy.method, copy.method_text) == (
        library["trygghetsvandring"],
        "Trygghetsvandring med boende",
    )


def test_a_method_in_use_cannot_be_deleted(library, measure):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        library["trygghetsvandring"].delete()


def test_the_sheet_shows_the_method_and_reads_it_back_by_name(chain, personas, library, measure):
    table = csv_table(write_csv(filter_measures(chain.plan)))
    row = dict(zip(table[0], table[1], strict=True))
    assert (row["Metod"], row["Metod i metodbiblioteket"]) == (
        "Trygghetsvandring med boende",
        "Trygghetsvandring",
    )

    edit(table, "Å1", "Metod i metodbiblioteket", "Skola och polis")
    assert preview_sheet(chain.plan, filename="a.csv", content=csv_bytes(table)).errors == [
        "Rad 2: okänd metod 'Skola och polis'. Ange metodens namn som det står i "
        "metodbiblioteket, eller lämna kolumnen tom."
    ]
    assert Measure.objects.get(pk=measure.pk).method == library["trygghetsvandring"]

    edit(table, "Å1", "Metod i metodbiblioteket", "SSPF – SKOLA, SOCIALTJÄNST, POLIS OCH FRITID")
    apply_sheet(chain.plan, filename="a.csv", content=csv_bytes(table), by=personas.coordinator_a)
    assert Measure.objects.get(pk=measure.pk).method == library["sspf"]


def test_a_sheet_without_the_method_column_still_reads_and_keeps_the_method(
    chain, personas, library, measure
):
    table = csv_table(write_csv(filter_measures(chain.plan)))
    column = table[0].index("Metod i metodbiblioteket")
    older = [row[:column] + row[column + 1 :] for row in table]
    edit(older, "Å1", "Åtgärd", "Grannsamverkan i villaområden")

    apply_sheet(chain.plan, filename="a.csv", content=csv_bytes(older), by=personas.coordinator_a)

    saved = Measure.objects.get(pk=measure.pk)
    assert (saved.title, saved.method) == (
        "Grannsamverkan i villaområden",
        library["trygghetsvandring"],
    )


def test_an_empty_method_cell_removes_the_method(chain, personas, measure):
    table = csv_table(write_csv(filter_measures(chain.plan)))
    edit(table, "Å1", "Metod i metodbiblioteket", "")
    apply_sheet(chain.plan, filename="a.csv", content=csv_bytes(table), by=personas.coordinator_a)
    assert Measure.objects.get(pk=measure.pk).method is None


def test_the_plan_filter_searches_the_methods_name(chain, measure):
    assert [m.key for m in filter_measures(chain.plan, search="TRYGGHETSVANDRING")] == ["Å1"]
