"""The workspace ("Min arbetsyta"): one package per area, its URLs under /arbetsyta/<kod>/."""

from django.urls import include, path

from forebygg.backoffice.home import views as home
from forebygg.backoffice.plans import views as plans

app_name = "backoffice"
urlpatterns = [
    path("", home.my_workspaces, name="my_workspaces"),
    path("<str:code>/", home.workspace, name="workspace"),
    path("<str:code>/anteckningar/ny/", home.note_create, name="note_create"),
    path("<str:code>/anteckningar/<id:pk>/", home.note_detail, name="note"),
    path("<str:code>/anteckningar/<id:pk>/andra/", home.note_edit, name="note_edit"),
    path("<str:code>/bjud-in/", home.invite, name="invite"),
    path("<str:code>/import/", include("forebygg.backoffice.imports.urls")),
    path("<str:code>/lagesbild/", include("forebygg.backoffice.lagesbild.urls")),
    path("<str:code>/problem/", include("forebygg.backoffice.problems.urls")),
    path("<str:code>/atgardsplan/", include("forebygg.backoffice.plans.urls")),
    path("<str:code>/varningar/", plans.warnings_panel, name="warnings"),
    path("<str:code>/arsredovisning/", include("forebygg.backoffice.reporting.urls")),
    path("<str:code>/erfarenheter/", include("forebygg.backoffice.methods.urls")),
    path("<str:code>/andringslogg/", include("forebygg.backoffice.audit.urls")),
    path("<str:code>/", include("forebygg.backoffice.governance.urls")),
]
