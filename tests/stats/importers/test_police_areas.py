"""Polisens utsatta områden (police-areas): GeoJSON with polygons, or CSV without."""

import json
from datetime import date
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from forebygg.geo.enums import AreaKind
from forebygg.geo.models import Area
from forebygg.stats.domain import preview_file, write_import
from forebygg.stats.models import DataSource
from tests.stats.importers.support import NOT_UTF8, assert_rejected, import_twice

KIND = "police-areas"
SHIPPED = settings.FOREBYGG_DATA_DIR / "polisen_omraden" / "polisen_utsatta_omraden_2025.geojson"
SQUARE = [[[17.95, 59.39], [17.96, 59.39], [17.96, 59.40], [17.95, 59.40], [17.95, 59.39]]]


def feature(name, kommun_code, cls="utsatt", geometry=None, **props):
    return {
        "type": "Feature",
        "properties": {"name": name, "class": cls, "kommun_code": kommun_code, **props},
        "geometry": geometry
        if geometry is not None
        else {"type": "Polygon", "coordinates": SQUARE},
    }


def collection(*features) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


# Fictional areas (the real 2025 list may already be in the session database).
GOOD = collection(
    feature(
        "Testberga",
        "0183",
        since="2025-12-01",
        ort="Solna",
        kommun_method="centroid_in_kommun",
    ),
    feature("Provby", "0180", cls="sarskilt", since="2018-10-01", ort="Stockholm"),
    feature("Exempelhöjden", "0680", cls="risk"),
)
NAME = "omraden_2031.geojson"


def test_geojson_areas_with_kind_kommun_since_and_svg(db):
    preview = preview_file(KIND, GOOD, file_name=NAME)
    assert preview.errors == []
    areas = {area.code: area for area in preview.extra["areas"]}
    assert sorted(areas) == ["0180-provby-2031", "0183-testberga-2031", "0680-exempelhojden-2031"]
    testberga = areas["0183-testberga-2031"]
    assert (testberga.kind, testberga.kommun_code, testberga.list_year) == (
        AreaKind.UTSATT,
        "0183",
        2031,
    )
    assert (testberga.police_place_label, testberga.kommun_assignment) == (
        "Solna",
        "centroid_in_kommun",
    )
    assert testberga.designated_since == date(2025, 12, 1)
    assert testberga.svg_path.startswith("M") and testberga.svg_path.endswith("Z")
    assert areas["0180-provby-2031"].kind == AreaKind.SARSKILT_UTSATT
    assert areas["0680-exempelhojden-2031"].kind == AreaKind.RISK
    assert preview.source.attribution == "Källa: Polismyndigheten"


def test_writes_areas_and_a_second_import_changes_nothing(db):
    first, _ = import_twice(KIND, GOOD, NAME)
    assert first.rows_created == 3
    area = Area.objects.get(code="0183-testberga-2031")
    assert (area.kommun.code, area.name, area.kind, area.list_year) == (
        "0183",
        "Testberga",
        AreaKind.UTSATT,
        2031,
    )
    assert area.geometry == {"type": "Polygon", "coordinates": SQUARE}
    assert area.source.key == "polisen-utsatta-omraden-2031"


def test_csv_without_polygons_keeps_an_existing_polygon(db):
    write_import(preview_file(KIND, GOOD, file_name=NAME))
    data = (
        "kommun_code;name;class;list_year;since;ort\n"
        "0183;Testberga;sarskilt;2031;2025-12-01;Solna\n"
        "0184;Nytt område;utsatt;2033;;\n"
    ).encode()
    preview = preview_file(KIND, data, file_name="omraden.csv")
    assert preview.errors == []
    batch = write_import(preview)
    assert (batch.rows_created, batch.rows_updated, batch.rows_unchanged) == (1, 1, 0)
    testberga = Area.objects.get(code="0183-testberga-2031")
    assert testberga.kind == AreaKind.SARSKILT_UTSATT
    assert testberga.geometry == {"type": "Polygon", "coordinates": SQUARE}
    new = Area.objects.get(code="0184-nytt-omrade-2033")
    assert (new.kommun.code, new.list_year, new.geometry, new.svg_path) == ("0184", 2033, None, "")
    assert new.kommun_assignment == "angiven i filen"
    assert preview.source.key == "polisen-utsatta-omraden-2031-2033"


@pytest.mark.parametrize(
    ("data", "file_name", "expected"),
    [
        (
            b"kommun_code|name|class|list_year\n0183|Hallonbergen|utsatt|2025\n",
            "omraden.csv",
            "Rad 1: rubrikraden ska innehålla kolumnerna kommun_code, name, class, list_year, "
            "(since), (ort) (avgränsade med komma (,)), men innehåller "
            "['kommun_code|name|class|list_year'].",
        ),
        (
            "kommun_code,name,class,list_year\n0183,Hallonbergen,utsatt,2025\n".encode("utf-16"),
            "omraden.csv",
            NOT_UTF8,
        ),
        (
            b"kommun_code,name,class,list_year\n0183,Hallonbergen,utsatt,2025\n"
            b"9999,Atlantis,utsatt,2025\n",
            "omraden.csv",
            "Rad 3: okänd kommunkod '9999' (fyra siffror, t.ex. 0183).",
        ),
        (
            b"kommun_code,name,class,list_year\n0183,Hallonbergen,utsatt,2025\n"
            b"0183,Hallonbergen,sarskilt,2025\n",
            "omraden.csv",
            "'Hallonbergen' (0183) finns två gånger i filen.",
        ),
        (
            b"kommun_code,name,class,list_year\n0183,Hallonbergen,farlig,2025\n",
            "omraden.csv",
            "Rad 2: class ska vara utsatt, risk eller sarskilt, inte 'farlig'.",
        ),
        (
            b"kommun_code,name,class,list_year\n0183,Hallonbergen,utsatt,tjugo\n",
            "omraden.csv",
            "Rad 2: list_year ska vara ett årtal som 2024, inte 'tjugo'.",
        ),
        (
            b"kommun_code,name,class\n0183,Hallonbergen,utsatt\n",
            "omraden.csv",
            "Rad 1: rubrikraden ska innehålla kolumnerna kommun_code, name, class, list_year, "
            "(since), (ort) (avgränsade med komma (,)), men innehåller "
            "['kommun_code', 'name', 'class'].",
        ),
        (
            collection(feature("Hallonbergen", "0183", since="1 december")),
            NAME,
            "Område 1 (Hallonbergen): since ska vara ett datum som 2025-12-01, inte '1 december'.",
        ),
        (
            collection(
                feature("Hallonbergen", "0183", geometry={"type": "Point", "coordinates": [18, 59]})
            ),
            NAME,
            "Område 1 (Hallonbergen): geometrin ska vara Polygon eller MultiPolygon.",
        ),
        (
            collection(feature("Hallonbergen", "0183")),
            "omraden.geojson",
            "Område 1 (Hallonbergen): listans år saknas (kolumnen list_year, eller året i "
            "filnamnet).",
        ),
    ],
    ids=[
        "pipe",
        "utf-16",
        "unknown",
        "duplicate",
        "class",
        "year",
        "column-missing",
        "since",
        "point",
        "no-year",
    ],
)
def test_bad_files_are_rejected_and_nothing_is_written(db, data, file_name, expected):
    assert_rejected(KIND, data, file_name, expected)


def test_the_shipped_geojson_has_65_areas_in_29_kommuner(db):
    preview = preview_file(KIND, SHIPPED.read_bytes(), file_name=SHIPPED.name)
    assert preview.errors == []
    areas = preview.extra["areas"]
    assert len(areas) == 65
    assert len({area.kommun_code for area in areas}) == 29
    kinds = [area.kind for area in areas]
    assert (kinds.count(AreaKind.UTSATT), kinds.count(AreaKind.SARSKILT_UTSATT)) == (46, 19)
    hallonbergen = next(area for area in areas if area.name == "Hallonbergen")
    assert (hallonbergen.kommun_code, hallonbergen.police_place_label) == ("0183", "Solna")
    assert hallonbergen.code == "0183-hallonbergen-2025"
    assert all(area.svg_path and area.list_year == 2025 for area in areas)


def test_the_import_command_writes_the_shipped_areas_once(db):
    out = StringIO()
    call_command("import", KIND, str(SHIPPED), stdout=out)
    assert "polisen_utsatta_omraden_2025.geojson: 65 områden i 29 kommuner" in out.getvalue()
    assert (
        Area.objects.filter(list_year=2025, source__key="polisen-utsatta-omraden-2025").count()
        == 65
    )
    assert Area.objects.get(code="0183-hallonbergen-2025").kommun.code == "0183"
    again = StringIO()
    call_command("import", KIND, str(SHIPPED), stdout=again)
    assert "Inläst: 0 nya, 0 ändrade, 65 oförändrade." in again.getvalue()
    assert DataSource.objects.get(key="polisen-utsatta-omraden-2025").row_count == 65
