"""Problems: from the lägesbild or entered directly, prioritised with Brå's matrix, analysed."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forebygg.core.models import save_as
from forebygg.geo.models import Area
from forebygg.lagesbild.models import ProblemCandidate
from forebygg.plans.domain import require_coordinator
from forebygg.plans.enums import Criterion, HypothesisStatus, Perspective, Priority
from forebygg.plans.models import MAX_SCORE, Cause, Hypothesis, Problem


@transaction.atomic
def create_problem(
    kommun,
    *,
    by,
    title: str,
    description: str = "",
    candidate: ProblemCandidate | None = None,
    evidence_text: str = "",
    indicators=(),
    areas=(),
    sources=(),
    first_cause: str = "",
    first_cause_perspective: str = "",
) -> Problem:
    """A problem entered directly, or taken over from a lägesbild's problem candidate.

    A first cause may come with it: both are written, or neither.
    """
    require_coordinator(by, kommun)
    lagesbild = None
    if candidate is not None:
        if candidate.lagesbild.kommun_id != kommun.pk:
            raise ValidationError(_("Problemkandidaten hör till en annan kommun."))
        lagesbild = candidate.lagesbild
        title = title or candidate.title
        description = description or candidate.description
        evidence_text = evidence_text or _evidence_of(candidate)
    if not title.strip():
        raise ValidationError(_("Ange problemet."))
    foreign_areas = [area for area in areas if area.kommun_id != kommun.pk]
    if foreign_areas:
        raise ValidationError(
            _("Området %(area)s ligger inte i kommunen.") % {"area": foreign_areas[0]}
        )
    if any(source.kommun_id not in (None, kommun.pk) for source in sources):
        raise ValidationError(_("Källan är en annan kommuns lokala data."))
    problem = save_as(
        Problem(
            kommun=kommun,
            title=title.strip(),
            description=description.strip(),
            candidate=candidate,
            lagesbild=lagesbild,
            evidence_text=evidence_text.strip(),
        ),
        by=by,
        links={"indicators": indicators, "areas": areas, "sources": sources},
    )
    if first_cause.strip() or first_cause_perspective:
        add_cause(problem, perspective=first_cause_perspective, text=first_cause, by=by)
    return problem


def _evidence_of(candidate: ProblemCandidate) -> str:
    figures = {f["id"]: f for f in candidate.lagesbild.snapshot.get("figures", [])}
    figure = figures.get(candidate.evidence_figure)
    parts = [candidate.evidence_text]
    if figure:
        parts.append(f"{figure['title']} ({figure['source']}, {figure['period']})")
    parts.append(_("Lägesbild version %(number)s") % {"number": candidate.lagesbild.number})
    return ". ".join(part for part in parts if part)


@transaction.atomic
def score_problem(problem: Problem, *, scores: dict[str, int | None], by) -> Problem:
    """Fill in the prioritisation matrix: 0–3 per criterion, or empty when not assessed."""
    require_coordinator(by, problem.kommun)
    known = set(Criterion.values)
    cleaned = {}
    for criterion, value in scores.items():
        if criterion not in known:
            raise ValidationError(_("Okänt kriterium: %(name)s.") % {"name": criterion})
        if value is None or value == "":
            continue
        if not isinstance(value, int) or not 0 <= value <= MAX_SCORE:
            raise ValidationError(
                _("Bedömningen ska vara ett heltal 0–%(max)s.") % {"max": MAX_SCORE}
            )
        cleaned[criterion] = value
    problem.scores = cleaned
    return save_as(problem, by=by, reason="Prioriteringsmatris")


@transaction.atomic
def decide_priority(problem: Problem, *, priority: str, reason: str, by) -> Problem:
    """Record the decision, including problems deliberately left aside and why."""
    require_coordinator(by, problem.kommun)
    if priority not in Priority.values:
        raise ValidationError(_("Okänt beslut."))
    if priority == Priority.SET_ASIDE and not reason.strip():
        raise ValidationError(_("Motivera varför problemet väljs bort."))
    problem.priority = priority
    problem.priority_reason = reason.strip()
    problem.priority_decided_at = None if priority == Priority.UNDECIDED else timezone.now()
    return save_as(problem, by=by, reason=f"Beslut: {priority}")


@transaction.atomic
def add_cause(problem: Problem, *, perspective: str, text: str, by, parent: Cause | None = None):
    require_coordinator(by, problem.kommun)
    if perspective not in Perspective.values:
        raise ValidationError(_("Välj perspektiv: situationellt, offer eller gärningsperson."))
    if not text.strip():
        raise ValidationError(_("Beskriv orsaken."))
    if parent is not None and parent.problem_id != problem.pk:
        raise ValidationError(_("Den överordnade orsaken hör till ett annat problem."))
    siblings = problem.causes.filter(parent=parent)
    position = (siblings.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    cause = Cause(problem=problem, parent=parent, perspective=perspective, text=text.strip())
    cause.position = position
    return save_as(cause, by=by)


@transaction.atomic
def add_hypothesis(problem: Problem, *, text: str, evidence: str, by, status=HypothesisStatus.OPEN):
    require_coordinator(by, problem.kommun)
    if not text.strip():
        raise ValidationError(_("Skriv hypotesen."))
    if status not in HypothesisStatus.values:
        raise ValidationError(_("Okänd status för hypotesen."))
    return save_as(
        Hypothesis(problem=problem, text=text.strip(), evidence=evidence.strip(), status=status),
        by=by,
    )


@transaction.atomic
def record_unknowns(problem: Problem, *, text: str, by) -> Problem:
    require_coordinator(by, problem.kommun)
    problem.unknowns = text.strip()
    return save_as(problem, by=by, reason="Det vi inte vet")


def cause_tree(problem: Problem) -> list[dict]:
    """Causes nested under their parents: [{"cause": Cause, "children": [...]}, ...]."""
    causes = list(problem.causes.all())
    children: dict[int | None, list[Cause]] = {}
    for cause in causes:
        children.setdefault(cause.parent_id, []).append(cause)

    def branch(parent_id):
        return [
            {"cause": cause, "children": branch(cause.pk)} for cause in children.get(parent_id, [])
        ]

    return branch(None)


def kommun_areas(kommun):
    return Area.objects.filter(kommun=kommun).order_by("name")
