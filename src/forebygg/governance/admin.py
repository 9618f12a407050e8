from django.contrib import admin

from forebygg.governance.models import (
    Agreement,
    ContactPerson,
    CoordinationFunction,
    Council,
    CouncilReport,
    Leadership,
)
from forebygg.site_admin import SiteAdminModelAdmin, admin_site


@admin.register(Agreement, site=admin_site)
class AgreementAdmin(SiteAdminModelAdmin):
    list_display = ("title", "kind", "kommun", "signed_on", "valid_until", "visibility")
    list_filter = ("kind", "visibility")
    search_fields = ("title", "kommun__name")


@admin.register(Council, site=admin_site)
class CouncilAdmin(SiteAdminModelAdmin):
    list_display = ("name", "kommun", "visibility")
    search_fields = ("name", "kommun__name")


@admin.register(CoordinationFunction, site=admin_site)
class CoordinationFunctionAdmin(SiteAdminModelAdmin):
    list_display = ("name", "kommun", "email", "visibility")
    search_fields = ("name", "kommun__name")


@admin.register(Leadership, site=admin_site)
class LeadershipAdmin(SiteAdminModelAdmin):
    list_display = ("body_name", "body_kind", "kommun")


@admin.register(CouncilReport, site=admin_site)
class CouncilReportAdmin(SiteAdminModelAdmin):
    list_display = ("title", "kommun", "reported_on")


@admin.register(ContactPerson, site=admin_site)
class ContactPersonAdmin(SiteAdminModelAdmin):
    list_display = ("name", "organisation", "kommun")
    search_fields = ("name", "organisation__name")
