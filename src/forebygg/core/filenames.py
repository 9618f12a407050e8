"""File names that came from outside: safe to store, and safe to put in a header.

An uploaded file's name is the uploader's to choose, so it may carry a path, control
characters, quotes that end a header's quoted string, or right-to-left marks that make
"avtal‮fdp.exe" look like "avtalexe.pdf". `clean_file_name` keeps what a person would call
the name; `content_disposition` sends it as RFC 6266 asks: a plain ASCII `filename` for old
clients and the real name, UTF-8 and percent-encoded, in `filename*`.
"""

import re
import unicodedata
from urllib.parse import quote

MAX_NAME_LENGTH = 120
FALLBACK_STEM = "fil"
# Invisible or layout-changing characters: controls, format marks (bidi overrides, zero-width
# joiners), line and paragraph separators, unassigned and private-use code points.
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
# Characters that end a quoted string, separate paths, or are refused by Windows.
_DROPPED_CHARACTERS = set('"\\/:*?<>|')
_NOT_PLAIN_ASCII = re.compile(r"[^A-Za-z0-9._-]+")


def clean_file_name(name: str, *, max_length: int = MAX_NAME_LENGTH) -> str:
    """The last part of `name`, without invisible or dangerous characters, its extension kept."""
    name = unicodedata.normalize("NFC", re.split(r"[/\\]", name or "")[-1])
    kept = "".join(
        " " if character.isspace() else character
        for character in name
        if unicodedata.category(character) not in _DROPPED_CATEGORIES
        and character not in _DROPPED_CHARACTERS
    )
    stem, extension = split_extension(" ".join(kept.split()))
    stem = stem.strip(" .") or FALLBACK_STEM
    room = max_length - len(extension) - 1 if extension else max_length
    stem = stem[:room].rstrip(" .") or FALLBACK_STEM
    return f"{stem}.{extension}" if extension else stem


def split_extension(name: str) -> tuple[str, str]:
    """("avtal", "pdf") from "avtal.PDF"; ("", "pdf") from ".pdf"; no extension without a dot."""
    stem, dot, extension = name.rpartition(".")
    if not dot or not extension or not extension.isalnum():
        return name, ""
    return stem, extension.lower()


def ascii_file_name(name: str) -> str:
    """The name for clients without RFC 6266: "Möte åäö.pdf" → "Mote_aao.pdf"."""
    stem, extension = split_extension(clean_file_name(name))
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    plain = _NOT_PLAIN_ASCII.sub("_", plain).strip("._") or FALLBACK_STEM
    extension = _NOT_PLAIN_ASCII.sub("", extension)
    return f"{plain}.{extension}" if extension else plain


def content_disposition(name: str) -> str:
    """`attachment` with both names: nothing in `name` can end the header or add a parameter."""
    cleaned = clean_file_name(name)
    return (
        f'attachment; filename="{ascii_file_name(cleaned)}"; '
        f"filename*=UTF-8''{quote(cleaned, safe='')}"
    )
