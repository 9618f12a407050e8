"""Optimistic locking for things two people may edit at once: no save overwrites unseen work.

A form carries the fingerprint of the version the writer started from. If the stored version
has changed since, the save is refused with `EditConflict`, which carries the stored version
and its fingerprint so the page can show both side by side and let the writer merge and save
again. The domain function re-reads the stored version under a row lock before comparing.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def fingerprint_of(values) -> str:
    """The fingerprint of plain data (dicts, lists, numbers, dates, text)."""
    return fingerprint(json.dumps(values, sort_keys=True, ensure_ascii=False, default=_plain))


def _plain(value) -> str | float:
    # Decimal('1000') and Decimal('1000.00') are one amount, whichever database returned it.
    return float(value) if isinstance(value, Decimal) else str(value)


class EditConflict(ValidationError):
    def __init__(self, current, *, version: str, message: str | None = None):
        super().__init__(
            message
            or _(
                "Någon annan har sparat en ändring medan du skrev. Din text är kvar i fältet; "
                "jämför den med den sparade texten nedan, för över det som ska vara kvar och "
                "spara igen."
            )
        )
        self.current = current
        self.version = version


def check_unchanged(current: str, base: str | None) -> None:
    """Refuse when the writer started from another text than the one stored now."""
    check_version(current, version=fingerprint(current), base=base)


def check_version(current, *, version: str, base: str | None, message: str | None = None):
    """Refuse when the writer started from another version than `version`, the stored one."""
    if base is not None and version != base:
        raise EditConflict(current, version=version, message=message)
