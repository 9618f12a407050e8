"""Two coordinators changing the same plan: no save silently overwrites the other's work."""

import threading
from datetime import date

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, transaction

from forebygg.core.domain.conflicts import EditConflict
from forebygg.geo.models import Kommun
from forebygg.plans.domain.planning import decide_plan, measure_version, save_measure
from forebygg.plans.models import Measure, Plan
from tests.personas import build_personas
from tests.plans.conftest import build_chain

pytestmark = pytest.mark.django_db

FIELDS = {"type": "situationell", "horizon": "kort"}


def test_a_save_from_a_stale_version_is_refused_and_changes_nothing(chain, personas):
    base = measure_version(chain.measure)
    save_measure(chain.plan, by=personas.coordinator_a, measure=chain.measure, base=base,
                 title="Grannsamverkan i villaområden", causes=[chain.cause], **FIELDS)  # fmt: skip

    with pytest.raises(EditConflict) as refused:
        save_measure(chain.plan, by=personas.coordinator_a, measure=chain.measure, base=base,
                     title="Grannsamverkan dagtid", causes=[chain.cause], **FIELDS)  # fmt: skip

    assert Measure.objects.get(pk=chain.measure.pk).title == "Grannsamverkan i villaområden"
    assert refused.value.current.title == "Grannsamverkan i villaområden"
    assert refused.value.version == measure_version(Measure.objects.get(pk=chain.measure.pk))


def test_the_version_returned_with_the_conflict_lets_the_merged_values_be_saved(chain, personas):
    base = measure_version(chain.measure)
    save_measure(chain.plan, by=personas.coordinator_a, measure=chain.measure, base=base,
                 title="Ny rubrik", causes=[chain.cause], **FIELDS)  # fmt: skip
    with pytest.raises(EditConflict) as refused:
        save_measure(chain.plan, by=personas.coordinator_a, measure=chain.measure, base=base,
                     title="Annan rubrik", causes=[], **FIELDS)  # fmt: skip

    save_measure(chain.plan, by=personas.coordinator_a, measure=chain.measure,
                 base=refused.value.version, title="Sammanslagen rubrik", causes=[chain.cause],
                 **FIELDS)  # fmt: skip

    assert Measure.objects.get(pk=chain.measure.pk).title == "Sammanslagen rubrik"


@pytest.mark.parametrize(
    "change",
    [
        {"description": "Nytt genomförande"},
        {"cost": 25_000},
        {"start": date(2027, 2, 1)},
        {"causes": []},
    ],
    ids=["text", "cost", "date", "causes"],
)
def test_any_change_by_someone_else_makes_the_version_stale(chain, personas, change):
    base = measure_version(chain.measure)
    values = {"title": "Grannsamverkan", "causes": [chain.cause], **FIELDS, **change}
    save_measure(chain.plan, by=personas.coordinator_a, measure=chain.measure, **values)

    assert measure_version(Measure.objects.get(pk=chain.measure.pk)) != base


def test_saving_the_same_values_again_keeps_the_version(chain, personas):
    base = measure_version(chain.measure)
    save_measure(chain.plan, by=personas.coordinator_a, measure=chain.measure, base=base,
                 title="Grannsamverkan", owner=personas.police_a, causes=[chain.cause],
                 **FIELDS)  # fmt: skip

    assert measure_version(Measure.objects.get(pk=chain.measure.pk)) == base


def test_a_measure_edit_from_a_page_opened_before_the_decision_is_refused(chain, personas):
    page_copy = Plan.objects.get(pk=chain.plan.pk)
    decide_plan(chain.plan, body="Kommunfullmäktige", decided_on=date(2026, 12, 1),
                reference="KS 2026/1", by=personas.coordinator_a)  # fmt: skip

    with pytest.raises(ValidationError, match="beslutad åtgärdsplan kan inte ändras"):
        save_measure(page_copy, by=personas.coordinator_a, title="Sent tillägg", **FIELDS)

    assert Measure.objects.filter(plan=chain.plan).count() == 1


def test_a_second_decision_from_a_stale_page_is_refused(chain, personas):
    page_copy = Plan.objects.get(pk=chain.plan.pk)
    decide_plan(chain.plan, body="Kommunfullmäktige", decided_on=date(2026, 12, 1),
                reference="KS 2026/1", by=personas.coordinator_a)  # fmt: skip

    with pytest.raises(ValidationError):
        decide_plan(page_copy, body="Kommunstyrelsen", decided_on=date(2026, 12, 2),
                    reference="KS 2026/2", by=personas.coordinator_a)  # fmt: skip

    assert Plan.objects.get(pk=chain.plan.pk).reference == "KS 2026/1"


@pytest.fixture
def committed_personas(transactional_db):
    """Personas in committed rows; an earlier transactional test may have emptied the tables."""
    if not Kommun.objects.exists():
        call_command("import_reference", verbosity=0)
    return build_personas()


@pytest.mark.skipif(
    "sqlite" in settings.DATABASES["default"]["ENGINE"],
    reason="SQLite lets one writer at a time hold the whole file; there are no row locks to test",
)
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_from_the_same_version_let_exactly_one_through(
    committed_personas,
):
    """Real transactions on two connections: the second waits for the first's row lock."""
    personas = committed_personas
    chain = build_chain(personas)
    base = measure_version(chain.measure)
    first_saved = threading.Event()
    outcomes = {}

    def save(name: str, title: str, hold_open: bool) -> None:
        try:
            if not hold_open:
                first_saved.wait(timeout=10)
            with transaction.atomic():
                measure = Measure.objects.get(pk=chain.measure.pk)
                save_measure(measure.plan, by=personas.coordinator_a, measure=measure, base=base,
                             title=title, causes=[chain.cause], **FIELDS)  # fmt: skip
                if hold_open:
                    first_saved.set()
                    threading.Event().wait(0.5)  # the other save starts while this one is open
            outcomes[name] = "sparad"
        except EditConflict:
            outcomes[name] = "nekad"
        finally:
            first_saved.set()
            connection.close()

    threads = [
        threading.Thread(target=save, args=("alice", "Alices rubrik", True)),
        threading.Thread(target=save, args=("anna", "Annas rubrik", False)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert outcomes == {"alice": "sparad", "anna": "nekad"}
    assert Measure.objects.get(pk=chain.measure.pk).title == "Alices rubrik"
