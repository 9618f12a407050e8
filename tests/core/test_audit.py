"""The change log's domain function: who changed what and when, with before and after."""

from django.apps import apps

from forebygg.core.domain.audit import FieldChange, audited_types, list_changes
from forebygg.core.models import save_as
from forebygg.notes.domain import write_note
from forebygg.notes.models import Note
from forebygg.orgs.access import KommunOwnedModel
from forebygg.orgs.enums import Visibility
from forebygg.plans.models import Measure
from tests.plans.conftest import build_chain


def rename(note, title, *, by):
    return write_note(
        note,
        kommun=note.kommun,
        by=by,
        title=title,
        body=note.body,
        visibility=note.visibility,
        shared_with=[],
    )


def test_an_edit_shows_who_changed_which_field_from_what_to_what(personas):
    rename(personas.draft_a, "A-utkast omdöpt", by=personas.coordinator_a)

    newest = list_changes(kommun=personas.kommun_a).changes[0]

    assert newest.who == personas.coordinator_a
    assert newest.kind == "~"
    assert newest.kind_label == "Ändrad"
    assert newest.type_label == "Anteckning"
    assert newest.object_label == "A-utkast omdöpt"
    assert newest.fields == [FieldChange("Rubrik", "A-utkast hemligt", "A-utkast omdöpt")]


def test_a_new_object_shows_its_values_as_after(personas):
    created = list_changes(kommun=personas.kommun_a, model=Note).changes[-1]

    assert created.kind == "+"
    assert created.object_label == "A-utkast hemligt"
    assert FieldChange("Synlighet", "", "Utkast – bara kommunen") in created.fields
    assert FieldChange("Rubrik", "", "A-utkast hemligt") in created.fields


def test_a_deletion_is_listed_with_the_object_it_removed(personas):
    note = personas.published_a
    note._history_user = personas.coordinator_a
    note.delete()

    newest = list_changes(kommun=personas.kommun_a).changes[0]

    assert (newest.kind, newest.kind_label, newest.object_label) == (
        "-",
        "Borttagen",
        "A-publicerat",
    )
    assert newest.fields == []


def test_a_kommun_sees_only_its_own_changes(personas):
    assert Note.history.filter(title="B-utkast").exists()

    titles = {change.object_label for change in list_changes(kommun=personas.kommun_a).changes}

    assert "B-utkast" not in titles
    assert titles == {
        "A-utkast hemligt",
        "A-delat med polisen",
        "A-inskickat till länet",
        "A-publicerat",
        # the kommun's partnerships with the police and the region
        "Lokalpolisområde Jönköping i Jönköping",
        "Region Jönköpings län i Jönköping",
    }


def test_the_site_wide_log_holds_every_kommun(personas):
    titles = {change.object_label for change in list_changes(model=Note).changes}

    assert {"B-utkast", "A-utkast hemligt"} <= titles


def test_a_plans_measures_and_targets_count_as_the_kommuns_changes(personas):
    chain = build_chain(personas)
    chain.measure.title = "Grannsamverkan i Öxnehaga"
    save_as(chain.measure, by=personas.coordinator_a)

    changes = list_changes(kommun=personas.kommun_a).changes
    measure_change = changes[0]

    assert measure_change.type_label == "Åtgärd"
    assert FieldChange("Åtgärd", "Grannsamverkan", "Grannsamverkan i Öxnehaga") in (
        measure_change.fields
    )
    assert {"Åtgärdsplan", "Åtgärd", "Mål", "Problem", "Orsak", "Lägesbild"} <= {
        change.type_label for change in changes
    }
    assert list_changes(kommun=personas.kommun_b, model=Measure).count == 0


def test_changes_filter_by_model_and_by_user(personas):
    rename(personas.draft_a, "A-utkast omdöpt", by=personas.coordinator_a)
    build_chain(personas)

    notes = list_changes(kommun=personas.kommun_a, model=Note)
    alice = personas.coordinator_a
    by_alice = list_changes(kommun=personas.kommun_a, user=alice)
    by_bob = list_changes(kommun=personas.kommun_a, user=personas.member_b)

    assert {change.type_label for change in notes.changes} == {"Anteckning"}
    assert notes.count == 5
    everything = list_changes(kommun=personas.kommun_a).changes
    assert by_alice.count == len([change for change in everything if change.who == alice])
    assert by_alice.count == len(everything) - 2  # all but the two partnerships the set-up made
    assert by_bob.count == 0


def test_pages_run_newest_first(personas):
    for number in range(5):
        rename(personas.draft_a, f"Version {number}", by=personas.coordinator_a)

    first = list_changes(kommun=personas.kommun_a, model=Note, per_page=3)
    second = list_changes(kommun=personas.kommun_a, model=Note, page=2, per_page=3)

    assert [change.object_label for change in first.changes] == [
        "Version 4",
        "Version 3",
        "Version 2",
    ]
    assert (first.count, first.num_pages, first.has_next, second.has_previous) == (9, 3, True, True)
    assert [change.when for change in first.changes + second.changes] == sorted(
        (change.when for change in first.changes + second.changes), reverse=True
    )
    assert list_changes(kommun=personas.kommun_a, page="nonsens", per_page=3).number == 1


def test_every_kommun_owned_model_is_in_the_kommun_log():
    kommun_owned = {
        model
        for model in apps.get_models()
        if issubclass(model, KommunOwnedModel) and model.__module__.startswith("forebygg.")
    }

    in_log = {audited.model for audited in audited_types(kommun_scoped=True)}

    assert kommun_owned
    assert kommun_owned <= in_log


def test_a_visibility_change_is_shown_with_its_swedish_labels(personas):
    note = personas.draft_a
    write_note(
        note,
        kommun=note.kommun,
        by=personas.coordinator_a,
        title=note.title,
        body=note.body,
        visibility=Visibility.PUBLISHED,
        shared_with=[],
    )

    newest = list_changes(kommun=personas.kommun_a).changes[0]

    assert newest.fields == [
        FieldChange("Synlighet", "Utkast – bara kommunen", "Publicerad för alla")
    ]
