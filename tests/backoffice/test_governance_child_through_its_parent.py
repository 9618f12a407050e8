"""A promise or a decision is reached only through its own agreement or meeting."""

from datetime import date

from django.urls import reverse

from forebygg.governance.domain import agreements, council
from forebygg.governance.models import PromiseFollowUp
from tests.governance.conftest import build_governance


def citizen_promises(personas, title):
    agreement = agreements.save_agreement(
        None,
        kommun=personas.kommun_a,
        by=personas.coordinator_a,
        kind="medborgarloften",
        title=title,
        parties=[personas.police_a],
    )
    return agreement, agreements.add_promise(
        agreement, text="Polisen patrullerar", by=personas.coordinator_a
    )


def test_a_promise_is_not_followed_up_through_another_agreement(client, personas):
    _own, promise = citizen_promises(personas, "Löften i centrum")
    other, _ = citizen_promises(personas, "Löften i Huskvarna")
    client.force_login(personas.coordinator_a)
    url = reverse(
        "backoffice:promise_follow_up",
        kwargs={"code": "0680", "pk": other.pk, "promise_pk": promise.pk},
    )

    response = client.post(url, {"outcome": "infriat", "followed_up_on": "2026-03-01"})

    assert response.status_code == 404
    assert PromiseFollowUp.objects.count() == 0


def test_a_decision_is_not_completed_through_another_meeting(client, personas):
    by = personas.coordinator_a
    strategic = build_governance(personas).council
    first = council.hold_meeting(strategic, held_on=date(2026, 3, 5), by=by)
    second = council.hold_meeting(strategic, held_on=date(2026, 4, 5), by=by)
    decision = council.add_decision(first, text="Kartlägg belysningen", by=by)
    client.force_login(by)
    url = reverse(
        "backoffice:decision_done",
        kwargs={"code": "0680", "pk": second.pk, "decision_pk": decision.pk},
    )

    response = client.post(url, {"done_on": "2026-04-06"})

    decision.refresh_from_db()
    assert response.status_code == 404
    assert decision.done_on is None
