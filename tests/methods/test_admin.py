"""Brå's analysts keep the method library in the admin; everything else there stays closed."""

from forebygg.methods.enums import Verdict
from forebygg.methods.models import EvidenceRating


def test_an_analyst_keeps_the_library_but_sees_nothing_else(client, personas, library):
    client.force_login(personas.analyst)

    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/methods/method/").status_code == 200
    assert client.get(f"/admin/methods/method/{library['tfco'].pk}/change/").status_code == 200
    assert client.get("/admin/methods/experience/").status_code == 403
    assert client.get("/admin/geo/kommun/").status_code == 403
    assert client.get("/admin/orgs/membership/").status_code == 403


def test_an_analyst_adds_a_rating_and_the_verdict_follows_the_registrys_scale(
    client, personas, library
):
    client.force_login(personas.analyst)

    response = client.post(
        "/admin/methods/evidencerating/add/",
        {
            "method": library["kamerabevakning"].pk,
            "registry": "uk_toolkit",
            "rating": "ineffektiv",
            "rating_text": "No impact on crime",
            "outcome": "Våldsbrott",
            "population": "",
            "url": "https://example.org/toolkit",
            "source_note": "Registret, läst 2026-11-20",
        },
    )

    assert response.status_code == 302
    rating = EvidenceRating.objects.get(method=library["kamerabevakning"])
    assert rating.verdict == Verdict.INEFFECTIVE
    assert rating.history.latest().history_user == personas.analyst


def test_a_rating_outside_the_registrys_scale_is_refused_in_the_admin(client, personas, library):
    client.force_login(personas.analyst)

    response = client.post(
        "/admin/methods/evidencerating/add/",
        {
            "method": library["sig"].pk,
            "registry": "metodguiden",
            "rating": "effektiv",
            "source_note": "Metodguiden",
        },
    )

    assert response.status_code == 200
    assert "Bedömningen hör inte till registrets skala." in response.content.decode()
    assert not EvidenceRating.objects.filter(method=library["sig"]).exists()


def test_a_coordinator_does_not_get_into_the_admin(client, personas, library):
    client.force_login(personas.coordinator_a)
    assert client.get("/admin/methods/method/").status_code == 302
