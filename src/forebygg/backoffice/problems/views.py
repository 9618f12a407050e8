"""Problems, the prioritisation matrix and the cause analysis: thin views over plans.domain."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forebygg.backoffice.entry import coordinator_kommun_or_404, workspace_kommun_or_404
from forebygg.backoffice.plans import forms
from forebygg.core.views import form_errors, show_errors
from forebygg.orgs.access import can_edit_kommun, get_for_user
from forebygg.plans.domain import problems as domain
from forebygg.plans.models import FILTER_CRITERIA, PROBLEM_CRITERIA, Criterion, Problem


def _problem(request, kommun, pk, *, for_edit=False) -> Problem:
    return get_for_user(Problem.objects, request.user, for_edit=for_edit, kommun=kommun, pk=pk)


@login_required
def index(request, code):
    kommun = workspace_kommun_or_404(request, code)
    problems = Problem.objects.visible_to(request.user).filter(kommun=kommun)
    return render(
        request,
        "backoffice/plans/problems.html",
        {
            "kommun": kommun,
            "problems": problems,
            "problem_criteria": [Criterion(c) for c in PROBLEM_CRITERIA],
            "filter_criteria": [Criterion(c) for c in FILTER_CRITERIA],
            "can_edit": can_edit_kommun(request.user, kommun),
            "form": forms.ProblemForm(kommun=kommun),
        },
    )


@login_required
@require_POST
def create(request, code):
    kommun = coordinator_kommun_or_404(request, code)
    form = forms.ProblemForm(request.POST, kommun=kommun)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("backoffice:problems", code=code)
    try:
        problem = domain.create_problem(kommun, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        show_errors(request, error)
        return redirect("backoffice:problems", code=code)
    messages.success(request, _("Problemet är tillagt."))
    return redirect("backoffice:problem", code=code, pk=problem.pk)


@login_required
def detail(request, code, pk):
    kommun = workspace_kommun_or_404(request, code)
    problem = _problem(request, kommun, pk)
    return render(
        request,
        "backoffice/plans/problem.html",
        {
            "kommun": kommun,
            "problem": problem,
            "can_edit": can_edit_kommun(request.user, kommun),
            "tree": domain.cause_tree(problem),
            "score_form": forms.ScoreForm(problem=problem),
            "priority_form": forms.PriorityForm(
                initial={"priority": problem.priority, "reason": problem.priority_reason}
            ),
            "cause_form": forms.CauseForm(problem=problem),
            "hypothesis_form": forms.HypothesisForm(),
            "unknowns_form": forms.UnknownsForm(initial={"text": problem.unknowns}),
            "measures": problem.causes.values_list(
                "measures__plan__number", "measures__key", "measures__title"
            )
            .exclude(measures=None)
            .distinct(),
        },
    )


def _problem_action(form_class, action, success: str, *, needs_problem_in_form=False):
    """A POST that validates one form and calls one domain function on the problem."""

    @login_required
    @require_POST
    def view(request, code, pk):
        kommun = workspace_kommun_or_404(request, code)
        problem = _problem(request, kommun, pk, for_edit=True)
        extra = {"problem": problem} if needs_problem_in_form else {}
        form = form_class(request.POST, **extra)
        if not form.is_valid():
            form_errors(request, form)
        else:
            try:
                action(problem, form.cleaned_data, request.user)
                messages.success(request, success)
            except ValidationError as error:
                show_errors(request, error)
        return redirect("backoffice:problem", code=code, pk=pk)

    return view


score = _problem_action(
    forms.ScoreForm,
    lambda problem, data, by: domain.score_problem(problem, scores=data, by=by),
    _("Bedömningen är sparad."),
    needs_problem_in_form=True,
)
decide = _problem_action(
    forms.PriorityForm,
    lambda problem, data, by: domain.decide_priority(problem, by=by, **data),
    _("Beslutet är sparat."),
)
add_cause = _problem_action(
    forms.CauseForm,
    lambda problem, data, by: domain.add_cause(problem, by=by, **data),
    _("Orsaken är tillagd."),
    needs_problem_in_form=True,
)
add_hypothesis = _problem_action(
    forms.HypothesisForm,
    lambda problem, data, by: domain.add_hypothesis(problem, by=by, **data),
    _("Hypotesen är tillagd."),
)
record_unknowns = _problem_action(
    forms.UnknownsForm,
    lambda problem, data, by: domain.record_unknowns(problem, by=by, **data),
    _("Sparat."),
)
