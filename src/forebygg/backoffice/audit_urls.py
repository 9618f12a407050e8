from django.urls import path

from forebygg.backoffice import audit_views as views

urlpatterns = [
    path("", views.change_log, name="change_log"),
]
