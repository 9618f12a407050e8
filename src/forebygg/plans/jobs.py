"""The measures sheet uploaded in the workspace, as a background job (`core.domain.jobs`).

Check: the sheet is read against the plan and the changes it would make are kept for the
preview, with the version of the measures it was read against. Import: the sheet is read
again and written, all or nothing; if someone changed a measure since the preview, nothing
is written and the job shows the preview again against the values saved now.
"""

from dataclasses import asdict

from forebygg.core.domain.conflicts import EditConflict
from forebygg.core.domain.jobs import JobKind, StepResult, register
from forebygg.core.enums import JobStatus
from forebygg.plans.domain.spreadsheet import apply_sheet, preview_sheet
from forebygg.plans.models import Plan

KIND = "kalkylark"


def _plan(job) -> Plan:
    return Plan.objects.select_related("kommun").get(pk=job.params["plan"], kommun__code=job.scope)


def _outcome(preview) -> dict:
    return {
        "changes": [asdict(change) for change in preview.changes],
        "unchanged": preview.unchanged,
        "version": preview.version,
    }


def check(job, file, progress) -> StepResult:
    preview = preview_sheet(_plan(job), filename=job.file_name, content=file, progress=progress)
    preview.reject(empty="")
    return StepResult(preview, outcome=_outcome(preview))


def write(job, file, progress) -> StepResult:
    plan = _plan(job)
    progress.writing()
    try:
        changed = apply_sheet(
            plan,
            filename=job.file_name,
            content=file,
            by=job.created_by,
            base=job.outcome.get("version"),
        )
    except EditConflict as conflict:
        preview = preview_sheet(plan, filename=job.file_name, content=file, progress=progress)
        preview.reject(empty="")
        outcome = {**_outcome(preview), "conflict": conflict.messages[0]}
        return StepResult(preview, outcome=outcome, status=JobStatus.CHECKED)
    return StepResult(
        None, outcome={**job.outcome, "result": {"changed": changed}}, written=changed
    )


SHEET = JobKind(KIND, check=check, write=write)


def register_jobs() -> None:
    register(SHEET)
