"""Problems come from the lägesbild or are entered directly; the matrix and decision are kept."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from forebygg.lagesbild.domain import add_problem_candidate, draft_lagesbild
from forebygg.plans.domain.problems import (
    add_cause,
    add_hypothesis,
    cause_tree,
    create_problem,
    decide_priority,
    score_problem,
)
from forebygg.plans.enums import Priority


def test_a_problem_taken_from_a_candidate_links_the_lagesbild_version_and_evidence(personas):
    by = personas.coordinator_a
    lagesbild = draft_lagesbild(personas.kommun_a, by=by)
    candidate = add_problem_candidate(
        lagesbild, title="Skadegörelse i centrum", evidence="Ökar sedan 2022", by=by
    )
    problem = create_problem(personas.kommun_a, by=by, title="", candidate=candidate)
    assert problem.title == "Skadegörelse i centrum"
    assert problem.lagesbild == lagesbild
    assert "Ökar sedan 2022" in problem.evidence_text
    assert "version 1" in problem.evidence_text


def test_a_candidate_of_another_kommun_is_refused(personas):
    coordinator_b = personas.kommun_b  # the candidate belongs to B, the coordinator works in A
    other = draft_lagesbild(coordinator_b, by=_coordinator_of_b())
    candidate = add_problem_candidate(other, title="B:s problem", by=_coordinator_of_b())
    with pytest.raises(ValidationError, match="annan kommun"):
        create_problem(personas.kommun_a, by=personas.coordinator_a, title="", candidate=candidate)


def _coordinator_of_b():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="bertil")


def test_only_the_coordinator_creates_problems(personas):
    with pytest.raises(PermissionDenied):
        create_problem(personas.kommun_a, by=personas.partner_a, title="Något")


def test_the_matrix_keeps_scores_per_criterion_and_sums_problem_and_filter_criteria(personas):
    problem = create_problem(personas.kommun_a, by=personas.coordinator_a, title="Rån")
    score_problem(
        problem,
        scores={"vanligt": 3, "okande": 2, "signal": None, "resurser": 1, "kostnad": 2},
        by=personas.coordinator_a,
    )
    problem.refresh_from_db()
    assert problem.scores == {"vanligt": 3, "okande": 2, "resurser": 1, "kostnad": 2}
    assert (problem.problem_score, problem.filter_score) == (5, 3)


@pytest.mark.parametrize("bad", [{"vanligt": 4}, {"vanligt": -1}, {"okänt": 1}, {"vanligt": "2"}])
def test_a_score_outside_0_to_3_or_an_unknown_criterion_is_refused(personas, bad):
    problem = create_problem(personas.kommun_a, by=personas.coordinator_a, title="Rån")
    with pytest.raises(ValidationError):
        score_problem(problem, scores=bad, by=personas.coordinator_a)
    problem.refresh_from_db()
    assert problem.scores == {}


def test_setting_a_problem_aside_requires_a_reason_and_is_recorded(personas):
    problem = create_problem(personas.kommun_a, by=personas.coordinator_a, title="Cykelstölder")
    with pytest.raises(ValidationError, match="Motivera"):
        decide_priority(problem, priority=Priority.SET_ASIDE, reason=" ", by=personas.coordinator_a)
    decide_priority(
        problem,
        priority=Priority.SET_ASIDE,
        reason="Polisen driver redan",
        by=personas.coordinator_a,
    )
    problem.refresh_from_db()
    assert problem.priority == Priority.SET_ASIDE
    assert problem.priority_reason == "Polisen driver redan"
    assert problem.priority_decided_at is not None
    assert problem.history.first().history_user == personas.coordinator_a


def test_causes_form_a_tree_with_event_chains_in_order(personas):
    by = personas.coordinator_a
    problem = create_problem(personas.kommun_a, by=by, title="Mopedbuskörning")
    need = add_cause(problem, perspective="gärningsperson", text="Behov av moped", by=by)
    add_cause(problem, perspective="gärningsperson", text="Skaffar moped", by=by, parent=need)
    add_cause(problem, perspective="situationellt", text="Trimmar mopeden", by=by, parent=need)
    add_cause(problem, perspective="offer", text="Boende utan skydd", by=by)
    tree = cause_tree(problem)
    assert [node["cause"].text for node in tree] == ["Behov av moped", "Boende utan skydd"]
    assert [c["cause"].text for c in tree[0]["children"]] == ["Skaffar moped", "Trimmar mopeden"]


def test_a_cause_needs_a_perspective_of_the_crime_triangle_and_a_parent_of_the_same_problem(
    personas,
):
    by = personas.coordinator_a
    first = create_problem(personas.kommun_a, by=by, title="Ett")
    second = create_problem(personas.kommun_a, by=by, title="Två")
    with pytest.raises(ValidationError, match="perspektiv"):
        add_cause(first, perspective="ekonomiskt", text="X", by=by)
    parent = add_cause(first, perspective="offer", text="X", by=by)
    with pytest.raises(ValidationError, match="annat problem"):
        add_cause(second, perspective="offer", text="Y", by=by, parent=parent)


def test_hypotheses_carry_their_evidence_and_status(personas):
    by = personas.coordinator_a
    problem = create_problem(personas.kommun_a, by=by, title="Rån")
    hypothesis = add_hypothesis(
        problem, text="Rånen sker nära stationen", evidence="Polisens kartor", status="stods", by=by
    )
    assert hypothesis.get_status_display() == "Stöds av underlaget"


def test_a_problem_links_indicators_areas_and_sources_but_never_another_kommuns_local_data(
    personas,
):
    from forebygg.geo.models import Area
    from forebygg.stats.models import DataSource, Indicator

    by = personas.coordinator_a
    indicator = Indicator.objects.create(
        key="lokal.otrygghet", name_sv="Otrygghet", name_en="Unsafety", unit="procent", formula="x"
    )
    area = Area.objects.create(code="jkpg-centrum", name="Centrum", kind="district",
                               kommun=personas.kommun_a)  # fmt: skip
    national = DataSource.objects.filter(kommun__isnull=True).first()
    problem = create_problem(personas.kommun_a, by=by, title="Otrygghet i centrum",
                             indicators=[indicator], areas=[area], sources=[national])  # fmt: skip
    assert list(problem.indicators.all()) == [indicator]
    assert list(problem.areas.all()) == [area]
    assert list(problem.sources.all()) == [national]
    malmo_local = DataSource.objects.create(
        key="malmo-enkat", name="Malmös enkät", publisher="Malmö", licence="-", attribution="-",
        file="-", coverage="-", status="local", kommun=personas.kommun_b,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="annan kommuns"):
        create_problem(personas.kommun_a, by=by, title="X", sources=[malmo_local])
