"""The lägesbild in the kommun's workspace: thin views over lagesbild.domain."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from forebygg.backoffice.entry import submit, workspace_view
from forebygg.backoffice.lagesbild.forms import CandidateForm, DecideForm, SectionForm
from forebygg.core.bounds import parse_id
from forebygg.core.domain.conflicts import EditConflict, fingerprint
from forebygg.core.views import (
    DOCX_MIME,
    PDF_MIME,
    attachment,
    attempt,
    form_errors,
    show_errors,
)
from forebygg.lagesbild import domain
from forebygg.lagesbild.enums import LagesbildStatus
from forebygg.lagesbild.interfaces.document import document_context
from forebygg.lagesbild.interfaces.docx import render_docx
from forebygg.lagesbild.interfaces.pdf import render_pdf
from forebygg.lagesbild.models import SECTIONS, Lagesbild
from forebygg.orgs.access import not_found
from forebygg.orgs.enums import Level

SECTION_LABELS = dict(SECTIONS)


def _lagesbild(request, number, *, for_edit=False) -> Lagesbild:
    return request.workspace.get(
        Lagesbild.objects.select_related("kommun"), for_edit=for_edit, number=number
    )


def _back_to(request, number):
    return redirect("backoffice:lagesbild", code=request.workspace.code, number=number)


@workspace_view(Level.READER)
def index(request):
    ws = request.workspace
    versions = ws.visible(Lagesbild.objects)
    return render(
        request,
        "backoffice/lagesbild/index.html",
        {
            "kommun": ws.kommun,
            "versions": versions,
            "can_edit": ws.can_edit,
            "has_draft": versions.filter(status=LagesbildStatus.DRAFT).exists(),
            "age_warning": domain.age_warning(ws.kommun),
        },
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def create_draft(request):
    ws = request.workspace
    lagesbild = attempt(
        request,
        lambda: domain.draft_lagesbild(ws.kommun, by=request.user),
        success=_("Ett utkast har skapats från statistiken."),
    )
    if lagesbild is None:
        return redirect("backoffice:lagesbild_index", code=ws.code)
    return _back_to(request, lagesbild.number)


@workspace_view(Level.READER)
def detail(request, number):
    ws = request.workspace
    lagesbild = _lagesbild(request, number)
    return render(
        request,
        "backoffice/lagesbild/detail.html",
        {
            **document_context(lagesbild),
            "can_edit": ws.can_edit and not lagesbild.is_decided,
            "is_coordinator": ws.can_edit,
            "candidate_form": CandidateForm(figures=lagesbild.snapshot.get("figures", [])),
            "decide_form": DecideForm(),
            "others": ws.visible(Lagesbild.objects).exclude(pk=lagesbild.pk),
            "missing_parts": domain.unwritten_parts(lagesbild),
        },
    )


@workspace_view(Level.COORDINATOR)
@require_http_methods(["GET", "POST"])
def edit_section(request, number, key):
    lagesbild = _lagesbild(request, number, for_edit=True)
    if key not in SECTION_LABELS or lagesbild.is_decided:
        raise not_found()
    stored = lagesbild.section_text(key)
    form = SectionForm(request.POST or None, initial={"text": stored, "base": fingerprint(stored)})
    theirs = None
    if request.method == "POST" and form.is_valid():
        try:
            domain.update_section(
                lagesbild,
                key=key,
                text=form.cleaned_data["text"],
                by=request.user,
                base=form.cleaned_data["base"] or None,
            )
        except EditConflict as conflict:
            messages.error(request, conflict.messages[0])
            theirs = conflict.current
            form = SectionForm(
                initial={"text": form.cleaned_data["text"], "base": conflict.version}
            )
        else:
            messages.success(request, _("Avsnittet är sparat."))
            url = reverse(
                "backoffice:lagesbild", kwargs={"code": request.workspace.code, "number": number}
            )
            return redirect(f"{url}#section-{key}")
    return render(
        request,
        "backoffice/lagesbild/section_form.html",
        {
            "kommun": request.workspace.kommun,
            "lagesbild": lagesbild,
            "form": form,
            "label": SECTION_LABELS[key],
            "theirs": theirs,
        },
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def add_candidate(request, number):
    lagesbild = _lagesbild(request, number, for_edit=True)
    form = CandidateForm(request.POST, figures=lagesbild.snapshot.get("figures", []))
    if form.is_valid():
        attempt(
            request,
            lambda: domain.add_problem_candidate(lagesbild, by=request.user, **form.cleaned_data),
            success=_("Problemkandidaten är tillagd."),
        )
    else:
        messages.error(request, _("Ange problemet."))
    return _back_to(request, number)


@workspace_view(Level.COORDINATOR, methods=["POST"])
def confirm_decision(request, number):
    """Before the step that cannot be undone: what will be frozen, and the decision as given."""
    lagesbild = _lagesbild(request, number, for_edit=True)
    form = DecideForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return _back_to(request, number)
    try:
        domain.check_decision(lagesbild, **form.cleaned_data)
    except ValidationError as error:
        show_errors(request, error)
        return _back_to(request, number)
    return render(
        request,
        "backoffice/lagesbild/confirm_decision.html",
        {
            **document_context(lagesbild),
            "decision": form.cleaned_data,
        },
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def decide(request, number):
    lagesbild = _lagesbild(request, number, for_edit=True)
    return submit(
        request,
        DecideForm(request.POST),
        lambda data: domain.decide_lagesbild(lagesbild, by=request.user, **data),
        success=_("Lägesbilden är fastställd och kan inte längre ändras."),
        then="backoffice:lagesbild",
        number=number,
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def publish(request, number):
    lagesbild = _lagesbild(request, number, for_edit=True)
    attempt(
        request,
        lambda: domain.publish_lagesbild(
            lagesbild, by=request.user, published=request.POST.get("publish") == "1"
        ),
        success=_("Publiceringen är ändrad."),
    )
    return _back_to(request, number)


@workspace_view(Level.READER)
def compare(request, number):
    newer = _lagesbild(request, number)
    older = _lagesbild(request, _version_to_compare(request))
    if older.number > newer.number:
        older, newer = newer, older
    return render(
        request,
        "backoffice/lagesbild/compare.html",
        {
            "kommun": request.workspace.kommun,
            "older": older,
            "newer": newer,
            "differences": domain.compare_versions(older, newer),
        },
    )


def _version_to_compare(request) -> int:
    number = parse_id(request.GET.get("med"))
    if number is None:
        raise not_found()
    return number


@workspace_view(Level.READER)
def download(request, number, format):
    ws = request.workspace
    lagesbild = _lagesbild(request, number)
    name = f"lagesbild-{ws.code}-v{lagesbild.number}.{format}"
    if format == "docx":
        return attachment(render_docx(lagesbild), DOCX_MIME, name)
    return attachment(render_pdf(lagesbild), PDF_MIME, name)
