"""The kommun's change log page: only its coordinator and site admins, bounded queries."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forebygg.notes.domain import write_note
from forebygg.orgs.domain.authorities import kommun_administration
from forebygg.orgs.domain.memberships import grant_role
from forebygg.orgs.enums import Role, Visibility
from tests.backoffice.test_personas import client_for
from tests.personas import PASSWORD, PERSONA_NAMES, make_user
from tests.plans.conftest import build_chain

URL = reverse("backoffice:change_log", kwargs={"code": "0680"})
# Session, user, memberships, kommun, authors (union + users), count, page, then two per
# model type on the page and one per model a foreign key points to. Independent of rows.
QUERY_BUDGET = 30


def site_admin():
    return get_user_model().objects.create_superuser("root", password=PASSWORD)


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_only_the_kommuns_coordinator_opens_its_change_log(client, personas, persona):
    response = client_for(client, personas, persona).get(URL)

    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif persona == "coordinator_a":
        assert response.status_code == 200
    else:
        assert response.status_code == 404


def test_a_kommun_member_who_is_not_coordinator_gets_a_404(client, personas):
    member = make_user("klara")
    grant_role(member, kommun_administration(personas.kommun_a), Role.KOMMUN_MEMBER)
    client.force_login(member)

    assert client.get(URL).status_code == 404


def test_a_site_admin_opens_every_kommuns_change_log(client, personas):
    client.force_login(site_admin())

    assert client.get(URL).status_code == 200


def test_the_log_lists_the_kommuns_drafts_but_never_another_kommuns(client, personas):
    client.force_login(personas.coordinator_a)

    html = client.get(URL).content.decode()

    assert "A-utkast hemligt" in html
    assert "B-utkast" not in html
    assert "<h1>Ändringslogg: Jönköpings kommun</h1>" in html


def test_the_workspace_links_to_the_log_for_the_coordinator_only(client, personas):
    workspace = reverse("backoffice:workspace", kwargs={"code": "0680"})

    client.force_login(personas.coordinator_a)
    assert URL in client.get(workspace).content.decode()
    client.force_login(personas.partner_a)
    assert URL not in client.get(workspace).content.decode()


def test_the_log_filters_by_model_and_user_from_the_query_string(client, personas):
    build_chain(personas)
    client.force_login(personas.coordinator_a)

    notes_only = client.get(URL, {"typ": "notes.note"}).content.decode()
    alices_measures = client.get(
        URL, {"vem": str(personas.coordinator_a.pk), "typ": "plans.measure"}
    )
    unknown = client.get(URL, {"typ": "auth.user", "vem": "999999"})

    assert "A-utkast hemligt" in notes_only
    assert "Grannsamverkan" not in notes_only
    assert "Grannsamverkan" in alices_measures.content.decode()
    assert "A-utkast hemligt" not in alices_measures.content.decode()
    assert unknown.status_code == 200
    assert "Grannsamverkan" in unknown.content.decode()


def edit_notes(personas, times: int) -> None:
    note = personas.draft_a
    for number in range(times):
        write_note(
            note,
            kommun=personas.kommun_a,
            by=personas.coordinator_a,
            title=f"Version {number}",
            body=f"Text {number}",
            visibility=Visibility.DRAFT if number % 2 else Visibility.PUBLISHED,
            shared_with=[],
        )


def queries_for_page(client, url, **query) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, query)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def test_a_full_page_takes_a_bounded_number_of_queries(client, personas):
    build_chain(personas)
    client.force_login(personas.coordinator_a)
    few, _html = queries_for_page(client, URL)

    edit_notes(personas, 60)
    many, html = queries_for_page(client, URL)
    older, _html = queries_for_page(client, URL, sida="2")

    assert html.count('<td class="nowrap">') == 50
    assert few <= QUERY_BUDGET  # 23 when written: the chain puts nine model types on a page
    assert many <= few  # 10 when written: sixty more rows, no more queries
    assert older <= QUERY_BUDGET


def test_the_admin_lists_changes_across_all_kommuner_for_site_admins(client, personas):
    client.force_login(site_admin())

    html = client.get(reverse("admin:change_log")).content.decode()

    assert "A-utkast hemligt" in html
    assert "B-utkast" in html
    assert reverse("admin:change_log") in client.get(reverse("admin:index")).content.decode()


def test_the_admin_change_log_is_closed_to_everyone_but_site_admins(client, personas):
    client.force_login(personas.analyst)
    assert client.get(reverse("admin:change_log")).status_code == 404
    assert reverse("admin:change_log") not in client.get(reverse("admin:index")).content.decode()

    client.force_login(personas.coordinator_a)
    assert client.get(reverse("admin:change_log")).status_code == 302


def test_the_admin_shows_each_objects_history(client, personas):
    client.force_login(site_admin())

    url = reverse("admin:notes_note_history", args=[personas.draft_a.pk])

    assert client.get(url).status_code == 200
