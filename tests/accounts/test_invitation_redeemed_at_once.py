"""One invitation link opened in two browsers and sent from both at once: one account, one use.

The link is single-use. Whichever request comes second waits for the first to commit, is told
that the link has been used, and creates no account and no membership.
"""

import threading

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import reverse

from forebygg.orgs.domain.invitations import invite_partner
from forebygg.orgs.enums import Role
from forebygg.orgs.models import Membership
from tests.concurrency import COMMITTED, at_once, second_while_first_is_open
from tests.personas import make_user

pytestmark = COMMITTED
PASSWORD = "Trygghet-2026!x"
USED = "Inbjudan har redan använts. Be kommunens samordnare om en ny."


def invitation_path(personas, email: str) -> str:
    _invitation, token = invite_partner(
        kommun=personas.kommun_a, email=email, by=personas.coordinator_a,
        organisation=personas.police_a,
    )  # fmt: skip
    return reverse("accounts:invitation", kwargs={"token": token})


def browser(user=None) -> Client:
    client = Client(raise_request_exception=False)  # a server error is a response, as served
    if user is not None:
        client.force_login(user)
    return client


class Requests:
    """Responses collected from requests made on other threads."""

    def __init__(self) -> None:
        self.responses: dict[str, object] = {}
        self._lock = threading.Lock()

    def post(self, name: str, client: Client, path: str, data: dict | None = None):
        def send() -> None:
            response = client.post(path, data or {})
            with self._lock:
                self.responses[name] = response

        return send

    def status_codes(self) -> list[int]:
        return sorted(response.status_code for response in self.responses.values())

    def refusals(self) -> list[str]:
        return [
            USED
            for response in self.responses.values()
            if response.status_code == 404 and USED in response.content.decode()
        ]


def register(name: str) -> dict:
    return {"username": name, "password1": PASSWORD, "password2": PASSWORD}


def partner_memberships(personas) -> int:
    return Membership.objects.filter(
        organisation=personas.police_a, role=Role.PARTNER_MEMBER, user__username__startswith="p-"
    ).count()


def test_two_registrations_at_once_create_one_account(committed_personas):
    personas = committed_personas
    rounds = 5
    for number in range(rounds):
        path = invitation_path(personas, f"polis{number}@polisen.se")
        sent = Requests()

        at_once(
            sent.post("first", browser(), path, register(f"p-{number}-a")),
            sent.post("second", browser(), path, register(f"p-{number}-b")),
        )

        assert sent.status_codes() == [302, 404]
        assert sent.refusals() == [USED]
        created = get_user_model().objects.filter(username__startswith=f"p-{number}-")
        assert created.count() == 1
    assert partner_memberships(personas) == rounds


def test_the_registration_that_comes_second_waits_and_is_told_the_link_is_used(
    committed_personas,
):
    personas = committed_personas
    path = invitation_path(personas, "polis@polisen.se")
    sent = Requests()
    first, second = browser(), browser()
    assert second.get(path).status_code == 200  # the form is open in both browsers

    def first_in_open_transaction():
        with transaction.atomic():
            sent.post("first", first, path, register("p-anna"))()

    second_while_first_is_open(
        first_in_open_transaction, sent.post("second", second, path, register("p-bo"))
    )

    assert (sent.responses["first"].status_code, sent.responses["second"].status_code) == (
        302,
        404,
    )
    assert sent.refusals() == [USED]
    assert list(get_user_model().objects.filter(username__startswith="p-").values_list(
        "username", flat=True)) == ["p-anna"]  # fmt: skip
    assert partner_memberships(personas) == 1


def test_two_people_accepting_one_link_at_once_make_one_member(committed_personas):
    personas = committed_personas
    path = invitation_path(personas, "polis@polisen.se")
    anna, bo = make_user("p-anna"), make_user("p-bo")
    sent = Requests()

    at_once(sent.post("anna", browser(anna), path), sent.post("bo", browser(bo), path))

    assert sent.status_codes() == [302, 404]
    assert sent.refusals() == [USED]
    assert partner_memberships(personas) == 1
