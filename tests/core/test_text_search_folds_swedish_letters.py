"""Search folds case and å, ä, ö in the database itself, the same on SQLite and PostgreSQL.

SQLite's own `icontains` misses "Ö" for "ö"; `containing` must not, on whichever database the
suite runs (the CI runs it on both).
"""

import pytest

from forebygg.core.domain.text_search import containing, fold
from forebygg.geo.models import Kommun

pytestmark = pytest.mark.django_db


def kommuner(query: str) -> list[str]:
    found = containing(Kommun.objects.all(), query, "short_name")
    return list(found.order_by("short_name").values_list("short_name", flat=True))


@pytest.mark.parametrize("query", ["Åre", "åre", "ÅRE", "are"])
def test_a_leading_a_ring_matches_in_any_case_and_without_the_ring(query):
    assert kommuner(query).count("Åre") == 1
    assert kommuner(query) == kommuner("ARE")


@pytest.mark.parametrize("query", ["Örebro", "örebro", "ÖREBRO", "orebro"])
def test_o_umlaut_matches_in_any_case(query):
    assert kommuner(query) == ["Örebro"]


@pytest.mark.parametrize("query", ["ÄLVDALEN", "älvdalen", "alvdalen"])
def test_a_umlaut_matches_in_any_case(query):
    assert kommuner(query) == ["Älvdalen"]


def test_letters_inside_a_word_are_folded_too():
    assert kommuner("JÖNKÖPING") == ["Jönköping"]
    assert kommuner("malmö") == ["Malmö"]


def test_the_query_is_folded_as_the_column_is():
    assert fold("  ÅÄÖ åäö Éé ") == "aao aao ee"


def test_an_empty_query_finds_nothing():
    assert kommuner("   ") == []


def test_like_wildcards_in_the_query_are_taken_literally():
    assert kommuner("%") == []
    assert kommuner("_") == []
