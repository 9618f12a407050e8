from django.urls import path

from forebygg.backoffice.lagesbild import views

urlpatterns = [
    path("", views.index, name="lagesbild_index"),
    path("nytt-utkast/", views.create_draft, name="lagesbild_create"),
    path("<id:number>/", views.detail, name="lagesbild"),
    path("<id:number>/avsnitt/<str:key>/", views.edit_section, name="lagesbild_section"),
    path("<id:number>/problemkandidat/", views.add_candidate, name="lagesbild_candidate"),
    path(
        "<id:number>/faststall/bekrafta/", views.confirm_decision, name="lagesbild_decide_confirm"
    ),
    path("<id:number>/faststall/", views.decide, name="lagesbild_decide"),
    path("<id:number>/publicera/", views.publish, name="lagesbild_publish"),
    path("<id:number>/jamfor/", views.compare, name="lagesbild_compare"),
    path("<id:number>/ladda-ner.<docx_or_pdf:format>", views.download, name="lagesbild_download"),
]
