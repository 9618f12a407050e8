"""URLs for uploading statistics files."""

from django.urls import path

from forebygg.backoffice.imports import views

urlpatterns = [
    path("", views.upload, name="import_upload"),
    path("las-in/", views.confirm, name="import_confirm"),
]
