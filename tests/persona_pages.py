"""The pages a persona may open by the permission policy, with kommun A's objects in every state.

The permission matrix's world (`tests/test_permission_matrix.py`) supplies the objects and the
URLs; a page is every GET the policy lets the persona have that answers with HTML. Downloads
(Word, PDF, CSV) and redirects are left out: they are not pages one reads in the browser.
"""

from django.test import Client

from tests.test_permission_matrix import World, build_world, matrix

# Who works across kommuner and opens the most pages: kommun A's coordinator, its county
# officer and Brå's analyst.
READERS = ("coordinator_a", "county_a", "analyst")

__all__ = ["READERS", "World", "build_world", "pages_for"]


def is_html_page(response) -> bool:
    return response.status_code == 200 and response["Content-Type"].startswith("text/html")


def pages_for(persona: str, world: World) -> dict[str, str]:
    """URL → the HTML the persona gets there, for every page the policy lets them open."""
    client = Client()
    client.force_login(world.users[persona])
    pages = {}
    for _route, _state, rule, url in matrix(world):
        if rule.post_only or persona not in rule.allowed or url in pages:
            continue
        response = client.get(url)
        if is_html_page(response):
            pages[url] = response.content.decode()
    return pages
