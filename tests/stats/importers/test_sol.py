"""Brå SOL tab-separated export (bra-sol): categories, hierarchy, periods."""

import pytest

from forebygg.stats.domain import preview_file
from forebygg.stats.enums import GeoLevel, PeriodType
from forebygg.stats.models import Indicator
from tests.stats.importers.support import NOT_UTF8, assert_rejected, import_twice, value_of

KIND = "bra-sol"
NAME = "sol_export_jonkoping.txt"
HEADER = "Region\tBrottskategori\tPeriod\tAntal\tPer 100 000 inv.\n"

INDENTED = (
    HEADER
    + "Jönköping\tSamtliga brott\t2024\t15012\t10402\n"
    + "Jönköping\t  Brott mot person (3-7 kap. BrB)\t2024\t2701\t1871\n"
    + "Jönköping\t    Misshandel inkl. grov\t2024\t801\t555\n"
    + "Jönköping\t  Stöld, rån m.m. (8 kap. BrB)\t2024\t5000\t3400\n"
    + "Jönköping\t    Stöld genom inbrott i bostad\t2024\t100\t69\n"
    + "Hela landet\tSamtliga brott\t2024M03\t120000\t1100\n"
    + "Hela landet\tSamtliga brott\t2024-04\t121000\t1110\n"
).encode()


def test_indentation_gives_the_hierarchy_and_known_names_share_bra_keys(db):
    preview = preview_file(KIND, INDENTED, file_name=NAME)
    assert preview.errors == []
    assert len(preview.rows) == 14
    misshandel = preview.indicators["bra.anmalda.person.misshandel-inkl-grov"]
    assert (misshandel.category, misshandel.parent_category) == (
        "person.misshandel-inkl-grov",
        "person",
    )
    assert misshandel.name_sv == "Misshandel inkl. grov, antal"
    assert misshandel.counts_crimes is True
    assert preview.indicators["bra.anmalda.burglary"].parent_category == "theft"
    assert sorted(preview.indicators) == [
        "bra.anmalda.burglary",
        "bra.anmalda.burglary.per100k",
        "bra.anmalda.person",
        "bra.anmalda.person.misshandel-inkl-grov",
        "bra.anmalda.person.misshandel-inkl-grov.per100k",
        "bra.anmalda.person.per100k",
        "bra.anmalda.theft",
        "bra.anmalda.theft.per100k",
        "bra.anmalda.total",
        "bra.anmalda.total.per100k",
    ]
    national = sorted(
        (row.period_type, row.year, row.period_number, row.value)
        for row in preview.rows
        if row.geo_level == GeoLevel.RIKET and row.indicator == "bra.anmalda.total"
    )
    assert national == [
        (PeriodType.MONTH, 2024, 3, 120000.0),
        (PeriodType.MONTH, 2024, 4, 121000.0),
    ]


def test_level_and_parent_columns_give_the_same_keys(db):
    with_level = (
        "Region\tBrottskategori\tNivå\tPeriod\tAntal\tPer 100 000 inv.\n"
        "0680\tBrott mot person (3-7 kap. BrB)\t1\t2024\t2701\t1871\n"
        "0680\tMisshandel inkl. grov\t2\t2024\t801\t555\n"
        "0680\tGrov misshandel\t3\t2024K2\t90\t62\n"
    ).encode()
    with_parent = (
        "Region\tBrottskategori\tÖverordnad kategori\tPeriod\tAntal\tPer 100 000 inv.\n"
        "0680\tGrov misshandel\tMisshandel inkl. grov\t2024K2\t90\t62\n"
        "0680\tMisshandel inkl. grov\tBrott mot person (3-7 kap. BrB)\t2024\t801\t555\n"
        "0680\tBrott mot person (3-7 kap. BrB)\t\t2024\t2701\t1871\n"
    ).encode()
    for data in (with_level, with_parent):
        preview = preview_file(KIND, data, file_name=NAME)
        assert preview.errors == []
        grov = preview.indicators["bra.anmalda.person.misshandel-inkl-grov.grov-misshandel"]
        assert grov.parent_category == "person.misshandel-inkl-grov"
        quarter = [row for row in preview.rows if row.period_type == PeriodType.QUARTER]
        assert [(row.year, row.period_number, row.value) for row in quarter] == [
            (2024, 2, 90.0),
            (2024, 2, 62.0),
        ]


def test_writes_and_a_second_import_changes_nothing(db):
    import_twice(KIND, INDENTED, NAME)
    assert value_of("bra.anmalda.person.misshandel-inkl-grov", "0680", 2024).value == 801
    assert value_of("bra.anmalda.total", "SE", 2024, 3).value == 120000
    indicator = Indicator.objects.get(key="bra.anmalda.person.misshandel-inkl-grov.per100k")
    assert (indicator.parent_category, indicator.unit) == ("person", "per100k")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "Region;Brottskategori;Period;Antal;Per 100 000 inv.\n0680;Samtliga brott;2024;1;1\n",
            "Rad 1: rubrikraden ska innehålla kolumnerna Region, Brottskategori, Period, Antal, "
            "Per 100 000 inv., (Nivå), (Överordnad kategori) (avgränsade med tabb), men "
            "innehåller ['Region;Brottskategori;Period;Antal;Per 100 000 inv.']. Filen verkar "
            "vara avgränsad med semikolon (;); den ska vara avgränsad med tabb.",
        ),
        (
            HEADER + "Atlantis\tSamtliga brott\t2024\t1\t1\n",
            "Rad 2: okänd region 'Atlantis' (ange kommun, län eller riket).",
        ),
        (
            HEADER + "0680\tSamtliga brott\t2024\t1\t1\nJönköping\tSamtliga brott\t2024\t1\t1\n",
            "Rad 3: dubblett av rad 2 (samma indikator, plats och period).",
        ),
        (
            HEADER + "0680\tSamtliga brott\t2024\t-3\t1\n",
            "Rad 2: Antal får inte vara negativt (-3).",
        ),
        (
            HEADER + "0680\tSamtliga brott\t2024\tmånga\t1\n",
            "Rad 2: Antal ska vara ett tal, inte 'många'.",
        ),
        (
            HEADER + "0680\tSamtliga brott\t2024\t1\n",
            "Rad 2: raden har 4 fält men rubrikraden har 5 (fälten ska vara avgränsade med tabb).",
        ),
        (
            HEADER + "0680\tSamtliga brott\tmars 2024\t1\t1\n",
            "Rad 2: Period ska vara ett år (2024), ett kvartal (2024-Q1 eller 2024K1) eller en "
            "månad (2024-03 eller 2024M03), inte 'mars 2024'.",
        ),
    ],
    ids=["semicolon", "unknown", "duplicate", "negative", "text", "column-missing", "period"],
)
def test_bad_files_are_rejected_and_nothing_is_written(db, data, expected):
    assert_rejected(KIND, data.encode(), NAME, expected)


def test_latin1_is_rejected(db):
    data = (HEADER + "Jönköping\tSamtliga brott\t2024\t1\t1\n").encode("latin-1")
    assert_rejected(
        KIND,
        data,
        NAME,
        NOT_UTF8,
    )
