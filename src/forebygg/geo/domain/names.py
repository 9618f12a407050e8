"""Map the many ways kommuner are named in published files to their codes."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from forebygg.geo.models import Kommun

_SUFFIXES = re.compile(r"\s+(kommun|stad|kommune|municipality)$")
_PREFIXES = re.compile(r"^(region|kommunen)\s+")


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFC", name or "").casefold().strip()
    text = re.sub(r"[\s\u00a0]+", " ", text).replace("–", "-")
    text = _PREFIXES.sub("", text)
    text = _SUFFIXES.sub("", text)
    return text.replace("-", " ").strip()


@lru_cache(maxsize=1)
def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, name, short in Kommun.objects.values_list("code", "name", "short_name"):
        for variant in {normalise_name(name), normalise_name(short)}:
            table[variant] = code
    return table


@lru_cache(maxsize=1)
def _codes() -> frozenset[str]:
    return frozenset(_lookup().values())


def forget_names() -> None:
    """Call after the kommun table changes (tests, a new reference import)."""
    _lookup.cache_clear()
    _codes.cache_clear()


def resolve_kommun(name_or_code: str) -> str | None:
    """'Ale kommun', 'Ales kommun', 'Göteborgs Stad', 'Region Gotland', '0680' → code, else None."""
    text = (name_or_code or "").strip()
    if re.fullmatch(r"\d{4}", text):
        return text if text in _codes() else None
    if ":" in text:  # "Stockholm: Norrmalm" – a city district, not a kommun
        return None
    table = _lookup()
    key = normalise_name(text)
    if key in table:
        return table[key]
    if key.endswith("s") and key[:-1] in table:  # genitive: "Ales" → "Ale"
        return table[key[:-1]]
    return None
