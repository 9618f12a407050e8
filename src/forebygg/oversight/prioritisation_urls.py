from django.urls import path

from forebygg.oversight import prioritisation_views as views

urlpatterns = [
    path("", views.prioritisation, name="prioritisation"),
    path("rangordning.csv", views.prioritisation_csv, name="prioritisation_csv"),
    path("vikter/", views.prioritisation_weights, name="prioritisation_weights"),
]
