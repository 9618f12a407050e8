"""Lägesbild and national computation benchmarks, as ratios against same-run baselines.

    .venv/bin/python bench/lagesbild.py

1. Draft a full lägesbild for Jönköping (data → snapshot → DOCX + PDF) against the bare PDF
   render of the same content (WeasyPrint on the finished HTML).
2. Compute every crime indicator for 290 kommuner × 6 categories × 10 years from the stored
   cube against two plain-Polars baselines over the same rows: the same indicators written
   as Polars group-bys (window functions and joins, `stats.national_in_polars`), which is
   the like-for-like baseline, and a single group-by summing one column, which shows the
   floor of touching those rows at all.
"""

import time

from benchkit import report, setup_django

setup_django()

import polars as pl  # noqa: E402
import weasyprint  # noqa: E402
from django.core.management import call_command  # noqa: E402

from forebygg.geo.models import Kommun  # noqa: E402
from forebygg.lagesbild.domain import transient_lagesbild  # noqa: E402
from forebygg.lagesbild.interfaces.document import render_document_html  # noqa: E402
from forebygg.lagesbild.interfaces.docx import render_docx  # noqa: E402
from forebygg.lagesbild.interfaces.pdf import render_pdf  # noqa: E402
from forebygg.stats.national import (  # noqa: E402
    CHANGE_SPANS,
    compute_indicators,
    forget_cached_indicators,
    load_crime_cube,
)
from forebygg.stats.national_in_polars import indicators_in_polars  # noqa: E402


def main():
    call_command("migrate", verbosity=0)
    call_command("import_reference", verbosity=0)
    call_command("import_statistics", verbosity=0)
    kommun = Kommun.objects.get(code="0680")

    def full_lagesbild():
        lagesbild = transient_lagesbild(kommun)
        render_docx(lagesbild)
        render_pdf(lagesbild)

    html = render_document_html(transient_lagesbild(kommun), for_print=True)
    report(
        "Lägesbild Jönköping, data → DOCX + PDF (warm indicator cache)",
        full_lagesbild,
        lambda: weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1"),
    )

    def cold_lagesbild():
        forget_cached_indicators()
        full_lagesbild()

    report(
        "Lägesbild Jönköping, data → DOCX + PDF (cold: indicators read from the database)",
        cold_lagesbild,
        lambda: weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1"),
        repeat=3,
    )

    cube = load_crime_cube()
    frame = cube.frame()
    years = list(range(2016, 2026))
    recent = frame.filter(pl.col("year").is_in(years))
    with_history = frame.filter(pl.col("year") >= min(years) - max(CHANGE_SPANS))
    print(f"rows: {recent.height} (290 kommuner × 6 kategorier × {len(years)} år)")
    report(
        "All indicators, 290 kommuner × 6 categories × 10 years, against the same indicators "
        "as plain Polars group-bys",
        lambda: compute_indicators(cube, years),
        lambda: indicators_in_polars(with_history, years),
        repeat=9,
    )
    report(
        "All indicators, 290 kommuner × 6 categories × 10 years, against one Polars group-by "
        "summing one column",
        lambda: compute_indicators(cube, years),
        lambda: recent.group_by(["category", "year"]).agg(pl.col("count").sum()),
        repeat=9,
    )
    start = time.perf_counter()
    load_crime_cube()
    elapsed = (time.perf_counter() - start) * 1000
    print(f"(reading the observations from the database into the cube: {elapsed:.0f} ms)")


if __name__ == "__main__":
    main()
