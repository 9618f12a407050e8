"""A lägesbild decided as the rules require: the parts the law requires written, and a decision
date, a body and a diarienummer (the decision date in the past, before the plans' dates)."""

from datetime import date

from forebygg.lagesbild.domain import decide_lagesbild, is_written, update_section
from forebygg.lagesbild.models import REQUIRED_PARTS, Lagesbild

DECIDED_ON = date(2026, 3, 2)
REFERENCE = "KS 2026/14"
OWN_TEXT = {
    "mapping": "Inbrotten i villaområdena har ökat de senaste tre åren.",
    "consequences": "Inbrotten skapar otrygghet och kostar de drabbade.",
    "context": "Nya bostadsområden byggs i söder; polisen pekar inte ut några områden.",
    "analysis": "Bostadsinbrotten föreslås som problem för åtgärdsplanen.",
}


def write_required_parts(lagesbild: Lagesbild, *, by) -> Lagesbild:
    """Write every required part that still holds only the starting text."""
    for key in REQUIRED_PARTS:
        if not is_written(lagesbild, key):
            update_section(lagesbild, key=key, text=OWN_TEXT[key], by=by)
    return lagesbild


def decide_written(
    lagesbild: Lagesbild,
    *,
    by,
    body: str = "Kommunstyrelsen",
    decided_on: date = DECIDED_ON,
    reference: str = REFERENCE,
) -> Lagesbild:
    """Write the required parts, then decide the version."""
    write_required_parts(lagesbild, by=by)
    return decide_lagesbild(lagesbild, by=by, body=body, decided_on=decided_on, reference=reference)
