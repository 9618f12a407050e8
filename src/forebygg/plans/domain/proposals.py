"""Proposals for Brå's prioritisation matrix, read from the data; the coordinator confirms.

Three criteria can be read from data: "ökande" and "avviker från liknande kommuner" from Brå's
crime statistics for the crime categories of the problem's indicators, and "koncentrerat till
platser" from the police-designated areas linked to the problem. Each proposal carries the
numbers behind it with source, period and formula; a proposal is never saved by itself.
Police press events are not crime statistics and are never read here. Hotspots, once the
platform has them, are to be a second source for "koncentrerat".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forebygg.core.formatting import format_number, format_percent, join_with_and
from forebygg.geo.enums import AreaKind
from forebygg.geo.models import POLICE_AREA_KINDS, Area
from forebygg.plans.enums import Criterion
from forebygg.plans.models import Problem
from forebygg.stats.figures import change_in_rate, deviation_from_similar

# Per cent change of the rate over three years from which 1, 2 and 3 are proposed.
RISING_STEPS = (5.0, 15.0, 30.0)
# Per cent above similar kommuner (smoothed) from which 1, 2 and 3 are proposed.
DEVIATING_STEPS = (10.0, 25.0, 50.0)
AREA_SCORES = {AreaKind.UTSATT: 1, AreaKind.RISK: 2, AreaKind.SARSKILT_UTSATT: 3}

RULES = {
    Criterion.RISING: gettext_lazy(
        "Förslag 1 vid minst 5 %, 2 vid minst 15 % och 3 vid minst 30 % ökning på tre år, "
        "annars 0; den brottskategori som ökat mest räknas."
    ),
    Criterion.DEVIATING: gettext_lazy(
        "Förslag 1 vid minst 10 %, 2 vid minst 25 % och 3 vid minst 50 % över liknande "
        "kommuner, annars 0; den brottskategori som avviker mest räknas."
    ),
    Criterion.CONCENTRATED: gettext_lazy(
        "Förslag 1 för utsatt område, 2 för riskområde och 3 för särskilt utsatt område, efter "
        "den allvarligaste klassen bland problemets områden på polisens lista."
    ),
}
AREA_FORMULA = gettext_lazy("Antal områden per klass på polisens lista som problemet gäller.")


@dataclass(frozen=True)
class Evidence:
    """One number behind a proposal, as a sentence, with where it comes from."""

    text: str
    source: str
    period: str
    formula: str


@dataclass(frozen=True)
class Proposal:
    criterion: Criterion
    score: int | None  # None: nothing to propose; `missing` says why
    evidence: list[Evidence] = field(default_factory=list)
    missing: str = ""

    @property
    def rule(self) -> str:
        return str(RULES[self.criterion])


def propose_scores(problem: Problem) -> dict[str, Proposal]:
    """criterion value → Proposal, for the criteria that can be read from data."""
    categories = crime_categories(problem)
    proposals = [
        _rising(problem, categories),
        _deviating(problem, categories),
        _concentrated(problem),
    ]
    return {proposal.criterion.value: proposal for proposal in proposals}


def crime_categories(problem: Problem) -> dict[str, str]:
    """Brå category → indicator name, for the problem's indicators from the crime statistics."""
    indicators = problem.indicators.filter(counts_crimes=True).exclude(category="")
    return {indicator.category: _category_name(indicator.name_sv) for indicator in indicators}


def _category_name(indicator_name: str) -> str:
    """'Stöld genom inbrott i bostad, antal' → 'Stöld genom inbrott i bostad'."""
    return indicator_name.split(", ")[0]


def _score(value: float, steps: tuple[float, float, float]) -> int:
    return sum(1 for step in steps if value >= step)


def _no_crime_indicator(criterion: Criterion) -> Proposal:
    return Proposal(
        criterion,
        None,
        missing=_(
            "Koppla en indikator ur Brå:s statistik över anmälda brott till problemet för att få "
            "ett förslag."
        ),
    )


def _rising(problem: Problem, categories: dict[str, str]) -> Proposal:
    if not categories:
        return _no_crime_indicator(Criterion.RISING)
    evidence, scores = [], []
    for category, name in categories.items():
        change = change_in_rate(problem.kommun.code, category)
        if change is None:
            continue
        text = _(
            "%(name)s: %(rate)s per 100 000 invånare %(year)s mot %(earlier)s %(earlier_year)s, "
            "%(change)s"
        ) % {
            "name": name,
            "rate": format_number(change.rate),
            "year": change.year,
            "earlier": format_number(change.earlier_rate),
            "earlier_year": change.year - change.years,
            "change": _signed(change.percent),
        }
        if change.small_number:
            text += _(" (litet antal brott, %(count)s: förändringen kan bero på slumpen)") % {
                "count": format_number(change.count)
            }
        evidence.append(Evidence(text, change.source, change.period, change.formula))
        scores.append(_score(change.percent, RISING_STEPS))
    if not scores:
        return Proposal(Criterion.RISING, None, missing=_("Brå:s statistik saknas för kommunen."))
    return Proposal(Criterion.RISING, max(scores), evidence)


def _deviating(problem: Problem, categories: dict[str, str]) -> Proposal:
    if not categories:
        return _no_crime_indicator(Criterion.DEVIATING)
    evidence, scores = [], []
    for category, name in categories.items():
        comparison = deviation_from_similar(problem.kommun.code, category)
        if comparison is None:
            continue
        deviation = comparison.deviation
        text = _(
            "%(name)s: %(smoothed)s per 100 000 invånare (utjämnat; ej utjämnat %(rate)s) mot "
            "%(group_rate)s i liknande kommuner (%(group)s, %(members)s kommuner), %(percent)s"
        ) % {
            "name": name,
            "smoothed": format_number(deviation.smoothed_rate),
            "rate": format_number(deviation.rate),
            "group_rate": format_number(deviation.group_rate),
            "group": comparison.group_name,
            "members": deviation.members,
            "percent": _signed(deviation.percent),
        }
        evidence.append(Evidence(text, comparison.source, comparison.period, comparison.formula))
        scores.append(_score(deviation.percent, DEVIATING_STEPS))
    if not scores:
        return Proposal(
            Criterion.DEVIATING,
            None,
            missing=_("Brå:s statistik eller kommungruppen saknas för kommunen."),
        )
    return Proposal(Criterion.DEVIATING, max(scores), evidence)


def _signed(percent: float) -> str:
    text = format_percent(percent)
    return f"+{text}" if percent > 0 and not text.startswith("0") else text


def _concentrated(problem: Problem) -> Proposal:
    linked = list(problem.areas.filter(kind__in=POLICE_AREA_KINDS).select_related("source"))
    if linked:
        score = max(AREA_SCORES[area.kind] for area in linked)
        return Proposal(Criterion.CONCENTRATED, score, [_area_evidence(linked)])
    in_kommun = list(_latest_police_areas().filter(kommun=problem.kommun).select_related("source"))
    if not in_kommun:
        return Proposal(
            Criterion.CONCENTRATED,
            None,
            missing=_("Inget av polisens utpekade områden ligger i kommunen."),
        )
    return Proposal(
        Criterion.CONCENTRATED,
        None,
        [_area_evidence(in_kommun, of_kommun=True)],
        missing=_(
            "Problemet är inte kopplat till något av polisens områden. Koppla områdena till "
            "problemet om problemet finns där."
        ),
    )


def _latest_police_areas():
    """The areas of the newest police list loaded: older lists name areas no longer designated."""
    police_areas = Area.objects.filter(kind__in=POLICE_AREA_KINDS)
    latest = police_areas.aggregate(year=Max("list_year"))["year"]
    return police_areas.filter(list_year=latest)


def _area_evidence(areas: list[Area], *, of_kommun: bool = False) -> Evidence:
    names = join_with_and(
        f"{area.name} ({area.get_kind_display().lower()})"
        for area in sorted(areas, key=lambda area: (-AREA_SCORES[area.kind], area.name))
    )
    count = len(areas)
    if of_kommun:
        text = _("Kommunen har %(count)s av polisens utpekade områden: %(names)s") % {
            "count": count,
            "names": names,
        }
    else:
        text = _("Problemet gäller %(count)s av polisens utpekade områden: %(names)s") % {
            "count": count,
            "names": names,
        }
    years = sorted({area.list_year for area in areas if area.list_year})
    period = _("polisens lista %(years)s") % {"years": ", ".join(map(str, years))} if years else ""
    sources = sorted({area.source.attribution for area in areas if area.source})
    source = "; ".join(sources) or _("Källa: Polismyndigheten")
    return Evidence(text, source, period, str(AREA_FORMULA))
