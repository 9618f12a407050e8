"""forebygg download [kind …] [--to DIR]: fetch the official files the importers read."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forebygg.stats import download as downloads


class Command(BaseCommand):
    help = (
        "Hämtar de officiella filerna (Brå, SCB, Kolada, Polisen) när datorn är uppkopplad. "
        "Utan typ hämtas alla."
    )

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", metavar="kind", help="Vilka filer (importtyp).")
        parser.add_argument(
            "--to",
            type=Path,
            default=None,
            help="Katalog att spara i (standard: downloads/ i datakatalogen).",
        )
        parser.add_argument(
            "--list", action="store_true", dest="show_list", help="Visa vad som kan hämtas."
        )

    def handle(self, *args, kinds, to=None, show_list=False, **options):
        table = downloads.DOWNLOADS
        if show_list:
            for kind, spec in sorted(table.items()):
                self.stdout.write(f"{kind}: {spec.description}\n  {spec.url}")
            return
        unknown = [kind for kind in kinds if kind not in table]
        if unknown:
            raise CommandError(
                f"Okänd typ: {', '.join(unknown)}. Välj bland: {', '.join(sorted(table))}."
            )
        target_dir = to or downloads.default_target_dir()
        failures = []
        for kind in kinds or sorted(table):
            try:
                path = downloads.fetch(kind, target_dir)
            except downloads.DownloadError as error:
                failures.append(str(error))
                continue
            spec = table[kind]
            self.stdout.write(f"{kind}: {spec.description} → {path} ({path.stat().st_size} byte)")
            if spec.note:
                self.stdout.write(self.style.WARNING(f"  Obs: {spec.note}"))
            else:
                self.stdout.write(f"  Läs in med: forebygg import {kind} {path}")
        if failures:
            raise CommandError("\n".join(["Alla filer kunde inte hämtas:", *failures]))
        self.stdout.write(self.style.SUCCESS("Klart."))
