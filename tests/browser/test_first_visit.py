"""A first visit: search a kommun from the map page, open it, log in as the demo coordinator."""

import re

import pytest
from django.core.management import call_command

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


def test_search_open_kommun_and_log_in_as_demo_coordinator(page, reference_data):
    call_command("create_demo", verbosity=0)

    page.goto("/")
    assert page.locator(".map-kommuner a").count() == 290
    assert_accessible(page)

    page.get_by_label("Sök kommun").fill("jönk")
    result = page.locator("#search-results").get_by_role("link", name="Jönköping")
    result.wait_for()
    result.click()

    page.wait_for_url(re.compile(r"/kommun/0680/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Jönköpings kommun"
    assert "Jönköpings län" in page.locator(".facts").inner_text()
    assert "Källa: SCB" in page.locator(".sources").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Logga in").click()
    assert_accessible(page)
    page.get_by_label("Användarnamn").fill("samordnare")
    page.get_by_label("Lösenord").fill("demo-forebygg-2026")
    page.get_by_role("button", name="Logga in").click()

    page.wait_for_url(re.compile(r"/arbetsyta/$"))
    assert_accessible(page)
    page.get_by_role("link", name="Jönköpings kommun").click()
    page.wait_for_url(re.compile(r"/arbetsyta/0680/$"))
    assert "Förberedelse inför lägesbilden" in page.locator("main").inner_text()
    assert_accessible(page)


def test_the_map_links_are_reachable_by_keyboard(page, reference_data):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Hoppa till huvudinnehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_the_accessibility_check_itself_catches_a_missing_alt_text(page, reference_data):
    from tests.browser.conftest import axe_violations

    page.goto("/")
    page.evaluate("document.querySelector('main').append(document.createElement('img'))")

    assert [violation["id"] for violation in axe_violations(page)] == ["image-alt"]
