"""Local data in the generic CSV layout (generic)."""

import pytest

from forebygg.geo.enums import AreaKind
from forebygg.geo.models import Area, Kommun
from forebygg.stats.domain import preview_file
from forebygg.stats.enums import GeoLevel, PeriodType, SourceStatus, Unit
from forebygg.stats.models import DataSource
from tests.stats.importers.support import NOT_UTF8, assert_rejected, import_twice, value_of

KIND = "generic"
NAME = "trygghet_jonkoping.csv"
HEADER = "kommun;område;indikator;namn;enhet;period;värde\n"
GOOD = (
    HEADER
    + "0680;;trygghet-kvall;Känner sig otrygg ute på kvällen;procent;2024;23,5\n"
    + "0680;;incidenter;Incidenter i skolan;antal;2024-03;14\n"
    + "Jönköpings kommun;;incidenter;Incidenter i skolan;antal;2024M04;4\n"
    + "0680;;incidenter-kv;Incidenter per kvartal;antal;2024-Q1;30\n"
    + "0680;;incidenter-kv;Incidenter per kvartal;antal;2024-Q2;..\n"
).encode()


def test_rows_units_periods_and_small_counts(db):
    preview = preview_file(KIND, GOOD, file_name=NAME)
    assert preview.errors == []
    assert sorted(
        (
            row.indicator,
            row.geo_level,
            row.geo_code,
            row.period_type,
            row.year,
            row.period_number,
            row.value,
            row.suppressed,
        )
        for row in preview.rows
    ) == [
        ("lokal.0680.incidenter", GeoLevel.KOMMUN, "0680", PeriodType.MONTH, 2024, 3, 14.0, False),
        ("lokal.0680.incidenter", GeoLevel.KOMMUN, "0680", PeriodType.MONTH, 2024, 4, 4.0, True),
        (
            "lokal.0680.incidenter-kv",
            GeoLevel.KOMMUN,
            "0680",
            PeriodType.QUARTER,
            2024,
            1,
            30.0,
            False,
        ),
        (
            "lokal.0680.trygghet-kvall",
            GeoLevel.KOMMUN,
            "0680",
            PeriodType.YEAR,
            2024,
            0,
            23.5,
            False,
        ),
    ]
    assert preview.warnings == [
        "Värden som saknas ('..') hoppades över på rad (1 st): 6.",
        "Antal under 10 sparas som skyddade och visas aldrig som tal, rad (1 st): 4.",
    ]
    assert preview.indicators["lokal.0680.trygghet-kvall"].unit == Unit.PERCENT
    assert preview.source.status == SourceStatus.LOCAL
    assert preview.source.attribution == "Källa: Jönköpings kommun (lokal uppgift)"
    assert preview.extra == {"kommun": "0680"}


def test_writes_suppressed_values_and_a_second_import_changes_nothing(db):
    import_twice(KIND, GOOD, NAME)
    small = value_of("lokal.0680.incidenter", "0680", 2024, 4)
    assert (small.value, small.suppressed) == (4, True)
    assert value_of("lokal.0680.trygghet-kvall", "0680", 2024).value == 23.5
    assert DataSource.objects.get(key="lokal-0680-trygghet_jonkoping").status == SourceStatus.LOCAL


def test_area_rows_need_an_area_of_that_kommun(db):
    Area.objects.create(
        code="0680-oster",
        name="Öster",
        kind=AreaKind.DISTRICT,
        kommun=Kommun.objects.get(code="0680"),
    )
    data = (HEADER + "0680;0680-oster;incidenter;Incidenter;antal;2024-03;12\n").encode()
    preview = preview_file(KIND, data, file_name=NAME)
    assert preview.errors == []
    assert [(row.geo_level, row.geo_code) for row in preview.rows] == [
        (GeoLevel.AREA, "0680-oster")
    ]
    other = (HEADER + "0180;0680-oster;incidenter;Incidenter;antal;2024-03;12\n").encode()
    assert_rejected(KIND, other, NAME, "Rad 2: området '0680-oster' ligger inte i kommun 0180.")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "kommun,indikator,namn,enhet,period,värde\n0680,a,A,antal,2024,12\n",
            "Rad 1: rubrikraden ska innehålla kolumnerna kommun, område (valfri), indikator, "
            "namn, enhet, period, värde (avgränsade med semikolon (;)), men innehåller "
            "['kommun,indikator,namn,enhet,period,värde']. Filen verkar vara avgränsad med "
            "komma (,); den ska vara avgränsad med semikolon (;).",
        ),
        (
            HEADER + "Atlantis;;a;A;antal;2024;12\n",
            "Rad 2: okänd kommun 'Atlantis' (ange kommunkod, t.ex. 0680).",
        ),
        (
            HEADER + "0680;;a;A;antal;2024;12\n0680;;a;A;antal;2024;13\n",
            "Rad 3: dubblett av rad 2 (samma indikator, plats och period).",
        ),
        (HEADER + "0680;;a;A;antal;2024;-12\n", "Rad 2: värde får inte vara negativt (-12)."),
        (HEADER + "0680;;a;A;antal;2024;tolv\n", "Rad 2: värde ska vara ett tal, inte 'tolv'."),
        (
            HEADER + "0680;;a;A;antal;2024\n",
            "Rad 2: raden har 6 fält men rubrikraden har 7 (avgränsa med semikolon ;).",
        ),
        (HEADER + "0680;;a;A;antal;2024;\n", "Rad 2: värde saknas (skriv .. om uppgiften saknas)."),
        (
            HEADER + "0680;;a;A;procent;2024;120\n",
            "Rad 2: värde i procent kan inte vara över 100 (120).",
        ),
        (
            HEADER + "0680;;a;A;stycken;2024;12\n",
            "Rad 2: okänd enhet 'stycken'; välj antal, procent, per 100 000, händelser eller "
            "värde.",
        ),
        (
            HEADER + "0680;;a;A;antal;2024;12\n0680;;a;B;antal;2025;12\n",
            "Rad 3: indikatorn 'a' har ett annat namn eller en annan enhet än på rad 2.",
        ),
        (
            HEADER + "0680;;a;A;antal;2024-Q5;12\n",
            "Rad 2: period ska vara ett år (2024), ett kvartal (2024-Q1 eller 2024K1) eller en "
            "månad (2024-03 eller 2024M03), inte '2024-Q5'.",
        ),
        (
            HEADER + "0680;;a;A;antal;2024;12\n0180;;a;A;antal;2024;12\n",
            "Filen innehåller flera kommuner: 0680 (rad 2), 0180 (rad 3). Lokala data läses in "
            "en kommun i taget.",
        ),
        (
            HEADER + "0680;okänt-område;a;A;antal;2024;12\n",
            "Rad 2: okänt område 'okänt-område' (ange områdets kod).",
        ),
    ],
    ids=[
        "comma",
        "unknown",
        "duplicate",
        "negative",
        "text",
        "column-missing",
        "empty",
        "percent",
        "unit",
        "two-names",
        "period",
        "two-kommuner",
        "area",
    ],
)
def test_bad_files_are_rejected_and_nothing_is_written(db, data, expected):
    assert_rejected(KIND, data.encode(), NAME, expected)


def test_latin1_is_rejected(db):
    assert_rejected(
        KIND,
        GOOD.decode().encode("latin-1"),
        NAME,
        NOT_UTF8,
    )
