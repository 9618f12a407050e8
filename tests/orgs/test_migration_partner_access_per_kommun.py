"""Migration orgs 0004: each partner membership gets the kommun its accepted invitation came from.

The rows are made in the schema of 0002 (no `Membership.kommun`), then 0003 (the column) and
0004 (the data) run. A membership accepted from several kommuner becomes one membership per
kommun; one with no invitation falls back to the organisation's home kommun if that kommun has
it as a partner, else grants nothing.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = ("orgs", "0002_historicalpartnership_contribution_and_more")
AFTER = ("orgs", "0004_partner_access_follows_the_inviting_kommun")
REASON = "Åtkomst knuten till kommunen som bjöd in (lag 2023:196, behörighetsregel)"


def migrate_to(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    executor.loader.build_graph()
    return executor.loader.project_state([target]).apps


def migrate_to_the_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def at_0002(transactional_db):
    """The schema of orgs 0002 (and everything that depends on 0003 undone), then put back."""
    try:
        yield migrate_to(BEFORE)
    finally:
        migrate_to_the_latest()


def kommun(apps, code: str, name: str):
    """The reference row if loaded; an earlier transactional test may have emptied the tables."""
    lan, _ = apps.get_model("geo", "Lan").objects.get_or_create(
        code="06", defaults={"name": "Jönköpings län", "short_name": "Jönköping"}
    )
    found, _ = apps.get_model("geo", "Kommun").objects.get_or_create(
        code=code, defaults={"name": f"{name}s kommun", "short_name": name, "lan": lan}
    )
    return found.pk


@pytest.fixture
def before(at_0002):
    """Partner memberships as they stood under 0002; the keys are the memberships' pks."""
    apps = at_0002
    User = apps.get_model(settings.AUTH_USER_MODEL)
    Organisation = apps.get_model("orgs", "Organisation")
    Partnership = apps.get_model("orgs", "Partnership")
    Membership = apps.get_model("orgs", "Membership")
    Invitation = apps.get_model("orgs", "Invitation")
    jonkoping, varnamo = kommun(apps, "0680", "Jönköping"), kommun(apps, "0683", "Värnamo")
    coordinator = User.objects.create(username="samordnare-0683")
    police = Organisation.objects.create(
        name="Lokalpolisområde Jönköping", type="polis", home_kommun_id=jonkoping
    )
    association = Organisation.objects.create(name="Föreningen Vi", type="civilsamhalle")
    for kommun_id in (jonkoping, varnamo):
        Partnership.objects.create(kommun_id=kommun_id, organisation=police)

    def partner(username: str, organisation, *invited_by: int):
        user = User.objects.create(username=username)
        for number, kommun_id in enumerate(invited_by):
            Invitation.objects.create(
                kommun_id=kommun_id,
                organisation=organisation,
                email=f"{username}@example.se",
                token_hash=f"{username}-{number}",
                invited_by=coordinator,
                expires_at=timezone.now() + timedelta(days=14),
                accepted_at=timezone.now(),
                accepted_by=user,
            )
        return Membership.objects.create(user=user, organisation=organisation, role="partner").pk

    # An open invitation from Jönköping that was never accepted gives nothing.
    Invitation.objects.create(
        kommun_id=jonkoping,
        organisation=police,
        email="vera@example.se",
        token_hash="open",
        invited_by=coordinator,
        expires_at=timezone.now() + timedelta(days=14),
    )
    return {
        "ids": {"jonkoping": jonkoping, "varnamo": varnamo},
        "invited_by_varnamo": partner("vera", police, varnamo),
        "invited_by_both": partner("bo", police, varnamo, jonkoping),
        "no_invitation_home_partner": partner("hugo", police),
        "no_invitation_no_home": partner("ines", association),
    }


def test_each_partner_membership_gets_the_kommun_that_invited_or_confirmed_it(before, capsys):
    """One test: taking the schema back and forth is slow (every later migration is undone)."""
    apps = migrate_to(AFTER)
    Membership = apps.get_model("orgs", "Membership")
    History = apps.get_model("orgs", "HistoricalMembership")
    jonkoping, varnamo = before["ids"]["jonkoping"], before["ids"]["varnamo"]

    def kommuner_of(key: str) -> list:
        user_id = Membership.objects.get(pk=before[key]).user_id
        rows = Membership.objects.filter(user_id=user_id).order_by("kommun_id")
        return list(rows.values_list("kommun_id", flat=True))

    assert kommuner_of("invited_by_varnamo") == [varnamo]
    assert kommuner_of("invited_by_both") == sorted([jonkoping, varnamo])
    assert kommuner_of("no_invitation_home_partner") == [jonkoping]
    assert kommuner_of("no_invitation_no_home") == [None]
    recorded = History.objects.filter(history_change_reason=REASON)
    assert sorted((r.user.username, r.history_type) for r in recorded) == [
        ("bo", "+"),
        ("bo", "~"),
        ("hugo", "~"),
        ("vera", "~"),
    ]
    printed = capsys.readouterr().out
    assert f"medlemskap {before['no_invitation_no_home']}: ingen kommun" in printed
