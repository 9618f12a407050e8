"""Brå's follow-up questions as the yearly report answers them, each with its evidence.

A question is answered from the facts stored in the report's content. The answers are
computed once, when the kommun submits the report, and kept in `YearlyReport.answers`: a
report the county has received keeps the answers it was sent with, even after the questions
change. `QUESTIONS` are asked in reports submitted now; `RETIRED` ones only survive in
reports submitted before they were replaced, and are listed here for their labels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy

from forebygg.orgs.enums import OrganisationType

T = OrganisationType
CIVIL_SOCIETY = {T.CIVIL_SOCIETY, T.FAITH}


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    test: Callable[[dict], bool]
    evidence: Callable[[dict], list[str]] = lambda facts: []


def _type_label(value: str) -> str:
    try:
        return str(OrganisationType(value).label)
    except ValueError:
        return value


def _name(organisation: dict) -> str:
    """The organisation's name; a report drafted before names were stored gives its type."""
    return organisation.get("name") or _type_label(organisation["type"])


def _council_members(facts: dict) -> list[dict]:
    if "council_members" in facts:
        return facts["council_members"]
    return [{"type": value} for value in facts.get("council_member_types", [])]


def _agreement_parties(facts: dict) -> list[dict]:
    if "agreement_parties" in facts:
        return facts["agreement_parties"]
    return [{"type": value} for value in facts.get("agreement_party_types", [])]


def _party(*types) -> Callable[[dict], bool]:
    return lambda facts: bool(set(facts.get("agreement_party_types", [])) & set(types))


def _party_evidence(*types) -> Callable[[dict], list[str]]:
    def party(organisation: dict) -> str:
        agreement = organisation.get("agreement")
        return f"{_name(organisation)} ({agreement})" if agreement else _name(organisation)

    return lambda facts: sorted({party(p) for p in _agreement_parties(facts) if p["type"] in types})


def _on_council(*types) -> Callable[[dict], bool]:
    return lambda facts: bool(set(facts.get("council_member_types", [])) & set(types))


def _council_evidence(*types) -> Callable[[dict], list[str]]:
    return lambda facts: sorted({_name(m) for m in _council_members(facts) if m["type"] in types})


def _fact(key: str) -> Callable[[dict], bool]:
    return lambda facts: bool(facts.get(key, False))


def _council_with_region_and_civil_society(facts: dict) -> bool:
    members = set(facts.get("council_member_types", []))
    return T.REGION in members and bool(members & CIVIL_SOCIETY)


QUESTIONS = [
    Question(
        "coordination_function",
        gettext_lazy("Har en samordningsfunktion"),
        _fact("coordination_function"),
    ),
    Question(
        "current_lagesbild",
        gettext_lazy("Har en lägesbild som är högst två år"),
        _fact("current_lagesbild"),
    ),
    Question("decided_plan", gettext_lazy("Har en beslutad åtgärdsplan"), _fact("decided_plan")),
    Question("followed_up", gettext_lazy("Har följt upp planen inom två år"), _fact("followed_up")),
    Question(
        "agreement_civil_society",
        gettext_lazy("Överenskommelse med civilsamhället"),
        _party(*CIVIL_SOCIETY),
        _party_evidence(*CIVIL_SOCIETY),
    ),
    Question(
        "agreement_region",
        gettext_lazy("Överenskommelse med regionen"),
        _party(T.REGION),
        _party_evidence(T.REGION),
    ),
    Question(
        "agreement_rescue",
        gettext_lazy("Överenskommelse med räddningstjänsten"),
        _party(T.RESCUE),
        _party_evidence(T.RESCUE),
    ),
    Question(
        "agreement_lansstyrelse",
        gettext_lazy("Överenskommelse med länsstyrelsen"),
        _party(T.LANSSTYRELSE),
        _party_evidence(T.LANSSTYRELSE),
    ),
    Question(
        "council_region",
        gettext_lazy("Rådet har med regionen"),
        _on_council(T.REGION),
        _council_evidence(T.REGION),
    ),
    Question(
        "council_civil_society",
        gettext_lazy("Rådet har med civilsamhället"),
        _on_council(*CIVIL_SOCIETY),
        _council_evidence(*CIVIL_SOCIETY),
    ),
]
# Asked until region and civil society became two questions; kept for reports sent with it.
RETIRED = [
    Question(
        "council_region_civil_society",
        gettext_lazy("Rådet har med regionen och civilsamhället"),
        _council_with_region_and_civil_society,
    ),
]
ALL = {question.key: question for question in [*QUESTIONS, *RETIRED]}
QUESTION_KEYS = [question.key for question in QUESTIONS]


def answer_all(content: dict) -> list[dict]:
    """The answers to today's questions from a report's stored content: what is frozen."""
    facts = content.get("facts", {})
    with translation.override("sv"):  # stored text is Swedish, as the rest of the content
        return [
            {"key": q.key, "answer": bool(q.test(facts)), "evidence": q.evidence(facts)}
            for q in QUESTIONS
        ]


def answers_of(report) -> list[dict]:
    """The answers the report was submitted with; a report never submitted is answered now."""
    return report.answers or answer_all(report.content)


def label_of(key: str) -> str:
    question = ALL.get(key)
    return str(question.label) if question else key


def keys_in(asked: set[str]) -> list[str]:
    """The columns for reports that were asked these questions: today's, then retired ones."""
    retired = [key for key in ALL if key not in QUESTION_KEYS and key in asked]
    return [*QUESTION_KEYS, *retired]
