"""A strict Content-Security-Policy on every main page, and HTML that needs nothing looser.

The policy forbids inline script and style, so every page is scanned for what the browser
would block: `<script>` with a body, `<style>`, `style=` attributes, `on…=` event handlers,
htmx's `hx-on` (it evaluates code) and `javascript:` links. Each page is opened as the
persona who works with it, with the data that makes it show its full content.
"""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from forebygg.lagesbild.domain import publish_lagesbild
from tests.backoffice.test_personas import client_for
from tests.personas import PASSWORD
from tests.plans.conftest import build_chain

SOURCE = Path(settings.PACKAGE_DIR)
# Rendered only for WeasyPrint (PDF) and the command-line HTML export, never served as a
# page; CSP does not apply to them, and their print styles must travel inside the file.
# Each with the one function that renders it.
PRINT_TEMPLATES = {
    "lagesbild/templates/lagesbild/document.html": "render_document_html",
    "plans/templates/plans/follow_up_report.html": "render_follow_up_html",
    "reporting/templates/reporting/export.html": "render_html",
}

PAGES = [
    ("start", "anonymous", "/"),
    ("kommun page", "anonymous", "/kommun/0680/"),
    ("search", "anonymous", "/sok/?q=j%C3%B6n"),
    ("sources", "anonymous", "/kallor/"),
    ("login", "anonymous", "/logga-in/"),
    ("methods", "anonymous", "/metoder/"),
    ("public lägesbild", "anonymous", "/kommun/0680/lagesbild/"),
    ("my workspaces", "coordinator_a", "/arbetsyta/"),
    ("workspace", "coordinator_a", "/arbetsyta/0680/"),
    ("lägesbild list", "coordinator_a", "/arbetsyta/0680/lagesbild/"),
    ("lägesbild", "coordinator_a", "/arbetsyta/0680/lagesbild/1/"),
    ("problems", "coordinator_a", "/arbetsyta/0680/problem/"),
    ("plan", "coordinator_a", "/arbetsyta/0680/atgardsplan/1/"),
    ("warnings", "coordinator_a", "/arbetsyta/0680/varningar/"),
    ("change log", "coordinator_a", "/arbetsyta/0680/andringslogg/"),
    ("workspace as partner", "partner_a", "/arbetsyta/0680/"),
    ("county overview", "county_a", "/oversikt/lan/06/"),
    ("national overview", "analyst", "/oversikt/nationellt/"),
]


class InlineCodeFinder(HTMLParser):
    """Collects everything a policy without 'unsafe-inline' would block or that needs eval."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._inline_script = False

    def handle_starttag(self, tag, attrs):
        names = {name.lower(): value or "" for name, value in attrs}
        if tag == "style":
            self.found.append("<style> element")
        if tag == "script":
            self._inline_script = "src" not in names
        for name, value in names.items():
            if name == "style":
                self.found.append(f"style= on <{tag}>")
            elif name.startswith("on") or name.startswith(("hx-on", "data-hx-on")):
                self.found.append(f"{name}= on <{tag}>")
            elif name in (
                "href",
                "src",
                "action",
                "formaction",
            ) and value.strip().lower().startswith("javascript:"):
                self.found.append(f"javascript: URL in {name}= on <{tag}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inline_script = False

    def handle_data(self, data):
        if self._inline_script and data.strip():
            self.found.append(f"inline <script> body: {data.strip()[:60]!r}")


def inline_code_in(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def assert_strict_policy(policy: str) -> None:
    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip()
    )
    assert directives["default-src"] == "'self'"
    for directive in ("script-src", "style-src"):
        assert directives[directive] == "'self'", directive
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


@pytest.fixture
def full_pages(personas, crime_statistics):
    """A published lägesbild and a plan for kommun A, so their pages render in full."""
    chain = build_chain(personas)
    publish_lagesbild(chain.plan.lagesbild, by=personas.coordinator_a)
    return personas


@pytest.mark.parametrize(("page", "persona", "url"), PAGES, ids=[page for page, *_ in PAGES])
def test_every_main_page_has_a_strict_policy_and_no_inline_code(
    client, full_pages, page, persona, url
):
    response = client_for(client, full_pages, persona).get(url)

    assert response.status_code == 200, page
    assert_strict_policy(response["Content-Security-Policy"])
    assert inline_code_in(response.content.decode()) == [], page


def test_the_admin_change_log_has_no_inline_code(client, personas):
    client.force_login(get_user_model().objects.create_superuser("root", password=PASSWORD))

    response = client.get(reverse("admin:change_log"))

    assert response.status_code == 200
    assert_strict_policy(response["Content-Security-Policy"])
    assert inline_code_in(response.content.decode()) == []


def test_the_scanner_catches_what_the_policy_would_block():
    html = (
        '<script>alert(1)</script><script src="/a.js"></script><style>p{}</style>'
        '<p style="color:red" onclick="x()">a</p><a href="javascript:x()">b</a>'
        '<button hx-on:click="x()">c</button>'
    )

    assert inline_code_in(html) == [
        "inline <script> body: 'alert(1)'",
        "<style> element",
        "style= on <p>",
        "onclick= on <p>",
        "javascript: URL in href= on <a>",
        "hx-on:click= on <button>",
    ]


def test_no_served_template_carries_inline_code():
    """Pages the tests above do not open are covered by reading every template."""
    offenders = {}
    for path in sorted(SOURCE.glob("**/templates/**/*.html")):
        relative = path.relative_to(SOURCE).as_posix()
        if relative in PRINT_TEMPLATES:
            continue
        found = inline_code_in(path.read_text(encoding="utf-8"))
        if found:
            offenders[relative] = found
    assert offenders == {}


def test_the_print_templates_are_never_served_as_pages():
    """They may keep inline print styles only while no view renders them as a response."""
    python = {
        path.relative_to(SOURCE).as_posix(): path.read_text(encoding="utf-8")
        for path in SOURCE.glob("**/*.py")
    }
    for relative, renderer in PRINT_TEMPLATES.items():
        template_name = relative.split("/templates/", 1)[1]
        renders = [name for name, text in python.items() if f'"{template_name}"' in text]
        calls = [name for name, text in python.items() if f"{renderer}(" in text]
        assert len(renders) == 1, (template_name, renders)
        assert "/interfaces/" in renders[0], (template_name, renders)
        assert not [name for name in calls if "views" in name], (renderer, calls)


def test_other_security_headers(client, db):
    response = client.get("/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
