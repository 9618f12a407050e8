"""An import killed with SIGKILL while it writes leaves the database as it was; a re-run works.

The import runs as its own process (`forebygg import generic FILE`) against a SQLite file in
WAL mode, as `make run` uses. The test waits until the write transaction has put uncommitted
pages into the write-ahead log, kills the process, and then compares every table with the
state before the import.
"""

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.processes import SOURCE

CLI = [sys.executable, "-c", "from forebygg.cli import main; main()"]
# Tables only (no migrations to run, which would dominate the test's time) and one kommun.
SCHEMA = """
import django
django.setup()
from django.apps import apps
from django.db import connection
with connection.schema_editor() as editor:
    for model in apps.get_models():
        if model._meta.managed and not model._meta.proxy:
            editor.create_model(model)
from forebygg.geo.models import Kommun, Lan
lan = Lan.objects.create(code="06", name="Jönköpings län", short_name="Jönköping")
Kommun.objects.create(code="0680", name="Jönköping", short_name="Jönköping", lan=lan)
"""
HEADER = "kommun;område;indikator;namn;enhet;period;värde"
INDICATORS, YEARS, MONTHS = 56, range(1996, 2026), range(1, 13)
LARGE_ROWS = INDICATORS * len(YEARS) * 12
WAL_HEADER_BYTES = 32
WAL_GROWTH = 64 * 1024  # about 16 pages written by the import's open transaction


@pytest.fixture(scope="module", autouse=True)
def reference_data_present():
    """This module uses its own SQLite file, never the test database (overrides conftest)."""


def write_file(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def small_file(folder: Path) -> Path:
    rows = [f"0680;;ind0;Indikator 0;värde;2024-{month:02d};{month}" for month in MONTHS]
    return write_file(folder / "liten.csv", rows)


def large_file(folder: Path) -> Path:
    """Every month 1996–2025 for 56 indicators; it also changes the small file's 12 cells."""
    rows = [
        f"0680;;ind{i};Indikator {i};värde;{year}-{month:02d};{i * 1000 + year + month},5"
        for i in range(INDICATORS)
        for year in YEARS
        for month in MONTHS
    ]
    return write_file(folder / "stor.csv", rows)


def content_of(database: Path) -> dict[str, tuple[int, str]]:
    """Row count and SHA-256 of every table, read with SQLite itself."""
    with sqlite3.connect(database) as db:
        tables = [
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        content = {}
        for table in sorted(tables):
            rows = db.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            content[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    db.close()
    return content


def observations(database: Path) -> dict[tuple[str, int, int], float]:
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT i.key, o.year, o.period_number, o.value FROM stats_observation o "
            "JOIN stats_indicator i ON i.id = o.indicator_id"
        ).fetchall()
    db.close()
    return {(key, year, month): value for key, year, month, value in rows}


def run(args: list[str], env: dict, cwd: Path) -> str:
    done = subprocess.run(
        args, env=env, cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def kill_while_writing(args: list[str], env: dict, cwd: Path, wal: Path) -> tuple[int, str]:
    """Start the import and SIGKILL it once uncommitted pages are in the WAL.

    Returns the WAL's size at the kill and the import's output.
    """
    log = cwd / "import.log"
    killed_at = None
    with log.open("w") as output:
        process = subprocess.Popen(args, env=env, cwd=cwd, stdout=output, stderr=output)
        deadline = time.monotonic() + 90
        try:
            while killed_at is None and process.poll() is None and time.monotonic() < deadline:
                size = wal.stat().st_size if wal.exists() else 0
                if size > WAL_HEADER_BYTES + WAL_GROWTH:
                    process.send_signal(signal.SIGKILL)
                    killed_at = size
                time.sleep(0.005)
        finally:
            if process.poll() is None and killed_at is None:
                process.kill()
            returncode = process.wait(timeout=30)
    text = log.read_text()
    assert killed_at is not None, f"the import ended before it could be killed:\n{text}"
    assert returncode == -signal.SIGKILL, text
    return killed_at, text


def test_a_killed_import_changes_nothing_and_can_be_run_again(tmp_path):
    database = tmp_path / "forebygg.sqlite3"
    wal = Path(f"{database}-wal")
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "forebygg.settings_test",
        "FOREBYGG_DATABASE_URL": f"sqlite:///{database}",
        "FOREBYGG_SECRET_KEY": "a-test-key-that-is-only-used-here",
        "PYTHONUNBUFFERED": "1",
        "PYTHONPATH": str(SOURCE),  # this checkout's code, whatever the venv points at
    }
    run([sys.executable, "-c", SCHEMA], env, tmp_path)
    small = small_file(tmp_path)
    run([*CLI, "import", "generic", str(small)], env, tmp_path)
    with sqlite3.connect(database) as db:  # start the WAL empty, so any growth is the import's
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before, small_values = content_of(database), observations(database)
    large = large_file(tmp_path)

    wal_size, output = kill_while_writing(
        [*CLI, "import", "generic", str(large)], env, tmp_path, wal
    )

    assert f"stor.csv: {LARGE_ROWS} rader" in output  # parsed, and then killed while writing
    assert "Inläst" not in output
    assert wal_size > WAL_HEADER_BYTES  # uncommitted pages had reached the disk
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()
    assert content_of(database) == before
    assert observations(database) == small_values

    rerun = run([*CLI, "import", "generic", str(large)], env, tmp_path)

    assert f"Inläst: {LARGE_ROWS - 12} nya, 12 ändrade, 0 oförändrade." in rerun
    values = observations(database)
    assert len(values) == LARGE_ROWS
    assert values[("lokal.0680.ind0", 2024, 1)] == 2025.5
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM stats_importbatch").fetchone() == (2,)
        assert db.execute("SELECT count(*) FROM stats_observationrevision").fetchone() == (12,)
    db.close()
