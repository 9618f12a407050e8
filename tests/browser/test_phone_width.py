"""On a phone (375 px) no page is wider than the screen (WCAG 2.1 1.4.10 Reflow).

Public pages and the coordinator's workspace pages, with the demo data a fresh install has.
A wide data table may scroll inside its own region; the page itself never does.
"""

import pytest
from django.core.management import call_command

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
PUBLIC = ["/", "/kommun/0680/", "/metoder/", "/kallor/", "/erfarenheter/"]
WORKSPACE = [
    "/arbetsyta/",
    "/arbetsyta/0680/",
    "/arbetsyta/0680/lagesbild/",
    "/arbetsyta/0680/problem/",
    "/arbetsyta/0680/atgardsplan/",
    "/arbetsyta/0680/aktorer/",
    "/arbetsyta/0680/samverkan/",
    "/arbetsyta/0680/rad/",
    "/arbetsyta/0680/arshjul/",
    "/arbetsyta/0680/samordning/",
    "/arbetsyta/0680/ledning/",
    "/arbetsyta/0680/lagkrav/",
    "/arbetsyta/0680/arsredovisning/",
    "/arbetsyta/0680/andringslogg/",
]


def page_overflow(page) -> int:
    """How many CSS pixels the page is wider than the screen (0 when it fits)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_no_page_is_wider_than_a_phone(page, reference_data):
    call_command("create_demo", verbosity=0)
    page.set_viewport_size(PHONE)
    too_wide = {}
    for path in PUBLIC:
        page.goto(path)
        too_wide[path] = page_overflow(page)
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("samordnare")
    page.get_by_label("Lösenord").fill("demo-forebygg-2026")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/arbetsyta/")
    for path in WORKSPACE:
        page.goto(path)
        too_wide[path] = page_overflow(page)
        assert_accessible(page)

    assert {path: pixels for path, pixels in too_wide.items() if pixels > 0} == {}
