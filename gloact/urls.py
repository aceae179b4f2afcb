from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from two_factor.urls import urlpatterns as two_factor_urls

from gloact.api import api
from gloact.core.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/", api.urls),
    path("", include("gloact.caselaw.urls_seo")),
]
urlpatterns += i18n_patterns(
    # Inside the language prefix so that the switch runs in the page's language and can
    # translate the page's own URL into the chosen one.
    path("i18n/setlang/", set_language, name="set_language"),
    path("", include(two_factor_urls)),
    path("account/", include("gloact.accounts.urls")),
    # One login for the whole site, with lockout and two-factor authentication.
    path("admin/login/", RedirectView.as_view(pattern_name="two_factor:login", query_string=True)),
    path("admin/", admin.site.urls),
    path("cases/", include("gloact.caselaw.urls")),
    path("contribute/", include("gloact.caselaw.urls_contribute")),
    path("editorial/", include("gloact.caselaw.urls_editorial")),
    path("privacy/", include("gloact.caselaw.urls_privacy")),
    path("data/", include("gloact.caselaw.urls_downloads")),
    path("results/", include("gloact.monitoring.urls")),
    path("countries/", include("gloact.countries.urls")),
    path("activities/", include("gloact.activities.urls")),
    path("reports/", include("gloact.reporting.urls")),
    path("", include("gloact.core.urls")),
    prefix_default_language=False,
)

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = settings.SITE_NAME
