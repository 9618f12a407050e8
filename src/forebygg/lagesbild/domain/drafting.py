"""Draft the mapping part of a lägesbild from the imported statistics.

The result is a snapshot (figures with their source, period and formula, facts, tables) that
is stored with the version, so a decided lägesbild never changes under its readers.
"""

from __future__ import annotations

import polars as pl

from forebygg.core.citation import cited_source
from forebygg.core.formatting import format_number, format_percent
from forebygg.geo.enums import AreaKind
from forebygg.geo.models import POLICE_AREA_KINDS, Area, Kommun, KommunGroupMembership
from forebygg.lagesbild.domain import charts
from forebygg.stats.analysis import DEFAULT_SUPPRESSION_THRESHOLD, EB_EXPLANATION, suppress_count
from forebygg.stats.importers import bra_kommun
from forebygg.stats.models import DataSource
from forebygg.stats.national import indicator_table
from forebygg.stats.reference_sources import BOUNDARIES

YEARS_SHOWN = 10
MAIN_CATEGORIES = ["person", "theft", "burglary", "vandalism", "drugs_weapons"]
CATEGORY_NAMES = {key: names[0] for key, names in bra_kommun.CATEGORIES.items()}
# Written into a fact wherever a smoothed (empirical Bayes) value is shown; the explanation of
# smoothing is given once, and only where this phrase is (see `smoothing_note`).
SMOOTHED_PHRASE = "utjämnat värde"
RATE_FORMULA = (
    "Antal anmälda brott / folkmängd × 100 000. Folkmängden är den Brå använt "
    "(härledd ur Brå:s antal och antal per 100 000 för totalt antal brott). Län, riket och "
    "liknande kommuner: summan av antalen delad med summan av folkmängderna."
)


def has_crime_statistics() -> bool:
    return indicator_table().height > 0


def _percent(value: float | None) -> str:
    """A change's size without its sign: the sentence says "ökning" or "minskning"."""
    return format_percent(None if value is None else abs(value))


def _and(items) -> str:
    """ "a, b och c": the drafted text is Swedish whatever the reader's language."""
    items = list(items)
    return " och ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def _too_few(count: float | None) -> bool:
    return count is not None and count < DEFAULT_SUPPRESSION_THRESHOLD


def _change_phrase(change: float | None, since: int) -> str:
    if change is None:
        return f"jämförelse med {since} saknas"
    if round(change) == 0:
        return f"oförändrat jämfört med {since}"
    word = "en ökning" if change > 0 else "en minskning"
    return f"{word} med {_percent(change)} jämfört med {since}"


def _changes_phrase(row: dict, counts: dict[int, float | None], last: int) -> str:
    """The change over one and three years; with fewer than 10 offences, the counts instead.

    A percentage of a handful of offences says more about chance than about crime: "from 3
    to 5" is an increase of 67 %. Below the suppression limit the counts are given (as
    "färre än 10"), never a percentage.
    """
    years = (last - 1, last - 3)
    if _too_few(counts.get(last)) or any(_too_few(counts.get(year)) for year in years):
        compared = [
            f"{_count_text(counts[year])} brott {year}"
            if counts.get(year) is not None
            else f"uppgift saknas {year}"
            for year in years
        ]
        return "jämfört med " + _and(compared)
    return (
        f"{_change_phrase(row['change_1'], years[0])} och "
        f"{_change_phrase(row['change_3'], years[1])}"
    )


def _level_phrase(rate: float, other: float | None, where: str) -> str:
    if other is None:
        return f"jämförelse med {where} saknas"
    word = "högre" if rate > other else "lägre" if rate < other else "lika hög"
    return f"{word} än i {where} ({format_number(other)})"


def _count_text(count: float) -> str:
    shown = suppress_count(count)
    return "färre än 10" if shown is None else format_number(shown)


def _fact(name: str, row: dict, counts: dict[int, float | None], last: int) -> str:
    rank = f"{row['lower_in_group']} av {row['others_in_group']} liknande kommuner har lägre nivå"
    text = (
        f"{name}: {format_number(row['rate'])} anmälda brott per 100 000 invånare {last} "
        f"({_count_text(row['count'])} brott), {_changes_phrase(row, counts, last)}. Nivån är "
        f"{_level_phrase(row['rate'], row['lan_rate'], 'länet')} och "
        f"{_level_phrase(row['rate'], row['riket_rate'], 'riket')}; {rank}."
    )
    if row["small_number"] and row.get("eb_rate") is not None:
        text += (
            f" Antalet är litet, så nivån är osäker; {SMOOTHED_PHRASE} "
            f"{format_number(row['eb_rate'])} per 100 000 invånare."
        )
    return text


def smoothing_note(snapshot: dict, mapping_text: str) -> str:
    """The explanation of smoothing, once: only where the text shows a smoothed value and
    does not explain it already (older versions wrote it into every small-number fact)."""
    explanation = snapshot.get("eb_explanation") or ""
    if not explanation or SMOOTHED_PHRASE not in mapping_text or explanation in mapping_text:
        return ""
    return explanation


def _series(rows: pl.DataFrame, column: str, years: list[int]) -> dict[int, float | None]:
    values = dict(zip(rows["year"].to_list(), rows[column].to_list(), strict=True))
    return {year: values.get(year) for year in years}


def build_snapshot(kommun: Kommun) -> dict:
    table = indicator_table()
    own = table.filter(pl.col("kommun") == kommun.code)
    if own.height == 0:
        return {"empty": True, "kommun": kommun.name}
    last = int(own["year"].max())
    years = [year for year in range(last - YEARS_SHOWN + 1, last + 1)]
    own = own.filter(pl.col("year").is_in(years)).sort("year")
    by_category = {
        category: own.filter(pl.col("category") == category)
        for category in ["total", *MAIN_CATEGORIES]
    }
    latest = {category: _latest_row(rows, last) for category, rows in by_category.items()}
    group = _group_of(kommun)
    source = DataSource.objects.filter(key=bra_kommun.SOURCE.key).first()
    attribution = "Källa: " + cited_source(
        source.attribution if source else bra_kommun.SOURCE.attribution
    )
    figures = [
        _trend_figure(kommun, by_category["total"], years, group, attribution),
        _category_trend_figure(kommun, by_category, years, attribution),
        _comparison_figure(kommun, latest, last, group, attribution),
        *_map_figures(kommun),
    ]
    facts_by_category = {
        category: _fact(
            CATEGORY_NAMES[category], latest[category], _counts(by_category[category]), last
        )
        for category in ["total", *MAIN_CATEGORIES]
        if latest[category]
    }
    smoothed = any(SMOOTHED_PHRASE in fact for fact in facts_by_category.values())
    return {
        "kommun": kommun.name,
        "kommun_code": kommun.code,
        "first_year": years[0],
        "last_year": last,
        "group": group,
        "figures": figures,
        "facts": list(facts_by_category.values()),
        "facts_by_category": facts_by_category,
        "sources": [_source_line(source, bra_kommun.SOURCE, f"{years[0]}–{years[-1]}")],
        "eb_explanation": EB_EXPLANATION if smoothed else "",
    }


def _counts(rows: pl.DataFrame) -> dict[int, float | None]:
    return dict(zip(rows["year"].to_list(), rows["count"].to_list(), strict=True))


def _source_line(source: DataSource | None, spec, period: str) -> str:
    """The data source as the list of sources names it: publisher, dataset and period."""
    name = source.name if source else spec.name
    attribution = source.attribution if source else spec.attribution
    return f"{cited_source(attribution)}: {name}, {period}"


def _latest_row(rows: pl.DataFrame, last: int) -> dict | None:
    match = rows.filter(pl.col("year") == last).to_dicts()
    return match[0] if match else None


def _group_of(kommun: Kommun) -> str:
    membership = (
        KommunGroupMembership.objects.filter(kommun=kommun, version=2023)
        .select_related("group")
        .first()
    )
    return f"{membership.group.code} {membership.group.name}" if membership else ""


def _figure(figure_id, title, alt, svg, attribution, period, formula, columns, rows) -> dict:
    return {
        "id": figure_id,
        "title": title,
        "alt": alt,
        "svg": svg,
        "source": attribution,
        "period": period,
        "formula": formula,
        "table": {"columns": columns, "rows": rows},
    }


def _rows_by_year(series: dict[str, dict[int, float | None]], years: list[int]) -> list[list]:
    return [
        [str(year), *[format_number(values[year]) for values in series.values()]] for year in years
    ]


def _trend_figure(kommun, rows, years, group, attribution) -> dict:
    series = {
        kommun.short_name: _series(rows, "rate", years),
        "Länet": _series(rows, "lan_rate", years),
        "Riket": _series(rows, "riket_rate", years),
        "Liknande kommuner": _series(rows, "group_rate", years),
    }
    period = f"{years[0]}–{years[-1]}"
    title = f"Anmälda brott totalt per 100 000 invånare, {period}"
    first, last = series[kommun.short_name][years[0]], series[kommun.short_name][years[-1]]
    alt = (
        f"Linjediagram: anmälda brott per 100 000 invånare i {kommun.short_name}, länet, riket "
        f"och liknande kommuner ({group}) {period}. {kommun.short_name}: "
        f"{format_number(first)} år {years[0]} och {format_number(last)} år {years[-1]}."
    )
    svg = charts.line_chart("fig-trend", title, alt, years, series)
    table_rows = _rows_by_year(series, years)
    return _figure(
        "fig-trend",
        title,
        alt,
        svg,
        attribution,
        period,
        RATE_FORMULA,
        ["År", *series.keys()],
        table_rows,
    )


def _category_trend_figure(kommun, by_category, years, attribution) -> dict:
    series = {
        CATEGORY_NAMES[category]: _series(by_category[category], "rate", years)
        for category in MAIN_CATEGORIES
    }
    period = f"{years[0]}–{years[-1]}"
    title = f"Anmälda brott per huvudkategori per 100 000 invånare i {kommun.short_name}, {period}"
    alt = (
        f"Linjediagram med en linje per brottskategori i {kommun.short_name} {period}. "
        + "; ".join(
            f"{name}: {format_number(values[years[-1]])} år {years[-1]}"
            for name, values in series.items()
        )
    )
    svg = charts.line_chart("fig-categories", title, alt, years, series, height=360)
    table_rows = _rows_by_year(series, years)
    return _figure(
        "fig-categories",
        title,
        alt,
        svg,
        attribution,
        period,
        RATE_FORMULA,
        ["År", *series.keys()],
        table_rows,
    )


def _comparison_figure(kommun, latest, last, group, attribution) -> dict:
    names = [CATEGORY_NAMES[category] for category in MAIN_CATEGORIES]

    def values(column):
        return [latest[c][column] if latest[c] else None for c in MAIN_CATEGORIES]

    groups = {
        kommun.short_name: values("rate"),
        "Länet": values("lan_rate"),
        "Riket": values("riket_rate"),
        "Liknande kommuner": values("group_rate"),
    }
    title = f"Anmälda brott per 100 000 invånare {last}: jämförelse per kategori"
    alt = (
        f"Stapeldiagram som jämför {kommun.short_name} med länet, riket och liknande kommuner "
        f"({group}) år {last}. "
        + "; ".join(
            f"{name}: {format_number(value)}"
            for name, value in zip(names, groups[kommun.short_name], strict=True)
        )
    )
    svg = charts.bar_chart("fig-compare", title, alt, names, groups)
    table_rows = [
        [name, *[format_number(series[index]) for series in groups.values()]]
        for index, name in enumerate(names)
    ]
    return _figure(
        "fig-compare",
        title,
        alt,
        svg,
        attribution,
        str(last),
        RATE_FORMULA,
        ["Kategori", *groups.keys()],
        table_rows,
    )


def _map_figures(kommun) -> list[dict]:
    if not kommun.svg_path:
        return []
    areas = list(
        Area.objects.filter(kommun=kommun, kind__in=POLICE_AREA_KINDS)
        .exclude(svg_path="")
        .select_related("source")
        .order_by("name")
    )
    shapes = [{"name": a.name, "kind": a.kind, "svg_path": a.svg_path} for a in areas]
    title = f"Karta över {kommun.short_name}" + (" med polisens utsatta områden" if areas else "")
    alt = _map_alt(kommun, areas, zoomed=charts.is_zoomed(kommun.svg_path, shapes))
    kind_labels = {kind.value: str(kind.label) for kind in AreaKind}
    svg = charts.kommun_map("fig-map", title, alt, kommun.svg_path, shapes, kind_labels)
    period = str(areas[0].list_year) if areas and areas[0].list_year else "nuvarande indelning"
    rows = [[a.name, a.get_kind_display(), str(a.list_year or "")] for a in areas]
    return [
        _figure(
            "fig-map",
            title,
            alt,
            svg,
            _map_source(areas),
            period,
            "Gränser enligt källan",
            ["Område", "Klass", "Listans år"],
            rows,
        )
    ]


def _map_alt(kommun, areas: list[Area], *, zoomed: bool) -> str:
    if not areas:
        return f"Karta över {kommun.short_name}. Polisen har inga utsatta områden här."
    listed = _and(f"{a.name} ({a.get_kind_display().lower()})" for a in areas)
    if zoomed:
        return (
            f"Karta över den del av {kommun.short_name} där polisens områden ligger: {listed}. "
            "Varje område är utmärkt med sitt namn. En mindre karta bredvid visar hela "
            "kommunen med en ram kring utsnittet."
        )
    return (
        f"Karta över {kommun.short_name} med polisens områden: {listed}. "
        "Varje område är utmärkt med sitt namn."
    )


def _map_source(areas: list[Area]) -> str:
    boundaries = DataSource.objects.filter(key=BOUNDARIES.key).first()
    parts = [
        cited_source(boundaries.attribution if boundaries else BOUNDARIES.attribution)
        + " (kommungränser)"
    ]
    police = {cited_source(a.source.attribution) for a in areas if a.source_id}
    if areas:
        parts.append(f"{', '.join(sorted(police)) or 'Polismyndigheten'} (polisens områden)")
    return "Källa: " + "; ".join(parts)
