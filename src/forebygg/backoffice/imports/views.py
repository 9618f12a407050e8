"""Uploading a statistics file from the workspace: upload → preview → confirm (atomic write).

Coordinators upload their kommun's local data (the generic format); site admins may upload
every official format. Both views are for them only (`workspace_view(Level.COORDINATOR,
also_site_admin=True)`). The uploaded bytes wait in var/uploads under a random token that only
this session knows, until the user confirms or leaves.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from forebygg.backoffice.entry import workspace_view
from forebygg.backoffice.imports.forms import UploadForm
from forebygg.orgs.enums import Level
from forebygg.stats.domain import preview_file, write_import
from forebygg.stats.importers import generic
from forebygg.stats.importers.base import ImportRejected
from forebygg.stats.importers.registry import IMPORTERS

SESSION_KEY = "forebygg_upload"


def _allowed_kinds(workspace) -> list[str]:
    return sorted(IMPORTERS) if workspace.is_site_admin else [generic.KIND]


def _upload_dir() -> Path:
    path = settings.BASE_DIR / "var" / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _check_kommun(preview, kommun) -> None:
    """Local data must be the workspace kommun's own."""
    if preview.kind == generic.KIND and preview.extra.get("kommun") not in (None, kommun.code):
        preview.error(
            None,
            _("Filen gäller kommunkod %(code)s, men du arbetar i %(kommun)s.")
            % {"code": preview.extra.get("kommun"), "kommun": kommun.name},
        )


@workspace_view(Level.COORDINATOR, also_site_admin=True)
@require_http_methods(["GET", "POST"])
def upload(request):
    kommun = request.workspace.kommun
    form = UploadForm(
        request.POST or None, request.FILES or None, kinds=_allowed_kinds(request.workspace)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        kind = form.cleaned_data["kind"]
        preview = preview_file(kind, data, file_name=form.cleaned_data["file"].name)
        _check_kommun(preview, kommun)
        token = secrets.token_urlsafe(16)
        if preview.ok:
            (_upload_dir() / token).write_bytes(data)
            request.session[SESSION_KEY] = {
                "token": token,
                "kind": kind,
                "name": preview.file_name,
                "kommun": kommun.code,
            }
        return render(
            request,
            "backoffice/import_preview.html",
            {
                "kommun": kommun,
                "preview": preview,
                "summary": preview.summary(),
                "errors": preview.errors[:100],
                "warnings": preview.warnings[:50],
            },
        )
    return render(request, "backoffice/import_upload.html", {"kommun": kommun, "form": form})


# Login, then the method (a GET is a 405 for anyone logged in), then the workspace's 404.
@workspace_view(Level.COORDINATOR, also_site_admin=True, methods=["POST"])
def confirm(request):
    kommun = request.workspace.kommun
    code = kommun.code
    pending = request.session.pop(SESSION_KEY, None)
    if (
        not pending
        or pending["kommun"] != kommun.code
        or pending["kind"] not in _allowed_kinds(request.workspace)
    ):
        messages.error(
            request, _("Det finns ingen förhandsgranskad fil att läsa in. Ladda upp den igen.")
        )
        return redirect("backoffice:import_upload", code=code)
    path = _upload_dir() / pending["token"]
    try:
        preview = preview_file(pending["kind"], path.read_bytes(), file_name=pending["name"])
        _check_kommun(preview, kommun)
        kommun_for_source = kommun if pending["kind"] == generic.KIND else None
        batch = write_import(preview, by=request.user, kommun=kommun_for_source)
    except (ImportRejected, FileNotFoundError):
        messages.error(request, _("Filen kunde inte läsas in; inget har ändrats."))
        return redirect("backoffice:import_upload", code=code)
    finally:
        path.unlink(missing_ok=True)
    messages.success(
        request,
        _("Inläst: %(new)s nya, %(changed)s ändrade och %(same)s oförändrade värden.")
        % {"new": batch.rows_created, "changed": batch.rows_updated, "same": batch.rows_unchanged},
    )
    return redirect("backoffice:workspace", code=code)
