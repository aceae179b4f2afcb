from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("", views.index, name="index"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/indicators/<int:indicator_pk>/", views.enter_value, name="enter_value"),
    path("reports/<int:pk>/submit/", views.submit, name="submit"),
    path("reports/<int:pk>/review/", views.review, name="review"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("theories/<int:pk>/", views.toc_detail, name="toc"),
    path("theories/<int:pk>/diagram.svg", views.toc_diagram, name="toc_svg"),
    path("theories/<int:pk>/export.json", views.toc_json, name="toc_json"),
    path("theories/<int:pk>/compare/<int:other>/", views.toc_compare, name="toc_compare"),
    path("<slug:code>/", views.programme_dashboard, name="dashboard"),
    path("<slug:code>/indicators/<int:pk>/", views.indicator_detail, name="indicator"),
    path("<slug:code>/logframe/", views.logframe, name="logframe"),
    path("<slug:code>/gender/", views.gender_view, name="gender"),
    path("<slug:code>/reports/", views.report_list, name="reports"),
    path("<slug:code>/import/", views.import_view, name="import"),
]
