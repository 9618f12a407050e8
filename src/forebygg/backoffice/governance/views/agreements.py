"""Agreements and citizen promises (samverkan/) and the documents they carry (dokument/).

Whoever opens the workspace reads the agreements `visible_to` gives them; the coordinator
writes, publishes and follows them up. A document is read by whoever may read the agreement
or the report to kommunfullmäktige it belongs to (`DocumentQuerySet`).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from forebygg.backoffice.entry import submit, workspace_view
from forebygg.backoffice.governance.forms import AgreementForm, PromiseFollowUpForm, PromiseForm
from forebygg.core.views import attachment, attempt, show_errors
from forebygg.governance.domain import agreements as agreement_domain
from forebygg.governance.domain.documents import read_upload, store_document
from forebygg.governance.enums import PromiseOutcome
from forebygg.governance.models import Agreement, Document, Promise
from forebygg.orgs.domain.history import history_for
from forebygg.orgs.enums import Level


@workspace_view()
@require_GET
def agreements(request):
    ws = request.workspace
    visible = ws.visible(Agreement.objects).prefetch_related("parties", "promises__follow_ups")
    return render(
        request,
        "backoffice/governance/agreements.html",
        {
            "kommun": ws.kommun,
            "can_edit": ws.can_edit,
            "agreements": visible,
            "warnings": agreement_domain.agreement_warnings(visible) if ws.can_edit else [],
            "form": AgreementForm(kommun=ws.kommun, user=request.user) if ws.can_edit else None,
        },
    )


@workspace_view()
@require_GET
def agreement_detail(request, pk):
    ws = request.workspace
    agreement = ws.get(Agreement.objects.prefetch_related("parties"), pk=pk)
    return render(
        request,
        "backoffice/governance/agreement.html",
        {
            "kommun": ws.kommun,
            "agreement": agreement,
            "can_edit": ws.can_edit,
            "promises": ws.visible(agreement.promises.prefetch_related("follow_ups")),
            "measures": _measures(ws, agreement),
            "warnings": agreement_domain.agreement_warnings([agreement]) if ws.can_edit else [],
            "missing": agreement_domain.missing_legal_content(agreement),
            "promise_form": PromiseForm(),
            "outcome_choices": PromiseOutcome.choices,
            "history": history_for(agreement, request.user),
        },
    )


def _measures(ws, agreement):
    """The measures carrying out the agreement that the reader may see (not a draft plan's)."""
    return ws.visible(agreement.measures.select_related("plan"))


@workspace_view(Level.COORDINATOR)
@require_http_methods(["GET", "POST"])
def agreement_create(request):
    return _agreement_form(request, agreement=None)


@workspace_view(Level.COORDINATOR)
@require_http_methods(["GET", "POST"])
def agreement_edit(request, pk):
    agreement = request.workspace.get(
        Agreement.objects.prefetch_related("parties"), for_edit=True, pk=pk
    )
    return _agreement_form(request, agreement=agreement)


def _agreement_form(request, *, agreement):
    ws = request.workspace
    form = AgreementForm(
        request.POST or None,
        request.FILES or None,
        initial=_initial(ws, agreement),
        kommun=ws.kommun,
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        saved = _save_agreement(request, agreement, form.cleaned_data)
        if saved is not None:
            messages.success(request, _("Överenskommelsen är sparad."))
            return redirect("backoffice:agreement", code=ws.code, pk=saved.pk)
    return render(
        request,
        "backoffice/governance/agreement_form.html",
        {"kommun": ws.kommun, "form": form, "agreement": agreement},
    )


def _initial(ws, agreement) -> dict:
    if agreement is None:
        return {}
    initial = {name: getattr(agreement, name) for name in agreement_domain.AGREEMENT_FIELDS}
    initial["parties"] = list(agreement.parties.all())
    initial["measures"] = list(_measures(ws, agreement))
    return initial


def _save_agreement(request, agreement, data) -> Agreement | None:
    """Store the signed document with the agreement: a refused agreement leaves no file behind."""
    kommun = request.workspace.kommun
    data = dict(data)
    upload = data.pop("document")
    try:
        with transaction.atomic():
            return agreement_domain.save_agreement(
                agreement,
                kommun=kommun,
                by=request.user,
                document=stored_upload(kommun, upload, by=request.user),
                **data,
            )
    except ValidationError as error:
        show_errors(request, error)
        return None


@workspace_view(Level.COORDINATOR, methods=["POST"])
def agreement_publish(request, pk):
    agreement = request.workspace.get(Agreement.objects, for_edit=True, pk=pk)
    published = request.POST.get("published") == "1"
    attempt(
        request,
        lambda: agreement_domain.publish_agreement(agreement, by=request.user, published=published),
        success=_("Publicerad.") if published else _("Inte längre publicerad."),
    )
    return redirect("backoffice:agreement", code=request.workspace.code, pk=pk)


@workspace_view(Level.COORDINATOR, methods=["POST"])
def promise_add(request, pk):
    agreement = request.workspace.get(Agreement.objects, for_edit=True, pk=pk)
    return submit(
        request,
        PromiseForm(request.POST),
        lambda data: agreement_domain.add_promise(agreement, by=request.user, **data),
        success=_("Löftet är tillagt."),
        then="backoffice:agreement",
        pk=pk,
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def promise_follow_up(request, pk, promise_pk):
    promise = request.workspace.get(
        Promise.objects.select_related("agreement"), for_edit=True, agreement_id=pk, pk=promise_pk
    )
    return submit(
        request,
        PromiseFollowUpForm(request.POST),
        lambda data: agreement_domain.follow_up_promise(promise, by=request.user, **data),
        success=_("Uppföljningen är sparad."),
        then="backoffice:agreement",
        pk=pk,
    )


# --- Documents ------------------------------------------------------------------------------


@workspace_view()
@require_GET
def document_download(request, pk):
    document = request.workspace.get(Document.objects, pk=pk)
    return attachment(bytes(document.data), document.content_type, document.name)


def stored_upload(kommun, upload, *, by) -> Document | None:
    """The uploaded file stored as the kommun's document; no upload, no document."""
    if not upload:
        return None
    name, data = read_upload(upload)
    return store_document(kommun, name=name, data=data, by=by)
