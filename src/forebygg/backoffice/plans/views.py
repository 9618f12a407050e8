"""The åtgärdsplan, its measures, targets and follow-up: thin views over plans.domain."""

import base64
import binascii

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from forebygg.backoffice.entry import coordinator_kommun_or_404, workspace_kommun_or_404
from forebygg.backoffice.plans import forms
from forebygg.core.domain.conflicts import EditConflict
from forebygg.core.views import DOCX_MIME, PDF_MIME, attachment, form_errors, show_errors
from forebygg.orgs.access import can_edit_kommun, get_for_user
from forebygg.plans.domain import followup, planning, spreadsheet
from forebygg.plans.domain.warnings import warnings_for
from forebygg.plans.interfaces.report import render_follow_up_docx, render_follow_up_pdf
from forebygg.plans.models import FollowUp, Horizon, Measure, MeasureType, Plan, Target

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _plan(request, kommun, number, *, for_edit=False) -> Plan:
    return get_for_user(
        Plan.objects.select_related("kommun", "lagesbild"),
        request.user,
        for_edit=for_edit,
        kommun=kommun,
        number=number,
    )


def _measure(request, plan, key) -> Measure:
    try:
        return (
            Measure.objects.visible_to(request.user)
            .select_related("plan", "owner", "method")
            .get(plan=plan, key=key)
        )
    except Measure.DoesNotExist:
        raise Http404(_("Sidan finns inte eller så saknar du behörighet.")) from None


@login_required
def index(request, code):
    kommun = workspace_kommun_or_404(request, code)
    can_edit = can_edit_kommun(request.user, kommun)
    plans = Plan.objects.visible_to(request.user).filter(kommun=kommun)
    own_measures = Measure.objects.status_reportable_by(request.user).filter(plan__kommun=kommun)
    return render(
        request,
        "backoffice/plans/index.html",
        {
            "kommun": kommun,
            "plans": plans,
            "can_edit": can_edit,
            "has_draft": can_edit and planning.draft_of(kommun) is not None,
            "form": forms.PlanForm(kommun=kommun),
            "warnings": warnings_for(kommun) if can_edit else [],
            "own_measures": own_measures.select_related("plan", "owner"),
        },
    )


@login_required
def warnings_panel(request, code):
    kommun = workspace_kommun_or_404(request, code)
    if not can_edit_kommun(request.user, kommun):
        raise Http404
    return render(
        request,
        "backoffice/plans/warnings.html",
        {"kommun": kommun, "warnings": warnings_for(kommun)},
    )


@login_required
@require_POST
def create(request, code):
    kommun = coordinator_kommun_or_404(request, code)
    form = forms.PlanForm(request.POST, kommun=kommun)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("backoffice:plans", code=code)
    try:
        plan = planning.create_plan(kommun, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        show_errors(request, error)
        return redirect("backoffice:plans", code=code)
    messages.success(request, _("Ett utkast till åtgärdsplan är skapat."))
    return redirect("backoffice:plan", code=code, number=plan.number)


def _filters(request) -> dict:
    owner = request.GET.get("ansvarig", "")
    return {
        "type": request.GET.get("typ", ""),
        "horizon": request.GET.get("tidsperspektiv", ""),
        "owner_id": int(owner) if owner.isdigit() else None,
        "search": request.GET.get("sok", "").strip(),
    }


@login_required
def detail(request, code, number):
    kommun = workspace_kommun_or_404(request, code)
    plan = _plan(request, kommun, number)
    is_coordinator = can_edit_kommun(request.user, kommun)
    filters = _filters(request)
    measures = spreadsheet.filter_measures(plan, **filters).select_related("owner", "police_area")
    return render(
        request,
        "backoffice/plans/plan.html",
        {
            "kommun": kommun,
            "plan": plan,
            "is_coordinator": is_coordinator,
            "can_edit": is_coordinator and not plan.is_decided,
            "measures": measures.prefetch_related("causes__problem", "targets", "partners"),
            "filters": filters,
            "query": request.GET.urlencode(),
            "type_choices": MeasureType.choices,
            "horizon_choices": Horizon.choices,
            "owners": planning.eligible_organisations(kommun).distinct().order_by("name"),
            "decide_form": forms.DecidePlanForm(),
            "warnings": warnings_for(kommun) if is_coordinator else [],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def measure_edit(request, code, number, key=None):
    kommun = workspace_kommun_or_404(request, code)
    plan = _plan(request, kommun, number, for_edit=True)
    measure = _measure(request, plan, key) if key else None
    if measure:
        prefetch_related_objects([measure], "causes", "partners")  # for the form and version
    initial = _measure_initial(measure) if measure else {}
    form = forms.MeasureForm(request.POST or None, kommun=kommun, initial=initial)
    differences = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            measure = planning.save_measure(plan, by=request.user, measure=measure, **data)
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
            return redirect("backoffice:measure", code=code, number=number, key=measure.key)
    return render(
        request,
        "backoffice/plans/measure_form.html",
        {
            "kommun": kommun,
            "plan": plan,
            "measure": measure,
            "form": form,
            "differences": differences,
        },
    )


def _differences(form, stored: Measure) -> list[tuple[str, str, str]]:
    """(field, the writer's value, the saved value) wherever the two differ."""
    data = form.cleaned_data
    rows = spreadsheet.differences(
        stored,
        fields={name: data.get(name) for name in planning.MEASURE_FIELDS},
        causes=data.get("causes", []),
        partners=data.get("partners", []),
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


@login_required
def measure_detail(request, code, number, key):
    kommun = workspace_kommun_or_404(request, code)
    plan = get_for_user_or_owned(request, kommun, number)
    measure = _measure(request, plan, key)
    is_coordinator = can_edit_kommun(request.user, kommun)
    targets = measure.targets.select_related("indicator")
    return render(
        request,
        "backoffice/plans/measure.html",
        {
            "kommun": kommun,
            "plan": plan,
            "measure": measure,
            "can_edit": is_coordinator and not plan.is_decided,
            "is_coordinator": is_coordinator,
            "can_report": followup.can_report_status(request.user, measure),
            "targets": [(t, followup.target_progress(t)) for t in targets],
            "target_form": forms.TargetForm(),
            "status_form": forms.StatusForm(),
            "reading_form": forms.ReadingForm(),
        },
    )


def get_for_user_or_owned(request, kommun, number) -> Plan:
    """The plan, if the user may see it or owns one of its measures as a partner."""
    owned = (
        Measure.objects.visible_to(request.user)
        .filter(plan__kommun=kommun, plan__number=number)
        .select_related("plan__kommun", "plan__lagesbild")
        .first()
    )
    return owned.plan if owned else _plan(request, kommun, number)


@login_required
@require_POST
def target_add(request, code, number, key):
    kommun = workspace_kommun_or_404(request, code)
    plan = _plan(request, kommun, number, for_edit=True)
    measure = _measure(request, plan, key)
    form = forms.TargetForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
    else:
        try:
            planning.add_target(measure, by=request.user, **form.cleaned_data)
            messages.success(request, _("Målet är tillagt."))
        except ValidationError as error:
            show_errors(request, error)
    return redirect("backoffice:measure", code=code, number=number, key=key)


@login_required
@require_POST
def status_report(request, code, number, key):
    kommun = workspace_kommun_or_404(request, code)
    plan = get_for_user_or_owned(request, kommun, number)
    measure = _measure(request, plan, key)
    form = forms.StatusForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
    else:
        try:
            followup.report_status(measure, by=request.user, **form.cleaned_data)
            messages.success(request, _("Statusen är rapporterad."))
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            show_errors(request, error)
    return redirect("backoffice:measure", code=code, number=number, key=key)


@login_required
@require_POST
def reading_add(request, code, number, key, pk):
    kommun = workspace_kommun_or_404(request, code)
    plan = _plan(request, kommun, number, for_edit=True)
    measure = _measure(request, plan, key)
    target = Target.objects.filter(measure=measure, pk=pk).first()
    if target is None:
        raise Http404
    form = forms.ReadingForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
    else:
        try:
            followup.record_reading(target, by=request.user, **form.cleaned_data)
            messages.success(request, _("Värdet är sparat."))
        except ValidationError as error:
            show_errors(request, error)
    return redirect("backoffice:measure", code=code, number=number, key=key)


@login_required
@require_POST
def decide(request, code, number):
    kommun = workspace_kommun_or_404(request, code)
    plan = _plan(request, kommun, number, for_edit=True)
    form = forms.DecidePlanForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
    else:
        try:
            planning.decide_plan(plan, by=request.user, **form.cleaned_data)
            messages.success(request, _("Åtgärdsplanen är beslutad och kan inte längre ändras."))
        except ValidationError as error:
            show_errors(request, error)
    return redirect("backoffice:plan", code=code, number=number)


@login_required
@require_POST
def revise(request, code, number):
    kommun = workspace_kommun_or_404(request, code)
    plan = _plan(request, kommun, number, for_edit=True)
    try:
        draft = planning.revise_plan(plan, by=request.user)
    except ValidationError as error:
        show_errors(request, error)
        return redirect("backoffice:plan", code=code, number=number)
    messages.success(request, _("En ny version är skapad med planens åtgärder."))
    return redirect("backoffice:plan", code=code, number=draft.number)


@login_required
@require_POST
def publish(request, code, number):
    kommun = workspace_kommun_or_404(request, code)
    plan = _plan(request, kommun, number, for_edit=True)
    try:
        planning.publish_plan(plan, by=request.user, published=request.POST.get("publish") == "1")
        messages.success(request, _("Publiceringen är ändrad."))
    except ValidationError as error:
        show_errors(request, error)
    return redirect("backoffice:plan", code=code, number=number)


@login_required
def follow_up(request, code, number):
    kommun = workspace_kommun_or_404(request, code)
    plan = _plan(request, kommun, number)
    return render(
        request,
        "backoffice/plans/follow_up.html",
        {
            "kommun": kommun,
            "plan": plan,
            "is_coordinator": can_edit_kommun(request.user, kommun),
            "content": followup.follow_up_content(plan),
            "follow_ups": plan.follow_ups.all(),
            "form": forms.FollowUpForm(),
        },
    )


@login_required
@require_POST
def follow_up_record(request, code, number):
    kommun = workspace_kommun_or_404(request, code)
    plan = _plan(request, kommun, number, for_edit=True)
    form = forms.FollowUpForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
    else:
        try:
            followup.record_follow_up(plan, by=request.user, **form.cleaned_data)
            messages.success(request, _("Uppföljningen är sparad."))
        except ValidationError as error:
            show_errors(request, error)
    return redirect("backoffice:follow_up", code=code, number=number)


@login_required
def follow_up_download(request, code, number, pk, format):
    kommun = workspace_kommun_or_404(request, code)
    plan = _plan(request, kommun, number)
    record = FollowUp.objects.filter(plan=plan, pk=pk).select_related("plan__kommun").first()
    if record is None:
        raise Http404
    name = f"uppfoljning-{kommun.code}-v{plan.number}-{record.held_on:%Y-%m-%d}.{format}"
    if format == "docx":
        return attachment(render_follow_up_docx(record), DOCX_MIME, name)
    return attachment(render_follow_up_pdf(record), PDF_MIME, name)


@login_required
def sheet_export(request, code, number, format):
    kommun = workspace_kommun_or_404(request, code)
    plan = _plan(request, kommun, number)
    measures = spreadsheet.filter_measures(plan, **_filters(request))
    name = f"atgarder-{kommun.code}-v{plan.number}.{format}"
    if format == "csv":
        return attachment(spreadsheet.write_csv(measures), "text/csv; charset=utf-8", name)
    return attachment(spreadsheet.write_xlsx(measures), XLSX, name)


@login_required
@require_http_methods(["GET", "POST"])
def sheet_import(request, code, number):
    """Upload → preview (nothing written) → confirm, which re-checks and writes all or nothing."""
    kommun = workspace_kommun_or_404(request, code)
    plan = _plan(request, kommun, number, for_edit=True)
    context = {"kommun": kommun, "plan": plan, "form": forms.SheetForm()}
    if request.method == "POST" and "content" in request.POST:
        return _confirm_sheet(request, plan, context)
    if request.method == "POST":
        form = forms.SheetForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            context |= _preview_context(plan, upload.name, upload.read())
    return render(request, "backoffice/plans/sheet_import.html", context)


def _preview_context(plan, filename: str, content: bytes) -> dict:
    preview = spreadsheet.preview_sheet(plan, filename=filename, content=content)
    return {
        "preview": preview,
        "filename": filename,
        "content": base64.b64encode(content).decode(),
        "base": preview.version,
    }


def _confirm_sheet(request, plan, context):
    try:
        content = base64.b64decode(request.POST["content"], validate=True)
    except (binascii.Error, ValueError):
        raise Http404 from None
    filename = request.POST.get("filename", "")
    try:
        changed = spreadsheet.apply_sheet(
            plan,
            filename=filename,
            content=content,
            by=request.user,
            base=request.POST.get("base") or None,
        )
    except EditConflict as conflict:
        messages.error(request, conflict.messages[0])
        context |= _preview_context(plan, filename, content)
        return render(request, "backoffice/plans/sheet_import.html", context)
    except ValidationError as error:
        show_errors(request, error)
        return redirect("backoffice:plan_import", code=plan.kommun.code, number=plan.number)
    messages.success(request, _("%(count)s åtgärder är ändrade.") % {"count": changed})
    return redirect(reverse("backoffice:plan", args=[plan.kommun.code, plan.number]))
