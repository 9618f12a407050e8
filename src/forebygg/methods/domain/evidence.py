"""Reading the library: which registries say what about a method, and filtering by verdict."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from forebygg.core.domain.text_search import containing
from forebygg.methods.enums import Registry, Verdict
from forebygg.methods.models import EvidenceRating, Method
from forebygg.plans.enums import MeasureType

# Shown on every method page, with "ej bedömd" when the registry has nothing on the method.
MAIN_REGISTRIES = (
    Registry.CRIMESOLUTIONS,
    Registry.BLUEPRINTS,
    Registry.UK_TOOLKIT,
    Registry.METODGUIDEN,
)
RATED_VERDICTS = [verdict for verdict in Verdict.values if verdict != Verdict.NOT_RATED]
# A method that is both social and situational answers both filters.
KINDS_MATCHING = {
    MeasureType.SOCIAL: [MeasureType.SOCIAL, MeasureType.BOTH],
    MeasureType.SITUATIONAL: [MeasureType.SITUATIONAL, MeasureType.BOTH],
    MeasureType.BOTH: [MeasureType.BOTH],
}


@dataclass(frozen=True)
class RegistryEvidence:
    registry: str
    label: str
    ratings: list[EvidenceRating]


def library() -> QuerySet[Method]:
    """All methods with their ratings, in two queries."""
    ratings = Prefetch(
        "ratings", queryset=EvidenceRating.objects.order_by("registry", "outcome", "population")
    )
    return Method.objects.prefetch_related(ratings)


def get_method_or_404(slug: str) -> Method:
    """One method of the library, by its slug, with its ratings; an unknown slug is a 404."""
    method = library().filter(slug=slug).first()
    if method is None:
        raise Http404(_("Det finns ingen sådan metod i metodbiblioteket."))
    return method


def search_methods(query: str, *, limit: int = 20) -> list[Method]:
    """Methods of the library whose name, other names or summary contain the query."""
    found = containing(Method.objects.all(), query, "name", "other_names", "summary")
    return list(found.only("slug", "name", "kind").order_by("name")[:limit])


def filter_methods(*, kind: str = "", verdict: str = "") -> QuerySet[Method]:
    """Methods of a kind, with at least one rating of the verdict ("ej bedömd": none rated)."""
    methods = library()
    if kind in KINDS_MATCHING:
        methods = methods.filter(kind__in=KINDS_MATCHING[kind])
    if verdict == Verdict.NOT_RATED:
        methods = methods.exclude(ratings__verdict__in=RATED_VERDICTS)
    elif verdict in Verdict.values:
        methods = methods.filter(ratings__verdict=verdict).distinct()
    return methods


def evidence_by_registry(method: Method) -> list[RegistryEvidence]:
    """Every main registry, empty where it has not rated the method; other sources if any."""
    ratings = list(method.ratings.all())
    shown = [*MAIN_REGISTRIES]
    if any(rating.registry == Registry.OTHER for rating in ratings):
        shown.append(Registry.OTHER)
    labels = dict(Registry.choices)
    return [
        RegistryEvidence(
            registry, str(labels[registry]), [r for r in ratings if r.registry == registry]
        )
        for registry in shown
    ]


def verdicts_of(method: Method) -> list[str]:
    """The distinct verdicts of a method's ratings, best first; empty means "ej bedömd"."""
    found = {rating.verdict for rating in method.ratings.all()} - {Verdict.NOT_RATED}
    return [verdict for verdict in Verdict.values if verdict in found]
