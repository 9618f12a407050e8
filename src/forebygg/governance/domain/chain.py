"""The chain of work: lägesbild → problems → plan → follow-up, each step's state and what is next.

The workspace home shows it. Each step reads the kommun's own data (so only staff should be
shown it) and names its next action as a `ChainAction` with a key; the page turns the action
into a link or a button, so this module knows no audience's URLs. The § 6 dates come from the
same functions the compliance rules R4 and R7 use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from forebygg.governance.enums import ChainAction, ChainStep, StepState
from forebygg.lagesbild.domain import latest_decided, update_due
from forebygg.lagesbild.enums import LagesbildStatus
from forebygg.lagesbild.models import Lagesbild
from forebygg.plans.domain.followup import follow_up_due, last_follow_up_on
from forebygg.plans.domain.planning import draft_of, latest_decided_plan
from forebygg.plans.models import Problem


@dataclass(frozen=True)
class NextAction:
    action: ChainAction
    label: str
    key: int | None = None
    measure_key: str = ""


@dataclass(frozen=True)
class Step:
    step: ChainStep
    state: StepState
    summary: str
    action: NextAction | None = None
    due: date | None = None  # the § 6 date the step must be renewed by, where the law sets one

    @property
    def label(self) -> str:
        return ChainStep(self.step).label

    @property
    def state_label(self) -> str:
        return StepState(self.state).label


@dataclass(frozen=True)
class Chain:
    steps: list[Step] = field(default_factory=list)

    @property
    def next(self) -> NextAction | None:
        """The first action of the first step that is not done, in the order of the chain."""
        return next((s.action for s in self.steps if s.state != StepState.DONE and s.action), None)

    @property
    def is_empty(self) -> bool:
        """Nothing done or begun yet: a kommun that should see the start checklist."""
        return all(s.state == StepState.NOT_STARTED for s in self.steps)

    @property
    def deadlines(self) -> list[Step]:
        """The steps with a § 6 date, soonest first."""
        return sorted((s for s in self.steps if s.due), key=lambda s: s.due)


def chain_of(kommun, *, today: date | None = None) -> Chain:
    today = today or timezone.localdate()
    return Chain([
        _lagesbild_step(kommun, today),
        _problems_step(kommun),
        _plan_step(kommun),
        _follow_up_step(kommun, today),
    ])  # fmt: skip


def _lagesbild_step(kommun, today: date) -> Step:
    decided = latest_decided(kommun)
    draft = (
        Lagesbild.objects.filter(kommun=kommun, status=LagesbildStatus.DRAFT)
        .order_by("-number")
        .first()
    )
    if draft is not None:
        action = NextAction(
            ChainAction.DECIDE_LAGESBILD,
            _("Gör klart och fastställ lägesbild version %(number)s") % {"number": draft.number},
            key=draft.number,
        )
    else:
        action = NextAction(ChainAction.CREATE_LAGESBILD, _("Skapa ett utkast till lägesbild"))
    if decided is None:
        if draft is None:
            return Step(
                ChainStep.LAGESBILD, StepState.NOT_STARTED, _("Ingen lägesbild ännu."), action
            )
        return Step(
            ChainStep.LAGESBILD,
            StepState.IN_PROGRESS,
            _("Version %(number)s är ett utkast.") % {"number": draft.number},
            action,
        )
    due = update_due(decided)
    summary = _("Version %(number)s fastställd %(date)s.") % {
        "number": decided.number,
        "date": decided.decided_at.date().isoformat(),
    }
    if today > due:
        return Step(ChainStep.LAGESBILD, StepState.OVERDUE, summary, action, due)
    return Step(ChainStep.LAGESBILD, StepState.DONE, summary, due=due)


def _problems_step(kommun) -> Step:
    problems = Problem.objects.filter(kommun=kommun).annotate(cause_count=Count("causes"))
    counts = [problem.cause_count for problem in problems]
    add = NextAction(ChainAction.ADD_PROBLEM, _("Lägg till ett problem och dess orsak"))
    if not counts:
        return Step(ChainStep.PROBLEMS, StepState.NOT_STARTED, _("Inga problem ännu."), add)
    summary = _("%(problems)s problem, %(causes)s orsaker.") % {
        "problems": len(counts),
        "causes": sum(counts),
    }
    without_cause = next((p for p in problems.order_by("pk") if p.cause_count == 0), None)
    if without_cause is None:
        return Step(ChainStep.PROBLEMS, StepState.DONE, summary, add)
    action = NextAction(
        ChainAction.ADD_CAUSE,
        _("Analysera orsakerna till ”%(title)s”") % {"title": without_cause.title},
        key=without_cause.pk,
    )
    return Step(ChainStep.PROBLEMS, StepState.IN_PROGRESS, summary, action)


def _plan_step(kommun) -> Step:
    draft = draft_of(kommun)
    if draft is not None:
        return _draft_plan_step(draft)
    decided = latest_decided_plan(kommun)
    if decided is not None:
        summary = _("Version %(number)s beslutad %(date)s av %(body)s.") % {
            "number": decided.number,
            "date": decided.decided_on.isoformat(),
            "body": decided.decided_body,
        }
        return Step(ChainStep.PLAN, StepState.DONE, summary)
    if latest_decided(kommun) is None:
        return Step(
            ChainStep.PLAN,
            StepState.NOT_STARTED,
            _("Planen bygger på en fastställd lägesbild (§ 5)."),
        )
    action = NextAction(ChainAction.CREATE_PLAN, _("Skapa ett utkast till åtgärdsplan"))
    return Step(ChainStep.PLAN, StepState.NOT_STARTED, _("Ingen åtgärdsplan ännu."), action)


def _draft_plan_step(draft) -> Step:
    measures = list(draft.measures.annotate(target_count=Count("targets")).order_by("key"))
    summary = _("Utkast version %(number)s med %(count)s åtgärder.") % {
        "number": draft.number,
        "count": len(measures),
    }
    without_target = next((m for m in measures if m.target_count == 0), None)
    if not measures:
        action = NextAction(ChainAction.ADD_MEASURE, _("Lägg till åtgärder"), key=draft.number)
    elif without_target is not None:
        action = NextAction(
            ChainAction.ADD_TARGET,
            _("Sätt ett mål för åtgärd %(key)s %(title)s")
            % {"key": without_target.key, "title": without_target.title},
            key=draft.number,
            measure_key=without_target.key,
        )
    else:
        action = NextAction(
            ChainAction.DECIDE_PLAN, _("Låt åtgärdsplanen beslutas"), key=draft.number
        )
    return Step(ChainStep.PLAN, StepState.IN_PROGRESS, summary, action)


def _follow_up_step(kommun, today: date) -> Step:
    plan = latest_decided_plan(kommun)
    if plan is None:
        return Step(
            ChainStep.FOLLOW_UP,
            StepState.NOT_STARTED,
            _("Följs upp när en åtgärdsplan är beslutad."),
        )
    due = follow_up_due(plan)
    last = last_follow_up_on(plan)
    action = NextAction(
        ChainAction.FOLLOW_UP,
        _("Följ upp åtgärdsplan version %(number)s") % {"number": plan.number},
        key=plan.number,
    )
    if today > due:
        return Step(
            ChainStep.FOLLOW_UP, StepState.OVERDUE, _("Uppföljningen är försenad."), action, due
        )
    if last is None:
        return Step(
            ChainStep.FOLLOW_UP, StepState.NOT_STARTED, _("Inte uppföljd ännu."), action, due
        )
    summary = _("Senast uppföljd %(date)s.") % {"date": last.isoformat()}
    return Step(ChainStep.FOLLOW_UP, StepState.DONE, summary, action, due)
