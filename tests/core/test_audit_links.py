"""The change log shows each changed link (many-to-many) by the names before and after."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forebygg.core.domain.audit import FieldChange, list_changes
from forebygg.governance.domain import actors, agreements, coordination, council
from forebygg.governance.models import Agreement, CoordinationFunction, Meeting
from forebygg.orgs.domain.authorities import kommun_administration
from forebygg.plans.domain.planning import save_measure
from forebygg.plans.domain.problems import add_cause
from forebygg.plans.models import Measure
from tests.governance.conftest import build_governance
from tests.plans.conftest import build_chain


def newest(kommun, model):
    return list_changes(kommun=kommun, model=model).changes[0]


def relink_measure(chain, personas, *, causes, partners=()):
    """Save the chain's measure with the same fields and new links."""
    return save_measure(
        chain.plan, by=personas.coordinator_a, measure=chain.measure, title="Grannsamverkan",
        type="situationell", horizon="kort", owner=personas.police_a, causes=causes,
        partners=partners,
    )  # fmt: skip


def test_removing_a_party_from_an_agreement_shows_the_parties_before_and_after(personas):
    governance = build_governance(personas)
    by = personas.coordinator_a

    agreements.save_agreement(
        governance.agreement, kommun=personas.kommun_a, by=by, parties=[personas.police_a]
    )

    change = newest(personas.kommun_a, Agreement)
    assert (change.who, change.kind) == (by, "~")
    assert change.fields == [
        FieldChange(
            "Delas med",
            "Föreningen Nattvandrarna, Lokalpolisområde Jönköping",
            "Lokalpolisområde Jönköping",
        ),
        FieldChange(
            "Parter",
            "Föreningen Nattvandrarna, Jönköpings kommun, Lokalpolisområde Jönköping",
            "Jönköpings kommun, Lokalpolisområde Jönköping",
        ),
    ]


def test_a_new_agreement_lists_its_parties_as_after(personas):
    governance = build_governance(personas)

    created = list_changes(kommun=personas.kommun_a, model=Agreement).changes[-1]

    assert created.kind == "+"
    assert created.object_label == governance.agreement.title
    assert (
        FieldChange(
            "Parter", "", "Föreningen Nattvandrarna, Jönköpings kommun, Lokalpolisområde Jönköping"
        )
        in created.fields
    )


def test_changing_a_measures_partners_and_causes_shows_both_before_and_after(personas):
    chain = build_chain(personas)
    by = personas.coordinator_a
    other_cause = add_cause(
        chain.problem, perspective="offer", text="Ensamma hus under semestern", by=by
    )

    relink_measure(
        chain, personas, causes=[other_cause],
        partners=[personas.police_a, kommun_administration(personas.kommun_a)],
    )  # fmt: skip

    change = newest(personas.kommun_a, Measure)
    assert change.fields == [
        FieldChange("Orsaker", "Få vuxna ute dagtid", "Ensamma hus under semestern"),
        FieldChange("Samverkansparter", "", "Jönköpings kommun, Lokalpolisområde Jönköping"),
    ]


def test_meeting_attendance_shows_who_was_there_before_and_after(personas):
    governance = build_governance(personas)
    by = personas.coordinator_a
    chair, police = governance.council.members.order_by("pk")
    meeting = council.hold_meeting(
        governance.council, held_on=date(2026, 3, 2), by=by, attendees=[chair]
    )

    council.record_minutes(
        meeting, minutes="Beslut om trygghetsvandring.", attendees=[police], by=by
    )

    change = newest(personas.kommun_a, Meeting)
    assert change.reason == "Protokoll"
    assert (
        FieldChange(
            "Närvarande",
            "Kommundirektör, Jönköpings kommun",
            "Lokalpolisområdeschef, Lokalpolisområde Jönköping",
        )
        in change.fields
    )


def test_names_that_hold_a_comma_are_separated_by_semicolons(personas):
    governance = build_governance(personas)
    by = personas.coordinator_a
    chair, police = governance.council.members.order_by("pk")
    meeting = council.hold_meeting(
        governance.council, held_on=date(2026, 3, 2), by=by, attendees=[chair]
    )

    council.record_minutes(meeting, minutes="Protokoll.", attendees=[chair, police], by=by)

    change = newest(personas.kommun_a, Meeting)
    assert (
        FieldChange(
            "Närvarande",
            "Kommundirektör, Jönköpings kommun",
            "Kommundirektör, Jönköpings kommun; Lokalpolisområdeschef, Lokalpolisområde Jönköping",
        )
        in change.fields
    )


def test_the_coordination_functions_persons_show_before_and_after(personas):
    by = personas.coordinator_a
    kommun = personas.kommun_a
    anna = actors.add_contact_person(
        kommun, organisation=kommun_administration(kommun), name="Anna Berg", by=by
    )
    omar = actors.add_contact_person(
        kommun, organisation=personas.police_a, name="Omar Said", by=by
    )
    coordination.save_coordination_function(kommun, by=by, name="Samordnare", persons=[anna])

    coordination.save_coordination_function(kommun, by=by, name="Samordnare", persons=[omar])

    change = newest(kommun, CoordinationFunction)
    assert change.fields == [
        FieldChange(
            "Personer", "Anna Berg, Jönköpings kommun", "Omar Said, Lokalpolisområde Jönköping"
        )
    ]


def test_a_link_to_a_deleted_object_is_named_as_deleted(personas):
    chain = build_chain(personas)
    by = personas.coordinator_a
    cause = add_cause(chain.problem, perspective="offer", text="Tillfällig orsak", by=by)
    relink_measure(chain, personas, causes=[cause])
    relink_measure(chain, personas, causes=[chain.cause])
    cause_pk = cause.pk
    cause.delete()

    changes = list_changes(kommun=personas.kommun_a, model=Measure).changes

    assert changes[0].fields == [
        FieldChange("Orsaker", f"#{cause_pk} (borttagen)", "Få vuxna ute dagtid")
    ]


def test_more_link_changes_take_no_more_queries(personas):
    governance = build_governance(personas)
    by = personas.coordinator_a
    parties = [[personas.police_a], [personas.police_a, governance.civil_society]]

    def queries_for_agreement_log() -> int:
        with CaptureQueriesContext(connection) as captured:
            list_changes(kommun=personas.kommun_a, model=Agreement)
        return len(captured.captured_queries)

    agreements.save_agreement(
        governance.agreement, kommun=personas.kommun_a, by=by, parties=parties[0]
    )
    few = queries_for_agreement_log()
    for number in range(10):
        agreements.save_agreement(
            governance.agreement, kommun=personas.kommun_a, by=by, parties=parties[number % 2]
        )
    many = queries_for_agreement_log()

    assert many == few


def test_the_admin_change_log_shows_a_removed_party(client, personas):
    governance = build_governance(personas)
    agreements.save_agreement(
        governance.agreement,
        kommun=personas.kommun_a,
        by=personas.coordinator_a,
        parties=[personas.police_a],
    )
    client.force_login(get_user_model().objects.create_superuser("root", password="x" * 12))

    html = client.get(reverse("admin:change_log"), {"typ": "governance.agreement"}).content.decode()

    newest_row = html.split('<td class="nowrap">')[1]
    assert (
        '<li><span class="audit-field">Parter</span>: <del><span class="visually-hidden">före '
        "</span>Föreningen Nattvandrarna, Jönköpings kommun, Lokalpolisområde Jönköping</del> → "
        '<ins><span class="visually-hidden">efter </span>Jönköpings kommun, Lokalpolisområde '
        "Jönköping</ins></li>"
    ) in newest_row
