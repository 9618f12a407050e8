"""Shared fixtures: the real reference data (loaded once per session) and the personas."""

import pytest
from django.core.management import call_command

from tests.personas import Personas, build_personas


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("import_reference", verbosity=0)


@pytest.fixture
def personas(db) -> Personas:
    return build_personas()
