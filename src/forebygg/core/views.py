"""What every audience app shares: error pages, attachments, and form feedback as messages."""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
    ValidationError,
)
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from forebygg.core.domain.audit import audited_types, list_change_authors, list_changes
from forebygg.core.filenames import content_disposition
from forebygg.core.forms import ChangeFilterForm


def not_found(request, exception=None):
    return render(request, "404.html", {"message": _message(exception)}, status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def bad_request(request, exception=None):
    """Django's 400 in Swedish; a body over the limits says so and what the limits are."""
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
        return too_large(request, status=400)
    return render(request, "400.html", status=400)


def csrf_failure(request, reason=""):
    """Django's English 403 for a form without a valid token, in plain Swedish (CSRF_FAILURE_VIEW).

    Nearly always harmless: the page stood open past a login or logout, or cookies are blocked.
    """
    context = {"back": _page_with_the_form(request)}
    return render(request, "403_csrf.html", context, status=403)


def _page_with_the_form(request) -> str:
    referer = request.headers.get("Referer", "")
    safe = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return referer if referer and safe else ""


def too_large(request, *, status: int = 413):
    megabytes = settings.FOREBYGG_MAX_REQUEST_BYTES // (1024 * 1024)
    context = {"too_large": True, "max_megabytes": megabytes}
    return render(request, "400.html", context, status=status)


def _message(exception) -> str:
    """Show our own Swedish 404 messages; never echo Django's internal resolver text."""
    if exception and exception.args and isinstance(exception.args[0], str):
        text = exception.args[0]
        if not text.startswith(("No ", "Page not found")):
            return text
    return ""


DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"


def attachment(content: bytes, mime: str, name: str) -> HttpResponse:
    """A file the browser saves under `name` instead of showing it, whoever chose the name."""
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = content_disposition(name)
    return response


def show_errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def attempt(request, action: Callable[[], object], *, success: str) -> object | None:
    """Run one domain call; say how it went. Its result, or None when it was refused."""
    try:
        result = action()
    except ValidationError as error:
        show_errors(request, error)
        return None
    messages.success(request, success)
    return result


def apply_form(request, form, action: Callable[[dict], object], *, success: str) -> bool:
    """Validate the form, run one domain call with its data, report the outcome as messages."""
    return create_from_form(request, form, action, success=success) is not REFUSED


def create_from_form(request, form, create: Callable[[dict], object], *, success: str):
    """`apply_form` for a call whose result the view needs (the new object); REFUSED if not."""
    if not form.is_valid():
        form_errors(request, form)
        return REFUSED
    try:
        result = create(form.cleaned_data)
    except ValidationError as error:
        show_errors(request, error)
        return REFUSED
    messages.success(request, success)
    return result


REFUSED = object()  # what `create_from_form` answers when the form or the domain said no


def change_log_context(request, *, kommun=None) -> dict:
    """The change log page, for one kommun (its workspace) or the whole site (the admin)."""
    form = ChangeFilterForm(
        request.GET,
        types=audited_types(kommun_scoped=kommun is not None),
        authors=list_change_authors(kommun=kommun),
    )
    page = list_changes(kommun=kommun, page=request.GET.get("sida") or 1, **form.filters())
    query = request.GET.copy()
    query.pop("sida", None)
    return {"kommun": kommun, "form": form, "page": page, "query": query.urlencode()}
