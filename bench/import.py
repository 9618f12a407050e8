"""A million-row CSV (42 MB) through the preview and the import, against reading it with csv.

    make bench        (or: .venv/bin/python bench/import.py)

Each phase runs in a process of its own, so its peak memory (RSS) is its own:

- baseline: the csv module reads every row of the file and does nothing with it;
- preview: `stats.domain.check_file` (what the job's check step runs): every row parsed and
  validated, nothing kept, nothing written;
- import: `stats.domain.import_file` (what `forebygg import` and a confirmed upload run):
  read, validate, stage, write in one transaction. The write itself (the only time other
  writers wait) is timed on its own.

Times and memory are printed with their ratio to the baseline measured in the same run; the
target is a peak RSS under 300 MB for the preview and the import.
"""

import csv
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchkit import ROOT, setup_django

ROWS_TARGET = 1_000_000
INDICATORS = 556
MONTHS = [(year, month) for year in range(1951, 2101) for month in range(1, 13)]
RSS_TARGET_MB = 300


def write_file(path: Path) -> int:
    """One kommun's local data: 556 indicators × 1 800 months, about 42 bytes a row."""
    rows = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write("kommun;område;indikator;namn;enhet;period;värde\n")
        for index in range(INDICATORS):
            for year, month in MONTHS:
                value = 10 + (index * 7 + month) % 990
                handle.write(
                    f"0680;;ind{index};Indikator {index};antal;{year}-{month:02d};{value}\n"
                )
                rows += 1
    return rows


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started (VmHWM: unlike ru_maxrss it does
    not carry over the parent's memory from before the exec)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------- one phase, in its own process


def baseline(path: Path) -> dict:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = sum(1 for _row in csv.reader(handle, delimiter=";")) - 1
    return {"rows": rows}


def preview(path: Path) -> dict:
    from forebygg.core.domain.imports import ImportFile
    from forebygg.stats.domain import check_file

    result = check_file("generic", ImportFile.of(path))
    return {"rows": result.row_count, "errors": result.error_count}


def import_(path: Path) -> dict:
    from forebygg.core.domain.imports import ImportFile
    from forebygg.stats import domain

    write = domain.write_preview
    marks = {}

    def timed_write(*args, **kwargs):
        start = time.perf_counter()
        batch = write(*args, **kwargs)
        marks["write"] = time.perf_counter() - start
        return batch

    domain.write_preview = timed_write
    batch = domain.import_file("generic", ImportFile.of(path))
    return {
        "rows": batch.rows_created + batch.rows_updated + batch.rows_unchanged,
        "write_seconds": marks["write"],
    }


PHASES = {"baseline": baseline, "preview": preview, "import": import_}


def run_phase(name: str, path: Path) -> None:
    if name != "baseline":
        import django

        django.setup()
    start = time.perf_counter()
    result = PHASES[name](path)
    result |= {"seconds": time.perf_counter() - start, "rss_mb": peak_rss_mb()}
    print(json.dumps(result))


def measure(name: str, path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, name, str(path)],
        env=os.environ.copy(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the report


def main() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("import_reference", verbosity=0, stdout=io.StringIO())
    folder = Path(tempfile.mkdtemp())
    path = folder / "lokala_data.csv"
    rows = write_file(path)
    size_mb = path.stat().st_size / (1024 * 1024)
    print(f"{rows:,} rader, {size_mb:.0f} MB".replace(",", " "))
    base = measure("baseline", path)
    assert base["rows"] == rows
    print(f"baseline (csv.reader): {base['seconds']:.1f} s, peak RSS {base['rss_mb']:.0f} MB")
    for name in ("preview", "import"):
        result = measure(name, path)
        assert result["rows"] == rows, result
        verdict = "under" if result["rss_mb"] < RSS_TARGET_MB else "OVER"
        time_ratio = result["seconds"] / base["seconds"]
        rss_ratio = result["rss_mb"] / base["rss_mb"]
        print(
            f"{name}: {result['seconds']:.1f} s (ratio {time_ratio:.1f}×), "
            f"peak RSS {result['rss_mb']:.0f} MB (ratio {rss_ratio:.1f}×, "
            f"{verdict} {RSS_TARGET_MB} MB)"
        )
        if "write_seconds" in result:
            print(f"  of which the write (one transaction): {result['write_seconds']:.1f} s")
    path.unlink()


if __name__ == "__main__":
    if len(sys.argv) == 1:
        setup_django()
        main()
    else:
        sys.path.insert(0, str(ROOT / "src"))
        run_phase(sys.argv[1], Path(sys.argv[2]))
