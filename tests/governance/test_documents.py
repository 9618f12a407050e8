"""Uploaded documents are checked by extension, signature and size before anything is stored."""

import pytest
from django.core.exceptions import ValidationError

from forebygg.governance.domain.documents import MAX_DOCUMENT_BYTES, store_document
from forebygg.governance.models import Document

pytestmark = pytest.mark.django_db


def store(personas, name, data):
    return store_document(personas.kommun_a, name=name, data=data, by=personas.coordinator_a)


def test_a_pdf_is_stored_with_its_checksum(personas):
    document = store(personas, "avtal.pdf", b"%PDF-1.7 avtal")

    assert document.content_type == "application/pdf"
    assert len(document.sha256) == 64
    assert bytes(Document.objects.get(pk=document.pk).data).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("avtal.exe", b"MZ", "PDF-, Word-"),
        ("avtal.pdf", b"<html>", "inte en giltig PDF-fil"),
        ("avtal.docx", b"%PDF-", "inte en giltig DOCX-fil"),
        ("avtal", b"%PDF-", "PDF-, Word-"),
        ("stor.pdf", b"%PDF-" + b"0" * MAX_DOCUMENT_BYTES, "större än 10 MB"),
    ],
)
def test_anything_else_is_refused_in_swedish_and_nothing_is_stored(personas, name, data, message):
    with pytest.raises(ValidationError, match=message):
        store(personas, name, data)
    assert not Document.objects.exists()
