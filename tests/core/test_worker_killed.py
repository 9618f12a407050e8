"""A worker killed while it writes an import leaves the data as it was; the job can be tried
again, and the file is then imported exactly once.

Real processes on a shared SQLite file in WAL mode, as `make run` uses (tests/processes.py):
the job is uploaded and checked, confirmed, and the worker (`forebygg worker`) is killed with
SIGKILL once the write transaction has put uncommitted pages into the write-ahead log.
"""

import os
import signal
import sqlite3
from pathlib import Path

from tests.processes import (
    content_of,
    database_of,
    environment,
    forebygg_command,
    job_row,
    start,
    step,
    wait_for,
)

HEADER = "kommun;område;indikator;namn;enhet;period;värde"
INDICATORS, YEARS = 120, range(1951, 2026)
ROWS = INDICATORS * len(YEARS) * 12
WAL_GROWTH = 64 * 1024


def large_file(folder: Path) -> Path:
    path = folder / "stor.csv"
    rows = (
        f"0680;;ind{i};Indikator {i};värde;{year}-{month:02d};{i + year + month},5"
        for i in range(INDICATORS)
        for year in YEARS
        for month in range(1, 13)
    )
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER + "\n")
        handle.writelines(row + "\n" for row in rows)
    return path


def wal_size(env) -> int:
    wal = Path(f"{database_of(env)}-wal")
    return wal.stat().st_size if wal.exists() else 0


def observation_count(env) -> int:
    with sqlite3.connect(database_of(env)) as db:
        count = db.execute("SELECT count(*) FROM stats_observation").fetchone()[0]
    db.close()
    return count


def test_a_killed_worker_changes_nothing_and_the_job_can_be_tried_again(tmp_path):
    env = environment(tmp_path)
    step(env, "schema")
    step(env, "start-job", str(large_file(tmp_path)))
    forebygg_command(env, "worker", "--batch")
    assert (job_row(env)["status"], job_row(env)["rows_checked"]) == ("kontrollerad", ROWS)
    step(env, "confirm")
    before = content_of(env)

    worker = start(env, "worker", "--interval", "0.1", log=tmp_path / "worker.log")
    try:
        wait_for(lambda: job_row(env)["phase"] == "skriver", what="the write to start")
        writing_from = wal_size(env)
        wait_for(lambda: wal_size(env) > writing_from + WAL_GROWTH, every=0.002)
        os.killpg(worker.pid, signal.SIGKILL)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)

    with sqlite3.connect(database_of(env)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.close()
    assert content_of(env) == before
    assert observation_count(env) == 0
    assert job_row(env)["status"] == "pagar"  # interrupted: nobody will finish it
    assert len(list((tmp_path / "uploads").iterdir())) == 1  # kept for the next try

    assert step(env, "retry", "0").strip() == "false"  # it might still be running
    assert step(env, "retry", "2").strip() == "true"  # two minutes without a sign of life
    forebygg_command(env, "worker", "--batch")

    job = job_row(env)
    assert (job["status"], job["rows_written"], job["attempts"]) == ("klar", ROWS, 3)
    assert observation_count(env) == ROWS
    with sqlite3.connect(database_of(env)) as db:
        assert db.execute("SELECT count(*) FROM stats_importbatch").fetchone() == (1,)
    db.close()
    assert list((tmp_path / "uploads").iterdir()) == []
