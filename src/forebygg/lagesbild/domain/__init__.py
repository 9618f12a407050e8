"""Verb-named operations on the lägesbild. Views and commands call only these."""

from __future__ import annotations

import difflib
import hashlib
import json
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from forebygg.core.domain.conflicts import check_unchanged
from forebygg.core.domain.dates import is_in_future
from forebygg.core.models import save_as
from forebygg.geo.models import Kommun
from forebygg.lagesbild.domain.drafting import build_snapshot
from forebygg.lagesbild.enums import LagesbildStatus
from forebygg.lagesbild.models import (
    REQUIRED_PARTS,
    SECTION_KEYS,
    SECTIONS,
    Lagesbild,
    ProblemCandidate,
)
from forebygg.orgs.access import can_edit_kommun
from forebygg.orgs.enums import Visibility

MAX_AGE = timedelta(days=730)  # § 6: at least every second year


def _require_coordinator(user, kommun) -> None:
    if not can_edit_kommun(user, kommun):
        raise PermissionDenied(_("Bara kommunens samordnare kan ändra lägesbilden."))


def _require_draft(lagesbild: Lagesbild) -> None:
    if lagesbild.is_decided:
        raise ValidationError(_("En fastställd lägesbild kan inte ändras. Skapa en ny version."))


def section_prompts() -> dict[str, str]:
    """The guidance text a new draft starts with, in the active language."""
    return {
        "consequences": _(
            "Beskriv brottslighetens konsekvenser: för dem som utsätts, för otryggheten i "
            "berörda områden och för kommunens och andras kostnader."
        ),
        "context": _(
            "Beskriv annan relevant information: befolkning och socioekonomi, planerade "
            "förändringar i stadsmiljön, polisens områdesklassning, skolenkäter och lokala "
            "aktörers iakttagelser."
        ),
        "analysis": _(
            "Beskriv var problemen är störst, vad som driver dem och vilka problem som "
            "föreslås för åtgärdsplanen."
        ),
    }


def _no_statistics() -> str:
    return _("Ingen brottsstatistik är inläst för kommunen ännu.")


def _starting_texts(key: str) -> set[str]:
    """What a new draft puts in the section, in every language: not the coordinator's writing."""
    texts = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            texts.add(section_prompts().get(key, ""))
            if key == "mapping":
                texts.add(_no_statistics())
    return texts


def is_written(lagesbild: Lagesbild, key: str) -> bool:
    """True when the section holds the coordinator's own text, not only the starting text.

    The one test of "written": deciding and the compliance rules (R2, R3) both ask it.
    """
    text = lagesbild.section_text(key).strip()
    return bool(text) and text not in _starting_texts(key)


def unwritten_parts(lagesbild: Lagesbild, keys=REQUIRED_PARTS) -> list[str]:
    """The headings of the sections among `keys` that are empty or hold only guidance."""
    labels = dict(SECTIONS)
    return [str(labels[key]) for key in keys if not is_written(lagesbild, key)]


def default_sections(kommun: Kommun, snapshot: dict) -> dict[str, str]:
    if snapshot.get("empty"):
        mapping = _no_statistics()
    else:
        facts = "\n".join(f"- {fact}" for fact in snapshot["facts"])
        mapping = (
            f"Kartläggningen bygger på polisanmälda brott i {kommun.name} "
            f"{snapshot['first_year']}–{snapshot['last_year']} enligt Brå.\n\n{facts}"
        )
    return {
        "scope": _(
            "Lägesbilden omfattar hela kommunens geografiska område. Den bygger på officiell "
            "statistik och på de lokala källor som anges nedan."
        ),
        "mapping": mapping,
        **section_prompts(),
        "sources_used": "\n".join(f"- {source}" for source in snapshot.get("sources", [])),
        "sources_not_used": _(
            "- Nationella trygghetsundersökningen (NTU)\n- Lokala trygghetsmätningar\n- Skolenkäter"
        ),
        "limitations": _(
            "Anmälda brott speglar både brottsligheten och benägenheten att anmäla. Det "
            "senaste året kan vara preliminärt. Brott utan kommunuppgift ingår bara i riket."
        ),
        "q_why": "",
        "q_sources": "",
        "q_limits": "",
        "q_meaning": "",
    }


def draft_lagesbild(kommun: Kommun, *, by) -> Lagesbild:
    """'Skapa utkast': a new draft version generated from the data (one draft at a time)."""
    _require_coordinator(by, kommun)
    _require_no_draft(kommun)
    snapshot = build_snapshot(kommun)  # before the transaction: it reads much, writes nothing
    with transaction.atomic():
        _lock_versions_of(kommun)
        _require_no_draft(kommun)
        previous = Lagesbild.objects.filter(kommun=kommun).order_by("-number").first()
        sections = default_sections(kommun, snapshot)
        if previous:
            # Keep the coordinator's own writing; replace only the generated mapping.
            sections = {
                **sections,
                **{k: v for k, v in previous.sections.items() if k != "mapping"},
            }
        lagesbild = Lagesbild(
            kommun=kommun,
            number=(previous.number + 1) if previous else 1,
            first_year=snapshot.get("first_year") or timezone.now().year,
            last_year=snapshot.get("last_year") or timezone.now().year,
            sections=sections,
            snapshot=snapshot,
            based_on=previous,
        )
        return save_as(lagesbild, by=by, reason="Utkast skapat från data")


def _lock_versions_of(kommun: Kommun) -> None:
    """Queue the kommun's new versions: the second then finds the first one's draft.

    The kommun's row is the lock. `no_key` leaves it free for rows that only refer to it.
    """
    Kommun.objects.select_for_update(no_key=True).get(pk=kommun.pk)


def _require_no_draft(kommun: Kommun) -> None:
    if Lagesbild.objects.filter(kommun=kommun, status=LagesbildStatus.DRAFT).exists():
        raise ValidationError(_("Det finns redan ett utkast. Arbeta vidare i det."))


def transient_lagesbild(kommun: Kommun) -> Lagesbild:
    """An unsaved draft for exports when the kommun has none yet (e.g. the CLI after make run)."""
    snapshot = build_snapshot(kommun)
    return Lagesbild(
        kommun=kommun,
        number=0,
        first_year=snapshot.get("first_year") or 0,
        last_year=snapshot.get("last_year") or 0,
        sections=default_sections(kommun, snapshot),
        snapshot=snapshot,
    )


@transaction.atomic
def update_section(
    lagesbild: Lagesbild, *, key: str, text: str, by, base: str | None = None
) -> Lagesbild:
    """Save one section. `base` is the fingerprint of the text the writer started from."""
    _require_coordinator(by, lagesbild.kommun)
    if key not in SECTION_KEYS:
        raise ValidationError(_("Okänt avsnitt."))
    # Re-read under a row lock: another writer may have saved this or another section since.
    stored = Lagesbild.objects.select_for_update().get(pk=lagesbild.pk)
    _require_draft(stored)
    check_unchanged(stored.section_text(key), base)
    stored.sections = {**stored.sections, key: text.strip()}
    save_as(stored, by=by, reason=f"Avsnitt {key} ändrat")
    lagesbild.refresh_from_db()
    return lagesbild


@transaction.atomic
def add_problem_candidate(
    lagesbild: Lagesbild,
    *,
    title: str,
    by,
    description: str = "",
    figure: str = "",
    evidence: str = "",
) -> ProblemCandidate:
    _require_coordinator(by, lagesbild.kommun)
    _require_draft(lagesbild)
    if not title.strip():
        raise ValidationError(_("Ange problemet."))
    known = {figure_["id"] for figure_ in lagesbild.snapshot.get("figures", [])}
    if figure and figure not in known:
        raise ValidationError(_("Underlaget finns inte i lägesbilden."))
    candidate = ProblemCandidate(
        lagesbild=lagesbild,
        title=title.strip(),
        description=description.strip(),
        evidence_figure=figure,
        evidence_text=evidence.strip(),
    )
    return save_as(candidate, by=by)


def content_hash(lagesbild: Lagesbild) -> str:
    payload = {
        "sections": lagesbild.sections,
        "snapshot": lagesbild.snapshot,
        "problem_candidates": [
            [c.title, c.description, c.evidence_figure, c.evidence_text]
            for c in lagesbild.problem_candidates.order_by("pk")
        ],
        "decided_by_body": lagesbild.decided_by_body,
    }
    if lagesbild.decided_on is not None:
        # Versions decided before the date was asked for have neither: their hash stays the
        # one computed then.
        payload["decided_on"] = lagesbild.decided_on.isoformat()
        payload["reference"] = lagesbild.reference
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def _locked(lagesbild: Lagesbild) -> Lagesbild:
    """The version as stored now, locked until the change commits: the page may be stale."""
    return Lagesbild.objects.select_for_update().get(pk=lagesbild.pk)


def _decision_errors(
    lagesbild: Lagesbild, *, body: str, decided_on: date | None, reference: str
) -> list[str]:
    """Every reason the version cannot be decided as given, as Swedish sentences."""
    errors = []
    if lagesbild.is_decided:
        errors.append(_("En fastställd lägesbild kan inte ändras. Skapa en ny version."))
    unwritten = unwritten_parts(lagesbild)
    if unwritten:
        errors.append(
            _(
                "Lägesbilden saknar delar som lagen kräver: %(parts)s. Ett avsnitt med bara "
                "mallens hjälptext räknas som oskrivet."
            )
            % {"parts": ", ".join(unwritten)}
        )
    if not body.strip():
        errors.append(_("Ange vilket organ som fastställer lägesbilden."))
    if decided_on is None:
        errors.append(_("Ange beslutsdatum."))
    elif is_in_future(decided_on):
        errors.append(_("Beslutsdatum kan inte ligga i framtiden."))
    if not reference.strip():
        errors.append(_("Ange diarienummer."))
    return errors


def check_decision(
    lagesbild: Lagesbild, *, body: str, decided_on: date | None, reference: str
) -> None:
    """Refuse, before anything is frozen, a decision `decide_lagesbild` would refuse."""
    errors = _decision_errors(lagesbild, body=body, decided_on=decided_on, reference=reference)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def decide_lagesbild(
    lagesbild: Lagesbild, *, by, body: str, decided_on: date | None, reference: str
) -> Lagesbild:
    """'Fastställ': freeze content and data snapshot, with a hash anyone can recompute.

    The body, the day it decided and the diarienummer are recorded as for a plan.
    """
    _require_coordinator(by, lagesbild.kommun)
    stored = _locked(lagesbild)
    _require_draft(stored)
    check_decision(stored, body=body, decided_on=decided_on, reference=reference)
    stored.decided_by_body = body.strip()
    stored.decided_on = decided_on
    stored.reference = reference.strip()
    stored.status = LagesbildStatus.DECIDED
    stored.decided_at = timezone.now()
    stored.decided_by = by
    stored.content_hash = content_hash(stored)
    save_as(stored, by=by, reason="Fastställd")
    lagesbild.refresh_from_db()
    return lagesbild


@transaction.atomic
def publish_lagesbild(lagesbild: Lagesbild, *, by, published: bool = True) -> Lagesbild:
    _require_coordinator(by, lagesbild.kommun)
    stored = _locked(lagesbild)
    if not stored.is_decided:
        raise ValidationError(_("Bara en fastställd lägesbild kan publiceras."))
    visibility = Visibility.PUBLISHED if published else Visibility.DRAFT
    if stored.visibility == visibility:
        raise ValidationError(
            _("Lägesbilden är redan publicerad.")
            if published
            else _("Lägesbilden är inte publicerad.")
        )
    stored.save_publication(visibility, by=by)
    lagesbild.refresh_from_db()
    return lagesbild


def latest_decided(kommun: Kommun, queryset=None) -> Lagesbild | None:
    queryset = queryset if queryset is not None else Lagesbild.objects.all()
    return (
        queryset.filter(kommun=kommun, status=LagesbildStatus.DECIDED).order_by("-number").first()
    )


def update_due(lagesbild: Lagesbild) -> date:
    """§ 6: the date by which a decided lägesbild is to be updated."""
    return lagesbild.decision_date + MAX_AGE


def age_warning(kommun: Kommun, *, today: date | None = None) -> str:
    """§ 6: warn when there is no decided lägesbild or the latest is over two years old."""
    latest = latest_decided(kommun)
    today = today or timezone.localdate()
    if latest is None:
        return _("Kommunen har ingen fastställd lägesbild.")
    if today > update_due(latest):
        return _(
            "Den senast fastställda lägesbilden (version %(number)s, %(date)s) är äldre än två "
            "år. Lagen kräver uppdatering minst vartannat år (§ 6)."
        ) % {"number": latest.number, "date": latest.decision_date_text}
    return ""


def compare_versions(older: Lagesbild, newer: Lagesbild) -> list[dict]:
    """Per section: the lines removed and added between two versions."""
    labels = dict(SECTIONS)
    result = []
    for key in SECTION_KEYS:
        before = older.section_text(key).splitlines()
        after = newer.section_text(key).splitlines()
        if before == after:
            continue
        lines = [line for line in difflib.ndiff(before, after) if line[:2] in ("- ", "+ ")]
        result.append({"key": key, "label": str(labels[key]), "lines": lines})
    return result
