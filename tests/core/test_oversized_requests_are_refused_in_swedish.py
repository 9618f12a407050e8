"""Uploads and form posts over the limits are refused in Swedish, and nothing is stored.

Three limits, from the outside in: no request body over FOREBYGG_MAX_REQUEST_BYTES (a 413
before anything reads it), form fields within Django's DATA_UPLOAD_MAX_MEMORY_SIZE (Django's
English 400 replaced by ours), and each upload field's own `max_bytes` (a form error).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forebygg.governance.models import Document
from forebygg.notes.models import Note
from tests.governance.conftest import build_governance

pytestmark = pytest.mark.django_db

TOO_LARGE = "Det du skickade är för stort."


def edit_agreement(client, personas, document, **extra):
    governance = build_governance(personas)
    client.force_login(personas.coordinator_a)
    url = reverse(
        "backoffice:agreement_edit", kwargs={"code": "0680", "pk": governance.agreement.pk}
    )
    fields = {
        "kind": "samverkan",
        "title": "Samverkansöverenskommelse 2026–2028",
        "parties": [personas.police_a.pk, governance.civil_society.pk],
        "document": document,
    }
    return client.post(url, fields, **extra)


def test_a_body_over_the_limit_is_refused_before_it_is_read(client, personas, settings):
    settings.FOREBYGG_MAX_REQUEST_BYTES = 10_000
    upload = SimpleUploadedFile("avtal.pdf", b"%PDF-1.7 " + b"x" * 20_000, "application/pdf")

    response = edit_agreement(client, personas, upload)

    assert response.status_code == 413
    assert TOO_LARGE in response.content.decode()
    assert Document.objects.count() == 0


def test_form_text_over_djangos_limit_gets_our_swedish_page(client, personas, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client.force_login(personas.coordinator_a)
    before = Note.objects.count()

    response = client.post(
        reverse("backoffice:note_create", kwargs={"code": "0680"}),
        {"title": "Läget", "body": "x" * 20_000, "visibility": "utkast"},
    )

    assert response.status_code == 400
    assert TOO_LARGE in response.content.decode()
    assert Note.objects.count() == before


def test_a_document_over_10_mb_is_refused_by_the_form(client, personas):
    upload = SimpleUploadedFile(
        "avtal.pdf", b"%PDF-1.7 " + bytes(10 * 1024 * 1024), "application/pdf"
    )

    response = edit_agreement(client, personas, upload)

    assert response.status_code == 200
    assert response.context["form"].errors == {"document": ["Filen är större än 10 MB."]}
    assert Document.objects.count() == 0
