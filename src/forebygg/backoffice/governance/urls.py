from django.urls import path

from forebygg.backoffice.governance import views

urlpatterns = [
    path("aktorer/", views.actors, name="actors"),
    path("aktorer/ny/", views.actor_register, name="actor_register"),
    path("aktorer/kontakt/", views.contact_add, name="contact_add"),
    path(
        "aktorer/<int:organisation_id>/bidrag/",
        views.actor_contribution,
        name="actor_contribution",
    ),
    path("samverkan/", views.agreements, name="agreements"),
    path("samverkan/ny/", views.agreement_edit, name="agreement_create"),
    path("samverkan/<int:pk>/", views.agreement_detail, name="agreement"),
    path("samverkan/<int:pk>/andra/", views.agreement_edit, name="agreement_edit"),
    path("samverkan/<int:pk>/publicera/", views.agreement_publish, name="agreement_publish"),
    path("samverkan/<int:pk>/lofte/", views.promise_add, name="promise_add"),
    path(
        "samverkan/<int:pk>/lofte/<int:promise_pk>/uppfoljning/",
        views.promise_follow_up,
        name="promise_follow_up",
    ),
    path("dokument/<int:pk>/", views.document_download, name="document"),
    path("rad/", views.council, name="council"),
    path("rad/ny/", views.council_create, name="council_create"),
    path("rad/ledamot/", views.member_add, name="member_add"),
    path("rad/ledamot/<int:pk>/avgang/", views.member_leave, name="member_leave"),
    path("rad/arbetsgrupp/", views.group_add, name="group_add"),
    path("rad/mote/", views.meeting_add, name="meeting_add"),
    path("rad/mote/<int:pk>/", views.meeting_detail, name="meeting"),
    path("rad/mote/<int:pk>/protokoll/", views.minutes_save, name="minutes_save"),
    path("rad/mote/<int:pk>/beslut/", views.decision_add, name="decision_add"),
    path(
        "rad/mote/<int:pk>/beslut/<int:decision_pk>/klart/",
        views.decision_done,
        name="decision_done",
    ),
    path("arshjul/", views.cycle, name="cycle"),
    path("arshjul/ny/", views.cycle_add, name="cycle_add"),
    path("samordning/", views.coordination, name="coordination"),
    path("samordning/publicera/", views.coordination_publish, name="coordination_publish"),
    path("ledning/", views.leadership, name="leadership"),
    path("ledning/organ/", views.leadership_save, name="leadership_save"),
    path("ledning/rapport/", views.report_add, name="report_add"),
    path("ledning/plan/", views.linked_plan_add, name="linked_plan_add"),
    path("lagkrav/", views.compliance, name="compliance"),
]
