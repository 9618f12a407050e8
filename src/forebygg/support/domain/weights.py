"""Brå's saved default weights for the prioritisation: read by everyone, changed only by Brå."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from forebygg.core.models import save_as
from forebygg.orgs.access import is_national_viewer
from forebygg.support.domain.prioritisation import default_weights, validate_weights
from forebygg.support.models import BRA_DEFAULT, PriorityWeights


def stored_default() -> PriorityWeights | None:
    return PriorityWeights.objects.filter(name=BRA_DEFAULT).first()


def current_weights(stored: PriorityWeights | None = None) -> dict[str, float]:
    """Brå's saved weights; a criterion the saved set does not name keeps its declared default."""
    stored = stored if stored is not None else stored_default()
    weights = default_weights()
    if stored is not None:
        saved = {key: value for key, value in stored.weights.items() if key in weights}
        try:
            weights.update(validate_weights({**weights, **saved}))
        except ValidationError:  # a set saved before a criterion changed: use the defaults
            return default_weights()
    return weights


@transaction.atomic
def save_default_weights(weights: Mapping[str, object], *, by) -> PriorityWeights:
    """Store `weights` as Brå's default. The history row records who changed them and when."""
    if not is_national_viewer(by):
        raise PermissionDenied(_("Bara Brå kan ändra standardvikterna."))
    cleaned = validate_weights(weights)
    stored = PriorityWeights.objects.select_for_update().filter(name=BRA_DEFAULT).first()
    stored = stored or PriorityWeights(name=BRA_DEFAULT)
    stored.weights = cleaned
    return save_as(stored, by=by, reason=_("Brå:s standardvikter för prioriteringen ändrade"))
