"""Which indicators a kommun's pickers offer, grouped by where they come from, and searched.

Local indicators (`lokal.<kommunkod>.…`) are offered to their own kommun only. Police press
events (`polisen.handelser.…`) have a group of their own that says they are not crime
statistics; only Brå's reported crimes are in the crime statistics group.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from forebygg.stats.enums import IndicatorFamily
from forebygg.stats.models import Indicator

LOCAL_PREFIX = "lokal."
PREFIXES = {
    "polisen.handelser.": IndicatorFamily.POLICE_EVENTS,
    "scb.": IndicatorFamily.POPULATION,
    "kolada.": IndicatorFamily.KOLADA,
    LOCAL_PREFIX: IndicatorFamily.LOCAL,
}
ORDER = list(IndicatorFamily)
SWEDISH_LETTERS = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def offered_to(kommun) -> QuerySet[Indicator]:
    """Every indicator except other kommuner's own local ones."""
    others_local = Q(key__startswith=LOCAL_PREFIX) & ~Q(
        key__startswith=f"{LOCAL_PREFIX}{kommun.code}."
    )
    return Indicator.objects.exclude(others_local)


def family_of(indicator: Indicator) -> IndicatorFamily:
    if indicator.counts_crimes:
        return IndicatorFamily.CRIME
    for prefix, family in PREFIXES.items():
        if indicator.key.startswith(prefix):
            return family
    return IndicatorFamily.OTHER


def matches(indicator: Indicator, search: str) -> bool:
    """Every word of the search occurs in the indicator's name, in any case."""
    name = indicator.name_sv.casefold()
    return all(word in name for word in search.casefold().split())


def grouped(
    indicators: Iterable[Indicator], search: str = ""
) -> list[tuple[IndicatorFamily, list[Indicator]]]:
    """(family, indicators sorted by name) in the families' order, empty families left out."""
    groups: dict[IndicatorFamily, list[Indicator]] = {}
    for indicator in indicators:
        if search and not matches(indicator, search):
            continue
        groups.setdefault(family_of(indicator), []).append(indicator)
    return [(family, sorted(groups[family], key=_by_name)) for family in ORDER if family in groups]


def _by_name(indicator: Indicator) -> str:
    """Å, Ä and Ö after Z, as in the Swedish alphabet."""
    return indicator.name_sv.casefold().translate(SWEDISH_LETTERS)
