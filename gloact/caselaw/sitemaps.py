"""sitemap.xml: the pages of published cases that search engines may index, in every language."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Case

CASE_PAGE = "caselaw:case_detail"


def indexable_cases():
    """Published cases whose editors did not ask search engines to stay away (noindex)."""
    return Case.objects.published().filter(noindex=False).order_by("public_id")


class CaseSitemap(Sitemap):
    changefreq = "monthly"
    i18n = True
    alternates = True
    x_default = True
    languages = [code for code, _name in settings.LANGUAGES]
    limit = 5000

    def items(self):
        return indexable_cases().only("public_id", "updated_at")

    def location(self, case):
        return reverse(CASE_PAGE, kwargs={"public_id": case.public_id})

    def lastmod(self, case):
        return case.updated_at


SITEMAPS = {"cases": CaseSitemap}
