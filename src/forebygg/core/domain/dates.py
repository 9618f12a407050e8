"""Dates people enter for things that have happened: a decision, a follow-up, a reading."""

from datetime import date

from django.utils import timezone


def is_in_future(day: date) -> bool:
    """True for a day after today: what has happened cannot be dated later than today."""
    return day > timezone.localdate()
