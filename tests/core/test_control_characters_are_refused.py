"""Control characters in form text are refused with a Swedish message, nothing is stored.

A single-line field takes none (no tab, no line break); a text area takes tab, line feed
and carriage return, and nothing else below U+0020, DEL or the C1 controls.
"""

import pytest
from django.urls import reverse

from forebygg.backoffice.governance.forms import LinkedPlanForm
from forebygg.notes.models import Note

SINGLE_LINE = "Fältet får inte innehålla radbrytningar, tabbar eller andra styrtecken."
MULTILINE = "Texten innehåller otillåtna styrtecken (osynliga tecken). Ta bort dem."


def linked_plan(**fields):
    data = {"kind": "rsa", "name": "Risk- och sårbarhetsanalys", **fields}
    form = LinkedPlanForm(
        {f"{LinkedPlanForm.prefix}-{name}": value for name, value in data.items()}
    )
    form.is_valid()
    return form


@pytest.mark.parametrize("text", ["RSA\x00", "R\tSA", "R\nSA", "RSA\x1b[31m", "R\x7fSA", "R\x85SA"])
def test_a_single_line_field_refuses_every_control_character(text):
    assert linked_plan(name=text).errors == {"name": [SINGLE_LINE]}


@pytest.mark.parametrize("text", ["Rad ett\r\nRad två", "Kolumn\tkolumn", "Åäö – “citat” ✓"])
def test_a_text_area_keeps_tabs_and_line_breaks(text):
    assert linked_plan(how_integrated=text).errors == {}


@pytest.mark.parametrize("text", ["R\x00ad", "R\x08ad", "R\x0bad", "R\x1fad", "R\x9bad"])
def test_a_text_area_refuses_the_other_control_characters(text):
    assert linked_plan(how_integrated=text).errors == {"how_integrated": [MULTILINE]}


def test_a_note_with_a_control_character_is_not_stored(client, personas):
    client.force_login(personas.coordinator_a)
    before = Note.objects.count()

    response = client.post(
        reverse("backoffice:note_create", kwargs={"code": "0680"}),
        {"title": "Läget\x1b[2J", "body": "Text", "visibility": "utkast"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"title": [SINGLE_LINE]}
    assert Note.objects.count() == before
