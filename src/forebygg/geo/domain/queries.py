"""Read-side questions about the geography, shared by the public pages and later the back office."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Prefetch, Q, When
from django.http import Http404
from django.utils.translation import gettext as _

from forebygg.core.domain.text_search import containing, fold, folded
from forebygg.geo.models import (
    POLICE_AREA_KINDS,
    Area,
    Kommun,
    KommunGroupMembership,
    Lan,
    Population,
)

CURRENT_GROUP_VERSION = 2023


def search_kommuner(query: str, *, limit: int = 20) -> list[Kommun]:
    """Kommuner by name or code, those whose name or code starts with the query first."""
    needle = fold(query)
    if not needle:
        return []
    found = (
        Kommun.objects.alias(short=folded("short_name"), full=folded("name"))
        .filter(Q(short__contains=needle) | Q(full__contains=needle) | Q(code__startswith=needle))
        .alias(
            starts=Case(
                When(Q(short__startswith=needle) | Q(code__startswith=needle), then=0), default=1
            )
        )
    )
    return list(
        found.select_related("lan")
        .only("code", "name", "short_name", "lan__name", "lan__code")
        .order_by("starts", "short_name")[:limit]
    )


def search_police_areas(query: str, *, limit: int = 20) -> list[Area]:
    """The police's designated areas by name, each once (its latest list)."""
    areas = containing(Area.objects.filter(kind__in=POLICE_AREA_KINDS), query, "name")
    rows = (
        areas.select_related("kommun")
        .only("name", "kind", "list_year", "kommun__code", "kommun__short_name", "kommun__name")
        .order_by("name", "kommun__name", "-list_year")
    )
    latest: dict[tuple[int, str], Area] = {}
    for area in rows[: limit * 10]:  # an area is on at most a handful of yearly lists
        latest.setdefault((area.kommun_id, area.name), area)
        if len(latest) == limit:
            break
    return list(latest.values())


@dataclass
class KommunProfile:
    kommun: Kommun
    populations: list[Population]
    groups: list[KommunGroupMembership]
    current_group: KommunGroupMembership | None
    similar: list[Kommun]
    police_areas: list[Area]

    @property
    def sources(self) -> list:
        """Every data source shown on the profile, once, in the order first used."""
        seen = {}
        for population in self.populations:
            seen.setdefault(population.source.key, population.source)
        for membership in self.groups:
            seen.setdefault(membership.group.source.key, membership.group.source)
        for area in self.police_areas:
            if area.source:
                seen.setdefault(area.source.key, area.source)
        return list(seen.values())

    @property
    def latest_population_year(self) -> int | None:
        return self.populations[-1].year if self.populations else None

    @property
    def missing_population_years(self) -> list[int]:
        years = [population.year for population in self.populations]
        if not years:
            return []
        return [year for year in range(min(years), max(years) + 1) if year not in years]


def get_kommun_or_404(code: str) -> Kommun:
    try:
        return Kommun.objects.select_related("lan").get(code=code)
    except Kommun.DoesNotExist:
        raise Http404(_("Det finns ingen kommun med koden %(code)s.") % {"code": code}) from None


def get_lan_or_404(code: str) -> Lan:
    try:
        return Lan.objects.get(code=code)
    except Lan.DoesNotExist:
        raise Http404(_("Det finns inget län med koden %(code)s.") % {"code": code}) from None


def kommun_profile(code: str) -> KommunProfile:
    kommun = get_kommun_or_404(code)
    populations = list(kommun.populations.select_related("source").order_by("year"))
    groups = list(kommun.group_memberships.select_related("group__source").order_by("-version"))
    current = next((m for m in groups if m.version == CURRENT_GROUP_VERSION), None)
    similar = []
    if current:
        similar = list(
            Kommun.objects.filter(
                group_memberships__group=current.group_id,
            )
            .exclude(pk=kommun.pk)
            .select_related("lan")
            .order_by("short_name")
        )
    police_areas = list(
        kommun.areas.filter(kind__in=POLICE_AREA_KINDS)
        .select_related("source")
        .order_by("-list_year", "name")
    )
    return KommunProfile(kommun, populations, groups, current, similar, police_areas)


def map_kommuner() -> list[Kommun]:
    """Everything the start page map and its table alternative need, in two queries."""
    current_groups = Prefetch(
        "group_memberships",
        queryset=KommunGroupMembership.objects.filter(version=CURRENT_GROUP_VERSION).select_related(
            "group"
        ),
        to_attr="current_groups",
    )
    return list(
        Kommun.objects.select_related("lan")
        .only("code", "name", "short_name", "svg_path", "lan__name", "lan__code")
        .prefetch_related(current_groups)
        .order_by("short_name")
    )
