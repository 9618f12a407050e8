"""Verb-named operations on notes; views and commands call only these."""

from django.db import transaction

from forebygg.core.models import save_as
from forebygg.notes.models import Note
from forebygg.orgs.models import Partnership


def _partners_only(kommun, organisations):
    allowed = set(
        Partnership.objects.filter(kommun=kommun).values_list("organisation_id", flat=True)
    )
    return [org for org in organisations if org.pk in allowed]


@transaction.atomic
def write_note(note: Note | None, *, kommun, by, title, body, visibility, shared_with) -> Note:
    """Create or update a note; it can only be shared with the kommun's own partners."""
    note = note or Note(kommun=kommun)
    note.title, note.body, note.visibility = title, body, visibility
    save_as(note, by=by)
    note.shared_with.set(_partners_only(kommun, shared_with))
    return note
