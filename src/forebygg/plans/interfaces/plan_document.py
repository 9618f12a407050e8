"""The åtgärdsplan as a decision document (§ 5): tagged PDF/UA and editable Word, one content.

For the body that decides the plan: the background from the lägesbild, the prioritised
problems and their causes, and every measure with the cause it addresses, who does it with
whom, how, when, at what cost and with which targets. A decided plan is read from the content
frozen at the decision, so the document shows what was decided.

What the reader may not see stays out: the problems' own texts and the lägesbild are shown only
when the caller passes them from the reader's visible rows (`problems`, `lagesbild`).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from forebygg.core.documents import Block, Document
from forebygg.core.formatting import format_number
from forebygg.lagesbild.domain import is_written
from forebygg.lagesbild.models import SECTIONS, Lagesbild
from forebygg.plans.enums import Priority
from forebygg.plans.interfaces.chain import (
    ProblemLink,
    chain_of,
    content_of,
    measure_name,
    source_text,
    value_on,
)
from forebygg.plans.models import Plan, Problem

BACKGROUND_SECTIONS = ("analysis", "q_why", "q_meaning")
LAW = "lag (2023:196) om kommuners ansvar för brottsförebyggande arbete"


def plan_document(plan: Plan, *, problems=None, lagesbild: Lagesbild | None = None) -> Document:
    """`problems`: the reader's visible problems of the kommun; `lagesbild`: the plan's
    lägesbild if the reader may see it. Without them the document says only what the plan holds.
    """
    content = content_of(plan)
    chain, unlinked = chain_of(content["measures"])
    known = _problems_by_title(problems, [link.title for link in chain])
    blocks = [
        *_decision_blocks(plan, content),
        *_background_blocks(plan, content, lagesbild),
        Block("h2", "Prioriterade problem och deras orsaker"),
        *_problem_blocks(chain, known),
        *_unprioritised_blocks(plan, problems, known),
        Block("h2", "Åtgärder"),
        *_unlinked_blocks(unlinked),
        *(block for measure in content["measures"] for block in _measure_blocks(measure)),
        Block("h2", "Sammanställning"),
        _summary_table(content["measures"]),
        Block("h2", "Uppföljning"),
        Block(
            "p",
            "Planen följs upp minst vartannat år (§ 6). Varje åtgärds ansvariga rapporterar "
            "status, och målen följs mot utgångsvärdena ovan: indikatorer ur statistiken hämtas "
            "automatiskt, lokala indikatorer mäts och förs in av kommunen.",
        ),
    ]
    return Document(f"Åtgärdsplan för {content['kommun']}", blocks)


def _unlinked_blocks(unlinked: list[dict]) -> list[Block]:
    if not unlinked:
        return []
    names = ", ".join(measure_name(measure) for measure in unlinked)
    return [Block("p", f"Åtgärder som inte är kopplade till någon orsak: {names}.")]


def _decision_blocks(plan: Plan, content: dict) -> list[Block]:
    intro = f"{content['title']}, version {plan.number}. Åtgärdsplan enligt § 5 {LAW}."
    if not plan.is_decided:
        return [
            Block("p", intro),
            Block("p", "Förslag till beslut (utkast). Innehållet kan ändras till dess planen "
                       "beslutas."),
        ]  # fmt: skip
    blocks = [
        Block("p", intro),
        Block(
            "fields",
            rows=[
                ["Beslutande organ", content["decided_body"] or plan.decided_body],
                ["Beslutsdatum", content["decided_on"] or f"{plan.decided_on:%Y-%m-%d}"],
                ["Diarienummer", content["reference"] or plan.reference],
            ],
        ),
    ]
    if plan.content_hash:
        blocks.append(Block("p", f"Kontrollsumma för det beslutade innehållet (SHA-256): "
                                 f"{plan.content_hash}"))  # fmt: skip
    return blocks


def _background_blocks(plan: Plan, content: dict, lagesbild: Lagesbild | None) -> list[Block]:
    number = content.get("lagesbild", {}).get("number") or plan.lagesbild.number
    blocks = [Block("h2", "Bakgrund: lägesbilden")]
    if lagesbild is None:
        return [*blocks, Block("p", f"Planen bygger på lägesbild version {number}.")]
    if lagesbild.is_decided:
        decided = f"fastställd {lagesbild.decided_at:%Y-%m-%d} av {lagesbild.decided_by_body}"
    else:
        decided = "som ännu inte är fastställd"
    labels = dict(SECTIONS)
    written = [key for key in BACKGROUND_SECTIONS if is_written(lagesbild, key)]
    blocks.append(
        Block(
            "p",
            f"Planen bygger på lägesbild version {number}, {decided}, med statistik "
            f"{lagesbild.first_year}–{lagesbild.last_year} (§ 4)."
            + (" Ur lägesbilden:" if written else ""),
        )
    )
    for key in written:
        blocks += [Block("h3", str(labels[key])), Block("rich", lagesbild.section_text(key))]
    return blocks


def _problems_by_title(problems, titles: list[str]) -> dict[str, Problem]:
    if problems is None:
        return {}
    found = problems.filter(title__in=titles).prefetch_related("sources").order_by("pk")
    by_title: dict[str, Problem] = {}
    for problem in found:
        by_title.setdefault(problem.title, problem)
    return by_title


def _problem_blocks(chain: list[ProblemLink], known: dict[str, Problem]) -> list[Block]:
    if not chain:
        return [Block("p", "Ingen åtgärd i planen är kopplad till ett problem ännu.")]
    blocks = []
    for link in chain:
        blocks.append(Block("h3", link.title))
        problem = known.get(link.title)
        if problem:
            blocks += _problem_facts(problem)
        blocks.append(
            Block(
                "table",
                caption=f"Orsaker till problemet och åtgärderna mot dem: {link.title}",
                header=["Orsak", "Perspektiv", "Åtgärder"],
                rows=[
                    [
                        cause.text,
                        cause.perspective,
                        "\n".join(measure_name(m) for m in cause.measures),
                    ]
                    for cause in link.causes
                ],  # fmt: skip
            )
        )
    return blocks


def _problem_facts(problem: Problem) -> list[Block]:
    priority = str(problem.get_priority_display())
    if problem.priority_reason:
        priority += f": {problem.priority_reason}"
    blocks = [Block("p", f"Prioritering: {priority}")]
    if problem.description:
        blocks.append(Block("rich", problem.description))
    evidence = [problem.evidence_text] if problem.evidence_text else []
    sources = sorted(source_text(source.attribution) for source in problem.sources.all())
    if sources:
        evidence.append("Källor: " + "; ".join(sources) + ".")
    if evidence:
        blocks.append(Block("p", "Underlag: " + " ".join(evidence)))
    return blocks


def _unprioritised_blocks(plan: Plan, problems, known: dict[str, Problem]) -> list[Block]:
    """A draft names the prioritised problems no measure addresses yet: a gap to decide on."""
    if plan.is_decided or problems is None:
        return []
    missing = problems.filter(priority=Priority.PRIORITISED).exclude(
        title__in=list(known)
    ).order_by("title")  # fmt: skip
    if not missing:
        return []
    return [
        Block("h3", "Prioriterade problem utan åtgärd i planen"),
        Block("p", "\n".join(problem.title for problem in missing)),
    ]


def _measure_blocks(measure: dict) -> list[Block]:
    blocks = [
        Block("h3", measure_name(measure)),
        Block("fields", rows=_measure_fields(measure)),
    ]
    for label, text in (("Genomförande", measure["description"]),
                        ("Förväntad effekt", measure["expected_effect"])):  # fmt: skip
        if text:
            blocks += [Block("h4", label), Block("rich", text)]
    if not measure["targets"]:
        return [*blocks, Block("p", "Åtgärden saknar mål och indikator.")]
    blocks.append(
        Block(
            "table",
            caption=f"Mål för {measure_name(measure)}",
            header=["Indikator", "Utgångsvärde", "Mål", "Källa"],
            rows=[
                [
                    t["indicator"],
                    value_on(*t["baseline"]),
                    value_on(*t["target"]),
                    source_text(t["source"]),
                ]
                for t in measure["targets"]
            ],  # fmt: skip
        )
    )
    return blocks


def _measure_fields(measure: dict) -> list[list[str]]:
    causes = "\n".join(f"{c['problem']}: {c['cause']}" for c in measure["causes"])
    method = [measure["library_method"]["name"]] if measure.get("library_method") else []
    if measure["method"]:
        method.append(measure["method"])
    return [
        ["Orsak som åtgärden angriper", causes or "Ingen orsak angiven"],
        ["Ansvarig", measure["owner"] or "Saknas"],
        ["Samverkansparter", ", ".join(measure["partners"]) or "–"],
        ["Typ", f"{measure['type']}, {measure['horizon'].lower()}"],
        ["Område", measure["area"]],
        ["Metod", "; ".join(method) or "–"],
        ["Period", _period(measure)],
        ["Kostnad", _cost(measure["cost"])],
        ["Finansiering", measure["funding"]],
    ]


def _period(measure: dict) -> str:
    return f"{measure['start'] or '–'} – {measure['end'] or '–'}"


def _amount(cost: str | None) -> Decimal | None:
    try:
        return Decimal(cost) if cost is not None else None
    except InvalidOperation:
        return None


def _cost(cost: str | None) -> str:
    amount = _amount(cost)
    return "–" if amount is None else f"{format_number(amount)} kr"


def _summary_table(measures: list[dict]) -> Block:
    rows = [
        [measure_name(m), m["owner"] or "Saknas", _period(m), _cost(m["cost"]), m["funding"]]
        for m in measures
    ]
    amounts = [_amount(m["cost"]) for m in measures]
    total = sum((a for a in amounts if a is not None), Decimal(0))
    rows.append(["Summa", "", "", f"{format_number(total)} kr", ""])
    return Block(
        "table",
        caption="Åtgärderna i planen med ansvar, period och kostnad",
        header=["Åtgärd", "Ansvarig", "Period", "Kostnad", "Finansiering"],
        rows=rows,
    )
