"""Background jobs: an uploaded file is checked, then (when the user confirms) written.

A web import never reads its file inside the request. The view stores the upload once
(`start_job`), and the worker (`forebygg worker`, started by `make run`) runs the job's two
steps through `core.tasks.run_job`:

1. **check**: read the whole file and collect every problem; nothing is written. A file
   with problems is *rejected* and its upload removed at once.
2. **import** (after the user confirms the preview): read the file again, stage it, and write
   it in one short transaction. The upload is removed when the job is done.

Each kind of job (`JobKind`: the statistics upload, the measures sheet) is registered by its
app and says how to do the two steps; this module keeps the state, the progress the browser
shows, and the uploads. A job killed mid-way leaves the database as it was (the write is one
transaction) and shows as interrupted; `retry` runs the step again. Uploads nobody confirmed
are removed after `ABANDONED_AFTER` by `remove_abandoned`, which the worker runs every hour.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.move import file_move_safe
from django.db.models import F
from django.utils import timezone

from forebygg.core.domain.imports import ImportFile, ImportPreview, ImportRejected
from forebygg.core.enums import JobPhase, JobStatus, JobStep
from forebygg.core.models import Job

logger = logging.getLogger(__name__)

ABANDONED_AFTER = timedelta(hours=24)
# A running job writes its progress at least every few seconds; one that has not for this
# long was stopped (the worker was killed or restarted) and may be run again.
STALE_AFTER = timedelta(seconds=90)
FINISHED_KEPT = timedelta(days=30)
MESSAGES_STORED = 200
OPEN_STATUSES = (JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.CHECKED, JobStatus.FAILED)


@dataclass
class StepResult:
    """What a step found: its preview, what to show, and the job's status afterwards."""

    preview: ImportPreview | None
    outcome: dict = field(default_factory=dict)
    status: str = ""
    written: int = 0


Step = Callable[[Job, ImportFile, "Progress"], StepResult]


@dataclass(frozen=True)
class JobKind:
    name: str
    check: Step
    write: Step


KINDS: dict[str, JobKind] = {}


def register(kind: JobKind) -> None:
    KINDS[kind.name] = kind


# ---------------------------------------------------------------- uploads


def upload_dir() -> Path:
    return Path(settings.FOREBYGG_UPLOAD_DIR)


def upload_path(job: Job) -> Path:
    return upload_dir() / str(job.pk)


def store_upload(upload, path: Path) -> None:
    """Put the uploaded file in place once: Django's temporary file is moved, not copied.
    Only this user may read it (a kommun's local data may not be public)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = getattr(upload, "temporary_file_path", None)
    if temporary is not None:
        file_move_safe(temporary(), str(path), allow_overwrite=True)
        path.chmod(0o600)
        return
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)


def remove_upload(job: Job) -> None:
    upload_path(job).unlink(missing_ok=True)


# ---------------------------------------------------------------- starting and steering


def start_job(kind: str, *, user, scope: str, upload, params: dict | None = None) -> Job:
    """Store the upload and queue its check."""
    if kind not in KINDS:
        raise KeyError(kind)
    job = Job(
        kind=kind,
        scope=scope,
        created_by=user,
        params=params or {},
        file_name=(upload.name or "fil")[:300],
        file_size=upload.size or 0,
    )
    store_upload(upload, upload_path(job))
    job.save()
    _enqueue(job)
    return job


def confirm(job: Job) -> bool:
    """Queue the write of a checked job; False if it is not waiting for a confirmation."""
    queued = Job.objects.filter(pk=job.pk, status=JobStatus.CHECKED).update(
        step=JobStep.IMPORT, status=JobStatus.QUEUED, phase=""
    )
    if queued:
        _enqueue(job)
    return bool(queued)


def retry(job: Job, *, now: datetime | None = None) -> bool:
    """Run a failed or interrupted step again; False if there is nothing to retry."""
    if not can_retry(job, now=now):
        return False
    Job.objects.filter(pk=job.pk).update(status=JobStatus.QUEUED, phase="")
    _enqueue(job)
    return True


def can_retry(job: Job, *, now: datetime | None = None) -> bool:
    if not upload_path(job).exists():
        return False
    return job.status == JobStatus.FAILED or is_interrupted(job, now=now)


def is_interrupted(job: Job, *, now: datetime | None = None) -> bool:
    """A running job that has not reported for STALE_AFTER was stopped mid-way."""
    if job.status != JobStatus.RUNNING:
        return False
    last = job.heartbeat_at or job.created_at
    return (now or timezone.now()) - last > STALE_AFTER


def _enqueue(job: Job) -> None:
    from forebygg.core.tasks import run_job

    run_job.enqueue(str(job.pk))


# ---------------------------------------------------------------- running a step


class Progress:
    """Writes how far a step has come to the job row, for the browser to poll."""

    def __init__(self, job: Job):
        self.job = job

    def __call__(self, preview: ImportPreview) -> None:
        Job.objects.filter(pk=self.job.pk).update(
            lines_read=preview.lines_read,
            rows_checked=preview.rows_checked,
            heartbeat_at=timezone.now(),
        )

    def writing(self) -> None:
        Job.objects.filter(pk=self.job.pk).update(
            phase=JobPhase.WRITING, heartbeat_at=timezone.now()
        )


def run(job_id: str) -> None:
    """Run the job's current step (the task the worker calls)."""
    job = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).first()
    if job is None:
        return  # already run, confirmed twice, or removed
    kind = KINDS[job.kind]
    path = upload_path(job)
    if not path.exists():
        _finish(job, JobStatus.FAILED, errors=["Den uppladdade filen finns inte längre. "
                                              "Ladda upp den igen."])  # fmt: skip
        return
    claimed = Job.objects.filter(pk=job.pk, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING,
        phase=JobPhase.READING,
        attempts=F("attempts") + 1,
        lines_read=0,
        rows_checked=0,
        heartbeat_at=timezone.now(),
    )
    if not claimed:
        return  # another worker took it
    step = kind.check if job.step == JobStep.CHECK else kind.write
    try:
        result = step(job, ImportFile(name=job.file_name, path=path), Progress(job))
    except ImportRejected as rejected:
        _finish(job, JobStatus.REJECTED, preview=rejected.preview)
        remove_upload(job)
        return
    except ValidationError as refused:  # the domain said no (a plan decided meanwhile …)
        _finish(job, JobStatus.REJECTED, errors=refused.messages[:MESSAGES_STORED])
        remove_upload(job)
        return
    except PermissionDenied:
        _finish(job, JobStatus.REJECTED, errors=["Du har inte längre behörighet att läsa in "
                                                "filen; inget har ändrats."])  # fmt: skip
        remove_upload(job)
        return
    except Exception:
        logger.exception("Jobb %s (%s) avbröts av ett fel", job.pk, job.kind)
        _finish(job, JobStatus.FAILED, errors=["Ett oväntat fel avbröt jobbet; inget har "
                                              "ändrats. Försök igen."])  # fmt: skip
        raise
    done = job.step == JobStep.IMPORT and not result.status
    status = result.status or (JobStatus.DONE if done else JobStatus.CHECKED)
    _finish(job, status, preview=result.preview, outcome=result.outcome, written=result.written)
    if status == JobStatus.DONE:
        remove_upload(job)


def _finish(job, status, *, preview=None, errors=None, outcome=None, written=0) -> None:
    values = {"status": status, "phase": "", "finished_at": timezone.now()}
    if preview is not None:
        values |= {
            "lines_read": preview.lines_read,
            "rows_checked": preview.rows_checked,
            "errors": preview.errors[:MESSAGES_STORED],
            "error_count": preview.error_count,
            "warnings": preview.warnings[:MESSAGES_STORED],
            "warning_count": preview.warning_count,
        }
    if errors is not None:
        values |= {"errors": errors, "error_count": len(errors)}
    if outcome is not None:
        values["outcome"] = outcome
    if written:
        values["rows_written"] = written
    Job.objects.filter(pk=job.pk).update(**values)


# ---------------------------------------------------------------- the periodic sweep


def remove_abandoned(*, now: datetime | None = None) -> int:
    """Remove uploads nobody confirmed within ABANDONED_AFTER, and stray files; forget jobs
    finished long ago. Returns how many uploads were removed."""
    now = now or timezone.now()
    removed = 0
    for job in Job.objects.filter(status__in=OPEN_STATUSES, created_at__lt=now - ABANDONED_AFTER):
        if upload_path(job).exists():
            removed += 1
        remove_upload(job)
        Job.objects.filter(pk=job.pk).update(status=JobStatus.ABANDONED, phase="", finished_at=now)
    removed += _remove_stray_files(now)
    Job.objects.exclude(status__in=OPEN_STATUSES).filter(
        finished_at__lt=now - FINISHED_KEPT
    ).delete()
    return removed


def _remove_stray_files(now: datetime) -> int:
    """Files in the upload directory that belong to no open job and are old enough."""
    folder = upload_dir()
    if not folder.is_dir():
        return 0
    open_jobs = {str(pk) for pk in Job.objects.filter(status__in=OPEN_STATUSES).values_list(
        "pk", flat=True)}  # fmt: skip
    oldest = (now - ABANDONED_AFTER).timestamp()
    removed = 0
    for path in folder.iterdir():
        if path.is_file() and path.name not in open_jobs and path.stat().st_mtime < oldest:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
