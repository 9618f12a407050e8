"""An agreement page lists only the measures its reader may see: a draft plan's stay hidden."""

from datetime import date

from django.urls import reverse

from forebygg.governance.domain.agreements import publish_agreement, save_agreement
from tests.plans.conftest import build_chain


def published_agreement_carried_out_by(measure, personas):
    agreement = save_agreement(
        None,
        kommun=personas.kommun_a,
        by=personas.coordinator_a,
        kind="medborgarloften",
        title="Medborgarlöfte om trygghet i centrum",
        signed_on=date(2026, 1, 15),
        parties=[personas.police_a],
        measures=[measure],
    )
    return publish_agreement(agreement, by=personas.coordinator_a)


def measures_listed(client, user, agreement) -> list[str]:
    client.force_login(user)
    url = reverse("backoffice:agreement", kwargs={"code": "0680", "pk": agreement.pk})
    response = client.get(url)
    assert response.status_code == 200
    return [measure.title for measure in response.context["measures"]]


def test_the_county_reads_the_published_agreement_without_the_draft_plans_measure(client, personas):
    chain = build_chain(personas)
    agreement = published_agreement_carried_out_by(chain.measure, personas)

    assert measures_listed(client, personas.county_a, agreement) == []
    assert measures_listed(client, personas.coordinator_a, agreement) == ["Grannsamverkan"]
