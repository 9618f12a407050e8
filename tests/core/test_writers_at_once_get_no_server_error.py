"""Many requests writing at once each get an answer, never a server error.

On SQLite (the test's own file copy, with the production settings) a writer waits for the one
before it instead of failing with "database is locked". The requests go through Django's
request handling, so a failure would come back as a 500 response.
"""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from forebygg.lagesbild import domain
from forebygg.lagesbild.enums import LagesbildStatus
from forebygg.lagesbild.models import Lagesbild
from tests.concurrency import COMMITTED, at_once
from tests.lagesbild_decision import DECIDED_ON, REFERENCE, write_required_parts
from tests.personas import PASSWORD, make_user

pytestmark = COMMITTED


class Browsers:
    """Responses of requests sent from other threads, by status code."""

    def __init__(self) -> None:
        self.status_codes: list[int] = []

    def post(self, path: str, data: dict, user=None):
        client = Client(raise_request_exception=False)  # a server error is a response here
        if user is not None:
            client.force_login(user)

        def send() -> None:
            self.status_codes.append(client.post(path, data).status_code)

        return send

    def server_errors(self) -> int:
        return sum(code >= 500 for code in self.status_codes)


def next_move(kommun, coordinator, browsers: Browsers):
    """Decide the kommun's draft if it has one, or else create a new draft."""
    draft = Lagesbild.objects.filter(kommun=kommun, status=LagesbildStatus.DRAFT).first()
    code = kommun.code
    if draft is None:
        return browsers.post(reverse("backoffice:lagesbild_create", kwargs={"code": code}), {},
                             coordinator)  # fmt: skip
    write_required_parts(draft, by=coordinator)
    url = reverse("backoffice:lagesbild_decide", kwargs={"code": code, "number": draft.number})
    decision = {"body": "Kommunstyrelsen", "decided_on": DECIDED_ON, "reference": REFERENCE}
    return browsers.post(url, decision, coordinator)


def test_deciding_a_lagesbild_while_others_draft_theirs(committed_personas):
    personas = committed_personas
    user = get_user_model().objects.get
    coordinators = {
        personas.kommun_a: personas.coordinator_a,
        personas.kommun_b: user(username="bertil"),
        personas.kommun_neighbour: personas.coordinator_neighbour,
    }
    domain.draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)
    browsers = Browsers()
    rounds = 4

    for _round in range(rounds):
        at_once(*(next_move(kommun, by, browsers) for kommun, by in coordinators.items()))

    assert browsers.server_errors() == 0
    assert browsers.status_codes == [302] * (rounds * len(coordinators))
    decided = Lagesbild.objects.filter(status=LagesbildStatus.DECIDED)
    assert sorted(decided.values_list("kommun__code", "number")) == [
        ("0680", 1), ("0680", 2), ("0683", 1), ("0683", 2), ("1280", 1), ("1280", 2),
    ]  # fmt: skip


def test_a_storm_of_logins(committed_personas, settings):
    """People signing in at once, some mistyping their password (the lockout counts those).

    The one-guess-per-second throttle is off here: it would rightly refuse a person's second
    attempt within the second, and this test is about writers meeting, not about guessing."""
    settings.FOREBYGG_LOGIN_GUESS_INTERVAL_SECONDS = 0
    people = [make_user(f"person-{number}") for number in range(12)]
    browsers = Browsers()
    login = reverse("accounts:login")
    rounds = 2

    for _round in range(rounds):
        at_once(
            *(browsers.post(login, {"username": p.username, "password": PASSWORD}) for p in people),
            *(browsers.post(login, {"username": p.username, "password": "fel"}) for p in people),
        )

    assert browsers.server_errors() == 0
    assert sorted(browsers.status_codes) == [200] * (rounds * len(people)) + [302] * (
        rounds * len(people)
    )
