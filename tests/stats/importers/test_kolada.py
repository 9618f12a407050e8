"""Kolada API v3 values (kolada)."""

import json

import pytest

from forebygg.stats.domain import preview_file
from forebygg.stats.enums import GeoLevel, Unit
from tests.stats.importers.support import NOT_UTF8, assert_rejected, import_twice, value_of

KIND = "kolada"
NAME = "kolada_N07403.json"


def response(*entries, **extra) -> bytes:
    return json.dumps({"values": list(entries), **extra}, ensure_ascii=False).encode()


def entry(municipality="0680", period=2024, kpi="N07403", values=None):
    values = values if values is not None else [{"gender": "T", "value": 1234.5, "status": ""}]
    return {"kpi": kpi, "municipality": municipality, "period": period, "values": values}


GOOD = response(
    entry(
        values=[
            {"gender": "T", "value": 1234.5, "status": ""},
            {"gender": "K", "value": None, "status": "Missing"},
            {"gender": "M", "value": 1500, "status": ""},
        ]
    ),
    entry(municipality="0000", period=2023),
    entry(municipality="0006", period=2023, kpi="U07417"),
)


def test_values_per_kpi_gender_and_place(db):
    preview = preview_file(KIND, GOOD, file_name=NAME)
    assert preview.errors == []
    assert sorted(
        (row.indicator, row.geo_level, row.geo_code, row.year, row.value) for row in preview.rows
    ) == [
        ("kolada.N07403.M", GeoLevel.KOMMUN, "0680", 2024, 1500.0),
        ("kolada.N07403.T", GeoLevel.KOMMUN, "0680", 2024, 1234.5),
        ("kolada.N07403.T", GeoLevel.RIKET, "SE", 2023, 1234.5),
        ("kolada.U07417.T", GeoLevel.LAN, "06", 2023, 1234.5),
    ]
    assert preview.warnings == [
        "Värden som saknas i Kolada (status Missing) hoppades över (1 st): "
        "post 1 (N07403, 0680, 2024) K."
    ]
    spec = preview.indicators["kolada.N07403.T"]
    assert (spec.name_sv, spec.unit) == (
        "Anmälda våldsbrott, antal/100 000 inv (totalt)",
        Unit.PER_100K,
    )
    assert preview.indicators["kolada.U07417.T"].unit == Unit.VALUE


def test_writes_and_a_second_import_changes_nothing(db):
    first, _ = import_twice(KIND, GOOD, NAME)
    assert first.rows_created == 4
    assert value_of("kolada.N07403.M", "0680", 2024).value == 1500


def test_more_pages_are_warned_about(db):
    preview = preview_file(
        KIND, response(entry(), next_page="https://example.invalid/p2"), file_name=NAME
    )
    assert preview.warnings == [
        "Svaret har fler sidor (next_page); bara den här sidans värden läses in."
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (response(entry(municipality="9999")), "Post 1: okänd kommun eller region '9999'."),
        (
            response(entry(), entry()),
            "Post 2: dubblett av post 1 (samma nyckeltal, kön, plats och år).",
        ),
        (
            response(entry(values=[{"gender": "T", "value": -1, "status": ""}])),
            "Post 1 (N07403, 0680, 2024) T: value får inte vara negativt (-1).",
        ),
        (
            response(entry(values=[{"gender": "T", "value": "många", "status": ""}])),
            "Post 1 (N07403, 0680, 2024) T: value ska vara ett tal, inte 'många'.",
        ),
        (
            response(entry(values=[{"gender": "X", "value": 1, "status": ""}])),
            "Post 1 (N07403, 0680, 2024): gender ska vara T, K eller M, inte 'X'.",
        ),
        (
            response(entry(period="2024-03")),
            "Post 1: period ska vara ett årtal som 2024, inte '2024-03'.",
        ),
        (
            json.dumps({"data": []}).encode(),
            'Filen är inte ett svar från Kolada (listan "values" saknas). Spara svaret från '
            "api.kolada.se/v3/data/… som det är.",
        ),
        (
            response(entry(municipality="Jönköping")).decode().encode("latin-1"),
            NOT_UTF8,
        ),
        (b'{"values": [\n  {"kpi": }\n]}', "Rad 2: filen är inte giltig JSON (ett värde saknas)."),
    ],
    ids=[
        "unknown",
        "duplicate",
        "negative",
        "text",
        "gender",
        "period",
        "shape",
        "latin-1",
        "broken",
    ],
)
def test_bad_files_are_rejected_and_nothing_is_written(db, data, expected):
    assert_rejected(KIND, data, NAME, expected)
