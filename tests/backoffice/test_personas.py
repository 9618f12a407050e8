"""Every back-office view, requested as every persona: who gets in, and what never leaks."""

import pytest
from django.urls import reverse

from tests.personas import PERSONA_NAMES

ALL_A_TITLES = {
    "draft_a": "A-utkast hemligt",
    "shared_a": "A-delat med polisen",
    "submitted_a": "A-inskickat till länet",
    "published_a": "A-publicerat",
}
VISIBLE_IN_WORKSPACE = {
    "coordinator_a": {"draft_a", "shared_a", "submitted_a", "published_a"},
    "partner_a": {"shared_a", "published_a"},
    "county_a": {"submitted_a", "published_a"},
    "analyst": {"published_a"},
}


def client_for(client, personas, persona):
    if persona != "anonymous":
        client.force_login(personas.user(persona))
    return client


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_workspace_of_a_shows_each_persona_only_its_notes(client, personas, persona):
    url = reverse("backoffice:workspace", kwargs={"code": "0680"})

    response = client_for(client, personas, persona).get(url)

    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        return
    if persona not in VISIBLE_IN_WORKSPACE:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    html = response.content.decode()
    shown = {name for name, title in ALL_A_TITLES.items() if title in html}
    assert shown == VISIBLE_IN_WORKSPACE[persona]
    assert "B-utkast" not in html


@pytest.mark.parametrize("persona", PERSONA_NAMES)
@pytest.mark.parametrize("note_name", list(ALL_A_TITLES))
def test_note_page_opens_only_for_those_who_may_see_the_note(client, personas, persona, note_name):
    note = getattr(personas, note_name)
    url = reverse("backoffice:note", kwargs={"code": "0680", "pk": note.pk})

    response = client_for(client, personas, persona).get(url)

    if persona == "anonymous":
        assert response.status_code == 302
    elif note_name in VISIBLE_IN_WORKSPACE.get(persona, set()):
        assert response.status_code == 200
        assert ALL_A_TITLES[note_name] in response.content.decode()
    else:
        assert response.status_code == 404
        assert ALL_A_TITLES[note_name] not in response.content.decode()


def test_a_note_of_a_cannot_be_reached_through_kommun_b_in_the_url(client, personas):
    url = reverse("backoffice:note", kwargs={"code": "1280", "pk": personas.draft_a.pk})
    response = client_for(client, personas, "member_b").get(url)
    assert response.status_code == 404


@pytest.mark.parametrize("persona", PERSONA_NAMES)
@pytest.mark.parametrize("view", ["note_edit", "note_create", "invite"])
def test_only_the_coordinator_reaches_the_editing_views(client, personas, persona, view):
    kwargs = {"code": "0680"}
    if view == "note_edit":
        kwargs["pk"] = personas.draft_a.pk

    response = client_for(client, personas, persona).get(
        reverse(f"backoffice:{view}", kwargs=kwargs)
    )

    expected = {"anonymous": 302, "coordinator_a": 200}.get(persona, 404)
    assert response.status_code == expected


@pytest.mark.parametrize("persona", ["member_b", "partner_a", "county_a", "analyst"])
def test_posting_an_edit_as_anyone_but_the_coordinator_changes_nothing(client, personas, persona):
    url = reverse("backoffice:note_edit", kwargs={"code": "0680", "pk": personas.draft_a.pk})
    data = {"title": "Kapad", "body": "", "visibility": "publicerad"}

    response = client_for(client, personas, persona).post(url, data)

    assert response.status_code == 404
    personas.draft_a.refresh_from_db()
    assert personas.draft_a.title == "A-utkast hemligt"
    assert personas.draft_a.visibility == "utkast"


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_my_workspaces_lists_only_the_personas_own_kommuner(client, personas, persona):
    response = client_for(client, personas, persona).get(reverse("backoffice:my_workspaces"))
    if persona == "anonymous":
        assert response.status_code == 302
        return
    html = response.content.decode()
    a_link = reverse("backoffice:workspace", kwargs={"code": "0680"})
    assert (a_link in html) == (persona in VISIBLE_IN_WORKSPACE)
