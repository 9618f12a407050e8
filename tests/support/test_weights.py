"""Brå's saved default weights: only Brå changes them, every change is in the history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from forebygg.support.domain.prioritisation import default_weights
from forebygg.support.domain.weights import current_weights, save_default_weights
from forebygg.support.models import PriorityWeights

pytestmark = pytest.mark.django_db


def test_without_a_saved_set_the_declared_defaults_apply():
    assert current_weights() == default_weights()


def test_brå_saves_a_set_and_the_history_names_the_analyst(personas):
    save_default_weights(default_weights() | {"lagkrav": 3}, by=personas.analyst)

    assert current_weights()["lagkrav"] == 3
    change = PriorityWeights.objects.get().history.get()
    assert (change.history_user, change.weights["lagkrav"]) == (personas.analyst, 3.0)


@pytest.mark.parametrize("persona", ["coordinator_a", "partner_a", "county_a", "anonymous"])
def test_no_one_else_may_save(personas, persona):
    with pytest.raises(PermissionDenied):
        save_default_weights(default_weights(), by=personas.user(persona))

    assert not PriorityWeights.objects.exists()


def test_an_invalid_set_is_not_saved(personas):
    with pytest.raises(ValidationError, match="får inte vara negativ"):
        save_default_weights(default_weights() | {"utsatt": -5}, by=personas.analyst)

    assert not PriorityWeights.objects.exists()


def test_a_criterion_the_saved_set_lacks_keeps_its_declared_weight():
    saved = default_weights() | {"utsatt": 7}
    del saved["forutsattningar"]  # as if the criterion had been added after the set was saved
    PriorityWeights.objects.create(weights=saved)

    assert current_weights() == default_weights() | {"utsatt": 7}
