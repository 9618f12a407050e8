"""Choosing an indicator for a new target shows its baseline from the data, editable."""

import lxml.html
import pytest
from django.urls import reverse

from forebygg.plans.models import Target
from forebygg.stats.models import Indicator
from tests.plans.conftest import build_chain


@pytest.fixture
def chain(personas, crime_statistics):
    return build_chain(personas)


def measure_url(chain) -> str:
    return reverse("backoffice:measure", args=["0680", chain.plan.number, chain.measure.key])


def test_the_chosen_indicators_newest_value_fills_the_baseline(client, personas, chain):
    person_rate = Indicator.objects.get(key="bra.anmalda.person.per100k")
    client.force_login(personas.coordinator_a)
    response = client.get(measure_url(chain), {"indikator": person_rate.pk})
    page = lxml.html.fromstring(response.content)
    form = page.get_element_by_id("id_baseline_value").getparent().getparent()
    assert [
        form.get_element_by_id(name).get("value")
        for name in ("id_indicator", "id_baseline_value", "id_baseline_date", "id_source")
    ] == [str(person_rate.pk), "2420.0", "2025-12-31", "Källa: Brå (SOL), via am-dashboard-se"]
    assert (
        page.xpath("string(//form[@method='post']//fieldset/p)").split()
        == (
            "Utgångsvärdet är kommunens senaste värde ur statistiken: 2 420,0 (2025). "
            "Källa: Brå (SOL), via am-dashboard-se. Formel: "
            f"{person_rate.formula}"
        ).split()
    )


def test_a_target_posted_without_a_baseline_takes_it_from_the_data(client, personas, chain):
    person_rate = Indicator.objects.get(key="bra.anmalda.person.per100k")
    client.force_login(personas.coordinator_a)
    url = reverse("backoffice:target_add", args=["0680", chain.plan.number, chain.measure.key])
    response = client.post(
        url,
        {"indicator": person_rate.pk, "target_value": "2000", "target_date": "2028-12-31"},
    )
    assert response.status_code == 302
    target = Target.objects.get(measure=chain.measure, indicator=person_rate)
    assert (target.baseline_value, target.baseline_date.isoformat()) == (2420.0, "2025-12-31")


def test_an_indicator_id_out_of_range_chooses_nothing(client, personas, chain):
    client.force_login(personas.coordinator_a)
    response = client.get(measure_url(chain), {"indikator": "99999999999999999999"})
    page = lxml.html.fromstring(response.content)
    assert response.status_code == 200
    assert page.get_element_by_id("id_indicator").get("value") is None
