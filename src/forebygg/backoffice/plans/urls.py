from django.urls import path

from forebygg.backoffice.plans import views

urlpatterns = [
    path("", views.index, name="plans"),
    path("ny/", views.create, name="plan_create"),
    path("<id:number>/", views.detail, name="plan"),
    path("<id:number>/atgard/ny/", views.measure_create, name="measure_create"),
    path("<id:number>/atgard/<str:key>/", views.measure_detail, name="measure"),
    path("<id:number>/atgard/<str:key>/andra/", views.measure_edit, name="measure_edit"),
    path("<id:number>/atgard/<str:key>/mal/", views.target_add, name="target_add"),
    path("<id:number>/atgard/<str:key>/status/", views.status_report, name="status_report"),
    path("<id:number>/atgard/<str:key>/mal/<id:pk>/varde/", views.reading_add, name="reading_add"),
    path("<id:number>/besluta/", views.decide, name="plan_decide"),
    path("<id:number>/revidera/", views.revise, name="plan_revise"),
    path("<id:number>/publicera/", views.publish, name="plan_publish"),
    path("<id:number>/uppfoljning/", views.follow_up, name="follow_up"),
    path("<id:number>/uppfoljning/ny/", views.follow_up_record, name="follow_up_record"),
    path(
        "<id:number>/uppfoljning/<id:pk>/ladda-ner.<docx_or_pdf:format>",
        views.follow_up_download,
        name="follow_up_download",
    ),
    path("<id:number>/atgarder.<csv_or_xlsx:format>", views.sheet_export, name="plan_export"),
    path("<id:number>/importera/", views.sheet_import, name="plan_import"),
    path("<id:number>/importera/<uuid:job>/", views.sheet_import_job, name="plan_import_job"),
    path(
        "<id:number>/importera/<uuid:job>/genomfor/",
        views.sheet_import_confirm,
        name="plan_import_confirm",
    ),
    path(
        "<id:number>/importera/<uuid:job>/igen/",
        views.sheet_import_retry,
        name="plan_import_retry",
    ),
]
