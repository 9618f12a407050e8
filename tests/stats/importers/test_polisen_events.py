"""Polisen's published events per kommun and month (polisen-events): never crime statistics."""

import pytest
from django.conf import settings

from forebygg.stats.domain import preview_file
from forebygg.stats.enums import GeoLevel, PeriodType, Unit
from forebygg.stats.models import Indicator
from tests.stats.importers.support import NOT_UTF8, assert_rejected, import_twice, value_of

KIND = "polisen-events"
NAME = "polisen_events_kommun_month.csv"
HEADER = "year_month,municipality_code,event_type,location_basis,events\n"
GOOD = (
    HEADER
    + "2024-01,0180,Trafikolycka,api_location,4\n"
    + "2024-01,0180,Trafikolycka,title_suffix,2\n"
    + '2024-01,0680,"Mord/dråp, försök",api_location,1\n'
    + "2023-03,0180,Trafikolycka,api_location,9\n"
).encode()


def test_counts_are_summed_over_location_basis_and_partial_months_left_out(db):
    preview = preview_file(KIND, GOOD, file_name=NAME)
    assert preview.errors == []
    assert sorted(
        (row.indicator, row.geo_code, row.period_type, row.year, row.period_number, row.value)
        for row in preview.rows
    ) == [
        ("polisen.handelser.mord-drap-forsok", "0680", PeriodType.MONTH, 2024, 1, 1.0),
        ("polisen.handelser.trafikolycka", "0180", PeriodType.MONTH, 2024, 1, 6.0),
    ]
    assert preview.warnings == [
        "2023-03: 1 rader hoppades över – månaden täcks bara delvis av arkivet (PROVENANCE §5) "
        "och skulle se ut som en verklig nedgång."
    ]
    spec = preview.indicators["polisen.handelser.mord-drap-forsok"]
    assert spec.name_sv == "Mord/dråp, försök (publicerade polishändelser)"
    assert (spec.unit, spec.counts_crimes) == (Unit.EVENTS, False)
    assert "INTE brottsstatistik" in spec.formula


def test_writes_and_a_second_import_changes_nothing(db):
    import_twice(KIND, GOOD, NAME)
    assert value_of("polisen.handelser.trafikolycka", "0180", 2024, 1).value == 6
    indicator = Indicator.objects.get(key="polisen.handelser.trafikolycka")
    assert (indicator.unit, indicator.counts_crimes) == (Unit.EVENTS, False)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "year_month;municipality_code;event_type;location_basis;events\n"
            "2024-01;0180;Trafikolycka;api_location;4\n",
            "Rad 1: rubrikraden ska innehålla kolumnerna year_month, municipality_code, "
            "event_type, location_basis, events (avgränsade med komma (,)), men innehåller "
            "['year_month;municipality_code;event_type;location_basis;events']. Filen verkar "
            "vara avgränsad med semikolon (;); den ska vara avgränsad med komma (,).",
        ),
        (
            HEADER + "2024-01,9999,Trafikolycka,api_location,4\n",
            "Rad 2: okänd kommunkod '9999' (fyra siffror, t.ex. 0180).",
        ),
        (
            HEADER + "2024-01,0180,Brand,api_location,4\n2024-01,0180,Brand,api_location,4\n",
            "Rad 3: dubblett av rad 2 (samma månad, plats, typ och grund).",
        ),
        (
            HEADER + "2024-01,0180,Brand,api_location,-4\n",
            "Rad 2: events får inte vara negativt (-4).",
        ),
        (
            HEADER + "2024-01,0180,Brand,api_location,fyra\n",
            "Rad 2: events ska vara ett tal, inte 'fyra'.",
        ),
        (
            HEADER + "2024-13,0180,Brand,api_location,4\n",
            "Rad 2: year_month ska vara en månad som 2024-03, inte '2024-13'.",
        ),
        (
            HEADER + "2024-01,0180,Brand,gissning,4\n",
            "Rad 2: location_basis ska vara api_location eller title_suffix, inte 'gissning'.",
        ),
        (
            "year_month,municipality_code,event_type,events\n2024-01,0180,Brand,4\n",
            "Rad 1: rubrikraden ska innehålla kolumnerna year_month, municipality_code, "
            "event_type, location_basis, events (avgränsade med komma (,)), men innehåller "
            "['year_month', 'municipality_code', 'event_type', 'events'].",
        ),
    ],
    ids=[
        "semicolon",
        "unknown",
        "duplicate",
        "negative",
        "text",
        "month",
        "basis",
        "column-missing",
    ],
)
def test_bad_files_are_rejected_and_nothing_is_written(db, data, expected):
    assert_rejected(KIND, data.encode(), NAME, expected)


def test_latin1_is_rejected(db):
    data = (HEADER + '2024-01,0680,"Mord/dråp, försök",api_location,1\n').encode("latin-1")
    assert_rejected(
        KIND,
        data,
        NAME,
        NOT_UTF8,
    )


def test_the_shipped_kommun_file_parses_with_known_counts(db):
    path = settings.FOREBYGG_DATA_DIR / "polisen_handelser" / NAME
    preview = preview_file(KIND, path.read_bytes(), file_name=path.name)
    assert preview.errors == []
    assert len(preview.rows) == 38189
    assert len(preview.indicators) == 95
    assert sum(row.value for row in preview.rows) == 60521
    assert {(row.year, row.period_number) for row in preview.rows} >= {(2023, 4), (2026, 7)}
    assert not {(row.year, row.period_number) for row in preview.rows} & {(2023, 3), (2026, 8)}
    by_cell = {
        (row.indicator, row.geo_code, row.year, row.period_number): row.value
        for row in preview.rows
    }
    # 2025-05 Sollentuna Trafikbrott: 1 api_location + 1 title_suffix.
    assert by_cell[("polisen.handelser.trafikbrott", "0163", 2025, 5)] == 2
    assert by_cell[("polisen.handelser.trafikolycka", "0180", 2024, 1)] == 4
    assert len(preview.warnings) == 8


def test_the_shipped_county_file_gives_lan_observations(db):
    path = settings.FOREBYGG_DATA_DIR / "polisen_handelser" / "polisen_events_county_only_month.csv"
    preview = preview_file(KIND, path.read_bytes(), file_name=path.name)
    assert preview.errors == []
    assert {row.geo_level for row in preview.rows} == {GeoLevel.LAN}
    assert preview.source.key == "polisen-handelser-manad-lan"
