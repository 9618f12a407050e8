"""A note's "Historik" shows each reader only the versions they could read when they were current.

A note drafted as "Plan mot X-gänget", renamed and then published must not give its draft title
away to anyone outside the kommun through its history; a draft shared with the police shows the
police its versions from the moment it was shared, not before.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from forebygg.notes.domain import write_note
from forebygg.orgs.enums import Visibility

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Plan mot X-gänget"
PUBLIC_TITLE = "Trygghet i centrum"
ROW = re.compile(
    r"<tr><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>(?P<title>[^<]*)</td>"
    r"<td>(?P<visibility>[^<]*)</td></tr>"
)
DRAFT, PUBLISHED = "Utkast – bara kommunen", "Publicerad för alla"


def history_rows(html: str) -> list[tuple[str, str]]:
    """(title, visibility) of each row of the page's history table, newest first."""
    table = html.split('id="history-heading"', 1)[1]
    return [(row["title"], row["visibility"]) for row in ROW.finditer(table)]


def note_page(user, note):
    client = Client()
    client.force_login(user)
    url = reverse("backoffice:note", kwargs={"code": note.kommun.code, "pk": note.pk})
    return client.get(url)


def write(personas, note, *, title, visibility, shared_with=()):
    return write_note(
        note,
        kommun=personas.kommun_a,
        by=personas.coordinator_a,
        title=title,
        body="Läget i centrum",
        visibility=visibility,
        shared_with=list(shared_with),
    )


@pytest.fixture
def renamed_and_published(personas):
    note = write(personas, None, title=DRAFT_TITLE, visibility=Visibility.DRAFT)
    note = write(personas, note, title=PUBLIC_TITLE, visibility=Visibility.DRAFT)
    return write(personas, note, title=PUBLIC_TITLE, visibility=Visibility.PUBLISHED)


@pytest.mark.parametrize("persona", ["coordinator_a", "member_a"])
def test_the_kommuns_staff_see_every_version_with_the_draft_title(
    personas, renamed_and_published, persona
):
    response = note_page(personas.user(persona), renamed_and_published)

    assert response.status_code == 200
    assert history_rows(response.content.decode()) == [
        (PUBLIC_TITLE, PUBLISHED),
        (PUBLIC_TITLE, DRAFT),
        (DRAFT_TITLE, DRAFT),
    ]


@pytest.mark.parametrize("persona", ["partner_a", "county_a", "analyst"])
def test_readers_of_the_published_note_see_only_its_published_version(
    personas, renamed_and_published, persona
):
    response = note_page(personas.user(persona), renamed_and_published)

    html = response.content.decode()
    assert response.status_code == 200
    assert history_rows(html) == [(PUBLIC_TITLE, PUBLISHED)]
    assert DRAFT_TITLE not in html


@pytest.mark.parametrize(
    "persona",
    ["member_b", "county_other", "coordinator_neighbour", "member_neighbour", "partner_neighbour"],
)
def test_everyone_else_gets_the_404_and_no_title_at_all(personas, renamed_and_published, persona):
    response = note_page(personas.user(persona), renamed_and_published)

    assert response.status_code == 404
    assert DRAFT_TITLE not in response.content.decode()


def test_the_police_see_a_shared_draft_from_the_version_that_was_shared_with_them(personas):
    note = write(personas, None, title="Före delningen", visibility=Visibility.DRAFT)
    note = write(
        personas, note, title="Delad med polisen", visibility=Visibility.DRAFT,
        shared_with=[personas.police_a],
    )  # fmt: skip
    note = write(
        personas, note, title="Ändrad efter delningen", visibility=Visibility.DRAFT,
        shared_with=[personas.police_a],
    )  # fmt: skip

    police = history_rows(note_page(personas.partner_a, note).content.decode())
    coordinator = history_rows(note_page(personas.coordinator_a, note).content.decode())

    assert police == [("Ändrad efter delningen", DRAFT), ("Delad med polisen", DRAFT)]
    assert coordinator == [
        ("Ändrad efter delningen", DRAFT),
        ("Delad med polisen", DRAFT),
        ("Före delningen", DRAFT),
    ]


def test_a_version_written_after_the_sharing_ended_is_hidden_from_the_police_again(personas):
    note = write(
        personas, None, title="Delad med polisen", visibility=Visibility.DRAFT,
        shared_with=[personas.police_a],
    )  # fmt: skip
    note = write(personas, note, title="Ej längre delad", visibility=Visibility.DRAFT)
    note = write(
        personas, note, title="Delad igen", visibility=Visibility.DRAFT,
        shared_with=[personas.police_a],
    )  # fmt: skip

    police = history_rows(note_page(personas.partner_a, note).content.decode())

    assert police == [("Delad igen", DRAFT), ("Delad med polisen", DRAFT)]


def test_the_regions_member_invited_by_the_neighbour_sees_no_version_of_what_a_shared_with_it(
    personas,
):
    note = write(
        personas, None, title="Delad med regionen", visibility=Visibility.DRAFT,
        shared_with=[personas.region],
    )  # fmt: skip

    assert note_page(personas.partner_neighbour, note).status_code == 404
