"""Agreements, the council, coordination and the compliance panel as every persona.

Kommun A's agreement and council are drafts shared with their parties and members (the police).
Nobody else outside kommun A sees them, and only A's coordinator changes anything.
"""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forebygg.governance.domain import council
from forebygg.governance.models import Agreement, CouncilMember, Document, Leadership
from tests.backoffice.test_personas import client_for
from tests.governance.conftest import build_governance
from tests.personas import PERSONA_NAMES

SECRETS = [
    "Samverkansöverenskommelse 2026–2028",
    "Trygg i Jönköping",
    "Rapport om brottsförebyggande",
]


@pytest.fixture
def governance(personas):
    governance = build_governance(personas)
    governance.meeting = council.hold_meeting(
        governance.council,
        held_on=date(2026, 10, 5),
        minutes="Protokoll",
        by=personas.coordinator_a,
    )
    return governance


def pages(governance) -> dict[str, str]:
    def url(name, **kwargs):
        return reverse(f"backoffice:{name}", kwargs={"code": "0680", **kwargs})

    return {
        "actors": url("actors"),
        "agreements": url("agreements"),
        "agreement": url("agreement", pk=governance.agreement.pk),
        "council": url("council"),
        "meeting": url("meeting", pk=governance.meeting.pk),
        "cycle": url("cycle"),
        "coordination": url("coordination"),
        "leadership": url("leadership"),
        "compliance": url("compliance"),
    }


# Which pages each persona reaches (200); every other page is a 404 (anonymous: login).
REACHES = {
    "partner_a": {
        "agreements",
        "agreement",
        "council",
        "meeting",
        "cycle",
        "coordination",
        "leadership",
    },
    "county_a": {"agreements", "council", "cycle", "coordination", "leadership"},
    "analyst": {"agreements", "council", "cycle", "coordination", "leadership"},
    "member_b": set(),
    "county_other": set(),
}
# What each may read of the drafts: the police are party to the agreement and sit in the council.
MAY_READ = {"coordinator_a": set(SECRETS), "partner_a": set(SECRETS[:2])}


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_each_persona_reaches_only_its_pages_and_reads_only_what_is_shared(
    client, personas, governance, persona
):
    client = client_for(client, personas, persona)
    for name, url in pages(governance).items():
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 302, url
            continue
        reaches = persona == "coordinator_a" or name in REACHES[persona]
        assert response.status_code == (200 if reaches else 404), (persona, name)
        for secret in set(SECRETS) - MAY_READ.get(persona, set()):
            assert secret.encode() not in response.content, (persona, name, secret)


EDITS = [
    ("agreement_edit", {"kind": "samverkan", "title": "Ändrad"}, True),
    ("member_add", {"position": "X", "seniority": "ledande"}, False),
    ("leadership_save", {"body_kind": "namnd", "body_name": "Ändrad nämnd"}, False),
    ("coordination_publish", {"published": "0"}, False),
    ("cycle_add", {"title": "X", "month": "3", "kind": "mote"}, False),
]


@pytest.mark.parametrize("persona", ["partner_a", "member_b", "county_a", "analyst"])
def test_only_the_coordinator_changes_anything(client, personas, governance, persona):
    client = client_for(client, personas, persona)
    before = (
        Agreement.objects.get().title,
        CouncilMember.objects.count(),
        Leadership.objects.get().body_name,
        governance.function.visibility,
    )
    for name, data, needs_pk in EDITS:
        kwargs = {"code": "0680", **({"pk": governance.agreement.pk} if needs_pk else {})}
        response = client.post(reverse(f"backoffice:{name}", kwargs=kwargs), data)
        assert response.status_code == 404, (persona, name)
    governance.function.refresh_from_db()
    assert before == (
        Agreement.objects.get().title,
        CouncilMember.objects.count(),
        Leadership.objects.get().body_name,
        governance.function.visibility,
    )


def test_a_signed_document_is_uploaded_and_read_by_the_parties_only(client, personas, governance):
    client.force_login(personas.coordinator_a)
    url = reverse(
        "backoffice:agreement_edit", kwargs={"code": "0680", "pk": governance.agreement.pk}
    )
    upload = SimpleUploadedFile("avtal.pdf", b"%PDF-1.7 undertecknat", "application/pdf")
    response = client.post(
        url,
        {
            "kind": "samverkan",
            "title": "Samverkansöverenskommelse 2026–2028",
            "parties": [personas.police_a.pk, governance.civil_society.pk],
            "purposes": "Minska inbrotten",
            "areas": "Bostadsområden",
            "document": upload,
        },
    )
    assert response.status_code == 302
    document = Document.objects.get()
    download = reverse("backoffice:document", kwargs={"code": "0680", "pk": document.pk})

    assert client.get(download).content == b"%PDF-1.7 undertecknat"
    client.force_login(personas.partner_a)
    assert client.get(download).status_code == 200
    for persona in ("member_b", "county_a", "analyst"):
        client.force_login(personas.user(persona))
        assert client.get(download).status_code == 404, persona


def test_a_bad_upload_changes_nothing_and_says_why(client, personas, governance):
    client.force_login(personas.coordinator_a)
    url = reverse(
        "backoffice:agreement_edit", kwargs={"code": "0680", "pk": governance.agreement.pk}
    )
    upload = SimpleUploadedFile("avtal.pdf", b"<script>alert(1)</script>", "application/pdf")

    response = client.post(
        url, {"kind": "samverkan", "title": "Nytt namn", "document": upload}, follow=True
    )

    assert "inte en giltig PDF-fil" in response.content.decode()
    assert Agreement.objects.get().title == "Samverkansöverenskommelse 2026–2028"
    assert not Document.objects.exists()


def test_the_compliance_panel_lists_all_thirteen_rules_with_their_status(
    client, personas, governance
):
    client.force_login(personas.coordinator_a)
    html = client.get(reverse("backoffice:compliance", kwargs={"code": "0680"})).content.decode()

    for number in range(1, 14):
        assert f'id="rule-R{number}"' in html
    assert 'id="rule-R8" data-status="uppfyllt"' in html
    assert 'id="rule-R5" data-status="saknas"' in html
