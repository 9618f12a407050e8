"""The chain's next actions as links and buttons of this workspace, and where a form goes next.

`governance.domain.chain` names each action; this module alone knows the pages behind them.
A form that is part of the chain may carry `then`, one of the values below, to go straight on to
the next step instead of back to its own page; any other value is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from forebygg.governance.domain.chain import NextAction
from forebygg.governance.enums import ChainAction

THEN_WORKSPACE = "arbetsyta"  # back to the workspace home
THEN_NEW_MEASURE = "ny-atgard"  # on to a new measure in the same plan
THEN_PLAN = "plan"  # on to the plan

# Actions that change something at once: shown as a button that posts, not as a link.
POSTED = {ChainAction.CREATE_LAGESBILD, ChainAction.CREATE_PLAN}


@dataclass(frozen=True)
class ActionLink:
    label: str
    url: str
    posts: bool


QUICK_PROBLEM_ANCHOR = "#nytt-problem"  # the workspace home's own short problem form


def action_link(code: str, action: NextAction) -> ActionLink:
    """The next step on the workspace home: the page to open, the URL a button posts to, or
    for a new problem the home's own short form."""
    if action.action == ChainAction.ADD_PROBLEM:
        return ActionLink(action.label, QUICK_PROBLEM_ANCHOR, False)
    return ActionLink(action.label, _url(code, action), action.action in POSTED)


def page_of(code: str, action: NextAction) -> ActionLink:
    """The page where the action is done; a posted action becomes the page that offers it."""
    if action.action == ChainAction.CREATE_LAGESBILD:
        return ActionLink(action.label, reverse("backoffice:lagesbild_index", args=[code]), False)
    if action.action == ChainAction.CREATE_PLAN:
        return ActionLink(action.label, reverse("backoffice:plans", args=[code]), False)
    return ActionLink(action.label, _url(code, action), False)


def _url(code: str, action: NextAction) -> str:
    kind, key = action.action, action.key
    match kind:
        case ChainAction.CREATE_LAGESBILD:
            return reverse("backoffice:lagesbild_create", args=[code])
        case ChainAction.DECIDE_LAGESBILD:
            return reverse("backoffice:lagesbild", args=[code, key]) + "#decide-heading"
        case ChainAction.ADD_PROBLEM:
            return reverse("backoffice:problems", args=[code])
        case ChainAction.ADD_CAUSE:
            return reverse("backoffice:problem", args=[code, key]) + "#causes-heading"
        case ChainAction.CREATE_PLAN:
            return reverse("backoffice:plan_create", args=[code])
        case ChainAction.ADD_MEASURE:
            return reverse("backoffice:measure_create", args=[code, key])
        case ChainAction.ADD_TARGET:
            return reverse("backoffice:measure", args=[code, key, action.measure_key])
        case ChainAction.DECIDE_PLAN:
            return reverse("backoffice:plan", args=[code, key]) + "#decide-heading"
        case ChainAction.FOLLOW_UP:
            return reverse("backoffice:follow_up", args=[code, key])
    raise ValueError(kind)
