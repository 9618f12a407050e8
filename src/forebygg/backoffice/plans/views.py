"""The åtgärdsplan, its measures, targets and follow-up: thin views over plans.domain."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from forebygg.backoffice.entry import submit, workspace_view
from forebygg.backoffice.home.chain import THEN_NEW_MEASURE, THEN_PLAN
from forebygg.backoffice.jobs import go_to_job, job_context, job_page
from forebygg.backoffice.plans import forms
from forebygg.core.documents import render_docx, render_pdf
from forebygg.core.domain import jobs
from forebygg.core.domain.conflicts import EditConflict
from forebygg.core.models import Job
from forebygg.core.uploads import upload_too_large
from forebygg.core.views import (
    DOCX_MIME,
    PDF_MIME,
    REFUSED,
    attachment,
    attempt,
    create_from_form,
)
from forebygg.lagesbild.enums import LagesbildStatus
from forebygg.lagesbild.models import Lagesbild
from forebygg.orgs.access import not_found
from forebygg.orgs.enums import Level
from forebygg.plans import jobs as sheet_jobs
from forebygg.plans.domain import followup, planning, spreadsheet
from forebygg.plans.domain.warnings import warnings_for
from forebygg.plans.enums import Horizon, MeasureType, PlanStatus
from forebygg.plans.interfaces.plan_document import plan_document
from forebygg.plans.interfaces.report import render_follow_up_docx, render_follow_up_pdf
from forebygg.plans.models import FollowUp, Measure, Plan, Problem, Target

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The largest id a filter accepts: what a 32-bit integer column holds. Anything larger would
# reach the database as a number it cannot compare (a 500 on PostgreSQL), so it is ignored.
MAX_ID = 2**31 - 1


# --- lookups -------------------------------------------------------------------------------


def _plan(request, number, *, for_edit=False) -> Plan:
    return request.workspace.get(
        Plan.objects.select_related("kommun", "lagesbild"), for_edit=for_edit, number=number
    )


def _measure(request, number, key, *, for_edit=False) -> Measure:
    """The measure `key` of plan version `number`, with its plan.

    The plan is reached through the measure: a partner sees the measures its organisation
    owns (`Measure.objects.visible_to`) even in a plan it may not read on its own.
    """
    return request.workspace.get(
        Measure.objects.select_related("plan__kommun", "plan__lagesbild", "owner", "method"),
        for_edit=for_edit,
        plan__number=number,
        key=key,
    )


def _filters(request) -> dict:
    return {
        "type": request.GET.get("typ", ""),
        "horizon": request.GET.get("tidsperspektiv", ""),
        "owner_id": _id_or_none(request.GET.get("ansvarig", "")),
        "search": request.GET.get("sok", "").strip(),
    }


def _id_or_none(text: str) -> int | None:
    """An id typed into the query string, or None for what no row can have."""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


# --- the kommun's plans --------------------------------------------------------------------


@workspace_view(Level.READER)
def index(request):
    ws = request.workspace
    plans = ws.visible(Plan.objects)
    own_measures = Measure.objects.status_reportable_by(request.user).in_kommun(ws.kommun)
    return render(
        request,
        "backoffice/plans/index.html",
        {
            "kommun": ws.kommun,
            "plans": plans,
            "can_edit": ws.can_edit,
            "has_draft": ws.can_edit and plans.filter(status=PlanStatus.DRAFT).exists(),
            "form": _plan_form(request),
            "warnings": warnings_for(ws.kommun) if ws.can_edit else [],
            "own_measures": own_measures.select_related("plan", "owner"),
        },
    )


def _plan_form(request, data=None) -> forms.PlanForm:
    decided = request.workspace.visible(Lagesbild.objects).filter(status=LagesbildStatus.DECIDED)
    return forms.PlanForm(data, decided_lagesbilder=decided)


@workspace_view(Level.COORDINATOR)
def warnings_panel(request):
    kommun = request.workspace.kommun
    return render(
        request,
        "backoffice/plans/warnings.html",
        {"kommun": kommun, "warnings": warnings_for(kommun)},
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def create(request):
    ws = request.workspace
    plan = create_from_form(
        request,
        _plan_form(request, request.POST),
        lambda data: planning.create_plan(ws.kommun, by=request.user, **data),
        success=_("Ett utkast till åtgärdsplan är skapat."),
    )
    if plan is REFUSED:
        return redirect("backoffice:plans", code=ws.code)
    if request.POST.get("then") == THEN_NEW_MEASURE:
        return redirect("backoffice:measure_create", code=ws.code, number=plan.number)
    return redirect("backoffice:plan", code=ws.code, number=plan.number)


# --- one plan ------------------------------------------------------------------------------


@workspace_view(Level.READER)
def detail(request, number):
    ws = request.workspace
    plan = _plan(request, number)
    filters = _filters(request)
    measures = spreadsheet.filter_measures(plan, **filters).select_related("owner", "police_area")
    return render(
        request,
        "backoffice/plans/plan.html",
        {
            "kommun": ws.kommun,
            "plan": plan,
            "is_coordinator": ws.can_edit,
            "can_edit": ws.can_edit and not plan.is_decided,
            "measures": measures.prefetch_related("causes__problem", "targets", "partners"),
            "filters": filters,
            "query": request.GET.urlencode(),
            "type_choices": MeasureType.choices,
            "horizon_choices": Horizon.choices,
            "owners": planning.eligible_organisations(ws.kommun).distinct().order_by("name"),
            "decide_form": forms.DecidePlanForm(),
            "warnings": warnings_for(ws.kommun) if ws.can_edit else [],
        },
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def decide(request, number):
    plan = _plan(request, number, for_edit=True)
    return submit(
        request,
        forms.DecidePlanForm(request.POST),
        lambda data: planning.decide_plan(plan, by=request.user, **data),
        success=_("Åtgärdsplanen är beslutad och kan inte längre ändras."),
        then="backoffice:plan",
        number=number,
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def revise(request, number):
    plan = _plan(request, number, for_edit=True)
    draft = attempt(
        request,
        lambda: planning.revise_plan(plan, by=request.user),
        success=_("En ny version är skapad med planens åtgärder."),
    )
    shown = draft.number if draft else number
    return redirect("backoffice:plan", code=request.workspace.code, number=shown)


@workspace_view(Level.COORDINATOR, methods=["POST"])
def publish(request, number):
    plan = _plan(request, number, for_edit=True)
    attempt(
        request,
        lambda: planning.publish_plan(
            plan, by=request.user, published=request.POST.get("publish") == "1"
        ),
        success=_("Publiceringen är ändrad."),
    )
    return redirect("backoffice:plan", code=request.workspace.code, number=number)


# --- measures ------------------------------------------------------------------------------


@workspace_view(Level.READER)
def measure_detail(request, number, key):
    ws = request.workspace
    measure = _measure(request, number, key)
    plan = measure.plan
    targets = ws.visible(Target.objects).filter(measure=measure).select_related("indicator")
    return render(
        request,
        "backoffice/plans/measure.html",
        {
            "kommun": ws.kommun,
            "plan": plan,
            "measure": measure,
            "can_edit": ws.can_edit and not plan.is_decided,
            "is_coordinator": ws.can_edit,
            "can_report": followup.can_report_status(request.user, measure),
            "targets": [(t, followup.target_progress(t)) for t in targets],
            **_target_forms(request),
            "status_form": forms.StatusForm(),
            "reading_form": forms.ReadingForm(),
        },
    )


def _target_forms(request) -> dict:
    """Step one (search and choose an indicator, GET) and step two (the target, its baseline
    prefilled from the kommun's newest value of the chosen indicator)."""
    kommun = request.workspace.kommun
    pick_form = forms.IndicatorPickForm(request.GET, kommun=kommun)
    indicator = pick_form.chosen()
    baseline = planning.baseline_from_data(indicator, kommun) if indicator else None
    return {
        "pick_form": pick_form,
        "chosen_indicator": indicator,
        "baseline": baseline,
        "target_form": forms.TargetForm(kommun=kommun, indicator=indicator, baseline=baseline),
    }


@workspace_view(Level.COORDINATOR)
@require_http_methods(["GET", "POST"])
def measure_create(request, number):
    return _measure_form(request, _plan(request, number, for_edit=True), measure=None)


@workspace_view(Level.COORDINATOR)
@require_http_methods(["GET", "POST"])
def measure_edit(request, number, key):
    measure = _measure(request, number, key, for_edit=True)
    prefetch_related_objects([measure], "causes", "partners")  # for the form and its version
    return _measure_form(request, measure.plan, measure=measure)


def _measure_form(request, plan: Plan, *, measure: Measure | None):
    """The measure form; a save over someone else's newer save shows both, to merge by hand.

    A new measure may come with its first target, saved with it or not at all.
    """
    kommun = request.workspace.kommun
    initial = _measure_initial(measure) if measure else {}
    form = forms.MeasureForm(request.POST or None, kommun=kommun, initial=initial)
    target_form = (
        forms.FirstTargetForm(request.POST or None, kommun=kommun) if measure is None else None
    )
    differences = None
    if request.method == "POST" and form.is_valid() and _first_target_valid(target_form):
        try:
            measure = _save_measure(request, plan, measure, form.cleaned_data, target_form)
        except EditConflict as conflict:
            messages.error(request, conflict.messages[0])
            differences = _differences(form, conflict.current)
            merged = request.POST.copy()
            merged["base"] = conflict.version
            form = forms.MeasureForm(merged, kommun=kommun)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Åtgärden är sparad."))
            return _after_measure_saved(request, plan, measure)
    return render(
        request,
        "backoffice/plans/measure_form.html",
        {
            "kommun": kommun,
            "plan": plan,
            "measure": measure,
            "form": form,
            "target_form": target_form,
            "differences": differences,
        },
    )


def _first_target_valid(target_form) -> bool:
    return target_form is None or target_form.is_empty() or target_form.is_valid()


def _save_measure(request, plan, measure, fields: dict, target_form) -> Measure:
    if measure is not None:
        return planning.save_measure(plan, by=request.user, measure=measure, **fields)
    target = None if target_form.is_empty() else target_form.cleaned_data
    return planning.create_measure_with_target(plan, by=request.user, target=target, **fields)


def _after_measure_saved(request, plan: Plan, measure: Measure):
    """To the measure, or where the writer asked to go on: another new measure, or the plan."""
    code = request.workspace.code
    then = request.POST.get("then")
    if then == THEN_NEW_MEASURE:
        return redirect("backoffice:measure_create", code=code, number=plan.number)
    if then == THEN_PLAN:
        return redirect("backoffice:plan", code=code, number=plan.number)
    return redirect("backoffice:measure", code=code, number=plan.number, key=measure.key)


def _differences(form, stored: Measure) -> list[tuple[str, str, str]]:
    """(field, the writer's value, the saved value) wherever the two differ."""
    rows = spreadsheet.differences(
        stored,
        fields={name: form.cleaned_data.get(name) for name in planning.MEASURE_FIELDS},
        causes=form.cleaned_data.get("causes", []),
        partners=form.cleaned_data.get("partners", []),
    )
    return [(form.fields[name].label, yours, saved) for name, yours, saved in rows]


def _measure_initial(measure: Measure) -> dict:
    fields = {name: getattr(measure, name) for name in planning.MEASURE_FIELDS}
    return {
        **fields,
        "causes": measure.causes.all(),
        "partners": measure.partners.all(),
        "base": planning.measure_version(measure),
    }


@workspace_view(Level.COORDINATOR, methods=["POST"])
def target_add(request, number, key):
    measure = _measure(request, number, key, for_edit=True)
    return submit(
        request,
        forms.TargetForm(request.POST, kommun=request.workspace.kommun),
        lambda data: planning.add_target(measure, by=request.user, **data),
        success=_("Målet är tillagt."),
        then="backoffice:measure",
        number=number,
        key=key,
    )


@workspace_view(Level.PARTNER, methods=["POST"])
def status_report(request, number, key):
    """The coordinator reports on every measure of a decided plan, a partner on those it owns."""
    measure = _measure(request, number, key)
    return submit(
        request,
        forms.StatusForm(request.POST),
        lambda data: _report_status(measure, by=request.user, **data),
        success=_("Statusen är rapporterad."),
        then="backoffice:measure",
        number=number,
        key=key,
    )


def _report_status(measure: Measure, *, by, **data):
    """A reader who may not report on the measure is told nothing more than that it is not there."""
    try:
        return followup.report_status(measure, by=by, **data)
    except PermissionDenied:
        raise not_found() from None


@workspace_view(Level.COORDINATOR, methods=["POST"])
def reading_add(request, number, key, pk):
    measure = _measure(request, number, key, for_edit=True)
    target = request.workspace.get(Target.objects, for_edit=True, measure=measure, pk=pk)
    return submit(
        request,
        forms.ReadingForm(request.POST),
        lambda data: followup.record_reading(target, by=request.user, **data),
        success=_("Värdet är sparat."),
        then="backoffice:measure",
        number=number,
        key=key,
    )


# --- follow-up -----------------------------------------------------------------------------


@workspace_view(Level.READER)
def follow_up(request, number):
    ws = request.workspace
    plan = _plan(request, number)
    return render(
        request,
        "backoffice/plans/follow_up.html",
        {
            "kommun": ws.kommun,
            "plan": plan,
            "is_coordinator": ws.can_edit,
            "content": followup.follow_up_content(plan),
            "follow_ups": ws.visible(FollowUp.objects).filter(plan=plan),
            "form": forms.FollowUpForm(),
        },
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def follow_up_record(request, number):
    plan = _plan(request, number, for_edit=True)
    return submit(
        request,
        forms.FollowUpForm(request.POST),
        lambda data: followup.record_follow_up(plan, by=request.user, **data),
        success=_("Uppföljningen är sparad."),
        then="backoffice:follow_up",
        number=number,
    )


@workspace_view(Level.READER)
def follow_up_download(request, number, pk, format):
    record = request.workspace.get(
        FollowUp.objects.select_related("plan__kommun"), plan__number=number, pk=pk
    )
    plan = record.plan
    name = f"uppfoljning-{plan.kommun.code}-v{plan.number}-{record.held_on:%Y-%m-%d}.{format}"
    if format == "docx":
        return attachment(render_follow_up_docx(record), DOCX_MIME, name)
    return attachment(render_follow_up_pdf(record), PDF_MIME, name)


# --- the plan as a decision document ------------------------------------------------------


@workspace_view(Level.READER)
def plan_document_download(request, number, format):
    """The åtgärdsplan for the deciding body; it shows only what this reader may see."""
    ws = request.workspace
    plan = _plan(request, number)
    document = plan_document(
        plan,
        problems=ws.visible(Problem.objects),
        lagesbild=ws.visible(Lagesbild.objects).filter(pk=plan.lagesbild_id).first(),
    )
    name = f"atgardsplan-{plan.kommun.code}-v{plan.number}.{format}"
    if format == "docx":
        return attachment(render_docx(document), DOCX_MIME, name)
    return attachment(render_pdf(document), PDF_MIME, name)


# --- the measures as a spreadsheet ---------------------------------------------------------


@workspace_view(Level.READER)
def sheet_export(request, number, format):
    plan = _plan(request, number)
    measures = spreadsheet.filter_measures(plan, **_filters(request))
    name = f"atgarder-{plan.kommun.code}-v{plan.number}.{format}"
    if format == "csv":
        return attachment(spreadsheet.write_csv(measures), "text/csv; charset=utf-8", name)
    return attachment(spreadsheet.write_xlsx(measures), XLSX, name)


@workspace_view(Level.COORDINATOR)
@require_http_methods(["GET", "POST"])
def sheet_import(request, number):
    """Upload → checked in the background → preview → confirm → written, all or nothing.

    The file is stored once, under its job; the confirmation posts the job, not the file."""
    plan = _plan(request, number, for_edit=True)
    form = forms.SheetForm(
        request.POST or None, request.FILES or None, too_large=upload_too_large(request)
    )
    if request.method == "POST" and form.is_valid():
        job = jobs.start_job(
            sheet_jobs.KIND,
            user=request.user,
            scope=plan.kommun.code,
            upload=form.cleaned_data["file"],
            params={"plan": plan.pk},
        )
        return go_to_job(request, _sheet_job_url(plan, job))
    context = {"kommun": request.workspace.kommun, "plan": plan, "form": form}
    return render(request, "backoffice/plans/sheet_import.html", context)


def _sheet_job(request, plan, pk) -> Job:
    jobs_of_plan = Job.objects.filter(kind=sheet_jobs.KIND, params__plan=plan.pk)
    return request.workspace.get(jobs_of_plan, pk=pk)


def _sheet_job_url(plan, job) -> str:
    return reverse("backoffice:plan_import_job", args=[plan.kommun.code, plan.number, job.pk])


@workspace_view(Level.COORDINATOR)
def sheet_import_job(request, number, job):
    plan = _plan(request, number, for_edit=True)
    found = _sheet_job(request, plan, job)
    context = job_context(found) | {"kommun": request.workspace.kommun, "plan": plan}
    return job_page(
        request,
        page="backoffice/plans/sheet_import_job.html",
        fragment="backoffice/plans/_sheet_job.html",
        context=context,
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def sheet_import_confirm(request, number, job):
    plan = _plan(request, number, for_edit=True)
    found = _sheet_job(request, plan, job)
    if not jobs.confirm(found):
        messages.error(request, _("Det finns ingen förhandsgranskad fil att genomföra."))
    return redirect(_sheet_job_url(plan, found))


@workspace_view(Level.COORDINATOR, methods=["POST"])
def sheet_import_retry(request, number, job):
    plan = _plan(request, number, for_edit=True)
    found = _sheet_job(request, plan, job)
    if not jobs.retry(found):
        messages.error(request, _("Jobbet kan inte köras igen. Ladda upp filen på nytt."))
    return redirect(_sheet_job_url(plan, found))
