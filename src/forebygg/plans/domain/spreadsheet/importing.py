"""The edited sheet read back: a preview first, then every change written, all or nothing.

The import takes the export back and changes the plan's existing measures, matched by
Åtgärds-id. It never creates or deletes measures; that is done in the plan itself. Rows left
out of the sheet are left alone, since the export may have been filtered.

Nothing is written unless the whole sheet is correct, and every change goes through
`planning.save_measure`, so validation, permissions and history are the same as in the form.
Polisens område is not in the sheet: a measure keeps it unless the sheet moves the measure to
another kind of area. The column for the method library is optional, so sheets exported before
it existed still read back; without it, a measure keeps its method.

The file follows the import contract (`core.domain.imports`): its problems are line-numbered
Swedish errors, and it may be hostile. It is refused above `MAX_SHEET_BYTES`, read as a stream,
and never past `MAX_SHEET_ROWS` rows or `MAX_SHEET_COLUMNS` columns; an Excel file is checked
for zip and XML bombs before it is opened (`core.domain.xlsx`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path, PurePath

from django.db import transaction
from django.db.models import Model
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from forebygg.core.domain.conflicts import check_version
from forebygg.core.domain.csvfiles import escape_formula
from forebygg.core.domain.imports import ImportFile, ImportPreview, csv_records
from forebygg.core.domain.xlsx import xlsx_rows
from forebygg.plans.domain import require_coordinator
from forebygg.plans.domain.planning import (
    causes_of,
    eligible_organisations,
    lock_draft,
    measures_version,
    save_measure,
    validate_measure,
)
from forebygg.plans.domain.spreadsheet.columns import (
    CHOICES,
    COLUMNS,
    DATE_FIELDS,
    HEADERS,
    OPTIONAL_COLUMNS,
    SHEET_TITLE,
    TEXT_FIELDS,
    shown,
    shown_values,
)
from forebygg.plans.enums import MeasureArea
from forebygg.plans.models import FROZEN_MESSAGE, Measure, Plan

# A plan's export is a few hundred kilobytes; these bounds leave room for any real plan.
MAX_SHEET_BYTES = 10 * 1024 * 1024
MAX_SHEET_ROWS = 5001  # the header and 5 000 measures
MAX_SHEET_COLUMNS = 60

UNKNOWN_CHOICE = {
    "type": "okänd typ",
    "horizon": "okänt tidsperspektiv",
    "area_kind": "okänt område",
    "funding": "okänd finansiering",
}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
WHOLE_KRONOR = re.compile(r"(?P<kronor>-?\d{1,12})(?:[.,]0+)?")


@dataclass
class RowChange:
    line: int
    key: str
    title: str
    changes: dict[str, tuple[str, str]]


@dataclass(kw_only=True)
class SheetPreview(ImportPreview):
    changes: list[RowChange] = field(default_factory=list)
    unchanged: int = 0
    version: str = ""  # `measures_version` of the measures the sheet was read against


@dataclass
class _Update:
    measure: Measure
    fields: dict
    causes: list
    partners: list


Content = bytes | Path | ImportFile


def preview_sheet(plan: Plan, *, filename: str, content: Content, progress=None) -> SheetPreview:
    preview, _updates = _read_sheet(plan, ImportFile.of(content, name=filename), progress)
    return preview


def apply_sheet(
    plan: Plan, *, filename: str, content: Content, by, base: str | None = None, progress=None
) -> int:
    """Write the sheet's changes, all or nothing.

    `base` is the `measures_version` the preview was made from: if someone has changed a
    measure since, nothing is written and `EditConflict` carries the new version, so the
    preview can be shown again against the values saved now. A sheet with problems raises
    `ImportRejected` (a ValidationError) with every one of them.
    """
    require_coordinator(by, plan.kommun)
    file = ImportFile.of(content, name=filename)
    with transaction.atomic():
        lock_draft(plan)
        preview, updates = _read_sheet(plan, file, progress)
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
        preview.reject(empty="")
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


def _read_sheet(plan: Plan, file: ImportFile, progress) -> tuple[SheetPreview, list[_Update]]:
    reader = _SheetReader(plan)
    reader.preview.progress = progress
    if plan.is_decided:
        reader.preview.error(None, str(FROZEN_MESSAGE))
        return reader.preview, []
    rows = _rows_of(file, reader.preview)
    if rows is not None:
        reader.read(rows)
    reader.preview.tick(force=True)
    return reader.preview, reader.updates


def _rows_of(file: ImportFile, preview: SheetPreview) -> list[list[str]] | None:
    suffix = PurePath(file.name or "").suffix.casefold()
    if suffix not in (".csv", ".xlsx"):
        preview.error(None, "Välj en CSV-fil (.csv) eller en Excel-fil (.xlsx).")
        return None
    if file.size > MAX_SHEET_BYTES:
        preview.error(
            None,
            f"Filen är större än {MAX_SHEET_BYTES // (1024 * 1024)} MB. En export av planens "
            "åtgärder är mycket mindre; läs in en sådan.",
        )
        return None
    if suffix == ".csv":
        rows = _csv_rows(file, preview)
    else:
        rows = xlsx_rows(
            file,
            preview,
            max_rows=MAX_SHEET_ROWS,
            max_columns=MAX_SHEET_COLUMNS,
            sheet_title=SHEET_TITLE,
        )
    if rows is None:
        return None
    rows = [[_unescaped(cell.strip()).strip() for cell in row] for row in rows]
    if not rows or not any(rows[0]):
        preview.error(None, "Filen är tom. Rad 1 ska vara rubrikraden från exporten.")
        return None
    return rows


def _csv_rows(file: ImportFile, preview: SheetPreview) -> list[list[str]] | None:
    records = csv_records(file, preview, delimiter=";")
    if records is None:
        return None
    rows = []
    for record in records:
        if len(rows) >= MAX_SHEET_ROWS:
            records.close()
            limit = f"{MAX_SHEET_ROWS - 1:_}".replace("_", " ")
            preview.error(
                records.line_num,
                f"kalkylarket har fler än {limit} rader under rubrikraden och läses inte "
                "vidare. En export av planens åtgärder har en rad per åtgärd.",
            )
            return None
        rows.append(record)
    return None if not preview.ok else rows


def _unescaped(text: str) -> str:
    return text[1:] if text.startswith("'") and escape_formula(text[1:]) == text else text


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
        self.preview.error(line, message)

    def read(self, rows: list[list[str]]) -> None:
        header, *body = rows
        columns = self.columns_of(header)
        if columns is None:
            return
        for line, cells in enumerate(body, start=2):
            self.preview.rows_checked = line - 1
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
        self.preview.error(None, " ".join(problems))
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
        errors_before = self.preview.error_count
        fields = self.fields_of(line, values, measure)
        owner_and_partners = [measure.owner, *measure.partners.all()]
        partners = [
            self.organisation(line, name, "samverkanspart", owner_and_partners)
            for name in _split_list(values["partners"])
        ]
        causes = [self.cause(line, cause_id) for cause_id in _split_list(values["causes"])]
        if self.preview.error_count == errors_before:
            for message in validate_measure(self.plan, fields, causes, partners):
                self.error(line, message)
        if self.preview.error_count == errors_before:
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
        after = shown(
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
