"""Chart legends wrap before an entry would run into the next, and stand below the axis
labels: long category names never overlap each other or the years."""

import re

from forebygg.lagesbild.domain import charts
from forebygg.lagesbild.domain.drafting import CATEGORY_NAMES, MAIN_CATEGORIES

TEXT = re.compile(
    r'<text x="([\d.]+)" y="([\d.]+)"[^>]*font-size="(\d+)" text-anchor="(\w+)"[^>]*>([^<]*)</text>'
)
BAR = re.compile(r'<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="10"')
YEARS = list(range(2016, 2026))
NAMES = [CATEGORY_NAMES[category] for category in MAIN_CATEGORIES]


def boxes(svg: str, labels: list[str]) -> list[tuple[float, float, float, float]]:
    """The room each label takes: its baseline position and the width the chart allows it."""
    found = {}
    for x, y, size, anchor, content in TEXT.findall(svg):
        if content in labels:
            size, width = float(size), charts.text_width(content, float(size))
            left = float(x) - (width if anchor == "end" else 0)
            found[content] = (left, float(y) - size, left + width, float(y))
    return [found[label] for label in labels]


def overlapping(rects) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, a in enumerate(rects)
        for j, b in enumerate(rects)
        if i < j and a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]


def test_a_line_chart_legend_with_long_names_has_no_overlap_and_stays_below_the_years():
    series = {name: {year: 100.0 + index for year in YEARS} for index, name in enumerate(NAMES)}
    svg = charts.line_chart("fig", "Titel", "Beskrivning", YEARS, series, height=360)
    legend = boxes(svg, NAMES)
    year_labels = boxes(svg, [str(year) for year in YEARS])
    width = float(re.search(r'width="(\d+)"', svg).group(1))

    assert overlapping(legend) == []
    assert [box for box in legend if box[1] < max(y[3] for y in year_labels)] == []
    assert [box for box in legend if box[2] > width] == []


def test_a_bar_chart_keeps_category_names_clear_of_the_bars_and_the_legend():
    groups = {"Jönköping": [10.0] * 5, "Länet": [9.0] * 5, "Riket": [8.0] * 5,
              "Liknande kommuner (B5 Pendlingskommun nära större stad)": [7.0] * 5}  # fmt: skip
    svg = charts.bar_chart("fig", "Titel", "Beskrivning", NAMES, groups)
    legend = boxes(svg, list(groups))
    names = boxes(svg, NAMES)
    first_bar = min(float(x) for x in BAR.findall(svg))

    assert overlapping(legend + names) == []
    assert [box for box in names if box[2] > first_bar] == []
