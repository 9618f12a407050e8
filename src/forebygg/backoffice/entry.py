"""Where the kommun enters the workspace: once per request, for every workspace view.

`workspace_view` resolves the kommun from the URL's `code`, works out the user's level there
(`orgs.enums.Level`) and puts both on the request as `request.workspace`. A user below the
level a view asks for gets the same 404 as for a kommun that does not exist. Inside the view,
every object comes from `request.workspace.get(...)` or `.visible(...)`, which scope to the
user and to this kommun in one step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from forebygg.core.views import apply_form
from forebygg.geo.domain.queries import get_kommun_or_404
from forebygg.geo.models import Kommun
from forebygg.orgs.access import ScopedQuerySet, access_for, get_for_user, not_found
from forebygg.orgs.enums import Level


@dataclass(frozen=True)
class Workspace:
    """One user in one kommun's workspace."""

    kommun: Kommun
    user: object
    level: Level

    @property
    def code(self) -> str:
        return self.kommun.code

    @property
    def can_edit(self) -> bool:
        return self.level is Level.COORDINATOR

    @property
    def is_staff(self) -> bool:
        return self.level >= Level.STAFF

    @property
    def is_site_admin(self) -> bool:
        return access_for(self.user).is_site_admin

    def visible(self, queryset: ScopedQuerySet) -> ScopedQuerySet:
        """What the user may read of this kommun's rows of the queryset."""
        return queryset.visible_to(self.user).in_kommun(self.kommun)

    def editable(self, queryset: ScopedQuerySet) -> ScopedQuerySet:
        return queryset.editable_by(self.user).in_kommun(self.kommun)

    def get(self, queryset: ScopedQuerySet, *, for_edit: bool = False, **lookup):
        """One row of this kommun the user may read (or change); anything else is a 404."""
        return get_for_user(queryset.in_kommun(self.kommun), self.user, for_edit=for_edit, **lookup)


def enter_workspace(request, code: str, *, level: Level, also_site_admin: bool) -> Workspace:
    kommun = get_kommun_or_404(code)
    found = access_for(request.user).level_in(kommun)
    admitted = found is not None and found >= level
    if not admitted and also_site_admin and access_for(request.user).is_site_admin:
        admitted = True
    if not admitted:
        raise not_found()
    return Workspace(kommun=kommun, user=request.user, level=found)


def workspace_view(
    level: Level = Level.READER,
    *,
    also_site_admin: bool = False,
    methods: Sequence[str] | None = None,
):
    """Decorate a workspace view: login, then the kommun and the user's level on the request.

    `level` is the least a user needs; site admins read like staff and change nothing, so a
    coordinator's page admits them only with `also_site_admin` (the change log, the import).
    `methods` (for actions: `["POST"]`) is checked before the kommun is entered, so a GET of
    an action is a 405 for everyone logged in, whatever their level; an anonymous visitor is
    sent to the login page first. The view is called without `code`; it reads
    `request.workspace`.
    """

    def decorate(view: Callable):
        @wraps(view)
        def entered(request, code, *args, **kwargs):
            request.workspace = enter_workspace(
                request, code, level=level, also_site_admin=also_site_admin
            )
            return view(request, *args, **kwargs)

        if methods is not None:
            entered = require_http_methods(list(methods))(entered)
        return login_required(entered)

    return decorate


# --- "validate, call the domain function, say how it went, go back" -------------------------


def submit(request, form, action: Callable[[dict], object], *, success: str, then: str, **kwargs):
    """`apply_form`, then back to the named page `then` of this workspace (with `kwargs`)."""
    apply_form(request, form, action, success=success)
    return redirect(then, code=request.workspace.code, **kwargs)
