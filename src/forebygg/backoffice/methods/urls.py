"""The experiences' URLs: the list, writing, one experience and publishing it."""

from django.urls import path

from forebygg.backoffice.methods import views

urlpatterns = [
    path("", views.experiences, name="experiences"),
    path("ny/", views.experience_create, name="experience_create"),
    path("<id:pk>/", views.experience_detail, name="experience"),
    path("<id:pk>/andra/", views.experience_edit, name="experience_edit"),
    path("<id:pk>/publicera/", views.experience_publish, name="experience_publish"),
]
