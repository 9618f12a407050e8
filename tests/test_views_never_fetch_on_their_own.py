"""Views never fetch an object on their own: it comes from the workspace or a scoped lookup.

A view that calls `Model.objects.get(pk=pk)` answers for whoever asks; one scoping mechanism
only works if no view goes around it (docs/architecture.md, "Scoping"). This test reads the
syntax trees of every view module of the workspace, the public pages, the oversight pages and
the accounts, and fails on each of these:

1. a call of `get_object_or_404` or `get_list_or_404`;
2. an `except` naming `DoesNotExist` (`Model.DoesNotExist`, `ObjectDoesNotExist`): the sign
   of a `.get()` made by hand;
3. a `.get(...)` call, unless its receiver is plainly no manager, queryset or related manager:
   - request data: an attribute named `GET`, `POST`, `FILES`, `session`, `headers`, `META`
     or `COOKIES` (`request.GET.get("ar")`);
   - form data: an attribute or a name `cleaned_data` or `data` (`form.data.get("email")`);
   - the workspace, whose `get` is the scoped lookup: `request.workspace`;
   - a dict: a `{...}` literal, a dict comprehension or a `dict(...)` call;
   - a name bound to one of these in the same top-level function (`ws = request.workspace`,
     `totals = {}`) or at module level (`LABELS = {...}`).

`ALLOWED` lists the few other receivers that are dicts or caches, by module, each with its
reason; an entry no view needs any more fails the test, so the list only shrinks. The rule is
read from the code as written, so a helper that hides a `.get()` on a queryset in another
module is not caught: the shared helpers (`orgs.access.get_for_user`, `Workspace.get`) are the
only ones meant to exist.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import forebygg

SOURCE = Path(forebygg.__file__).parent
REQUEST_DATA = {"GET", "POST", "FILES", "session", "headers", "META", "COOKIES"}
FORM_DATA = {"cleaned_data", "data"}
FETCH_HELPERS = {"get_object_or_404", "get_list_or_404"}
NOT_FOUND_EXCEPTIONS = {"DoesNotExist", "ObjectDoesNotExist"}

# (module relative to src/forebygg, receiver of `.get` as written): why it is no queryset.
ALLOWED: dict[tuple[str, str], str] = {
    ("backoffice/lagesbild/views.py", "lagesbild.snapshot"): "a lägesbild's data, a JSON dict",
    ("oversight/views.py", "post"): "request.POST, handed to the county report's action",
    ("oversight/views.py", "levels"): "`latest_levels()`'s dict of levels by kommun code",
    ("oversight/views.py", "cache"): "Django's cache, not the database",
}


def view_modules() -> list[Path]:
    backoffice = SOURCE / "backoffice"
    found = {
        *backoffice.glob("**/views*.py"),
        *backoffice.glob("**/views/*.py"),
        *(SOURCE / "public").glob("*.py"),
        *(SOURCE / "oversight").glob("*.py"),
        SOURCE / "accounts" / "views.py",
    }
    return sorted(found)


@dataclass(frozen=True)
class Violation:
    module: str
    line: int
    function: str
    what: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line} in {self.function}: {self.what}"


def _is_plain_receiver(node: ast.expr, bound: set[str]) -> bool:
    """Is `node`, the receiver of a `.get()`, plainly not a manager or queryset?"""
    if isinstance(node, (ast.Dict, ast.DictComp)):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
        return True
    if isinstance(node, ast.Attribute):
        return node.attr in REQUEST_DATA | FORM_DATA or node.attr == "workspace"
    if isinstance(node, ast.Name):
        return node.id in FORM_DATA or node.id in bound
    return False


def _plain_names(scope: ast.AST) -> set[str]:
    """Names the scope binds to a plain receiver (repeated until no new name is found)."""
    assignments = []
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign):
            targets = [t.id for t in node.targets if isinstance(t, ast.Name)]
            assignments.append((targets, node.value))
        elif (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.value is not None
        ):
            assignments.append(([node.target.id], node.value))
    bound: set[str] = set()
    changed = True
    while changed:
        changed = False
        for targets, value in assignments:
            if _is_plain_receiver(value, bound) and not set(targets) <= bound:
                bound |= set(targets)
                changed = True
    return bound


def _module_level(tree: ast.Module) -> ast.Module:
    """The module without its functions and classes: what is bound outside any function."""
    body = [
        node
        for node in tree.body
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    ]
    return ast.Module(body=body, type_ignores=[])


def _top_level_scopes(tree: ast.Module):
    """(name, node) for each top-level function and method, and the module's own code."""
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.name, node
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    yield f"{node.name}.{item.name}", item
    yield "<module>", _module_level(tree)


def _names_in(node: ast.expr | None) -> set[str]:
    found = set()
    for part in ast.walk(node) if node is not None else ():
        if isinstance(part, ast.Name):
            found.add(part.id)
        elif isinstance(part, ast.Attribute):
            found.add(part.attr)
    return found


def _called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def check_source(source: str, module: str) -> list[Violation]:
    """Every way the module's code fetches an object on its own, in source order."""
    tree = ast.parse(source)
    module_bound = _plain_names(_module_level(tree))
    found = []
    for function, scope in _top_level_scopes(tree):
        bound = module_bound | _plain_names(scope) if function != "<module>" else module_bound
        for node in ast.walk(scope):
            what = _offence(node, bound)
            if what and (module, receiver_of(node)) not in ALLOWED:
                found.append(Violation(module, node.lineno, function, what))
    return sorted(found, key=lambda v: (v.module, v.line, v.what))


def receiver_of(node: ast.AST) -> str:
    """What `.get` is called on, as written (`preview.extra`); empty for anything else."""
    is_get = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    return ast.unparse(node.func.value) if is_get and node.func.attr == "get" else ""


def _offence(node: ast.AST, bound: set[str]) -> str:
    if isinstance(node, ast.Call):
        name = _called_name(node)
        if name in FETCH_HELPERS:
            return f"calls {name}"
        if (
            isinstance(node.func, ast.Attribute)
            and name == "get"
            and not _is_plain_receiver(node.func.value, bound)
        ):
            return f".get() on {_shorten(ast.unparse(node.func.value))}"
    if isinstance(node, ast.ExceptHandler):
        caught = _names_in(node.type) & NOT_FOUND_EXCEPTIONS
        if caught:
            return f"catches {ast.unparse(node.type)}"
    return ""


def _shorten(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_modules(paths: list[Path]) -> list[Violation]:
    found = []
    for path in paths:
        module = str(path.relative_to(SOURCE))
        found += check_source(path.read_text(encoding="utf-8"), module)
    return found


# --- the project's views ----------------------------------------------------------------------


def test_the_view_modules_are_found():
    modules = {str(path.relative_to(SOURCE)) for path in view_modules()}

    assert {
        "accounts/views.py",
        "backoffice/home/views.py",
        "backoffice/plans/views.py",
        "oversight/views.py",
        "public/views.py",
    } <= modules


def test_every_allowed_call_still_exists():
    receivers = set()
    for path in view_modules():
        module = str(path.relative_to(SOURCE))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        receivers |= {(module, receiver_of(node)) for node in ast.walk(tree)}

    stale = sorted(set(ALLOWED) - receivers)

    assert stale == [], f"ALLOWED names calls no view makes any more, remove them: {stale}"


def test_no_view_fetches_an_object_on_its_own():
    violations = [str(v) for v in check_modules(view_modules())]

    assert violations == [], (
        f"{len(violations)} places fetch on their own; use request.workspace.get(...), "
        "get_for_user(...) or a visible_to(...) queryset:\n" + "\n".join(violations)
    )


# --- the checker itself -----------------------------------------------------------------------

COMPLIANT = """
from django.shortcuts import render

LABELS = {"a": "A"}


@workspace_view()
def note_detail(request, pk):
    ws = request.workspace
    note = ws.get(Note.objects, pk=pk)
    other = request.workspace.get(Note.objects, for_edit=True, pk=pk)
    year = request.GET.get("ar", "2026")
    page = request.POST.get("sida")
    upload = request.FILES.get("fil")
    seen = request.session.get("sett")
    agent = request.headers.get("User-Agent")
    address = request.META.get("REMOTE_ADDR")
    choice = request.COOKIES.get("val")
    totals = {}
    counts = {row: 0 for row in ()}
    copied = dict(counts)
    alias = totals
    form = NoteForm(request.POST)
    if form.is_valid():
        title = form.cleaned_data.get("title")
    email = form.data.get("email")
    return render(request, "x.html", {
        "label": LABELS.get(year),
        "totals": totals.get(year, 0) + alias.get(page, 0) + copied.get(email, 0),
        "literal": {"x": 1}.get(choice),
        "note": note, "other": other, "seen": seen, "agent": agent, "address": address,
        "upload": upload, "title": title,
    })


action = _kommun_action(lambda data, by: data.get("name"), "cycle")


def _values(cleaned_data):
    return cleaned_data.get("name")
"""

OFFENDING = """
from django.core.exceptions import ObjectDoesNotExist
from django.shortcuts import get_object_or_404


def detail(request, code, pk):
    kommun = get_object_or_404(Kommun, code=code)
    note = Note.objects.get(pk=pk)
    try:
        target = measure.targets.get(pk=pk)
    except Target.DoesNotExist:
        raise Http404
    try:
        plan = Plan.objects.visible_to(request.user).get(pk=pk)
    except (ValueError, ObjectDoesNotExist):
        raise Http404
    rows = Note.objects.all()
    first = rows.get(pk=1)
    return note, target, plan, first


class Detail:
    def get_object(self):
        return shortcuts.get_list_or_404(Note, pk=self.kwargs["pk"])


handler = make_view(lambda request, pk: Note.objects.get(pk=pk))
"""


def test_the_checker_passes_compliant_code():
    assert check_source(COMPLIANT, "example.py") == []


def test_the_checker_names_each_way_of_fetching_by_hand():
    found = [(v.line, v.function, v.what) for v in check_source(OFFENDING, "example.py")]

    assert found == [
        (7, "detail", "calls get_object_or_404"),
        (8, "detail", ".get() on Note.objects"),
        (10, "detail", ".get() on measure.targets"),
        (11, "detail", "catches Target.DoesNotExist"),
        (14, "detail", ".get() on Plan.objects.visible_to(request.user)"),
        (15, "detail", "catches (ValueError, ObjectDoesNotExist)"),
        (18, "detail", ".get() on rows"),
        (24, "Detail.get_object", "calls get_list_or_404"),
        (27, "<module>", ".get() on Note.objects"),
    ]


def test_a_name_bound_to_a_dict_in_another_function_is_not_trusted():
    source = """
def one():
    totals = {}
    return totals.get("a")


def two(totals):
    return totals.get("a")
"""

    found = [(v.function, v.what) for v in check_source(source, "example.py")]

    assert found == [("two", ".get() on totals")]


def test_an_allowed_call_is_left_out_and_only_that_one(monkeypatch):
    source = """
def view(request):
    return snapshot.get("figures"), Note.objects.get(pk=1)
"""
    monkeypatch.setitem(ALLOWED, ("example.py", "snapshot"), "a JSON dict")

    found = [v.what for v in check_source(source, "example.py")]

    assert found == [".get() on Note.objects"]
