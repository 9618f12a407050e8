"""The lägesbild map zooms to the police's areas, names each of them on the map, shows the
whole kommun as an inset, and describes what it shows as the charts do. Jönköping has one
area on the police's 2025 list, Råslätt, under a kilometre across: once a 5-pixel dot."""

import re

import pytest

from forebygg.geo.domain.svg import bounds
from forebygg.geo.models import Area
from forebygg.lagesbild.domain import transient_lagesbild
from forebygg.lagesbild.domain.drafting import build_snapshot
from forebygg.lagesbild.interfaces.docx import render_docx
from tests.document_text import docx_of

MAIN_MAP_SCALE = re.compile(r'<g transform="matrix\(([\d.]+) 0 0')  # pixels per km


@pytest.fixture
def kommun(personas, crime_statistics):
    return personas.kommun_a


def map_figure(kommun) -> dict:
    return next(f for f in build_snapshot(kommun)["figures"] if f["id"] == "fig-map")


def test_the_map_zooms_in_and_names_the_area_with_an_inset_of_the_kommun(kommun):
    figure = map_figure(kommun)
    svg = figure["svg"]
    left, top, right, bottom = bounds([Area.objects.get(kommun=kommun, name="Råslätt").svg_path])
    scale = float(MAIN_MAP_SCALE.search(svg).group(1))

    assert round(min(right - left, bottom - top) * scale) >= 40  # a shape, not a dot
    assert re.findall(r">([^<]+)</text>", svg) == [
        "Råslätt",
        "0,5 km",
        "Hela kommunen; ramen visar",
        "utsnittet i stora kartan",
        "Utsatt område",
    ]
    assert figure["alt"] == (
        "Karta över den del av Jönköping där polisens områden ligger: Råslätt (utsatt område). "
        "Varje område är utmärkt med sitt namn. En mindre karta bredvid visar hela kommunen "
        "med en ram kring utsnittet."
    )


def test_the_map_in_the_word_document_carries_its_title_and_description(kommun):
    figure = map_figure(kommun)
    document = docx_of(render_docx(transient_lagesbild(kommun)))
    pictures = {
        shape._inline.docPr.get("title"): shape._inline.docPr.get("descr")
        for shape in document.inline_shapes
    }

    assert pictures[figure["title"]] == figure["alt"]
    assert f'<desc id="fig-map-desc">{figure["alt"]}</desc>' in figure["svg"]
    assert figure["source"] == "Källa: SCB (kommungränser); Polismyndigheten (polisens områden)"
