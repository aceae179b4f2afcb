from django.urls import path

from . import views_downloads

app_name = "downloads"
urlpatterns = [
    path("", views_downloads.downloads_page, name="page"),
    path("cases.<str:format>", views_downloads.download_file, name="file"),
]
