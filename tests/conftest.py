"""Shared fixtures: the real reference data (loaded once per session) and the personas."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from forebygg.stats.national import forget_cached_indicators
from tests.personas import Personas, build_personas


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("import_reference", verbosity=0)


@pytest.fixture(autouse=True)
def swedish_by_default():
    """A request in English leaves its language active in the thread; start each test afresh."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def personas(db) -> Personas:
    return build_personas()


@pytest.fixture(scope="session")
def crime_statistics(django_db_setup, django_db_blocker):
    """Brå's real per-kommun series, loaded once for the whole session."""
    with django_db_blocker.unblock():
        call_command("import_statistics", verbosity=0)
    forget_cached_indicators()
