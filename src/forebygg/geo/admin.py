from django.contrib import admin

from forebygg.geo.models import Kommun, KommunGroup, KommunGroupMembership, Lan, Population
from forebygg.site_admin import SiteAdminModelAdmin, admin_site


class ReferenceAdmin(SiteAdminModelAdmin):
    """Reference data comes from import-reference; the admin shows it, never edits it."""

    exclude = ("geometry", "svg_path")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Lan, site=admin_site)
class LanAdmin(ReferenceAdmin):
    list_display = ("code", "name")


@admin.register(Kommun, site=admin_site)
class KommunAdmin(ReferenceAdmin):
    list_display = ("code", "short_name", "lan")
    list_filter = ("lan",)
    search_fields = ("code", "short_name", "name")


@admin.register(KommunGroup, site=admin_site)
class KommunGroupAdmin(ReferenceAdmin):
    list_display = ("version", "code", "name", "main_group_name")
    list_filter = ("version",)


@admin.register(KommunGroupMembership, site=admin_site)
class KommunGroupMembershipAdmin(ReferenceAdmin):
    list_display = ("kommun", "version", "group")
    list_filter = ("version",)


@admin.register(Population, site=admin_site)
class PopulationAdmin(ReferenceAdmin):
    list_display = ("kommun", "year", "population", "source")
    list_filter = ("year",)
    search_fields = ("kommun__short_name",)
