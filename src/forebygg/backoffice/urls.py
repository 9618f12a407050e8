from django.urls import include, path

from forebygg.backoffice import plan_views, views

app_name = "backoffice"
urlpatterns = [
    path("", views.my_workspaces, name="my_workspaces"),
    path("<str:code>/", views.workspace, name="workspace"),
    path("<str:code>/anteckningar/ny/", views.note_edit, name="note_create"),
    path("<str:code>/anteckningar/<int:pk>/", views.note_detail, name="note"),
    path("<str:code>/anteckningar/<int:pk>/andra/", views.note_edit, name="note_edit"),
    path("<str:code>/bjud-in/", views.invite, name="invite"),
    path("<str:code>/import/", include("forebygg.backoffice.import_urls")),
    path("<str:code>/lagesbild/", include("forebygg.backoffice.lagesbild_urls")),
    path("<str:code>/problem/", include("forebygg.backoffice.problem_urls")),
    path("<str:code>/atgardsplan/", include("forebygg.backoffice.plan_urls")),
    path("<str:code>/varningar/", plan_views.warnings_panel, name="warnings"),
    path("<str:code>/arsredovisning/", include("forebygg.backoffice.reporting_urls")),
    path("<str:code>/erfarenheter/", include("forebygg.backoffice.methods_urls")),
    path("<str:code>/andringslogg/", include("forebygg.backoffice.audit_urls")),
    path("<str:code>/", include("forebygg.backoffice.governance_urls")),
]
