"""The admin is for site admins (role SITE_ADMIN or superuser), whatever is_staff says.

Brå's analysts get in too, but see only the method library (`methods/admin.py`): every other
model admin inherits `SiteAdminModelAdmin` and stays closed to them.

The admin is an audience of its own: it builds on the domain apps and `core.views` (the
change log page it shares with the workspace) and imports no other audience app.
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from forebygg.core.forms import ModelForm
from forebygg.core.views import change_log_context
from forebygg.orgs.access import access_for, not_found


class ForebyggAdminSite(admin.AdminSite):
    site_header = _("Förebygg – administration")
    site_title = _("Förebygg")
    index_title = _("Webbplatsadministration")
    index_template = "site_admin/index.html"

    def has_permission(self, request):
        access = access_for(request.user)
        return request.user.is_active and (access.is_site_admin or access.is_national)

    def index(self, request, extra_context=None):
        show = {"show_change_log": access_for(request.user).is_site_admin}
        return super().index(request, {**(extra_context or {}), **show})

    def get_urls(self):
        change_log = path("andringslogg/", self.admin_view(self.change_log_view), name="change_log")
        return [change_log, *super().get_urls()]

    def change_log_view(self, request):
        """Every change on the site, newest first; for site admins, not Brå's analysts."""
        if not access_for(request.user).is_site_admin:
            raise not_found()
        context = {
            **self.each_context(request),
            **change_log_context(request),
            "title": _("Ändringslogg"),
        }
        return TemplateResponse(request, "site_admin/change_log.html", context)


admin_site = ForebyggAdminSite(name="admin")


class SiteAdminModelAdmin(SimpleHistoryAdmin):
    """Full rights for site admins, with each object's change history one click away."""

    form = ModelForm  # the input rules of every form of the project

    def _is_site_admin(self, request) -> bool:
        return access_for(request.user).is_site_admin

    def has_module_permission(self, request):
        return self._is_site_admin(request)

    def has_view_permission(self, request, obj=None):
        return self._is_site_admin(request)

    def has_add_permission(self, request):
        return self._is_site_admin(request)

    def has_change_permission(self, request, obj=None):
        return self._is_site_admin(request)

    def has_delete_permission(self, request, obj=None):
        return self._is_site_admin(request)

    def history_view(self, request, object_id, extra_context=None):
        """simple_history filters by the id as typed: one that is no id is a 404, not a 500."""
        try:
            self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            raise not_found() from None
        return super().history_view(request, object_id, extra_context)
