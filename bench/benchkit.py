"""Shared by the benchmarks: Django on a throw-away SQLite database, and same-run ratios."""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "forebygg.settings_test")
    database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ["FOREBYGG_DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()


def best_of(function, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return min(timings)


def report(name: str, subject, baseline, repeat: int = 7) -> None:
    """Print the best time of subject and baseline, measured in this run, and their ratio."""
    subject_time, baseline_time = best_of(subject, repeat), best_of(baseline, repeat)
    print(
        f"{name}: {subject_time * 1000:.1f} ms, baseline {baseline_time * 1000:.1f} ms, "
        f"ratio {subject_time / baseline_time:.2f}×"
    )
