"""A coordinator invites a partner by e-mail; the link creates the account and the membership."""

import re
from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forebygg.orgs.access import access_for
from forebygg.orgs.enums import Role
from forebygg.orgs.models import Invitation, Membership, Organisation, Partnership
from tests.personas import login_as


def invite(client, **data):
    login_as(client, "alice")
    return client.post(reverse("backoffice:invite", kwargs={"code": "0680"}), data)


def link_in_mail() -> str:
    return re.search(r"http://\S+/inbjudan/\S+/", mail.outbox[-1].body).group(0)


def test_invitation_mail_carries_a_link_that_creates_a_partner_account(client, personas):
    response = invite(
        client,
        email="Anna@Bostadsbolaget.se",
        new_name="Bostadsbolaget AB",
        new_type="bostadsbolag",
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@bostadsbolaget.se"]
    assert "Jönköpings kommun" in mail.outbox[0].subject
    path = link_in_mail().split("127.0.0.1:8000")[1]

    client.logout()
    page = client.get(path)
    assert "Inbjudan från Jönköpings kommun" in page.content.decode()
    response = client.post(
        path, {"username": "anna", "password1": "Trygghet-2026!x", "password2": "Trygghet-2026!x"}
    )

    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Bostadsbolaget AB")
    assert Partnership.objects.filter(kommun=personas.kommun_a, organisation=organisation).exists()
    membership = Membership.objects.get(user__username="anna")
    assert (membership.organisation, membership.role) == (organisation, Role.PARTNER_MEMBER)
    assert personas.kommun_a.pk in access_for(membership.user).partner_kommun_ids


def test_an_invitation_link_works_only_once(client, personas):
    invite(client, email="p@polisen.se", organisation=personas.police_a.pk)
    path = link_in_mail().split("127.0.0.1:8000")[1]
    client.logout()
    client.post(
        path, {"username": "p1", "password1": "Trygghet-2026!x", "password2": "Trygghet-2026!x"}
    )
    client.logout()

    second = client.get(path)

    assert second.status_code == 404
    assert "Inbjudan gäller inte" in second.content.decode()


def test_an_expired_invitation_is_refused(client, personas):
    invite(client, email="p@polisen.se", organisation=personas.police_a.pk)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    path = link_in_mail().split("127.0.0.1:8000")[1]
    client.logout()
    assert client.get(path).status_code == 404


def test_an_invitation_needs_an_organisation(client, personas):
    response = invite(client, email="x@example.se")
    assert response.status_code == 200
    assert "Välj en befintlig samverkanspart eller skriv namnet" in response.content.decode()
    assert mail.outbox == []


def test_the_token_is_stored_only_as_a_hash(client, personas):
    invite(client, email="p@polisen.se", organisation=personas.police_a.pk)
    token = link_in_mail().rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get()
    assert token not in invitation.token_hash
    assert len(invitation.token_hash) == 64


def test_an_existing_user_can_accept_while_logged_in(client, personas):
    invite(client, email="b@bra.se", organisation=personas.police_a.pk)
    path = link_in_mail().split("127.0.0.1:8000")[1]
    client.logout()
    login_as(client, "bob")

    client.post(path)

    assert Membership.objects.filter(
        user=personas.member_b, organisation=personas.police_a, role=Role.PARTNER_MEMBER
    ).exists()
