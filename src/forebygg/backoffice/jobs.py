"""The page of a background job (an import being checked or written), shared by the areas.

The page polls itself with htmx while the job runs: the request carries `HX-Request` and gets
only the job's fragment back, with the progress (rows read, checked, written). When the job is
checked, rejected or done, the fragment no longer polls. No JavaScript of our own.
"""

from datetime import timedelta

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from forebygg.core.domain import jobs
from forebygg.core.enums import JobStatus

# A queued job that no worker has taken for this long is probably waiting for one that is
# not running: the page says how to start it.
NO_WORKER_AFTER = timedelta(seconds=20)


def job_context(job) -> dict:
    interrupted = jobs.is_interrupted(job)
    active = job.status in (JobStatus.QUEUED, JobStatus.RUNNING) and not interrupted
    waited = timezone.now() - (job.finished_at or job.created_at)  # since queued last
    return {
        "job": job,
        "active": active,
        "interrupted": interrupted,
        "can_retry": jobs.can_retry(job),
        "no_worker": job.status == JobStatus.QUEUED and waited > NO_WORKER_AFTER,
        "statuses": JobStatus,
    }


def job_page(request, *, page: str, fragment: str, context: dict):
    """The whole page, or only the job's fragment when htmx polls for it."""
    template = fragment if request.headers.get("HX-Request") else page
    return render(request, template, context)


def go_to_job(request, url: str):
    """After an upload: htmx follows with a full page load (the page then polls), else 302."""
    if request.headers.get("HX-Request"):
        response = HttpResponse()
        response["HX-Redirect"] = url
        return response
    return redirect(url)
