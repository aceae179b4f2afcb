from django.urls import path  # noqa: F401

# robots.txt and sitemap.xml, outside the language prefixes.
urlpatterns: list = []
