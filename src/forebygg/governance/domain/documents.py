"""Uploaded documents: a signed agreement, a report to kommunfullmäktige."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from forebygg.governance.models import Document

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

# Extension → (content type, the bytes such a file starts with).
ACCEPTED = {
    "pdf": ("application/pdf", b"%PDF-"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        b"PK\x03\x04",
    ),
    "odt": ("application/vnd.oasis.opendocument.text", b"PK\x03\x04"),
}


def validate_document(name: str, data: bytes) -> str:
    """Return the content type, or refuse with a Swedish message."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ACCEPTED:
        raise ValidationError(_("Dokumentet måste vara en PDF-, Word- (docx) eller odt-fil."))
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("Dokumentet är större än 10 MB."))
    content_type, signature = ACCEPTED[extension]
    if not data.startswith(signature):
        raise ValidationError(
            _("Filen %(name)s är inte en giltig %(kind)s-fil.")
            % {"name": name, "kind": extension.upper()}
        )
    return content_type


def store_document(kommun, *, name: str, data: bytes, by) -> Document:
    content_type = validate_document(name, data)
    return Document.objects.create(
        kommun=kommun,
        name=name[-200:],
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        uploaded_by=by,
    )


def read_upload(upload) -> tuple[str, bytes]:
    """Read one byte past the limit at most: an oversized file is refused without filling memory."""
    data = upload.read(MAX_DOCUMENT_BYTES + 1)
    return upload.name, data
