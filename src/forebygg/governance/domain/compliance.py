"""The law-compliance panel: every requirement of lag 2023:196 as a rule R1–R13.

Each rule returns met / warning / missing with its evidence, legal reference and what to do next.
Duties to "verka för" (§§ 9–10) and the advisory § 7 give warnings, never "missing". A part of
the lägesbild that holds only the starting guidance is unwritten (`is_written`, the test deciding
uses too), and an unwritten part the law requires is missing, decided or not.

Dates are decision dates as entered, not the moment someone clicked; a follow-up dated after
`today` has not happened yet.

The evidence names what it is (`Evidence`: a kind, the kommun, a version number or key); the
page that shows the rules turns it into a link, so the rules know no audience's URLs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, wraps

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from forebygg.core.formatting import join_with_and
from forebygg.governance.domain.agreements import is_in_force, missing_legal_content
from forebygg.governance.domain.coordination import coordination_function_of, leadership_of
from forebygg.governance.domain.council import council_of, current_members
from forebygg.governance.enums import AgreementKind, EvidenceKind, RuleStatus
from forebygg.governance.models import SENIOR_LEVELS, Agreement, CouncilReport, LinkedPlan
from forebygg.lagesbild.domain import is_written, unwritten_parts, update_due
from forebygg.lagesbild.enums import LagesbildStatus
from forebygg.lagesbild.models import LEGAL_PARTS, Lagesbild
from forebygg.orgs.enums import OrganisationType, Visibility
from forebygg.plans.domain.followup import follow_up_due, last_follow_up_on
from forebygg.plans.domain.planning import latest_decided_plan
from forebygg.plans.enums import PlanStatus
from forebygg.plans.models import Plan

PLAN_DUE_FROM = date(2024, 7, 1)  # transitional rule: the first åtgärdsplan was due 1 July 2024
REPORT_INTERVAL = timedelta(days=365)  # Förebygg's default for "fortlöpande" (§ 13), not law


@dataclass(frozen=True)
class Evidence:
    """What a finding rests on, named, not linked: the page showing it makes the link."""

    kind: EvidenceKind
    kommun_code: str
    label: str
    key: int | None = None


@dataclass
class RuleResult:
    code: str
    requirement: str
    reference: str
    status: str
    finding: str
    next_step: str = ""
    effort_duty: bool = False
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return RuleStatus(self.status).label


class Facts:
    """What the rules look at, each read once and only when a rule asks for it."""

    def __init__(self, kommun, today: date):
        self.kommun = kommun
        self.today = today

    @cached_property
    def _lagesbilder(self):
        return Lagesbild.objects.filter(kommun=self.kommun).order_by("-number")

    @cached_property
    def lagesbild(self) -> Lagesbild | None:
        return self._lagesbilder.filter(status=LagesbildStatus.DECIDED).first()

    @cached_property
    def lagesbild_draft(self) -> Lagesbild | None:
        return self._lagesbilder.filter(status=LagesbildStatus.DRAFT).first()

    @cached_property
    def plan(self) -> Plan | None:
        return latest_decided_plan(self.kommun)

    @cached_property
    def plan_draft(self) -> Plan | None:
        return Plan.objects.filter(kommun=self.kommun, status=PlanStatus.DRAFT).first()

    @cached_property
    def agreements(self) -> list:
        return list(Agreement.objects.filter(kommun=self.kommun).prefetch_related("parties"))

    @cached_property
    def council(self):
        return council_of(self.kommun)

    @cached_property
    def members(self) -> list:
        return list(current_members(self.council)) if self.council else []

    @cached_property
    def function(self):
        return coordination_function_of(self.kommun)

    @cached_property
    def leadership(self):
        return leadership_of(self.kommun)

    @cached_property
    def reports(self) -> list:
        return list(CouncilReport.objects.filter(kommun=self.kommun))

    @cached_property
    def linked_plans(self) -> list:
        return list(LinkedPlan.objects.filter(kommun=self.kommun))

    @cached_property
    def published(self) -> dict:
        plans = Plan.objects.filter(kommun=self.kommun, visibility=Visibility.PUBLISHED)
        return {
            "lagesbild": self._lagesbilder.filter(visibility=Visibility.PUBLISHED).exists(),
            "plan": plans.exists(),
            "agreements": any(a.visibility == Visibility.PUBLISHED for a in self.agreements),
        }


@dataclass(frozen=True)
class Requirement:
    """What a rule checks, readable without a kommun (the county overview's legend lists them)."""

    code: str
    text: str
    reference: str
    effort_duty: bool = False


def requirement(code: str, text: str, reference: str, *, effort_duty: bool = False):
    """Declare what the check below tests; it is handed its result, met until it finds otherwise."""
    declared = Requirement(code, text, reference, effort_duty)

    def decorate(check: Callable[[Facts, RuleResult], RuleResult]) -> Callable[[Facts], RuleResult]:
        @wraps(check)
        def rule(facts: Facts) -> RuleResult:
            met = RuleResult(
                code, str(text), reference, RuleStatus.MET, "", effort_duty=effort_duty
            )
            return check(facts, met)

        rule.requirement = declared  # type: ignore[attr-defined]
        return rule

    return decorate


def check_compliance(kommun, *, today: date | None = None) -> list[RuleResult]:
    facts = Facts(kommun, today or timezone.localdate())
    return [rule(facts) for rule in RULES]


def summary_counts(results: list[RuleResult]) -> dict[str, int]:
    return {status: sum(r.status == status for r in results) for status in RuleStatus.values}


def _evidence(facts: Facts, kind: EvidenceKind, label: str, key: int | None = None) -> Evidence:
    return Evidence(kind=kind, kommun_code=facts.kommun.code, label=label, key=key)


def _lagesbild_evidence(facts: Facts, lagesbild: Lagesbild) -> list[Evidence]:
    label = _("Lägesbild version %(number)s") % {"number": lagesbild.number}
    return [_evidence(facts, EvidenceKind.LAGESBILD, label, lagesbild.number)]


def _plan_evidence(facts: Facts, plan: Plan) -> list[Evidence]:
    label = _("Åtgärdsplan version %(number)s") % {"number": plan.number}
    return [_evidence(facts, EvidenceKind.PLAN, label, plan.number)]


@requirement("R1", gettext_lazy("Det finns en lägesbild"), "§ 4")
def r1_lagesbild_exists(facts: Facts, rule: RuleResult) -> RuleResult:
    if facts.lagesbild:
        rule.finding = _("Lägesbild version %(number)s fastställdes %(date)s.") % {
            "number": facts.lagesbild.number,
            "date": facts.lagesbild.decision_date_text,
        }
        rule.evidence = _lagesbild_evidence(facts, facts.lagesbild)
    elif facts.lagesbild_draft:
        rule.status = RuleStatus.WARNING
        rule.finding = _("Det finns ett utkast men ingen fastställd lägesbild.")
        rule.next_step = _("Gör klart utkastet och fastställ det.")
        rule.evidence = _lagesbild_evidence(facts, facts.lagesbild_draft)
    else:
        rule.status = RuleStatus.MISSING
        rule.finding = _("Kommunen har ingen lägesbild.")
        rule.next_step = _("Skapa ett utkast: kartläggningen fylls i från statistiken.")
    return rule


def _current_lagesbild(facts: Facts) -> Lagesbild | None:
    return facts.lagesbild or facts.lagesbild_draft


def _without_lagesbild(rule: RuleResult) -> RuleResult:
    rule.status = RuleStatus.MISSING
    rule.finding = _("Kommunen har ingen lägesbild.")
    rule.next_step = _("Skapa en lägesbild först.")
    return rule


@requirement(
    "R2", gettext_lazy("Lägesbilden har kartläggning, annan information och analys"), "§ 4 p. 1–3"
)
def r2_three_parts(facts: Facts, rule: RuleResult) -> RuleResult:
    lagesbild = _current_lagesbild(facts)
    if lagesbild is None:
        return _without_lagesbild(rule)
    unwritten = unwritten_parts(lagesbild, LEGAL_PARTS)
    rule.evidence = _lagesbild_evidence(facts, lagesbild)
    if unwritten:
        rule.status = RuleStatus.MISSING
        rule.finding = _("Inte skrivet (bara tomt eller mallens hjälptext): %(parts)s.") % {
            "parts": ", ".join(unwritten)
        }
        rule.next_step = _("Skriv avsnitten i lägesbilden.")
    else:
        rule.finding = _("Alla tre delar är skrivna.")
    return rule


@requirement("R3", gettext_lazy("Kartläggningen beskriver omfattning och konsekvenser"), "§ 4 p. 1")
def r3_extent_and_consequences(facts: Facts, rule: RuleResult) -> RuleResult:
    lagesbild = _current_lagesbild(facts)
    if lagesbild is None:
        return _without_lagesbild(rule)
    rule.evidence = _lagesbild_evidence(facts, lagesbild)
    has_extent = not lagesbild.snapshot.get("empty", True) or is_written(lagesbild, "mapping")
    gaps = []
    if not has_extent:
        gaps.append(_("brottslighetens omfattning"))
    if not is_written(lagesbild, "consequences"):
        gaps.append(_("brottslighetens konsekvenser"))
    if gaps:
        rule.status = RuleStatus.MISSING
        rule.finding = _("Saknas i kartläggningen: %(gaps)s.") % {"gaps": join_with_and(gaps)}
        rule.next_step = _("Beskriv konsekvenserna i avsnittet om konsekvenser.")
    else:
        rule.finding = _("Omfattningen bygger på statistik och konsekvenserna är beskrivna.")
    return rule


@requirement("R4", gettext_lazy("Lägesbilden är uppdaterad de senaste två åren"), "§ 6")
def r4_lagesbild_age(facts: Facts, rule: RuleResult) -> RuleResult:
    if facts.lagesbild is None:
        rule.status = RuleStatus.MISSING
        rule.finding = _("Ingen fastställd lägesbild.")
        rule.next_step = _("Fastställ en lägesbild.")
        return rule
    decided = facts.lagesbild.decision_date_text
    due = update_due(facts.lagesbild)
    rule.evidence = _lagesbild_evidence(facts, facts.lagesbild)
    if facts.today > due:
        rule.status = RuleStatus.MISSING
        rule.finding = _("Senast fastställd %(date)s, mer än två år sedan.") % {"date": decided}
        rule.next_step = _("Uppdatera lägesbilden: skapa ett nytt utkast och fastställ det.")
    else:
        rule.finding = _("Fastställd %(date)s; nästa uppdatering senast %(due)s.") % {
            "date": decided,
            "due": due.isoformat(),
        }
    return rule


@requirement("R5", gettext_lazy("Det finns en beslutad åtgärdsplan (datum och organ)"), "§ 5")
def r5_plan_decided(facts: Facts, rule: RuleResult) -> RuleResult:
    plan = facts.plan
    if plan and plan.decided_on and plan.decided_body:
        rule.finding = _("Version %(number)s beslutad %(date)s av %(body)s (%(reference)s).") % {
            "number": plan.number,
            "date": plan.decided_on.isoformat(),
            "body": plan.decided_body,
            "reference": plan.reference,
        }
        rule.evidence = _plan_evidence(facts, plan)
    elif facts.today < PLAN_DUE_FROM:
        rule.finding = _("Planen krävs från och med 1 juli 2024.")
    else:
        rule.status = RuleStatus.MISSING
        rule.finding = _("Kommunen har ingen beslutad åtgärdsplan.")
        rule.next_step = _("Ta fram ett utkast utifrån lägesbilden och låt det beslutas.")
        if facts.plan_draft:
            rule.evidence = _plan_evidence(facts, facts.plan_draft)
    return rule


@requirement("R6", gettext_lazy("Åtgärdsplanen bygger på en lägesbild"), "§ 5")
def r6_plan_based_on_lagesbild(facts: Facts, rule: RuleResult) -> RuleResult:
    plan = facts.plan
    if plan is None:
        rule.status = RuleStatus.MISSING
        rule.finding = _("Ingen beslutad åtgärdsplan.")
        rule.next_step = _("Besluta en åtgärdsplan som bygger på en fastställd lägesbild.")
        return rule
    rule.evidence = _plan_evidence(facts, plan) + _lagesbild_evidence(facts, plan.lagesbild)
    rule.finding = _("Planen bygger på lägesbild version %(number)s.") % {
        "number": plan.lagesbild.number
    }
    return rule


@requirement("R7", gettext_lazy("Åtgärdsplanen är uppföljd de senaste två åren"), "§ 6")
def r7_plan_followed_up(facts: Facts, rule: RuleResult) -> RuleResult:
    plan = facts.plan
    if plan is None:
        rule.status = RuleStatus.MISSING
        rule.finding = _("Ingen beslutad åtgärdsplan att följa upp.")
        rule.next_step = _("Besluta en åtgärdsplan.")
        return rule
    last = last_follow_up_on(plan, today=facts.today)
    due = follow_up_due(plan, today=facts.today)
    rule.evidence = [_evidence(facts, EvidenceKind.FOLLOW_UP, _("Uppföljning"), plan.number)]
    if facts.today > due:
        rule.status = RuleStatus.MISSING
        rule.finding = (
            _("Senaste uppföljning %(date)s, mer än två år sedan.") % {"date": last.isoformat()}
            if last
            else _("Planen beslutades %(date)s och har aldrig följts upp.")
            % {"date": plan.decided_on.isoformat()}
        )
        rule.next_step = _("Följ upp planen och registrera uppföljningen.")
    else:
        rule.finding = _("Nästa uppföljning senast %(due)s.") % {"due": due.isoformat()}
    return rule


@requirement(
    "R8",
    gettext_lazy("Skriftliga samverkansöverenskommelser med syften och områden"),
    "§ 9",
    effort_duty=True,
)
def r8_agreements(facts: Facts, rule: RuleResult) -> RuleResult:
    cooperation = [a for a in facts.agreements if a.kind == AgreementKind.COOPERATION]
    rule.evidence = [
        _evidence(facts, EvidenceKind.AGREEMENT, a.title, a.pk) for a in cooperation
    ] or [_evidence(facts, EvidenceKind.AGREEMENTS, _("Överenskommelser"))]
    if not cooperation:
        rule.status = RuleStatus.WARNING
        rule.finding = _("Inga samverkansöverenskommelser är registrerade.")
        rule.next_step = _(
            "Kommunen ska verka för skriftliga överenskommelser: börja med polisen och de "
            "aktörer som äger åtgärder i planen."
        )
        return rule
    incomplete = [a.title for a in cooperation if missing_legal_content(a)]
    in_force = [a for a in cooperation if is_in_force(a, facts.today)]
    if incomplete:
        rule.status = RuleStatus.WARNING
        rule.finding = _("Saknar syften eller områden: %(titles)s.") % {
            "titles": ", ".join(incomplete)
        }
        rule.next_step = _("Komplettera överenskommelserna med syften och samverkansområden.")
    elif not in_force:
        rule.status = RuleStatus.WARNING
        rule.finding = _("Ingen överenskommelse är undertecknad och giltig i dag.")
        rule.next_step = _("Förnya eller underteckna en överenskommelse.")
    else:
        kinds = sorted({p.get_type_display() for a in in_force for p in a.parties.all()})
        rule.finding = ngettext(
            "%(count)s gällande överenskommelse; parter: %(kinds)s.",
            "%(count)s gällande överenskommelser; parter: %(kinds)s.",
            len(in_force),
        ) % {
            "count": len(in_force),
            "kinds": ", ".join(kinds),
        }
    return rule


def _is_own_administration(organisation, kommun) -> bool:
    return organisation.type == OrganisationType.KOMMUN and organisation.home_kommun_id == kommun.pk


@requirement(
    "R9",
    gettext_lazy("Strategiskt råd som kommunen leder, med ledande företrädare"),
    "§ 10",
    effort_duty=True,
)
def r9_council(facts: Facts, rule: RuleResult) -> RuleResult:
    council = facts.council
    if council is None:
        rule.status = RuleStatus.WARNING
        rule.finding = _("Kommunen har inget strategiskt råd registrerat.")
        rule.next_step = _("Kommunen ska verka för ett strategiskt råd som kommunen leder.")
        return rule
    rule.evidence = [_evidence(facts, EvidenceKind.COUNCIL, council.name)]
    chair = next((m for m in facts.members if m.is_chair), None)
    others = [m for m in facts.members if not _is_own_administration(m.organisation, facts.kommun)]
    junior = [m for m in others if m.seniority not in SENIOR_LEVELS]
    gaps = []
    if chair is None:
        gaps.append(_("rådet har ingen ordförande"))
    elif not _is_own_administration(chair.organisation, facts.kommun):
        gaps.append(
            _("ordföranden kommer från %(org)s, men kommunen ska leda rådet")
            % {"org": chair.organisation.name}
        )
    if not others:
        gaps.append(_("inga andra aktörer än kommunen är ledamöter"))
    if junior:
        gaps.append(
            _("företrädare utan ledande befattning: %(names)s")
            % {"names": ", ".join(m.organisation.name for m in junior)}
        )
    if gaps:
        rule.status = RuleStatus.WARNING
        text = "; ".join(str(gap) for gap in gaps)
        rule.finding = text[0].upper() + text[1:] + "."
        rule.next_step = _(
            "Verka för att kommunen leder rådet och att aktörerna företräds av personer i "
            "ledande befattning."
        )
    else:
        rule.finding = ngettext(
            "Kommunen leder rådet; %(count)s annan aktör med ledande företrädare.",
            "Kommunen leder rådet; %(count)s andra aktörer med ledande företrädare.",
            len(others),
        ) % {"count": len(others)}
    return rule


@requirement("R10", gettext_lazy("Samordningsfunktion med publik kontaktväg"), "§§ 11–12")
def r10_coordination_function(facts: Facts, rule: RuleResult) -> RuleResult:
    function = facts.function
    rule.evidence = [_evidence(facts, EvidenceKind.COORDINATION, _("Samordningsfunktion"))]
    if function is None:
        rule.status = RuleStatus.MISSING
        rule.finding = _("Ingen samordningsfunktion är registrerad.")
        rule.next_step = _("Registrera funktionen med kontaktuppgifter och publicera den.")
    elif not function.has_contact or function.visibility != Visibility.PUBLISHED:
        rule.status = RuleStatus.WARNING
        rule.finding = _("%(name)s finns men kontaktvägen är inte publicerad.") % {
            "name": function.name
        }
        rule.next_step = _("Ange e-post eller telefon och publicera kontaktvägen.")
    else:
        rule.finding = _("%(name)s, kontaktväg publicerad.") % {"name": function.name}
        rule.evidence.append(_evidence(facts, EvidenceKind.PUBLIC_PAGE, _("Publik sida")))
    return rule


@requirement("R11", gettext_lazy("Information om arbetet publiceras för invånarna"), "§ 12 p. 3")
def r11_public_information(facts: Facts, rule: RuleResult) -> RuleResult:
    labels = {
        "lagesbild": _("lägesbild"),
        "plan": _("åtgärdsplan"),
        "agreements": _("överenskommelser eller medborgarlöften"),
    }
    published = [str(labels[key]) for key, done in facts.published.items() if done]
    contact = facts.function is not None and facts.function.visibility == Visibility.PUBLISHED
    rule.evidence = [_evidence(facts, EvidenceKind.PUBLIC_PAGE, _("Publik sida"))]
    if published:
        rule.finding = _("Publicerat: %(items)s.") % {"items": ", ".join(published)}
    elif contact:
        rule.status = RuleStatus.WARNING
        rule.finding = _("Bara kontaktvägen är publicerad.")
        rule.next_step = _("Publicera lägesbildens sammanfattning, planen eller medborgarlöften.")
    else:
        rule.status = RuleStatus.MISSING
        rule.finding = _("Inget om arbetet är publicerat.")
        rule.next_step = _("Publicera kontaktvägen och något om arbetet, t.ex. planen.")
    return rule


@requirement(
    "R12", gettext_lazy("Ledande organ utsett och rapporterar till kommunfullmäktige"), "§ 13"
)
def r12_leadership(facts: Facts, rule: RuleResult) -> RuleResult:
    rule.evidence = [_evidence(facts, EvidenceKind.LEADERSHIP, _("Ledning och rapportering"))]
    if facts.leadership is None:
        rule.status = RuleStatus.MISSING
        rule.finding = _("Inget ledande organ är registrerat.")
        rule.next_step = _("Ange om kommunstyrelsen eller en utsedd nämnd leder arbetet.")
        return rule
    body = facts.leadership.body_name
    if not facts.reports:
        rule.status = RuleStatus.MISSING
        rule.finding = _("%(body)s leder arbetet men ingen rapport till fullmäktige finns.") % {
            "body": body
        }
        rule.next_step = _("För in rapporterna till kommunfullmäktige med datum och dokument.")
        return rule
    latest = facts.reports[0].reported_on
    rule.finding = _("%(body)s leder arbetet; senaste rapport till fullmäktige %(date)s.") % {
        "body": body,
        "date": latest.isoformat(),
    }
    if facts.today - latest > REPORT_INTERVAL:
        rule.status = RuleStatus.WARNING
        rule.next_step = _(
            "Rapporteringen ska vara fortlöpande; det har gått mer än ett år sedan den senaste."
        )
    return rule


@requirement(
    "R13",
    gettext_lazy("Samordnat med andra planer och analyser (t.ex. RSA)"),
    "§ 7",
    effort_duty=True,
)
def r13_linked_plans(facts: Facts, rule: RuleResult) -> RuleResult:
    rule.evidence = [_evidence(facts, EvidenceKind.LINKED_PLANS, _("Kopplade planer"))]
    if not facts.linked_plans:
        rule.status = RuleStatus.WARNING
        rule.finding = _("Inga kopplingar till andra planer är registrerade.")
        rule.next_step = _("Ange där det är lämpligt vilka planer arbetet samordnas med.")
    else:
        rule.finding = ", ".join(plan.name for plan in facts.linked_plans)
    return rule


RULES = [
    r1_lagesbild_exists,
    r2_three_parts,
    r3_extent_and_consequences,
    r4_lagesbild_age,
    r5_plan_decided,
    r6_plan_based_on_lagesbild,
    r7_plan_followed_up,
    r8_agreements,
    r9_council,
    r10_coordination_function,
    r11_public_information,
    r12_leadership,
    r13_linked_plans,
]


def requirements() -> list[Requirement]:
    """R1–R13 in order, each with its requirement and paragraph."""
    return [rule.requirement for rule in RULES]  # type: ignore[attr-defined]
