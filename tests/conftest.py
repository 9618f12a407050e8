"""Shared fixtures: the real reference data (loaded once per session) and the personas."""

import pytest
from django.core.management import call_command

from forebygg.lagesbild.domain.drafting import forget_cached_indicators
from tests.personas import Personas, build_personas


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("import_reference", verbosity=0)


@pytest.fixture
def personas(db) -> Personas:
    return build_personas()


@pytest.fixture(scope="session")
def crime_statistics(django_db_setup, django_db_blocker):
    """Brå's real per-kommun series, loaded once for the whole session."""
    with django_db_blocker.unblock():
        call_command("import_statistics", verbosity=0)
    forget_cached_indicators()
