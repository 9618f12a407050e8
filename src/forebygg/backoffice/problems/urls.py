from django.urls import path

from forebygg.backoffice.problems import views

urlpatterns = [
    path("", views.index, name="problems"),
    path("nytt/", views.create, name="problem_create"),
    path("<int:pk>/", views.detail, name="problem"),
    path("<int:pk>/bedomning/", views.score, name="problem_score"),
    path("<int:pk>/beslut/", views.decide, name="problem_decide"),
    path("<int:pk>/orsak/", views.add_cause, name="problem_cause"),
    path("<int:pk>/hypotes/", views.add_hypothesis, name="problem_hypothesis"),
    path("<int:pk>/okant/", views.record_unknowns, name="problem_unknowns"),
]
