"""forebygg backup FILE: every table in one signed zip file; --checksum prints the checksum."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forebygg.core.domain.backup import (
    BackupKeyMissing,
    content_checksum,
    key_id,
    signing_key,
    write_backup,
)


class Command(BaseCommand):
    help = (
        "Skriver en säkerhetskopia av hela databasen (alla tabeller, historik och dokument) "
        "till en zip-fil med kontrollsummor, signerad med installationens nyckel för "
        "säkerhetskopior (FOREBYGG_BACKUP_KEY). Fungerar på SQLite och PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, nargs="?", help="Säkerhetskopians filnamn.")
        parser.add_argument(
            "--checksum",
            action="store_true",
            help="Skriv bara ut databasens innehållskontrollsumma (SHA-256); ingen fil skrivs.",
        )

    def handle(self, *args, verbosity=1, file=None, checksum=False, **options):
        self.verbosity = verbosity
        if checksum:
            self.stdout.write(content_checksum())
            return
        if file is None:
            raise CommandError("Ange filen att skriva, t.ex. forebygg backup forebygg.zip.")
        if file.exists():
            raise CommandError(f"Filen {file} finns redan. Välj ett annat namn.")
        if not file.parent.is_dir():
            raise CommandError(f"Katalogen {file.parent} finns inte.")
        started = time.monotonic()
        try:
            manifest = write_backup(file, progress=self._progress)
        except BackupKeyMissing as missing:
            raise CommandError(str(missing)) from None
        rows = sum(table["rows"] for table in manifest["tables"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Säkerhetskopian {file} är skriven: {len(manifest['tables'])} tabeller, "
                f"{rows} rader, {time.monotonic() - started:.1f} s."
            )
        )
        self.stdout.write(f"Kontrollsumma: {manifest['checksum']}")
        self.stdout.write(f"Signerad med nyckel-id {key_id(signing_key())}.")

    def _progress(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stderr.write(f"  {message}")
