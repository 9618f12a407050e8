"""The coordination function (§§ 11–12), the leading body and its reports (§ 13), other plans."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forebygg.core.models import save_as
from forebygg.governance.enums import BodyKind, LinkedPlanKind
from forebygg.governance.models import (
    ContactPerson,
    CoordinationFunction,
    CouncilReport,
    Document,
    Leadership,
    LinkedPlan,
)
from forebygg.orgs.access import require_coordinator
from forebygg.orgs.enums import Visibility

FUNCTION_FIELDS = ("name", "unit", "email", "phone", "description")


def coordination_function_of(kommun) -> CoordinationFunction | None:
    return CoordinationFunction.objects.filter(kommun=kommun).first()


def leadership_of(kommun) -> Leadership | None:
    return Leadership.objects.filter(kommun=kommun).first()


@transaction.atomic
def save_coordination_function(kommun, *, by, persons=(), **fields) -> CoordinationFunction:
    require_coordinator(by, kommun)
    if not (fields.get("name") or "").strip():
        raise ValidationError(
            _("Ange funktionens namn, till exempel ”Brottsförebyggande samordnare”.")
        )
    persons = list(persons)
    if any(person.kommun_id != kommun.pk for person in persons):
        raise ValidationError(_("Personerna måste vara kontaktpersoner i kommunen."))
    function = coordination_function_of(kommun) or CoordinationFunction(kommun=kommun)
    for name in FUNCTION_FIELDS:
        if name in fields:
            setattr(function, name, (fields[name] or "").strip())
    return save_as(function, by=by, links={"persons": persons})


@transaction.atomic
def publish_contact_point(function: CoordinationFunction, *, by, published: bool = True):
    """§ 12 p. 2: the contact point is public. Without an e-mail or phone it cannot be."""
    require_coordinator(by, function.kommun)
    if published and not function.has_contact:
        raise ValidationError(_("Ange e-post eller telefon innan kontaktvägen publiceras."))
    function.visibility = Visibility.PUBLISHED if published else Visibility.DRAFT
    return save_as(function, by=by, reason="Publicerad" if published else "Avpublicerad")


def persons_for_function(kommun):
    return ContactPerson.objects.filter(kommun=kommun).select_related("organisation")


@transaction.atomic
def record_leadership(
    kommun, *, body_kind: str, body_name: str, by, appointed_reference: str = ""
) -> Leadership:
    require_coordinator(by, kommun)
    if body_kind not in BodyKind.values:
        raise ValidationError(
            _("Lagen låter kommunstyrelsen eller en nämnd som fullmäktige utsett leda arbetet.")
        )
    if not body_name.strip():
        raise ValidationError(_("Ange organets namn."))
    leadership = leadership_of(kommun) or Leadership(kommun=kommun)
    leadership.body_kind = body_kind
    leadership.body_name = body_name.strip()
    leadership.appointed_reference = appointed_reference.strip()
    return save_as(leadership, by=by)


@transaction.atomic
def log_report_to_council(
    kommun,
    *,
    reported_on: date,
    title: str,
    by,
    reference: str = "",
    summary: str = "",
    document: Document | None = None,
) -> CouncilReport:
    """§ 13: the leading body reports continuously to kommunfullmäktige; keep the log."""
    require_coordinator(by, kommun)
    if not title.strip():
        raise ValidationError(_("Ange ärendet."))
    if reported_on > timezone.localdate():
        raise ValidationError(_("En rapport kan inte dateras i framtiden."))
    report = CouncilReport(
        kommun=kommun,
        reported_on=reported_on,
        title=title.strip(),
        reference=reference.strip(),
        summary=summary.strip(),
        document=document,
    )
    return save_as(report, by=by)


@transaction.atomic
def link_plan(
    kommun, *, kind: str, name: str, by, reference: str = "", how_integrated: str = ""
) -> LinkedPlan:
    require_coordinator(by, kommun)
    if kind not in LinkedPlanKind.values or not name.strip():
        raise ValidationError(_("Ange typ och namn på planen."))
    linked = LinkedPlan(
        kommun=kommun,
        kind=kind,
        name=name.strip(),
        reference=reference.strip(),
        how_integrated=how_integrated.strip(),
    )
    return save_as(linked, by=by)
