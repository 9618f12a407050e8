"""forebygg import-statistics: load the statistics shipped in the data directory (idempotent)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from forebygg.core.domain.imports import ImportRejected
from forebygg.stats.domain import import_file
from forebygg.stats.importers.registry import SHIPPED


class Command(BaseCommand):
    help = (
        "Läser in statistiken som finns i datakatalogen (Brå per kommun, publicerade "
        "polishändelser, Polisens utsatta områden)."
    )

    def handle(self, *args, **options):
        data_dir = settings.FOREBYGG_DATA_DIR
        for kind, relative in SHIPPED:
            path = data_dir / relative
            if not path.is_file():
                raise CommandError(
                    f"Filen {relative} saknas i datakatalogen {data_dir}. "
                    "Ange rätt katalog med FOREBYGG_DATA_DIR."
                )
            self.stdout.write(f"Läser {relative} …")
            try:
                batch = import_file(kind, path)
            except ImportRejected as rejected:
                raise CommandError("\n".join(rejected.preview.errors_shown(50))) from None
            self.stdout.write(
                f"  {batch.rows_created} nya, {batch.rows_updated} ändrade, "
                f"{batch.rows_unchanged} oförändrade"
            )
        self.stdout.write(self.style.SUCCESS("Statistiken är inläst."))
