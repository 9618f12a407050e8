"""How a document names where its numbers come from."""

import re

# "…, via am-dashboard-se": the repository or package a file was fetched through, not a source.
_INTERMEDIARY = re.compile(r",?\s+via\s+[^;]+")
_SOURCE_PREFIX = re.compile(r"^\s*Källa:\s*", re.IGNORECASE)


def cited_source(attribution: str) -> str:
    """An attribution as a document cites it: the publisher, never the host it came through.

    "Källa: Brå (SOL), via am-dashboard-se" → "Brå (SOL)"; the caller adds the period.
    """
    parts = [
        _INTERMEDIARY.sub("", _SOURCE_PREFIX.sub("", part)).strip()
        for part in (attribution or "").split(";")
    ]
    return "; ".join(part for part in parts if part)
