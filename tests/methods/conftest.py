"""The seeded method library, and experiences from three kommuner in two län and two groups.

Jönköping (kommun A, län 06, group B3), Linköping (län 05, group B3), Malmö (kommun B, län 12,
group A1).
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model

from forebygg.geo.models import Kommun
from forebygg.methods.domain.experiences import publish_experience, write_experience
from forebygg.methods.domain.library import seed_method_library
from forebygg.methods.models import Experience, Method
from forebygg.orgs.domain.authorities import kommun_administration
from forebygg.orgs.domain.memberships import grant_role
from forebygg.orgs.enums import Role
from tests.personas import make_user


def build_library() -> dict[str, Method]:
    seed_method_library()
    return {method.slug: method for method in Method.objects.all()}


@pytest.fixture
def library(db) -> dict[str, Method]:
    return build_library()


def coordinator_of(code: str):
    """Kommun B's coordinator exists among the personas; others are made on demand."""
    if code == "1280":
        return get_user_model().objects.get(username="bertil")
    user = make_user(f"samordnare-{code}")
    grant_role(user, kommun_administration(Kommun.objects.get(code=code)), Role.COORDINATOR)
    return user


def experience(code: str, *, by=None, published: bool = True, **fields) -> Experience:
    kommun = Kommun.objects.get(code=code)
    by = by or coordinator_of(code)
    values = {
        "title": "Erfarenhet",
        "problem_text": "Bostadsinbrott",
        "what_was_done": "Gjorde något",
        "results": "Färre inbrott i området",
        **fields,
    }
    written = write_experience(None, kommun=kommun, by=by, **values)
    return publish_experience(written, by=by) if published else written


@dataclass
class Bank:
    jonkoping_gvi: Experience
    jonkoping_draft: Experience
    linkoping_walk: Experience
    malmo_gvi: Experience


def build_bank(personas, library) -> Bank:
    return Bank(
        jonkoping_gvi=experience(
            "0680",
            by=personas.coordinator_a,
            title="Sluta skjut i Jönköping",
            problem_text="Grovt våld mellan kriminella grupper",
            method=library["gvi-sluta-skjut"],
        ),
        jonkoping_draft=experience(
            "0680",
            by=personas.coordinator_a,
            published=False,
            title="Utkast om skjutningar",
            problem_text="Grovt våld i Råslätt",
            method=library["gvi-sluta-skjut"],
        ),
        linkoping_walk=experience(
            "0580",
            title="Trygghetsvandringar i Skäggetorp",
            problem_text="Otrygghet vid busshållplatser",
            method=library["trygghetsvandring"],
        ),
        malmo_gvi=experience(
            "1280",
            title="Sluta skjut i Malmö",
            problem_text="Skjutningar och grovt våld",
            method=library["gvi-sluta-skjut"],
        ),
    )


@pytest.fixture
def bank(personas, library) -> Bank:
    return build_bank(personas, library)
