"""Which query parameters each view reads: the table beside the permission policy.

`tests/test_numbers_out_of_range_never_fail.py` requests every parameter listed here with a
huge, a negative, a zero and a non-numeric value, and fails when a name the code reads
(`request.GET.get("…")`, `request.GET["…"]`, `"…" in request.GET`) is listed for none of the
views of its module, as a URL without a policy fails the permission matrix.

Parameters that are not numbers are listed too: a number where text is expected must not
break a page either.
"""

from forebygg.support.domain.prioritisation import CRITERIA

PLAN_FILTERS = ("typ", "tidsperspektiv", "ansvarig", "sok")
CHANGE_LOG = ("typ", "vem", "sida")
# Brå's saved weights are overridden one criterion at a time, beside the report and list years.
PRIORITISATION = ("ar", "lista", *(criterion.key for criterion in CRITERIA))

QUERY_PARAMETERS: dict[str, tuple[str, ...]] = {
    "public:search": ("q", "go"),
    "public:methods": ("typ", "bedomning"),
    "public:experiences": ("problem", "metod", "kommungrupp", "lan"),
    "backoffice:plan": PLAN_FILTERS,
    "backoffice:plan_export": PLAN_FILTERS,
    "backoffice:problems": ("sok",),
    "backoffice:measure": ("sok", "indikator"),
    "backoffice:experience_create": ("atgard",),
    "backoffice:lagesbild_compare": ("med",),
    "backoffice:cycle": ("ar",),
    "backoffice:change_log": CHANGE_LOG,
    "admin:change_log": CHANGE_LOG,
    "oversight:county": ("ar",),
    "oversight:national": ("ar",),
    "oversight:national_kommuner_csv": ("ar",),
    "oversight:national_lan_csv": ("ar",),
    "oversight:prioritisation": PRIORITISATION,
    "oversight:prioritisation_csv": PRIORITISATION,
}

# Django's own: the page and the sort order of every list in the admin.
ADMIN_CHANGELIST = ("p", "o")


def query_parameters_of(route_name: str) -> tuple[str, ...]:
    if route_name.startswith("admin:") and route_name.endswith("_changelist"):
        return ADMIN_CHANGELIST
    return QUERY_PARAMETERS.get(route_name, ())
