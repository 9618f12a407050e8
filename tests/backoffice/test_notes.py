"""A coordinator writes, shares and publishes a note; every version is kept with its author."""

from django.urls import reverse

from forebygg.notes.models import Note
from tests.personas import login_as


def test_coordinator_creates_a_note_and_its_history_names_her(client, personas):
    login_as(client, "alice")
    url = reverse("backoffice:note_create", kwargs={"code": "0680"})

    response = client.post(
        url,
        {
            "title": "Trygghetsvandring",
            "body": "Belysning saknas.",
            "visibility": "utkast",
            "shared_with": [personas.police_a.pk],
        },
    )

    note = Note.objects.get(title="Trygghetsvandring")
    assert response.status_code == 302
    assert list(note.shared_with.all()) == [personas.police_a]
    assert [(h.history_type, h.history_user) for h in note.history.all()] == [
        ("+", personas.coordinator_a)
    ]


def test_editing_a_note_keeps_the_earlier_version(client, personas):
    login_as(client, "alice")
    url = reverse("backoffice:note_edit", kwargs={"code": "0680", "pk": personas.draft_a.pk})

    client.post(url, {"title": "Ny rubrik", "body": "", "visibility": "utkast"})

    titles = [h.title for h in personas.draft_a.history.order_by("history_date")]
    assert titles == ["A-utkast hemligt", "Ny rubrik"]
    detail = client.get(
        reverse("backoffice:note", kwargs={"code": "0680", "pk": personas.draft_a.pk})
    )
    assert "A-utkast hemligt" in detail.content.decode()


def test_an_invalid_note_is_refused_in_swedish_and_nothing_is_saved(client, personas):
    login_as(client, "alice")
    before = Note.objects.count()

    response = client.post(
        reverse("backoffice:note_create", kwargs={"code": "0680"}),
        {"title": "", "visibility": "hemlig"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Detta fält måste fyllas i." in html
    assert "Välj ett giltigt alternativ." in html
    assert Note.objects.count() == before


def test_a_note_cannot_be_shared_with_an_organisation_that_is_not_the_kommuns_partner(
    client, personas
):
    from forebygg.orgs.models import Organisation

    stranger = Organisation.objects.create(name="Främling AB", type="naringsliv")
    login_as(client, "alice")

    response = client.post(
        reverse("backoffice:note_create", kwargs={"code": "0680"}),
        {"title": "X", "visibility": "utkast", "shared_with": [stranger.pk]},
    )

    assert response.status_code == 200
    assert not Note.objects.filter(title="X").exists()
