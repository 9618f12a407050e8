"""PDF export: tagged PDF/UA-1 from the document HTML, Swedish formats, page numbers."""

from __future__ import annotations

import weasyprint

from forebygg.lagesbild.interfaces.document import render_document_html
from forebygg.lagesbild.models import Lagesbild


def render_pdf(lagesbild: Lagesbild) -> bytes:
    html = render_document_html(lagesbild, for_print=True)
    return weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
