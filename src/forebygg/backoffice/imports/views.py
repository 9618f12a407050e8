"""Uploading a statistics file from the workspace: upload → checked in the background →
preview → confirm → written in the background (all or nothing).

Coordinators upload their kommun's local data (the generic format); site admins may upload
every official format. The views are for them only (`workspace_view(Level.COORDINATOR,
also_site_admin=True)`). The upload is stored once, under its job; the confirmation posts the
job's id, never the file again. A job is its starter's: anyone else gets the one 404.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from forebygg.backoffice.entry import workspace_view
from forebygg.backoffice.imports.forms import UploadForm
from forebygg.backoffice.jobs import go_to_job, job_context, job_page
from forebygg.core.domain import jobs
from forebygg.core.models import Job
from forebygg.core.uploads import upload_too_large
from forebygg.orgs.enums import Level
from forebygg.stats import jobs as statistics_jobs
from forebygg.stats.importers import generic
from forebygg.stats.importers.registry import IMPORTERS


def _allowed_kinds(workspace) -> list[str]:
    return sorted(IMPORTERS) if workspace.is_site_admin else [generic.KIND]


def _job(request, pk) -> Job:
    return request.workspace.get(Job.objects.filter(kind=statistics_jobs.KIND), pk=pk)


def _job_url(request, job) -> str:
    return reverse("backoffice:import_job", kwargs={"code": request.workspace.code, "job": job.pk})


@workspace_view(Level.COORDINATOR, also_site_admin=True)
@require_http_methods(["GET", "POST"])
def upload(request):
    kommun = request.workspace.kommun
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        kinds=_allowed_kinds(request.workspace),
        too_large=upload_too_large(request),
    )
    if request.method == "POST" and form.is_valid():
        job = jobs.start_job(
            statistics_jobs.KIND,
            user=request.user,
            scope=kommun.code,
            upload=form.cleaned_data["file"],
            params={"kind": form.cleaned_data["kind"]},
        )
        return go_to_job(request, _job_url(request, job))
    return render(request, "backoffice/import_upload.html", {"kommun": kommun, "form": form})


@workspace_view(Level.COORDINATOR, also_site_admin=True)
def job(request, job):
    found = _job(request, job)
    context = job_context(found) | {"kommun": request.workspace.kommun}
    return job_page(
        request,
        page="backoffice/import_job.html",
        fragment="backoffice/imports/_job.html",
        context=context,
    )


# Login, then the method (a GET is a 405 for anyone logged in), then the workspace's 404.
@workspace_view(Level.COORDINATOR, also_site_admin=True, methods=["POST"])
def confirm(request, job):
    found = _job(request, job)
    if found.params["kind"] not in _allowed_kinds(request.workspace) or not jobs.confirm(found):
        messages.error(
            request, _("Det finns ingen förhandsgranskad fil att läsa in. Ladda upp den igen.")
        )
        return redirect("backoffice:import_upload", code=request.workspace.code)
    return redirect(_job_url(request, found))


@workspace_view(Level.COORDINATOR, also_site_admin=True, methods=["POST"])
def retry(request, job):
    found = _job(request, job)
    if not jobs.retry(found):
        messages.error(request, _("Jobbet kan inte köras igen. Ladda upp filen på nytt."))
    return redirect(_job_url(request, found))
