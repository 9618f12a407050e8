"""The plan's measures as a spreadsheet (CSV or Excel) that a person edits and reads back.

The export shows every value as a person reads it in Förebygg: labels, organisation names and
cause ids such as O12. The import takes the same sheet back and changes the plan's existing
measures, matched by Åtgärds-id. It never creates or deletes measures; that is done in the plan
itself. Rows left out of the sheet are left alone, since the export may have been filtered.

Nothing is written unless the whole sheet is correct, and every change goes through
`planning.save_measure`, so validation, permissions and history are the same as in the form.
Polisens område is not in the sheet: a measure keeps it unless the sheet moves the measure to
another kind of area. The column for the method library is optional, so sheets exported before
it existed still read back; without it, a measure keeps its method.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from operator import attrgetter
from pathlib import PurePath

import openpyxl
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model, QuerySet
from django.db.models.functions import Length
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from forebygg.core.domain.conflicts import check_version
from forebygg.core.domain.csvfiles import escape_formula, write_csv_table
from forebygg.plans.domain import require_coordinator
from forebygg.plans.domain.planning import (
    MEASURE_FIELDS,
    causes_of,
    eligible_organisations,
    lock_draft,
    measures_version,
    save_measure,
    validate_measure,
)
from forebygg.plans.enums import Funding, Horizon, MeasureArea, MeasureType
from forebygg.plans.models import FROZEN_MESSAGE, Measure, Plan

COLUMNS: list[tuple[str, str]] = [
    ("key", "Åtgärds-id"),
    ("title", "Åtgärd"),
    ("description", "Genomförande"),
    ("type", "Typ"),
    ("horizon", "Tidsperspektiv"),
    ("owner", "Ansvarig organisation"),
    ("partners", "Samverkansparter"),
    ("area_kind", "Område"),
    ("district", "Stadsdel eller ort"),
    ("method_text", "Metod"),
    ("method", "Metod i metodbiblioteket"),
    ("start", "Start"),
    ("end", "Slut"),
    ("cost", "Kostnad (kr)"),
    ("funding", "Finansiering"),
    ("expected_effect", "Förväntad effekt"),
    ("causes", "Orsaker"),
]
HEADERS = dict(COLUMNS)
OPTIONAL_COLUMNS = frozenset({"method"})
SHEET_TITLE = "Åtgärder"
LIST_SEPARATOR = "; "
TEXT_FIELDS = ("title", "description", "district", "method_text", "expected_effect")
DATE_FIELDS = ("start", "end")
CHOICES = {"type": MeasureType, "horizon": Horizon, "area_kind": MeasureArea, "funding": Funding}
UNKNOWN_CHOICE = {
    "type": "okänd typ",
    "horizon": "okänt tidsperspektiv",
    "area_kind": "okänt område",
    "funding": "okänd finansiering",
}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
WHOLE_KRONOR = re.compile(r"(?P<kronor>-?\d{1,12})(?:[.,]0+)?")
MAX_COLUMN_WIDTH = 60
NUMBER_FORMATS = {"start": "yyyy-mm-dd", "end": "yyyy-mm-dd", "cost": "#,##0"}


@dataclass
class RowChange:
    line: int
    key: str
    title: str
    changes: dict[str, tuple[str, str]]


@dataclass
class SheetPreview:
    changes: list[RowChange] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    unchanged: int = 0
    version: str = ""  # `measures_version` of the measures the sheet was read against

    @property
    def ok(self) -> bool:
        return not self.errors


def filter_measures(
    plan: Plan, *, type: str = "", horizon: str = "", owner_id: int | None = None, search: str = ""
) -> QuerySet[Measure]:
    measures = (
        plan.measures.select_related("owner", "method")
        .prefetch_related("partners", "causes")
        .order_by(Length("key"), "key")
    )
    if type:
        measures = measures.filter(type=type)
    if horizon:
        measures = measures.filter(horizon=horizon)
    if owner_id is not None:
        measures = measures.filter(owner_id=owner_id)
    if search.strip():
        measures = measures.filter(pk__in=_matching_text(measures, search))
    return measures


def _matching_text(measures: QuerySet[Measure], search: str) -> list[int]:
    """Matched in Python: SQLite's icontains folds case for ASCII only, not for å, ä and ö."""
    needle = search.strip().casefold()
    searched = (
        "key", "title", "description", "method_text", "method__name", "district", "expected_effect"
    )  # fmt: skip
    return [
        pk
        for pk, *texts in measures.values_list("pk", *searched)
        if needle in "\n".join(text or "" for text in texts).casefold()
    ]


# ---------------------------------------------------------------- export


def write_csv(measures) -> bytes:
    rows = (shown_values(measure).values() for measure in _with_relations(measures))
    return write_csv_table(list(HEADERS.values()), rows)


def write_xlsx(measures) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append(list(HEADERS.values()))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for measure in _with_relations(measures):
        sheet.append(_xlsx_row(measure))
    _format_columns(sheet)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def shown_values(measure: Measure) -> dict[str, str]:
    """The measure's cells as a person reads them, in column order."""
    values = {name: getattr(measure, name) for name in ("key", *MEASURE_FIELDS)}
    values["partners"] = list(measure.partners.all())
    values["causes"] = list(measure.causes.all())
    return _shown(values)


def differences(measure: Measure, *, fields: dict, causes, partners) -> list[tuple[str, str, str]]:
    """(field name, the given value, the measure's value) for each shown value that differs.

    Polisens område is compared too, although the sheet leaves it out.
    """
    names = [name for name in HEADERS if name != "key"] + ["police_area"]
    if fields.get("area_kind") != MeasureArea.POLICE_AREA:
        fields = {**fields, "police_area": None}
    given = _shown({**fields, "causes": list(causes), "partners": list(partners)}, names)
    stored_values = {name: getattr(measure, name) for name in MEASURE_FIELDS}
    stored_values |= {
        "partners": list(measure.partners.all()),
        "causes": list(measure.causes.all()),
    }
    stored = _shown(stored_values, names)
    return [(name, given[name], stored[name]) for name in names if given[name] != stored[name]]


def _shown(values: dict, names=HEADERS) -> dict[str, str]:
    with translation.override("sv"):
        return {name: _shown_value(name, values.get(name)) for name in names}


def _shown_value(name: str, value) -> str:
    if name in CHOICES:
        return str(dict(CHOICES[name].choices).get(value, value))
    if name in ("owner", "method", "police_area"):
        return value.name if value else ""
    if name == "partners":
        return LIST_SEPARATOR.join(sorted(organisation.name for organisation in value))
    if name == "causes":
        return LIST_SEPARATOR.join(f"O{cause.pk}" for cause in sorted(value, key=attrgetter("pk")))
    if name in DATE_FIELDS:
        return value.isoformat() if value else ""
    if name == "cost":
        return str(int(value)) if value is not None else ""
    return _same_line_breaks(value or "")


def _same_line_breaks(text: str) -> str:
    """Browsers send CRLF and Excel may save LF: the same text either way."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _unescaped(text: str) -> str:
    return text[1:] if text.startswith("'") and escape_formula(text[1:]) == text else text


def _with_relations(measures):
    if isinstance(measures, QuerySet):
        return measures.select_related("owner", "method").prefetch_related("partners", "causes")
    return measures


def _xlsx_row(measure: Measure) -> list:
    """Dates and costs as real dates and numbers, so Excel can sort and sum them."""
    row = []
    for name, text in shown_values(measure).items():
        if name in DATE_FIELDS or name == "cost":
            value = getattr(measure, name)
            row.append(int(value) if name == "cost" and value is not None else value)
        else:
            row.append(ILLEGAL_CHARACTERS_RE.sub("", escape_formula(text)))
    return row


def _format_columns(sheet) -> None:
    for index, (name, column) in enumerate(zip(HEADERS, sheet.iter_cols(), strict=True), start=1):
        longest = max(_longest_line(cell.value) for cell in column)
        sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, MAX_COLUMN_WIDTH)
        if name in NUMBER_FORMATS:
            for cell in column[1:]:
                cell.number_format = NUMBER_FORMATS[name]


def _longest_line(value) -> int:
    if isinstance(value, date):
        return len("2027-01-31")
    return max((len(line) for line in str(value or "").splitlines()), default=0)


# ---------------------------------------------------------------- import


class _UnreadableSheet(Exception):
    pass


@dataclass
class _Update:
    measure: Measure
    fields: dict
    causes: list
    partners: list


def preview_sheet(plan: Plan, *, filename: str, content: bytes) -> SheetPreview:
    preview, _updates = _read_sheet(plan, filename, content)
    return preview


def apply_sheet(plan: Plan, *, filename: str, content: bytes, by, base: str | None = None) -> int:
    """Write the sheet's changes, all or nothing.

    `base` is the `measures_version` the preview was made from: if someone has changed a
    measure since, nothing is written and `EditConflict` carries the new version, so the
    preview can be shown again against the values saved now.
    """
    require_coordinator(by, plan.kommun)
    with transaction.atomic():
        lock_draft(plan)
        preview, updates = _read_sheet(plan, filename, content)
        check_version(
            None,
            version=preview.version,
            base=base,
            message=_(
                "Någon har ändrat planens åtgärder sedan du förhandsgranskade filen. Inget är "
                "ändrat. Förhandsgranskningen nedan visar nu filen mot de sparade värdena; "
                "granska den och genomför ändringarna igen."
            ),
        )
        if not preview.ok:
            raise ValidationError(preview.errors)
        for update in updates:
            save_measure(
                plan,
                by=by,
                measure=update.measure,
                causes=update.causes,
                partners=update.partners,
                **update.fields,
            )
    return len(updates)


def _read_sheet(plan: Plan, filename: str, content: bytes) -> tuple[SheetPreview, list[_Update]]:
    if plan.is_decided:
        return SheetPreview(errors=[str(FROZEN_MESSAGE)]), []
    try:
        rows = _rows_of(filename, content)
    except _UnreadableSheet as problem:
        return SheetPreview(errors=[str(problem)]), []
    reader = _SheetReader(plan)
    reader.read(rows)
    return reader.preview, reader.updates


def _rows_of(filename: str, content: bytes) -> list[list[str]]:
    suffix = PurePath(filename or "").suffix.casefold()
    if suffix == ".csv":
        rows = _csv_rows(content)
    elif suffix == ".xlsx":
        rows = _xlsx_rows(content)
    else:
        raise _UnreadableSheet("Välj en CSV-fil (.csv) eller en Excel-fil (.xlsx).")
    rows = [[_unescaped(cell.strip()).strip() for cell in row] for row in rows]
    if not rows or not any(rows[0]):
        raise _UnreadableSheet("Filen är tom. Rad 1 ska vara rubrikraden från exporten.")
    return rows


def _csv_rows(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _UnreadableSheet(
            "Filen är inte UTF-8-kodad. Spara den som UTF-8 (i Excel: 'CSV UTF-8') och försök igen."
        ) from None
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    except csv.Error:
        raise _UnreadableSheet(
            "Filen går inte att läsa som CSV. Spara den som 'CSV UTF-8' med semikolon (;) "
            "mellan kolumnerna och försök igen."
        ) from None


def _xlsx_rows(content: bytes) -> list[list[str]]:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            sheet = workbook[SHEET_TITLE] if SHEET_TITLE in workbook.sheetnames else workbook.active
            rows = [
                [_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)
            ]
        finally:
            workbook.close()
    except Exception:  # a damaged or foreign file fails in many ways inside openpyxl
        raise _UnreadableSheet(
            "Filen går inte att öppna som Excel-fil. Spara den som Excel-arbetsbok (.xlsx) "
            "och försök igen."
        ) from None
    width = max((len(row) for row in rows), default=0)
    return [row + [""] * (width - len(row)) for row in rows]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _either(labels: list[str]) -> str:
    return f"{', '.join(labels[:-1])} eller {labels[-1]}"


def _split_list(text: str) -> list[str]:
    return list(dict.fromkeys(part.strip() for part in text.split(";") if part.strip()))


class _SheetReader:
    """Reads the rows of one sheet against one plan, collecting errors, changes and updates."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.measures = {
            measure.key: measure
            for measure in plan.measures.select_related(
                "owner", "police_area", "method"
            ).prefetch_related("partners", "causes")
        }
        # The method library sits above plans (it reads plans): reached through the key.
        library = Measure._meta.get_field("method").related_model
        self.methods: dict[str, Model] = {}
        for method in library.objects.all():
            self.methods[method.name.casefold()] = method
            self.methods[method.slug.casefold()] = method
        self.organisations: dict[str, list] = {}
        for organisation in eligible_organisations(plan.kommun).distinct():
            self.organisations.setdefault(organisation.name.casefold(), []).append(organisation)
        self.causes = {f"O{cause.pk}": cause for cause in causes_of(plan.kommun)}
        self.lines_of_keys: dict[str, int] = {}
        self.preview = SheetPreview(version=measures_version(self.measures.values()))
        self.updates: list[_Update] = []

    def error(self, line: int, message: str) -> None:
        self.preview.errors.append(f"Rad {line}: {message}")

    def read(self, rows: list[list[str]]) -> None:
        header, *body = rows
        columns = self.columns_of(header)
        if columns is None:
            return
        for line, cells in enumerate(body, start=2):
            if any(cells) and self.fits_columns(line, cells, columns):
                self.read_row(line, dict(zip(columns, cells, strict=False)))

    def columns_of(self, header: list[str]) -> list[str] | None:
        while header and not header[-1]:
            header = header[:-1]
        names = {text.casefold(): name for name, text in COLUMNS}
        found = [names.get(text.casefold()) for text in header]
        missing = [
            text for name, text in COLUMNS if name not in found and name not in OPTIONAL_COLUMNS
        ]
        unknown = [f"'{text}'" for text, name in zip(header, found, strict=True) if name is None]
        repeated = [HEADERS[name] for name in HEADERS if found.count(name) > 1]
        if not (missing or unknown or repeated):
            return found
        problems = ["Rad 1: rubrikraden stämmer inte med exporten."]
        if len(header) == 1 and ("," in header[0] or "\t" in header[0]):
            problems.append(
                "Kolumnerna ska skiljas åt med semikolon (;), inte med komma eller tab."
            )
        else:
            problems += [f"{label}: {', '.join(texts)}." for label, texts in (
                ("Saknas", missing), ("Okända kolumner", unknown), ("Finns flera gånger", repeated)
            ) if texts]  # fmt: skip
            problems.append("Använd rubrikerna från en exporterad fil.")
        self.preview.errors.append(" ".join(problems))
        return None

    def fits_columns(self, line: int, cells: list[str], columns: list[str]) -> bool:
        if len(cells) < len(columns):
            self.error(line, f"raden har {len(cells)} kolumner, rubrikraden har {len(columns)}.")
            return False
        if any(cells[len(columns) :]):
            self.error(line, "raden har värden till höger om den sista kolumnen.")
            return False
        return True

    def read_row(self, line: int, values: dict[str, str]) -> None:
        measure = self.measure_for(line, values["key"])
        if measure is None:
            return
        errors_before = len(self.preview.errors)
        fields = self.fields_of(line, values, measure)
        owner_and_partners = [measure.owner, *measure.partners.all()]
        partners = [
            self.organisation(line, name, "samverkanspart", owner_and_partners)
            for name in _split_list(values["partners"])
        ]
        causes = [self.cause(line, cause_id) for cause_id in _split_list(values["causes"])]
        if len(self.preview.errors) == errors_before:
            for message in validate_measure(self.plan, fields, causes, partners):
                self.error(line, message)
        if len(self.preview.errors) == errors_before:
            self.compare(line, _Update(measure, fields, causes, partners))

    def measure_for(self, line: int, key: str) -> Measure | None:
        if not key:
            self.error(line, "Åtgärds-id saknas. Nya åtgärder läggs till i planen, inte i filen.")
            return None
        if key in self.lines_of_keys:
            self.error(line, f"åtgärds-id {key} finns redan på rad {self.lines_of_keys[key]}.")
            return None
        self.lines_of_keys[key] = line
        if key not in self.measures:
            self.error(
                line,
                f"det finns ingen åtgärd med id {key} i planen. "
                "Nya åtgärder läggs till i planen, inte i filen.",
            )
            return None
        return self.measures[key]

    def fields_of(self, line: int, values: dict[str, str], measure: Measure) -> dict:
        fields = {name: self.text(line, name, values[name]) for name in TEXT_FIELDS}
        fields.update({name: self.choice(line, name, values[name]) for name in CHOICES})
        fields.update({name: self.date(line, name, values[name]) for name in DATE_FIELDS})
        fields["cost"] = self.cost(line, values["cost"])
        current_owner = [measure.owner] if measure.owner else []
        fields["owner"] = (
            self.organisation(line, values["owner"], "ansvarig organisation", current_owner)
            if values["owner"]
            else None
        )
        fields["method"] = (
            self.method(line, values["method"]) if "method" in values else measure.method
        )
        keeps_police_area = fields["area_kind"] == MeasureArea.POLICE_AREA
        fields["police_area"] = measure.police_area if keeps_police_area else None
        return fields

    def text(self, line: int, name: str, value: str) -> str:
        limit = Measure._meta.get_field(name).max_length
        if limit and len(value) > limit:
            self.error(line, f"{HEADERS[name]} får vara högst {limit} tecken.")
        if ILLEGAL_CHARACTERS_RE.search(value):  # the Excel export could not hold it
            self.error(line, f"{HEADERS[name]} innehåller ett styrtecken (t.ex. NUL); ta bort det.")
        return value

    def choice(self, line: int, name: str, value: str) -> str | None:
        with translation.override("sv"):
            labels = dict(CHOICES[name].choices)
            for code, label in labels.items():
                if value.casefold() in (code.casefold(), str(label).casefold()):
                    return code
            listed = _either([str(label) for label in labels.values()])
        if not value:
            self.error(line, f"kolumnen {HEADERS[name]} är tom. Välj {listed}.")
        else:
            self.error(line, f"{UNKNOWN_CHOICE[name]} '{value}'. Välj {listed}.")
        return None

    def date(self, line: int, name: str, value: str) -> date | None:
        if not value:
            return None
        if ISO_DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.error(line, f"{HEADERS[name]} '{value}' är inte ett datum. Skriv det som ÅÅÅÅ-MM-DD.")
        return None

    def cost(self, line: int, value: str) -> Decimal | None:
        if not value:
            return None
        digits = re.sub(r"[\s\u00a0\u202f]", "", value)
        match = WHOLE_KRONOR.fullmatch(digits)
        if match is None:
            self.error(line, f"kostnaden '{value}' ska vara ett heltal i kronor, t.ex. 250000.")
            return None
        return Decimal(match["kronor"])

    def organisation(self, line: int, name: str, role: str, current: list):
        """By name; when two share a name, the one the measure already has is meant."""
        matches = self.organisations.get(name.casefold(), [])
        if len(matches) > 1:
            matches = [
                organisation for organisation in matches if organisation in current
            ] or matches
        if len(matches) == 1:
            return matches[0]
        if matches:
            self.error(line, f"flera organisationer heter '{name}'. Välj {role} i planen.")
        else:
            self.error(
                line,
                f"okänd {role} '{name}'. Ange kommunen eller en samverkanspart, "
                "med namnet som det står i Förebygg.",
            )
        return None

    def method(self, line: int, name: str) -> Model | None:
        if not name:
            return None
        method = self.methods.get(name.casefold())
        if method is None:
            self.error(
                line,
                f"okänd metod '{name}'. Ange metodens namn som det står i metodbiblioteket, "
                "eller lämna kolumnen tom.",
            )
        return method

    def cause(self, line: int, cause_id: str):
        cause = self.causes.get(cause_id.upper())
        if cause is None:
            self.error(
                line,
                f"okänd orsak '{cause_id}'. Ange orsakernas id, t.ex. O12, åtskilda med semikolon.",
            )
        return cause

    def compare(self, line: int, update: _Update) -> None:
        measure = update.measure
        before = shown_values(measure)
        after = _shown(
            {
                "key": measure.key,
                **update.fields,
                "partners": update.partners,
                "causes": update.causes,
            }
        )
        changes = {
            HEADERS[name]: (before[name], after[name])
            for name in HEADERS
            if before[name] != after[name]
        }
        if not changes:
            self.preview.unchanged += 1
            return
        self.preview.changes.append(RowChange(line, measure.key, measure.title, changes))
        self.updates.append(update)
