"""forebygg restore FILE: replace all content with a signed, checked backup, or change nothing."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forebygg.core.domain.backup import (
    BackupKeyMissing,
    BackupRejected,
    check_backup,
    restore_backup,
)


class Command(BaseCommand):
    help = (
        "Ersätter allt innehåll i databasen med en säkerhetskopia från forebygg backup. "
        "Filen kontrolleras först (signaturen med installationens nyckel, sedan "
        "kontrollsummorna); allt sker i en transaktion och inget ändras om något är fel."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Säkerhetskopian.")
        parser.add_argument(
            "--yes",
            "--noinput",
            "--no-input",
            action="store_true",
            dest="yes",
            help="Fråga inte om bekräftelse.",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Kontrollera bara filen (signatur, kontrollsummor, databasens version); "
            "ingenting ändras.",
        )

    def handle(self, *args, verbosity=1, file, yes=False, check=False, **options):
        self.verbosity = verbosity
        started = time.monotonic()
        try:
            if check:
                manifest = check_backup(file, progress=self._progress)
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{file} är hel och passar den här databasen "
                        f"(skriven {manifest['created_at']})."
                    )
                )
                return
            if not yes and not self._confirmed(file):
                raise CommandError("Återställningen avbröts; inget har ändrats.")
            manifest = restore_backup(file, progress=self._progress)
        except (BackupRejected, BackupKeyMissing) as rejected:
            raise CommandError(str(rejected)) from None
        rows = sum(table["rows"] for table in manifest["tables"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Databasen är återställd från {file} (skriven {manifest['created_at']}): "
                f"{rows} rader, {time.monotonic() - started:.1f} s. "
                "Alla användare behöver logga in igen."
            )
        )
        self.stdout.write(f"Kontrollsumma: {manifest['checksum']}")

    def _confirmed(self, file: Path) -> bool:
        try:
            answer = input(
                f"Allt innehåll i databasen ersätts med säkerhetskopian {file}. "
                "Skriv 'ja' för att fortsätta: "
            )
        except EOFError:
            return False
        return answer.strip().lower() == "ja"

    def _progress(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stderr.write(f"  {message}")
