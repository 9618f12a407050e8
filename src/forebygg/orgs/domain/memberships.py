"""Granting roles. Every grant is validated against the role's allowed organisation types."""

from django.db import transaction

from forebygg.core.models import save_as
from forebygg.orgs.access import forget_access
from forebygg.orgs.enums import Role
from forebygg.orgs.models import Membership, Organisation


@transaction.atomic
def grant_role(user, organisation: Organisation, role: Role, *, by=None, kommun=None) -> Membership:
    """Give `user` the role; a partner member's role holds for one `kommun` (its invitation's)."""
    existing = Membership.objects.filter(
        user=user, organisation=organisation, role=role, kommun=kommun
    ).first()
    if existing:
        return existing
    membership = Membership(user=user, organisation=organisation, role=role, kommun=kommun)
    membership.full_clean()
    save_as(membership, by=by)
    forget_access(user)
    return membership
