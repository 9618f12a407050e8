"""Uploaded documents: a signed agreement, a report to kommunfullmäktige.

A document is stored only when its name is clean (`core.filenames`), it is at most 10 MB,
it starts as its kind of file does, and a DOCX or ODT, which is a zip archive, unpacks to at
most `MAX_UNPACKED_BYTES` in at most `MAX_MEMBERS` parts: a small "zip bomb" that would
unpack to gigabytes in whoever opens it is refused. Nothing here parses the XML inside.
"""

from __future__ import annotations

import hashlib
import io
import lzma
import struct
import zipfile
import zlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from forebygg.core.filenames import clean_file_name, split_extension
from forebygg.governance.models import Document

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 2000
_CHUNK = 64 * 1024

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_MIME = "application/vnd.oasis.opendocument.text"

# Extension → (content type, the bytes such a file starts with).
ACCEPTED = {
    "pdf": ("application/pdf", b"%PDF-"),
    "docx": (DOCX_MIME, b"PK\x03\x04"),
    "odt": (ODT_MIME, b"PK\x03\x04"),
}
# The part every archive of its kind has; an ODT also names its type in `mimetype`.
REQUIRED_PART = {"docx": "[Content_Types].xml", "odt": "content.xml"}


def validate_document(name: str, data: bytes) -> str:
    """Return the content type, or refuse with a Swedish message."""
    extension = split_extension(name)[1]
    if extension not in ACCEPTED:
        raise ValidationError(_("Dokumentet måste vara en PDF-, Word- (docx) eller odt-fil."))
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("Dokumentet är större än 10 MB."))
    content_type, signature = ACCEPTED[extension]
    if not data.startswith(signature) or (
        extension in REQUIRED_PART and not _is_office_archive(extension, data)
    ):
        raise ValidationError(
            _("Filen %(name)s är inte en giltig %(kind)s-fil.")
            % {"name": name, "kind": extension.upper()}
        )
    return content_type


class _TooLarge(Exception):
    pass


def _is_office_archive(extension: str, data: bytes) -> bool:
    """Whether `data` is a sound zip archive of the kind, unpacked within the limits."""
    try:
        _refuse_too_many_members(data)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS or _declared_size(members) > MAX_UNPACKED_BYTES:
                raise _TooLarge
            _unpack_within_limit(archive, members)
            names = {member.filename for member in members}
            if REQUIRED_PART[extension] not in names:
                return False
            return extension != "odt" or archive.read("mimetype").strip() == ODT_MIME.encode()
    except _TooLarge:
        raise ValidationError(
            _("Filen packas upp till mer än 100 MB eller %(count)s delar och tas inte emot.")
            % {"count": MAX_MEMBERS}
        ) from None
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        KeyError,
        RuntimeError,  # encrypted
        NotImplementedError,  # packed in a way zipfile cannot unpack
        ValueError,
        OSError,  # a damaged bzip2 part
        lzma.LZMAError,
    ):
        return False


def _refuse_too_many_members(data: bytes) -> None:
    """Read the member count from the archive's end record before zipfile lists the members.

    A 10 MB file can declare hundreds of thousands of members, each of which zipfile would
    hold in memory. Office documents never need zip64, whose count this record does not hold.
    """
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or len(data) < end + 22:
        raise zipfile.BadZipFile
    count = struct.unpack("<H", data[end + 10 : end + 12])[0]
    if count > MAX_MEMBERS:
        raise _TooLarge


def _declared_size(members) -> int:
    return sum(member.file_size for member in members)


def _unpack_within_limit(archive: zipfile.ZipFile, members) -> None:
    """Unpack every part (which checks its CRC) in small pieces, never past the limit."""
    unpacked = 0
    for member in members:
        with archive.open(member) as part:
            while chunk := part.read(_CHUNK):
                unpacked += len(chunk)
                if unpacked > MAX_UNPACKED_BYTES:
                    raise _TooLarge


def store_document(kommun, *, name: str, data: bytes, by) -> Document:
    name = clean_file_name(name)
    content_type = validate_document(name, data)
    return Document.objects.create(
        kommun=kommun,
        name=name,
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
