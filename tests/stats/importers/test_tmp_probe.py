import json
import pytest
from forebygg.stats.domain import preview_file, write_import
from tests.stats.importers.test_fuzz import FORMATS, check_file, unchanged

SQUARE = [[[17.95, 59.39], [17.96, 59.39], [17.96, 59.40], [17.95, 59.40], [17.95, 59.39]]]


def geo(name="Testberga", coords=SQUARE, **geometry_extra):
    return json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {
                        "name": name,
                        "class": "utsatt",
                        "kommun_code": "0183",
                        "ort": "x",
                    },
                    "geometry": {"type": "Polygon", "coordinates": coords, **geometry_extra},
                }
            ],
        }
    ).encode()


CASES = [
    (
        "police-areas",
        geo(coords=[[[10**400, 59.39], [17.96, 59.39], [17.96, 59.40]]]),
        "a_2031.geojson",
    ),
    (
        "police-areas",
        geo(coords=[[[float("nan"), 59.39], [17.96, 59.39], [17.96, 59.40]]]),
        "a_2031.geojson",
    ),
    (
        "police-areas",
        geo(coords=[[[1e308, 59.39], [17.96, 59.39], [17.96, 59.40]]]),
        "a_2031.geojson",
    ),
    ("police-areas", geo(bbox=[float("nan")]), "a_2031.geojson"),
    ("police-areas", geo(name="Test\u0000berga"), "a_2031.geojson"),
    ("police-areas", geo(name="Test\ud800berga"), "a_2031.geojson"),
    ("bra-kommun", b"kommun_code,kommun_name,year,category,count,per_100k\n0680,J,2024\n", "x.csv"),
    (
        "bra-kommun",
        b"kommun_code,kommun_name,year,category,count,per_100k\n0680,J,2024,total,1,2,3\n",
        "x.csv",
    ),
    (
        "kolada",
        json.dumps(
            {"values": [{"kpi": "N07403", "municipality": "\ud800", "period": 2024, "values": []}]}
        ).encode(),
        "k.json",
    ),
    (
        "generic",
        "kommun;indikator;namn;enhet;period;värde\n0680;x;a\u2028b;antal;2024;12\n".encode(),
        "g.csv",
    ),
]


@pytest.mark.parametrize("case", range(len(CASES)))
def test_probe(db, case):
    kind, data, name = CASES[case]
    preview = preview_file(kind, data, file_name=name)
    print(preview.errors, preview.warnings)
    check_file(kind, data, name)
