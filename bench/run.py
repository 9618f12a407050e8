"""Benchmarks, each reported as a ratio against a baseline measured in the same run.

    make bench

Machines are noisy, so absolute times are printed only for context; the ratios are the result.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "forebygg.settings_test")
_db = Path(tempfile.mkdtemp()) / "bench.sqlite3"
os.environ["FOREBYGG_DATABASE_URL"] = f"sqlite:///{_db}"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from forebygg.geo.domain.reference import import_reference_data, read_reference_data  # noqa: E402


def best_of(function, repeat: int = 7) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return min(timings)


def report(name: str, subject, baseline, repeat: int = 7) -> None:
    subject_best = best_of(subject, repeat)
    baseline_best = best_of(baseline, repeat)
    print(
        f"{name}: {subject_best / baseline_best:.2f}× baseline "
        f"(subject {subject_best * 1000:.1f} ms, baseline {baseline_best * 1000:.1f} ms)"
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    data_dir = settings.FOREBYGG_DATA_DIR
    import_reference_data(data_dir)
    client = Client()
    client.get("/")  # warm template caches

    report(
        "import-reference re-run (validate + compare + no writes) vs. validating only",
        lambda: import_reference_data(data_dir),
        lambda: read_reference_data(data_dir),
    )
    report(
        "start page with 290-kommun SVG map vs. data-sources page",
        lambda: client.get("/"),
        lambda: client.get("/kallor/"),
        repeat=15,
    )
    report(
        "kommun page (Jönköping) vs. data-sources page",
        lambda: client.get("/kommun/0680/"),
        lambda: client.get("/kallor/"),
        repeat=15,
    )


if __name__ == "__main__":
    main()
