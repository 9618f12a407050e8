"""The background tasks (Django's tasks framework; the queue is the database, see
docs/architecture.md, "Background jobs"). Each is a thin door into a domain function."""

from django.tasks import task

from forebygg.core.domain import jobs


@task()
def run_job(job_id: str) -> None:
    """Run a job's current step: check its file, or write it."""
    jobs.run(job_id)


@task()
def remove_abandoned_uploads() -> int:
    """The periodic sweep: uploads nobody confirmed within a day are removed."""
    return jobs.remove_abandoned()
