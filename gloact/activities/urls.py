from django.urls import include, path

app_name = "activities"
urlpatterns = [
    # Workplans, activities, participants, attendance and certificates.
    path("", include("gloact.activities.urls_records")),
    # Tests, satisfaction, follow-up surveys (personal links, no login), trainers' cascade, indicator feeds.
    path("", include("gloact.activities.urls_learning")),
]
