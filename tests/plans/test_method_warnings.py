"""A measure's method and its evidence: rated no effect or harm warns, "ej bedömd" notes."""

import pytest

from forebygg.methods.domain.library import seed_method_library
from forebygg.methods.enums import Rating, Registry
from forebygg.methods.models import EvidenceRating, Method
from forebygg.plans.domain.planning import save_measure
from forebygg.plans.domain.warnings import warnings_for


@pytest.fixture
def library(db) -> dict[str, Method]:
    seed_method_library()
    return {method.slug: method for method in Method.objects.all()}


def choose(chain, personas, method):
    return save_measure(
        chain.plan,
        by=personas.coordinator_a,
        measure=chain.measure,
        title="Grannsamverkan",
        type="situationell",
        horizon="kort",
        owner=personas.police_a,
        causes=[chain.cause],
        method=method,
    )


def method_warnings(personas) -> list:
    return [w for w in warnings_for(personas.kommun_a) if w.kind.startswith("metod")]


def rate(method, registry, rating, outcome):
    EvidenceRating.objects.create(
        method=method, registry=registry, rating=rating, outcome=outcome, source_note="Test"
    )


def test_a_measure_without_a_library_method_gets_no_method_warning(chain, personas, library):
    assert method_warnings(personas) == []


@pytest.mark.parametrize(
    ("registry", "rating", "shown", "verdict"),
    [
        (
            Registry.CRIMESOLUTIONS,
            Rating.CS_INEFFECTIVE,
            "Ineffective (No Effects)",
            "ingen effekt",
        ),
        (Registry.CRIMESOLUTIONS, Rating.CS_NEGATIVE, "Negative Effects", "negativa effekter"),
        (Registry.UK_TOOLKIT, Rating.HARMFUL, "Negativa effekter", "negativa effekter"),
    ],
)
def test_a_method_rated_ineffective_or_harmful_names_registry_outcome_and_rating(
    chain, personas, library, registry, rating, shown, verdict
):
    camera = library["kamerabevakning"]
    rate(camera, registry, rating, "Våldsbrott på allmän plats")
    choose(chain, personas, camera)

    [warning] = method_warnings(personas)

    assert warning.kind == "metod"
    assert warning.subject == "Å1 Grannsamverkan"
    assert f"”{verdict}”" in warning.message
    assert "”Våldsbrott på allmän plats”" in warning.message
    assert str(dict(Registry.choices)[registry]) in warning.message
    assert shown in warning.message


def test_each_adverse_outcome_is_named_even_when_another_outcome_is_effective(
    chain, personas, library
):
    camera = library["kamerabevakning"]
    rate(camera, Registry.CRIMESOLUTIONS, Rating.CS_EFFECTIVE, "Fordonsbrott")
    rate(camera, Registry.CRIMESOLUTIONS, Rating.CS_INEFFECTIVE, "Våldsbrott")
    choose(chain, personas, camera)

    warnings = method_warnings(personas)

    assert [w.kind for w in warnings] == ["metod"]
    assert "”Våldsbrott”" in warnings[0].message
    assert "Fordonsbrott" not in warnings[0].message


def test_a_method_rated_effective_gives_no_warning(chain, personas, library):
    choose(chain, personas, library["tfco"])  # Blueprints: Model
    assert method_warnings(personas) == []


def test_a_promising_rating_gives_no_warning(chain, personas, library):
    rate(library["est"], Registry.UK_TOOLKIT, Rating.PROMISING, "Ordningsstörningar")
    choose(chain, personas, library["est"])
    assert method_warnings(personas) == []


def test_an_unrated_method_gets_the_softer_ej_bedomd_note(chain, personas, library):
    choose(chain, personas, library["trygghetsvandring"])

    [warning] = method_warnings(personas)

    assert warning.kind == "metod_ej_bedomd"
    assert "Trygghetsvandring är ej bedömd" in warning.message


def test_only_inconclusive_evidence_is_named_as_such(chain, personas, library):
    rate(library["sig"], Registry.CRIMESOLUTIONS, Rating.CS_INCONCLUSIVE, "Återfall")
    rate(library["sig"], Registry.METODGUIDEN, Rating.MG_DESCRIBED, "")
    choose(chain, personas, library["sig"])

    [warning] = method_warnings(personas)

    assert warning.kind == "metod_ej_bedomd"
    assert "ofullständigt underlag" in warning.message


def test_the_warnings_panel_shows_the_method_warning(client, chain, personas, library):
    rate(library["kamerabevakning"], Registry.CRIMESOLUTIONS, Rating.CS_NEGATIVE, "Rån")
    choose(chain, personas, library["kamerabevakning"])
    client.force_login(personas.coordinator_a)

    html = client.get(f"/arbetsyta/{personas.kommun_a.code}/varningar/").content.decode()

    assert "Metoden Kamerabevakning är bedömd som ”negativa effekter” för utfallet ”Rån”" in html
