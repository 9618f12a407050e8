"""Server-rendered SVG charts with presentation attributes only (no inline CSS: the CSP stays
strict), each with a title and a description for screen readers. Series differ in colour
and in dash pattern, so they stay distinguishable without colour vision."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.html import escape

from forebygg.core.formatting import format_number
from forebygg.geo.domain.svg import bounds

COLOURS = ["#0b5394", "#b45309", "#2f6b3a", "#6b21a8", "#9f1239"]
DASHES = ["", "6 3", "2 3", "8 3 2 3", "1 2"]
FONT = "DejaVu Sans, Arial, sans-serif"
INK = "#1b1e23"
GRID = "#c9ced6"
# DejaVu Sans, the widest of the fonts named above, averages about 0.6 em per character; a
# label is given this much room so that nothing drawn beside it can overlap it.
CHARACTER_WIDTH = 0.62
BOLD_CHARACTER_WIDTH = 0.72
LEGEND_SIZE = 11
LEGEND_ROW = 20
LEGEND_GAP = 24


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


def text_width(content: str, size: float, *, bold: bool = False) -> float:
    """The room a label needs, generously estimated (no font metrics on the server)."""
    return len(content) * size * (BOLD_CHARACTER_WIDTH if bold else CHARACTER_WIDTH)


@dataclass(frozen=True)
class LegendItem:
    label: str
    x: float
    row: int


def legend_layout(labels: list[str], *, left: float, width: float, swatch: float) -> list:
    """Legend entries flowed left to right, wrapping to a new row before one would overlap."""
    items, x, row = [], left, 0
    for label in labels:
        needed = swatch + 6 + text_width(label, LEGEND_SIZE)
        if x > left and x + needed > left + width:
            x, row = left, row + 1
        items.append(LegendItem(label, x, row))
        x += needed + LEGEND_GAP
    return items


def legend_height(items: list) -> float:
    return (max((item.row for item in items), default=-1) + 1) * LEGEND_ROW


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
    """`height` is the plot with its axis labels; the legend below it adds what it needs."""
    left, right, top, axis = 64, 16, 16, 40
    plot_w, plot_h = width - left - right, height - top - axis
    legend = legend_layout(list(series), left=left, width=plot_w, swatch=24)
    legend_top = height + 4
    height = round(legend_top + legend_height(legend) + 4)
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
        item = legend[index]
        legend_y = legend_top + item.row * LEGEND_ROW + 12
        parts.append(
            f'<line x1="{item.x:.1f}" x2="{item.x + 24:.1f}" y1="{legend_y - 4}" '
            f'y2="{legend_y - 4}" stroke="{colour}" stroke-width="2.5"{dash_attr}/>'
        )
        parts.append(_text(item.x + 30, legend_y, label, size=LEGEND_SIZE))
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
    widest = max((text_width(category, 11) for category in categories), default=0)
    left, right, top = min(max(120, widest + 16), width * 0.45), 70, 16
    bar, gap = 12, 10
    row_height = bar * len(groups) + gap
    plot_w = width - left - right
    legend = legend_layout(list(groups), left=16, width=width - 32, swatch=14)
    legend_top = top + row_height * len(categories) + 12
    height = round(legend_top + legend_height(legend) + 8)
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
    for index, item in enumerate(legend):
        y = legend_top + item.row * LEGEND_ROW
        parts.append(
            f'<rect x="{item.x:.1f}" y="{y}" width="14" height="14" '
            f'fill="{COLOURS[index % len(COLOURS)]}"/>'
        )
        parts.append(_text(item.x + 20, y + 12, item.label, size=LEGEND_SIZE))
    parts.append("</svg>")
    return "".join(parts)


AREA_STYLES = {  # kind → fill colour and outline dash: told apart without colour vision too
    "sarskilt": ("#9f1239", ""),
    "utsatt": ("#b45309", ""),
    "risk": ("#6b21a8", "4 2"),
}
KOMMUN_FILL = "#d7e3f0"
MAP_WIDTH, MAP_HEIGHT, SIDE_WIDTH = 460, 380, 180
LABEL_SIZE = 12
LABEL_HEIGHT = 18
SCALE_LENGTHS_KM = (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100)
MIN_SPAN_KM = 3.0  # never zoom closer than this: the streets around an area give it context


@dataclass(frozen=True)
class View:
    """Which part of the world (projected km) is drawn into a pixel frame."""

    left: float
    top: float
    scale: float  # pixels per km
    x: float = 0.0  # the frame's position on the canvas
    y: float = 0.0

    def point(self, km_x: float, km_y: float) -> tuple[float, float]:
        return self.x + (km_x - self.left) * self.scale, self.y + (km_y - self.top) * self.scale

    def transform(self) -> str:
        s = self.scale
        x, y = self.x - self.left * s, self.y - self.top * s
        return f"matrix({s:.5f} 0 0 {s:.5f} {x:.2f} {y:.2f})"


def _fit(box, width: float, height: float, *, x: float = 0.0, y: float = 0.0) -> View:
    left, top, right, bottom = box
    scale = min(width / max(right - left, 1e-6), height / max(bottom - top, 1e-6))
    # centre the box in the frame
    left -= (width / scale - (right - left)) / 2
    top -= (height / scale - (bottom - top)) / 2
    return View(left, top, scale, x, y)


def _zoom_box(area_box, kommun_box) -> tuple | None:
    """The areas with room around them, or None when that is most of the kommun anyway."""
    left, top, right, bottom = area_box
    span = max(right - left, bottom - top, MIN_SPAN_KM / 1.6) * 1.6
    cx, cy = (left + right) / 2, (top + bottom) / 2
    half_w = max(span, (right - left) * 1.3) / 2
    half_h = max(span * MAP_HEIGHT / MAP_WIDTH, (bottom - top) * 1.3) / 2
    box = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
    k_left, k_top, k_right, k_bottom = kommun_box
    if 2 * half_w >= 0.7 * (k_right - k_left) and 2 * half_h >= 0.7 * (k_bottom - k_top):
        return None
    return box


def is_zoomed(kommun_path: str, areas: list[dict]) -> bool:
    """Whether `kommun_map` shows a part of the kommun (with the whole kommun as an inset)."""
    paths = [area["svg_path"] for area in areas if area.get("svg_path")]
    kommun_box = bounds([kommun_path])
    return bool(paths and kommun_box and _zoom_box(bounds(paths), kommun_box))


def _area_shape(area: dict, view: View) -> list[str]:
    colour, dash = AREA_STYLES.get(area["kind"], AREA_STYLES["utsatt"])
    stroke = 2 / view.scale
    dash_attr = ""
    if dash:
        dash_attr = (
            ' stroke-dasharray="'
            + " ".join(f"{float(d) / view.scale:.4f}" for d in dash.split())
            + '"'
        )
    parts = [
        f'<path d="{area["svg_path"]}" fill="{colour}" fill-opacity="0.55" stroke="{colour}" '
        f'stroke-width="{stroke:.4f}"{dash_attr}><title>{escape(area["name"])}</title></path>'
    ]
    box = bounds([area["svg_path"]])
    if box and (box[2] - box[0]) * view.scale < 10 and (box[3] - box[1]) * view.scale < 10:
        # Too small to see at this scale: a ring around it marks where it is.
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        parts.append(
            f'<circle cx="{cx:.3f}" cy="{cy:.3f}" r="{8 / view.scale:.4f}" fill="none" '
            f'stroke="{colour}" stroke-width="{stroke:.4f}"/>'
        )
    return parts


@dataclass(frozen=True)
class Label:
    """An area's name on the map, or, where no place beside it is free, its number."""

    name: str
    x: float
    y: float
    width: float
    target: tuple[float, float, float, float]  # the area's box in pixels
    leader: bool = False
    number: int = 0


def _pixel_box(area: dict, view: View) -> tuple[float, float, float, float] | None:
    box = bounds([area["svg_path"]])
    if not box:
        return None
    return (*view.point(box[0], box[1]), *view.point(box[2], box[3]))


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _candidates(box, width: float):
    """Places beside the box, nearest first: right, left, above, below, then the corners."""
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    h = LABEL_HEIGHT
    for gap in (6, 22, 44):
        yield from (
            ((x1 + gap, cy - h / 2), gap),
            ((x0 - gap - width, cy - h / 2), gap),
            ((cx - width / 2, y0 - gap - h), gap),
            ((cx - width / 2, y1 + gap), gap),
            ((x1 + gap, y0 - gap - h), gap),
            ((x1 + gap, y1 + gap), gap),
            ((x0 - gap - width, y0 - gap - h), gap),
            ((x0 - gap - width, y1 + gap), gap),
        )


def _place_labels(areas: list[dict], view: View, frame: tuple[float, float], reserved) -> list:
    """Every area named beside it without covering another area, label or the scale bar."""
    boxes = [(area, _pixel_box(area, view)) for area in areas]
    boxes = [(area, box) for area, box in boxes if box]
    taken = [(b[0] - 2, b[1] - 2, b[2] + 2, b[3] + 2) for _area, b in boxes] + [reserved]
    labels, numbered = [], 0
    for area, box in sorted(boxes, key=lambda pair: (pair[1][1], pair[1][0])):
        width = text_width(area["name"], LABEL_SIZE, bold=True) + 8
        for (x, y), gap in _candidates(box, width):
            rect = (x, y, x + width, y + LABEL_HEIGHT)
            inside = x >= 4 and y >= 4 and rect[2] <= frame[0] - 4 and rect[3] <= frame[1] - 4
            if inside and not any(_overlaps(rect, other) for other in taken):
                labels.append(Label(area["name"], x, y, width, box, leader=gap > 6))
                taken.append(rect)
                break
        else:
            numbered += 1
            labels.append(Label(area["name"], 0, 0, 0, box, number=numbered))
    return labels


def _leader(label: Label) -> str:
    """A line from the label to the nearest edge of its area."""
    x0, y0, x1, y1 = label.target
    lx = min(max((x0 + x1) / 2, label.x), label.x + label.width)
    ly = min(max((y0 + y1) / 2, label.y), label.y + LABEL_HEIGHT)
    ax, ay = min(max(lx, x0), x1), min(max(ly, y0), y1)
    return f'<line x1="{lx:.1f}" y1="{ly:.1f}" x2="{ax:.1f}" y2="{ay:.1f}" stroke="{INK}"/>'


def _labels(labels: list[Label]) -> list[str]:
    parts = []
    for label in labels:
        if label.number:
            x0, y0, x1, y1 = label.target
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            parts.append(
                f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="9" fill="#ffffff" stroke="{INK}"/>'
            )
            parts.append(
                _text(cx, cy + 4, str(label.number), size=11, anchor="middle", weight="bold")
            )
            continue
        if label.leader:
            parts.append(_leader(label))
        parts.append(
            f'<rect x="{label.x:.1f}" y="{label.y:.1f}" width="{label.width:.1f}" '
            f'height="{LABEL_HEIGHT}" rx="3" fill="#ffffff" fill-opacity="0.9" '
            f'stroke="{INK}" stroke-width="0.6"/>'
        )
        parts.append(_text(label.x + 4, label.y + 13, label.name, size=LABEL_SIZE, weight="bold"))
    return parts


def _numbered_key(labels: list[Label], x: float, y: float) -> list[str]:
    parts = []
    for index, label in enumerate(label for label in labels if label.number):
        parts.append(_text(x, y + index * LEGEND_ROW + 12, f"{label.number} {label.name}"))
    return parts


def _scale_bar_box(view: View, frame_height: float) -> tuple[float, float, float, float]:
    length = _scale_length(view)
    label = f"{format_number(length, 1 if length < 1 else 0)} km"
    width = length * view.scale + 18 + text_width(label, 10)
    return 6, frame_height - 28, 6 + width, frame_height - 6


def _scale_length(view: View) -> float:
    target = 90 / view.scale
    return max((n for n in SCALE_LENGTHS_KM if n <= target), default=SCALE_LENGTHS_KM[0])


def _scale_bar(view: View, frame_height: float) -> list[str]:
    """A bar of a round length, about a fifth of the frame wide."""
    length = _scale_length(view)
    pixels = length * view.scale
    y = frame_height - 14
    label = f"{format_number(length, 1 if length < 1 else 0)} km"
    return [
        f'<rect x="6" y="{y - 14}" width="{pixels + 18 + text_width(label, 10):.1f}" '
        f'height="22" fill="#ffffff" fill-opacity="0.85"/>',
        f'<line x1="12" x2="{12 + pixels:.1f}" y1="{y}" y2="{y}" stroke="{INK}" stroke-width="2"/>',
        _text(16 + pixels, y + 4, label, size=10),
    ]


def _inset(kommun_path: str, kommun_box, zoom_box, x: float, y: float) -> tuple[list[str], float]:
    """The whole kommun, small, with a frame around the part the main map shows."""
    width = SIDE_WIDTH - 24
    k_left, k_top, k_right, k_bottom = kommun_box
    height = min(width * (k_bottom - k_top) / max(k_right - k_left, 1e-6), 200)
    view = _fit(kommun_box, width, height, x=x, y=y)
    z0, z1 = view.point(zoom_box[0], zoom_box[1]), view.point(zoom_box[2], zoom_box[3])
    frame_x, frame_y = max(z0[0], x), max(z0[1], y)
    frame_w = max(min(z1[0], x + width) - frame_x, 4)
    frame_h = max(min(z1[1], y + height) - frame_y, 4)
    parts = [
        f'<rect x="{x - 4}" y="{y - 4}" width="{width + 8}" height="{height + 8}" '
        f'fill="#ffffff" stroke="{GRID}"/>',
        f'<g transform="{view.transform()}"><path d="{kommun_path}" fill="{KOMMUN_FILL}" '
        f'stroke="{INK}" stroke-width="{1 / view.scale:.4f}" fill-rule="evenodd"/></g>',
        f'<rect x="{frame_x:.1f}" y="{frame_y:.1f}" width="{frame_w:.1f}" '
        f'height="{frame_h:.1f}" fill="none" stroke="#9f1239" stroke-width="2"/>',
        _text(x, y + height + 18, "Hela kommunen; ramen visar", size=10),
        _text(x, y + height + 31, "utsnittet i stora kartan", size=10),
    ]
    return parts, y + height + 40


def _area_legend(areas: list[dict], kind_labels: dict[str, str], x: float, y: float) -> list:
    parts = []
    kinds = [kind for kind in AREA_STYLES if any(area["kind"] == kind for area in areas)]
    for index, kind in enumerate(kinds):
        colour, dash = AREA_STYLES[kind]
        row_y = y + index * LEGEND_ROW
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<rect x="{x}" y="{row_y}" width="14" height="14" fill="{colour}" '
            f'fill-opacity="0.55" stroke="{colour}" stroke-width="2"{dash_attr}/>'
        )
        parts.append(_text(x + 20, row_y + 12, kind_labels.get(kind, kind), size=LEGEND_SIZE))
    return parts


def kommun_map(
    chart_id: str,
    title: str,
    description: str,
    kommun_path: str,
    areas: list[dict],
    kind_labels: dict[str, str] | None = None,
) -> str:
    """The kommun with police-designated areas, zoomed to the areas, each named on the map.

    When the areas are a small part of the kommun (the usual case), the main map shows them
    and their surroundings and a small map beside it shows the whole kommun with a frame
    around that part. Areas: dicts with name, kind and svg_path (projected km units).
    """
    kommun_box = bounds([kommun_path])
    areas = [area for area in areas if area.get("svg_path")]
    area_box = bounds([area["svg_path"] for area in areas]) if areas else None
    zoom_box = _zoom_box(area_box, kommun_box) if area_box else None
    side = SIDE_WIDTH if areas else 0
    width = MAP_WIDTH + side
    if zoom_box:
        view, height = _fit(zoom_box, MAP_WIDTH, MAP_HEIGHT), MAP_HEIGHT
    else:
        k_left, k_top, k_right, k_bottom = kommun_box
        height = round(MAP_WIDTH * (k_bottom - k_top) / max(k_right - k_left, 1e-6)) + 16
        view = _fit(kommun_box, MAP_WIDTH - 16, height - 16, x=8, y=8)
    parts = _open_svg(width, height, title, description, chart_id)
    parts += [
        f'<clipPath id="{chart_id}-frame"><rect width="{MAP_WIDTH}" height="{height}"/></clipPath>',
        f'<g clip-path="url(#{chart_id}-frame)"><g transform="{view.transform()}">',
        f'<path d="{kommun_path}" fill="{KOMMUN_FILL}" stroke="{INK}" '
        f'stroke-width="{1.2 / view.scale:.4f}" fill-rule="evenodd"/>',
    ]
    for area in areas:
        parts += _area_shape(area, view)
    parts.append("</g>")
    labels = _place_labels(areas, view, (MAP_WIDTH, height), _scale_bar_box(view, height))
    parts += _labels(labels)
    parts += _scale_bar(view, height)
    parts.append("</g>")
    if areas:
        parts.append(
            f'<line x1="{MAP_WIDTH}" x2="{MAP_WIDTH}" y1="0" y2="{height}" stroke="{GRID}"/>'
        )
        legend_y = 12.0
        if zoom_box:
            inset, legend_y = _inset(kommun_path, kommun_box, zoom_box, MAP_WIDTH + 16, 12)
            parts += inset
        parts += _area_legend(areas, kind_labels or {}, MAP_WIDTH + 12, legend_y)
        key_y = legend_y + LEGEND_ROW * len({area["kind"] for area in areas}) + 8
        parts += _numbered_key(labels, MAP_WIDTH + 12, key_y)
    parts.append("</svg>")
    return "".join(parts)
