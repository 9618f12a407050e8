"""The search box takes at most 100 characters, and each kind shows at most 20 hits."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_query_over_100_characters_is_refused_in_swedish(client):
    response = client.get(reverse("public:search"), {"q": "a" * 101})

    assert response.status_code == 200
    assert response.context["results"] is None
    assert response.context["form"].errors == {"q": ["Skriv högst 100 tecken i sökrutan."]}


def test_100_characters_are_searched(client):
    response = client.get(reverse("public:search"), {"q": "x" * 100})

    assert response.context["results"].hits == []
    assert response.content.decode().count("Inga träffar för") == 1


def test_a_control_character_is_refused(client):
    response = client.get(reverse("public:search"), {"q": "Malmö\x00"})

    assert response.context["results"] is None


def test_each_kind_shows_at_most_20_and_says_there_are_more(client):
    response = client.get(reverse("public:search"), {"q": "a"})
    results = response.context["results"]

    assert len(results.of("kommuner")) == 20
    assert results.more is True
    html = response.content.decode()
    assert html.count("Bara de 20 första träffarna av varje slag visas.") == 1


def test_the_header_of_every_page_has_the_search_box(client):
    html = client.get(reverse("public:sources")).content.decode()

    assert html.count('<input id="site-search" type="search" name="q"') == 1
