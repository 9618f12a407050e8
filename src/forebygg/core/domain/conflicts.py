"""Optimistic locking for texts two people may edit at once: no save overwrites unseen work.

A form carries the fingerprint of the text the writer started from. If the stored text has
changed since, the save is refused with `EditConflict`, which carries the stored text so the
page can show both versions side by side and let the writer merge and save again.
"""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class EditConflict(ValidationError):
    def __init__(self, current: str):
        super().__init__(
            _(
                "Någon annan har sparat en ändring medan du skrev. Din text är kvar i fältet; "
                "jämför den med den sparade texten nedan, för över det som ska vara kvar och "
                "spara igen."
            )
        )
        self.current = current


def check_unchanged(current: str, base: str | None) -> None:
    """Refuse when the writer started from another text than the one stored now."""
    if base is not None and fingerprint(current) != base:
        raise EditConflict(current)
