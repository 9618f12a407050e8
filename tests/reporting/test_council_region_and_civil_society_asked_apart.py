"""Brå asks about the region and civil society on the council as two questions, with evidence.

A council with a civil-society member but no region answers Ja to civil society and Nej to
the region, naming the organisation behind each Ja. A report submitted before the split keeps
the one combined answer it was sent with.
"""

import pytest

from forebygg.governance.domain import actors, council
from forebygg.orgs.domain.authorities import kommun_administration
from forebygg.reporting.domain import overview, yearly
from forebygg.reporting.interfaces import export
from forebygg.reporting.models import YearlyReport

pytestmark = pytest.mark.django_db
YEAR = 2026
# What migration 0003 stored for a report submitted with civil society but no region.
ANSWERS_BEFORE_THE_SPLIT = [
    {"key": "coordination_function", "answer": False, "evidence": []},
    {"key": "current_lagesbild", "answer": False, "evidence": []},
    {"key": "decided_plan", "answer": False, "evidence": []},
    {"key": "followed_up", "answer": False, "evidence": []},
    {"key": "agreement_civil_society", "answer": False, "evidence": []},
    {"key": "agreement_region", "answer": False, "evidence": []},
    {"key": "agreement_rescue", "answer": False, "evidence": []},
    {"key": "agreement_lansstyrelse", "answer": False, "evidence": []},
    {"key": "council_region_civil_society", "answer": False, "evidence": []},
]


def council_with(personas, *organisations):
    kommun, by = personas.kommun_a, personas.coordinator_a
    strategic = council.create_council(kommun, name="Trygg i Jönköping", by=by)
    council.add_member(
        strategic, organisation=kommun_administration(kommun), position="Kommundirektör",
        seniority="ledande", is_chair=True, by=by,
    )  # fmt: skip
    for organisation in organisations:
        council.add_member(
            strategic, organisation=organisation, position="Ordförande", seniority="ledande", by=by
        )
    return strategic


def civil_society(personas):
    return actors.register_actor(
        personas.kommun_a, by=personas.coordinator_a, name="Föreningen Nattvandrarna",
        type="civilsamhalle", contribution="Vuxennärvaro kvällstid",
    ).organisation  # fmt: skip


def submitted(personas) -> YearlyReport:
    report = yearly.draft_report(personas.kommun_a, YEAR, by=personas.coordinator_a)
    return yearly.submit_report(report, by=personas.coordinator_a)


def answer(report: YearlyReport, key: str) -> dict:
    return next(a for a in report.answers if a["key"] == key)


def test_civil_society_on_the_council_is_a_ja_even_without_the_region(personas):
    council_with(personas, civil_society(personas))

    report = submitted(personas)

    assert answer(report, "council_civil_society") == {
        "key": "council_civil_society",
        "answer": True,
        "evidence": ["Föreningen Nattvandrarna"],
    }
    assert answer(report, "council_region") == {
        "key": "council_region",
        "answer": False,
        "evidence": [],
    }
    assert "council_region_civil_society" not in {a["key"] for a in report.answers}


def test_each_ja_names_its_organisations(personas):
    council_with(personas, civil_society(personas), personas.region)

    report = submitted(personas)

    assert answer(report, "council_region")["evidence"] == ["Region Jönköpings län"]
    assert answer(report, "council_civil_society")["evidence"] == ["Föreningen Nattvandrarna"]


def test_the_report_page_shows_the_questions_with_their_evidence(personas):
    council_with(personas, civil_society(personas))

    table = export.kommun_report_document(submitted(personas)).blocks
    rows = next(b.rows for b in table if b.kind == "table" and b.header[0] == "Fråga")

    assert ["Rådet har med civilsamhället", "Ja", "Föreningen Nattvandrarna"] in rows
    assert ["Rådet har med regionen", "Nej", "–"] in rows
    assert [row[0] for row in rows if row[0].startswith("Rådet")] == [
        "Rådet har med regionen",
        "Rådet har med civilsamhället",
    ]


def test_a_report_sent_before_the_split_keeps_its_combined_answer(personas):
    council_with(personas, civil_society(personas))
    report = submitted(personas)
    YearlyReport.objects.filter(pk=report.pk).update(answers=ANSWERS_BEFORE_THE_SPLIT)
    old = yearly.approve_report(YearlyReport.objects.get(pk=report.pk), by=personas.county_a)

    rows = next(
        b.rows
        for b in export.kommun_report_document(old).blocks
        if b.kind == "table" and b.header[0] == "Fråga"
    )

    assert YearlyReport.objects.get(pk=old.pk).answers == ANSWERS_BEFORE_THE_SPLIT
    assert ["Rådet har med regionen och civilsamhället", "Nej", "–"] in rows
    assert [row[0] for row in rows if row[0].startswith("Rådet")] == [
        "Rådet har med regionen och civilsamhället"
    ]


def test_old_and_new_reports_side_by_side_each_answer_what_they_were_asked(personas):
    council_with(personas, civil_society(personas))
    new = submitted(personas)
    old = YearlyReport(kommun=personas.kommun_b, status="godkand", answers=ANSWERS_BEFORE_THE_SPLIT)
    rows = [overview._row(personas.kommun_a, new), overview._row(personas.kommun_b, old)]

    header, body = overview.kommun_table(rows)
    shares = {share.measure.key: (share.yes, share.of) for share in overview.shares(rows)}

    columns = header[-3:]
    assert columns == [
        "Rådet har med regionen",
        "Rådet har med civilsamhället",
        "Rådet har med regionen och civilsamhället",
    ]
    assert [row[-3:] for row in body] == [["Nej", "Ja", "–"], ["–", "–", "Nej"]]
    assert shares["council_civil_society"] == (1, 1)
    assert shares["council_region_civil_society"] == (0, 1)
    assert shares["coordination_function"] == (0, 2)
