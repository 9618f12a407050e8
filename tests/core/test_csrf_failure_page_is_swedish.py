"""A form whose CSRF token is missing or stale gets a 403 page in Swedish that says what to do."""

from django.test import Client
from django.urls import reverse

from forebygg.notes.models import Note

NEW_NOTE = {"title": "Gammalt formulär", "body": "Text", "visibility": "utkast"}
HEADING = "<h1>Formuläret kunde inte skickas</h1>"


def post_without_token(personas, **headers):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(personas.coordinator_a)
    url = reverse("backoffice:note_create", kwargs={"code": "0680"})
    return browser.post(url, NEW_NOTE, **headers), url


def test_the_page_explains_in_swedish_and_nothing_is_stored(personas):
    response, _url = post_without_token(personas)

    assert response.status_code == 403
    assert response.templates[0].name == "403_csrf.html"
    html = response.content.decode()
    assert html.count(HEADING) == 1
    assert html.count("Sidan med formuläret var för gammal") == 1
    assert html.count("Webbläsaren blockerar kakor") == 1
    assert Note.objects.filter(title=NEW_NOTE["title"]).count() == 0


def test_it_links_back_to_the_page_with_the_form(personas):
    form_page = "http://testserver" + reverse("backoffice:note_create", kwargs={"code": "0680"})

    response, _url = post_without_token(personas, HTTP_REFERER=form_page)

    assert response.context["back"] == form_page


def test_a_referer_from_another_site_is_not_offered_as_the_way_back(personas):
    response, _url = post_without_token(personas, HTTP_REFERER="https://example.org/falsk/")

    assert response.context["back"] == ""
    assert response.content.decode().count("example.org") == 0
