"""URLs for uploading statistics files: upload, the job's page, confirm, try again."""

from django.urls import path

from forebygg.backoffice.imports import views

urlpatterns = [
    path("", views.upload, name="import_upload"),
    path("jobb/<uuid:job>/", views.job, name="import_job"),
    path("jobb/<uuid:job>/las-in/", views.confirm, name="import_confirm"),
    path("jobb/<uuid:job>/igen/", views.retry, name="import_retry"),
]
