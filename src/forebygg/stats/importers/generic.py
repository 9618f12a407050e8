"""Local data in one documented CSV layout, plus the small helpers the other importers share.

Layout (`;`-separated, UTF-8, one header row; see docs/importers.md):

    kommun;område;indikator;namn;enhet;period;värde
    0680;;trygghet-kvall;Känner sig otrygg ute på kvällen;procent;2024;23,5
    0680;0680-rosenlund;incidenter;Incidenter i skolan;antal;2024-03;14

`område` (an Area code) and `preliminär` (ja/nej) are optional columns. All rows must be for
one kommun: local data belongs to the kommun that reported it, and the indicator keys are
namespaced per kommun (`lokal.0680.trygghet-kvall`) so no upload can overwrite official
statistics or another kommun's definitions. Counts below FOREBYGG_SMALL_CELL_THRESHOLD are
stored with suppressed=True and are never shown as numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import PurePath

from django.conf import settings
from django.utils.text import slugify

from forebygg.core.domain.imports import ImportFile, LineList, csv_records
from forebygg.geo.domain.names import normalise_name, resolve_kommun
from forebygg.stats.enums import GeoLevel, PeriodType, SourceStatus, Unit
from forebygg.stats.importers.base import (
    IndicatorSpec,
    Preview,
    Row,
    SourceSpec,
    data_records,
    parse_number,
)
from forebygg.stats.models import RIKET_CODE

KIND = "generic"
LABEL = "Lokala data (Förebyggs CSV-format: kommun;område;indikator;namn;enhet;period;värde)"

# header (normalised) → canonical column
HEADER_ALIASES = {
    "kommun": "kommun",
    "kommunkod": "kommun",
    "omrade": "omrade",
    "område": "omrade",
    "områdeskod": "omrade",
    "indikator": "indikator",
    "namn": "namn",
    "enhet": "enhet",
    "period": "period",
    "varde": "varde",
    "värde": "varde",
    "preliminar": "preliminar",
    "preliminär": "preliminar",
}
REQUIRED = ["kommun", "indikator", "namn", "enhet", "period", "varde"]
SHOWN = {"omrade": "område", "varde": "värde", "preliminar": "preliminär"}

UNITS = {
    "antal": Unit.COUNT,
    "procent": Unit.PERCENT,
    "%": Unit.PERCENT,
    "per 100 000": Unit.PER_100K,
    "per 100 000 inv.": Unit.PER_100K,
    "per 100 000 invånare": Unit.PER_100K,
    "per100k": Unit.PER_100K,
    "händelser": Unit.EVENTS,
    "handelser": Unit.EVENTS,
    "värde": Unit.VALUE,
    "varde": Unit.VALUE,
    "index": Unit.VALUE,
}
COUNT_UNITS = (Unit.COUNT, Unit.EVENTS)
YES = {"ja", "j", "yes", "1", "x", "sant"}
NO = {"", "nej", "n", "no", "0", "falskt"}


# ---------------------------------------------------------------- shared helpers


@lru_cache(maxsize=8192)  # a file repeats its few keys on every row
def slug(text: str, max_length: int = 60) -> str:
    """'Mord/dråp, försök' → 'mord-drap-forsok' (ASCII, '/' separates words)."""
    return slugify((text or "").replace("/", " "))[:max_length].strip("-")


def year_in_file_name(file_name: str) -> tuple[int | None, str | None]:
    """The one four-digit year (1950–2100) in a file name, or an explanation in Swedish."""
    stem = PurePath(file_name or "").stem
    years = sorted({int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", stem)})
    years = [y for y in years if 1950 <= y <= 2100]
    if not years:
        return None, (
            f"Året framgår inte av filnamnet {file_name!r}. Döp om filen så att året ingår, "
            "t.ex. anmalda_brott_kommuner_2024.csv."
        )
    if len(years) > 1:
        listed = ", ".join(str(y) for y in years)
        return None, f"Filnamnet {file_name!r} innehåller flera årtal ({listed}); ange bara ett."
    return years[0], None


_YEAR = r"(\d{4})"
_PERIODS = [
    (re.compile(rf"^{_YEAR}$"), PeriodType.YEAR),
    (
        re.compile(rf"^{_YEAR}\s*[-–]?\s*(?:q|k|kv\.?\s*)([1-4])$", re.IGNORECASE),
        PeriodType.QUARTER,
    ),
    (re.compile(rf"^{_YEAR}\s*(?:-|–|m)\s*(\d{{1,2}})$", re.IGNORECASE), PeriodType.MONTH),
]


def parse_period(
    raw: str, preview: Preview, line: int | None, column: str = "period"
) -> tuple[str, int, int] | None:
    """'2024' → year, '2024-Q1' / '2024K1' → quarter, '2024-03' / '2024M03' → month."""
    period = _period((raw or "").strip())
    if period is not None:
        return period
    preview.error(
        line,
        f"{column} ska vara ett år (2024), ett kvartal (2024-Q1 eller 2024K1) eller en månad "
        f"(2024-03 eller 2024M03), inte {raw!r}.",
    )
    return None


@lru_cache(maxsize=8192)  # a file repeats its periods on every indicator
def _period(text: str) -> tuple[str, int, int] | None:
    for pattern, period_type in _PERIODS:
        match = pattern.match(text)
        if not match:
            continue
        year = int(match.group(1))
        number = int(match.group(2)) if period_type != PeriodType.YEAR else 0
        if not 1950 <= year <= 2100:
            return None
        if period_type == PeriodType.MONTH and not 1 <= number <= 12:
            return None
        return period_type, year, number
    return None


RIKET_NAMES = {"riket", "hela landet", "sverige", "hela riket", "totalt", "samtliga kommuner"}


class RegionResolver:
    """Region labels in published files → (geo level, code).

    '0680', '0680 Jönköping', 'Jönköpings kommun' → kommun; '06', '06 Jönköpings län',
    'Jönköpings län' → län; '00', 'Riket', 'Hela landet' → riket. Unknown → None.
    """

    def __init__(self) -> None:
        from forebygg.geo.models import Lan

        self.lan_codes: set[str] = set()
        self.lan_names: dict[str, str] = {}
        for code, name in Lan.objects.values_list("code", "name"):
            self.lan_codes.add(code)
            self.lan_names[normalise_name(name)] = code

    def resolve(self, label: str) -> tuple[str, str] | None:
        text = (label or "").strip()
        match = re.match(r"^(\d{4}|\d{2})(?:\s+.*)?$", text)
        if match:
            code = match.group(1)
            if len(code) == 4:
                resolved = resolve_kommun(code)
                return (GeoLevel.KOMMUN, resolved) if resolved else None
            if code == "00":
                return GeoLevel.RIKET, RIKET_CODE
            return (GeoLevel.LAN, code) if code in self.lan_codes else None
        key = normalise_name(text)
        if key in RIKET_NAMES:
            return GeoLevel.RIKET, RIKET_CODE
        if key in self.lan_names:
            return GeoLevel.LAN, self.lan_names[key]
        code = resolve_kommun(text)
        return (GeoLevel.KOMMUN, code) if code else None


def warn_lines(preview: Preview, message: str, lines: Iterable, shown: int = 15) -> None:
    """One warning for many rows: 'message: rad 3, 5, 9 … (och 12 till)'.

    `lines` is a list or a `LineList` (which keeps only the first lines of a long file).
    """
    if isinstance(lines, LineList):
        count, lines = lines.count, lines.lines
    else:
        lines = list(lines)
        count = len(lines)
    if not count:
        return
    listed = ", ".join(str(line) for line in lines[:shown])
    more = f" … och {count - shown} till" if count > shown else ""
    preview.warn(None, f"{message} ({count} st): {listed}{more}.")


def header_error(preview: Preview, found: list[str], expected: list[str], delimiter: str) -> None:
    """Explain a header that does not fit, naming a likely wrong delimiter."""
    text = delimiter.join(found)
    names = {";": "semikolon (;)", ",": "komma (,)", "\t": "tabb"}
    others = [d for d in names if d != delimiter and d in text]
    hint = (
        f" Filen verkar vara avgränsad med {names[others[0]]}; den ska vara avgränsad med "
        f"{names[delimiter]}."
        if len(found) <= 1 and others
        else ""
    )
    preview.error(
        1,
        f"rubrikraden ska innehålla kolumnerna {', '.join(expected)} (avgränsade med "
        f"{names[delimiter]}), men innehåller {found!r}.{hint}",
    )


# ---------------------------------------------------------------- the generic importer


def parse(file: ImportFile, preview: Preview) -> None:
    reader = csv_records(file, preview, delimiter=";")
    if reader is None:
        return
    header = next(reader, None)
    if not header:
        preview.error(None, "Filen är tom.")
        return
    columns = [HEADER_ALIASES.get(cell.strip().casefold(), "") for cell in header]
    missing = [SHOWN.get(c, c) for c in REQUIRED if c not in columns]
    if missing:
        expected = ["kommun", "område (valfri)", "indikator", "namn", "enhet", "period", "värde"]
        header_error(preview, header, expected, ";")
        reader.close()
        return
    state = _State()
    for line, record in data_records(reader, header, preview, "avgränsa med semikolon ;"):
        values = {column: cell.strip() for column, cell in zip(columns, record, strict=True)}
        _parse_record(values, line, preview, state)
    _finish(preview, state, file.name)


class _State:
    def __init__(self) -> None:
        self.kommuner: dict[str, int] = {}
        self.specs: dict[str, tuple[int, str, str]] = {}
        self.small = LineList()
        self.missing = LineList()
        self.areas: dict[str, str] | None = None

    def area_kommun(self, code: str) -> str | None:
        if self.areas is None:
            from forebygg.geo.models import Area

            self.areas = dict(Area.objects.values_list("code", "kommun__code"))
        return self.areas.get(code)


def _parse_record(values: dict, line: int, preview: Preview, state: _State) -> None:
    errors_before = preview.error_count
    kommun = resolve_kommun(values["kommun"])
    if kommun is None:
        preview.error(line, f"okänd kommun {values['kommun']!r} (ange kommunkod, t.ex. 0680).")
    else:
        state.kommuner.setdefault(kommun, line)
    area = values.get("omrade", "")
    if area and kommun:
        area_kommun = state.area_kommun(area)
        if area_kommun is None:
            preview.error(line, f"okänt område {area!r} (ange områdets kod).")
        elif area_kommun != kommun:
            preview.error(line, f"området {area!r} ligger inte i kommun {kommun}.")
    indicator = slug(values["indikator"], 60)
    if not indicator:
        preview.error(line, "indikator saknas (ange en kort nyckel, t.ex. trygghet-kvall).")
    if not values["namn"]:
        preview.error(line, "namn saknas (indikatorns namn på svenska).")
    unit = UNITS.get(values["enhet"].casefold())
    if unit is None:
        preview.error(
            line,
            f"okänd enhet {values['enhet']!r}; välj antal, procent, per 100 000, "
            "händelser eller värde.",
        )
    period = parse_period(values["period"], preview, line)
    preliminary = values.get("preliminar", "").casefold()
    if preliminary not in YES | NO:
        preview.error(line, f"preliminär ska vara ja eller nej, inte {values['preliminar']!r}.")
    value = _parse_value(values["varde"], unit, preview, line, state)
    if preview.error_count > errors_before or kommun is None or unit is None or period is None:
        return
    if value is None:
        state.missing.append(line)
        return
    key = f"lokal.{kommun}.{indicator}"
    seen = state.specs.get(key)
    if seen is None:
        spec = IndicatorSpec(
            key=key,
            name_sv=values["namn"][:200],
            name_en=values["namn"][:200],
            unit=unit,
            formula="Lokal uppgift som kommunen själv har rapporterat",
        )
        if not preview.add_indicator(spec, line):
            return
        seen = state.specs[key] = (line, values["namn"], unit)
    if seen[1:] != (values["namn"], unit):
        preview.error(
            line,
            f"indikatorn {values['indikator']!r} har ett annat namn eller en annan enhet än "
            f"på rad {seen[0]}.",
        )
        return
    suppressed = unit in COUNT_UNITS and value < settings.FOREBYGG_SMALL_CELL_THRESHOLD
    if suppressed:
        state.small.append(line)
    period_type, year, number = period
    preview.add(
        Row(
            line,
            key,
            GeoLevel.AREA if area else GeoLevel.KOMMUN,
            area or kommun,
            year,
            value,
            period_type=period_type,
            period_number=number,
            preliminary=preliminary in YES,
            suppressed=suppressed,
        )
    )


def _parse_value(raw: str, unit, preview: Preview, line: int, state: _State) -> float | None:
    if raw == "":
        preview.error(line, "värde saknas (skriv .. om uppgiften saknas).")
        return None
    value = parse_number(raw, preview, line, "värde")
    if value is None:
        return None
    if value < 0 and unit != Unit.VALUE:
        preview.error(line, f"värde får inte vara negativt ({raw}).")
        return None
    if unit in COUNT_UNITS and not float(value).is_integer():
        preview.error(line, f"värde ska vara ett heltal när enheten är antal, inte {raw!r}.")
        return None
    if unit == Unit.PERCENT and value > 100:
        preview.error(line, f"värde i procent kan inte vara över 100 ({raw}).")
        return None
    return value


def _finish(preview: Preview, state: _State, file_name: str) -> None:
    if len(state.kommuner) > 1:
        listed = ", ".join(f"{code} (rad {line})" for code, line in state.kommuner.items())
        preview.error(
            None,
            f"Filen innehåller flera kommuner: {listed}. Lokala data läses in en kommun i taget.",
        )
    preview.check_duplicates()
    warn_lines(preview, "Värden som saknas ('..') hoppades över på rad", state.missing)
    threshold = settings.FOREBYGG_SMALL_CELL_THRESHOLD
    warn_lines(
        preview,
        f"Antal under {threshold} sparas som skyddade och visas aldrig som tal, rad",
        state.small,
    )
    if not state.kommuner:
        return
    kommun = next(iter(state.kommuner))
    name = _kommun_name(kommun)
    if preview.row_count:
        preview.extra["kommun"] = kommun
    years = sorted(preview.years)
    span = f"{years[0]}–{years[-1]}" if years else ""
    preview.source = SourceSpec(
        key=f"lokal-{kommun}-{slug(PurePath(file_name).stem, 60)}"[:80],
        name=f"Lokala data: {file_name}"[:200],
        publisher=f"{name} (lokal uppgift)",
        licence="Lokal uppgift; används i kommunens eget brottsförebyggande arbete",
        attribution=f"Källa: {name} (lokal uppgift)",
        coverage=f"{len(preview.indicators)} indikatorer, {span}",
        status=SourceStatus.LOCAL,
    )


def _kommun_name(code: str) -> str:
    from forebygg.geo.models import Kommun

    name = Kommun.objects.filter(code=code).values_list("name", flat=True).first()
    return name or f"Kommun {code}"
