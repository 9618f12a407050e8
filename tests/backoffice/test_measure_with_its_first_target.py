"""A new measure can be saved with its first target, and the writer can go on to the next."""

import pytest
from django.urls import reverse

from forebygg.plans.models import Measure, Target
from tests.backoffice.test_personas import client_for
from tests.plans.conftest import build_chain

pytestmark = pytest.mark.django_db

TARGET = {
    "mal-local_name": "Trygghet i centrum",
    "mal-baseline_value": "60",
    "mal-baseline_date": "2026-01-01",
    "mal-target_value": "70",
    "mal-target_date": "2028-01-01",
    "mal-source": "Trygghetsmätningen",
}


def measure_fields(chain) -> dict:
    return {
        "title": "Nattvandring",
        "causes": [chain.cause.pk],
        "type": "situationell",
        "horizon": "kort",
        "area_kind": "kommun",
        "funding": "egen",
    }


def create_url(chain) -> str:
    return reverse(
        "backoffice:measure_create", kwargs={"code": "0680", "number": chain.plan.number}
    )


def test_the_measure_and_its_target_are_saved_and_the_next_measure_form_opens(client, personas):
    chain = build_chain(personas)

    response = client_for(client, personas, "coordinator_a").post(
        create_url(chain), {**measure_fields(chain), **TARGET, "then": "ny-atgard"}
    )

    assert response.status_code == 302
    assert response.url == create_url(chain)
    measure = Measure.objects.get(plan=chain.plan, title="Nattvandring")
    assert list(measure.targets.values_list("local_name", "target_value")) == [
        ("Trygghet i centrum", 70.0)
    ]


def test_without_a_target_the_measure_is_saved_and_the_plan_opens(client, personas):
    chain = build_chain(personas)

    response = client_for(client, personas, "coordinator_a").post(
        create_url(chain), {**measure_fields(chain), "then": "plan"}
    )

    assert response.url == reverse(
        "backoffice:plan", kwargs={"code": "0680", "number": chain.plan.number}
    )
    assert Measure.objects.get(plan=chain.plan, title="Nattvandring").targets.count() == 0


def test_half_a_target_saves_neither(client, personas):
    chain = build_chain(personas)
    targets_before = Target.objects.count()

    response = client_for(client, personas, "coordinator_a").post(
        create_url(chain), {**measure_fields(chain), "mal-local_name": "Trygghet"}
    )

    assert response.status_code == 200
    assert Measure.objects.filter(plan=chain.plan, title="Nattvandring").count() == 0
    assert Target.objects.count() == targets_before
