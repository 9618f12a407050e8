"""An uploaded file is kept only while its job needs it: removed when the file is written,
when it is rejected, and 24 hours after an upload nobody confirmed (the sweep the worker
runs every hour, here with a clock set forward)."""

import os
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from forebygg.core.domain.jobs import confirm, remove_abandoned, start_job, upload_path
from forebygg.core.enums import JobStatus
from forebygg.core.models import Job

GOOD = "kommun;indikator;namn;enhet;period;värde\n0680;trygg;Trygghet;procent;2024;23,5\n"
BAD = "kommun;indikator;namn;enhet;period;värde\n0680;trygg;Trygghet;procent;2024;mycket\n"


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.FOREBYGG_UPLOAD_DIR = tmp_path / "uploads"
    return settings.FOREBYGG_UPLOAD_DIR


def upload(personas, text: str) -> Job:
    job = start_job(
        "statistik",
        user=personas.coordinator_a,
        scope="0680",
        upload=SimpleUploadedFile("trygghet.csv", text.encode()),
        params={"kind": "generic"},
    )
    job.refresh_from_db()
    return job


def test_a_written_file_is_removed(personas, uploads):
    job = upload(personas, GOOD)
    assert (job.status, upload_path(job).exists()) == (JobStatus.CHECKED, True)

    confirm(job)
    job.refresh_from_db()

    assert (job.status, job.rows_written) == (JobStatus.DONE, 1)
    assert list(uploads.iterdir()) == []


def test_a_rejected_file_is_removed_at_once(personas, uploads):
    job = upload(personas, BAD)
    assert (job.status, job.errors) == (
        JobStatus.REJECTED,
        ["Rad 2: värde ska vara ett tal, inte 'mycket'."],
    )
    assert list(uploads.iterdir()) == []


def test_an_unconfirmed_file_is_removed_after_24_hours(personas, uploads):
    job = upload(personas, GOOD)
    now = timezone.now()

    assert remove_abandoned(now=now + timedelta(hours=23)) == 0
    assert upload_path(job).exists()

    assert remove_abandoned(now=now + timedelta(hours=25)) == 1
    job.refresh_from_db()
    assert (job.status, upload_path(job).exists()) == (JobStatus.ABANDONED, False)
    assert confirm(job) is False


def test_a_stray_file_without_a_job_is_removed_after_24_hours(db, uploads):
    uploads.mkdir(parents=True)
    stray = uploads / "left-behind"
    stray.write_bytes(b"x")
    a_day_ago = (timezone.now() - timedelta(hours=25)).timestamp()

    assert remove_abandoned() == 0
    os.utime(stray, (a_day_ago, a_day_ago))
    assert remove_abandoned() == 1
    assert list(uploads.iterdir()) == []
