"""The länsstyrelse's county overview and combined report, and Brå's national overview.

Thin views over `reporting.domain`. A county page is for the län's own officers and Brå;
the national pages are for Brå. Everyone else gets a 404, never a hint the page exists.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forebygg.core.bounds import parse_id, parse_year
from forebygg.core.domain.csvfiles import write_csv_table
from forebygg.core.views import apply_form, attachment, show_errors
from forebygg.geo.domain.queries import get_lan_or_404
from forebygg.geo.domain.svg import VIEWBOX, viewbox_around
from forebygg.geo.models import POLICE_AREA_KINDS, Area, Lan
from forebygg.governance.domain.compliance import requirements
from forebygg.governance.enums import RuleStatus
from forebygg.orgs.access import access_for, can_view_county, is_national_viewer, not_found
from forebygg.oversight.forms import SendCountyReportForm
from forebygg.reporting.domain import overview, transitions
from forebygg.reporting.domain import yearly as yearly_domain
from forebygg.reporting.enums import CountyState, ReportState
from forebygg.reporting.interfaces import export
from forebygg.reporting.models import CountyReport, YearlyReport
from forebygg.stats.national import latest_levels

CORE_MEASURES = ["coordination_function", "current_lagesbild", "decided_plan", "followed_up"]


def _year(request) -> int:
    """The year in `?ar=`; this year when it is missing or outside FIRST_YEAR–LAST_YEAR."""
    return parse_year(request.GET.get("ar")) or timezone.localdate().year


def _county_lan(request, lan_code) -> Lan:
    """The län, if the user may see its county overview; anyone else gets the one 404."""
    try:
        lan = get_lan_or_404(lan_code)
    except Http404:
        raise not_found() from None
    if not can_view_county(request.user, lan):
        raise not_found()
    return lan


def require_national(request) -> None:
    """National pages are for Brå; anyone else gets a 404."""
    if not is_national_viewer(request.user):
        raise not_found()


def _map_class(row: overview.KommunRow) -> str:
    """Map colour: how many of the four core parts of the law a reporting kommun has."""
    if not row.has_reported:
        return "fill-none"
    return f"fill-{sum(row.answers[key] for key in CORE_MEASURES)}"


# --- County ---------------------------------------------------------------------------------


@login_required
@require_GET
def county(request, lan_code):
    lan = _county_lan(request, lan_code)
    year = _year(request)
    data = overview.county_overview(lan, year, request.user)
    level_year, levels = latest_levels()
    areas = list(
        Area.objects.filter(kommun__lan=lan, kind__in=POLICE_AREA_KINDS)
        .select_related("kommun")
        .order_by("-list_year", "kommun__short_name", "name")
    )
    areas_by_kommun: dict[int, int] = {}
    for area in areas:
        areas_by_kommun[area.kommun_id] = areas_by_kommun.get(area.kommun_id, 0) + 1
    rows = [
        {
            "row": row,
            "map_class": _map_class(row),
            "level": levels.get(row.kommun.code),
            "areas": areas_by_kommun.get(row.kommun.pk, 0),
        }
        for row in data.rows
    ]
    return render(
        request,
        "oversight/county.html",
        {
            "lan": lan,
            "year": year,
            "overview": data,
            "rows": rows,
            "map_rows": [(item["row"], item["map_class"]) for item in rows],
            "rules": requirements(),
            "status_labels": dict(RuleStatus.choices),
            "level_year": level_year,
            "areas": areas,
            "viewbox": viewbox_around([row.kommun.svg_path for row in data.rows]),
            "is_county_officer": lan.pk in access_for(request.user).county_lan_ids,
        },
    )


def _county_report(request, lan, year) -> CountyReport:
    report = CountyReport.objects.visible_to(request.user).filter(lan=lan, year=year).first()
    if report is None:
        raise not_found()
    return report


@login_required
@require_GET
def county_report(request, lan_code, year):
    lan = _county_lan(request, lan_code)
    report = CountyReport.objects.visible_to(request.user).filter(lan=lan, year=year).first()
    may_act = transitions.may_act(request.user, transitions.COUNTY, lan=lan)
    if report is None and not may_act:
        raise not_found()
    waiting = YearlyReport.objects.visible_to(request.user).filter(
        kommun__lan=lan, year=year, status=ReportState.APPROVED
    )
    return render(
        request,
        "oversight/county_report.html",
        {
            "lan": lan,
            "year": year,
            "report": report,
            "editable": may_act and report is not None and report.status == CountyState.DRAFT,
            "may_start": may_act and report is None,
            "waiting": waiting.select_related("kommun") if may_act else [],
            "document": export.county_report_document(report) if report else None,
        },
    )


def _start(lan, year, user, post):
    yearly_domain.start_county_report(lan, year, by=user)


def _describe(lan, year, user, post):
    yearly_domain.describe_regional_work(
        _existing(lan, year),
        by=user,
        **{name: post.get(name, "") for name in ("networks", "trainings", "cross_kommun_measures")},
    )


def _include(lan, year, user, post):
    county_report = _existing(lan, year)
    report_pk = parse_id(post.get("report"))
    report = YearlyReport.objects.filter(kommun__lan=lan, year=year, pk=report_pk).first()
    if report is None:
        raise ValidationError(_("Välj en godkänd kommunredovisning."))
    yearly_domain.include_report(county_report, report, by=user)


def _existing(lan, year) -> CountyReport:
    report = CountyReport.objects.filter(lan=lan, year=year).first()
    if report is None:
        raise ValidationError(_("Påbörja den samlade redovisningen först."))
    return report


COUNTY_ACTIONS = {
    "paborja": (_start, _("Den samlade redovisningen är påbörjad.")),
    "regionalt-arbete": (_describe, _("Det regionala arbetet är sparat.")),
    "ta-med": (_include, _("Kommunens redovisning ingår nu i den samlade redovisningen.")),
}


@login_required
@require_POST
def county_report_action(request, lan_code, year, action):
    lan = _county_lan(request, lan_code)
    if action not in COUNTY_ACTIONS or not transitions.may_act(
        request.user, transitions.COUNTY, lan=lan
    ):
        raise not_found()
    run, success = COUNTY_ACTIONS[action]
    try:
        run(lan, year, request.user, request.POST)
    except PermissionDenied:
        raise not_found() from None
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, success)
    return redirect("oversight:county_report", lan_code=lan.code, year=year)


@login_required
@require_http_methods(["GET", "POST"])
def county_report_send(request, lan_code, year):
    """The send step: which kommuner are missing, and the county's confirmation to send anyway."""
    lan = _county_lan(request, lan_code)
    if not transitions.may_act(request.user, transitions.COUNTY, lan=lan):
        raise not_found()
    if request.method == "POST":
        return _send(request, lan, year)
    report = CountyReport.objects.visible_to(request.user).filter(lan=lan, year=year).first()
    if report is None or report.status != CountyState.DRAFT:
        return redirect("oversight:county_report", lan_code=lan.code, year=year)
    missing = yearly_domain.missing_kommuner(report)
    return render(
        request,
        "oversight/county_report_send.html",
        {
            "lan": lan,
            "year": year,
            "report": report,
            "missing": missing,
            "included": report.kommun_reports.count(),
            "total": lan.kommuner.count(),
            "form": SendCountyReportForm(),
        },
    )


def _send(request, lan, year: int):
    """Send; the domain refuses a report not started, already sent or missing kommuner."""
    form = SendCountyReportForm(request.POST)
    try:
        sent = apply_form(
            request,
            form,
            lambda data: yearly_domain.submit_county_report(
                _existing(lan, year), by=request.user, confirmed_missing=data["confirm_missing"]
            ),
            success=_("Den samlade redovisningen är inskickad till Brå."),
        )
    except PermissionDenied:
        raise not_found() from None
    then = "oversight:county_report" if sent else "oversight:county_report_send"
    return redirect(then, lan_code=lan.code, year=year)


@login_required
@require_GET
def county_report_export(request, lan_code, year, fmt):
    lan = _county_lan(request, lan_code)
    report = _county_report(request, lan, year)
    return export.download(
        export.county_report_document(report), fmt, f"samlad-redovisning-{lan.code}-{year}"
    )


# --- National -------------------------------------------------------------------------------


def _cache_key(year: int, user) -> str:
    """Changes to any report or county report give a new key, so the cache is never stale."""
    scope = "admin" if access_for(user).is_site_admin else "bra"
    stamps = [
        model.objects.aggregate(n=Count("pk"), last=Max("updated_at"))
        for model in (YearlyReport, CountyReport)
    ]
    version = "-".join(f"{s['n']}.{s['last'].timestamp() if s['last'] else 0}" for s in stamps)
    return f"national-overview:{scope}:{year}:{version}"


def national_body(year: int, user) -> str:
    """The overview's tables and map, rendered once per data version and kept in the cache."""
    key = _cache_key(year, user)
    body = cache.get(key)
    if body is None:
        data = overview.national_overview(year, user)
        kommun_header, kommun_rows = overview.kommun_table(data.rows)
        lan_header, lan_rows = overview.lan_table(data.lan_rows)
        body = render_to_string(
            "oversight/_national_body.html",
            {
                "year": year,
                "overview": data,
                "map_rows": [(row, _map_class(row)) for row in data.rows],
                "viewbox": " ".join(str(number) for number in VIEWBOX),
                "kommun_table": (kommun_header, kommun_rows),
                "lan_table": (lan_header, lan_rows),
            },
        )
        cache.set(key, body, 60 * 60)
    return mark_safe(body)  # noqa: S308 -- our own template rendered it with autoescaping


@login_required
@require_GET
def national(request):
    require_national(request)
    year = _year(request)
    return render(
        request,
        "oversight/national.html",
        {"year": year, "body": national_body(year, request.user)},
    )


def _csv(request, table, name: str):
    require_national(request)
    year = _year(request)
    header, rows = table(overview.national_overview(year, request.user))
    return attachment(
        write_csv_table(header, rows), "text/csv; charset=utf-8", f"{name}-{year}.csv"
    )


@login_required
@require_GET
def national_kommuner_csv(request):
    return _csv(request, lambda data: overview.kommun_table(data.rows), "kommuner")


@login_required
@require_GET
def national_lan_csv(request):
    return _csv(request, lambda data: overview.lan_table(data.lan_rows), "lan")
