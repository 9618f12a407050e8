"""Verb-named operations on notes; views and commands call only these."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from forebygg.core.models import save_as
from forebygg.notes.models import Note
from forebygg.orgs.access import can_edit_kommun
from forebygg.orgs.models import Partnership


def _partners_only(kommun, organisations):
    allowed = set(
        Partnership.objects.filter(kommun=kommun).values_list("organisation_id", flat=True)
    )
    return [org for org in organisations if org.pk in allowed]


@transaction.atomic
def write_note(note: Note | None, *, kommun, by, title, body, visibility, shared_with) -> Note:
    """Create or update a note; it can only be shared with the kommun's own partners."""
    if not can_edit_kommun(by, kommun) or (note is not None and note.kommun_id != kommun.pk):
        raise PermissionDenied(_("Bara kommunens samordnare kan ändra kommunens anteckningar."))
    note = note or Note(kommun=kommun)
    note.title, note.body, note.visibility = title, body, visibility
    return save_as(note, by=by, links={"shared_with": _partners_only(kommun, shared_with)})
