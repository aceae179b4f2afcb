from django.urls import path

from . import views

app_name = "reporting"
urlpatterns = [
    path("", views.builder, name="builder"),
    path("narratives/", views.narrative_list, name="narratives"),
    path("narratives/add/", views.narrative_add, name="narrative_add"),
    path("narratives/<int:pk>/", views.narrative_edit, name="narrative_edit"),
    path("programmes/<slug:code>/", views.programme_results, name="programme"),
    path("programmes/<slug:code>/results.csv", views.programme_results_csv, name="programme_csv"),
    path("programmes/<slug:code>/results.xlsx", views.programme_results_xlsx, name="programme_xlsx"),
]
