"""An agreement's history offers each reader only the versions they could have read then."""

from datetime import date

from django.urls import reverse

from forebygg.governance.domain.agreements import publish_agreement, save_agreement
from forebygg.orgs.enums import Visibility


def history_offered(client, user, agreement) -> list:
    client.force_login(user)
    url = reverse("backoffice:agreement", kwargs={"code": "0680", "pk": agreement.pk})
    response = client.get(url)
    assert response.status_code == 200
    return response.context["history"]


def test_the_county_is_offered_the_published_versions_and_the_coordinator_every_one(
    client, personas
):
    by = personas.coordinator_a
    draft = save_agreement(
        None,
        kommun=personas.kommun_a,
        by=by,
        kind="medborgarloften",
        title="Utkast om kameror vid skolan",
        parties=[personas.police_a],
    )
    signed = save_agreement(
        draft, kommun=personas.kommun_a, by=by, title="Trygg skolväg", signed_on=date(2026, 1, 15)
    )
    agreement = publish_agreement(signed, by=by)
    published = agreement.history.filter(visibility=Visibility.PUBLISHED).count()

    county = history_offered(client, personas.county_a, agreement)
    coordinator = history_offered(client, by, agreement)

    assert [record.title for record in county] == ["Trygg skolväg"] * published
    assert len(coordinator) == agreement.history.count()
    assert coordinator[-1].title == "Utkast om kameror vid skolan"
