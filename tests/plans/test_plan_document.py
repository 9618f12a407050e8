"""The åtgärdsplan as a decision document: Word and tagged PDF walk problem → cause → measure
→ target, and say who does what, with whom, how, when and at what cost."""

import shutil
from datetime import date
from decimal import Decimal

import pytest

from forebygg.core.documents import render_docx, render_pdf
from forebygg.lagesbild.models import Lagesbild
from forebygg.plans.domain.planning import decide_plan, save_measure
from forebygg.plans.interfaces.plan_document import plan_document
from forebygg.plans.models import Problem
from tests.document_text import (
    docx_headings,
    docx_lines,
    docx_of,
    found_in_order,
    pdf_is_tagged,
    pdf_text,
)

CHAIN = [
    "Bostadsinbrott i villaområden",  # the problem
    "Få vuxna ute dagtid",  # its cause
    "Å1 Grannsamverkan",  # the measure against it
    "Andel som känner sig trygga (lokal enkät)",  # the measure's target
]


@pytest.fixture
def decided_plan(chain, personas):
    by = personas.coordinator_a
    chain.problem.description = "## Var\nVillaområdena i söder\nfrämst dagtid"
    chain.problem.evidence_text = "Anmälningarna har ökat tre år i rad"
    chain.problem.save()
    save_measure(
        chain.plan, by=by, measure=chain.measure, causes=[chain.cause],
        partners=[personas.region], title="Grannsamverkan", type="situationell",
        horizon="kort", owner=personas.police_a, method_text="Grannsamverkan enligt polisen",
        start=date(2027, 1, 1), end=date(2028, 12, 31), cost=Decimal("125000"),
        funding="statsbidrag", description="- Utbilda kontaktpersoner\n- Skylta områdena",
    )  # fmt: skip
    return decide_plan(chain.plan, body="Kommunfullmäktige", decided_on=date(2026, 11, 1),
                       reference="KS 2026/41", by=by)  # fmt: skip


def document_for(plan, personas):
    reader = personas.coordinator_a
    return plan_document(
        plan,
        problems=Problem.objects.visible_to(reader).in_kommun(plan.kommun),
        lagesbild=Lagesbild.objects.visible_to(reader).filter(pk=plan.lagesbild_id).first(),
    )


def test_the_word_document_walks_the_chain_in_order(decided_plan, personas):
    document = docx_of(render_docx(document_for(decided_plan, personas)))
    lines = docx_lines(document)

    assert found_in_order(lines, CHAIN) == CHAIN
    assert docx_headings(document) == [
        "Åtgärdsplan för Jönköpings kommun",
        "Bakgrund: lägesbilden",
        "Analys (§ 4 p. 3)",  # the lägesbild's analysis, written before it was decided
        "Prioriterade problem och deras orsaker",
        "Bostadsinbrott i villaområden",
        "Var",
        "Åtgärder",
        "Å1 Grannsamverkan",
        "Genomförande",
        "Sammanställning",
        "Uppföljning",
    ]


def test_each_measure_says_cause_owner_partners_method_period_cost_and_funding(
    decided_plan, personas
):
    document = docx_of(render_docx(document_for(decided_plan, personas)))
    fields = {row.cells[0].text: row.cells[1].text for row in document.tables[2].rows}

    assert fields == {
        "Orsak som åtgärden angriper": "Bostadsinbrott i villaområden: Få vuxna ute dagtid",
        "Ansvarig": "Lokalpolisområde Jönköping",
        "Samverkansparter": personas.region.name,
        "Typ": "Situationell, kort sikt",
        "Område": "Hela kommunen",
        "Metod": "Grannsamverkan enligt polisen",
        "Period": "2027-01-01 – 2028-12-31",
        "Kostnad": "125\u00a0000 kr",
        "Finansiering": "Statsbidrag",
    }


def test_the_decision_is_stated_with_body_date_and_diarienummer(decided_plan, personas):
    document = docx_of(render_docx(document_for(decided_plan, personas)))
    decision = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}

    assert decision == {
        "Beslutande organ": "Kommunfullmäktige",
        "Beslutsdatum": "2026-11-01",
        "Diarienummer": "KS 2026/41",
    }


def test_the_problem_text_is_rendered_and_its_evidence_shown(decided_plan, personas):
    lines = docx_lines(docx_of(render_docx(document_for(decided_plan, personas))))

    assert found_in_order(lines, ["Villaområdena i söder", "Underlag: Anmälningarna"]) == [
        "Villaområdena i söder",
        "Underlag: Anmälningarna",
    ]
    assert [line for line in lines if "##" in line] == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) saknas")
def test_the_pdf_is_tagged_and_walks_the_same_chain(decided_plan, personas, tmp_path):
    content = render_pdf(document_for(decided_plan, personas))
    text = pdf_text(content, tmp_path)

    assert pdf_is_tagged(content, tmp_path) is True
    assert found_in_order(text, CHAIN) == CHAIN
    assert found_in_order(text, ["Kostnad", "125 000 kr", "Summa", "125 000 kr"]) == [
        "Kostnad", "125 000 kr", "Summa", "125 000 kr",
    ]  # fmt: skip
    assert "Sida 1 av" in text
    assert "##" not in text


def test_a_reader_who_may_not_see_the_problem_gets_only_what_the_plan_holds(decided_plan, personas):
    """The problem's own text is the kommun's working material; the plan names the chain."""
    document = plan_document(decided_plan, problems=Problem.objects.none(), lagesbild=None)
    lines = docx_lines(docx_of(render_docx(document)))

    assert found_in_order(lines, CHAIN) == CHAIN
    assert [line for line in lines if "Anmälningarna" in line or "Villaområdena" in line] == []
