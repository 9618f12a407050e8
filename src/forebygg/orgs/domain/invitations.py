"""Coordinators invite people at partner organisations by an e-mailed, single-use link."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from forebygg.core.models import save_as
from forebygg.orgs.access import can_edit_kommun
from forebygg.orgs.domain.memberships import grant_role
from forebygg.orgs.enums import Role
from forebygg.orgs.models import AUTHORITY_TYPES, Invitation, Organisation, Partnership


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invite_partner(
    *,
    kommun,
    email: str,
    by,
    organisation: Organisation | None = None,
    new_organisation: tuple[str, str] = ("", ""),
) -> tuple[Invitation, str]:
    """Record the invitation, make the organisation a partner, e-mail the link. Returns the token.

    Either an existing `organisation` or a `new_organisation` (name, type) homed in the kommun.
    """
    if not can_edit_kommun(by, kommun):
        raise PermissionDenied(_("Bara kommunens samordnare kan bjuda in samverkansparter."))
    if organisation is None:
        name, type_ = new_organisation
        organisation = Organisation(name=name.strip(), type=type_, home_kommun=kommun)
        organisation.full_clean()
        save_as(organisation, by=by)
    if organisation.type in AUTHORITY_TYPES:
        raise ValidationError(
            _("Kommuner, länsstyrelser och Brå bjuds inte in som samverkansparter.")
        )
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        kommun=kommun,
        organisation=organisation,
        email=email.strip().lower(),
        token_hash=hash_token(token),
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=settings.FOREBYGG_INVITATION_DAYS),
    )
    save_as(invitation, by=by)
    if not Partnership.objects.filter(kommun=kommun, organisation=organisation).exists():
        save_as(Partnership(kommun=kommun, organisation=organisation), by=by)
    _send_invitation_mail(invitation, token)
    return invitation, token


def _send_invitation_mail(invitation: Invitation, token: str) -> None:
    link = settings.FOREBYGG_BASE_URL + reverse("accounts:invitation", kwargs={"token": token})
    context = {"invitation": invitation, "link": link}
    send_mail(
        subject=_("Inbjudan till Förebygg från %(kommun)s") % {"kommun": invitation.kommun.name},
        message=render_to_string("accounts/email/invitation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[invitation.email],
    )


def find_open_invitation(token: str) -> Invitation | None:
    invitation = (
        Invitation.objects.select_related("kommun", "organisation")
        .filter(token_hash=hash_token(token), accepted_at__isnull=True)
        .first()
    )
    if invitation is None or invitation.expires_at < timezone.now():
        return None
    return invitation


def _lock_open(invitation: Invitation) -> Invitation:
    """The invitation as stored now, locked until it is used: two browsers may hold the link."""
    stored = (
        Invitation.objects.select_for_update()
        .filter(pk=invitation.pk, accepted_at__isnull=True)
        .first()
    )
    if stored is None:
        raise ValidationError(_("Inbjudan har redan använts. Be kommunens samordnare om en ny."))
    if stored.expires_at < timezone.now():
        raise ValidationError(_("Inbjudan har gått ut. Be kommunens samordnare om en ny."))
    return stored


@transaction.atomic
def accept_invitation(invitation: Invitation, *, user) -> None:
    """The person becomes a partner member for the inviting kommun, and for no other.

    The link is single-use: of two redemptions at once, the second finds it used.
    """
    stored = _lock_open(invitation)
    grant_role(user, stored.organisation, Role.PARTNER_MEMBER, by=user, kommun=stored.kommun)
    stored.accepted_at = timezone.now()
    stored.accepted_by = user
    save_as(stored, by=user)
    invitation.refresh_from_db()


@transaction.atomic
def register_and_accept(invitation: Invitation, *, username: str, password: str):
    _lock_open(invitation)  # before the account: a redemption that comes second creates none
    taken = ValidationError(_("Användarnamnet är upptaget. Välj ett annat."))
    if get_user_model().objects.filter(username__iexact=username).exists():
        raise taken
    try:
        with transaction.atomic():
            user = get_user_model().objects.create_user(
                username=username, email=invitation.email, password=password
            )
    except IntegrityError:
        raise taken from None  # chosen by someone else a moment ago
    accept_invitation(invitation, user=user)
    return user
