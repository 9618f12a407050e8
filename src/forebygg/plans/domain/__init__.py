"""Verb-named operations on problems, plans, measures and follow-up. Views call only these."""

from forebygg.orgs.access import require_coordinator

__all__ = ["require_coordinator"]
