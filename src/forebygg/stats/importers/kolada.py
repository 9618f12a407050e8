"""Kolada (RKA) key figures, as the Kolada API v3 returns them.

    {"values": [{"kpi": "N07403", "municipality": "0680", "period": 2024,
                 "values": [{"gender": "T", "value": 1234.5, "status": ""}, ...]}]}

One indicator per KPI and gender: `kolada.<kpi>.<gender>` (T totalt, K kvinnor, M män).
Municipality "0000" is the whole country, "0001"–"0025" are regions (län), other codes are
kommuner. A value with status "Missing" (or null) is skipped with a warning. Errors name the
entry ("Post 3"), since JSON has no rows.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from forebygg.core.domain.imports import ImportFile
from forebygg.geo.domain.names import resolve_kommun
from forebygg.stats.enums import Direction, GeoLevel, SourceStatus, Unit
from forebygg.stats.importers.base import (
    INVALID_JSON,
    IndicatorSpec,
    Preview,
    Row,
    SourceSpec,
    load_json,
    parse_number,
    read_json_text,
    shown,
)
from forebygg.stats.importers.generic import slug, warn_lines
from forebygg.stats.models import RIKET_CODE

KIND = "kolada"
LABEL = "Kolada: nyckeltal per kommun och år (API v3, JSON)"

GENDERS = {"T": ("totalt", "total"), "K": ("kvinnor", "women"), "M": ("män", "men")}

# Titles of the crime-related KPIs the platform is known to use (from Kolada's KPI list).
KNOWN_KPIS = {
    "N07403": (
        "Anmälda våldsbrott, antal/100 000 inv",
        "Reported violent crimes per 100,000 inhabitants",
        Unit.PER_100K,
        Direction.LOWER_IS_BETTER,
    ),
}


def indicator_key(kpi: str, gender: str) -> str:
    return f"kolada.{kpi}.{gender}"


def indicator_spec(kpi: str, gender: str) -> IndicatorSpec:
    name_sv, name_en, unit, direction = KNOWN_KPIS.get(
        kpi, (f"Kolada-nyckeltal {kpi}", f"Kolada key figure {kpi}", Unit.VALUE, Direction.NEUTRAL)
    )
    gender_sv, gender_en = GENDERS[gender]
    return IndicatorSpec(
        key=indicator_key(kpi, gender),
        name_sv=f"{name_sv} ({gender_sv})",
        name_en=f"{name_en} ({gender_en})",
        unit=unit,
        formula=f"Kolada-nyckeltal {kpi} som RKA publicerar det (kön: {gender_sv})",
        direction=direction,
    )


def parse(file: ImportFile, preview: Preview) -> None:
    file_name = file.name
    text = read_json_text(file, preview)
    if text is None:
        return
    document = load_json(text, preview)
    del text
    if document is INVALID_JSON:
        return
    entries = document.get("values") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        preview.error(
            None,
            'Filen är inte ett svar från Kolada (listan "values" saknas). '
            "Spara svaret från api.kolada.se/v3/data/… som det är.",
        )
        return
    for marker in ("next_page", "next_url", "next"):
        if isinstance(document, dict) and document.get(marker):
            preview.warn(
                None,
                f"Svaret har fler sidor ({marker}); bara den här sidans värden läses in.",
            )
            break
    lan_codes = _lan_codes()
    missing: list[str] = []
    for number, entry in enumerate(entries, start=1):
        _parse_entry(number, entry, lan_codes, preview, missing)
    warn_lines(preview, "Värden som saknas i Kolada (status Missing) hoppades över", missing)
    _check_duplicates(preview)
    kpis = sorted({key.split(".")[1] for key in preview.indicators})
    years = sorted(preview.years)
    span = f"{years[0]}–{years[-1]}" if years else "inga år"
    preview.source = SourceSpec(
        key=f"kolada-{slug(PurePath(file_name).stem, 60)}"[:80],
        name=f"Kolada: {', '.join(kpis) or 'nyckeltal'} ({file_name})"[:200],
        publisher="RKA (Rådet för främjande av kommunala analyser), Kolada",
        licence="Öppna data från Kolada; se kolada.se för villkor",
        attribution="Källa: Kolada (RKA)",
        coverage=f"{len(kpis)} nyckeltal, {span}",
        status=SourceStatus.DERIVED,
    )


def _parse_entry(number: int, entry, lan_codes: set[str], preview: Preview, missing) -> None:
    def error(message: str) -> None:
        preview.error(None, f"Post {number}: {message}")

    if not isinstance(entry, dict):
        error("ska vara ett objekt med kpi, municipality, period och values.")
        return
    kpi = str(entry.get("kpi") or "").strip()
    if not re.fullmatch(r"[A-Z]\d{5}", kpi):
        error(f"kpi ska vara ett Kolada-id som N07403, inte {shown(entry.get('kpi'))}.")
        return
    municipality = str(entry.get("municipality") or "").strip()
    place = _place(municipality, lan_codes)
    period = str(entry.get("period") or "").strip()
    where = f"Post {number} ({kpi}, {municipality or '?'}, {period or '?'})"
    if place is None:
        error(f"okänd kommun eller region {shown(entry.get('municipality'))}.")
    if not (period.isdecimal() and len(period) == 4 and 1950 <= int(period) <= 2100):
        error(f"period ska vara ett årtal som 2024, inte {shown(entry.get('period'))}.")
        return
    values = entry.get("values")
    if not isinstance(values, list):
        error("values saknas eller är ingen lista.")
        return
    for value in values:
        _parse_value(value, kpi, place, int(period), number, where, preview, missing)


def _parse_value(value, kpi, place, year, number, where, preview: Preview, missing) -> None:
    if not isinstance(value, dict):
        preview.error(None, f"{where}: varje värde ska vara ett objekt med gender och value.")
        return
    gender = str(value.get("gender") or "").strip().upper()
    if gender not in GENDERS:
        found = shown(value.get("gender"))
        preview.error(None, f"{where}: gender ska vara T, K eller M, inte {found}.")
        return
    raw = value.get("value")
    status = str(value.get("status") or "").strip()
    if status.casefold() == "missing" or raw is None:
        missing.append(f"{where[0].lower()}{where[1:]} {gender}")
        return
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        preview.error(None, f"{where} {gender}: value ska vara ett tal, inte {shown(raw)}.")
        return
    errors_before = preview.error_count
    number_value = parse_number(str(raw), preview, None, f"{where} {gender}: value")
    if number_value is None:
        if preview.error_count == errors_before:
            missing.append(f"{where[0].lower()}{where[1:]} {gender}")
        return
    if number_value < 0:
        preview.error(None, f"{where} {gender}: value får inte vara negativt ({raw}).")
        return
    if place is None:
        return
    key = indicator_key(kpi, gender)
    if key in preview.indicators or preview.add_indicator(indicator_spec(kpi, gender)):
        preview.add(Row(number, key, *place, year, number_value))


def _check_duplicates(preview: Preview) -> None:
    preview.check_duplicates(
        lambda line, first: (
            f"Post {line}: dubblett av post {first} (samma nyckeltal, kön, plats och år)."
        )
    )


def _place(code: str, lan_codes: set[str]) -> tuple[str, str] | None:
    if not re.fullmatch(r"\d{4}", code):
        return None
    if code == "0000":
        return GeoLevel.RIKET, RIKET_CODE
    if code.startswith("00"):
        return (GeoLevel.LAN, code[2:]) if code[2:] in lan_codes else None
    resolved = resolve_kommun(code)
    return (GeoLevel.KOMMUN, resolved) if resolved else None


def _lan_codes() -> set[str]:
    from forebygg.geo.models import Lan

    return set(Lan.objects.values_list("code", flat=True))
