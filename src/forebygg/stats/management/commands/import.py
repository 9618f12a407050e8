"""forebygg import <kind> FILE: validate, show a preview, write atomically (or --dry-run).

The same code as a confirmed web upload (`stats.domain.import_file`), run in this process:
no worker is needed. The file is streamed, so its size does not decide the memory used.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forebygg.core.domain.imports import ImportFile, ImportRejected
from forebygg.stats.domain import check_file, import_file
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
        source = ImportFile.of(file)
        if dry_run:
            preview = check_file(kind, source)
            self._describe(preview)
            if preview.error_count:
                raise CommandError(self._errors(preview))
            self.stdout.write("Förhandsgranskning: inget har skrivits.")
            return
        try:
            batch = import_file(kind, source, before_writing=self._describe)
        except ImportRejected as rejected:
            self._describe(rejected.preview)
            raise CommandError(self._errors(rejected.preview)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Inläst: {batch.rows_created} nya, {batch.rows_updated} ändrade, "
                f"{batch.rows_unchanged} oförändrade."
            )
        )

    def _describe(self, preview) -> None:
        summary = preview.summary()
        if "areas" in preview.extra:
            areas = preview.extra["areas"]
            kommuner = len({area.kommun_code for area in areas})
            self.stdout.write(f"{preview.file_name}: {len(areas)} områden i {kommuner} kommuner")
        else:
            self.stdout.write(
                f"{preview.file_name}: {summary['rows']} rader, "
                f"år {summary['first_year']}–{summary['last_year']}, "
                f"{summary['kommuner']} kommuner, {len(summary['indicators'])} indikatorer"
            )
        for warning in preview.warnings[:20]:
            self.stdout.write(self.style.WARNING("Varning: " + warning))

    def _errors(self, preview) -> str:
        return "\n".join(["Filen lästes inte in; inget har ändrats.", *preview.errors_shown()])
