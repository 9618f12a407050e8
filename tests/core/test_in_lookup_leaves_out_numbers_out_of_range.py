"""`pk__in` with a number no column can hold matches nothing instead of failing the query.

A form's multiple choice asks `pk__in=[…]` with whatever was posted: 25 digits used to be an
OverflowError (SQLite) or a DataError (PostgreSQL), a 500; now it is "not a valid choice".
"""

import pytest
from django.urls import reverse

from forebygg.notes.models import Note
from forebygg.orgs.models import Organisation

pytestmark = pytest.mark.django_db

HUGE = 10**25


def test_a_number_out_of_range_matches_no_row(personas):
    police = personas.police_a

    assert list(Organisation.objects.filter(pk__in=[HUGE])) == []
    assert list(Organisation.objects.filter(pk__in=[HUGE, police.pk, -HUGE])) == [police]


def test_a_form_with_25_digits_for_a_choice_says_it_is_no_choice(client, personas):
    client.force_login(personas.coordinator_a)
    before = Note.objects.count()

    response = client.post(
        reverse("backoffice:note_create", kwargs={"code": "0680"}),
        {"title": "Läget", "visibility": "utkast", "shared_with": [str(HUGE)]},
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["shared_with"]
    assert Note.objects.count() == before
