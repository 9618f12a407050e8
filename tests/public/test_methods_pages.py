"""The public method library and experience bank: ratings as the registries give them, and
only what kommuner have published."""

from datetime import date

import pytest
from django.urls import reverse

from forebygg.governance.domain import coordination
from forebygg.methods.enums import Rating, Registry
from forebygg.methods.models import EvidenceRating
from forebygg.plans.domain.planning import decide_plan, publish_plan, save_measure
from tests.backoffice.test_personas import client_for
from tests.methods.conftest import Bank, build_bank, build_library
from tests.personas import PERSONA_NAMES
from tests.plans.conftest import build_chain

METHODS = reverse("public:methods")
EXPERIENCES = reverse("public:experiences")
UNRATED_ROW = '<td colspan="6">Ej bedömd'


@pytest.fixture
def library(db):
    return build_library()


@pytest.fixture
def bank(personas, library) -> Bank:
    return build_bank(personas, library)


def method_url(slug: str) -> str:
    return reverse("public:method", kwargs={"slug": slug})


def test_the_list_shows_every_method_and_ej_bedomd_where_no_registry_rated_it(client, library):
    html = client.get(METHODS).content.decode()

    for method in library.values():
        assert method.name in html
    assert "Blueprints for Healthy Youth Development: Model" in html
    assert html.count("<td>Ej bedömd</td>") == 8


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("?bedomning=effektiv", ["TFCO"], ["Trygghetsvandring", "SSPF"]),
        ("?bedomning=ej_bedomd", ["Trygghetsvandring", "SSPF"], ["TFCO"]),
        ("?typ=situationell", ["Trygghetsvandring", "Kamerabevakning"], ["SSPF", "TFCO"]),
    ],
)
def test_the_list_filters_by_kind_and_verdict(client, library, query, shown, hidden):
    html = client.get(METHODS + query).content.decode()
    assert [name for name in shown if f">{name}" not in html] == []
    assert [name for name in hidden if f">{name}" in html] == []


def test_the_method_page_shows_each_registry_with_its_rating_or_ej_bedomd(client, library):
    html = client.get(method_url("tfco")).content.decode()

    assert "Treatment Foster Care Oregon" in html
    assert "https://www.blueprintsprograms.org/" in html
    assert "saknas i källan" in html  # the brief gives no date for the rating
    assert html.count(UNRATED_ROW) == 3  # CrimeSolutions, the UK toolkit, Metodguiden
    assert "Metodguiden beskriver metoder men ger ingen bedömning" in html


def test_a_rating_per_outcome_is_shown_with_its_date_and_link(client, library):
    EvidenceRating.objects.create(
        method=library["kamerabevakning"],
        registry=Registry.CRIMESOLUTIONS,
        rating=Rating.CS_INEFFECTIVE,
        outcome="Våldsbrott",
        rated_on=date(2025, 3, 1),
        url="https://crimesolutions.ojp.gov/",
        source_note="Testkälla",
    )

    html = client.get(method_url("kamerabevakning")).content.decode()

    assert "Våldsbrott" in html
    assert "Ineffective (No Effects)" in html
    assert "2025-03-01" in html
    assert 'href="https://crimesolutions.ojp.gov/"' in html
    assert html.count(UNRATED_ROW) == 3  # Blueprints, the UK toolkit and Metodguiden


def test_an_unknown_method_is_a_404(client, library):
    assert client.get(method_url("finns-inte")).status_code == 404


def test_only_kommuner_with_a_published_decided_plan_are_named(client, personas, library):
    chain = build_chain(personas)
    save_measure(
        chain.plan,
        by=personas.coordinator_a,
        title="Trygghetsvandringar",
        type="situationell",
        horizon="kort",
        method=library["trygghetsvandring"],
    )
    plan = decide_plan(
        chain.plan,
        body="KF",
        decided_on=date(2026, 11, 1),
        reference="1",
        by=personas.coordinator_a,
    )
    url = method_url("trygghetsvandring")
    assert (
        "Ingen kommun har metoden i en publicerad åtgärdsplan" in client.get(url).content.decode()
    )

    publish_plan(plan, by=personas.coordinator_a)

    html = client.get(url).content.decode()
    assert reverse("public:prevention", kwargs={"code": "0680"}) in html
    assert "Ingen kommun har metoden" not in html


def test_the_bank_lists_published_experiences_and_never_a_draft(client, bank):
    html = client.get(EXPERIENCES).content.decode()

    assert "Sluta skjut i Jönköping" in html
    assert "Trygghetsvandringar i Skäggetorp" in html
    assert "Utkast om skjutningar" not in html


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("?problem=busshållplatser", ["Trygghetsvandringar i Skäggetorp"]),
        ("?metod=gvi-sluta-skjut", ["Sluta skjut i Jönköping", "Sluta skjut i Malmö"]),
        ("?kommungrupp=B3", ["Sluta skjut i Jönköping", "Trygghetsvandringar i Skäggetorp"]),
        ("?lan=12", ["Sluta skjut i Malmö"]),
    ],
)
def test_the_bank_is_searched_by_problem_method_kommungrupp_and_lan(client, bank, query, shown):
    html = client.get(EXPERIENCES + query).content.decode()
    titles = ["Sluta skjut i Jönköping", "Sluta skjut i Malmö", "Trygghetsvandringar i Skäggetorp"]
    assert [title for title in titles if title in html] == shown


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_a_draft_experience_has_no_public_page_for_anyone(client, personas, bank, persona):
    client = client_for(client, personas, persona)
    url = reverse("public:experience", kwargs={"pk": bank.jonkoping_draft.pk})
    assert client.get(url).status_code == 404
    for page in (EXPERIENCES, method_url("gvi-sluta-skjut")):
        assert "Utkast om skjutningar" not in client.get(page).content.decode()


def test_the_contact_is_the_published_coordination_function(client, personas, bank):
    url = reverse("public:experience", kwargs={"pk": bank.jonkoping_gvi.pk})
    assert "har inte publicerat någon kontaktväg" in client.get(url).content.decode()

    function = coordination.save_coordination_function(
        personas.kommun_a, by=personas.coordinator_a, name="Trygg i Jönköping",
        email="trygg@jonkoping.se",
    )  # fmt: skip
    assert "trygg@jonkoping.se" not in client.get(url).content.decode()

    coordination.publish_contact_point(function, by=personas.coordinator_a)
    html = client.get(url).content.decode()
    assert "trygg@jonkoping.se" in html
    assert "Grovt våld mellan kriminella grupper" in html
    assert "B3 Större stad" in html


def test_the_method_page_links_its_published_experiences(client, bank):
    html = client.get(method_url("gvi-sluta-skjut")).content.decode()
    assert reverse("public:experience", kwargs={"pk": bank.malmo_gvi.pk}) in html


@pytest.mark.parametrize(
    ("page", "budget"),
    [(METHODS, 4), (method_url("gvi-sluta-skjut"), 5), (EXPERIENCES, 4)],
)
def test_each_page_needs_a_fixed_number_of_queries(
    client, personas, bank, library, page, budget, django_assert_max_num_queries
):
    chain = build_chain(personas)
    for slug in ("gvi-sluta-skjut", "sspf"):
        save_measure(
            chain.plan, by=personas.coordinator_a, title=slug, type="social", horizon="kort",
            method=library[slug],
        )  # fmt: skip
    plan = decide_plan(
        chain.plan,
        body="KF",
        decided_on=date(2026, 11, 1),
        reference="1",
        by=personas.coordinator_a,
    )
    publish_plan(plan, by=personas.coordinator_a)

    with django_assert_max_num_queries(budget):
        assert client.get(page).status_code == 200
