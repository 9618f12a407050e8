"""Reference data for modules that read the session database outside a test transaction.

Live-server (browser) tests flush every table when they end, and pytest-django runs tests
that request no `db` fixture after them. A module here whose module-scoped fixture reads or
writes the session database (test_national's `import_statistics`) would then find no
kommuner; this puts the reference data back first. It costs one query when nothing was
flushed.
"""

import pytest
from django.core.management import call_command

from forebygg.geo.models import Kommun


@pytest.fixture(scope="module", autouse=True)
def reference_data_present(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if not Kommun.objects.exists():
            call_command("import_reference", verbosity=0)
