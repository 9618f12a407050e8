"""Real processes for the tests of the worker: a file-backed SQLite database they share,
`forebygg worker` and `forebygg serve` as children, and small steps run in a process of their
own (`python -m tests.processes <step> …`).

The test database of the suite lives in memory and cannot be shared with another process, so
these tests build their own database file: the tables (without running the migrations, which
would dominate the time), Jönköpings län and kommun, and the demo logins.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import forebygg

SOURCE = Path(forebygg.__file__).resolve().parents[1]
ROOT = SOURCE.parent
CLI = [sys.executable, "-c", "from forebygg.cli import main; main()"]
# Tables the job machinery writes on its own: the queue and the job's progress.
JOB_TABLES = {"core_job", "django_tasks_database_dbtaskresult"}


def environment(folder: Path) -> dict:
    """The environment of every child: this checkout's code, the database file in `folder`,
    the database task queue, and uploads in `folder`."""
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "forebygg.settings_test",
        "FOREBYGG_DATABASE_URL": f"sqlite:///{folder / 'forebygg.sqlite3'}",
        "FOREBYGG_SECRET_KEY": "a-test-key-that-is-only-used-here",
        "FOREBYGG_TEST_WORKER": "true",
        "FOREBYGG_UPLOAD_DIR": str(folder / "uploads"),
        "PYTHONPATH": os.pathsep.join([str(SOURCE), str(ROOT)]),
        "PYTHONUNBUFFERED": "1",
    }


def database_of(env: dict) -> Path:
    return Path(env["FOREBYGG_DATABASE_URL"].removeprefix("sqlite:///"))


def step(env: dict, *args: str, timeout: float = 180) -> str:
    """Run one step of this module in a process of its own; its printed output."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.processes", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def forebygg_command(env: dict, *args: str, timeout: float = 300) -> str:
    done = subprocess.run(
        [*CLI, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def start(env: dict, *args: str, log: Path) -> subprocess.Popen:
    """A long-running `forebygg …` in a process group of its own (so it can be stopped
    the way Ctrl+C stops it)."""
    output = log.open("w")
    return subprocess.Popen(
        [*CLI, *args], env=env, cwd=ROOT, stdout=output, stderr=output, start_new_session=True
    )


def interrupt(process: subprocess.Popen, timeout: float = 60) -> int:
    """Ctrl+C: SIGINT to the whole process group; the exit code once everything stopped."""
    os.killpg(process.pid, signal.SIGINT)
    return process.wait(timeout=timeout)


def wait_for(condition, *, timeout: float = 120, every: float = 0.05, what: str = ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what or condition}")


def job_row(env: dict) -> dict:
    """The newest job, read with SQLite itself (no Django in the test's own process)."""
    with sqlite3.connect(database_of(env)) as db:
        db.row_factory = sqlite3.Row
        row = db.execute("SELECT * FROM core_job ORDER BY created_at DESC LIMIT 1").fetchone()
    db.close()
    return dict(row) if row else {}


def content_of(env: dict, *, leave_out=JOB_TABLES) -> dict[str, tuple[int, int]]:
    """Row count and a digest of every table but `leave_out`, read with SQLite itself."""
    content = {}
    with sqlite3.connect(database_of(env)) as db:
        names = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in sorted(set(names) - set(leave_out)):
            rows = db.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            content[table] = (len(rows), hash(repr(rows)))
    db.close()
    return content


# ---------------------------------------------------------------- the steps (child side)


def _django():
    import django

    django.setup()


def _schema() -> None:
    """Every table, Jönköpings län and kommun, and the demo logins."""
    _django()
    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection

    from forebygg.geo.models import Kommun, Lan
    from forebygg.orgs.domain.authorities import ensure_authority_organisations

    with connection.schema_editor() as editor:
        for model in apps.get_models():
            if model._meta.managed and not model._meta.proxy:
                editor.create_model(model)
    lan = Lan.objects.create(code="06", name="Jönköpings län", short_name="Jönköping")
    Kommun.objects.create(code="0680", name="Jönköpings kommun", short_name="Jönköping", lan=lan)
    ensure_authority_organisations()
    call_command("create_demo", verbosity=0)


def _start_job(path: str) -> None:
    """Queue the check of a local-data file, as the upload page does."""
    _django()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    from forebygg.core.domain.jobs import start_job

    data = Path(path).read_bytes()
    job = start_job(
        "statistik",
        user=get_user_model().objects.get(username="samordnare"),
        scope="0680",
        upload=SimpleUploadedFile(Path(path).name, data),
        params={"kind": "generic"},
    )
    print(job.pk)


def _confirm() -> None:
    _django()
    from forebygg.core.domain.jobs import confirm
    from forebygg.core.models import Job

    print(json.dumps(confirm(Job.objects.order_by("-created_at").first())))


def _retry(minutes_later: str) -> None:
    """Try the newest job again, on a clock set `minutes_later` ahead."""
    _django()
    from datetime import timedelta

    from django.utils import timezone

    from forebygg.core.domain.jobs import retry
    from forebygg.core.models import Job

    now = timezone.now() + timedelta(minutes=float(minutes_later))
    print(json.dumps(retry(Job.objects.order_by("-created_at").first(), now=now)))


STEPS = {"schema": _schema, "start-job": _start_job, "confirm": _confirm, "retry": _retry}

if __name__ == "__main__":
    STEPS[sys.argv[1]](*sys.argv[2:])
