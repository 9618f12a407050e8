"""The åtgärdsplan: measures tied to causes, decided by a named body, frozen, versioned."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from forebygg.lagesbild.domain import draft_lagesbild
from forebygg.orgs.models import Organisation
from forebygg.plans.domain.planning import (
    add_target,
    content_hash,
    create_plan,
    decide_plan,
    revise_plan,
    save_measure,
)
from forebygg.plans.enums import PlanStatus
from forebygg.plans.models import Measure


def decide(chain, by):
    return decide_plan(
        chain.plan,
        body="Kommunfullmäktige",
        decided_on=date(2026, 11, 1),
        reference="KS 2026/41",
        by=by,
    )


def test_a_plan_must_be_based_on_a_decided_lagesbild(personas):
    draft = draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)
    with pytest.raises(ValidationError, match="fastställd lägesbild"):
        create_plan(personas.kommun_a, lagesbild=draft, title="Plan", by=personas.coordinator_a)


def test_measures_get_stable_keys_and_keep_their_causes_and_owner(chain, personas):
    second = save_measure(
        chain.plan,
        by=personas.coordinator_a,
        title="Föräldrastöd",
        type="social",
        horizon="lang",
        causes=[chain.cause],
    )
    assert [chain.measure.key, second.key] == ["Å1", "Å2"]
    assert list(second.causes.all()) == [chain.cause]
    assert chain.measure.owner == personas.police_a


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "", "type": "social", "horizon": "kort"}, "Ange åtgärden"),
        ({"title": "X", "type": "annan", "horizon": "kort"}, "Välj typ"),
        ({"title": "X", "type": "social", "horizon": "medel"}, "tidsperspektiv"),
        ({"title": "X", "type": "social", "horizon": "kort", "area_kind": "stadsdel"}, "stadsdel"),
        (
            {
                "title": "X",
                "type": "social",
                "horizon": "kort",
                "start": date(2027, 1, 1),
                "end": date(2026, 1, 1),
            },
            "före startdatum",
        ),  # fmt: skip
        ({"title": "X", "type": "social", "horizon": "kort", "cost": -5}, "negativ"),
        ({"title": "X", "type": "social", "horizon": "kort", "funding": "lotteri"}, "finansiering"),
    ],
)
def test_invalid_measures_are_refused_with_a_swedish_reason(chain, personas, fields, message):
    with pytest.raises(ValidationError, match=message):
        save_measure(chain.plan, by=personas.coordinator_a, **fields)
    assert Measure.objects.filter(plan=chain.plan).count() == 1


def test_an_owner_that_does_not_work_with_the_kommun_is_refused(chain, personas):
    stranger = Organisation.objects.create(name="Bolag i Malmö", type="bostadsbolag")
    with pytest.raises(ValidationError, match="ansvariga organisationen"):
        save_measure(
            chain.plan, by=personas.coordinator_a, title="X", type="social", horizon="kort",
            owner=stranger,
        )  # fmt: skip


def test_a_target_needs_an_indicator_a_later_target_date_and_a_source(chain, personas):
    by = personas.coordinator_a
    base = {"baseline_value": 1, "baseline_date": date(2026, 1, 1), "target_value": 2}
    with pytest.raises(ValidationError, match="indikator"):
        add_target(chain.measure, by=by, target_date=date(2027, 1, 1), source="X", **base)
    with pytest.raises(ValidationError, match="efter"):
        add_target(
            chain.measure, by=by, local_name="Y", target_date=date(2025, 1, 1), source="X", **base
        )
    with pytest.raises(ValidationError, match="källan"):
        add_target(chain.measure, by=by, local_name="Y", target_date=date(2027, 1, 1), **base)


def test_deciding_records_body_date_and_reference_and_freezes_everything(chain, personas):
    plan = decide(chain, personas.coordinator_a)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DECIDED
    assert (plan.decided_body, plan.decided_on, plan.reference) == (
        "Kommunfullmäktige", date(2026, 11, 1), "KS 2026/41",
    )  # fmt: skip
    assert plan.snapshot["lagesbild"]["number"] == chain.plan.lagesbild.number
    assert plan.content_hash == content_hash(plan.snapshot)
    assert plan.snapshot["measures"][0]["causes"][0]["cause"] == "Få vuxna ute dagtid"
    measure = Measure.objects.get(pk=chain.measure.pk)
    measure.title = "Ändrad i efterhand"
    with pytest.raises(ValidationError, match="beslutad åtgärdsplan"):
        measure.save()
    # Django changes links inside a transaction; the savepoint keeps the test's one usable.
    with pytest.raises(ValidationError, match="beslutad åtgärdsplan"), transaction.atomic():
        measure.causes.clear()
    with pytest.raises(ValidationError, match="beslutad åtgärdsplan"), transaction.atomic():
        chain.cause.measures.remove(measure)
    with pytest.raises(ValidationError, match="beslutad åtgärdsplan"):
        measure.targets.first().save()
    with pytest.raises(ValidationError):
        save_measure(plan, by=personas.coordinator_a, title="Ny", type="social", horizon="kort")
    unchanged = Measure.objects.get(pk=chain.measure.pk)
    assert unchanged.title == "Grannsamverkan"
    assert list(unchanged.causes.all()) == [chain.cause]


def test_a_decision_needs_body_date_reference_and_measures(chain, personas):
    with pytest.raises(ValidationError) as error:
        decide_plan(chain.plan, body="", decided_on=None, reference="", by=personas.coordinator_a)
    assert len(error.value.messages) == 3
    chain.plan.refresh_from_db()
    assert chain.plan.status == PlanStatus.DRAFT


def test_only_the_coordinator_decides(chain, personas):
    with pytest.raises(PermissionDenied):
        decide(chain, personas.partner_a)


def test_a_revision_is_a_new_version_with_the_same_measures_causes_and_targets(chain, personas):
    decided = decide(chain, personas.coordinator_a)
    revision = revise_plan(decided, by=personas.coordinator_a)
    assert (revision.number, revision.based_on, revision.status) == (2, decided, PlanStatus.DRAFT)
    copy = revision.measures.get()
    assert copy.key == chain.measure.key and copy.pk != chain.measure.pk
    assert list(copy.causes.all()) == [chain.cause]
    assert copy.targets.get().local_name == "Andel som känner sig trygga (lokal enkät)"
    save_measure(revision, by=personas.coordinator_a, measure=copy, title="Grannsamverkan 2.0",
                 type="situationell", horizon="kort")  # fmt: skip
    assert Measure.objects.get(pk=chain.measure.pk).title == "Grannsamverkan"


def test_only_one_draft_plan_at_a_time(chain, personas):
    with pytest.raises(ValidationError, match="redan ett utkast"):
        create_plan(
            personas.kommun_a, lagesbild=chain.plan.lagesbild, title="X", by=personas.coordinator_a
        )
