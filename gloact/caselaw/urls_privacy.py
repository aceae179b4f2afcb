"""Privacy pages, mounted at /privacy/ inside the language prefixes."""

from django.urls import path

from . import views_privacy as views

app_name = "privacy"
urlpatterns = [
    path("cases/<str:public_id>/check/", views.privacy_check, name="check"),
    path("sources/<int:pk>/original/", views.original_file, name="original_file"),
    path("takedown/", views.takedown, name="takedown"),
    path("takedown/received/", views.takedown_received, name="takedown_received"),
]
