"""Public case law pages under /cases/ (inside the language prefixes)."""

from django.urls import path

from . import views
from .feeds import NewCasesFeed

app_name = "caselaw"
urlpatterns = [
    path("", views.search, name="search"),
    path("feed/", NewCasesFeed(), name="feed"),
    path("countries/", views.browse_countries, name="countries"),
    path("articles/", views.browse_articles, name="articles"),
    path("<str:public_id>/", views.case_detail, name="case_detail"),
]
