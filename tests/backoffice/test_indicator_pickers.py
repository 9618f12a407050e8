"""Indicator pickers are grouped by source, searchable, and never call press events crimes."""

import lxml.html
import pytest
from django.urls import reverse

from forebygg.stats.enums import Unit
from forebygg.stats.models import Indicator
from tests.plans.conftest import build_chain

CRIME = "Brå: anmälda brott (brottsstatistik)"
EVENTS = "Polisen: publicerade händelser (pressmeddelanden, inte brottsstatistik)"
LOCAL = "Kommunens egna uppgifter"


@pytest.fixture
def local_indicators(crime_statistics):
    def local(code, name):
        return Indicator.objects.create(
            key=f"lokal.{code}.{name.lower()}", name_sv=name, name_en=name, unit=Unit.VALUE,
            formula="Lokal uppgift",
        )  # fmt: skip

    return local("0680", "Trygghet i Jönköping"), local("1280", "Trygghet i Malmö")


def groups_of_select(page, select_id) -> dict[str, list[str]]:
    select = page.get_element_by_id(select_id)
    return {
        group.get("label"): [option.text for option in group.findall("option")]
        for group in select.findall("optgroup")
    }


def groups_of_checkboxes(page) -> dict[str, list[str]]:
    return {
        fieldset.findtext("legend"): [
            label.text_content().strip() for label in fieldset.iter("label")
        ]
        for fieldset in page.find_class("choice-group")
    }


def test_the_target_picker_has_one_optgroup_per_source(client, personas, local_indicators):
    chain = build_chain(personas)
    client.force_login(personas.coordinator_a)
    url = reverse("backoffice:measure", args=["0680", chain.plan.number, chain.measure.key])
    groups = groups_of_select(lxml.html.fromstring(client.get(url).content), "id_indikator")
    assert list(groups) == [CRIME, LOCAL, EVENTS]
    assert groups[CRIME][:3] == [
        "Brott mot person (3–7 kap. BrB), antal",
        "Brott mot person (3–7 kap. BrB), per 100 000 invånare (Brå)",
        "Narkotika- och vapenbrott, antal",
    ]
    assert groups[LOCAL] == ["Trygghet i Jönköping"]
    assert all(name.endswith("(publicerade polishändelser)") for name in groups[EVENTS])
    assert "Fjällräddning (publicerade polishändelser)" in groups[EVENTS]


def test_searching_narrows_the_target_picker(client, personas, local_indicators):
    chain = build_chain(personas)
    client.force_login(personas.coordinator_a)
    url = reverse("backoffice:measure", args=["0680", chain.plan.number, chain.measure.key])
    page = lxml.html.fromstring(client.get(url, {"sok": "inbrott"}).content)
    groups = groups_of_select(page, "id_indikator")
    assert list(groups) == [CRIME, EVENTS]
    assert groups[CRIME] == [
        "Stöld genom inbrott i bostad, antal",
        "Stöld genom inbrott i bostad, per 100 000 invånare (Brå)",
    ]
    assert [name for name in groups[EVENTS] if "inbrott" not in name.casefold()] == []


def test_the_problem_picker_is_checkboxes_grouped_by_source_and_searchable(
    client, personas, local_indicators
):
    client.force_login(personas.coordinator_a)
    url = reverse("backoffice:problems", args=["0680"])
    page = lxml.html.fromstring(client.get(url, {"sok": "trygghet"}).content)
    assert groups_of_checkboxes(page) == {LOCAL: ["Trygghet i Jönköping"]}
    everything = groups_of_checkboxes(lxml.html.fromstring(client.get(url).content))
    assert list(everything) == [CRIME, LOCAL, EVENTS]
