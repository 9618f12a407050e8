"""Project WGS 84 boundaries into SVG paths for the server-rendered map.

A sinusoidal projection centred on 15° E (SWEREF 99 TM's central meridian) keeps
Sweden's shape and areas close to true at kommun scale without a GIS dependency.
One SVG unit is one kilometre.
"""

import math
import re

KM_PER_DEGREE = 111.32
CENTRAL_MERIDIAN = 15.0
NORTH_EDGE = 69.2
# x from about -270 (Skåne's west coast) to 440 (Haparanda); y from 0 to about 1550 (Smygehuk).
VIEWBOX = (-280, -10, 730, 1580)


def project(lon: float, lat: float) -> tuple[float, float]:
    x = (lon - CENTRAL_MERIDIAN) * KM_PER_DEGREE * math.cos(math.radians(lat))
    y = (NORTH_EDGE - lat) * KM_PER_DEGREE
    return x, y


def _ring_to_path(ring: list[list[float]]) -> str:
    parts: list[str] = []
    previous = None
    for lon, lat in ring:
        x, y = project(lon, lat)
        point = f"{x:.1f} {y:.1f}"
        if point != previous:
            parts.append(point)
            previous = point
    if len(parts) < 3:
        return ""
    return "M" + "L".join(parts) + "Z"


def geometry_to_svg_path(geometry: dict) -> str:
    """Polygon or MultiPolygon → one SVG path (holes drawn with the even-odd rule)."""
    if geometry["type"] == "Polygon":
        polygons = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        raise ValueError(f"Geometritypen {geometry['type']} stöds inte")
    return "".join(_ring_to_path(ring) for polygon in polygons for ring in polygon)


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def viewbox_around(paths: list[str], margin: float = 5.0) -> str:
    """The SVG viewBox that frames the given paths (e.g. one län's kommuner)."""
    numbers = [float(n) for path in paths for n in _NUMBER.findall(path)]
    if len(numbers) < 2:
        return " ".join(str(number) for number in VIEWBOX)
    xs, ys = numbers[0::2], numbers[1::2]
    left, top = min(xs) - margin, min(ys) - margin
    width, height = max(xs) - left + margin, max(ys) - top + margin
    return f"{left:.0f} {top:.0f} {width:.0f} {height:.0f}"


def bounds(paths: list[str]) -> tuple[float, float, float, float] | None:
    """(left, top, right, bottom) of the given paths in projected km; None when they are empty."""
    numbers = [float(n) for path in paths for n in _NUMBER.findall(path)]
    if len(numbers) < 2:
        return None
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)
