"""A problem can be added with its first cause in one form, from the workspace home too."""

import pytest
from django.urls import reverse

from forebygg.plans.models import Cause, Problem
from tests.backoffice.test_personas import client_for

pytestmark = pytest.mark.django_db

URL = reverse("backoffice:problem_create", kwargs={"code": "0680"})


def test_the_problem_and_its_first_cause_are_written_together(client, personas):
    response = client_for(client, personas, "coordinator_a").post(
        URL,
        {"title": "Inbrott", "first_cause_perspective": "situationellt", "first_cause": "Få vuxna"},
    )

    problem = Problem.objects.get(kommun=personas.kommun_a, title="Inbrott")
    assert response.url == reverse("backoffice:problem", kwargs={"code": "0680", "pk": problem.pk})
    assert list(problem.causes.values_list("perspective", "text")) == [
        ("situationellt", "Få vuxna")
    ]


def test_from_the_workspace_home_it_goes_back_there(client, personas):
    response = client_for(client, personas, "coordinator_a").post(
        URL,
        {
            "title": "Inbrott",
            "first_cause_perspective": "offer",
            "first_cause": "Olåsta dörrar",
            "then": "arbetsyta",
        },
    )

    assert response.url == "/arbetsyta/0680/"
    assert Cause.objects.filter(problem__kommun=personas.kommun_a).count() == 1


def test_a_cause_without_its_perspective_writes_nothing(client, personas):
    client_for(client, personas, "coordinator_a").post(
        URL, {"title": "Inbrott", "first_cause": "Få vuxna", "then": "arbetsyta"}
    )

    assert Problem.objects.filter(kommun=personas.kommun_a).count() == 0


def test_any_other_then_is_ignored(client, personas):
    response = client_for(client, personas, "coordinator_a").post(
        URL, {"title": "Inbrott", "then": "https://example.org/"}
    )

    problem = Problem.objects.get(kommun=personas.kommun_a, title="Inbrott")
    assert response.url == reverse("backoffice:problem", kwargs={"code": "0680", "pk": problem.pk})
