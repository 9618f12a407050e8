"""Every URL of the project, requested as every persona, against kommun A's objects in every state.

The expected answer of each cell comes from one declared table, `tests/permission_policy.py`;
a URL pattern without an entry there fails `test_every_url_pattern_has_a_policy`.

Whatever kommun A shares with its police it also shares with the region, which works with
Värnamo too: the region's member invited by Värnamo (`partner_neighbour`) then has something to
leak, and must get none of it.
"""

from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from forebygg.backoffice.lagesbild.views import SECTION_LABELS
from forebygg.core.domain.jobs import start_job
from forebygg.governance.domain import actors, agreements, council
from forebygg.governance.domain.documents import store_document
from forebygg.governance.enums import AgreementKind
from forebygg.governance.models import Agreement, CouncilMember
from forebygg.lagesbild.domain import (
    draft_lagesbild,
    publish_lagesbild,
)
from forebygg.methods.domain.experiences import publish_experience, write_experience
from forebygg.methods.domain.library import seed_method_library
from forebygg.methods.models import Method
from forebygg.orgs.domain.invitations import invite_partner
from forebygg.plans.domain.followup import record_follow_up
from forebygg.plans.domain.planning import decide_plan, publish_plan, revise_plan
from forebygg.plans.domain.spreadsheet import filter_measures, write_csv
from forebygg.reminders.domain.feed import new_feed_link
from forebygg.reporting.domain import yearly
from tests.governance.conftest import build_governance
from tests.lagesbild_decision import decide_written
from tests.permission_policy import ADMIN_PREFIX, PERSONAS, POLICY, Rule, admin_rule
from tests.personas import PASSWORD, build_personas
from tests.plans.conftest import build_chain

A, LAN_A = "0680", "06"
NO_STATE = "-"


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    converters: frozenset[str]
    named: bool = True

    @property
    def is_admin(self) -> bool:
        return self.pattern.startswith(ADMIN_PREFIX)


def _converters(pattern) -> frozenset[str]:
    return frozenset(pattern.converters) | frozenset(pattern.regex.groupindex)


def all_routes(patterns=None, prefix="", namespace="", converters=frozenset()) -> list[Route]:
    """Every URL pattern, with its full name ("backoffice:lagesbild_section")."""
    found = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        here = prefix + str(entry.pattern)
        names = converters | _converters(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            found += all_routes(entry.url_patterns, here, inner, names)
        else:
            assert isinstance(entry, URLPattern)
            name, named = entry.name, entry.name is not None
            if not named and here.endswith("<path:object_id>/"):
                # the admin's "<object_id>/" shortcut to an object's change page
                name = "_".join(part for part in here.split("/")[1:3]) + "_object"
            elif not named:
                name = "catch_all"
            full = f"{namespace}:{name}" if namespace else name
            found.append(Route(full, here, names, named))
    return found


def rule_for(route: Route) -> Rule | dict[str, Rule] | None:
    if route.is_admin:
        return admin_rule(route.name)
    return POLICY.get(route.name)


def test_every_url_pattern_has_a_policy():
    routes = all_routes()
    missing = sorted(route.name for route in routes if rule_for(route) is None)
    assert missing == [], f"URL patterns without an entry in tests/permission_policy.py: {missing}"
    stale = sorted(set(POLICY) - {route.name for route in routes})
    assert stale == [], f"Policy entries for URLs that no longer exist: {stale}"


# Bodies that pass the form, so that the refusal comes from the permission check.
POST_BODIES = {
    "backoffice:status_report": {
        "state": "pagaende",
        "share_done": "50",
        "reported_on": "2026-11-15",
        "narrative": "Kapad",
    },
    "backoffice:problem_create": {"title": "Kapat problem"},
}


# --- kommun A's objects in every state ------------------------------------------------------


@dataclass
class World:
    users: dict[str, object]
    kwargs: dict[str, dict[str, dict]] = field(default_factory=dict)
    post_bodies: dict[str, dict] = field(default_factory=dict)


def build_world() -> World:
    personas = build_personas()
    site_admin = get_user_model().objects.create_superuser("matrix-root", password=PASSWORD)
    users = {name: personas.user(name) for name in PERSONAS if name != "site_admin"}
    users["site_admin"] = site_admin
    by, kommun = personas.coordinator_a, personas.kommun_a

    # Lägesbild: version 1 published, 2 decided, 3 a draft.
    chain = build_chain(personas)
    lagesbild_published = publish_lagesbild(chain.plan.lagesbild, by=by)
    lagesbild_decided = decide_written(draft_lagesbild(kommun, by=by), by=by, body="KS")
    lagesbild_draft = draft_lagesbild(kommun, by=by)
    lagesbilder = {
        "draft": lagesbild_draft,
        "decided": lagesbild_decided,
        "published": lagesbild_published,
    }

    # Action plan: version 1 published, 2 decided, 3 a draft; follow-ups of the decided ones.
    def decide(plan):
        return decide_plan(plan, body="KF", decided_on=date(2026, 11, 1), reference="1", by=by)

    plan_published = publish_plan(decide(chain.plan), by=by)
    plan_decided = decide(revise_plan(plan_published, by=by))
    plan_draft = revise_plan(plan_decided, by=by)
    plans = {"draft": plan_draft, "decided": plan_decided, "published": plan_published}
    follow_ups = {
        state: record_follow_up(plans[state], by=by, held_on=date(2026, 11, 15))
        for state in ("decided", "published")
    }

    # Yearly reports: one per year and state; the 2026 report went on to Brå with the county's.
    reports = {}
    for year, state in [(2023, "draft"), (2024, "submitted"), (2025, "approved"), (2026, "sent")]:
        report = yearly.draft_report(kommun, year, by=by)
        if state != "draft":
            report = yearly.submit_report(report, by=by)
        if state in ("approved", "sent"):
            report = yearly.approve_report(report, by=personas.county_a)
        reports[state] = report
    county_draft = yearly.start_county_report(kommun.lan, 2025, by=personas.county_a)
    county_sent = yearly.start_county_report(kommun.lan, 2026, by=personas.county_a)
    yearly.include_report(county_sent, reports["sent"], by=personas.county_a)
    yearly.submit_county_report(county_sent, by=personas.county_a, confirmed_missing=True)
    county_reports = {"draft": county_draft, "sent": county_sent}

    # Governance: the draft agreement is shared with its parties (the police and the region, a
    # partner of Värnamo too); one published.
    governance = build_governance(personas)
    shared_agreement = agreements.save_agreement(
        governance.agreement,
        kommun=kommun,
        by=by,
        parties=[personas.police_a, personas.region, governance.civil_society],
    )
    published_agreement = agreements.save_agreement(
        None,
        kommun=kommun,
        by=by,
        kind=AgreementKind.CITIZEN_PROMISE,
        title="Medborgarlöfte om trygghet i centrum",
        purposes="Öka tryggheten i centrum.",
        areas="Centrum.",
        valid_from=date(2026, 1, 1),
        valid_until=date(2028, 12, 31),
        signed_on=date(2026, 1, 15),
        parties=[personas.police_a, personas.region],
    )
    published_agreement = agreements.publish_agreement(published_agreement, by=by)
    documents = {}
    for state, agreement in [("shared", shared_agreement), ("published", published_agreement)]:
        document = store_document(kommun, name=f"{state}.pdf", data=b"%PDF-1.7 avtal", by=by)
        Agreement.objects.filter(pk=agreement.pk).update(document=document)
        documents[state] = document
    promise = agreements.add_promise(published_agreement, text="Polisen patrullerar", by=by)
    meeting = council.hold_meeting(
        governance.council, held_on=date(2026, 10, 5), minutes="Protokoll", by=by
    )
    decision = council.add_decision(meeting, text="Kartlägg belysningen", by=by)
    actors.add_contact_person(kommun, organisation=personas.police_a, name="Kim Kontakt", by=by)
    member = CouncilMember.objects.filter(council=governance.council).first()
    # The region sits on the council beside the police: the council and its meetings are
    # shared with both.
    council.add_member(
        governance.council,
        organisation=personas.region,
        position="Regiondirektör",
        seniority="ledande",
        by=by,
    )

    experience_fields = {
        "title": "Grannsamverkan i villaområden",
        "problem_text": "Bostadsinbrott",
        "what_was_done": "Grannsamverkan med polisen",
        "results": "Färre inbrott i området",
    }
    experience_draft = write_experience(None, kommun=kommun, by=by, **experience_fields)
    experience_published = publish_experience(
        write_experience(None, kommun=kommun, by=by, **experience_fields), by=by
    )
    experiences = {"draft": experience_draft, "published": experience_published}

    _invitation, token = invite_partner(
        kommun=kommun, email="ny@example.se", by=by, organisation=personas.police_a
    )
    if not Method.objects.exists():
        seed_method_library()

    def each(objects, **make):
        return {state: {key: f(obj) for key, f in make.items()} for state, obj in objects.items()}

    measure_key = chain.measure.key

    # Jobs the coordinator started: a local-data file and a sheet for the draft plan, checked.
    local_data = "kommun;indikator;namn;enhet;period;värde\n0680;a;A;värde;2024;1\n".encode()
    statistics_job = start_job(
        "statistik",
        user=by,
        scope=A,
        upload=SimpleUploadedFile("lokal.csv", local_data),
        params={"kind": "generic"},
    )
    sheet_job = start_job(
        "kalkylark",
        user=by,
        scope=A,
        upload=SimpleUploadedFile("atgarder.csv", write_csv(filter_measures(plan_draft))),
        params={"plan": plan_draft.pk},
    )

    def measure_of(plan):
        return plan.measures.get(key=measure_key)

    notes = {
        "draft": personas.draft_a,
        "shared": personas.shared_a,
        "submitted": personas.submitted_a,
        "published": personas.published_a,
    }
    kwargs = {
        "public:method": {NO_STATE: {"slug": Method.objects.order_by("pk").first().slug}},
        "public:experience": each(experiences, pk=lambda e: e.pk),
        "accounts:invitation": {NO_STATE: {"token": token}},
        "accounts:calendar_feed": {NO_STATE: {"token": new_feed_link(by)}},
        "backoffice:note": each(notes, pk=lambda n: n.pk),
        "backoffice:note_edit": each(notes, pk=lambda n: n.pk),
        "backoffice:lagesbild": each(lagesbilder, number=lambda lb: lb.number),
        "backoffice:lagesbild_section": each(
            lagesbilder, number=lambda lb: lb.number, key=lambda lb: next(iter(SECTION_LABELS))
        ),
        "backoffice:lagesbild_candidate": each(lagesbilder, number=lambda lb: lb.number),
        "backoffice:lagesbild_decide_confirm": each(lagesbilder, number=lambda lb: lb.number),
        "backoffice:lagesbild_decide": each(lagesbilder, number=lambda lb: lb.number),
        "backoffice:lagesbild_publish": each(lagesbilder, number=lambda lb: lb.number),
        "backoffice:lagesbild_compare": each(
            lagesbilder, number=lambda lb: lb.number, query=lambda lb: f"med={lb.number}"
        ),
        "backoffice:lagesbild_download": each(
            lagesbilder, number=lambda lb: lb.number, format=lambda lb: "docx"
        ),
        "backoffice:problem": {"draft": {"pk": chain.problem.pk}},
        "backoffice:yearly_report": each(reports, year=lambda r: r.year),
        "backoffice:yearly_report_export": each(
            reports, year=lambda r: r.year, fmt=lambda r: "docx"
        ),
        "backoffice:yearly_report_move": {
            state: {"year": reports[state].year, "target": target}
            for state, target in [
                ("draft", "inskickad"),
                ("submitted", "godkand"),
                ("approved", "sammanstalld"),
                ("sent", "godkand"),
            ]
        },
        "backoffice:experience": each(experiences, pk=lambda e: e.pk),
        "backoffice:experience_edit": each(experiences, pk=lambda e: e.pk),
        "backoffice:experience_publish": each(experiences, pk=lambda e: e.pk),
        "backoffice:actor_contribution": {NO_STATE: {"organisation_id": personas.police_a.pk}},
        "backoffice:agreement": {
            "shared": {"pk": shared_agreement.pk},
            "published": {"pk": published_agreement.pk},
        },
        "backoffice:document": each(documents, pk=lambda d: d.pk),
        "backoffice:promise_follow_up": {
            "published": {"pk": published_agreement.pk, "promise_pk": promise.pk}
        },
        "backoffice:member_leave": {"shared": {"pk": member.pk}},
        "backoffice:meeting": {"shared": {"pk": meeting.pk}},
        "backoffice:decision_done": {"shared": {"pk": meeting.pk, "decision_pk": decision.pk}},
        "backoffice:follow_up_download": {
            state: {"number": plans[state].number, "pk": f.pk, "format": "docx"}
            for state, f in follow_ups.items()
        },
        "backoffice:plan_export": each(plans, number=lambda p: p.number, format=lambda p: "csv"),
        "backoffice:plan_document": each(plans, number=lambda p: p.number, format=lambda p: "docx"),
        "backoffice:measure": each(plans, number=lambda p: p.number, key=lambda p: measure_key),
        "backoffice:reading_add": each(
            plans,
            number=lambda p: p.number,
            key=lambda p: measure_key,
            pk=lambda p: measure_of(p).targets.first().pk,
        ),
        "oversight:county_report": each(county_reports, year=lambda c: c.year),
        "oversight:county_report_export": each(
            county_reports, year=lambda c: c.year, fmt=lambda c: "docx"
        ),
        "oversight:county_report_action": {"draft": {"year": 2025, "action": "paborja"}},
        "oversight:county_report_send": each(county_reports, year=lambda c: c.year),
    }
    for name in ("import_job", "import_confirm", "import_retry"):
        kwargs[f"backoffice:{name}"] = {NO_STATE: {"job": statistics_job.pk}}
    for name in ("plan_import_job", "plan_import_confirm", "plan_import_retry"):
        kwargs[f"backoffice:{name}"] = {"draft": {"number": plan_draft.number, "job": sheet_job.pk}}
    for name in ("agreement_edit", "agreement_publish"):
        kwargs[f"backoffice:{name}"] = kwargs["backoffice:agreement"]
    kwargs["backoffice:promise_add"] = {"published": {"pk": published_agreement.pk}}
    for name in ("minutes_save", "decision_add"):
        kwargs[f"backoffice:{name}"] = kwargs["backoffice:meeting"]
    for name in ("problem_score", "problem_decide", "problem_cause"):
        kwargs[f"backoffice:{name}"] = kwargs["backoffice:problem"]
    for name in ("problem_hypothesis", "problem_unknowns"):
        kwargs[f"backoffice:{name}"] = kwargs["backoffice:problem"]
    for name in ("plan", "plan_decide", "plan_revise", "plan_publish", "follow_up"):
        kwargs[f"backoffice:{name}"] = each(plans, number=lambda p: p.number)
    for name in ("follow_up_record", "plan_import", "measure_create"):
        kwargs[f"backoffice:{name}"] = each(plans, number=lambda p: p.number)
    for name in ("measure_edit", "target_add", "status_report"):
        kwargs[f"backoffice:{name}"] = kwargs["backoffice:measure"]
    bodies = {
        **POST_BODIES,
        "backoffice:plan_create": {"title": "Kapad plan", "lagesbild": lagesbild_decided.pk},
    }
    return World(users, kwargs, bodies)


ADMIN_OBJECTS = {"app_label": lambda route: "methods"}


def _admin_object_id(route: Route):
    app, model = route.pattern.split("/")[1:3]
    try:
        found = apps.get_model(app, model).objects.order_by("pk").first()
    except LookupError:  # "admin/r/<content_type_id>/<object_id>/", skipped by the policy
        return None
    return found.pk if found else 1


def _admin_history_id(route: Route):
    app, model = route.pattern.split("/")[1:3]
    model = apps.get_model(app, model)
    # A history row's own key is history_id; the object's key keeps the original field name.
    lookup = {model._meta.pk.name: _admin_object_id(route)}
    record = model.history.filter(**lookup).first()
    return record.history_id if record else 1


def cells_of(route: Route, world: World) -> dict[str, dict]:
    """The kwargs for each state of kommun A's object the route is requested with."""
    cells = {}
    states = world.kwargs.get(route.name, {NO_STATE: {}})
    for state, given in states.items():
        kwargs = dict(given)
        for converter in route.converters - set(kwargs):
            if converter == "code":
                kwargs["code"] = A
            elif converter == "lan_code":
                kwargs["lan_code"] = LAN_A
            elif converter in ("object_id", "id") and route.is_admin:
                kwargs[converter] = _admin_object_id(route)
            elif converter == "history_id" and route.is_admin:
                kwargs[converter] = _admin_history_id(route)
            elif converter in ADMIN_OBJECTS and route.is_admin:
                kwargs[converter] = ADMIN_OBJECTS[converter](route)
        if route.is_admin and route.name.endswith("_simple_history"):
            # django-simple-history's page of one historical record takes positional arguments.
            kwargs["args"] = [_admin_object_id(route), _admin_history_id(route)]
        cells[state] = kwargs
    return cells


def url_of(route: Route, kwargs: dict) -> str:
    kwargs = dict(kwargs)
    query = kwargs.pop("query", "")
    if query:
        return url_of(route, kwargs) + "?" + query
    if "args" in kwargs:
        return reverse(route.name, args=kwargs["args"])
    if route.named:
        return reverse(route.name, kwargs=kwargs)
    path = "/" + route.pattern
    for name, value in kwargs.items():
        for converter in ("path", "str", "int"):
            path = path.replace(f"<{converter}:{name}>", str(value))
    return path


def rule_in(policy, state: str) -> Rule | None:
    if isinstance(policy, Rule):
        return policy
    return policy.get(state)


def expected(rule: Rule, persona: str) -> str:
    if rule.post_only:
        return "login" if persona == "anonymous" and rule.login_required else "405"
    if persona in rule.allowed:
        return "allow"
    return "login" if persona == "anonymous" and rule.login_required else "deny"


LOGIN_PATHS = (reverse(settings.LOGIN_URL) if ":" in settings.LOGIN_URL else settings.LOGIN_URL,)


def outcome(response, persona: str) -> str:
    status = response.status_code
    if status == 302:
        location = response["Location"]
        to_login = location.startswith((*LOGIN_PATHS, reverse("admin:login")))
        if to_login:
            return "login" if persona == "anonymous" else "deny"
        return "allow"
    if status == 200:
        return "allow"
    if status in (403, 404):
        return "deny"
    if status == 405:
        return "405"
    return f"status {status}"


def clients_for(world: World) -> dict[str, Client]:
    clients = {}
    for persona, user in world.users.items():
        clients[persona] = Client()
        if user is not None:
            clients[persona].force_login(user)
    return clients


def matrix(world: World):
    """Yield (route, state, rule, url) for every cell the policy does not skip."""
    for route in all_routes():
        policy = rule_for(route)
        assert policy is not None, route.name
        for state, kwargs in cells_of(route, world).items():
            rule = rule_in(policy, state)
            assert rule is not None, f"{route.name}: no rule for state {state!r}"
            if rule.skip:
                continue
            yield route, state, rule, url_of(route, kwargs)


def test_every_persona_gets_what_the_policy_says(db):
    world = build_world()
    clients = clients_for(world)
    failures, cells = [], 0
    for route, state, rule, url in matrix(world):
        for persona in PERSONAS:
            cells += 1
            got = outcome(clients[persona].get(url), persona)
            want = expected(rule, persona)
            if got != want:
                failures.append(f"{route.name} [{state}] as {persona}: expected {want}, got {got}")
    assert failures == [], f"{len(failures)} of {cells} cells differ:\n" + "\n".join(failures)


# --- posting as someone who may not ---------------------------------------------------------


def checksum() -> dict[str, int]:
    """Row counts of every table the project writes (sessions aside: logging in writes them)."""
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names():
            if table == "django_session":
                continue
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 (names from the DB)
            counts[table] = cursor.fetchone()[0]
    return counts


def refused(rule: Rule, persona: str) -> str:
    if persona == "anonymous":
        return "login"
    return "allow" if persona in rule.told else "deny"


def test_posting_where_one_may_not_changes_nothing(db):
    world = build_world()
    clients = clients_for(world)
    failures, cells = [], 0
    for route, state, rule, url in matrix(world):
        if not rule.post_only:
            continue
        for persona in PERSONAS:
            if persona in rule.allowed:
                continue
            cells += 1
            before = checksum()
            got = outcome(
                clients[persona].post(url, world.post_bodies.get(route.name, {})), persona
            )
            want = refused(rule, persona)
            changed = {t for t, n in checksum().items() if before.get(t) != n}
            if got != want or changed:
                failures.append(
                    f"{route.name} [{state}] POST as {persona}: expected {want}, got {got}"
                    + (f", changed {sorted(changed)}" if changed else "")
                )
    assert cells > 0
    assert failures == [], f"{len(failures)} of {cells} cells differ:\n" + "\n".join(failures)
