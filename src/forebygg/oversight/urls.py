from django.urls import include, path

from forebygg.oversight import views

app_name = "oversight"
urlpatterns = [
    path("nationellt/", views.national, name="national"),
    path("nationellt/kommuner.csv", views.national_kommuner_csv, name="national_kommuner_csv"),
    path("nationellt/lan.csv", views.national_lan_csv, name="national_lan_csv"),
    path("nationellt/prioritering/", include("forebygg.oversight.prioritisation_urls")),
    path("lan/<str:lan_code>/", views.county, name="county"),
    path("lan/<str:lan_code>/redovisning/<year:year>/", views.county_report, name="county_report"),
    path(
        "lan/<str:lan_code>/redovisning/<year:year>/<str:action>/",
        views.county_report_action,
        name="county_report_action",
    ),
    path(
        "lan/<str:lan_code>/redovisning/<year:year>/export.<str:fmt>",
        views.county_report_export,
        name="county_report_export",
    ),
]
