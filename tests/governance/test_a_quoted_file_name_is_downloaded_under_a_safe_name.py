"""An uploaded name like `evil.html"; x=".pdf` cannot end the header's quoted name.

Before, the name went unquoted into `Content-Disposition`, so the browser saved the file as
`evil.html`. Now the stored name loses its quotes, path and control characters, keeps its
extension, and the header carries an ASCII name plus the real one in RFC 6266's `filename*`.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forebygg.governance.domain.documents import store_document
from forebygg.governance.models import Document
from tests.governance.conftest import build_governance

pytestmark = pytest.mark.django_db

# Django unescapes HTML entities in an uploaded file's name: this arrives as `evil.html"; x=".pdf`.
EVIL = "evil.html&quot;; x=&quot;.pdf"


def upload_signed_agreement(client, personas, name: str):
    governance = build_governance(personas)
    client.force_login(personas.coordinator_a)
    url = reverse(
        "backoffice:agreement_edit", kwargs={"code": "0680", "pk": governance.agreement.pk}
    )
    response = client.post(
        url,
        {
            "kind": "samverkan",
            "title": "Samverkansöverenskommelse 2026–2028",
            "parties": [personas.police_a.pk, governance.civil_society.pk],
            "purposes": "Minska inbrotten",
            "areas": "Bostadsområden",
            "document": SimpleUploadedFile(name, b"%PDF-1.7 undertecknat", "application/pdf"),
        },
    )
    assert response.status_code == 302
    return Document.objects.get()


def test_the_quoted_name_is_stored_without_its_quotes(client, personas):
    document = upload_signed_agreement(client, personas, EVIL)

    assert document.name == "evil.html; x=.pdf"


def test_the_download_names_the_file_so_that_it_stays_a_pdf(client, personas):
    document = upload_signed_agreement(client, personas, EVIL)
    url = reverse("backoffice:document", kwargs={"code": "0680", "pk": document.pk})

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        "attachment; filename=\"evil.html_x.pdf\"; filename*=UTF-8''evil.html%3B%20x%3D.pdf"
    )


def test_a_path_and_control_characters_are_dropped_from_the_name(personas):
    document = store_document(
        personas.kommun_a,
        name="C:\\Avtal\\..\\Avtal\x00\r\n 2026\u202e.PDF",
        data=b"%PDF-1.7",
        by=personas.coordinator_a,
    )

    assert document.name == "Avtal 2026.pdf"
