"""forebygg import <kind> FILE: validate, show a preview, write atomically (or --dry-run)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forebygg.stats.domain import preview_file, write_import
from forebygg.stats.importers.base import MAX_ERRORS_SHOWN, ImportRejected
from forebygg.stats.importers.registry import IMPORTERS


class Command(BaseCommand):
    help = "Läser in en statistikfil. Hela filen kontrolleras först; inget skrivs om något är fel."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(IMPORTERS), help="Filens typ.")
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Visa förhandsgranskning, skriv inget."
        )

    def handle(self, *args, kind, file, dry_run=False, **options):
        if not file.is_file():
            raise CommandError(f"Filen {file} finns inte.")
        preview = preview_file(kind, file.read_bytes(), file_name=file.name)
        summary = preview.summary()
        if "areas" in preview.extra:
            areas = preview.extra["areas"]
            kommuner = len({area.kommun_code for area in areas})
            self.stdout.write(f"{file.name}: {len(areas)} områden i {kommuner} kommuner")
        else:
            self.stdout.write(
                f"{file.name}: {summary['rows']} rader, "
                f"år {summary['first_year']}–{summary['last_year']}, "
                f"{summary['kommuner']} kommuner, {len(summary['indicators'])} indikatorer"
            )
        for warning in preview.warnings[:20]:
            self.stdout.write(self.style.WARNING("Varning: " + warning))
        if dry_run:
            if preview.errors:
                raise CommandError(self._errors(preview))
            self.stdout.write("Förhandsgranskning: inget har skrivits.")
            return
        try:
            batch = write_import(preview)
        except ImportRejected as rejected:
            raise CommandError(self._errors(rejected.preview)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Inläst: {batch.rows_created} nya, {batch.rows_updated} ändrade, "
                f"{batch.rows_unchanged} oförändrade."
            )
        )

    def _errors(self, preview) -> str:
        shown = preview.errors[:MAX_ERRORS_SHOWN]
        more = len(preview.errors) - len(shown)
        tail = [f"… och {more} fel till."] if more > 0 else []
        return "\n".join(["Filen lästes inte in; inget har ändrats.", *shown, *tail])
