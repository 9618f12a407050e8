"""The yearly reports as Word and PDF: re-opened, and saying what the approved content says."""

import io
import shutil
import subprocess

import pytest
from django.urls import reverse
from docx import Document

from forebygg.governance.domain.coordination import save_coordination_function
from forebygg.reporting.domain import yearly
from forebygg.reporting.interfaces import export
from forebygg.reporting.models import YearlyReport

pytestmark = pytest.mark.django_db
YEAR = 2026


@pytest.fixture
def included(personas):
    report = yearly.draft_report(personas.kommun_a, YEAR, by=personas.coordinator_a)
    yearly.submit_report(report, by=personas.coordinator_a)
    yearly.approve_report(report, by=personas.county_a)
    county_report = yearly.start_county_report(personas.kommun_a.lan, YEAR, by=personas.county_a)
    yearly.describe_regional_work(
        county_report, by=personas.county_a, networks="Nätverk för samordnare i länet"
    )
    yearly.include_report(county_report, report, by=personas.county_a)
    return YearlyReport.objects.get(pk=report.pk)


def word_text(data: bytes) -> tuple[list[str], str]:
    document = Document(io.BytesIO(data))
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return headings, "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_kommun_report_in_word_has_its_sections_and_compliance_table(included):
    headings, text = word_text(export.render_docx(export.kommun_report_document(included)))

    assert headings[0] == "Årlig redovisning 2026 – Jönköpings kommun"
    assert "Lagkrav (lag 2023:196)" in headings
    assert "Godkänd av länsstyrelsen" not in text  # included: the state is now "Ingår i …"
    assert "Ingår i länets samlade redovisning" in text
    assert "R13" in text and "Har en samordningsfunktion" in text
    assert included.content_hash in text


def test_the_county_report_in_word_carries_the_regional_work_and_each_kommun(included):
    document = export.county_report_document(included.county_report)

    headings, text = word_text(export.render_docx(document))

    assert headings[0] == "Samlad redovisning 2026 – Jönköpings län"
    assert "Jönköpings kommun" in headings
    assert "Nätverk för samordnare i länet" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) saknas")
def test_the_pdf_is_tagged_and_reads_in_swedish(included, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(export.render_pdf(export.kommun_report_document(included)))

    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout

    assert "Årlig redovisning 2026 – Jönköpings kommun" in text
    assert "Sida 1 av" in text
    assert "Tagged:          yes" in info


def test_the_export_shows_the_approved_figures_not_todays(included, personas):
    save_coordination_function(
        personas.kommun_a, by=personas.coordinator_a, name="Trygghetsenheten", email="t@x.se"
    )

    _headings, text = word_text(export.render_docx(export.kommun_report_document(included)))

    assert "Har en samordningsfunktion\nNej" in text


def test_downloads_are_served_as_files_to_readers_only(client, personas, included):
    url = reverse(
        "backoffice:yearly_report_export", kwargs={"code": "0680", "year": YEAR, "fmt": "docx"}
    )
    client.force_login(personas.county_a)
    assert client.get(url)["Content-Disposition"].startswith("attachment;")
    client.force_login(personas.county_other)
    assert client.get(url).status_code == 404
