"""SCB population from PxWeb: CSV (long and wide) and JSON-stat 2.0."""

import json

import pytest

from forebygg.stats.domain import preview_file
from forebygg.stats.enums import GeoLevel
from forebygg.stats.models import Observation
from tests.stats.importers.support import NOT_UTF8, assert_rejected, import_twice, value_of

CSV_KIND = "scb-pxweb-csv"
JSON_KIND = "scb-jsonstat"

LONG = (
    '"region","år","Folkmängd"\n'
    '"0680 Jönköping","2023",146000\n'
    '"0680 Jönköping","2024",147000\n'
    '"0180 Stockholm","2024",".."\n'
    '"00 Riket","2024",10551707\n'
    '"06 Jönköpings län","2024",370000\n'
).encode()

WIDE = (
    '"region","kön","Folkmängd 2023","Folkmängd 2024"\n'
    '"0680 Jönköping","totalt",146000,147000\n'
    '"0180 Stockholm","totalt",984748,".."\n'
).encode()


def jsonstat(values, **changes) -> bytes:
    dataset = {
        "version": "2.0",
        "class": "dataset",
        "label": "Folkmängd efter region och år",
        "id": ["Region", "ContentsCode", "Tid"],
        "size": [2, 1, 2],
        "role": {"geo": ["Region"], "time": ["Tid"], "metric": ["ContentsCode"]},
        "dimension": {
            "Region": {
                "label": "region",
                "category": {
                    "index": {"0680": 0, "0180": 1},
                    "label": {"0680": "Jönköping", "0180": "Stockholm"},
                },
            },
            "ContentsCode": {
                "label": "tabellinnehåll",
                "category": {"index": {"BE0101N1": 0}, "label": {"BE0101N1": "Folkmängd"}},
            },
            "Tid": {"label": "år", "category": {"index": {"2023": 0, "2024": 1}}},
        },
        "value": values,
    }
    dataset.update(changes)
    return json.dumps(dataset).encode()


def cells(preview):
    return sorted((row.geo_level, row.geo_code, row.year, row.value) for row in preview.rows)


def test_long_csv(db):
    preview = preview_file(CSV_KIND, LONG, file_name="BE0101_folkmangd.csv")
    assert preview.errors == []
    assert cells(preview) == [
        (GeoLevel.KOMMUN, "0680", 2023, 146000.0),
        (GeoLevel.KOMMUN, "0680", 2024, 147000.0),
        (GeoLevel.LAN, "06", 2024, 370000.0),
        (GeoLevel.RIKET, "SE", 2024, 10551707.0),
    ]
    assert {row.indicator for row in preview.rows} == {"scb.folkmangd"}
    assert preview.warnings == ["Folkmängd saknas ('..') och lämnas tom för rad (1 st): 4."]


def test_wide_csv_with_a_constant_dimension(db):
    preview = preview_file(CSV_KIND, WIDE, file_name="BE0101_folkmangd.csv")
    assert preview.errors == []
    assert cells(preview) == [
        (GeoLevel.KOMMUN, "0180", 2023, 984748.0),
        (GeoLevel.KOMMUN, "0680", 2023, 146000.0),
        (GeoLevel.KOMMUN, "0680", 2024, 147000.0),
    ]


def test_jsonstat_with_a_missing_year(db):
    preview = preview_file(JSON_KIND, jsonstat([146000, 147000, 984748, None]), file_name="be.json")
    assert preview.errors == []
    assert cells(preview) == [
        (GeoLevel.KOMMUN, "0180", 2023, 984748.0),
        (GeoLevel.KOMMUN, "0680", 2023, 146000.0),
        (GeoLevel.KOMMUN, "0680", 2024, 147000.0),
    ]
    assert preview.warnings == ["Folkmängd saknas (null) och lämnas tom för (1 st): 0180 2024."]


def test_a_missing_year_is_absent_not_interpolated(db):
    import_twice(JSON_KIND, jsonstat([146000, 147000, 984748, None]), "be.json")
    assert value_of("scb.folkmangd", "0680", 2024).value == 147000
    assert not Observation.objects.filter(
        indicator__key="scb.folkmangd", geo_code="0180", year=2024
    ).exists()


def test_csv_writes_and_a_second_import_changes_nothing(db):
    first, _ = import_twice(CSV_KIND, LONG, "BE0101_folkmangd.csv")
    assert first.rows_created == 4
    assert value_of("scb.folkmangd", "SE", 2024).value == 10551707


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "region|år|Folkmängd\n0680 Jönköping|2024|1\n".encode(),
            "Rad 1: rubrikraden ska innehålla kolumnerna region, år, Folkmängd (avgränsade med "
            "komma (,)), men innehåller ['region|år|Folkmängd'].",
        ),
        (
            '"region","år","Folkmängd"\n"9999 Atlantis","2024",5\n'.encode(),
            "Rad 2: okänd region '9999 Atlantis'.",
        ),
        (
            '"region","år","Folkmängd"\n"0680 Jönköping","2024",5\n'
            '"0680 Jönköping","2024",5\n'.encode(),
            "Rad 3: dubblett av rad 2 (samma indikator, plats och period).",
        ),
        (
            '"region","år","Folkmängd"\n"0680 Jönköping","2024",-5\n'.encode(),
            "Rad 2: Folkmängd får inte vara negativt (-5).",
        ),
        (
            '"region","år","Folkmängd"\n"0680 Jönköping","2024","många"\n'.encode(),
            "Rad 2: Folkmängd ska vara ett tal, inte 'många'.",
        ),
        (
            '"region","år","Folkmängd"\n"0680 Jönköping","2024"\n'.encode(),
            "Rad 2: raden har 2 fält men rubrikraden har 3 (PxWeb-CSV är kommaseparerad).",
        ),
        (
            '"region","kön","år","Folkmängd"\n"0680 Jönköping","män","2024",5\n'
            '"0680 Jönköping","kvinnor","2024",6\n'.encode(),
            "Rad 3: kolumnen 'kön' har flera värden ('män' på rad 2, 'kvinnor' här). Välj bara "
            "totalen i PxWeb.",
        ),
        (
            '"region","år","Folkmängd"\n"0680 Jönköping","2024",5\n'.encode("utf-16"),
            "Filen är inte UTF-8-kodad. Spara den som UTF-8 (i Excel: 'CSV UTF-8') och försök "
            "igen.",
        ),
    ],
    ids=["pipe", "unknown", "duplicate", "negative", "text", "column-missing", "sex", "encoding"],
)
def test_bad_csv_is_rejected_and_nothing_is_written(db, data, expected):
    assert_rejected(CSV_KIND, data, "folkmangd.csv", expected)


def test_latin1_csv_is_rejected(db):
    data = '"region","år","Folkmängd"\n"0680 Jönköping","2024",5\n'.encode("latin-1")
    assert_rejected(
        CSV_KIND,
        data,
        "folkmangd.csv",
        NOT_UTF8,
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            jsonstat([1, 2, -3, 4]),
            "Värde nr 3 (region 0180, år 2023): folkmängd ska vara ett heltal ≥ 0, inte -3.",
        ),
        (
            jsonstat([1, 2, "många", 4]),
            "Värde nr 3 (region 0180, år 2023): ska vara ett tal, inte 'många'.",
        ),
        (jsonstat([1, 2, 3]), "JSON-stat: value har 3 värden men size ger 4."),
        (
            jsonstat([1, 2, 3, 4], role={}, id=["Område", "ContentsCode", "Tid"]),
            "JSON-stat: dimensionen Område har 0 koder, size 2.",
        ),
        (
            b'{"value": [1]}',
            "Filen är inte ett JSON-stat 2.0-dataset (id, size, dimension och value saknas). "
            "Hämta tabellen med outputFormat=json-stat2.",
        ),
        (b'{"id": [1,\n', "Rad 2: filen är inte giltig JSON (ett värde saknas)."),
    ],
    ids=["negative", "text", "size", "dimension", "not-jsonstat", "broken"],
)
def test_bad_jsonstat_is_rejected_and_nothing_is_written(db, data, expected):
    assert_rejected(JSON_KIND, data, "folkmangd.json", expected)


def test_jsonstat_unknown_region_and_extra_dimension(db):
    data = json.loads(jsonstat([1, 2, 3, 4]))
    data["dimension"]["Region"]["category"]["index"] = {"0680": 0, "9999": 1}
    errors = assert_rejected(
        JSON_KIND,
        json.dumps(data).encode(),
        "folkmangd.json",
        "Region '9999' är ingen känd kommun, län eller riket.",
    )
    assert len(errors) == 1
    data["id"].append("Kon")
    data["size"].append(2)
    data["dimension"]["Kon"] = {"category": {"index": {"1": 0, "2": 1}}}
    data["value"] = list(range(8))
    assert_rejected(
        JSON_KIND,
        json.dumps(data).encode(),
        "folkmangd.json",
        "Dimensionen Kon har 2 värden; välj bara ett (t.ex. totalt) i PxWeb.",
    )
