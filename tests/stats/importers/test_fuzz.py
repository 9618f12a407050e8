"""Bad input at scale: every importer is fed thousands of malformed files.

Each file starts as a small valid file of its format and is then damaged: other encodings
(UTF-16, latin-1 with å/ä/ö, bytes that are not UTF-8), other delimiters and line endings,
missing, extra and cut cells and rows, files cut at any byte, huge, negative and non-numeric
numbers, formula-injection and HTML strings, NUL bytes, very long lines, empty files, BOMs.

The property, for every file: reading it never raises; every message is Swedish (no Python
exception text); a file with errors is refused by `write_import` and the database is left
exactly as it was; a file without errors is written exactly as previewed, its text unchanged.

Examples are derandomised (the same files on every run); no example database is kept.
Written files are rolled back after each example, so every example starts from the same
database and the content checksum taken before a test must match the one taken after it.
"""

import copy
import csv
import hashlib
import io
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.db import connection, transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from forebygg.core.domain.csvfiles import FORMULA_STARTS, escape_formula, write_csv_table
from forebygg.geo.models import Area
from forebygg.stats.domain import preview_file, write_import
from forebygg.stats.importers import police_areas
from forebygg.stats.importers.base import ImportRejected
from forebygg.stats.importers.registry import IMPORTERS
from forebygg.stats.models import (
    DataSource,
    ImportBatch,
    Indicator,
    Observation,
    ObservationRevision,
)

EXAMPLES_PER_FORMAT = 220
TEXT_EXAMPLES = 60


def fuzz_settings(examples: int):
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# ---------------------------------------------------------------- the valid starting files


@dataclass(frozen=True)
class CsvFormat:
    kind: str
    file_name: str
    delimiter: str
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class JsonFormat:
    kind: str
    file_name: str
    document: dict


SQUARE = [[[17.95, 59.39], [17.96, 59.39], [17.96, 59.40], [17.95, 59.40], [17.95, 59.39]]]


def area_feature(name: str, kommun_code: str, **properties) -> dict:
    return {
        "type": "Feature",
        "properties": {"name": name, "class": "utsatt", "kommun_code": kommun_code, **properties},
        "geometry": {"type": "Polygon", "coordinates": SQUARE},
    }


# Fictional areas and list years, so the shipped 2025 list in the session database is untouched.
FORMATS = {
    "bra-kommun": CsvFormat(
        "bra-kommun",
        "bra_anmalda_brott_kommun_1996_2025.csv",
        ",",
        (
            ("kommun_code", "kommun_name", "year", "category", "count", "per_100k"),
            ("0680", "Jönköping", "2024", "total", "15012", "10402"),
            ("0680", "Jönköping", "2024", "person", "2701", "1871"),
            ("0180", "Stockholm", "2023", "theft", "30000", "3100"),
        ),
    ),
    "bra-csv": CsvFormat(
        "bra-csv",
        "anmalda_brott_kommuner_2024.csv",
        ";",
        (
            ("Kommun", "Antal", "Per 100 000 inv."),
            ("Ale", "2 731", "8 547"),
            ("Göteborgs Stad", "84 816", "14 482"),
            ("Hela landet", "1 400 000", "13 400"),
        ),
    ),
    "bra-sol": CsvFormat(
        "bra-sol",
        "sol_jonkoping.tsv",
        "\t",
        (
            ("Region", "Brottskategori", "Period", "Antal", "Per 100 000 inv."),
            ("Jönköping", "Samtliga brott", "2024", "15012", "10402"),
            ("Jönköping", "  Brott mot person (3-7 kap. BrB)", "2024", "2701", "1871"),
            ("Jönköping", "    Misshandel inkl. grov", "2024", "801", "555"),
            ("Hela landet", "Samtliga brott", "2024M03", "120000", "1100"),
        ),
    ),
    "scb-pxweb-csv": CsvFormat(
        "scb-pxweb-csv",
        "folkmangd.csv",
        ",",
        (
            ("region", "år", "Folkmängd"),
            ("0680 Jönköping", "2023", "146000"),
            ("0680 Jönköping", "2024", "147000"),
            ("0180 Stockholm", "2024", ".."),
            ("00 Riket", "2024", "10551707"),
        ),
    ),
    "scb-pxweb-csv (bred)": CsvFormat(
        "scb-pxweb-csv",
        "folkmangd_bred.csv",
        ",",
        (
            ("region", "kön", "Folkmängd 2023", "Folkmängd 2024"),
            ("0680 Jönköping", "totalt", "146000", "147000"),
            ("06 Jönköpings län", "totalt", "370000", ".."),
        ),
    ),
    "scb-jsonstat": JsonFormat(
        "scb-jsonstat",
        "folkmangd.json",
        {
            "version": "2.0",
            "class": "dataset",
            "id": ["Region", "ContentsCode", "Tid"],
            "size": [2, 1, 2],
            "role": {"geo": ["Region"], "time": ["Tid"], "metric": ["ContentsCode"]},
            "dimension": {
                "Region": {"category": {"index": {"0680": 0, "0180": 1}}},
                "ContentsCode": {
                    "category": {"index": {"BE0101N1": 0}, "label": {"BE0101N1": "Folkmängd"}}
                },
                "Tid": {"category": {"index": {"2023": 0, "2024": 1}}},
            },
            "value": [146000, 147000, 984748, None],
        },
    ),
    "kolada": JsonFormat(
        "kolada",
        "kolada_N07403.json",
        {
            "values": [
                {
                    "kpi": "N07403",
                    "municipality": "0680",
                    "period": 2024,
                    "values": [
                        {"gender": "T", "value": 1234.5, "status": ""},
                        {"gender": "K", "value": None, "status": "Missing"},
                    ],
                },
                {
                    "kpi": "N07403",
                    "municipality": "0000",
                    "period": 2023,
                    "values": [{"gender": "T", "value": 1100, "status": ""}],
                },
            ]
        },
    ),
    "polisen-events": CsvFormat(
        "polisen-events",
        "polisen_events_kommun_month.csv",
        ",",
        (
            ("year_month", "municipality_code", "event_type", "location_basis", "events"),
            ("2024-01", "0180", "Trafikolycka", "api_location", "4"),
            ("2024-01", "0180", "Trafikolycka", "title_suffix", "2"),
            ("2024-01", "0680", "Mord/dråp, försök", "api_location", "1"),
        ),
    ),
    "polisen-events (län)": CsvFormat(
        "polisen-events",
        "polisen_events_county_only_month.csv",
        ",",
        (
            ("year_month", "county_code", "event_type", "events"),
            ("2024-01", "01", "Trafikolycka", "3"),
            ("2024-02", "06", "Brand", "1"),
        ),
    ),
    "police-areas (GeoJSON)": JsonFormat(
        "police-areas",
        "omraden_2031.geojson",
        {
            "type": "FeatureCollection",
            "features": [
                area_feature(
                    "Testberga",
                    "0183",
                    since="2025-12-01",
                    ort="Solna",
                    kommun_method="centroid_in_kommun",
                ),
                area_feature("Provby", "0180", ort="Stockholm"),
            ],
        },
    ),
    "police-areas (CSV)": CsvFormat(
        "police-areas",
        "omraden_2031.csv",
        ",",
        (
            ("kommun_code", "name", "class", "list_year", "since", "ort"),
            ("0183", "Testberga", "utsatt", "2031", "2025-12-01", "Solna"),
            ("0680", "Exempelhöjden", "risk", "2031", "", "Jönköping"),
        ),
    ),
    "generic": CsvFormat(
        "generic",
        "trygghet_2024.csv",
        ";",
        (
            ("kommun", "område", "indikator", "namn", "enhet", "period", "värde"),
            ("0680", "", "otrygg", "Känner sig otrygg ute på kvällen", "procent", "2024", "23,5"),
            ("0680", "", "incidenter", "Incidenter i skolan", "antal", "2024-03", "14"),
            ("0680", "", "incidenter-kv", "Incidenter per kvartal", "antal", "2024-Q1", ".."),
        ),
    ),
}  # fmt: skip


def csv_bytes(rows, delimiter: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode()


def unchanged(form) -> bytes:
    if isinstance(form, JsonFormat):
        return json.dumps(form.document).encode()
    return csv_bytes(form.rows, form.delimiter)


# ---------------------------------------------------------------- what goes wrong in files

FORMULAS = ["=cmd|' /C calc'!A0", "+SUM(1)", "-2+3", "@foo", '=HYPERLINK("http://x";"klicka")']
MARKUP = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</td><b>fet</b>"]
HUGE_NUMBERS = ["1e308", "-1e308", "1" + "0" * 400, "1 234 567 890 123 456 789", "9" * 40]
ODD_NUMBERS = ["-1", "-0", "0", "0,0", "12,5", "1.5", "1_000", "0x1F", "NaN", "inf", "-inf"]
ODD_DIGITS = ["١٢٣", "２０２４", "²⁰²⁴", "²", "¼"]
ODD_CELLS = ["", " ", "..", "-", "–", "\x00", "a\x00b", "\ufeff", "\t", "'", '"', '""', ";", ","]
SWEDISH = [
    "å",
    "Ä",
    "ö",
    "Göteborgs Stad",
    "0680",
    "2024",
    "2024-13",
    "9999",
    "1949",
    "Hela landet",
]
PAYLOADS = FORMULAS + MARKUP + HUGE_NUMBERS + ODD_NUMBERS + ODD_DIGITS + ODD_CELLS + SWEDISH

cells = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=12),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats().map(str),
)
JSON_NUMBERS = [10**400, float("nan"), float("inf"), -float("inf"), 1e308, -1e308, 2**63, -1]
JSON_NUMBERS += [0, 1e-320, 0.5, True, "12"]
JSON_ONLY_TEXTS = ["\ud800", "a\udc00b", "\u0000", "a\u0000b", "\u2028", "\\"]
json_values = st.one_of(
    st.sampled_from(
        [None, True, False, 0, -1, -0.5, 1e308, -1e308, 10**400, float("nan"), float("inf")]
        + [2024, 2024.5, "2024", "0680", "", "\ud800", [], {}, [None], {"": None}, "x" * 5000]
    ),
    st.sampled_from(PAYLOADS),
    st.text(max_size=10),
    st.integers(),
    st.floats(),
)

TEXT_ENCODINGS = ["utf-8"] * 5 + ["utf-8-sig"] * 3 + ["utf-16", "utf-16-le", "cp1252", "latin-1"]
BAD_BYTES = [b"\xff", b"\xfe", b"\x80", b"\xc3", b"\xc3(", b"\xed\xa0\x80", b"\x00", b"\x1a"]
BAD_BYTES += [b"\xef\xbb\xbf", b"\r", b"\n", b'"', b"\xe5\xe4\xf6"]
WHOLE_FILES = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b" \r\n\n", b"\x00" * 8, b"{}", b"[]", b"null"]
WHOLE_FILES += [
    b"<html><script>alert(1)</script></html>",
    b"PK\x03\x04\x14\x00\x00\x00",
    b"%PDF-1.7",
    b'{"values": ' + b"[" * 5000 + b"]" * 5000 + b"}",
    b'{"values": [' + b"1" * 5000 + b"]}",
    b"x" * 140_000,
    b'"' + b"x;" * 70_000,
]
LONG_CELLS = [300, 5000, 140_000]


def file_names(usual: str):
    odd = ["", "data.csv", "2023_2024.csv", "<script>alert(1)</script>.csv", "=cmd.csv"]
    odd += ["a" * 250 + ".csv", "1949.csv", "ÅÄÖ 2024.json"]
    return st.sampled_from([usual] * 8 + odd)


@st.composite
def edited_rows(draw, rows: tuple[tuple[str, ...], ...]) -> list[list[str]]:
    """The rows with up to three edits: a cell replaced, padded, removed or added, a row cut,
    removed, repeated or blank."""
    rows = [list(row) for row in rows]
    for _ in range(draw(st.integers(0, 3))):
        if not rows:
            break
        row = rows[draw(st.integers(0, len(rows) - 1))]
        place = draw(st.integers(0, max(len(row) - 1, 0)))
        edit = draw(
            st.sampled_from(
                ["cell"] * 4 + ["around", "drop", "add", "cut", "remove", "repeat", "blank", "long"]
            )
        )
        if edit == "cell" and row:
            row[place] = draw(cells)
        elif edit == "around" and row:
            payload = draw(st.sampled_from(PAYLOADS))
            row[place] = draw(st.sampled_from([payload + row[place], row[place] + payload]))
        elif edit == "drop" and row:
            del row[place]
        elif edit == "add":
            row.insert(place, draw(cells))
        elif edit == "cut":
            del row[place:]
        elif edit == "remove":
            rows.remove(row)
        elif edit == "repeat":
            rows.append(list(row))
        elif edit == "blank":
            rows.insert(draw(st.integers(0, len(rows))), [])
        elif edit == "long" and row:
            row[place] = "x" * draw(st.sampled_from(LONG_CELLS))
    return rows


@st.composite
def csv_texts(draw, form: CsvFormat) -> str:
    rows = draw(edited_rows(form.rows))
    delimiter = draw(st.sampled_from([form.delimiter] * 4 + [",", ";", "\t", "|"]))
    line_end = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    if draw(st.booleans()):
        return "".join(delimiter.join(row) + line_end for row in rows)
    buffer = io.StringIO()
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=line_end, quoting=quoting)
    writer.writerows(rows)
    return buffer.getvalue()


def json_slots(document) -> list[tuple]:
    """(container, key) for every value in the document, the document itself included."""
    slots, pending = [], [([document], 0)]
    while pending:
        container, key = pending.pop()
        slots.append((container, key))
        value = container[key]
        if isinstance(value, dict):
            pending.extend((value, name) for name in value)
        elif isinstance(value, list):
            pending.extend((value, index) for index in range(len(value)))
    return slots


@st.composite
def json_texts(draw, form: JsonFormat) -> str:
    holder = [copy.deepcopy(form.document)]
    for _ in range(draw(st.integers(0, 3))):
        slots = json_slots(holder)[1:] or [(holder, 0)]
        container, key = draw(st.sampled_from(slots))
        edit = draw(st.sampled_from(["value", "like"] * 2 + ["around", "remove", "add", "wrap"]))
        value = container[key]
        if edit == "value":
            container[key] = draw(json_values)
        elif edit == "like" and isinstance(value, str):
            container[key] = draw(st.sampled_from(PAYLOADS + JSON_ONLY_TEXTS))
        elif edit == "like" and isinstance(value, int | float) and not isinstance(value, bool):
            container[key] = draw(st.sampled_from(JSON_NUMBERS))
        elif edit == "around" and isinstance(value, str):
            container[key] = draw(st.sampled_from(PAYLOADS)) + value
        elif edit == "remove" and container is not holder:
            del container[key]
        elif edit == "add" and isinstance(value, dict):
            value[draw(st.text(max_size=8))] = draw(json_values)
        elif edit == "add" and isinstance(value, list):
            value.append(draw(json_values))
        elif edit == "wrap":
            container[key] = draw(st.sampled_from([[value], {"data": value}]))
    return json.dumps(
        holder[0], ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2]))
    )


def encoded(text: str, encoding: str) -> bytes:
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    return text.encode(encoding, errors=errors)


@st.composite
def damaged(draw, data: bytes) -> bytes:
    """The bytes, now and then cut, with bytes put in, left out or repeated, or replaced."""
    edit = draw(st.sampled_from(["none"] * 6 + ["cut", "insert", "delete", "repeat", "whole"]))
    start = draw(st.integers(0, len(data)))
    end = draw(st.integers(start, len(data)))
    if edit == "cut":
        return data[:start]
    if edit == "insert":
        inserted = draw(st.one_of(st.sampled_from(BAD_BYTES), st.binary(min_size=1, max_size=6)))
        return data[:start] + inserted + data[start:]
    if edit == "delete":
        return data[:start] + data[end:]
    if edit == "repeat":
        return data[:end] + data[start:end] + data[end:]
    if edit == "whole":
        return draw(st.sampled_from(WHOLE_FILES))
    return data


@st.composite
def files(draw, form) -> tuple[bytes, str]:
    text = draw(csv_texts(form) if isinstance(form, CsvFormat) else json_texts(form))
    data = encoded(text, draw(st.sampled_from(TEXT_ENCODINGS)))
    return draw(damaged(data)), draw(file_names(form.file_name))


# ---------------------------------------------------------------- the property's parts

PYTHON_TEXT = re.compile(
    r"Traceback|Error|Exception|invalid literal|could not convert|Expecting|object has no"
    r"|NoneType|\bNone\b|not subscriptable|unhashable|codec can't|field larger|new-line char"
    r"|line contains NUL|Exceeds the limit|maximum recursion|\[Errno"
)
SWEDISH_WORD = re.compile(
    r"\b(?:inte|ska|saknas|saknar|är|och|eller|finns|får|okänd|okänt|kan|har|ingen|inga|ger"
    r"|innehåller|rubrikraden|raden|dubblett|värde|hoppades|sparas|läses|ange|välj)\b",
    re.IGNORECASE,
)
LINE_PREFIX = re.compile(r"^(?:Rad \d+|Post \d+|Område \d+|Värde nr \d+)\b")


def assert_swedish(messages: list[str]) -> None:
    for message in messages:
        assert isinstance(message, str) and message.strip(), messages
        assert not PYTHON_TEXT.search(message), message
        assert SWEDISH_WORD.search(message) or LINE_PREFIX.match(message), message
        message.encode("utf-8")  # shown on a web page: no lone surrogates


def rows_written() -> int:
    """Rows inserted, updated or deleted in any table so far (on this connection)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return connection.connection.total_changes
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) "
            "FROM pg_stat_xact_user_tables"
        )
        return cursor.fetchone()[0]


SMALL_TABLES = [DataSource, ImportBatch, Indicator, Area]
LARGE_TABLES = [Observation, ObservationRevision]
TABLES = SMALL_TABLES + LARGE_TABLES + [model.history.model for model in SMALL_TABLES]


def quick_state() -> tuple:
    """Cheap enough for every example, even with Brå's full series loaded: rows written so
    far, the row counts of the small tables and the highest id in the large ones."""
    quote = connection.ops.quote_name
    parts = [f"(SELECT count(*) FROM {quote(model._meta.db_table)})" for model in SMALL_TABLES]
    parts += [
        f"(SELECT max({quote(model._meta.pk.column)}) FROM {quote(model._meta.db_table)})"
        for model in LARGE_TABLES
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}")
        return (rows_written(), *cursor.fetchone())


def checksums() -> dict:
    """Row count and a SHA-256 of every row of every import table, in id order."""
    state = {}
    for model in TABLES:
        digest = hashlib.sha256()
        count = 0
        for row in model.objects.order_by("pk").values_list().iterator(chunk_size=5000):
            digest.update(repr(row).encode())
            count += 1
        state[model._meta.label] = (count, digest.hexdigest())
    return state


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def assert_written_as_previewed(preview, batch) -> None:
    if preview.kind == police_areas.KIND:
        areas = preview.extra["areas"]
        assert batch.rows_created + batch.rows_updated + batch.rows_unchanged == len(areas)
        stored = {
            area.code: (area.name, area.police_place_label, area.kommun_assignment)
            for area in Area.objects.filter(code__in=[area.code for area in areas])
        }
        assert stored == {
            area.code: (area.name, area.police_place_label, area.kommun_assignment)
            for area in areas
        }
        return
    assert batch.rows_created + batch.rows_updated + batch.rows_unchanged == len(preview.rows)
    for key, spec in preview.indicators.items():
        indicator = Indicator.objects.get(key=key)
        assert (indicator.name_sv, indicator.name_en, indicator.formula) == (
            spec.name_sv,
            spec.name_en,
            spec.formula,
        )
    stored = Observation.objects.filter(
        indicator__key__in=preview.indicators,
        geo_code__in={row.geo_code for row in preview.rows},
        year__in={row.year for row in preview.rows},
    ).values_list(
        "indicator__key", "geo_level", "geo_code", "period_type", "year", "period_number", "value"
    )
    values = {tuple(observation[:6]): observation[6] for observation in stored}
    assert {row.cell: row.value for row in preview.rows} == {
        row.cell: values.get(row.cell) for row in preview.rows
    }


def check_file(kind: str, data: bytes, file_name: str) -> None:
    """Refused in Swedish with nothing written, or written exactly as previewed."""
    before = quick_state()
    preview = preview_file(kind, data, file_name=file_name)
    assert_swedish(preview.errors + preview.warnings)
    assert quick_state() == before, "reading a file must not write"
    if preview.errors or not preview.ok:
        with pytest.raises(ImportRejected) as refused:
            write_import(preview)
        assert refused.value.preview.errors
        assert_swedish(refused.value.preview.errors)
        assert quick_state() == before
        return
    with rolled_back():
        assert_written_as_previewed(preview, write_import(preview))


# ---------------------------------------------------------------- the tests


def test_every_registered_importer_is_fuzzed():
    assert {form.kind for form in FORMATS.values()} == set(IMPORTERS)


@pytest.mark.parametrize("name", FORMATS)
def test_the_starting_files_are_valid(db, name):
    form = FORMATS[name]
    preview = preview_file(form.kind, unchanged(form), file_name=form.file_name)
    assert (preview.errors, preview.ok) == ([], True)


def known_bad_files(form) -> list[tuple[bytes, str]]:
    """Always tried first: the file in other encodings, with CR line endings, and the whole
    files that are not files of this kind at all."""
    text = unchanged(form).decode()
    variants = [encoded(text, encoding) for encoding in ("utf-16", "utf-16-le", "cp1252")]
    variants += [text.replace("\r\n", "\r").encode(), text.encode("utf-8-sig") * 2]
    if isinstance(form, JsonFormat):
        variants += json_leaves_replaced(form.document)
    return [(data, form.file_name) for data in variants + WHOLE_FILES]


def json_leaves_replaced(document) -> list[bytes]:
    """The document with each text in turn made NUL or half a surrogate pair, and each number
    NaN or too large for a float."""
    documents = []
    for index in range(len(json_slots([document]))):
        for replacement in (0, 1):
            changed = copy.deepcopy(document)
            container, key = json_slots([changed])[index]
            value = container[key]
            if isinstance(value, str):
                container[key] = ("\u0000", "\ud800")[replacement]
            elif isinstance(value, int | float) and not isinstance(value, bool):
                container[key] = (float("nan"), 10**400)[replacement]
            else:
                continue
            documents.append(json.dumps(changed).encode())
    return documents


@pytest.mark.parametrize("name", FORMATS)
def test_bad_files_are_refused_in_swedish_or_imported_safely(db, name):
    form = FORMATS[name]
    before = checksums()

    def each_file(file):
        data, file_name = file
        check_file(form.kind, data, file_name)

    for known in known_bad_files(form):
        each_file = example(known)(each_file)
    fuzz_settings(EXAMPLES_PER_FORMAT)(given(files(form))(each_file))()
    assert checksums() == before


# ---------------------------------------------------------------- text is kept, exports escape it

texts = st.one_of(
    st.sampled_from(FORMULAS + MARKUP),
    st.builds(
        lambda start, rest: start + rest,
        st.sampled_from(FORMULAS + MARKUP + ["'", "''=1", "\t=1", "å"]),
        st.text(st.characters(exclude_characters="\x00"), max_size=30),
    ),
    st.text(st.characters(exclude_characters="\x00"), min_size=1, max_size=40),
)


def with_text(form: CsvFormat, line: int, column: int, text: str) -> bytes:
    rows = [list(row) for row in form.rows]
    rows[line][column] = text
    return csv_bytes(rows, form.delimiter)


def stored_text(preview, line: int, field: str) -> str:
    """What the database holds for the cell the text was written into."""
    if preview.kind == police_areas.KIND:
        area = Area.objects.get(code=preview.extra["areas"][line - 2].code)
        return area.name if field == "name" else area.police_place_label
    key = next(row.indicator for row in preview.rows if row.line == line)
    return Indicator.objects.get(key=key).name_sv


# format, row index, column, stored field, and the stored text made from the written one
TEXT_CELLS = {
    "generic: namn": ("generic", 2, 3, "name_sv", lambda text: text[:200]),
    "bra-sol: Brottskategori": ("bra-sol", 3, 1, "name_sv", lambda text: f"{text}, antal"[:200]),
    "polisen-events: event_type": (
        "polisen-events",
        3,
        2,
        "name_sv",
        lambda text: f"{text} (publicerade polishändelser)"[:200],
    ),
    "police-areas: name": ("police-areas (CSV)", 1, 1, "name", lambda text: text[:200]),
    "police-areas: ort": ("police-areas (CSV)", 1, 5, "ort", lambda text: text[:100]),
}


@pytest.mark.parametrize("cell", TEXT_CELLS)
def test_text_is_stored_exactly_and_escaped_in_csv_exports(db, cell):
    name, index, column, field, expected = TEXT_CELLS[cell]
    form = FORMATS[name]
    before = checksums()

    @fuzz_settings(TEXT_EXAMPLES)
    @given(texts)
    def each_text(text):
        preview = preview_file(
            form.kind, with_text(form, index, column, text), file_name=form.file_name
        )
        assert_swedish(preview.errors + preview.warnings)
        written = text.strip()
        if not written and field != "ort":
            assert preview.errors
            return
        assert preview.errors == []
        with rolled_back():
            write_import(preview)
            stored = stored_text(preview, index + 1, field)
            assert stored == expected(written)
            exported = write_csv_table(["Text"], [[stored]]).decode("utf-8-sig")
            cell = list(csv.reader(io.StringIO(exported, newline=""), delimiter=";"))[1][0]
            assert cell == escape_formula(stored)
            assert not cell.startswith(FORMULA_STARTS)

    each_text()
    assert checksums() == before
