from django.urls import path, re_path

from forebygg.backoffice.plans import views

urlpatterns = [
    path("", views.index, name="plans"),
    path("ny/", views.create, name="plan_create"),
    path("<int:number>/", views.detail, name="plan"),
    path("<int:number>/atgard/ny/", views.measure_create, name="measure_create"),
    path("<int:number>/atgard/<str:key>/", views.measure_detail, name="measure"),
    path("<int:number>/atgard/<str:key>/andra/", views.measure_edit, name="measure_edit"),
    path("<int:number>/atgard/<str:key>/mal/", views.target_add, name="target_add"),
    path("<int:number>/atgard/<str:key>/status/", views.status_report, name="status_report"),
    path(
        "<int:number>/atgard/<str:key>/mal/<int:pk>/varde/", views.reading_add, name="reading_add"
    ),
    path("<int:number>/besluta/", views.decide, name="plan_decide"),
    path("<int:number>/revidera/", views.revise, name="plan_revise"),
    path("<int:number>/publicera/", views.publish, name="plan_publish"),
    path("<int:number>/uppfoljning/", views.follow_up, name="follow_up"),
    path("<int:number>/uppfoljning/ny/", views.follow_up_record, name="follow_up_record"),
    re_path(
        r"^(?P<number>[0-9]+)/uppfoljning/(?P<pk>[0-9]+)/ladda-ner\.(?P<format>docx|pdf)$",
        views.follow_up_download,
        name="follow_up_download",
    ),
    re_path(
        r"^(?P<number>[0-9]+)/atgardsplan\.(?P<format>docx|pdf)$",
        views.plan_document_download,
        name="plan_document",
    ),
    re_path(
        r"^(?P<number>[0-9]+)/atgarder\.(?P<format>csv|xlsx)$",
        views.sheet_export,
        name="plan_export",
    ),
    path("<int:number>/importera/", views.sheet_import, name="plan_import"),
]
