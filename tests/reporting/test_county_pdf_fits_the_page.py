"""The county's PDF keeps its widest table (one column per survey question) inside the page."""

import re
import shutil
import subprocess

import pytest

from forebygg.reporting.interfaces import export
from tests.reporting.test_export import included  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db
RIGHT_MARGIN = 2 / 2.54 * 72  # export.html: @page margin 2 cm, in points
PAGE_WIDTH = re.compile(r'<page width="([\d.]+)"')
WORD = re.compile(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def words_in_the_right_margin(pdf: bytes, tmp_path) -> list[str]:
    """Words of the first page that reach into the right margin or past the page's edge."""
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    boxes = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    limit = float(PAGE_WIDTH.search(boxes).group(1)) - RIGHT_MARGIN + 1
    return [word for x_max, word in WORD.findall(boxes) if float(x_max) > limit]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) saknas")
def test_the_county_table_is_not_cut_at_the_right_edge(included, tmp_path):  # noqa: F811
    pdf = export.render_pdf(export.county_report_document(included.county_report))

    assert words_in_the_right_margin(pdf, tmp_path) == []
