"""Brå's yearly open file "Anmälda brott i kommunerna" (one year, all kommuner, total only).

The file is `;`-separated UTF-8 with BOM, header `Kommun;Antal;Per 100 000 inv.` (the 2021
file has no header), names like "Ale kommun", genitive forms ("Arjeplogs kommun") and in
some years rows for city districts. The year is not in the file: it is read from the file
name (anmalda_brott_kommuner_2024.csv); a file name without exactly one year is an error.

Names:
- a kommun name or code → the kommun's observation (indicators shared with bra-kommun:
  bra.anmalda.total and bra.anmalda.total.per100k);
- "Hela landet" / "Riket" → the national observation (geo level riket);
- a city district ("Stockholm: Norrmalm", or a known stadsdelsområde such as
  "Spånga-Tensta") → a warning and the row is skipped: districts are not kommuner and Brå's
  district figures do not map onto any Area we hold;
- any other name → an error naming it; nothing is written.
"""

from __future__ import annotations

from forebygg.core.domain.imports import ImportFile, LineList, csv_records
from forebygg.geo.domain.names import normalise_name, resolve_kommun
from forebygg.stats.enums import GeoLevel, SourceStatus
from forebygg.stats.importers import bra_kommun
from forebygg.stats.importers.base import (
    Preview,
    Row,
    SourceSpec,
    parse_count,
    parse_number,
)
from forebygg.stats.importers.generic import RIKET_NAMES, warn_lines, year_in_file_name
from forebygg.stats.models import RIKET_CODE

KIND = "bra-csv"
LABEL = "Brå: Anmälda brott i kommunerna (årsfil, CSV med semikolon, året i filnamnet)"
HEADER = ["Kommun", "Antal", "Per 100 000 inv."]
CATEGORY = "total"
MISSING = ("..", ".", "-", "–")
UNKNOWN_NAMES_LISTED = 200

# Stadsdelsområden / stadsdelsnämnder (current and former names) → their kommun.
DISTRICTS = {
    "0180": [
        "Rinkeby-Kista",
        "Spånga-Tensta",
        "Hässelby-Vällingby",
        "Bromma",
        "Kungsholmen",
        "Norrmalm",
        "Östermalm",
        "Södermalm",
        "Enskede-Årsta-Vantör",
        "Skarpnäck",
        "Farsta",
        "Älvsjö",
        "Hägersten-Liljeholmen",
        "Hägersten-Älvsjö",
        "Skärholmen",
    ],
    "1480": [
        "Angered",
        "Östra Göteborg",
        "Örgryte-Härlanda",
        "Centrum",
        "Majorna-Linné",
        "Askim-Frölunda-Högsbo",
        "Västra Göteborg",
        "Västra Hisingen",
        "Lundby",
        "Norra Hisingen",
    ],
}
_DISTRICT_KOMMUN = {
    normalise_name(name): kommun for kommun, names in DISTRICTS.items() for name in names
}


def indicator_specs() -> dict:
    specs = bra_kommun.indicator_specs()
    keys = (bra_kommun.count_key(CATEGORY), bra_kommun.rate_key(CATEGORY))
    return {key: specs[key] for key in keys}


def source_for(year: int) -> SourceSpec:
    return SourceSpec(
        key=f"bra-anmalda-brott-kommunerna-{year}",
        name=f"Anmälda brott i kommunerna {year} (Brå)",
        publisher="Brottsförebyggande rådet (Brå)",
        licence="Brå:s statistik får återanvändas fritt; ange källa",
        attribution="Källa: Brå, Anmälda brott i kommunerna",
        coverage=f"Kommuner, {year}, totalt antal anmälda brott",
        status=SourceStatus.OFFICIAL,
    )


def district_kommun(name: str) -> str | None:
    """The kommun a city-district label belongs to, or None if it is not a district."""
    if ":" in name:
        return resolve_kommun(name.split(":", 1)[0])
    key = normalise_name(name)
    for suffix in (" stadsdelsområde", " stadsdelsnämnd", " stadsdel"):
        key = key.removesuffix(suffix)
    return _DISTRICT_KOMMUN.get(key)


def parse(file: ImportFile, preview: Preview) -> None:
    year, problem = year_in_file_name(file.name)
    if problem:
        preview.error(None, problem)
    reader = csv_records(file, preview, delimiter=";")
    if reader is None or year is None:
        if reader is not None:
            reader.close()
        return
    preview.source = source_for(year)
    preview.indicators = indicator_specs()
    unknown: list[tuple[int, str]] = []
    unknown_count = 0
    missing = LineList()
    first = True
    for record in reader:
        line = reader.line_num
        cells = [cell.strip() for cell in record]
        while cells and cells[-1] == "":
            cells.pop()
        if not cells:
            continue
        if first:
            first = False
            if _looks_like_header(cells):
                if [c.casefold() for c in cells] != [c.casefold() for c in HEADER]:
                    _wrong_header(cells, line, preview)
                continue
        if len(cells) != 3:
            _wrong_width(cells, line, preview)
            continue
        name, count_raw, rate_raw = cells
        values = {}
        for key, raw, column, parser in (
            (bra_kommun.count_key(CATEGORY), count_raw, "Antal", parse_count),
            (bra_kommun.rate_key(CATEGORY), rate_raw, "Per 100 000 inv.", _parse_rate),
        ):
            if raw == "":
                preview.error(line, f"{column} saknas (skriv .. om uppgiften saknas).")
            elif raw in MISSING:
                missing.append(line)
            else:
                values[key] = parser(raw, preview, line, column)
        place = _place(name)
        if place is None:
            if district_kommun(name):
                preview.warn(line, f"{name!r} är en stadsdel, inte en kommun; raden hoppas över.")
            else:
                unknown_count += 1
                if len(unknown) < UNKNOWN_NAMES_LISTED:
                    unknown.append((line, name))
            continue
        geo_level, code = place
        for key, value in values.items():
            if value is not None:
                preview.add(Row(line, key, geo_level, code, year, value))
    for line, name in unknown:
        preview.error(line, f"okänt kommunnamn {name!r}.")
    if unknown:
        names = ", ".join(repr(name) for _line, name in unknown)
        more = f" … och {unknown_count - len(unknown)} till" if unknown_count > len(unknown) else ""
        preview.error(
            None, f"{unknown_count} namn kunde inte kopplas till en kommun: {names}{more}."
        )
    warn_lines(preview, "Värden som saknas ('..') hoppades över på rad", missing)
    preview.check_duplicates()


def _looks_like_header(cells: list[str]) -> bool:
    first = cells[0].casefold()
    if first == "kommun" or first.startswith(("kommun,", "kommun\t")):
        return True
    return len(cells) > 1 and cells[1].casefold().startswith("antal")


def _wrong_header(cells: list[str], line: int, preview: Preview) -> None:
    found = ";".join(cells)
    hint = ""
    if len(cells) == 1 and ("," in found or "\t" in found):
        hint = " Filen verkar vara avgränsad med komma eller tabb; den ska använda semikolon (;)."
    preview.error(line, f"rubrikraden ska vara {';'.join(HEADER)}, inte {found!r}.{hint}")


def _wrong_width(cells: list[str], line: int, preview: Preview) -> None:
    joined = ";".join(cells)
    if len(cells) == 1 and ("," in joined or "\t" in joined):
        preview.error(
            line,
            "raden ska ha tre fält avgränsade med semikolon (Kommun;Antal;Per 100 000 inv.), "
            "men verkar vara avgränsad med komma eller tabb.",
        )
    else:
        preview.error(
            line,
            f"raden ska ha tre fält (Kommun;Antal;Per 100 000 inv.), men har {len(cells)}.",
        )


def _place(name: str) -> tuple[str, str] | None:
    if normalise_name(name) in RIKET_NAMES:
        return GeoLevel.RIKET, RIKET_CODE
    code = resolve_kommun(name)
    return (GeoLevel.KOMMUN, code) if code else None


def _parse_rate(raw: str, preview: Preview, line: int, column: str) -> float | None:
    value = parse_number(raw, preview, line, column)
    if value is not None and value < 0:
        preview.error(line, f"{column} får inte vara negativt ({raw}).")
        return None
    return value
