"""The change log's URL."""

from django.urls import path

from forebygg.backoffice.audit import views

urlpatterns = [
    path("", views.change_log, name="change_log"),
]
