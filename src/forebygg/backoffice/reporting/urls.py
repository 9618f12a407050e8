"""The yearly report's URLs: the list, drafting, one report, its export and its moves."""

from django.urls import path

from forebygg.backoffice.reporting import views

urlpatterns = [
    path("", views.yearly_reports, name="yearly_reports"),
    path("ny/", views.yearly_report_draft, name="yearly_report_draft"),
    path("<year:year>/", views.yearly_report, name="yearly_report"),
    path("<year:year>/export.<str:fmt>", views.yearly_report_export, name="yearly_report_export"),
    path("<year:year>/<str:target>/", views.yearly_report_move, name="yearly_report_move"),
]
