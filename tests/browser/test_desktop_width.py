"""At 1 280 px no page is wider than the window: nothing makes the page itself scroll sideways.

Every page the coordinator, the county officer and Brå's analyst may open by the permission
policy (`tests/persona_pages.py`), with kommun A's objects in every state. A wide table may
scroll inside its own region; the document never does.
"""

import pytest
from django.conf import settings
from django.test import Client

from tests.persona_pages import READERS, build_world, pages_for

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}


def page_overflow(page) -> int:
    """How many CSS pixels the document is wider than the window (0 when it fits)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def log_in(page, user, site: str) -> None:
    """Hand the browser a session of `user` (the login form has its own test)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": site}])


def test_the_measure_itself_finds_a_page_too_wide(page):
    page.set_viewport_size(DESKTOP)
    page.set_content('<body style="margin:0"><div style="width:1500px">bred</div></body>')

    assert page_overflow(page) == 1500 - 1280


def test_no_page_a_reader_opens_is_wider_than_the_window(page, live_server, reference_data):
    world = build_world()
    page.set_viewport_size(DESKTOP)
    too_wide, elsewhere, checked = {}, {}, 0
    for persona in READERS:
        page.context.clear_cookies()
        log_in(page, world.users[persona], live_server.url)
        for url in pages_for(persona, world):
            page.goto(url)
            checked += 1
            if page.url != live_server.url + url:
                elsewhere[f"{url} ({persona})"] = page.url
            if (pixels := page_overflow(page)) > 0:
                too_wide[f"{url} ({persona})"] = pixels
    assert checked > 100
    assert elsewhere == {}
    assert too_wide == {}
