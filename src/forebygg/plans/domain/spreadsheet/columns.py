"""The sheet's columns and how each value is shown: the one definition export and import share.

The export shows every value as a person reads it in Förebygg: labels, organisation names and
cause ids such as O12; the import compares what it reads with these same shown values.
"""

from __future__ import annotations

from operator import attrgetter

from django.utils import translation

from forebygg.plans.domain.planning import MEASURE_FIELDS
from forebygg.plans.enums import Funding, Horizon, MeasureArea, MeasureType
from forebygg.plans.models import Measure

COLUMNS: list[tuple[str, str]] = [
    ("key", "Åtgärds-id"),
    ("title", "Åtgärd"),
    ("description", "Genomförande"),
    ("type", "Typ"),
    ("horizon", "Tidsperspektiv"),
    ("owner", "Ansvarig organisation"),
    ("partners", "Samverkansparter"),
    ("area_kind", "Område"),
    ("district", "Stadsdel eller ort"),
    ("method_text", "Metod"),
    ("method", "Metod i metodbiblioteket"),
    ("start", "Start"),
    ("end", "Slut"),
    ("cost", "Kostnad (kr)"),
    ("funding", "Finansiering"),
    ("expected_effect", "Förväntad effekt"),
    ("causes", "Orsaker"),
]
HEADERS = dict(COLUMNS)
OPTIONAL_COLUMNS = frozenset({"method"})
SHEET_TITLE = "Åtgärder"
LIST_SEPARATOR = "; "
TEXT_FIELDS = ("title", "description", "district", "method_text", "expected_effect")
DATE_FIELDS = ("start", "end")
CHOICES = {"type": MeasureType, "horizon": Horizon, "area_kind": MeasureArea, "funding": Funding}


def shown_values(measure: Measure) -> dict[str, str]:
    """The measure's cells as a person reads them, in column order."""
    values = {name: getattr(measure, name) for name in ("key", *MEASURE_FIELDS)}
    values["partners"] = list(measure.partners.all())
    values["causes"] = list(measure.causes.all())
    return shown(values)


def shown(values: dict, names=HEADERS) -> dict[str, str]:
    with translation.override("sv"):
        return {name: _shown_value(name, values.get(name)) for name in names}


def _shown_value(name: str, value) -> str:
    if name in CHOICES:
        return str(dict(CHOICES[name].choices).get(value, value))
    if name in ("owner", "method", "police_area"):
        return value.name if value else ""
    if name == "partners":
        return LIST_SEPARATOR.join(sorted(organisation.name for organisation in value))
    if name == "causes":
        return LIST_SEPARATOR.join(f"O{cause.pk}" for cause in sorted(value, key=attrgetter("pk")))
    if name in DATE_FIELDS:
        return value.isoformat() if value else ""
    if name == "cost":
        return str(int(value)) if value is not None else ""
    return same_line_breaks(value or "")


def same_line_breaks(text: str) -> str:
    """Browsers send CRLF and Excel may save LF: the same text either way."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
