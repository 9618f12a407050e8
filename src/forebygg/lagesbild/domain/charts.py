"""Server-rendered SVG charts with presentation attributes only (no inline CSS: the CSP stays
strict), each with a title and a description for screen readers. Series differ in colour
and in dash pattern, so they stay distinguishable without colour vision."""

from __future__ import annotations

import math
import re

from django.utils.html import escape

from forebygg.core.formatting import format_number

COLOURS = ["#0b5394", "#b45309", "#2f6b3a", "#6b21a8", "#9f1239"]
DASHES = ["", "6 3", "2 3", "8 3 2 3", "1 2"]
FONT = "DejaVu Sans, Arial, sans-serif"
INK = "#1b1e23"
GRID = "#c9ced6"


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _text(x, y, content, *, size=12, anchor="start", weight="normal") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" '
        f'text-anchor="{anchor}" font-weight="{weight}" fill="{INK}">{escape(content)}</text>'
    )


def _open_svg(width, height, title, description, chart_id) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]


def line_chart(
    chart_id: str,
    title: str,
    description: str,
    years: list[int],
    series: dict[str, dict[int, float | None]],
    *,
    width: int = 640,
    height: int = 320,
) -> str:
    left, right, top, bottom = 64, 16, 16, 84
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for points in series.values() for v in points.values() if v is not None]
    y_max = _nice_max(max(values) if values else 1)
    span = max(len(years) - 1, 1)

    def x_of(year):
        return left + (years.index(year) / span) * plot_w

    def y_of(value):
        return top + plot_h - value / y_max * plot_h

    parts = _open_svg(width, height, title, description, chart_id)
    for step in range(5):
        value = y_max * step / 4
        y = y_of(value)
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        parts.append(_text(left - 6, y + 4, format_number(value), size=11, anchor="end"))
    for year in years:
        parts.append(_text(x_of(year), top + plot_h + 16, str(year), size=11, anchor="middle"))
    for index, (label, points) in enumerate(series.items()):
        colour, dash = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)]
        segments, current = [], []
        for year in years:
            value = points.get(year)
            if value is None:  # a gap stays a gap: never drawn across
                if current:
                    segments.append(current)
                current = []
            else:
                current.append(f"{x_of(year):.1f},{y_of(value):.1f}")
        if current:
            segments.append(current)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        for segment in segments:
            parts.append(
                f'<polyline points="{" ".join(segment)}" fill="none" stroke="{colour}" '
                f'stroke-width="2.5"{dash_attr}/>'
            )
        legend_x = left + (index % 3) * (plot_w / 3)
        legend_y = height - 40 + (index // 3) * 18
        parts.append(
            f'<line x1="{legend_x:.1f}" x2="{legend_x + 24:.1f}" y1="{legend_y - 4}" '
            f'y2="{legend_y - 4}" stroke="{colour}" stroke-width="2.5"{dash_attr}/>'
        )
        parts.append(_text(legend_x + 30, legend_y, label, size=11))
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    categories: list[str],
    groups: dict[str, list[float | None]],
    *,
    width: int = 640,
) -> str:
    """Horizontal grouped bars: one row per category, one bar per group (kommun, län, …)."""
    left, right, top = 210, 70, 16
    bar, gap = 12, 10
    row_height = bar * len(groups) + gap
    legend_height = 22 * math.ceil(len(groups) / 3) + 10
    height = top + row_height * len(categories) + legend_height + 10
    plot_w = width - left - right
    values = [v for series in groups.values() for v in series if v is not None]
    x_max = _nice_max(max(values) if values else 1)
    parts = _open_svg(width, height, title, description, chart_id)
    for row, category in enumerate(categories):
        y0 = top + row * row_height
        parts.append(_text(left - 8, y0 + row_height / 2, category, size=11, anchor="end"))
        for index, (_label, series) in enumerate(groups.items()):
            value = series[row]
            y = y0 + index * bar
            if value is None:
                parts.append(_text(left + 4, y + bar - 2, "uppgift saknas", size=10))
                continue
            length = value / x_max * plot_w
            parts.append(
                f'<rect x="{left}" y="{y:.1f}" width="{length:.1f}" height="{bar - 2}" '
                f'fill="{COLOURS[index % len(COLOURS)]}"/>'
            )
            parts.append(_text(left + length + 4, y + bar - 3, format_number(value), size=10))
    legend_y = height - legend_height + 8
    for index, label in enumerate(groups):
        x = left + (index % 3) * (plot_w / 3)
        y = legend_y + (index // 3) * 22
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="14" height="14" '
            f'fill="{COLOURS[index % len(COLOURS)]}"/>'
        )
        parts.append(_text(x + 20, y + 12, label, size=11))
    parts.append("</svg>")
    return "".join(parts)


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _bbox(paths: list[str]) -> tuple[float, float, float, float]:
    numbers = [float(n) for path in paths for n in _NUMBER.findall(path)]
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def kommun_map(
    chart_id: str, title: str, description: str, kommun_path: str, areas: list[dict]
) -> str:
    """The kommun's outline with police-designated areas drawn on top (projected km units)."""
    x0, y0, x1, y1 = _bbox([kommun_path])
    pad = max(x1 - x0, y1 - y0) * 0.04
    view = f"{x0 - pad:.1f} {y0 - pad:.1f} {x1 - x0 + 2 * pad:.1f} {y1 - y0 + 2 * pad:.1f}"
    width = 480
    height = round(width * (y1 - y0 + 2 * pad) / (x1 - x0 + 2 * pad))
    stroke = (x1 - x0) / 300
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<path d="{kommun_path}" fill="#d7e3f0" stroke="{INK}" stroke-width="{stroke:.2f}" '
        f'fill-rule="evenodd"/>',
    ]
    for area in areas:
        colour = "#9f1239" if area["kind"] == "sarskilt" else "#b45309"
        parts.append(
            f'<path d="{area["svg_path"]}" fill="{colour}" fill-opacity="0.75" stroke="{colour}" '
            f'stroke-width="{stroke:.2f}"><title>{escape(area["name"])}</title></path>'
        )
    parts.append("</svg>")
    return "".join(parts)
