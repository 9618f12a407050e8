"""Benchmarks, each reported as a ratio against a baseline measured in the same run.

    make bench

Machines are noisy, so absolute times are printed only for context; the ratios are the result.
"""

from benchkit import report, setup_django

setup_django()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from forebygg.stats.reference import import_reference_data, read_reference_data  # noqa: E402


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
