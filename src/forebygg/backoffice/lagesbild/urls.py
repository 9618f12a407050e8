from django.urls import path, re_path

from forebygg.backoffice.lagesbild import views

urlpatterns = [
    path("", views.index, name="lagesbild_index"),
    path("nytt-utkast/", views.create_draft, name="lagesbild_create"),
    path("<int:number>/", views.detail, name="lagesbild"),
    path("<int:number>/avsnitt/<str:key>/", views.edit_section, name="lagesbild_section"),
    path("<int:number>/problemkandidat/", views.add_candidate, name="lagesbild_candidate"),
    path("<int:number>/faststall/", views.decide, name="lagesbild_decide"),
    path("<int:number>/publicera/", views.publish, name="lagesbild_publish"),
    path("<int:number>/jamfor/", views.compare, name="lagesbild_compare"),
    re_path(
        r"^(?P<number>[0-9]+)/ladda-ner\.(?P<format>docx|pdf)$",
        views.download,
        name="lagesbild_download",
    ),
]
