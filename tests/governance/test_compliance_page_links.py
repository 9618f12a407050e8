"""The compliance page turns each rule's evidence into a link to the page that shows it."""

from datetime import date

import pytest
from django.urls import reverse

from forebygg.plans.domain.planning import decide_plan

pytestmark = pytest.mark.django_db

URL = reverse("backoffice:compliance", kwargs={"code": "0680"})


def evidence_cell(html: str, code: str) -> str:
    row = html.split(f'<tr id="rule-{code}"', 1)[1].split("</tr>", 1)[0]
    return row.split("<td>")[4].split("</td>", 1)[0]


def test_each_kind_of_evidence_links_to_its_page(client, personas, governance, chain):
    decide_plan(
        chain.plan, body="Kommunfullmäktige", decided_on=date(2026, 5, 1), reference="KS 2026/12",
        by=personas.coordinator_a,
    )  # fmt: skip
    client.force_login(personas.coordinator_a)

    html = client.get(URL).content.decode()

    agreement = governance.agreement.pk
    assert evidence_cell(html, "R6") == (
        '<a href="/arbetsyta/0680/atgardsplan/1/">Åtgärdsplan version 1</a><br>'
        '<a href="/arbetsyta/0680/lagesbild/1/">Lägesbild version 1</a>'
    )
    assert evidence_cell(html, "R7") == (
        '<a href="/arbetsyta/0680/atgardsplan/1/uppfoljning/">Uppföljning</a>'
    )
    assert evidence_cell(html, "R8") == (
        f'<a href="/arbetsyta/0680/samverkan/{agreement}/">Samverkansöverenskommelse 2026–2028</a>'
    )
    assert evidence_cell(html, "R9") == '<a href="/arbetsyta/0680/rad/">Trygg i Jönköping</a>'
    assert evidence_cell(html, "R10") == (
        '<a href="/arbetsyta/0680/samordning/">Samordningsfunktion</a><br>'
        '<a href="/kommun/0680/brottsforebyggande-arbete/">Publik sida</a>'
    )
    assert evidence_cell(html, "R12") == (
        '<a href="/arbetsyta/0680/ledning/">Ledning och rapportering</a>'
    )
    assert evidence_cell(html, "R13") == '<a href="/arbetsyta/0680/ledning/">Kopplade planer</a>'


def test_a_rule_without_evidence_shows_a_dash(client, personas):
    client.force_login(personas.coordinator_a)

    html = client.get(URL).content.decode()

    assert evidence_cell(html, "R1") == "–"
    assert evidence_cell(html, "R8") == (
        '<a href="/arbetsyta/0680/samverkan/">Överenskommelser</a>'
    )
