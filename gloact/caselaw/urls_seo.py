"""robots.txt and sitemap.xml, at the site root outside the language prefixes. The sitemap is not
cached: a case unpublished after a takedown request leaves it at once."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponse
from django.urls import path, reverse
from django.views.decorators.http import require_safe

from .sitemaps import SITEMAPS

# Back office, accounts, editorial and contributor workspaces, and privacy pages: never indexed.
PRIVATE_PREFIXES = ("admin", "account", "editorial", "contribute", "privacy")


@require_safe
def robots_txt(request):
    languages = [""] + [f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    lines = ["User-agent: *"]
    lines += [f"Disallow: {language}/{prefix}/" for language in languages for prefix in PRIVATE_PREFIXES]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
