from django.contrib import admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from forebygg.core.forms import InputRules, ModelForm
from forebygg.orgs.access import access_for
from forebygg.orgs.models import Invitation, Membership, Organisation, Partnership
from forebygg.site_admin import SiteAdminModelAdmin, admin_site


class MembershipInline(admin.TabularInline):
    model = Membership
    form = ModelForm
    extra = 0
    autocomplete_fields = ("organisation",)

    def has_view_permission(self, request, obj=None):
        return access_for(request.user).is_site_admin

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission


@admin.register(Organisation, site=admin_site)
class OrganisationAdmin(SiteAdminModelAdmin):
    list_display = ("name", "type", "home_kommun", "home_lan")
    list_filter = ("type",)
    search_fields = ("name",)
    autocomplete_fields = ("home_kommun",)


@admin.register(Membership, site=admin_site)
class MembershipAdmin(SiteAdminModelAdmin):
    list_display = ("user", "organisation", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "organisation__name")
    autocomplete_fields = ("organisation",)


@admin.register(Partnership, site=admin_site)
class PartnershipAdmin(SiteAdminModelAdmin):
    list_display = ("kommun", "organisation")


@admin.register(Invitation, site=admin_site)
class InvitationAdmin(SiteAdminModelAdmin):
    list_display = ("email", "organisation", "kommun", "expires_at", "accepted_at")
    readonly_fields = ("token_hash",)


class UserChangeForm(InputRules, auth_forms.UserChangeForm):
    pass


class UserCreationForm(InputRules, auth_forms.AdminUserCreationForm):
    pass


@admin.register(get_user_model(), site=admin_site)
class ForebyggUserAdmin(UserAdmin):
    inlines = [MembershipInline]
    form = UserChangeForm
    add_form = UserCreationForm

    def has_module_permission(self, request):
        return access_for(request.user).is_site_admin

    def has_view_permission(self, request, obj=None):
        return access_for(request.user).is_site_admin

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission
