"""Two requests deciding, publishing or drafting a lägesbild at once: the second is refused.

The second request read the version before the first wrote it. It waits for the first to
commit, then meets the stored version: nothing is written for it, and the history holds one
decision and one publication.
"""

import pytest

from forebygg.lagesbild import domain
from forebygg.lagesbild.enums import LagesbildStatus
from forebygg.lagesbild.models import Lagesbild
from forebygg.orgs.enums import Visibility
from tests.concurrency import COMMITTED, LOST, WON, at_once, second_while_first_is_open
from tests.lagesbild_decision import DECIDED_ON, decide_written, write_required_parts

pytestmark = COMMITTED


def page(lagesbild: Lagesbild) -> Lagesbild:
    return Lagesbild.objects.select_related("kommun").get(pk=lagesbild.pk)


def decide(lagesbild: Lagesbild, *, by, body: str) -> Lagesbild:
    return domain.decide_lagesbild(
        lagesbild, by=by, body=body, decided_on=DECIDED_ON, reference="KS 2026/14"
    )


@pytest.fixture
def draft(committed_personas):
    by = committed_personas.coordinator_a
    return write_required_parts(domain.draft_lagesbild(committed_personas.kommun_a, by=by), by=by)


@pytest.fixture
def decided(committed_personas, draft):
    return decide(draft, by=committed_personas.coordinator_a, body="KS")


def test_two_decisions_at_once_decide_it_once(committed_personas, draft):
    by = committed_personas.coordinator_a
    first_page, second_page = page(draft), page(draft)

    made, refused = second_while_first_is_open(
        lambda: decide(first_page, by=by, body="Kommunstyrelsen"),
        lambda: decide(second_page, by=by, body="Kommunfullmäktige"),
    )

    assert (made.result, refused.result) == (WON, LOST)
    assert refused.message == "En fastställd lägesbild kan inte ändras. Skapa en ny version."
    assert refused.finished_at >= made.committed_at
    stored = page(draft)
    assert (stored.status, stored.decided_by_body) == (LagesbildStatus.DECIDED, "Kommunstyrelsen")
    reasons = [r.history_change_reason for r in stored.history.order_by("history_id")]
    moves = [reason for reason in reasons if not reason.startswith("Avsnitt ")]
    assert moves == ["Utkast skapat från data", "Fastställd"]


def test_two_publications_at_once_publish_it_once(committed_personas, decided):
    by = committed_personas.coordinator_a
    first_page, second_page = page(decided), page(decided)

    made, refused = second_while_first_is_open(
        lambda: domain.publish_lagesbild(first_page, by=by),
        lambda: domain.publish_lagesbild(second_page, by=by),
    )

    assert (made.result, refused.result) == (WON, LOST)
    assert refused.message == "Lägesbilden är redan publicerad."
    stored = page(decided)
    assert stored.visibility == Visibility.PUBLISHED
    published = [r for r in stored.history.all() if r.visibility == Visibility.PUBLISHED]
    assert len(published) == 1


def test_a_new_draft_asked_for_while_another_is_being_made_is_refused(committed_personas, decided):
    kommun, by = committed_personas.kommun_a, committed_personas.coordinator_a

    made, refused = second_while_first_is_open(
        lambda: domain.draft_lagesbild(kommun, by=by),
        lambda: domain.draft_lagesbild(kommun, by=by),
    )

    assert (made.result, refused.result) == (WON, LOST)
    assert refused.message == "Det finns redan ett utkast. Arbeta vidare i det."
    drafts = Lagesbild.objects.filter(kommun=kommun, status=LagesbildStatus.DRAFT)
    assert list(drafts.values_list("number", flat=True)) == [2]


def test_new_drafts_asked_for_at_the_same_moment_make_one_each_time(committed_personas, decided):
    kommun, by = committed_personas.kommun_a, committed_personas.coordinator_a
    rounds = 5

    for number in range(2, 2 + rounds):
        outcomes = at_once(
            lambda: domain.draft_lagesbild(kommun, by=by),
            lambda: domain.draft_lagesbild(kommun, by=by),
        )

        assert sorted(o.result for o in outcomes) == [LOST, WON]
        drafts = Lagesbild.objects.filter(kommun=kommun, status=LagesbildStatus.DRAFT)
        assert list(drafts.values_list("number", flat=True)) == [number]
        decide_written(drafts.get(), by=by)
