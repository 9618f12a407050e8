from django.urls import path

from forebygg.backoffice.problems import views

urlpatterns = [
    path("", views.index, name="problems"),
    path("nytt/", views.create, name="problem_create"),
    path("<id:pk>/", views.detail, name="problem"),
    path("<id:pk>/bedomning/", views.score, name="problem_score"),
    path("<id:pk>/beslut/", views.decide, name="problem_decide"),
    path("<id:pk>/orsak/", views.add_cause, name="problem_cause"),
    path("<id:pk>/hypotes/", views.add_hypothesis, name="problem_hypothesis"),
    path("<id:pk>/okant/", views.record_unknowns, name="problem_unknowns"),
]
