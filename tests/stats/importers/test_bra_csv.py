"""Brå's yearly "Anmälda brott i kommunerna" CSV (bra-csv)."""

import pytest

from forebygg.stats.domain import preview_file
from forebygg.stats.enums import GeoLevel
from tests.stats.importers.support import assert_rejected, import_twice, value_of

KIND = "bra-csv"
NAME = "anmalda_brott_kommuner_2021.csv"

# The 2021 layout: BOM, no header, "X kommun", genitive forms, districts, CRLF.
WITHOUT_HEADER = (
    "\ufeffAle kommun;2731;8547\r\n"
    "Arjeplogs kommun;150;5093\r\n"
    "Göteborgs Stad;84816;14482\r\n"
    "Region Gotland;5000;8400\r\n"
    "Stockholm: Norrmalm;20000;30000\r\n"
    "Spånga-Tensta;5000;12000\r\n"
).encode()

WITH_HEADER = (
    "\ufeffKommun;Antal;Per 100 000 inv.\r\nAle;2 731;8 547\r\nHela landet;1 400 000;13 400\r\n"
).encode()


def cells(preview):
    return sorted(
        (row.indicator, row.geo_level, row.geo_code, row.year, row.value) for row in preview.rows
    )


def test_file_without_header_maps_names_and_skips_districts(db):
    preview = preview_file(KIND, WITHOUT_HEADER, file_name=NAME)
    assert preview.errors == []
    assert {row.geo_code for row in preview.rows} == {"1440", "2506", "1480", "0980"}
    assert {row.year for row in preview.rows} == {2021}
    ale = [row for row in preview.rows if row.geo_code == "1440"]
    assert sorted((row.indicator, row.value) for row in ale) == [
        ("bra.anmalda.total", 2731.0),
        ("bra.anmalda.total.per100k", 8547.0),
    ]
    assert preview.warnings == [
        "Rad 5: 'Stockholm: Norrmalm' är en stadsdel, inte en kommun; raden hoppas över.",
        "Rad 6: 'Spånga-Tensta' är en stadsdel, inte en kommun; raden hoppas över.",
    ]
    assert sorted(preview.indicators) == ["bra.anmalda.total", "bra.anmalda.total.per100k"]
    assert preview.source.key == "bra-anmalda-brott-kommunerna-2021"


def test_file_with_header_and_thousands_separators(db):
    preview = preview_file(KIND, WITH_HEADER, file_name="Anmälda brott kommunerna 2024.csv")
    assert preview.errors == []
    assert cells(preview) == [
        ("bra.anmalda.total", GeoLevel.KOMMUN, "1440", 2024, 2731.0),
        ("bra.anmalda.total", GeoLevel.RIKET, "SE", 2024, 1400000.0),
        ("bra.anmalda.total.per100k", GeoLevel.KOMMUN, "1440", 2024, 8547.0),
        ("bra.anmalda.total.per100k", GeoLevel.RIKET, "SE", 2024, 13400.0),
    ]


def test_writes_and_a_second_import_changes_nothing(db):
    first, _second = import_twice(KIND, WITHOUT_HEADER, NAME)
    assert first.rows_created + first.rows_updated + first.rows_unchanged == 8
    assert value_of("bra.anmalda.total", "1480", 2021).value == 84816
    assert value_of("bra.anmalda.total.per100k", "1440", 2021).value == 8547


def test_missing_values_are_skipped_with_a_warning(db):
    data = b"Ale kommun;..;..\nLerums kommun;3000;7000\n"
    preview = preview_file(KIND, data, file_name=NAME)
    assert preview.errors == []
    assert {row.geo_code for row in preview.rows} == {"1441"}
    assert preview.warnings == ["Värden som saknas ('..') hoppades över på rad (1 st): 1."]


@pytest.mark.parametrize(
    ("data", "file_name", "expected"),
    [
        (
            b"Kommun,Antal,Per 100 000 inv.\nAle kommun,2731,8547\n",
            NAME,
            "Rad 2: raden ska ha tre fält avgränsade med semikolon (Kommun;Antal;Per 100 000 "
            "inv.), men verkar vara avgränsad med komma eller tabb.",
        ),
        (
            "Ale kommun;2731;8547\nGöteborgs Stad;84816;14482\n".encode("latin-1"),
            NAME,
            "Filen är inte UTF-8-kodad. Spara den som UTF-8 (i Excel: 'CSV UTF-8') och "
            "försök igen.",
        ),
        (
            b"Ale kommun;2731;8547\nAtlantis kommun;10;20\n",
            NAME,
            "Rad 2: okänt kommunnamn 'Atlantis kommun'.",
        ),
        (
            b"Ale kommun;2731;8547\nAles kommun;2731;8547\n",
            NAME,
            "Rad 2: dubblett av rad 1 (samma indikator, plats och period).",
        ),
        (b"Ale kommun;-5;8547\n", NAME, "Rad 1: Antal får inte vara negativt (-5)."),
        (
            "Ale kommun;många;8547\n".encode(),
            NAME,
            "Rad 1: Antal ska vara ett tal, inte 'många'.",
        ),
        (
            b"Ale kommun;2731\n",
            NAME,
            "Rad 1: raden ska ha tre fält (Kommun;Antal;Per 100 000 inv.), men har 2.",
        ),
        (
            b"Kommun;Antal\nAle kommun;2731\n",
            NAME,
            "Rad 1: rubrikraden ska vara Kommun;Antal;Per 100 000 inv., inte 'Kommun;Antal'.",
        ),
        (
            b"Ale kommun;2731;8547\n",
            "anmalda_brott_kommuner.csv",
            "Året framgår inte av filnamnet 'anmalda_brott_kommuner.csv'. Döp om filen så att "
            "året ingår, t.ex. anmalda_brott_kommuner_2024.csv.",
        ),
    ],
    ids=[
        "comma",
        "latin-1",
        "unknown",
        "duplicate",
        "negative",
        "text",
        "column-missing",
        "header",
        "no-year",
    ],
)
def test_bad_files_are_rejected_and_nothing_is_written(db, data, file_name, expected):
    assert_rejected(KIND, data, file_name, expected)


def test_unknown_names_are_listed_together(db):
    data = b"Atlantis kommun;1;2\nLilleby;3;4\nAle kommun;5;6\n"
    errors = assert_rejected(KIND, data, NAME, "Rad 2: okänt kommunnamn 'Lilleby'.")
    assert "2 namn kunde inte kopplas till en kommun: 'Atlantis kommun', 'Lilleby'." in errors
