"""Shared fixtures: the real reference data (loaded once per session) and the personas."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from forebygg.geo.models import Kommun
from forebygg.stats.national import forget_cached_indicators
from tests.concurrency import save_sqlite_copy, sqlite_file_connections
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


@pytest.fixture(scope="session")
def sqlite_template(django_db_setup, django_db_blocker, tmp_path_factory) -> Path | None:
    """On SQLite, the test database as setup left it (reference data only), saved to a file."""
    if connection.vendor != "sqlite":
        return None
    path = tmp_path_factory.mktemp("sqlite") / "template.sqlite3"
    with django_db_blocker.unblock():
        save_sqlite_copy(path)
    return path


@pytest.fixture
def committed_database(request, sqlite_template, tmp_path):
    """A database several connections write at once, with rows committed for real.

    On PostgreSQL it is the test database, emptied afterwards. SQLite's test database lives in
    memory, where two writers fail instead of waiting for each other; there the test runs on a
    file copy of its own with the production settings (WAL, busy timeout, immediate writes).
    """
    if request.node.get_closest_marker("django_db") is None:
        raise pytest.UsageError("Mark the test with tests.concurrency.COMMITTED.")
    if sqlite_template is None:
        _with_reference_data()
        yield
        return
    path = tmp_path / "forebygg.sqlite3"
    shutil.copyfile(sqlite_template, path)
    with sqlite_file_connections(path):
        yield


def _with_reference_data() -> None:
    """An earlier test that committed for real has emptied the tables afterwards."""
    if not Kommun.objects.exists():
        call_command("import_reference", verbosity=0)


@pytest.fixture
def committed_personas(committed_database) -> Personas:
    return build_personas()
