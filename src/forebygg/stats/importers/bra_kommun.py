"""Brå's per-kommun series 1996–2025, six categories, counts and Brå's own rates (SOL)."""

from __future__ import annotations

from forebygg.core.domain.imports import ImportFile, csv_dict_records, csv_records
from forebygg.geo.domain.names import resolve_kommun
from forebygg.stats.enums import Direction, GeoLevel, SourceStatus, Unit
from forebygg.stats.importers.base import (
    IndicatorSpec,
    Preview,
    Row,
    SourceSpec,
    parse_count,
    parse_year,
)

KIND = "bra-kommun"
LABEL = "Brå: anmälda brott per kommun (serie 1996–2025, sex kategorier)"
DEFAULT_FILE = "bra_kommun/bra_anmalda_brott_kommun_1996_2025.csv"
COLUMNS = ["kommun_code", "kommun_name", "year", "category", "count", "per_100k"]

# category key → (Swedish name, English name, parent category, origin)
CATEGORIES = {
    "total": ("Totalt antal anmälda brott", "All reported offences", "", "official"),
    "person": (
        "Brott mot person (3–7 kap. BrB)",
        "Offences against the person",
        "total",
        "official",
    ),
    "theft": ("Stöld, rån m.m. (8 kap. BrB)", "Theft, robbery etc.", "total", "official"),
    "burglary": ("Stöld genom inbrott i bostad", "Residential burglary", "theft", "official"),
    "vandalism": ("Skadegörelsebrott (12 kap. BrB)", "Criminal damage", "total", "official"),
    "drugs_weapons": (
        "Narkotika- och vapenbrott",
        "Drug and weapons offences",
        "total",
        "aggregated",
    ),
}

SOURCE = SourceSpec(
    key="bra-sol-kommun-1996-2025",
    name="Anmälda brott per kommun 1996–2025 (Brå, SOL)",
    publisher="Brottsförebyggande rådet (Brå), statistikdatabasen SOL, via am-dashboard-se",
    licence="Brå:s statistik får återanvändas fritt; ange källa",
    attribution="Källa: Brå (SOL), via am-dashboard-se",
    coverage="290 kommuner, 1996–2025, sex brottskategorier",
    status=SourceStatus.OFFICIAL,
)


def count_key(category: str) -> str:
    return f"bra.anmalda.{category}"


def rate_key(category: str) -> str:
    return f"bra.anmalda.{category}.per100k"


def indicator_specs() -> dict[str, IndicatorSpec]:
    specs = {}
    for category, (name_sv, name_en, parent, origin) in CATEGORIES.items():
        summed = " (summa av narkotika- och vapenbrott)" if origin == "aggregated" else ""
        specs[count_key(category)] = IndicatorSpec(
            key=count_key(category),
            name_sv=f"{name_sv}, antal",
            name_en=f"{name_en}, number",
            unit=Unit.COUNT,
            formula=f"Antal anmälda brott under året i kategorin{summed}",
            direction=Direction.LOWER_IS_BETTER,
            category=category,
            parent_category=parent,
            counts_crimes=True,
        )
        specs[rate_key(category)] = IndicatorSpec(
            key=rate_key(category),
            name_sv=f"{name_sv}, per 100 000 invånare (Brå)",
            name_en=f"{name_en}, per 100,000 inhabitants (Brå)",
            unit=Unit.PER_100K,
            formula="Antal anmälda brott / folkmängd × 100 000, som Brå publicerar det (SOL)",
            direction=Direction.LOWER_IS_BETTER,
            category=category,
            parent_category=parent,
            counts_crimes=True,
        )
    return specs


def parse(file: ImportFile, preview: Preview) -> None:
    preview.source = SOURCE
    records = csv_records(file, preview)
    if records is None:
        return
    reader = csv_dict_records(records)
    missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        preview.error(
            None, f"Kolumnerna {', '.join(missing)} saknas. Väntade: {', '.join(COLUMNS)}."
        )
        records.close()
        return
    preview.indicators = indicator_specs()
    for line, record in enumerate(reader, start=2):
        if None in record or None in record.values():
            preview.error(
                line,
                f"raden har fel antal fält; rubrikraden har {len(reader.fieldnames)} "
                "(avgränsa med komma ,).",
            )
            continue
        _parse_record(record, line, preview)
    preview.check_duplicates()


def _parse_record(record: dict, line: int, preview: Preview) -> None:
    code = resolve_kommun(record["kommun_code"])
    category = record["category"]
    year = parse_year(record["year"], preview, line)
    count = parse_count(record["count"], preview, line, "count")
    rate = parse_count(record["per_100k"], preview, line, "per_100k")
    if code is None:
        preview.error(line, f"okänd kommunkod {record['kommun_code']!r}.")
    elif category not in CATEGORIES:
        preview.error(line, f"okänd brottskategori {category!r}.")
    elif year is not None:
        for key, value in ((count_key(category), count), (rate_key(category), rate)):
            preview.add(Row(line, key, GeoLevel.KOMMUN, code, year, value))
