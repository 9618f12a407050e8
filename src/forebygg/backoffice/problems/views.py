"""Problems, the prioritisation matrix and the cause analysis: thin views over plans.domain."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from forebygg.backoffice.entry import submit, workspace_view
from forebygg.backoffice.home.chain import THEN_WORKSPACE
from forebygg.backoffice.problems import forms
from forebygg.core.views import REFUSED, create_from_form
from forebygg.lagesbild.models import ProblemCandidate
from forebygg.orgs.enums import Level
from forebygg.plans.domain import problems as domain
from forebygg.plans.domain.proposals import propose_scores
from forebygg.plans.enums import Criterion
from forebygg.plans.models import FILTER_CRITERIA, PROBLEM_CRITERIA, Measure, Problem


def _problem(request, pk, *, for_edit=False) -> Problem:
    return request.workspace.get(Problem.objects, for_edit=for_edit, pk=pk)


def _problem_form(request, data=None, search="") -> forms.ProblemForm:
    ws = request.workspace
    return forms.ProblemForm(
        data, kommun=ws.kommun, candidates=ws.visible(ProblemCandidate.objects), search=search
    )


@workspace_view(Level.READER)
def index(request):
    ws = request.workspace
    search_form = forms.IndicatorSearchForm(request.GET)
    return render(
        request,
        "backoffice/plans/problems.html",
        {
            "kommun": ws.kommun,
            "problems": ws.visible(Problem.objects),
            "problem_criteria": [Criterion(c) for c in PROBLEM_CRITERIA],
            "filter_criteria": [Criterion(c) for c in FILTER_CRITERIA],
            "can_edit": ws.can_edit,
            "form": _problem_form(request, search=search_form.search()),
            "search_form": search_form,
        },
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def create(request):
    ws = request.workspace
    problem = create_from_form(
        request,
        _problem_form(request, request.POST),
        lambda data: domain.create_problem(ws.kommun, by=request.user, **data),
        success=_("Problemet är tillagt."),
    )
    if request.POST.get("then") == THEN_WORKSPACE:
        return redirect("backoffice:workspace", code=ws.code)
    if problem is REFUSED:
        return redirect("backoffice:problems", code=ws.code)
    return redirect("backoffice:problem", code=ws.code, pk=problem.pk)


@workspace_view(Level.READER)
def detail(request, pk):
    ws = request.workspace
    problem = _problem(request, pk)
    proposals = propose_scores(problem) if ws.can_edit else {}
    return render(
        request,
        "backoffice/plans/problem.html",
        {
            "kommun": ws.kommun,
            "problem": problem,
            "can_edit": ws.can_edit,
            "tree": domain.cause_tree(problem),
            "score_form": forms.ScoreForm(problem=problem, proposals=proposals),
            "proposals": proposals.values(),
            "priority_form": forms.PriorityForm(
                initial={"priority": problem.priority, "reason": problem.priority_reason}
            ),
            "cause_form": forms.CauseForm(problem=problem),
            "hypothesis_form": forms.HypothesisForm(),
            "unknowns_form": forms.UnknownsForm(initial={"text": problem.unknowns}),
            "measures": _measures_against(request, problem),
        },
    )


def _measures_against(request, problem):
    """(plan number, key, title) of the measures aimed at the problem's causes, as far as the
    reader sees their plans."""
    return (
        request.workspace.visible(Measure.objects)
        .filter(causes__problem=problem)
        .values_list("plan__number", "key", "title")
        .order_by("plan__number", "key")
        .distinct()
    )


# --- changes to one problem: each validates its form and calls one domain function ----------


@workspace_view(Level.COORDINATOR, methods=["POST"])
def score(request, pk):
    problem = _problem(request, pk, for_edit=True)
    return submit(
        request,
        forms.ScoreForm(request.POST, problem=problem),
        lambda data: domain.score_problem(problem, scores=data, by=request.user),
        success=_("Bedömningen är sparad."),
        then="backoffice:problem",
        pk=pk,
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def decide(request, pk):
    problem = _problem(request, pk, for_edit=True)
    return submit(
        request,
        forms.PriorityForm(request.POST),
        lambda data: domain.decide_priority(problem, by=request.user, **data),
        success=_("Beslutet är sparat."),
        then="backoffice:problem",
        pk=pk,
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def add_cause(request, pk):
    problem = _problem(request, pk, for_edit=True)
    return submit(
        request,
        forms.CauseForm(request.POST, problem=problem),
        lambda data: domain.add_cause(problem, by=request.user, **data),
        success=_("Orsaken är tillagd."),
        then="backoffice:problem",
        pk=pk,
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def add_hypothesis(request, pk):
    problem = _problem(request, pk, for_edit=True)
    return submit(
        request,
        forms.HypothesisForm(request.POST),
        lambda data: domain.add_hypothesis(problem, by=request.user, **data),
        success=_("Hypotesen är tillagd."),
        then="backoffice:problem",
        pk=pk,
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def record_unknowns(request, pk):
    problem = _problem(request, pk, for_edit=True)
    return submit(
        request,
        forms.UnknownsForm(request.POST),
        lambda data: domain.record_unknowns(problem, by=request.user, **data),
        success=_("Sparat."),
        then="backoffice:problem",
        pk=pk,
    )
