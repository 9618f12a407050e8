"""The one place that decides what a user may see and change.

Every lookup of kommun-owned data goes through `visible_to`/`editable_by` on
`KommunOwnedQuerySet`, or through `get_for_user`. Views never fetch by primary key on
their own (docs/architecture.md, "Scoping").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from forebygg.core.models import AuditedModel
from forebygg.orgs.models import Membership, Partnership, Role

_CACHE_ATTRIBUTE = "_forebygg_access"


class Visibility(models.TextChoices):
    DRAFT = "utkast", _("Utkast – bara kommunen")
    SUBMITTED = "inskickad", _("Inskickad till länsstyrelsen")
    PUBLISHED = "publicerad", _("Publicerad för alla")


@dataclass(frozen=True)
class Access:
    """What one user's memberships grant, computed once per request."""

    coordinator_kommun_ids: frozenset[int] = frozenset()
    staff_kommun_ids: frozenset[int] = frozenset()
    partner_org_ids: frozenset[int] = frozenset()
    partner_kommun_ids: frozenset[int] = frozenset()
    county_lan_ids: frozenset[int] = frozenset()
    is_national: bool = False
    is_site_admin: bool = False

    @property
    def has_any_role(self) -> bool:
        return bool(
            self.staff_kommun_ids
            or self.partner_org_ids
            or self.county_lan_ids
            or self.is_national
            or self.is_site_admin
        )


NO_ACCESS = Access()


def access_for(user) -> Access:
    if user is None or not user.is_authenticated or not user.is_active:
        return NO_ACCESS
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    access = _compute_access(user)
    setattr(user, _CACHE_ATTRIBUTE, access)
    return access


def forget_access(user) -> None:
    """Call after changing a user's memberships within the same request."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def _compute_access(user) -> Access:
    memberships = list(
        Membership.objects.filter(user=user).values_list(
            "role", "organisation_id", "organisation__home_kommun_id", "organisation__home_lan_id"
        )
    )
    coordinator, staff, partner_orgs, county = set(), set(), set(), set()
    is_national = False
    is_site_admin = user.is_superuser
    for role, organisation_id, kommun_id, lan_id in memberships:
        if role == Role.COORDINATOR:
            coordinator.add(kommun_id)
            staff.add(kommun_id)
        elif role == Role.KOMMUN_MEMBER:
            staff.add(kommun_id)
        elif role == Role.PARTNER_MEMBER:
            partner_orgs.add(organisation_id)
        elif role == Role.COUNTY_OFFICER:
            county.add(lan_id)
        elif role == Role.NATIONAL_ANALYST:
            is_national = True
        elif role == Role.SITE_ADMIN:
            is_site_admin = True
    partner_kommuner = set(
        Partnership.objects.filter(organisation_id__in=partner_orgs).values_list(
            "kommun_id", flat=True
        )
    )
    return Access(
        coordinator_kommun_ids=frozenset(coordinator),
        staff_kommun_ids=frozenset(staff),
        partner_org_ids=frozenset(partner_orgs),
        partner_kommun_ids=frozenset(partner_kommuner),
        county_lan_ids=frozenset(county),
        is_national=is_national,
        is_site_admin=is_site_admin,
    )


class KommunOwnedQuerySet(QuerySet):
    def visible_to(self, user) -> KommunOwnedQuerySet:
        access = access_for(user)
        if access.is_site_admin:
            return self.all()
        rule = Q(visibility=Visibility.PUBLISHED) | Q(kommun_id__in=access.staff_kommun_ids)
        rule |= Q(
            kommun__lan_id__in=access.county_lan_ids,
            visibility__in=[Visibility.SUBMITTED, Visibility.PUBLISHED],
        )
        if access.partner_org_ids:
            rule |= Q(
                pk__in=self._shared_with_ids(access.partner_org_ids),
                kommun_id__in=access.partner_kommun_ids,
            )
        return self.filter(rule)

    def editable_by(self, user) -> KommunOwnedQuerySet:
        return self.filter(kommun_id__in=access_for(user).coordinator_kommun_ids)

    def _shared_with_ids(self, organisation_ids):
        field = self.model._meta.get_field("shared_with")
        through = field.remote_field.through
        return through.objects.filter(
            **{f"{field.m2m_reverse_field_name()}__in": organisation_ids}
        ).values(field.m2m_field_name())


class KommunOwnedModel(AuditedModel):
    """Data a kommun owns. Who sees it follows `visibility` and `shared_with` (see `visible_to`)."""

    kommun = models.ForeignKey("geo.Kommun", on_delete=models.PROTECT, related_name="+")
    visibility = models.CharField(
        _("synlighet"), max_length=12, choices=Visibility.choices, default=Visibility.DRAFT
    )
    shared_with = models.ManyToManyField(
        "orgs.Organisation", verbose_name=_("delas med"), blank=True, related_name="+"
    )

    objects = KommunOwnedQuerySet.as_manager()

    class Meta:
        abstract = True


def get_for_user(queryset: KommunOwnedQuerySet, user, *, for_edit: bool = False, **lookup):
    """Fetch one object the user may see (or edit); anything else is a 404, never a 403 leak."""
    scoped = queryset.editable_by(user) if for_edit else queryset.visible_to(user)
    try:
        return scoped.get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404(_("Sidan finns inte eller så saknar du behörighet.")) from None


def workspace_kommun_ids_for(user) -> set[int] | None:
    """Kommuner whose workspace the user may open; None means all (Brå, site admin)."""
    access = access_for(user)
    if access.is_site_admin or access.is_national:
        return None
    return set(access.staff_kommun_ids | access.partner_kommun_ids)


def can_open_workspace(user, kommun) -> bool:
    access = access_for(user)
    if not access.has_any_role:
        return False
    allowed = workspace_kommun_ids_for(user)
    return allowed is None or kommun.pk in allowed or kommun.lan_id in access.county_lan_ids


def can_edit_kommun(user, kommun) -> bool:
    return kommun.pk in access_for(user).coordinator_kommun_ids


def require_coordinator(user, kommun) -> None:
    """Domain functions that change a kommun's data call this first."""
    if not can_edit_kommun(user, kommun):
        raise PermissionDenied(_("Bara kommunens samordnare kan ändra det här."))


def is_kommun_staff(user, kommun) -> bool:
    access = access_for(user)
    return access.is_site_admin or kommun.pk in access.staff_kommun_ids


def is_national_viewer(user) -> bool:
    """Brå's analysts (and site admins) see the national overview and prioritisation."""
    access = access_for(user)
    return access.is_national or access.is_site_admin


def can_view_county(user, lan) -> bool:
    """The länsstyrelse of the län, and Brå, see the county overview."""
    return lan.pk in access_for(user).county_lan_ids or is_national_viewer(user)
