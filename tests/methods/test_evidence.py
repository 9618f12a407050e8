"""Ratings per registry and outcome: each registry's own scale, folded into one verdict."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from forebygg.methods.domain.evidence import evidence_by_registry, filter_methods, verdicts_of
from forebygg.methods.enums import Rating, Registry, Verdict
from forebygg.methods.models import EvidenceRating, verdict_for


def rate(method, registry, rating, outcome="", **fields) -> EvidenceRating:
    return EvidenceRating.objects.create(
        method=method,
        registry=registry,
        rating=rating,
        outcome=outcome,
        source_note="Testkälla",
        **fields,
    )


@pytest.mark.parametrize(
    ("registry", "rating", "verdict"),
    [
        (Registry.CRIMESOLUTIONS, Rating.CS_EFFECTIVE, Verdict.EFFECTIVE),
        (Registry.CRIMESOLUTIONS, Rating.CS_PROMISING, Verdict.PROMISING),
        (Registry.CRIMESOLUTIONS, Rating.CS_INEFFECTIVE, Verdict.INEFFECTIVE),
        (Registry.CRIMESOLUTIONS, Rating.CS_NEGATIVE, Verdict.HARMFUL),
        (Registry.CRIMESOLUTIONS, Rating.CS_INCONCLUSIVE, Verdict.INCONCLUSIVE),
        (Registry.BLUEPRINTS, Rating.BP_PROMISING, Verdict.PROMISING),
        (Registry.BLUEPRINTS, Rating.BP_MODEL, Verdict.EFFECTIVE),
        (Registry.BLUEPRINTS, Rating.BP_MODEL_PLUS, Verdict.EFFECTIVE),
        (Registry.METODGUIDEN, Rating.MG_DESCRIBED, Verdict.NOT_RATED),
        (Registry.UK_TOOLKIT, Rating.HARMFUL, Verdict.HARMFUL),
        (Registry.OTHER, Rating.NOT_RATED, Verdict.NOT_RATED),
    ],
)
def test_each_registry_rating_maps_to_one_verdict(registry, rating, verdict):
    assert verdict_for(registry, rating) == verdict


@pytest.mark.parametrize(
    ("registry", "rating"),
    [
        (Registry.METODGUIDEN, Rating.EFFECTIVE),  # Metodguiden never grades
        (Registry.BLUEPRINTS, Rating.CS_INEFFECTIVE),  # Blueprints has no "ineffective"
        (Registry.CRIMESOLUTIONS, Rating.BP_MODEL),
    ],
)
def test_a_rating_outside_the_registrys_scale_is_refused(library, registry, rating):
    with pytest.raises(ValidationError, match="skala"):
        rate(library["sig"], registry, rating)
    assert not library["sig"].ratings.exists()


def test_inconclusive_and_not_rated_stay_apart_from_ineffective(library):
    sig = library["sig"]
    rate(sig, Registry.CRIMESOLUTIONS, Rating.CS_INCONCLUSIVE, "Återfall")
    rate(sig, Registry.METODGUIDEN, Rating.MG_DESCRIBED)

    assert verdicts_of(sig) == [Verdict.INCONCLUSIVE]
    assert sig.adverse_ratings() == []
    assert sig.supporting_ratings() == []


def test_one_method_has_a_rating_per_outcome(library):
    gvi = library["gvi-sluta-skjut"]
    rate(gvi, Registry.CRIMESOLUTIONS, Rating.CS_EFFECTIVE, "Skjutningar")
    rate(gvi, Registry.CRIMESOLUTIONS, Rating.CS_INEFFECTIVE, "Narkotikabrott")

    by_outcome = {r.outcome: r.verdict for r in gvi.ratings.all()}
    assert by_outcome == {"Skjutningar": Verdict.EFFECTIVE, "Narkotikabrott": Verdict.INEFFECTIVE}
    assert [r.outcome for r in gvi.adverse_ratings()] == ["Narkotikabrott"]
    with pytest.raises(IntegrityError), transaction.atomic():
        rate(gvi, Registry.CRIMESOLUTIONS, Rating.CS_PROMISING, "Skjutningar")


def test_the_verdict_follows_the_rating_when_it_is_changed(library):
    rating = rate(library["est"], Registry.UK_TOOLKIT, Rating.PROMISING, "Ordningsstörningar")
    rating.rating = Rating.INEFFECTIVE
    rating.save()
    rating.refresh_from_db()
    assert rating.verdict == Verdict.INEFFECTIVE


def test_every_main_registry_is_listed_and_empty_ones_stay_empty(library):
    evidence = evidence_by_registry(library["tfco"])

    assert [entry.registry for entry in evidence] == [
        Registry.CRIMESOLUTIONS,
        Registry.BLUEPRINTS,
        Registry.UK_TOOLKIT,
        Registry.METODGUIDEN,
    ]
    assert [len(entry.ratings) for entry in evidence] == [0, 1, 0, 0]


def test_methods_are_filtered_by_kind_and_verdict(library):
    rate(library["kamerabevakning"], Registry.UK_TOOLKIT, Rating.INEFFECTIVE, "Våldsbrott")

    def slugs(**filters):
        return sorted(method.slug for method in filter_methods(**filters))

    assert slugs(verdict=Verdict.EFFECTIVE) == ["tfco"]
    assert slugs(verdict=Verdict.INEFFECTIVE) == ["kamerabevakning"]
    assert "tfco" not in slugs(verdict=Verdict.NOT_RATED)
    assert "kamerabevakning" not in slugs(verdict=Verdict.NOT_RATED)
    assert len(slugs(verdict=Verdict.NOT_RATED)) == 7
    assert slugs(kind="situationell") == ["est", "kamerabevakning", "trygghetsvandring"]
    assert "est" in slugs(kind="social")  # both social and situational
