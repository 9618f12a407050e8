"""A DOCX or ODT is a zip archive: it is unpacked within limits before it is accepted.

A few hundred kilobytes can unpack to gigabytes in whoever opens the "signed agreement".
The archive is read part by part and refused, with a Swedish message, once it passes
100 MB unpacked or 2000 parts; nothing is stored.
"""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forebygg.governance.domain.documents import (
    MAX_MEMBERS,
    MAX_UNPACKED_BYTES,
    store_document,
)
from forebygg.governance.models import Document
from tests.governance.conftest import build_governance

pytestmark = pytest.mark.django_db

TOO_LARGE = "packas upp till mer än 100 MB eller 2000 delar"


def archive(parts: dict[str, bytes] | None = None, *, zeros: int = 0, members: int = 0) -> bytes:
    """A DOCX-like zip; `zeros` bytes of zeros in one more part, `members` empty parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as written:
        for name, content in (parts or {"[Content_Types].xml": b"<Types/>"}).items():
            written.writestr(name, content)
        if zeros:
            with written.open("word/media/image1.png", "w") as part:
                chunk = bytes(1024 * 1024)
                for _ in range(zeros // len(chunk)):
                    part.write(chunk)
        for number in range(members):
            written.writestr(f"word/part{number}.xml", b"")
    return buffer.getvalue()


def store(personas, name: str, data: bytes):
    return store_document(personas.kommun_a, name=name, data=data, by=personas.coordinator_a)


def test_a_small_docx_is_accepted(personas):
    document = store(personas, "avtal.docx", archive())

    assert document.content_type == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )


def test_an_odt_names_its_type(personas):
    odt = {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}

    assert store(personas, "avtal.odt", archive(odt)).content_type == (
        "application/vnd.oasis.opendocument.text"
    )


def test_a_docx_that_unpacks_to_more_than_100_mb_is_refused(personas):
    bomb = archive(zeros=MAX_UNPACKED_BYTES + 1024 * 1024)
    assert len(bomb) < 1024 * 1024  # small enough to pass the 10 MB limit on the upload

    with pytest.raises(ValidationError, match=TOO_LARGE):
        store(personas, "avtal.docx", bomb)
    assert Document.objects.count() == 0


def test_a_docx_that_lies_about_its_unpacked_size_is_refused(personas):
    """The sizes in the archive's directory say 1 KB; the parts unpack to far more."""
    honest = archive(zeros=2 * 1024 * 1024)
    liar = honest.replace((2 * 1024 * 1024).to_bytes(4, "little"), (1024).to_bytes(4, "little"))
    assert liar != honest

    with pytest.raises(ValidationError, match="inte en giltig DOCX-fil"):
        store(personas, "avtal.docx", liar)
    assert Document.objects.count() == 0


def test_a_docx_with_too_many_parts_is_refused(personas):
    with pytest.raises(ValidationError, match=TOO_LARGE):
        store(personas, "avtal.docx", archive(members=MAX_MEMBERS + 1))
    assert Document.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("avtal.docx", b"PK\x03\x04 not a zip at all"),
        ("avtal.docx", archive({"word/document.xml": b"<w/>"})),  # no [Content_Types].xml
        ("avtal.odt", archive({"mimetype": b"text/html", "content.xml": b"<x/>"})),
    ],
)
def test_a_damaged_or_foreign_archive_is_refused(personas, name, data):
    with pytest.raises(ValidationError, match="inte en giltig"):
        store(personas, name, data)
    assert Document.objects.count() == 0


def test_the_upload_form_says_why_in_swedish(client, personas):
    governance = build_governance(personas)
    client.force_login(personas.coordinator_a)
    url = reverse(
        "backoffice:agreement_edit", kwargs={"code": "0680", "pk": governance.agreement.pk}
    )
    bomb = SimpleUploadedFile("avtal.docx", archive(zeros=MAX_UNPACKED_BYTES + 1024 * 1024))

    response = client.post(
        url,
        {
            "kind": "samverkan",
            "title": "Samverkansöverenskommelse 2026–2028",
            "parties": [personas.police_a.pk, governance.civil_society.pk],
            "document": bomb,
        },
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        "Filen packas upp till mer än 100 MB eller 2000 delar och tas inte emot."
    ]
    assert Document.objects.count() == 0
