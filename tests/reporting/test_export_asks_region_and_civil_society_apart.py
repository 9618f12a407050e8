"""Word, PDF and CSV ask about the region and civil society on the council as two questions."""

import csv
import io
import shutil
import subprocess

import pytest
from django.urls import reverse

from forebygg.governance.domain import actors, council
from forebygg.orgs.domain.authorities import kommun_administration
from forebygg.reporting.domain import yearly
from forebygg.reporting.interfaces import export
from forebygg.reporting.models import CountyReport, YearlyReport
from tests.reporting.test_export import word_text

pytestmark = pytest.mark.django_db
YEAR = 2026


@pytest.fixture
def sent(personas) -> YearlyReport:
    """Jönköping's report, with civil society on its council, sent on to Brå without the rest."""
    kommun, by = personas.kommun_a, personas.coordinator_a
    association = actors.register_actor(
        kommun, by=by, name="Föreningen Nattvandrarna", type="civilsamhalle", contribution="Kvällar"
    ).organisation
    strategic = council.create_council(kommun, name="Trygg i Jönköping", by=by)
    for organisation, chair in ((kommun_administration(kommun), True), (association, False)):
        council.add_member(
            strategic, organisation=organisation, position="Chef", seniority="ledande",
            is_chair=chair, by=by,
        )  # fmt: skip
    report = yearly.draft_report(kommun, YEAR, by=by)
    yearly.submit_report(report, by=by)
    yearly.approve_report(report, by=personas.county_a)
    county = yearly.start_county_report(kommun.lan, YEAR, by=personas.county_a)
    yearly.include_report(county, report, by=personas.county_a)
    yearly.submit_county_report(county, by=personas.county_a, confirmed_missing=True)
    return YearlyReport.objects.get(pk=report.pk)


def test_the_kommun_report_in_word_answers_each_with_its_evidence(sent):
    _headings, text = word_text(export.render_docx(export.kommun_report_document(sent)))

    assert "Rådet har med regionen\nNej\n–" in text
    assert "Rådet har med civilsamhället\nJa\nFöreningen Nattvandrarna" in text
    assert "Rådet har med regionen och civilsamhället" not in text


def test_the_county_report_in_word_has_both_questions_and_the_missing_kommuner(sent):
    county = CountyReport.objects.get(pk=sent.county_report_id)

    headings, text = word_text(export.render_docx(export.county_report_document(county)))

    assert "Kommuner som saknas i redovisningen" in headings
    assert "Länsstyrelsen bekräftade att redovisningen skickades utan 12 kommuner." in text
    assert "Värnamo kommun\nIngen godkänd redovisning för året" in text
    assert "Rådet har med regionen" in text and "Rådet har med civilsamhället" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) saknas")
def test_the_pdf_has_both_questions(sent, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(export.render_pdf(export.kommun_report_document(sent)))

    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout

    assert "Rådet har med regionen" in text
    assert "Rådet har med civilsamhället" in text
    assert "Föreningen Nattvandrarna" in text


def test_the_national_csv_has_a_column_for_each(client, personas, sent):
    client.force_login(personas.analyst)

    response = client.get(reverse("oversight:national_kommuner_csv") + f"?ar={YEAR}")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, jonkoping = rows[0], next(row for row in rows if row[0] == "0680")
    answers = dict(zip(header, jonkoping, strict=True))

    assert (answers["Rådet har med regionen"], answers["Rådet har med civilsamhället"]) == (
        "Nej",
        "Ja",
    )
    assert "Rådet har med regionen och civilsamhället" not in header
