"""The public page per kommun (§ 12): the contact point and only what the kommun has published."""

import pytest
from django.urls import reverse

from forebygg.governance.domain import agreements, coordination
from tests.governance.conftest import build_governance

URL = reverse("public:prevention", kwargs={"code": "0680"})


@pytest.fixture
def governance(personas):
    return build_governance(personas)


def test_anyone_sees_the_published_contact_point_but_no_draft(client, governance):
    html = client.get(URL).content.decode()

    assert "trygg@jonkoping.se" in html
    assert "Samverkansöverenskommelse 2026–2028" not in html
    assert "Kommunen har inte publicerat något om sitt brottsförebyggande arbete" in html


def test_an_unpublished_contact_point_is_not_shown(client, personas, governance):
    coordination.publish_contact_point(
        governance.function, by=personas.coordinator_a, published=False
    )

    html = client.get(URL).content.decode()

    assert "trygg@jonkoping.se" not in html
    assert "inte publicerat någon kontaktväg" in html


def test_a_published_agreement_shows_its_purposes_and_areas(client, personas, governance):
    agreements.publish_agreement(governance.agreement, by=personas.coordinator_a)

    html = client.get(URL).content.decode()

    assert "Samverkansöverenskommelse 2026–2028" in html
    assert "Minska bostadsinbrotten" in html
    assert "Föreningen Nattvandrarna" in html


def test_the_kommun_page_links_to_it(client, governance):
    assert URL in client.get(reverse("public:kommun", kwargs={"code": "0680"})).content.decode()


def test_an_unknown_kommun_is_a_404(client, db):
    assert client.get(reverse("public:prevention", kwargs={"code": "9999"})).status_code == 404
