"""A hostile sheet is refused quickly, in Swedish, in bounded memory, with nothing changed.

A 1 MB workbook whose shared strings unpack to 1.1 GB used to take a worker to 1.3 GB; a
1 MB sheet of 300 000 inline rows used to burn 30 s of CPU. Now the zip's own table of
contents refuses the first before anything is unpacked, and the reading of the second stops
after the most rows a plan's export can have.
"""

import io
import time
import tracemalloc

import pytest

from forebygg.core.domain.xlsx import MAX_UNPACKED_BYTES
from forebygg.plans.domain.spreadsheet import preview_sheet
from forebygg.plans.models import Measure
from tests.plans.hostile_sheets import shared_strings_bomb, sheet_of_rows, with_doctype

LIMIT_MB = MAX_UNPACKED_BYTES // (1024 * 1024)


def refused(plan, filename: str, content: bytes) -> tuple[list[str], float, float]:
    """The errors, the seconds and the peak of memory (MB) reading the sheet took."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        errors = preview_sheet(plan, filename=filename, content=content).errors
    finally:
        seconds = time.perf_counter() - start
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return errors, seconds, peak / (1024 * 1024)


@pytest.fixture
def titles(chain):
    return lambda: list(Measure.objects.filter(plan=chain.plan).values_list("title", flat=True))


def test_a_decompression_bomb_is_refused_before_anything_is_unpacked(chain, titles):
    before = titles()
    bomb = shared_strings_bomb(1100)
    assert len(bomb) < 2 * 1024 * 1024

    errors, seconds, peak_mb = refused(chain.plan, "åtgärder.xlsx", bomb)

    assert errors == [
        f"Filen packas upp till 1100 MB, mer än de {LIMIT_MB} MB ett kalkylark får ta. Den "
        "läses inte in (den kan vara gjord för att fylla minnet). Spara bara bladet med "
        "åtgärderna och försök igen."
    ]
    assert seconds < 2
    assert peak_mb < 5 * len(bomb) / (1024 * 1024) + 5
    assert titles() == before


def test_a_sheet_of_300_000_rows_stops_after_the_rows_a_plan_can_have(chain, titles):
    before = titles()
    sheet = sheet_of_rows(300_000)
    assert len(sheet) < 3 * 1024 * 1024

    errors, seconds, peak_mb = refused(chain.plan, "åtgärder.xlsx", sheet)

    assert errors == [
        "Rad 5002: kalkylarket har fler än 5 000 rader under rubrikraden och läses inte "
        "vidare. En export av planens åtgärder har en rad per åtgärd."
    ]
    assert seconds < 10
    assert peak_mb < 40
    assert titles() == before


def test_a_csv_of_300_000_rows_stops_the_same_way(chain, titles):
    text = io.StringIO()
    text.write("Åtgärds-id;Åtgärd\n")
    text.writelines(f"Å{row};x\n" for row in range(300_000))

    errors, seconds, peak_mb = refused(chain.plan, "åtgärder.csv", text.getvalue().encode())

    assert errors == [
        "Rad 5002: kalkylarket har fler än 5 000 rader under rubrikraden och läses inte "
        "vidare. En export av planens åtgärder har en rad per åtgärd."
    ]
    assert seconds < 10
    assert peak_mb < 40


def test_xml_with_a_document_type_is_never_parsed(chain):
    errors, _seconds, _peak = refused(chain.plan, "åtgärder.xlsx", with_doctype())
    assert errors == [
        "Filen innehåller en XML-deklaration (DOCTYPE eller ENTITY) som en Excel-fil aldrig "
        "har, och läses inte in. Spara den på nytt som Excel-arbetsbok (.xlsx) och försök igen."
    ]
