"""The public page shows only what the kommun has published."""

from datetime import date

import pytest

from forebygg.governance.domain import agreements
from forebygg.governance.domain.publication import published_work

pytestmark = pytest.mark.django_db


def test_nothing_unpublished_reaches_the_public_page(personas, governance, chain):
    work = published_work(personas.kommun_a)

    assert work["function"] == governance.function  # the contact point was published
    assert work["agreements"] == []
    assert work["plan"] is None
    assert work["lagesbild"] is None


def test_a_published_agreement_and_citizen_promises_are_shown(personas, governance):
    agreements.publish_agreement(governance.agreement, by=personas.coordinator_a)
    promises = agreements.save_agreement(
        None, kommun=personas.kommun_a, by=personas.coordinator_a, kind="medborgarloften",
        title="Medborgarlöften 2026", signed_on=date(2026, 2, 1), parties=[personas.police_a],
    )  # fmt: skip
    agreements.publish_agreement(promises, by=personas.coordinator_a)

    work = published_work(personas.kommun_a)

    assert work["agreements"] == [governance.agreement]
    assert work["promises"] == [promises]
