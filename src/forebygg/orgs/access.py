"""The one place that decides what a user may see and change.

Every lookup of kommun data goes through `visible_to` / `editable_by` on the model's queryset
(`KommunOwnedQuerySet` for what a kommun owns, `ChildQuerySet` for what hangs under it, such
as a council's meetings or a measure's targets), or through `get_for_user`. Views never fetch
by primary key on their own (docs/architecture.md, "Scoping"; a test reads the views' syntax
trees to keep it so).

A person's rights in kommun K come from K: K's own staff, or a partner member whom K's
coordinator invited or confirmed for K (`Membership.kommun`). Being a member of an
organisation that also works with another kommun gives nothing there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from forebygg.core.models import AuditedModel
from forebygg.orgs.enums import Level, Role, Visibility
from forebygg.orgs.models import Membership

_CACHE_ATTRIBUTE = "_forebygg_access"
NOT_FOUND = _("Sidan finns inte eller så saknar du behörighet.")


def not_found() -> Http404:
    """The one answer for what is missing and for what the user may not see."""
    return Http404(NOT_FOUND)


@dataclass(frozen=True)
class Access:
    """What one user's memberships grant, computed once per request."""

    coordinator_kommun_ids: frozenset[int] = frozenset()
    staff_kommun_ids: frozenset[int] = frozenset()
    # kommun id → the organisations through which the user is that kommun's partner
    partner_organisations: Mapping[int, frozenset[int]] = field(default_factory=dict)
    county_lan_ids: frozenset[int] = frozenset()
    is_national: bool = False
    is_site_admin: bool = False

    @cached_property
    def partner_kommun_ids(self) -> frozenset[int]:
        return frozenset(self.partner_organisations)

    @property
    def has_any_role(self) -> bool:
        return bool(
            self.staff_kommun_ids
            or self.partner_organisations
            or self.county_lan_ids
            or self.is_national
            or self.is_site_admin
        )

    def partner_rule(self, *, kommun: str, organisations) -> Q:
        """Rows of a kommun where the user is a partner, reached through that kommun's orgs.

        `kommun` is the lookup to the row's kommun id; `organisations` turns a set of
        organisation ids into the condition on the row (a lookup or a subquery).
        """
        rule = Q(pk__in=[])
        for kommun_id, organisation_ids in self.partner_organisations.items():
            rule |= Q(**{kommun: kommun_id}) & organisations(organisation_ids)
        return rule

    def level_in(self, kommun) -> Level | None:
        """The user's level in the kommun's workspace; None: it does not open for them."""
        if kommun.pk in self.coordinator_kommun_ids:
            return Level.COORDINATOR
        if kommun.pk in self.staff_kommun_ids or self.is_site_admin:
            return Level.STAFF
        if kommun.pk in self.partner_organisations:
            return Level.PARTNER
        if self.is_national or kommun.lan_id in self.county_lan_ids:
            return Level.READER
        return None


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
            "role", "organisation__home_kommun_id", "organisation__home_lan_id"
        )
    )
    coordinator, staff, county = set(), set(), set()
    is_national = False
    is_site_admin = user.is_superuser
    for role, kommun_id, lan_id in memberships:
        if role == Role.COORDINATOR:
            coordinator.add(kommun_id)
            staff.add(kommun_id)
        elif role == Role.KOMMUN_MEMBER:
            staff.add(kommun_id)
        elif role == Role.COUNTY_OFFICER:
            county.add(lan_id)
        elif role == Role.NATIONAL_ANALYST:
            is_national = True
        elif role == Role.SITE_ADMIN:
            is_site_admin = True
    return Access(
        coordinator_kommun_ids=frozenset(coordinator),
        staff_kommun_ids=frozenset(staff),
        partner_organisations=_partner_organisations(user),
        county_lan_ids=frozenset(county),
        is_national=is_national,
        is_site_admin=is_site_admin,
    )


def _partner_organisations(user) -> dict[int, frozenset[int]]:
    """Kommun → organisations, for partner memberships the kommun invited or confirmed.

    The organisation must still be the kommun's partner: ending the partnership ends access.
    """
    pairs = Membership.objects.filter(
        user=user,
        role=Role.PARTNER_MEMBER,
        kommun__isnull=False,
        organisation__partnerships__kommun=F("kommun"),
    ).values_list("kommun_id", "organisation_id")
    found: dict[int, set[int]] = {}
    for kommun_id, organisation_id in pairs:
        found.setdefault(kommun_id, set()).add(organisation_id)
    return {kommun_id: frozenset(ids) for kommun_id, ids in found.items()}


# --- querysets ---------------------------------------------------------------------------


class ScopedQuerySet(QuerySet):
    """What every scoped queryset answers: who sees it, who changes it, which kommun holds it."""

    def visible_to(self, user) -> ScopedQuerySet:
        raise NotImplementedError

    def editable_by(self, user) -> ScopedQuerySet:
        raise NotImplementedError

    def in_kommun(self, kommun) -> ScopedQuerySet:
        return self.filter(**{self.model.kommun_lookup(): kommun})


class KommunOwnedQuerySet(ScopedQuerySet):
    def visible_to(self, user) -> KommunOwnedQuerySet:
        access = access_for(user)
        if access.is_site_admin:
            return self.all()
        rule = Q(visibility=Visibility.PUBLISHED) | Q(kommun_id__in=access.staff_kommun_ids)
        rule |= Q(
            kommun__lan_id__in=access.county_lan_ids,
            visibility__in=[Visibility.SUBMITTED, Visibility.PUBLISHED],
        )
        if access.partner_organisations:
            rule |= access.partner_rule(
                kommun="kommun_id",
                organisations=lambda ids: Q(pk__in=self._shared_with_ids(ids)),
            )
        return self.filter(rule)

    def editable_by(self, user) -> KommunOwnedQuerySet:
        return self.filter(kommun_id__in=access_for(user).coordinator_kommun_ids)

    def _shared_with_ids(self, organisation_ids):
        shared = self.model._meta.get_field("shared_with")
        through = shared.remote_field.through
        return through.objects.filter(
            **{f"{shared.m2m_reverse_field_name()}__in": organisation_ids}
        ).values(shared.m2m_field_name())


class ChildQuerySet(ScopedQuerySet):
    """Rows that hang under a scoped parent: seen and changed exactly as the parent is."""

    def visible_to(self, user) -> ChildQuerySet:
        parent, model = self._parent()
        return self.filter(**{f"{parent}__in": model.objects.visible_to(user)})

    def editable_by(self, user) -> ChildQuerySet:
        parent, model = self._parent()
        return self.filter(**{f"{parent}__in": model.objects.editable_by(user)})

    def _parent(self):
        name = self.model.scope_parent
        return name, self.model._meta.get_field(name).related_model


# --- models --------------------------------------------------------------------------------


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
    # Sharing is recorded with every version, so history shows who could read which version.
    _history_m2m_fields: tuple[str, ...] = ("shared_with",)

    class Meta:
        abstract = True

    @classmethod
    def kommun_lookup(cls) -> str:
        return "kommun"


class ScopedChild(AuditedModel):
    """A row that belongs to a kommun through its parent (`scope_parent`, a foreign key name).

    The declared path is how `visible_to`, the change log and the workspace reach the kommun:
    a meeting through its council, a target through its measure and plan.
    """

    scope_parent: ClassVar[str]

    objects = ChildQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def kommun_lookup(cls) -> str:
        parent = cls._meta.get_field(cls.scope_parent).related_model
        return f"{cls.scope_parent}__{parent.kommun_lookup()}"


# --- the one lookup ------------------------------------------------------------------------


def get_for_user(queryset: ScopedQuerySet, user, *, for_edit: bool = False, **lookup):
    """Fetch one object the user may see (or edit); anything else is a 404, never a 403 leak."""
    scoped = queryset.editable_by(user) if for_edit else queryset.visible_to(user)
    found = scoped.filter(**lookup)[:2]
    if len(found) != 1:
        raise not_found()
    return found[0]


def level_in(user, kommun) -> Level | None:
    return access_for(user).level_in(kommun)


def workspace_kommun_ids_for(user) -> set[int] | None:
    """Kommuner whose workspace the user may open; None means all (Brå, site admin)."""
    access = access_for(user)
    if access.is_site_admin or access.is_national:
        return None
    return set(access.staff_kommun_ids | access.partner_kommun_ids)


def can_open_workspace(user, kommun) -> bool:
    return level_in(user, kommun) is not None


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
