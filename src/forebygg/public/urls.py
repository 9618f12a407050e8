from django.urls import path

from forebygg.public import methods_views, views

app_name = "public"
urlpatterns = [
    path("", views.start, name="start"),
    path("sok/", views.search, name="search"),
    path("kommun/<str:code>/", views.kommun, name="kommun"),
    path("kommun/<str:code>/lagesbild/", views.published_lagesbild, name="lagesbild"),
    path("kommun/<str:code>/brottsforebyggande-arbete/", views.prevention, name="prevention"),
    path("kallor/", views.sources, name="sources"),
    path("metoder/", methods_views.methods, name="methods"),
    path("metoder/<slug:slug>/", methods_views.method_detail, name="method"),
    path("erfarenheter/", methods_views.experiences, name="experiences"),
    path("erfarenheter/<id:pk>/", methods_views.experience_detail, name="experience"),
]
