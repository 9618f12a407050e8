"""The public pages never show kommun A's unpublished notes, whoever is logged in."""

import pytest

from tests.backoffice.test_personas import ALL_A_TITLES, client_for
from tests.personas import PERSONA_NAMES

PUBLIC_URLS = ["/", "/sok/?q=j%C3%B6nk", "/kallor/", "/kommun/0680/", "/kommun/1280/"]
UNPUBLISHED = [ALL_A_TITLES[name] for name in ("draft_a", "shared_a", "submitted_a")]


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_no_public_page_leaks_unpublished_notes(client, personas, persona):
    client = client_for(client, personas, persona)
    for url in PUBLIC_URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert [title for title in UNPUBLISHED if title in html] == [], (persona, url)
        assert "B-utkast" not in html
