from django.urls import path

from . import views_records as views

urlpatterns = [
    path("", views.index, name="index"),
    path("workplans/", views.workplan_list, name="workplans"),
    path("workplans/new/", views.workplan_create, name="workplan_create"),
    path("workplans/<int:pk>/", views.workplan_detail, name="workplan"),
    path("workplans/<int:pk>/edit/", views.workplan_edit, name="workplan_edit"),
    path("workplans/<int:pk>/signed-copy/", views.workplan_signed_copy, name="workplan_signed_copy"),
    path("workplans/<int:pk>/activities/new/", views.activity_create, name="activity_create"),
    path("plan/<slug:code>/", views.planned_vs_delivered, name="plan"),
    path("activity/<int:pk>/", views.activity_detail, name="activity"),
    path("activity/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("activity/<int:pk>/attendance/", views.attendance_add, name="attendance_add"),
    path("activity/<int:pk>/attendance/<int:attendance_pk>/remove/", views.attendance_remove, name="attendance_remove"),
    path("activity/<int:pk>/attendance/import/", views.attendance_import_view, name="attendance_import"),
    path("activity/<int:pk>/certificates.pdf", views.event_certificates, name="event_certificates"),
    path("attendance-template.xlsx", views.attendance_template, name="attendance_template"),
    path("certificates/<int:pk>.pdf", views.certificate, name="certificate"),
    path("participants/", views.participant_list, name="participants"),
    path("participants/new/", views.participant_create, name="participant_create"),
    path("participants/duplicates/", views.duplicates, name="duplicates"),
    path("participants/merge/<int:kept>/<int:merged>/", views.merge, name="merge"),
    path("participants/<int:pk>/", views.participant_detail, name="participant"),
    path("participants/<int:pk>/edit/", views.participant_edit, name="participant_edit"),
]
