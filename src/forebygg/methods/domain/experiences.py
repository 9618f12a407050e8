"""The experience bank: a kommun publishes what a measure achieved, others find it.

Seed 001 asks that experiences "ska kunna tillvaratas av andra kommuner". An experience holds
aggregate results only, and its contact is the kommun's coordination function, never a person.
"""

from __future__ import annotations

import re

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from forebygg.core.domain.text_search import containing
from forebygg.core.models import save_as
from forebygg.geo.domain.queries import CURRENT_GROUP_VERSION
from forebygg.governance.models import CoordinationFunction
from forebygg.methods.models import Experience, Method
from forebygg.orgs.access import require_coordinator
from forebygg.orgs.enums import Visibility

EXPERIENCE_FIELDS = (
    "title", "measure", "method", "problem", "problem_text", "what_was_done", "results",
    "result_indicator", "value_before", "value_after", "unit", "period_before", "period_after",
    "lessons",
)  # fmt: skip
TEXT_FIELDS = ("title", "problem_text", "what_was_done", "results", "result_indicator", "lessons")
# Ten digits, optionally with the century and a hyphen or plus: a Swedish personnummer.
PERSONNUMMER = re.compile(r"(?<!\d)(?:19|20)?\d{6}[-+]?\d{4}(?!\d)")


def experience_draft_from(measure) -> dict:
    """A new experience's starting values, taken from the measure it comes from."""
    cause = measure.causes.select_related("problem").first()
    problem = cause.problem if cause else None
    return {
        "measure": measure,
        "title": measure.title,
        "method": measure.method,
        "problem": problem,
        "problem_text": problem.title if problem else "",
        "what_was_done": measure.description,
    }


def validate_experience(kommun, fields: dict, *, publishing: bool = False) -> list[str]:
    """Every reason the experience cannot be saved (or published), as Swedish sentences."""
    errors = []
    if not (fields.get("title") or "").strip():
        errors.append(_("Ange en rubrik."))
    if not (fields.get("problem_text") or "").strip() and fields.get("problem") is None:
        errors.append(_("Beskriv problemet som åtgärden riktades mot."))
    measure, problem = fields.get("measure"), fields.get("problem")
    if measure is not None and measure.plan.kommun_id != kommun.pk:
        errors.append(_("Åtgärden hör till en annan kommuns plan."))
    if problem is not None and problem.kommun_id != kommun.pk:
        errors.append(_("Problemet hör till en annan kommun."))
    errors += _value_errors(fields)
    if any(PERSONNUMMER.search(fields.get(name) or "") for name in TEXT_FIELDS):
        errors.append(
            _("Texten ser ut att innehålla ett personnummer. Beskriv bara sammanställda resultat.")
        )
    if publishing:
        if not (fields.get("what_was_done") or "").strip():
            errors.append(_("Beskriv vad som gjordes innan erfarenheten publiceras."))
        if not (fields.get("results") or "").strip():
            errors.append(_("Beskriv resultaten innan erfarenheten publiceras."))
    return errors


def _value_errors(fields: dict) -> list[str]:
    before, after = fields.get("value_before"), fields.get("value_after")
    if before is None and after is None:
        return []
    errors = []
    if before is None or after is None:
        errors.append(_("Ange både värdet före och värdet efter, eller inget av dem."))
    if not (fields.get("unit") or "").strip():
        errors.append(_("Ange enheten för värdena, till exempel ”anmälda brott per år”."))
    if (
        not (fields.get("period_before") or "").strip()
        or not (fields.get("period_after") or "").strip()
    ):
        errors.append(_("Ange vilka perioder värdena avser."))
    return errors


def _fields_of(experience: Experience) -> dict:
    return {name: getattr(experience, name) for name in EXPERIENCE_FIELDS}


@transaction.atomic
def write_experience(experience: Experience | None, *, kommun, by, **fields) -> Experience:
    """Create or change an experience; fields left out keep their value. New ones are drafts."""
    require_coordinator(by, kommun)
    experience = experience or Experience(kommun=kommun)
    if experience.kommun_id != kommun.pk:
        raise ValidationError(_("Erfarenheten hör till en annan kommun."))
    is_new = experience.pk is None
    for name in EXPERIENCE_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(experience, name, value.strip() if isinstance(value, str) else value)
    if not experience.problem_text and experience.problem is not None:
        experience.problem_text = experience.problem.title
    published = experience.visibility == Visibility.PUBLISHED
    errors = validate_experience(kommun, _fields_of(experience), publishing=published)
    if errors:
        raise ValidationError(errors)
    return save_as(experience, by=by, reason="Ny" if is_new else "Ändrad")


@transaction.atomic
def publish_experience(experience: Experience, *, by, published: bool = True) -> Experience:
    """Publish for every kommun to find (or take back). Only the kommun's coordinator may."""
    require_coordinator(by, experience.kommun)
    if published:
        errors = validate_experience(experience.kommun, _fields_of(experience), publishing=True)
        if errors:
            raise ValidationError(errors)
        experience.visibility = Visibility.PUBLISHED
        experience.published_at = experience.published_at or timezone.now()
    else:
        experience.visibility = Visibility.DRAFT
        experience.published_at = None
    return save_as(experience, by=by, reason="Publicerad" if published else "Avpublicerad")


def find_experiences(
    *, problem: str = "", method: Method | str | None = None, kommungrupp: str = "", lan: str = ""
) -> QuerySet[Experience]:
    """Published experiences only, by problem text, method, kommungrupp (SKR 2023) or län.

    `kommungrupp` is a group code such as "B3", or a main group letter such as "B".
    """
    found = Experience.objects.filter(visibility=Visibility.PUBLISHED).select_related(
        "kommun__lan", "method", "problem"
    )
    if isinstance(method, Method):
        found = found.filter(method=method)
    elif method:
        found = found.filter(method__slug=method)
    if kommungrupp:
        group_field = "group__main_group_code" if len(kommungrupp) == 1 else "group__code"
        found = found.filter(
            kommun__group_memberships__version=CURRENT_GROUP_VERSION,
            **{f"kommun__group_memberships__{group_field}": kommungrupp},
        )
    if lan:
        found = found.filter(kommun__lan__code=lan)
    if problem.strip():
        found = found.filter(pk__in=_matching_problem(found, problem))
    return found


def _matching_problem(experiences: QuerySet[Experience], query: str) -> list[int]:
    """Matched in Python: SQLite's icontains folds case for ASCII only, not for å, ä and ö."""
    needle = query.strip().casefold()
    searched = ("title", "problem_text", "problem__title")
    return [
        pk
        for pk, *texts in experiences.values_list("pk", *searched)
        if needle in "\n".join(text or "" for text in texts).casefold()
    ]


def search_experiences(query: str, *, limit: int = 20) -> list[Experience]:
    """Published experiences whose title, problem or kommun contains the query."""
    searched = ("title", "problem_text", "kommun__short_name")
    found = containing(find_experiences(), query, *searched)
    return list(found.order_by("-published_at", "title", "pk")[:limit])


def published_experience(pk: int) -> Experience | None:
    return find_experiences().filter(pk=pk).first()


def contact_point(kommun) -> CoordinationFunction | None:
    """The kommun's coordination function, if the kommun has published it (§ 12 p. 2)."""
    return CoordinationFunction.objects.visible_to(AnonymousUser()).filter(kommun=kommun).first()
