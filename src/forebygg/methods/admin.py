"""The method library is kept in the admin by Brå's analysts and the site admins."""

from django.contrib import admin

from forebygg.core.forms import ModelForm
from forebygg.methods.models import EvidenceRating, Experience, Method
from forebygg.orgs.access import access_for
from forebygg.site_admin import SiteAdminModelAdmin, admin_site


def _keeps_library(request) -> bool:
    access = access_for(request.user)
    return access.is_site_admin or access.is_national


class LibraryPermissions:
    """Brå's analysts keep the library too: it is national, not any kommun's data."""

    def has_module_permission(self, request):
        return _keeps_library(request)

    def has_view_permission(self, request, obj=None):
        return _keeps_library(request)

    def has_add_permission(self, request, obj=None):
        return _keeps_library(request)

    def has_change_permission(self, request, obj=None):
        return _keeps_library(request)

    def has_delete_permission(self, request, obj=None):
        return _keeps_library(request)


class EvidenceRatingInline(LibraryPermissions, admin.StackedInline):
    model = EvidenceRating
    form = ModelForm
    extra = 0
    fields = (
        ("registry", "rating", "rating_text"),
        ("outcome", "population"),
        ("rated_on", "url"),
        "source_note",
        "verdict",
    )
    readonly_fields = ("verdict",)


@admin.register(Method, site=admin_site)
class MethodAdmin(LibraryPermissions, SiteAdminModelAdmin):
    list_display = ("name", "kind", "slug", "updated_at")
    list_filter = ("kind", "ratings__verdict")
    search_fields = ("name", "other_names", "summary")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [EvidenceRatingInline]


@admin.register(EvidenceRating, site=admin_site)
class EvidenceRatingAdmin(LibraryPermissions, SiteAdminModelAdmin):
    list_display = ("method", "registry", "rating", "outcome", "verdict", "rated_on")
    list_filter = ("registry", "verdict")
    search_fields = ("method__name", "outcome")
    readonly_fields = ("verdict",)


@admin.register(Experience, site=admin_site)
class ExperienceAdmin(SiteAdminModelAdmin):
    list_display = ("title", "kommun", "method", "visibility", "published_at")
    list_filter = ("visibility", "method")
    search_fields = ("title", "problem_text", "kommun__name")
