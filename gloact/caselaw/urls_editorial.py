"""Editors' quality pages under /editorial/, and the public coverage and feedback pages."""

from django.urls import path

from . import views_editorial as views

app_name = "editorial"

# Editors only (each view checks the role).
urlpatterns = [
    path("quality/", views.quality_list, name="quality"),
    path("quality/jurisdictions/", views.quality_by_jurisdiction, name="quality_jurisdictions"),
    path("quality/<str:public_id>/", views.case_quality, name="case_quality"),
    path("links/", views.broken_links, name="broken_links"),
    path("contributors/", views.contributors, name="contributors"),
    path("tasks/", views.tasks, name="tasks"),
    path("coverage/detail/", views.coverage_detail, name="coverage_detail"),
    path("insight/", views.insight, name="insight"),
]

# Public: anyone, no login.
urlpatterns += [
    path("coverage/", views.coverage_public, name="coverage"),
    path("feedback/<str:public_id>/", views.feedback, name="feedback"),
]
