from django.urls import reverse


def names(response):
    return [hit.title for hit in response.context["results"].of("kommuner")]


def test_search_finds_a_kommun_by_the_start_of_its_name(client, db):
    response = client.get(reverse("public:search"), {"q": "jönk"})
    assert names(response) == ["Jönköping"]


def test_search_ignores_case_and_swedish_accents(client, db):
    response = client.get(reverse("public:search"), {"q": "ORE"})
    assert "Örebro" in names(response)
    assert names(client.get(reverse("public:search"), {"q": "jonkoping"})) == ["Jönköping"]


def test_search_finds_a_kommun_by_its_code(client, db):
    assert names(client.get(reverse("public:search"), {"q": "0680"})) == ["Jönköping"]


def test_htmx_search_returns_only_the_result_fragment(client, db):
    response = client.get(reverse("public:search"), {"q": "Malmö"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert '<a href="/kommun/1280/">Malmö</a>' in html


def test_search_without_match_says_so_in_swedish(client, db):
    html = client.get(reverse("public:search"), {"q": "Atlantis"}).content.decode()
    assert "Inga träffar för ”Atlantis”." in html


def test_pressing_search_with_one_match_goes_straight_to_the_kommun(client, db):
    response = client.get(reverse("public:search"), {"q": "Jönköping", "go": "1"})
    assert response.status_code == 302
    assert response["Location"] == "/kommun/0680/"
