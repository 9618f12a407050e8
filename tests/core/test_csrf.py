"""Every change is a POST that needs the CSRF token: a forged form from elsewhere does nothing."""

from django.test import Client
from django.urls import reverse

from forebygg.notes.models import Note

NEW_NOTE = {"title": "Förfalskad", "body": "Text", "visibility": "utkast"}


def test_a_post_without_the_token_is_refused_and_changes_nothing(personas):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(personas.coordinator_a)

    response = browser.post(reverse("backoffice:note_create", kwargs={"code": "0680"}), NEW_NOTE)

    assert response.status_code == 403
    assert not Note.objects.filter(title="Förfalskad").exists()


def test_the_same_post_with_the_token_from_the_form_goes_through(personas):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(personas.coordinator_a)
    url = reverse("backoffice:note_create", kwargs={"code": "0680"})
    browser.get(url)

    token = browser.cookies["csrftoken"].value
    response = browser.post(url, {**NEW_NOTE, "csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert Note.objects.filter(title="Förfalskad").exists()
