"""Migration reporting 0003: reports already with the county keep the answers they showed.

The rows are made in the schema of 0002 (no `answers`), then 0003 runs. A submitted, an
approved and an included report get the answers the pages computed until now, with the
combined council question; a draft and a returned report get none (they are answered when
they are submitted).
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("reporting", "0002_history_of_links")
AFTER = ("reporting", "0003_answers_kept_as_submitted")
FACTS = {
    "coordination_function": True,
    "current_lagesbild": True,
    "decided_plan": False,
    "followed_up": False,
    "agreement_party_types": ["polis", "trossamfund"],
    "council": True,
    "council_member_types": ["civilsamhalle", "kommun", "polis"],
    "methods": [],
}
SHOWN = [
    ("coordination_function", True),
    ("current_lagesbild", True),
    ("decided_plan", False),
    ("followed_up", False),
    ("agreement_civil_society", True),
    ("agreement_region", False),
    ("agreement_rescue", False),
    ("agreement_lansstyrelse", False),
    ("council_region_civil_society", False),
]


def migrate_to(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    executor.loader.build_graph()
    return executor.loader.project_state([target]).apps


@pytest.fixture
def at_0002(transactional_db):
    try:
        yield migrate_to(BEFORE)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def kommun(apps, code: str, name: str):
    """The reference row if loaded; an earlier transactional test may have emptied the tables."""
    lan, _ = apps.get_model("geo", "Lan").objects.get_or_create(
        code="06", defaults={"name": "Jönköpings län", "short_name": "Jönköping"}
    )
    found, _ = apps.get_model("geo", "Kommun").objects.get_or_create(
        code=code, defaults={"name": f"{name}s kommun", "short_name": name, "lan": lan}
    )
    return found


def test_reports_with_the_county_keep_what_they_showed(at_0002):
    YearlyReport = at_0002.get_model("reporting", "YearlyReport")
    codes = {"inskickad": "0680", "godkand": "0683", "sammanstalld": "0684"}
    codes |= {"utkast": "0685", "aterforvisad": "0686"}
    for status, code in codes.items():
        YearlyReport.objects.create(
            kommun=kommun(at_0002, code, code), year=2025, status=status, content={"facts": FACTS}
        )

    apps = migrate_to(AFTER)

    stored = {
        report.status: [(a["key"], a["answer"]) for a in report.answers]
        for report in apps.get_model("reporting", "YearlyReport").objects.all()
    }
    assert stored == {
        "inskickad": SHOWN,
        "godkand": SHOWN,
        "sammanstalld": SHOWN,
        "utkast": [],
        "aterforvisad": [],
    }
