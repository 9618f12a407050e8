"""The yearly reports as tagged PDF/UA and editable Word, from one list of blocks.

A report is first turned into headings, paragraphs and tables (`kommun_report_blocks`,
`county_report_blocks`); the PDF and the DOCX render the same blocks, so both say the same.
Everything is read from the report's stored content: an approved report exports the figures
that were approved, not what the data says today.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import weasyprint
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document

from forebygg.core.docx_tables import add_table
from forebygg.core.formatting import format_number
from forebygg.core.views import DOCX_MIME, PDF_MIME, attachment
from forebygg.governance.enums import AgreementKind, RuleStatus
from forebygg.orgs.enums import OrganisationType
from forebygg.plans.enums import MeasureState
from forebygg.reporting.domain import questions
from forebygg.reporting.enums import CountyState, MissingReason, ReportState
from forebygg.reporting.models import CountyReport, YearlyReport


@dataclass
class Block:
    kind: str  # "h2", "h3", "p" or "table"
    text: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class ReportDocument:
    title: str
    blocks: list[Block]


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def _types(values) -> str:
    return ", ".join(_label(OrganisationType, v) for v in values) or "–"


def _yes_no(value: bool) -> str:
    return _("Ja") if value else _("Nej")


def kommun_report_document(report: YearlyReport) -> ReportDocument:
    with translation.override("sv"):
        return ReportDocument(
            _("Årlig redovisning %(year)s – %(kommun)s")
            % {"year": report.year, "kommun": report.content["kommun"]["name"]},
            _kommun_blocks(report),
        )


def _kommun_blocks(report: YearlyReport, heading: str = "h2") -> list[Block]:
    content = report.content
    blocks = [
        Block(
            "p",
            _(
                "Status: %(status)s. Redovisningen är sammanställd %(date)s ur kommunens "
                "uppgifter i Förebygg (lag 2023:196 och Brå:s årliga uppföljning)."
            )
            % {"status": _label(ReportState, report.status), "date": content["generated_on"]},
        )
    ]
    if report.content_hash:
        blocks.append(Block("p", _("Kontrollsumma (SHA-256): %s") % report.content_hash))
    if report.comments:
        blocks += [Block(heading, _("Länsstyrelsens kommentarer")), Block("p", report.comments)]
    blocks += [
        Block(heading, _("Brå:s uppföljningsfrågor")),
        Block(
            "table",
            header=[_("Fråga"), _("Svar"), _("Underlag")],
            rows=[
                [
                    questions.label_of(a["key"]),
                    _yes_no(a["answer"]),
                    ", ".join(a["evidence"]) or "–",
                ]
                for a in questions.answers_of(report)
            ],
        ),
        Block(heading, _("Lagkrav (lag 2023:196)")),
        Block(
            "table",
            header=[_("Krav"), _("Beskrivning"), _("Status"), _("Vad som finns")],
            rows=[
                [r["code"], r["requirement"], _label(RuleStatus, r["status"]), r["finding"] or "–"]
                for r in content["compliance"]
            ],
        ),
        Block(heading, _("Lägesbild och åtgärdsplan")),
        *_plan_blocks(content),
        Block(heading, _("Samverkansöverenskommelser")),
        *_agreement_blocks(content["agreements"]),
        Block(heading, _("Strategiskt råd")),
        Block("p", _council_text(content["council"])),
    ]
    return blocks


def _lagesbild_date(lagesbild: dict) -> str:
    """The decision date, saying so when it is only the day of the click.

    Reports frozen before the report said so show their date as they did then.
    """
    if lagesbild.get("decision_date_stated", True):
        return lagesbild["decided_on"]
    return _("%(date)s (beslutsdatum ej angivet)") % {"date": lagesbild["decided_on"]}


def _plan_blocks(content: dict) -> list[Block]:
    lagesbild, plan = content["lagesbild"], content["plan"]
    blocks = [
        Block(
            "p",
            _("Lägesbild version %(number)s fastställd %(date)s.")
            % {"number": lagesbild["number"], "date": _lagesbild_date(lagesbild)}
            if lagesbild
            else _("Ingen fastställd lägesbild."),
        )
    ]
    if not plan:
        return [*blocks, Block("p", _("Ingen beslutad åtgärdsplan."))]
    blocks.append(
        Block(
            "p",
            _(
                "Åtgärdsplan version %(number)s beslutad %(date)s med %(measures)s åtgärder. "
                "Senaste uppföljning: %(follow_up)s."
            )
            % {
                "number": plan["number"],
                "date": plan["decided_on"],
                "measures": format_number(plan["measures"]),
                "follow_up": plan["last_follow_up"] or _("ingen"),
            },
        )
    )
    states = plan["measure_states"]
    rows = [
        [_label(MeasureState, state) if state != "ej-rapporterad" else _("Ej rapporterad"),
         format_number(count)]
        for state, count in sorted(states.items())
    ]  # fmt: skip
    return [*blocks, Block("table", header=[_("Åtgärdernas status"), _("Antal")], rows=rows)]


def _agreement_blocks(agreements: list[dict]) -> list[Block]:
    if not agreements:
        return [Block("p", _("Inga överenskommelser är registrerade."))]
    rows = [
        [
            a["title"],
            _label(AgreementKind, a["kind"]),
            a["signed_on"] or _("ej undertecknad"),
            _yes_no(a.get("in_force", False)),
            _types(a["party_types"]),
        ]
        for a in agreements
    ]
    header = [_("Titel"), _("Typ"), _("Undertecknad"), _("Gäller nu"), _("Parter (typ)")]
    return [Block("table", header=header, rows=rows)]


def _council_text(council: dict | None) -> str:
    if not council:
        return _("Kommunen har inget strategiskt råd registrerat.")
    return _(
        "%(name)s. Ledamöternas organisationer: %(types)s. Möten under året: %(meetings)s."
    ) % {
        "name": council["name"],
        "types": _types(council["member_types"]),
        "meetings": format_number(council["meetings_in_year"]),
    }


def county_report_document(county_report: CountyReport) -> ReportDocument:
    with translation.override("sv"):
        return ReportDocument(
            _("Samlad redovisning %(year)s – %(lan)s")
            % {"year": county_report.year, "lan": county_report.lan.name},
            _county_blocks(county_report),
        )


def _county_blocks(county_report: CountyReport) -> list[Block]:
    included = list(county_report.kommun_reports.select_related("kommun").order_by("kommun__name"))
    status = _label(CountyState, county_report.status)
    blocks = [
        Block(
            "p",
            _(
                "Länsstyrelsens samlade redovisning till Brå om det brottsförebyggande arbetet "
                "lokalt och regionalt i länet (förordning 2016:1258). Status: %(status)s."
            )
            % {"status": status},
        ),
    ]
    if county_report.content_hash:
        blocks.append(Block("p", _("Kontrollsumma (SHA-256): %s") % county_report.content_hash))
    for heading, text in (
        (_("Regionala nätverk"), county_report.networks),
        (_("Utbildningar och kompetensutveckling"), county_report.trainings),
        (_("Kommunöverskridande åtgärder"), county_report.cross_kommun_measures),
    ):
        blocks += [Block("h2", heading), Block("p", text or _("Inget angivet."))]
    blocks += _missing_blocks(county_report.content.get("missing_kommuner", []))
    blocks.append(Block("h2", _("Kommunernas redovisningar")))
    answers = {r.pk: questions.answers_of(r) for r in included}
    keys = questions.keys_in({a["key"] for report in answers.values() for a in report})
    header = [_("Kommun"), *(questions.label_of(key) for key in keys)]
    rows = [[r.kommun.name, *_answer_cells(answers[r.pk], keys)] for r in included]
    blocks.append(Block("table", header=header, rows=rows))
    for report in included:
        blocks += [Block("h2", report.kommun.name), *_kommun_blocks(report, "h3")[1:]]
    return blocks


def _answer_cells(answers: list[dict], keys: list[str]) -> list[str]:
    """Ja or Nej per question; a dash for a question the report was not asked."""
    by_key = {a["key"]: a["answer"] for a in answers}
    return [_yes_no(by_key[key]) if key in by_key else "–" for key in keys]


def _missing_blocks(missing: list[dict]) -> list[Block]:
    """The kommuner the county sent the report without, as it confirmed when sending."""
    if not missing:
        return []
    rows = [[m["name"], _label(MissingReason, m["reason"])] for m in missing]
    return [
        Block("h2", _("Kommuner som saknas i redovisningen")),
        Block(
            "p",
            _("Länsstyrelsen bekräftade att redovisningen skickades utan %(count)s kommuner.")
            % {"count": format_number(len(missing))},
        ),
        Block("table", header=[_("Kommun"), _("Varför")], rows=rows),
    ]


def render_html(document: ReportDocument) -> str:
    return render_to_string("reporting/export.html", {"document": document})


def render_pdf(document: ReportDocument) -> bytes:
    return weasyprint.HTML(string=render_html(document)).write_pdf(pdf_variant="pdf/ua-1")


def render_docx(document: ReportDocument) -> bytes:
    word = Document()
    word.core_properties.title = document.title
    word.core_properties.language = "sv-SE"
    word.add_heading(document.title, level=0)
    for block in document.blocks:
        if block.kind in ("h2", "h3"):
            word.add_heading(block.text, level=int(block.kind[1]) - 1)
        elif block.kind == "p":
            word.add_paragraph(block.text)
        else:
            add_table(word, block.header, block.rows)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


FORMATS = {"pdf": (render_pdf, PDF_MIME), "docx": (render_docx, DOCX_MIME)}


def download(document: ReportDocument, fmt: str, name: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404(_("Formatet finns inte."))
    render_file, mime = FORMATS[fmt]
    return attachment(render_file(document), mime, f"{name}.{fmt}")
