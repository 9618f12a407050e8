"""Partner access follows the kommun that invited the person (data only).

Its own migration, so that on PostgreSQL the rows it writes are committed before the next
migration builds the unique indexes (an index cannot be built while row triggers are pending).
"""

from django.db import migrations
from django.utils import timezone

PARTNER = "partner"
REASON = "Åtkomst knuten till kommunen som bjöd in (lag 2023:196, behörighetsregel)"


def partner_access_follows_the_inviting_kommun(apps, schema_editor):
    """Existing partner members keep the kommuner their accepted invitations were for.

    A membership with no accepted invitation (demo data, made in the admin) is assigned to the
    organisation's home kommun when that kommun has it as a partner; otherwise it keeps no
    kommun and grants nothing until a coordinator invites the person. Each change leaves a
    history row with the reason, and the migration prints what it did.
    """
    Membership = apps.get_model("orgs", "Membership")
    Invitation = apps.get_model("orgs", "Invitation")
    Partnership = apps.get_model("orgs", "Partnership")
    History = apps.get_model("orgs", "HistoricalMembership")
    partners = Membership.objects.filter(role=PARTNER, kommun__isnull=True).select_related(
        "organisation"
    )
    for membership in partners:
        kommun_ids = sorted(
            set(
                Invitation.objects.filter(
                    accepted_by_id=membership.user_id,
                    organisation_id=membership.organisation_id,
                    accepted_at__isnull=False,
                ).values_list("kommun_id", flat=True)
            )
        )
        how = "inbjudan"
        if not kommun_ids:
            home = membership.organisation.home_kommun_id
            if home and Partnership.objects.filter(
                kommun_id=home, organisation_id=membership.organisation_id
            ).exists():
                kommun_ids, how = [home], "organisationens hemkommun (ingen inbjudan)"
        if not kommun_ids:
            _say(f"medlemskap {membership.pk}: ingen kommun – ger ingen åtkomst förrän inbjudan")
            continue
        membership.kommun_id = kommun_ids[0]
        membership.save(update_fields=["kommun"])
        _record(History, membership, "~")
        _say(f"medlemskap {membership.pk}: kommun {kommun_ids[0]} ({how})")
        for kommun_id in kommun_ids[1:]:
            copy = Membership.objects.create(
                user_id=membership.user_id,
                organisation_id=membership.organisation_id,
                role=PARTNER,
                kommun_id=kommun_id,
            )
            _record(History, copy, "+")
            _say(f"medlemskap {copy.pk} (nytt): kommun {kommun_id} ({how})")


def _record(History, membership, kind):
    History.objects.create(
        id=membership.pk,
        user_id=membership.user_id,
        organisation_id=membership.organisation_id,
        role=membership.role,
        kommun_id=membership.kommun_id,
        created_at=membership.created_at,
        updated_at=membership.updated_at,
        history_date=timezone.now(),
        history_type=kind,
        history_change_reason=REASON,
    )


def _say(line):
    print(f"  orgs.0004: {line}")


class Migration(migrations.Migration):

    dependencies = [
        ('orgs', '0003_membership_for_kommun'),
    ]

    operations = [
        migrations.RunPython(partner_access_follows_the_inviting_kommun, migrations.RunPython.noop),
    ]
