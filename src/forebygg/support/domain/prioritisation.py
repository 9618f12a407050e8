"""Ranking kommuner for Brå's support (seed 001) with transparent, editable criteria.

The government asked Brå to give support to kommuner with areas the police have designated,
särskilt utsatta områden and riskområden first, and then where support is judged to have the
greatest effect. Each criterion below scores a kommun from 0 to 1 and says why in one Swedish
sentence with the real numbers; a kommun's score is the sum of weight × score. Missing data
says "uppgift saknas" and scores 0, with one deliberate exception: a kommun that has not
reported for the year counts as a full compliance gap (nothing shows the law's duties are
met) while its readiness is unknown and scores 0.

The default weights make the police's classes dominate: each class outweighs everything below
it together (utsatt 5 > the other four criteria's 4; risk 10 > 5 + 4; särskilt utsatt
20 > 10 + 5 + 4), so with the defaults any kommun with a särskilt utsatt område ranks above
every kommun without one. Equal scores are ordered by kommun name (Swedish alphabet), then code.

`rank` is pure: `gather_inputs` reads the database once per source, not once per kommun.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import polars as pl
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from forebygg.core.formatting import format_number, join_with_and
from forebygg.geo.enums import AreaKind
from forebygg.geo.models import POLICE_AREA_KINDS, Area, Kommun
from forebygg.reporting.domain.overview import kommun_rows
from forebygg.stats.national import indicator_table, latest_levels

LEVEL_FULL_AT = 50.0  # per cent above similar kommuner that gives the full crime-level score
TREND_FULL_AT = 20.0  # percentage points faster change than similar kommuner for the full score
TREND_YEARS = 3


@dataclass(frozen=True)
class KommunInputs:
    """Everything the criteria look at for one kommun; None means the figure is missing."""

    code: str
    name: str
    lan: str
    report_year: int
    list_year: int | None = None  # the police list read; None when no list is loaded
    areas: Mapping[str, list[str]] = field(default_factory=dict)  # AreaKind → area names
    crime_year: int | None = None
    rate: float | None = None  # reported crimes per 100 000 inhabitants
    group_rate: float | None = None  # the same for the SKR kommungrupp (similar kommuner)
    change_3: float | None = None  # per cent change of `rate` over three years
    group_change_3: float | None = None  # per cent change of `group_rate` over three years
    has_reported: bool = False
    compliance: Mapping[str, str] = field(default_factory=dict)  # R1–R13 → status
    answers: Mapping[str, bool] = field(default_factory=dict)  # overview.MEASURE_KEYS
    has_coordination: bool | None = None
    has_council: bool | None = None


@dataclass(frozen=True)
class Assessment:
    score: float  # 0–1
    why: str


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    default_weight: float
    formula: str
    assess: Callable[[KommunInputs], Assessment]


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    weight: float
    score: float
    why: str

    @property
    def contribution(self) -> float:
        return self.weight * self.score


@dataclass(frozen=True)
class RankedKommun:
    position: int
    kommun: KommunInputs
    total: float
    results: list[CriterionResult]

    def contribution(self, key: str) -> float:
        return next(r.contribution for r in self.results if r.criterion.key == key)


def _known(value) -> float | None:
    """The number, or None where the source has none (None or NaN)."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _clamp(value: float) -> float:
    return min(max(value, 0.0), 1.0)


def _signed_percent(value: float) -> str:
    text = format_number(value)
    return f"+{text}\u00a0%" if text not in ("0", "−0") and value > 0 else f"{text}\u00a0%"


# Police-designated areas ------------------------------------------------------------------


def _area_count_text(kind: str, count: int) -> str:
    if kind == AreaKind.SARSKILT_UTSATT:
        if not count:
            return _("inget särskilt utsatt område")
        return ngettext(
            "%(count)s särskilt utsatt område", "%(count)s särskilt utsatta områden", count
        ) % {"count": count}
    if kind == AreaKind.RISK:
        if not count:
            return _("inget riskområde")
        return ngettext("%(count)s riskområde", "%(count)s riskområden", count) % {"count": count}
    if not count:
        return _("inget utsatt område")
    return ngettext("%(count)s utsatt område", "%(count)s utsatta områden", count) % {
        "count": count
    }


def _areas_of(kind: str) -> Callable[[KommunInputs], Assessment]:
    def assess(kommun: KommunInputs) -> Assessment:
        if kommun.list_year is None:
            return Assessment(0.0, _("uppgift saknas: ingen lista från polisen är inläst"))
        names = sorted(kommun.areas.get(kind, []), key=swedish_sort_key)
        text = _area_count_text(kind, len(names))
        if names:
            text = f"{text}: {join_with_and(names)}"
        why = _("%(areas)s (polisens lista %(year)s)") % {"areas": text, "year": kommun.list_year}
        return Assessment(1.0 if names else 0.0, why)

    return assess


# Crime level and trend against similar kommuner ------------------------------------------


def assess_crime_level(kommun: KommunInputs) -> Assessment:
    rate, group_rate = _known(kommun.rate), _known(kommun.group_rate)
    if rate is None:
        return Assessment(0.0, _("anmälda brott per 100 000 invånare: uppgift saknas"))
    level = _("anmälda brott %(rate)s per 100 000 invånare (%(year)s)") % {
        "rate": format_number(rate),
        "year": kommun.crime_year,
    }
    if group_rate is None or group_rate <= 0:
        return Assessment(0.0, _("%(level)s, liknande kommuner: uppgift saknas") % {"level": level})
    above = (rate / group_rate - 1) * 100
    comparison = {
        "level": level,
        "percent": f"{format_number(abs(above))}\u00a0%",
        "group": format_number(group_rate),
    }
    if format_number(abs(above)) == "0":
        why = _("%(level)s, i nivå med liknande kommuner (%(group)s)") % comparison
    elif above > 0:
        why = _("%(level)s, %(percent)s över liknande kommuner (%(group)s)") % comparison
    else:
        why = _("%(level)s, %(percent)s under liknande kommuner (%(group)s)") % comparison
    return Assessment(_clamp(above / LEVEL_FULL_AT), why)


def assess_crime_trend(kommun: KommunInputs) -> Assessment:
    change, group_change = _known(kommun.change_3), _known(kommun.group_change_3)
    if change is None:
        return Assessment(0.0, _("förändring av anmälda brott på tre år: uppgift saknas"))
    period = f"{kommun.crime_year - TREND_YEARS}–{kommun.crime_year}" if kommun.crime_year else "–"
    values = {"change": _signed_percent(change), "period": period}
    if group_change is None:
        why = _(
            "anmälda brott per 100 000 invånare %(change)s på tre år (%(period)s), "
            "liknande kommuner: uppgift saknas"
        )
        return Assessment(0.0, why % values)
    difference = change - group_change
    values |= {"group": _signed_percent(group_change), "difference": format_number(abs(difference))}
    if values["difference"] == "0":
        why = _(
            "anmälda brott per 100 000 invånare %(change)s på tre år (%(period)s), "
            "samma som liknande kommuner (%(group)s)"
        )
    elif difference > 0:
        why = _(
            "anmälda brott per 100 000 invånare %(change)s på tre år (%(period)s) mot "
            "%(group)s i liknande kommuner: %(difference)s procentenheter mer"
        )
    else:
        why = _(
            "anmälda brott per 100 000 invånare %(change)s på tre år (%(period)s) mot "
            "%(group)s i liknande kommuner: %(difference)s procentenheter mindre"
        )
    return Assessment(_clamp(difference / TREND_FULL_AT), why % values)


# Compliance gaps and readiness, from the yearly report ----------------------------------

LACKING = {
    "coordination_function": gettext_lazy("saknar samordningsfunktion"),
    "current_lagesbild": gettext_lazy("saknar lägesbild som är högst två år"),
    "decided_plan": gettext_lazy("saknar beslutad åtgärdsplan"),
    "followed_up": gettext_lazy("har inte följt upp planen inom två år"),
}


def _rule_number(code: str) -> int:
    digits = "".join(ch for ch in code if ch.isdigit())
    return int(digits) if digits else 0


def _codes(compliance: Mapping[str, str], status: str) -> list[str]:
    return sorted((c for c, s in compliance.items() if s == status), key=_rule_number)


def assess_compliance_gap(kommun: KommunInputs) -> Assessment:
    if not kommun.has_reported:
        return Assessment(
            1.0,
            _("har inte redovisat för %(year)s: räknas som att alla lagkrav saknas")
            % {"year": kommun.report_year},
        )
    if not kommun.compliance:
        return Assessment(0.0, _("lagkraven: uppgift saknas i redovisningen"))
    total = len(kommun.compliance)
    missing, warnings = _codes(kommun.compliance, "saknas"), _codes(kommun.compliance, "varning")
    if not missing and not warnings:
        why = _("alla %(total)s lagkrav uppfyllda (redovisning %(year)s)")
        return Assessment(0.0, why % {"total": total, "year": kommun.report_year})
    parts = []
    if missing:
        parts.append(
            _("%(count)s av %(total)s lagkrav saknas (%(codes)s)")
            % {"count": len(missing), "total": total, "codes": ", ".join(missing)}
        )
    if warnings:
        parts.append(
            _("%(count)s har varning (%(codes)s)")
            % {"count": len(warnings), "codes": ", ".join(warnings)}
        )
    lacking = [str(text) for key, text in LACKING.items() if kommun.answers.get(key) is False]
    gaps = "; ".join(text for text in (join_with_and(parts), join_with_and(lacking)) if text)
    why = _("%(gaps)s (redovisning %(year)s)") % {"gaps": gaps, "year": kommun.report_year}
    return Assessment(_clamp((len(missing) + 0.5 * len(warnings)) / total), why)


def assess_readiness(kommun: KommunInputs) -> Assessment:
    if not kommun.has_reported:
        return Assessment(
            0.0,
            _("uppgift saknas: har inte redovisat för %(year)s") % {"year": kommun.report_year},
        )
    coordination, council = kommun.has_coordination, kommun.has_council
    if coordination is None or council is None:
        return Assessment(0.0, _("samordnare och strategiskt råd: uppgift saknas i redovisningen"))
    if coordination and council:
        why = _("har samordnare och strategiskt råd")
    elif coordination:
        why = _("har samordnare men inget strategiskt råd")
    elif council:
        why = _("har strategiskt råd men ingen samordnare")
    else:
        why = _("saknar både samordnare och strategiskt råd")
    return Assessment(0.5 * float(coordination) + 0.5 * float(council), why)


CRITERIA = [
    Criterion(
        "sarskilt_utsatt",
        gettext_lazy("Särskilt utsatta områden"),
        20.0,
        gettext_lazy(
            "1 om kommunen har minst ett särskilt utsatt område på polisens lista, annars 0."
        ),
        _areas_of(AreaKind.SARSKILT_UTSATT),
    ),
    Criterion(
        "riskomrade",
        gettext_lazy("Riskområden"),
        10.0,
        gettext_lazy("1 om kommunen har minst ett riskområde på polisens lista, annars 0."),
        _areas_of(AreaKind.RISK),
    ),
    Criterion(
        "utsatt",
        gettext_lazy("Utsatta områden"),
        5.0,
        gettext_lazy("1 om kommunen har minst ett utsatt område på polisens lista, annars 0."),
        _areas_of(AreaKind.UTSATT),
    ),
    Criterion(
        "brottsniva",
        gettext_lazy("Brottsnivå mot liknande kommuner"),
        1.0,
        gettext_lazy(
            "Anmälda brott per 100 000 invånare mot SKR:s kommungrupp: 0 på eller under "
            "gruppens nivå, stiger jämnt till 1 vid 50 % över."
        ),
        assess_crime_level,
    ),
    Criterion(
        "brottsutveckling",
        gettext_lazy("Brottsutveckling mot liknande kommuner"),
        1.0,
        gettext_lazy(
            "Förändringen på tre år minus kommungruppens förändring: 0 vid samma eller mindre, "
            "stiger jämnt till 1 vid 20 procentenheter mer."
        ),
        assess_crime_trend,
    ),
    Criterion(
        "lagkrav",
        gettext_lazy("Brister mot lagkraven"),
        1.0,
        gettext_lazy(
            "Andelen av lagkraven R1–R13 i årsredovisningen som saknas, en varning räknas som en "
            "halv; ingen redovisning räknas som 1."
        ),
        assess_compliance_gap,
    ),
    Criterion(
        "forutsattningar",
        gettext_lazy("Förutsättningar för effekt"),
        1.0,
        gettext_lazy(
            "½ för en samordningsfunktion och ½ för ett strategiskt råd enligt årsredovisningen; "
            "ingen redovisning räknas som 0."
        ),
        assess_readiness,
    ),
]
CRITERIA_BY_KEY = {criterion.key: criterion for criterion in CRITERIA}


def default_weights() -> dict[str, float]:
    return {criterion.key: criterion.default_weight for criterion in CRITERIA}


def validate_weights(weights: Mapping[str, object]) -> dict[str, float]:
    """One non-negative, finite number per criterion, not all zero; else Swedish messages."""
    errors = [
        _("Okänt kriterium: %(key)s.") % {"key": key}
        for key in weights
        if key not in CRITERIA_BY_KEY
    ]
    cleaned: dict[str, float] = {}
    for criterion in CRITERIA:
        names = {"label": criterion.label}
        value = weights.get(criterion.key)
        if value is None or (isinstance(value, str) and not value.strip()):
            errors.append(_("Ange en vikt för ”%(label)s”.") % names)
            continue
        try:
            if isinstance(value, bool):
                raise TypeError
            number = float(value.replace(",", ".") if isinstance(value, str) else value)
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number):
            errors.append(_("Vikten för ”%(label)s” måste vara ett tal.") % names)
        elif number < 0:
            errors.append(_("Vikten för ”%(label)s” får inte vara negativ.") % names)
        else:
            cleaned[criterion.key] = number
    if not errors and not any(cleaned.values()):
        errors.append(_("Minst en vikt måste vara större än noll."))
    if errors:
        raise ValidationError(errors)
    return cleaned


SWEDISH_LETTERS = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def swedish_sort_key(name: str) -> str:
    """Å, Ä and Ö after Z, as in the Swedish alphabet."""
    return name.casefold().translate(SWEDISH_LETTERS)


def rank(inputs: list[KommunInputs], weights: Mapping[str, object]) -> list[RankedKommun]:
    """Every kommun scored and ordered: highest total first, equal totals by name, then code."""
    weights = validate_weights(weights)
    scored = []
    for kommun in inputs:
        results = []
        for criterion in CRITERIA:
            assessment = criterion.assess(kommun)
            results.append(
                CriterionResult(criterion, weights[criterion.key], assessment.score, assessment.why)
            )
        scored.append((sum(r.contribution for r in results), kommun, results))
    # Rounding the total keeps float noise (0.1 + 0.2) from breaking a tie the reader sees.
    scored.sort(key=lambda s: (-round(s[0], 9), swedish_sort_key(s[1].name), s[1].code))
    return [
        RankedKommun(position, kommun, total, results)
        for position, (total, kommun, results) in enumerate(scored, start=1)
    ]


# Reading the inputs ------------------------------------------------------------------------


def police_list_years() -> list[int]:
    """The years of the police lists that are loaded, newest first."""
    return list(
        Area.objects.filter(kind__in=POLICE_AREA_KINDS, list_year__isnull=False)
        .order_by("-list_year")
        .values_list("list_year", flat=True)
        .distinct()
    )


def _areas_by_kommun(list_year: int) -> dict[int, dict[str, list[str]]]:
    areas: dict[int, dict[str, list[str]]] = {}
    for kommun_id, kind, name in Area.objects.filter(
        kind__in=POLICE_AREA_KINDS, list_year=list_year
    ).values_list("kommun_id", "kind", "name"):
        areas.setdefault(kommun_id, {}).setdefault(kind, []).append(name)
    return areas


def _group_changes(year: int | None, levels: dict[str, dict]) -> dict[str, float]:
    """Per SKR kommungrupp: the per cent change of its pooled rate over `TREND_YEARS` years."""
    if year is None:
        return {}
    earlier = indicator_table().filter(
        (pl.col("category") == "total") & (pl.col("year") == year - TREND_YEARS)
    )
    then = {
        row["group"]: _known(row["group_rate"])
        for row in earlier.select("group", "group_rate").to_dicts()
    }
    now = {row["group"]: _known(row["group_rate"]) for row in levels.values()}
    return {
        group: (rate / then[group] - 1) * 100
        for group, rate in now.items()
        if group and rate is not None and then.get(group)
    }


def gather_inputs(year: int, user, list_year: int | None = None) -> list[KommunInputs]:
    """The inputs for every kommun: police list, crime statistics and the reports `user` sees.

    `year` is the report year; the crime statistics are the latest year loaded. Without
    `list_year` the newest police list is read; a year with no list reads as "uppgift saknas".
    """
    years = police_list_years()
    list_year = list_year if list_year is not None else (years[0] if years else None)
    if list_year not in years:
        list_year = None
    areas = _areas_by_kommun(list_year) if list_year is not None else {}
    crime_year, levels = latest_levels("total")
    group_changes = _group_changes(crime_year, levels)
    kommuner = list(
        Kommun.objects.select_related("lan").only(
            "code", "name", "short_name", "lan__code", "lan__name"
        )
    )
    inputs = []
    for row in kommun_rows(kommuner, year, user):
        kommun, level = row.kommun, levels.get(row.kommun.code, {})
        facts = row.report.content.get("facts", {}) if row.has_reported else {}
        inputs.append(
            KommunInputs(
                code=kommun.code,
                name=kommun.short_name,
                lan=kommun.lan.name,
                report_year=year,
                list_year=list_year,
                areas=areas.get(kommun.pk, {}),
                crime_year=crime_year,
                rate=_known(level.get("rate")),
                group_rate=_known(level.get("group_rate")),
                change_3=_known(level.get("change_3")),
                group_change_3=group_changes.get(level.get("group")),
                has_reported=row.has_reported,
                compliance=row.compliance,
                answers=row.answers,
                has_coordination=facts.get("coordination_function") if facts else None,
                has_council=facts.get("council") if facts else None,
            )
        )
    return inputs
