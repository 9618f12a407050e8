"""A statistics file uploaded in the workspace, as a background job (`core.domain.jobs`).

Check: the file is read in bounded memory and every problem collected; the preview shown is
its summary. Import: the file is read again, staged and written in one transaction, exactly
as `forebygg import` does it.
"""

from forebygg.core.domain.jobs import JobKind, StepResult, register
from forebygg.geo.models import Kommun
from forebygg.stats.domain import check_file, import_file

KIND = "statistik"
WARNINGS_SHOWN = 50


def _kommun(job) -> Kommun:
    return Kommun.objects.get(code=job.scope)


def check(job, file, progress) -> StepResult:
    preview = check_file(job.params["kind"], file, kommun=_kommun(job), progress=progress)
    preview.reject()
    summary = preview.summary()
    summary["indicator_count"] = len(summary.pop("indicators"))
    if "areas" in preview.extra:
        areas = preview.extra["areas"]
        summary |= {"areas": len(areas), "kommuner": len({a.kommun_code for a in areas})}
    return StepResult(preview, outcome={"summary": summary})


def write(job, file, progress) -> StepResult:
    seen = {}

    def before_writing(preview):
        seen["preview"] = preview
        progress.writing()

    batch = import_file(
        job.params["kind"],
        file,
        by=job.created_by,
        kommun=_kommun(job),
        progress=progress,
        before_writing=before_writing,
    )
    result = {
        "created": batch.rows_created,
        "updated": batch.rows_updated,
        "unchanged": batch.rows_unchanged,
    }
    written = batch.rows_created + batch.rows_updated + batch.rows_unchanged
    return StepResult(seen["preview"], outcome={**job.outcome, "result": result}, written=written)


STATISTICS = JobKind(KIND, check=check, write=write)


def register_jobs() -> None:
    register(STATISTICS)
