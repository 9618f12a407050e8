"""Who may open which URL: the declared policy the permission matrix test checks.

Every URL pattern of the project has an entry here (admin URLs by one prefix rule). An entry
names the personas who get in; everyone else is refused the project's way: a logged-in user
gets a 404 (the admin: its login page or a 403), an anonymous visitor the login page.

Where what a persona sees depends on the state of kommun A's object in the URL, the entry is a
dict from state to rule (see `tests/test_permission_matrix.py` for the objects behind each
state). A rule for a POST-only route says who may post; a GET there is a 405 for everyone
logged in.
"""

from dataclasses import dataclass

PERSONAS = [
    "anonymous",
    "coordinator_a",
    "member_b",
    "partner_a",
    "county_a",
    "county_other",
    "analyst",
    "site_admin",
    # Access belongs to the kommun relationship (tests/personas.py):
    "member_a",  # A's staff: reads like its coordinator, changes nothing
    "coordinator_neighbour",  # the coordinator of Värnamo, in A's län
    "member_neighbour",  # Värnamo's staff
    "partner_neighbour",  # a member of the region A shares with, invited by Värnamo only
]


@dataclass(frozen=True)
class Rule:
    allowed: frozenset[str]
    login_required: bool = True
    post_only: bool = False
    skip: str = ""
    # A POST from someone not allowed is refused with a 404 (anonymous: the login page), except
    # for these readers of the object: they are sent back to it with an error message.
    told: frozenset[str] = frozenset()


def group(*names: str) -> frozenset[str]:
    return frozenset(names)


EVERYONE = frozenset(PERSONAS)
LOGGED_IN = EVERYONE - {"anonymous"}
COORDINATOR = group("coordinator_a")
# A's own staff and site admins see everything of A, but change nothing (site admins: outside
# the admin). Nobody of a neighbouring kommun is among them, nor a partner that kommun invited.
STAFF_A = group("coordinator_a", "member_a", "site_admin")
SHARED_WITH_POLICE = STAFF_A | {"partner_a"}
SUBMITTED_TO_COUNTY = STAFF_A | {"county_a"}
# Who opens kommun A's workspace at all: its staff and partners, its län, Brå, site admins.
WORKSPACE_A = group("coordinator_a", "member_a", "partner_a", "county_a", "analyst", "site_admin")
COUNTY_A = group("county_a", "site_admin")
COUNTY_AND_BRA = group("county_a", "analyst", "site_admin")
BRA = group("analyst", "site_admin")
SITE_ADMIN = group("site_admin")
NOBODY = frozenset()


def page(allowed: frozenset[str]) -> Rule:
    return Rule(allowed)


def public() -> Rule:
    return Rule(EVERYONE, login_required=False)


def post_only(allowed: frozenset[str]) -> Rule:
    return Rule(allowed, post_only=True)


def skip(reason: str) -> Rule:
    return Rule(NOBODY, skip=reason)


# Kommun-owned objects by visibility, as `visible_to` answers inside A's workspace.
BY_VISIBILITY = {
    "draft": page(STAFF_A),
    "shared": page(SHARED_WITH_POLICE),
    "submitted": page(SUBMITTED_TO_COUNTY),
    "published": page(WORKSPACE_A),
}
# Lägesbild and plan: a decided version stays with the kommun until it is published.
BY_DECISION = {
    "draft": page(STAFF_A),
    "decided": page(STAFF_A),
    "published": page(WORKSPACE_A),
}
# The yearly report: the county reads it once submitted, Brå once the county has sent it on.
BY_REPORT_STATE = {
    "draft": page(STAFF_A),
    "submitted": page(SUBMITTED_TO_COUNTY),
    "approved": page(SUBMITTED_TO_COUNTY),
    "sent": page(SUBMITTED_TO_COUNTY | {"analyst"}),
}
# The county's combined report: its own county; Brå once submitted.
BY_COUNTY_REPORT_STATE = {
    "draft": page(COUNTY_A),
    "sent": page(COUNTY_AND_BRA),
}
# A measure of a plan is also read by the partner organisation that owns it (the police).
MEASURE_BY_DECISION = {
    "draft": page(SHARED_WITH_POLICE),
    "decided": page(SHARED_WITH_POLICE),
    "published": page(WORKSPACE_A),
}

POLICY: dict[str, Rule | dict[str, Rule]] = {
    # --- public pages
    "public:start": public(),
    "public:search": public(),
    "public:kommun": public(),
    "public:lagesbild": public(),
    "public:prevention": public(),
    "public:sources": public(),
    "public:methods": public(),
    "public:method": public(),
    "public:experiences": public(),
    "public:experience": {
        "draft": Rule(NOBODY, login_required=False),
        "published": public(),
    },
    "set_language": public(),  # a GET only redirects back
    # --- accounts
    "accounts:login": public(),
    "accounts:logout": Rule(EVERYONE, login_required=False, post_only=True),
    "accounts:invitation": public(),
    # Everyone's own account page; what it shows and changes is the user's own.
    "accounts:account": page(LOGGED_IN),
    "accounts:reminders": post_only(LOGGED_IN),
    "accounts:calendar_new": post_only(LOGGED_IN),
    "accounts:calendar_off": post_only(LOGGED_IN),
    # The secret link is the key (the coordinator's in the matrix): no login; a wrong one is 404.
    "accounts:calendar_feed": public(),
    # --- back office: the workspace and notes
    "backoffice:my_workspaces": page(LOGGED_IN),
    "backoffice:workspace": page(WORKSPACE_A),
    "backoffice:note_create": page(COORDINATOR),
    "backoffice:note": BY_VISIBILITY,
    "backoffice:note_edit": {state: page(COORDINATOR) for state in BY_VISIBILITY},
    "backoffice:invite": page(COORDINATOR),
    "backoffice:warnings": page(COORDINATOR),
    "backoffice:change_log": page(group("coordinator_a", "site_admin")),
    # --- statistics import
    "backoffice:import_upload": page(group("coordinator_a", "site_admin")),
    # A job (its file and preview) is its starter's: the coordinator's job is a 404 even for a
    # site admin, who may start jobs of their own.
    "backoffice:import_job": page(COORDINATOR),
    "backoffice:import_confirm": post_only(COORDINATOR),
    "backoffice:import_retry": post_only(COORDINATOR),
    # --- lägesbild
    "backoffice:lagesbild_index": page(WORKSPACE_A),
    "backoffice:lagesbild_create": post_only(COORDINATOR),
    "backoffice:lagesbild": BY_DECISION,
    "backoffice:lagesbild_section": {
        "draft": page(COORDINATOR),
        "decided": page(NOBODY),
        "published": page(NOBODY),
    },
    "backoffice:lagesbild_candidate": post_only(COORDINATOR),
    "backoffice:lagesbild_decide_confirm": post_only(COORDINATOR),
    "backoffice:lagesbild_decide": post_only(COORDINATOR),
    "backoffice:lagesbild_publish": post_only(COORDINATOR),
    "backoffice:lagesbild_compare": BY_DECISION,
    "backoffice:lagesbild_download": BY_DECISION,
    # --- problems
    "backoffice:problems": page(WORKSPACE_A),
    "backoffice:problem_create": post_only(COORDINATOR),
    "backoffice:problem": {"draft": page(STAFF_A)},
    "backoffice:problem_score": post_only(COORDINATOR),
    "backoffice:problem_decide": post_only(COORDINATOR),
    "backoffice:problem_cause": post_only(COORDINATOR),
    "backoffice:problem_hypothesis": post_only(COORDINATOR),
    "backoffice:problem_unknowns": post_only(COORDINATOR),
    # --- action plans (the editing forms open for a decided version too; saving one is refused
    # by the domain, `FrozenOnceDecided`, and the page says so)
    "backoffice:plans": page(WORKSPACE_A),
    "backoffice:plan_create": post_only(COORDINATOR),
    "backoffice:plan": BY_DECISION,
    "backoffice:measure_create": page(COORDINATOR),
    "backoffice:measure": MEASURE_BY_DECISION,
    "backoffice:measure_edit": page(COORDINATOR),
    "backoffice:target_add": post_only(COORDINATOR),
    # Status is reported on the measures of a decided plan; on a draft its readers are told so.
    "backoffice:status_report": {
        "draft": Rule(NOBODY, post_only=True, told=SHARED_WITH_POLICE),
        "decided": post_only(group("coordinator_a", "partner_a")),
        "published": post_only(group("coordinator_a", "partner_a")),
    },
    "backoffice:reading_add": post_only(COORDINATOR),
    "backoffice:plan_decide": post_only(COORDINATOR),
    "backoffice:plan_revise": post_only(COORDINATOR),
    "backoffice:plan_publish": post_only(COORDINATOR),
    "backoffice:follow_up": BY_DECISION,
    "backoffice:follow_up_record": post_only(COORDINATOR),
    "backoffice:follow_up_download": {
        "decided": page(STAFF_A),
        "published": page(WORKSPACE_A),
    },
    "backoffice:plan_export": BY_DECISION,
    "backoffice:plan_document": BY_DECISION,
    "backoffice:plan_import": page(COORDINATOR),
    "backoffice:plan_import_job": page(COORDINATOR),
    "backoffice:plan_import_confirm": post_only(COORDINATOR),
    "backoffice:plan_import_retry": post_only(COORDINATOR),
    # --- yearly report
    "backoffice:yearly_reports": page(WORKSPACE_A),
    "backoffice:yearly_report_draft": post_only(COORDINATOR),
    "backoffice:yearly_report": BY_REPORT_STATE,
    "backoffice:yearly_report_export": BY_REPORT_STATE,
    # The move requested is the next one from each state (see POST_BODIES in the test).
    "backoffice:yearly_report_move": {
        "draft": post_only(COORDINATOR),
        "submitted": post_only(group("county_a")),
        "approved": post_only(group("county_a")),
        # No move leaves an included report: whoever reads it is told so, nothing changes.
        "sent": Rule(NOBODY, post_only=True, told=SUBMITTED_TO_COUNTY | {"analyst"}),
    },
    # --- experiences
    "backoffice:experiences": page(WORKSPACE_A),
    "backoffice:experience_create": page(COORDINATOR),
    "backoffice:experience": {"draft": page(STAFF_A), "published": page(WORKSPACE_A)},
    "backoffice:experience_edit": {"draft": page(COORDINATOR), "published": page(COORDINATOR)},
    "backoffice:experience_publish": post_only(COORDINATOR),
    # --- governance
    "backoffice:actors": page(STAFF_A),
    "backoffice:actor_register": post_only(COORDINATOR),
    "backoffice:contact_add": post_only(COORDINATOR),
    "backoffice:actor_contribution": post_only(COORDINATOR),
    "backoffice:agreements": page(WORKSPACE_A),
    "backoffice:agreement_create": page(COORDINATOR),
    "backoffice:agreement": {"shared": page(SHARED_WITH_POLICE), "published": page(WORKSPACE_A)},
    "backoffice:agreement_edit": {"shared": page(COORDINATOR), "published": page(COORDINATOR)},
    "backoffice:agreement_publish": post_only(COORDINATOR),
    "backoffice:promise_add": post_only(COORDINATOR),
    "backoffice:promise_follow_up": post_only(COORDINATOR),
    "backoffice:document": {"shared": page(SHARED_WITH_POLICE), "published": page(WORKSPACE_A)},
    "backoffice:council": page(WORKSPACE_A),
    "backoffice:council_create": post_only(COORDINATOR),
    "backoffice:member_add": post_only(COORDINATOR),
    "backoffice:member_leave": post_only(COORDINATOR),
    "backoffice:group_add": post_only(COORDINATOR),
    "backoffice:meeting_add": post_only(COORDINATOR),
    "backoffice:meeting": {"shared": page(SHARED_WITH_POLICE)},
    "backoffice:minutes_save": post_only(COORDINATOR),
    "backoffice:decision_add": post_only(COORDINATOR),
    "backoffice:decision_done": post_only(COORDINATOR),
    "backoffice:cycle": page(WORKSPACE_A),
    "backoffice:cycle_add": post_only(COORDINATOR),
    "backoffice:coordination": page(WORKSPACE_A),
    "backoffice:coordination_publish": post_only(COORDINATOR),
    "backoffice:leadership": page(WORKSPACE_A),
    "backoffice:leadership_save": post_only(COORDINATOR),
    "backoffice:report_add": post_only(COORDINATOR),
    "backoffice:linked_plan_add": post_only(COORDINATOR),
    "backoffice:compliance": page(STAFF_A),
    # --- oversight: the län and Brå
    "oversight:national": page(BRA),
    "oversight:national_kommuner_csv": page(BRA),
    "oversight:national_lan_csv": page(BRA),
    "oversight:prioritisation": page(BRA),
    "oversight:prioritisation_csv": page(BRA),
    "oversight:prioritisation_weights": post_only(BRA),
    "oversight:county": page(COUNTY_AND_BRA),
    "oversight:county_report": BY_COUNTY_REPORT_STATE,
    "oversight:county_report_action": post_only(COUNTY_A),
    # The send step changes the report: its own county's officers only (a sent one redirects).
    "oversight:county_report_send": page(group("county_a")),
    "oversight:county_report_export": BY_COUNTY_REPORT_STATE,
}

# The admin: for site admins; Brå's analysts reach the index and the method library only.
ADMIN_PREFIX = "admin/"
ADMIN_DEFAULT = page(SITE_ADMIN)
ADMIN_POLICY: dict[str, Rule] = {
    "admin:login": public(),
    "admin:logout": skip(
        "Django's own: a 405 on GET for admin users, a redirect to the admin index for the rest"
    ),
    "admin:app_list": page(BRA),  # requested for the method library's app
    "admin:catch_all": page(NOBODY),
    "admin:jsi18n": page(BRA),
    "admin:index": page(BRA),
    "admin:password_change": page(BRA),
    "admin:password_change_done": page(BRA),
    "admin:autocomplete": skip("needs a model admin with search fields in the query string"),
    "admin:view_on_site": skip("a redirect helper taking any content type and object id"),
}
# Model admins Brå's analysts may use (`methods/admin.py`).
ADMIN_FOR_ANALYSTS = ("admin:methods_method_", "admin:methods_evidencerating_")


# Reference data comes from the importers: nobody adds or deletes it in the admin.
READ_ONLY_ADMIN = tuple(
    f"admin:geo_{model}_{action}"
    for model in ("lan", "kommun", "kommungroup", "kommungroupmembership", "population")
    for action in ("add", "delete")
)


def admin_rule(route: str) -> Rule:
    if route in ADMIN_POLICY:
        return ADMIN_POLICY[route]
    if route in READ_ONLY_ADMIN:
        return page(NOBODY)
    if route.endswith("_object"):
        # "<object_id>/" only redirects to the change page, which checks the model permission.
        return page(BRA)
    if route.startswith(ADMIN_FOR_ANALYSTS):
        return page(BRA)
    return ADMIN_DEFAULT
