"""forebygg import-reference: load län, kommuner, boundaries, kommungrupper and population.

It lives in `stats`, the lowest app that may use all it needs: the reference importer and its
provenance (`stats`), the places (`geo`) and the authority organisations (`orgs`).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from forebygg.orgs.domain.authorities import ensure_authority_organisations
from forebygg.stats.reference import ReferenceDataError, import_reference_data


class Command(BaseCommand):
    help = "Läser in referensdata (län, kommuner, gränser, kommungrupper, folkmängd). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=None,
            help="Datakatalog (standard: FOREBYGG_DATA_DIR eller ../shared/data).",
        )

    def handle(self, *args, data_dir=None, **options):
        data_dir = (data_dir or settings.FOREBYGG_DATA_DIR).resolve()
        try:
            summary = import_reference_data(data_dir, progress=self.stdout.write)
        except ReferenceDataError as error:
            raise CommandError(
                "Referensdata lästes inte in; inget har ändrats.\n"
                + "\n".join(error.preview.errors_shown(25))
            ) from None
        created = ensure_authority_organisations()
        for line in summary.lines():
            self.stdout.write("  " + line)
        self.stdout.write(f"  organisationer: {created} nya")
        self.stdout.write(self.style.SUCCESS("Referensdata är inläst."))
