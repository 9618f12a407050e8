"""Choices of the governance app: agreements, council, årshjul, leadership, compliance."""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementKind(models.TextChoices):
    COOPERATION = "samverkan", _("Samverkansöverenskommelse")
    CITIZEN_PROMISE = "medborgarloften", _("Medborgarlöften")


class PromiseOutcome(models.TextChoices):
    KEPT = "infriat", _("Infriat")
    PARTLY = "delvis", _("Delvis infriat")
    NOT_KEPT = "ej", _("Inte infriat")
    ONGOING = "pagar", _("Pågår")


class Seniority(models.TextChoices):
    SENIOR = "ledande", _("Ledande befattning (t.ex. förvaltnings- eller områdeschef)")
    ELECTED = "fortroendevald", _("Förtroendevald")
    MANAGER = "chef", _("Annan chef")
    OFFICER = "medarbetare", _("Medarbetare eller handläggare")


class CycleKind(models.TextChoices):
    MEETING = "mote", _("Möte")
    DEADLINE = "sista-dag", _("Sista dag")
    REPORT = "rapport", _("Rapportering")
    OTHER = "annat", _("Annat")


class BodyKind(models.TextChoices):
    KS = "ks", _("Kommunstyrelsen")
    COMMITTEE = "namnd", _("Nämnd som kommunfullmäktige utsett")


class LinkedPlanKind(models.TextChoices):
    RSA = "rsa", _("Risk- och sårbarhetsanalys (RSA)")
    VIOLENCE = "vald", _("Plan mot våld i nära relationer")
    ANDTS = "andts", _("ANDTS-plan")
    EXTREMISM = "extremism", _("Plan mot våldsbejakande extremism")
    OTHER = "annan", _("Annan plan eller analys")


class RuleStatus(models.TextChoices):
    MET = "uppfyllt", _("Uppfyllt")
    WARNING = "varning", _("Varning")
    MISSING = "saknas", _("Saknas")


class EvidenceKind(StrEnum):
    """What a compliance finding rests on; the page showing it turns it into a link."""

    LAGESBILD = "lagesbild"  # a lägesbild version; key: its number
    PLAN = "plan"  # an åtgärdsplan version; key: its number
    FOLLOW_UP = "follow_up"  # the follow-up of a plan version; key: the plan's number
    AGREEMENT = "agreement"  # one agreement; key: its pk
    AGREEMENTS = "agreements"  # the kommun's agreements
    COUNCIL = "council"  # the strategic council
    COORDINATION = "coordination"  # the coordination function
    LEADERSHIP = "leadership"  # the leading body and its reports to kommunfullmäktige
    LINKED_PLANS = "linked_plans"  # the plans the work is coordinated with
    PUBLIC_PAGE = "public_page"  # the kommun's public page about its prevention work


class ChainStep(models.TextChoices):
    """The kommun's chain of work, in the order the law builds it (§§ 4–6)."""

    LAGESBILD = "lagesbild", _("Lägesbild")
    PROBLEMS = "problem", _("Problem och orsaker")
    PLAN = "plan", _("Åtgärdsplan")
    FOLLOW_UP = "uppfoljning", _("Uppföljning")


class StepState(models.TextChoices):
    NOT_STARTED = "ej-paborjad", _("Inte påbörjad")
    IN_PROGRESS = "pagar", _("Pågår")
    DONE = "klar", _("Klar")
    OVERDUE = "forsenad", _("Försenad")


class ChainAction(StrEnum):
    """The next thing to do in the chain; the page showing it turns it into a link or a button."""

    CREATE_LAGESBILD = "create_lagesbild"
    DECIDE_LAGESBILD = "decide_lagesbild"  # key: the draft's number
    ADD_PROBLEM = "add_problem"
    ADD_CAUSE = "add_cause"  # key: the problem's pk
    CREATE_PLAN = "create_plan"
    ADD_MEASURE = "add_measure"  # key: the draft plan's number
    ADD_TARGET = "add_target"  # key: the plan's number; measure_key: the measure's key
    DECIDE_PLAN = "decide_plan"  # key: the draft plan's number
    FOLLOW_UP = "follow_up"  # key: the decided plan's number
