"""A lägesbild is decided only when § 4 p. 1–3 and the consequences are written.

A section holding only the guidance a draft starts with is unwritten, in either language: the
same test (`is_written`) the compliance rule R2 applies.
"""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from forebygg.governance.domain.compliance import check_compliance
from forebygg.lagesbild import domain
from forebygg.lagesbild.enums import LagesbildStatus
from forebygg.lagesbild.models import Lagesbild
from tests.lagesbild_decision import DECIDED_ON, REFERENCE, write_required_parts

GUIDED_PARTS = [
    "Annan relevant information (§ 4 p. 2)",
    "Analys (§ 4 p. 3)",
    "Brottslighetens konsekvenser (§ 4 p. 1)",
]


def decide(lagesbild, by):
    return domain.decide_lagesbild(
        lagesbild, by=by, body="Kommunstyrelsen", decided_on=DECIDED_ON, reference=REFERENCE
    )


def refusal(lagesbild, by) -> list[str]:
    with pytest.raises(ValidationError) as error:
        decide(lagesbild, by)
    return error.value.messages


@pytest.fixture
def draft(personas, crime_statistics):
    return domain.draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)


def test_a_draft_straight_from_the_statistics_is_refused_naming_the_guided_parts(draft, personas):
    messages = refusal(draft, personas.coordinator_a)

    assert messages == [
        "Lägesbilden saknar delar som lagen kräver: "
        + ", ".join(GUIDED_PARTS)
        + ". Ett avsnitt med bara mallens hjälptext räknas som oskrivet."
    ]
    stored = Lagesbild.objects.get(pk=draft.pk)
    assert (stored.status, stored.decided_at, stored.content_hash) == (
        LagesbildStatus.DRAFT,
        None,
        "",
    )


def test_the_consequences_alone_left_as_guidance_are_enough_to_refuse(draft, personas):
    by = personas.coordinator_a
    write_required_parts(draft, by=by)
    guidance = domain.section_prompts()["consequences"]
    domain.update_section(draft, key="consequences", text=guidance, by=by)

    assert domain.unwritten_parts(draft) == ["Brottslighetens konsekvenser (§ 4 p. 1)"]
    assert len(refusal(draft, by)) == 1


def test_guidance_in_english_counts_as_unwritten_too(draft, personas):
    by = personas.coordinator_a
    write_required_parts(draft, by=by)
    with translation.override("en"):
        english = domain.section_prompts()["analysis"]
    domain.update_section(draft, key="analysis", text=english, by=by)

    assert domain.unwritten_parts(draft) == ["Analys (§ 4 p. 3)"]


def test_a_mapping_that_only_says_there_are_no_statistics_is_unwritten():
    no_data = Lagesbild(sections={"mapping": "Ingen brottsstatistik är inläst för kommunen ännu."})
    own = Lagesbild(sections={"mapping": "Polisens lägesbild visar fler inbrott i söder."})

    assert (domain.is_written(no_data, "mapping"), domain.is_written(own, "mapping")) == (
        False,
        True,
    )


def test_an_emptied_part_is_refused(draft, personas):
    by = personas.coordinator_a
    write_required_parts(draft, by=by)
    domain.update_section(draft, key="context", text="   ", by=by)

    assert domain.unwritten_parts(draft) == ["Annan relevant information (§ 4 p. 2)"]


def test_the_compliance_rule_names_the_same_legal_parts_as_the_refusal(draft, personas):
    r2 = {r.code: r for r in check_compliance(personas.kommun_a)}["R2"]

    assert r2.status == "saknas"
    assert r2.finding == (
        "Inte skrivet (bara tomt eller mallens hjälptext): "
        "Annan relevant information (§ 4 p. 2), Analys (§ 4 p. 3)."
    )


def test_with_every_required_part_written_it_is_decided(draft, personas):
    by = personas.coordinator_a
    write_required_parts(draft, by=by)

    decided = decide(draft, by)

    assert decided.status == LagesbildStatus.DECIDED
    assert domain.unwritten_parts(decided) == []
