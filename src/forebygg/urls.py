from django.conf import settings
from django.urls import include, path
from django.views.i18n import set_language

from forebygg.site_admin import admin_site

urlpatterns = [
    path("", include("forebygg.public.urls")),
    path("", include("forebygg.accounts.urls")),
    path("arbetsyta/", include("forebygg.backoffice.urls")),
    path("oversikt/", include("forebygg.oversight.urls")),
    path("i18n/sprak/", set_language, name="set_language"),
    path("admin/", admin_site.urls),
]

if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler400 = "forebygg.core.views.bad_request"
handler404 = "forebygg.core.views.not_found"
handler500 = "forebygg.core.views.server_error"
