"""Agreements (§ 9) and citizen promises: validation, parties, publication, warnings."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from forebygg.governance.domain import agreements
from forebygg.governance.models import Agreement
from forebygg.orgs.domain.authorities import kommun_administration, lansstyrelse_of
from forebygg.orgs.enums import Visibility

pytestmark = pytest.mark.django_db


def new(personas, **fields):
    defaults = {"kind": "samverkan", "title": "Överenskommelse", "parties": [personas.police_a]}
    return agreements.save_agreement(
        None, kommun=personas.kommun_a, by=personas.coordinator_a, **{**defaults, **fields}
    )


def kinds(warnings) -> list[str]:
    return [warning.kind for warning in warnings]


def test_the_kommun_is_always_a_party_and_the_others_may_read_it(personas):
    agreement = new(personas)

    assert set(agreement.parties.all()) == {
        kommun_administration(personas.kommun_a),
        personas.police_a,
    }
    assert Agreement.objects.visible_to(personas.partner_a).filter(pk=agreement.pk).exists()
    assert not Agreement.objects.visible_to(personas.member_b).filter(pk=agreement.pk).exists()


def test_a_party_must_be_a_registered_actor(personas):
    with pytest.raises(ValidationError, match="registrerade aktörer"):
        new(personas, parties=[lansstyrelse_of(personas.kommun_b.lan)])
    assert not Agreement.objects.exists()


def test_validity_cannot_end_before_it_starts(personas):
    with pytest.raises(ValidationError, match="före startdatum"):
        new(personas, valid_from=date(2027, 1, 1), valid_until=date(2026, 1, 1))


def test_another_kommuns_measure_cannot_be_linked(personas, chain):
    from forebygg.plans.models import Measure

    measure = Measure.objects.get(pk=chain.measure.pk)
    agreement = new(personas, measures=[measure])
    assert list(agreement.measures.all()) == [measure]

    coordinator_b = get_user_model().objects.get(username="bertil")
    with pytest.raises(ValidationError, match="egna åtgärdsplaner"):
        agreements.save_agreement(
            None, kommun=personas.kommun_b, by=coordinator_b, kind="samverkan",
            title="B", measures=[measure],
        )  # fmt: skip


def test_missing_purposes_and_areas_unsigned_and_renewal_are_warned(personas):
    agreement = new(personas, valid_until=date(2027, 1, 31))

    warnings = agreements.agreement_warnings([agreement], today=date(2026, 11, 22))

    assert kinds(warnings) == ["innehall", "underskrift", "fornyelse"]
    assert "syften och samverkansområden" in warnings[0].message


def test_an_expired_agreement_is_warned(personas):
    agreement = new(
        personas,
        purposes="P",
        areas="O",
        signed_on=date(2024, 1, 1),
        valid_until=date(2025, 12, 31),
    )

    warnings = agreements.agreement_warnings([agreement], today=date(2026, 11, 22))

    assert kinds(warnings) == ["utgangen"]
    assert not agreements.is_in_force(agreement, date(2026, 11, 22))


def test_only_a_signed_agreement_can_be_published(personas):
    agreement = new(personas, purposes="P", areas="O")
    with pytest.raises(ValidationError, match="undertecknad"):
        agreements.publish_agreement(agreement, by=personas.coordinator_a)

    agreements.save_agreement(
        agreement, kommun=personas.kommun_a, by=personas.coordinator_a, signed_on=date(2026, 1, 1)
    )
    agreements.publish_agreement(agreement, by=personas.coordinator_a)

    assert agreement.visibility == Visibility.PUBLISHED
    assert agreement.history.first().history_change_reason == "Publicerad"


def test_every_change_is_in_the_history(personas):
    agreement = new(personas)
    agreements.save_agreement(
        agreement, kommun=personas.kommun_a, by=personas.coordinator_a, areas="Skolor"
    )

    before, after = agreement.history.order_by("history_date")[:2]
    assert (before.areas, after.areas) == ("", "Skolor")
    assert after.history_user == personas.coordinator_a


def test_only_the_coordinator_changes_agreements(personas):
    with pytest.raises(PermissionDenied):
        agreements.save_agreement(
            None, kommun=personas.kommun_a, by=personas.partner_a, kind="samverkan", title="X"
        )


class TestCitizenPromises:
    def promises(self, personas, **fields):
        return new(
            personas, kind="medborgarloften", title="Medborgarlöften 2026",
            valid_from=date(2026, 1, 1), valid_until=date(2026, 12, 31), **fields,
        )  # fmt: skip

    def test_each_promise_is_followed_up_on_its_own(self, personas):
        agreement = self.promises(personas)
        first = agreements.add_promise(
            agreement, text="Fler vuxna ute fredagskvällar", by=personas.coordinator_a
        )
        second = agreements.add_promise(
            agreement, text="Bättre belysning i parken", by=personas.coordinator_a
        )
        agreements.follow_up_promise(
            first, outcome="infriat", followed_up_on=date(2026, 11, 1), by=personas.coordinator_a
        )

        warnings = agreements.agreement_warnings([agreement], today=date(2026, 11, 22))

        assert [w.message for w in warnings if w.kind == "lofte"] == [
            "Löftet har inte följts upp: Bättre belysning i parken"
        ]
        assert second.position == 2

    def test_promises_do_not_need_purposes_and_areas(self, personas):
        assert agreements.missing_legal_content(self.promises(personas)) == []

    def test_a_cooperation_agreement_holds_no_promises(self, personas):
        with pytest.raises(ValidationError):
            agreements.add_promise(new(personas), text="Löfte", by=personas.coordinator_a)

    def test_a_follow_up_cannot_be_dated_in_the_future(self, personas):
        promise = agreements.add_promise(
            self.promises(personas), text="L", by=personas.coordinator_a
        )
        with pytest.raises(ValidationError, match="framtiden"):
            agreements.follow_up_promise(
                promise, outcome="pagar", followed_up_on=date(2099, 1, 1), by=personas.coordinator_a
            )
