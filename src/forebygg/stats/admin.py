from django.contrib import admin

from forebygg.site_admin import SiteAdminModelAdmin, admin_site
from forebygg.stats.models import DataSource


@admin.register(DataSource, site=admin_site)
class DataSourceAdmin(SiteAdminModelAdmin):
    list_display = ("key", "name", "publisher", "retrieved", "row_count", "imported_at")
    readonly_fields = ("checksum", "row_count", "imported_at")
