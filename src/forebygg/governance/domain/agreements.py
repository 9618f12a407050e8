"""Samverkansöverenskommelser and medborgarlöften (§ 9): parties, purposes, areas, validity."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forebygg.core.formatting import join_with_and
from forebygg.core.models import save_as
from forebygg.governance.domain.actors import actor_organisations
from forebygg.governance.enums import AgreementKind, PromiseOutcome
from forebygg.governance.models import Agreement, Document, Promise, PromiseFollowUp
from forebygg.orgs.access import require_coordinator
from forebygg.orgs.domain.authorities import kommun_administration
from forebygg.orgs.enums import Visibility
from forebygg.plans.domain.warnings import Warning
from forebygg.plans.models import Measure

RENEWAL_NOTICE = timedelta(days=90)
AGREEMENT_FIELDS = ("kind", "title", "purposes", "areas", "valid_from", "valid_until", "signed_on")


def validate_agreement(kommun, *, title, valid_from, valid_until, parties, measures) -> None:
    errors = []
    if not (title or "").strip():
        errors.append(_("Ange en rubrik."))
    if valid_from and valid_until and valid_until < valid_from:
        errors.append(_("Slutdatum kan inte ligga före startdatum."))
    allowed = set(actor_organisations(kommun).values_list("pk", flat=True))
    if any(party.pk not in allowed for party in parties):
        errors.append(_("Alla parter måste vara registrerade aktörer i kommunen."))
    if any(measure.plan.kommun_id != kommun.pk for measure in measures):
        errors.append(_("Åtgärderna måste höra till kommunens egna åtgärdsplaner."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_agreement(
    agreement: Agreement | None,
    *,
    kommun,
    by,
    parties=None,
    measures=None,
    document: Document | None = None,
    **fields,
) -> Agreement:
    """Create or change an agreement; fields left out keep their value.

    The kommun is always a party, and the other parties may read the agreement.
    """
    require_coordinator(by, kommun)
    agreement = agreement or Agreement(kommun=kommun)
    is_new = agreement.pk is None
    parties = list(parties) if parties is not None else _other_parties(agreement, kommun)
    measures = list(measures) if measures is not None else _linked_measures(agreement)
    for name in AGREEMENT_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(agreement, name, value.strip() if isinstance(value, str) else value)
    validate_agreement(
        kommun,
        title=agreement.title,
        valid_from=agreement.valid_from,
        valid_until=agreement.valid_until,
        parties=parties,
        measures=measures,
    )
    if document is not None:
        agreement.document = document
    own = kommun_administration(kommun)
    return save_as(
        agreement,
        by=by,
        reason="Ny" if is_new else "Ändrad",
        links={
            "parties": {own, *parties},
            "shared_with": [party for party in parties if party.pk != own.pk],
            "measures": measures,
        },
    )


def _other_parties(agreement: Agreement, kommun) -> list:
    if agreement.pk is None:
        return []
    return list(agreement.parties.exclude(type="kommun", home_kommun=kommun))


def _linked_measures(agreement: Agreement) -> list:
    return list(agreement.measures.all()) if agreement.pk else []


@transaction.atomic
def publish_agreement(agreement: Agreement, *, by, published: bool = True) -> Agreement:
    require_coordinator(by, agreement.kommun)
    if published and not agreement.is_signed:
        raise ValidationError(_("Bara en undertecknad överenskommelse kan publiceras."))
    agreement.visibility = Visibility.PUBLISHED if published else Visibility.DRAFT
    return save_as(agreement, by=by, reason="Publicerad" if published else "Avpublicerad")


@transaction.atomic
def add_promise(agreement: Agreement, *, text: str, by) -> Promise:
    require_coordinator(by, agreement.kommun)
    if agreement.kind != AgreementKind.CITIZEN_PROMISE:
        raise ValidationError(_("Löften hör till medborgarlöften, inte till en överenskommelse."))
    if not text.strip():
        raise ValidationError(_("Skriv löftet."))
    position = agreement.promises.count() + 1
    return save_as(Promise(agreement=agreement, text=text.strip(), position=position), by=by)


@transaction.atomic
def follow_up_promise(
    promise: Promise, *, outcome: str, followed_up_on: date, by, comment: str = ""
) -> PromiseFollowUp:
    require_coordinator(by, promise.agreement.kommun)
    if outcome not in PromiseOutcome.values:
        raise ValidationError(_("Välj ett resultat."))
    if followed_up_on > timezone.localdate():
        raise ValidationError(_("En uppföljning kan inte dateras i framtiden."))
    follow_up = PromiseFollowUp(
        promise=promise, outcome=outcome, followed_up_on=followed_up_on, comment=comment.strip()
    )
    return save_as(follow_up, by=by)


def missing_legal_content(agreement: Agreement) -> list[str]:
    """§ 9: an agreement states at least its purposes and its areas."""
    if agreement.kind != AgreementKind.COOPERATION:
        return []
    missing = []
    if not agreement.purposes.strip():
        missing.append(_("syften"))
    if not agreement.areas.strip():
        missing.append(_("samverkansområden"))
    return missing


def is_in_force(agreement: Agreement, today: date) -> bool:
    started = agreement.valid_from is None or agreement.valid_from <= today
    not_ended = agreement.valid_until is None or agreement.valid_until >= today
    return agreement.is_signed and started and not_ended


def agreement_warnings(agreements, *, today: date | None = None) -> list[Warning]:
    """Missing § 9 content, unsigned agreements, expiry and renewal, promises never followed up."""
    today = today or timezone.localdate()
    warnings = []
    for agreement in agreements:
        warnings += _warnings_for(agreement, today)
    return warnings


def _warnings_for(agreement: Agreement, today: date) -> list[Warning]:
    subject = agreement.title
    warnings = []
    missing = missing_legal_content(agreement)
    if missing:
        warnings.append(
            Warning(
                "innehall",
                _("Överenskommelsen anger inte %(missing)s (§ 9 kräver syften och områden).")
                % {"missing": join_with_and(missing)},
                subject,
            )
        )
    if not agreement.is_signed:
        warnings.append(
            Warning("underskrift", _("Överenskommelsen är inte undertecknad."), subject)
        )
    if agreement.valid_until and agreement.valid_until < today:
        warnings.append(
            Warning(
                "utgangen",
                _("Giltigheten gick ut %(date)s. Förnya eller avsluta.")
                % {"date": agreement.valid_until.isoformat()},
                subject,
            )
        )
    elif agreement.valid_until and agreement.valid_until - today <= RENEWAL_NOTICE:
        warnings.append(
            Warning(
                "fornyelse",
                _("Går ut %(date)s – dags att förbereda en förnyelse.")
                % {"date": agreement.valid_until.isoformat()},
                subject,
            )
        )
    if agreement.kind == AgreementKind.CITIZEN_PROMISE:
        warnings += _promise_warnings(agreement, today)
    return warnings


def _promise_warnings(agreement: Agreement, today: date) -> list[Warning]:
    period_ending = agreement.valid_until and agreement.valid_until - today <= RENEWAL_NOTICE
    if not period_ending:
        return []
    return [
        Warning(
            "lofte",
            _("Löftet har inte följts upp: %(text)s") % {"text": promise.text[:80]},
            agreement.title,
        )
        for promise in agreement.promises.all()
        if not promise.follow_ups.all()
    ]


def measures_for_linking(kommun, user):
    return (
        Measure.objects.visible_to(user)
        .filter(plan__kommun=kommun)
        .select_related("plan")
        .order_by("-plan__number", "key")
    )
