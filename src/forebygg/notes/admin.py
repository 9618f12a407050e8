from django.contrib import admin

from forebygg.notes.models import Note
from forebygg.site_admin import SiteAdminModelAdmin, admin_site


@admin.register(Note, site=admin_site)
class NoteAdmin(SiteAdminModelAdmin):
    list_display = ("title", "kommun", "visibility", "updated_at")
    list_filter = ("visibility",)
