from django.urls import path

from . import views

app_name = "countries"
urlpatterns = [
    path("", views.country_index, name="index"),
    path("readiness/", views.readiness_home, name="readiness"),
    path("readiness/priorities/", views.priorities, name="priorities"),
    path("readiness/campaigns/<int:pk>/benchmark/", views.benchmark, name="benchmark"),
    path("readiness/assessments/<int:pk>/", views.assessment_detail, name="assessment"),
    path("readiness/assessments/<int:pk>/review/", views.assessment_review, name="assessment_review"),
    path("readiness/evidence/<int:pk>/", views.evidence_file, name="evidence"),
    path("requests/<int:pk>/agreement/", views.agreement_file, name="agreement"),
    path("regions/<str:code>/statistics/", views.region_statistics, name="region_statistics"),
    path("regions/<str:code>/statistics.csv", views.region_statistics_csv, name="region_statistics_csv"),
    path("<str:iso3>/", views.country_profile, name="profile"),
    path("<str:iso3>/statistics/", views.country_statistics, name="statistics"),
    path("<str:iso3>/statistics/upload/", views.statistics_upload, name="statistics_upload"),
    path("<str:iso3>/statistics/<slug:table>.csv", views.country_statistics_csv, name="statistics_csv"),
]
