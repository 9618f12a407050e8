"""No number from outside gives a server error: a walk over every URL, parameter and field.

Every URL pattern with an integer argument, every query parameter of
`tests/query_parameters.py` and every form field of the project is requested with a huge
(25 digits), a negative, a zero and a non-numeric value, a year too far, and the largest
value still in range, anonymously and as the personas who use the pages; no answer may be
a 5xx. Out of range, an id or a year in a URL matches no pattern (the one 404); a form says
what is wrong in Swedish.

The world is the permission matrix's: kommun A's objects in every state
(`tests/test_permission_matrix.py`), so a value in range reaches the view's own lookup.
"""

import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

import forebygg
from forebygg.core.bounds import FIRST_YEAR, LAST_YEAR, MAX_ID
from forebygg.plans.enums import Criterion
from forebygg.support.domain.prioritisation import CRITERIA
from tests.core.test_every_form_has_the_input_rules import project_forms
from tests.query_parameters import QUERY_PARAMETERS, query_parameters_of
from tests.test_permission_matrix import Route, World, all_routes, build_world, cells_of, rule_for

HUGE, NEGATIVE, ZERO, NOT_A_NUMBER, FAR_YEAR = "9" * 25, "-5", "0", "abc", "99999"
HOSTILE = (HUGE, NEGATIVE, ZERO, NOT_A_NUMBER, FAR_YEAR)
# The largest values still in range get past the URL's converter to the view.
IN_RANGE = {"id": (str(MAX_ID),), "year": (str(FIRST_YEAR), str(LAST_YEAR))}
QUERY_VALUES = (*HOSTILE, str(MAX_ID), str(LAST_YEAR), "1e308", "nan")
FORM_VALUES = (*HOSTILE, str(MAX_ID), "1e308", "9999-12-31", "0001-01-01")

READERS = ("anonymous", "coordinator_a", "partner_a", "county_a", "analyst", "site_admin")
WRITERS = ("coordinator_a", "county_a", "analyst", "site_admin")
ADMIN_IDS = ("object_id", "content_type_id")  # Django's admin takes them as `<path:…>`
ARGUMENT = re.compile(r"<(\w+):(\w+)>")
# Posting these would end the session or change the language of every later request.
NOT_POSTED = {"accounts:logout", "set_language"}
# Read from request.POST by the views themselves, beside the forms' fields.
POSTED_BY_VIEWS = (
    "published",
    "publish",
    "report",
    "base",
    "filename",
    "content",
    "networks",
    "trainings",
    "cross_kommun_measures",
)


class Walk:
    """The requests made and the ones answered with a server error."""

    def __init__(self, world: World):
        self.world = world
        self.clients = {}
        for persona, user in world.users.items():
            self.clients[persona] = Client(raise_request_exception=False)
            if user is not None:
                self.clients[persona].force_login(user)
        self.requests = Counter()
        self.failures: list[str] = []

    def get(self, persona: str, url: str) -> None:
        self._record(persona, "GET", url, self.clients[persona].get(url))

    def post(self, persona: str, url: str, body: dict) -> None:
        self._record(persona, "POST", url, self.clients[persona].post(url, body))

    def _record(self, persona, method, url, response) -> None:
        self.requests[method] += 1
        if response.status_code >= 500:
            self.failures.append(f"{method} {url} as {persona}: {response.status_code}")

    def report(self, what: str) -> str:
        total = sum(self.requests.values())
        return f"{what}: {total} requests ({dict(self.requests)}), {len(self.failures)} failed"


def integer_arguments(route: Route) -> dict[str, str]:
    """Name → kind ("id", "year") of each integer argument in the route."""
    found = {}
    for converter, name in ARGUMENT.findall(route.pattern):
        if converter in ("id", "year", "int"):
            found[name] = "year" if converter == "year" else "id"
        elif route.is_admin and name in ADMIN_IDS:
            found[name] = "id"
    return found


def walkable(route: Route) -> bool:
    """Routes written as a path (the admin's two regex routes take no number)."""
    return "(?P<" not in route.pattern


def baseline(route: Route, world: World) -> dict:
    """The kwargs of kommun A's first object for the route: every argument in range."""
    kwargs = dict(next(iter(cells_of(route, world).values())))
    kwargs.pop("args", None)
    kwargs.pop("query", None)
    return kwargs


def url_with(route: Route, kwargs: dict) -> str:
    return "/" + ARGUMENT.sub(lambda match: str(kwargs.get(match[2], 1)), route.pattern)


def readers_of(route: Route) -> tuple[str, ...]:
    return ("site_admin",) if route.is_admin else READERS


def writers_of(route: Route) -> list[str]:
    """Whoever the policy lets in, among those who write; anonymous for the public forms."""
    policy = rule_for(route)
    rules = policy.values() if isinstance(policy, dict) else [policy]
    allowed = set().union(*(rule.allowed for rule in rules))
    return [p for p in ("anonymous", *WRITERS) if p in allowed] or ["coordinator_a"]


def is_post_only(route: Route) -> bool:
    policy = rule_for(route)
    rules = policy.values() if isinstance(policy, dict) else [policy]
    return any(rule.post_only for rule in rules)


def test_every_integer_in_a_url(db):
    world = build_world()
    walk = Walk(world)
    for route in filter(walkable, all_routes()):
        arguments = integer_arguments(route)
        if not arguments:
            continue
        valid = baseline(route, world)
        for name, kind in arguments.items():
            for value in (*HOSTILE, *IN_RANGE[kind]):
                url = url_with(route, {**valid, name: value})
                for persona in readers_of(route):
                    walk.get(persona, url)
                if is_post_only(route):
                    for persona in writers_of(route):
                        walk.post(persona, url, world.post_bodies.get(route.name, {}))
    print(walk.report("integers in URLs"))
    assert walk.requests["GET"] > 2000
    assert walk.failures == []


def test_every_query_parameter(db):
    world = build_world()
    walk = Walk(world)
    for route in filter(walkable, all_routes()):
        parameters = query_parameters_of(route.name)
        if not parameters:
            continue
        url = url_with(route, baseline(route, world))
        for parameter in parameters:
            for value in QUERY_VALUES:
                for persona in readers_of(route):
                    walk.get(persona, f"{url}?{urlencode({parameter: value})}")
    print(walk.report("query parameters"))
    assert walk.requests["GET"] > 1000
    assert walk.failures == []


def form_field_names() -> set[str]:
    names = {name for form in project_forms().values() for name in form.base_fields}
    names |= {criterion.key for criterion in CRITERIA} | {"ar", "lista"}
    names |= {criterion.value for criterion in Criterion}
    return names | set(POSTED_BY_VIEWS)


def test_every_form_field(db):
    """Every field the project's forms know, posted with each value to every form's URL."""
    world = build_world()
    walk = Walk(world)
    names = form_field_names()
    for route in filter(walkable, all_routes()):
        if route.is_admin or route.name in NOT_POSTED:
            continue
        url = url_with(route, baseline(route, world))
        for value in FORM_VALUES:
            for persona in writers_of(route):
                walk.post(persona, url, dict.fromkeys(names, value))
    print(walk.report("form fields"))
    assert walk.requests["POST"] > 500
    assert walk.failures == []


# --- the table stays complete ---------------------------------------------------------------

READS = [
    re.compile(r"""GET\.get\(\s*["']([^"']+)["']"""),
    re.compile(r"""GET\[\s*["']([^"']+)["']\s*\]"""),
    re.compile(r"""["']([^"']+)["']\s+in\s+request\.GET"""),
]


def parameters_read() -> dict[str, set[str]]:
    """Module → the query parameter names its source reads."""
    root = Path(forebygg.__file__).parent
    found = {}
    for path in root.rglob("*.py"):
        names = {name for pattern in READS for name in pattern.findall(path.read_text())}
        if names:
            module = ".".join(path.relative_to(root.parent).with_suffix("").parts)
            found[module] = names
    return found


def view_modules() -> dict[str, set[str]]:
    """Module → the route names whose view lives in it."""
    found: dict[str, set[str]] = {}
    callbacks = dict(_callbacks(get_resolver().url_patterns))
    for route in all_routes():
        callback = callbacks.get(route.pattern)
        if callback is not None:
            module = getattr(callback, "view_class", callback).__module__
            found.setdefault(module, set()).add(route.name)
    return found


def _callbacks(patterns, prefix=""):
    for entry in patterns:
        here = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _callbacks(entry.url_patterns, here)
        else:
            assert isinstance(entry, URLPattern)
            yield here, entry.callback


def test_every_query_parameter_the_code_reads_is_in_the_table():
    routes_of_module = view_modules()
    missing = []
    for module, names in parameters_read().items():
        routes = routes_of_module.get(module)
        # A helper outside the views' modules (core.views) may serve any of them.
        listed = (
            {name for route in routes for name in query_parameters_of(route)}
            if routes
            else {name for names in QUERY_PARAMETERS.values() for name in names}
        )
        missing += [f"{module}: {name}" for name in sorted(names - listed)]
    assert missing == [], f"Query parameters not in tests/query_parameters.py: {missing}"


def test_the_table_names_only_existing_urls():
    names = {route.name for route in all_routes()}
    assert sorted(set(QUERY_PARAMETERS) - names) == []


def test_no_url_of_the_project_takes_an_unbounded_integer():
    """`<int:…>` takes any number of digits; the project's URLs use `<id:…>` and `<year:…>`."""
    unbounded = []
    for here, pattern in _patterns(get_resolver().url_patterns):
        if here.startswith("admin/"):
            continue
        converters = getattr(pattern, "converters", {})
        if any(isinstance(c, IntConverter) for c in converters.values()):
            unbounded.append(here)
        if "[0-9]+" in here or r"\d+" in here:
            unbounded.append(here)
    assert unbounded == []


def _patterns(patterns, prefix=""):
    for entry in patterns:
        here = prefix + str(entry.pattern)
        yield here, entry.pattern
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, here)
