"""Which measures a sheet holds (the filters on screen), and how a measure differs from values
given for it."""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.functions import Length

from forebygg.plans.domain.planning import MEASURE_FIELDS
from forebygg.plans.domain.spreadsheet.columns import HEADERS, shown
from forebygg.plans.enums import MeasureArea
from forebygg.plans.models import Measure, Plan


def filter_measures(
    plan: Plan, *, type: str = "", horizon: str = "", owner_id: int | None = None, search: str = ""
) -> QuerySet[Measure]:
    measures = (
        plan.measures.select_related("owner", "method")
        .prefetch_related("partners", "causes")
        .order_by(Length("key"), "key")
    )
    if type:
        measures = measures.filter(type=type)
    if horizon:
        measures = measures.filter(horizon=horizon)
    if owner_id is not None:
        measures = measures.filter(owner_id=owner_id)
    if search.strip():
        measures = measures.filter(pk__in=_matching_text(measures, search))
    return measures


def _matching_text(measures: QuerySet[Measure], search: str) -> list[int]:
    """Matched in Python: SQLite's icontains folds case for ASCII only, not for å, ä and ö."""
    needle = search.strip().casefold()
    searched = (
        "key", "title", "description", "method_text", "method__name", "district", "expected_effect"
    )  # fmt: skip
    return [
        pk
        for pk, *texts in measures.values_list("pk", *searched)
        if needle in "\n".join(text or "" for text in texts).casefold()
    ]


def differences(measure: Measure, *, fields: dict, causes, partners) -> list[tuple[str, str, str]]:
    """(field name, the given value, the measure's value) for each shown value that differs.

    Polisens område is compared too, although the sheet leaves it out.
    """
    names = [name for name in HEADERS if name != "key"] + ["police_area"]
    if fields.get("area_kind") != MeasureArea.POLICE_AREA:
        fields = {**fields, "police_area": None}
    given = shown({**fields, "causes": list(causes), "partners": list(partners)}, names)
    stored_values = {name: getattr(measure, name) for name in MEASURE_FIELDS}
    stored_values |= {
        "partners": list(measure.partners.all()),
        "causes": list(measure.causes.all()),
    }
    stored = shown(stored_values, names)
    return [(name, given[name], stored[name]) for name in names if given[name] != stored[name]]
