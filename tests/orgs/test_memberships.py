import pytest
from django.core.exceptions import ValidationError

from forebygg.geo.models import Kommun
from forebygg.orgs.domain.authorities import bra, kommun_administration
from forebygg.orgs.domain.memberships import grant_role
from forebygg.orgs.enums import OrganisationType, Role
from forebygg.orgs.models import Membership, Organisation
from tests.personas import make_user


def test_every_kommun_lan_and_bra_has_an_authority_organisation(db):
    assert Organisation.objects.filter(type=OrganisationType.KOMMUN).count() == 290
    assert Organisation.objects.filter(type=OrganisationType.LANSSTYRELSE).count() == 21
    assert bra().name == "Brottsförebyggande rådet (Brå)"


def test_a_coordinator_role_can_only_be_held_in_a_kommun_administration(db):
    user = make_user("x")
    with pytest.raises(ValidationError):
        grant_role(user, bra(), Role.COORDINATOR)
    assert not Membership.objects.filter(user=user).exists()


def test_a_partner_role_cannot_be_held_in_a_kommun_administration(db):
    user = make_user("y")
    kommun = Kommun.objects.get(code="0680")
    with pytest.raises(ValidationError):
        grant_role(user, kommun_administration(kommun), Role.PARTNER_MEMBER)


def test_granting_the_same_role_twice_keeps_one_membership(db):
    user = make_user("z")
    kommun = Kommun.objects.get(code="0680")
    grant_role(user, kommun_administration(kommun), Role.COORDINATOR)
    grant_role(user, kommun_administration(kommun), Role.COORDINATOR)
    assert Membership.objects.filter(user=user).count() == 1
