"""forebygg lagesbild 0680 --format docx -o jonkoping.docx (or pdf, html)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forebygg.geo.models import Kommun
from forebygg.lagesbild.domain import transient_lagesbild
from forebygg.lagesbild.interfaces.document import render_document_html
from forebygg.lagesbild.interfaces.docx import render_docx
from forebygg.lagesbild.interfaces.pdf import render_pdf
from forebygg.lagesbild.models import Lagesbild

RENDERERS = {
    "docx": render_docx,
    "pdf": render_pdf,
    "html": lambda lagesbild: render_document_html(lagesbild, for_print=True).encode(),
}


class Command(BaseCommand):
    help = (
        "Exporterar kommunens senaste lägesbild (eller ett nytt utkast från data om ingen finns) "
        "som DOCX, PDF eller HTML."
    )

    def add_arguments(self, parser):
        parser.add_argument("kommun", help="Kommunkod, t.ex. 0680")
        parser.add_argument("--format", choices=sorted(RENDERERS), default="pdf")
        parser.add_argument("-o", "--output", type=Path, required=True)
        parser.add_argument("--lagesbild-version", dest="number", type=int, help="Versionsnummer")

    def handle(self, *args, kommun, format, output, number=None, **options):
        place = Kommun.objects.filter(code=kommun).first()
        if place is None:
            raise CommandError(f"Det finns ingen kommun med koden {kommun}.")
        versions = Lagesbild.objects.filter(kommun=place).order_by("-number")
        if number is not None:
            versions = versions.filter(number=number)
            if not versions.exists():
                raise CommandError(f"{place.name} har ingen lägesbild version {number}.")
        lagesbild = versions.first() or transient_lagesbild(place)
        output.write_bytes(RENDERERS[format](lagesbild))
        label = f"version {lagesbild.number}" if lagesbild.number else "utkast från data"
        self.stdout.write(self.style.SUCCESS(f"Skrev {output} ({label}, {format.upper()})."))
