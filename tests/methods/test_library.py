"""The seeded library: the methods the issue names, their sources, and no invented rating."""

import io

from django.core.management import call_command

from forebygg.methods.domain.library import LIBRARY, seed_method_library
from forebygg.methods.enums import Rating, Registry, Verdict
from forebygg.methods.models import EvidenceRating, Method

ISSUE_METHODS = {
    "gvi-sluta-skjut",
    "sspf",
    "sig",
    "tfco",
    "foraldraskapsstod",
    "trygghetsvandring",
    "est",
    "gangsnacket",
    "kamerabevakning",
}


def test_the_library_holds_the_methods_the_issue_names_each_with_its_sources(library):
    assert set(library) == ISSUE_METHODS
    for method in library.values():
        assert method.summary, method.slug
        assert method.source_lines(), method.slug
        assert method.history.count() == 1, method.slug


def test_only_the_rating_the_domain_brief_states_is_stored(library):
    """Blueprints lists TFCO as a Model programme; nothing is known of the others."""
    rows = list(EvidenceRating.objects.values_list("method__slug", "registry", "rating", "verdict"))

    assert rows == [("tfco", Registry.BLUEPRINTS, Rating.BP_MODEL, Verdict.EFFECTIVE)]
    tfco = EvidenceRating.objects.get()
    assert "blueprintsprograms.org" in tfco.url
    assert "domänunderlag" in tfco.source_note
    assert tfco.outcome == "" and tfco.rated_on is None  # not in the brief, so not invented


def test_every_other_method_is_unrated(library):
    unrated = {slug for slug, method in library.items() if not method.is_rated()}
    assert unrated == ISSUE_METHODS - {"tfco"}


def test_a_statement_of_promise_is_not_turned_into_a_rating(library):
    """The government calls Sluta skjut's Malmö results promising: a quote, not a registry grade."""
    gvi = library["gvi-sluta-skjut"]
    assert "lovande resultat" in gvi.swedish_notes
    assert list(gvi.ratings.all()) == []


def test_seeding_again_adds_nothing_and_keeps_what_analysts_changed(library):
    sspf = library["sspf"]
    sspf.summary = "Ändrad av en analytiker"
    sspf.save()
    EvidenceRating.objects.get(method__slug="tfco").delete()

    result = seed_method_library()

    assert (result.methods_added, result.ratings_added) == (0, 0)
    assert Method.objects.get(slug="sspf").summary == "Ändrad av en analytiker"
    assert not EvidenceRating.objects.exists()
    assert Method.objects.count() == len(LIBRARY)


def test_a_removed_method_comes_back_with_its_stated_rating(library):
    library["tfco"].delete()

    result = seed_method_library()

    assert (result.methods_added, result.ratings_added) == (1, 1)
    assert Method.objects.get(slug="tfco").ratings.get().rating == Rating.BP_MODEL


def test_the_command_loads_the_library_once(db):
    first, second = io.StringIO(), io.StringIO()

    call_command("seed_methods", stdout=first)
    call_command("seed_methods", stdout=second)

    assert first.getvalue().strip() == (
        f"Metodbiblioteket: tillagda metoder {len(LIBRARY)}, tillagda effektbedömningar 1."
    )
    assert second.getvalue().strip() == (
        "Metodbiblioteket: tillagda metoder 0, tillagda effektbedömningar 0."
    )
    assert Method.objects.count() == len(LIBRARY)
