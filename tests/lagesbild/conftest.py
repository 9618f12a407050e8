import pytest
from django.core.management import call_command

from forebygg.lagesbild.domain.drafting import forget_cached_indicators


@pytest.fixture(scope="session")
def crime_statistics(django_db_setup, django_db_blocker):
    """Brå's real per-kommun series, loaded once for the whole session."""
    with django_db_blocker.unblock():
        call_command("import_statistics", verbosity=0)
    forget_cached_indicators()
