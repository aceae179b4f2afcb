"""Atom feeds of newly published cases: all of them, or those of one search (the same GET
parameters as the search page). Entries carry only public texts, in the reader's language."""

from dataclasses import replace

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .search import CaseQuery, search_cases

FEED_SIZE = 50


class NewCasesFeed(Feed):
    feed_type = Atom1Feed
    description_template = None

    def get_object(self, request, *args, **kwargs):
        return replace(CaseQuery.from_params(request.GET), sort="published")

    def title(self, query):
        if query.is_empty:
            return _("New cases in the gloact case law database")
        return _("New cases matching a search in the gloact case law database")

    def subtitle(self, query):
        return _("Court decisions on trafficking in persons and the smuggling of migrants, newest first.")

    def link(self, query):
        params = query.urlencode()
        return reverse("caselaw:search") + (f"?{params}" if params else "")

    def feed_url(self, query):
        params = query.urlencode()
        return reverse("caselaw:feed") + (f"?{params}" if params else "")

    def items(self, query):
        return search_cases(query, get_language(), limit=FEED_SIZE).hits

    def item_title(self, hit):
        return f"{hit.case.public_id}: {hit.texts.title}"

    def item_description(self, hit):
        # An Atom summary of type "html" is markup to feed readers: the plain text is escaped for
        # that, and the feed's XML escapes it once more.
        return escape(Truncator(hit.texts.summary).chars(600))

    def item_link(self, hit):
        return reverse("caselaw:case_detail", kwargs={"public_id": hit.case.public_id})

    def item_guid(self, hit):
        return hit.case.public_id

    item_guid_is_permalink = False

    def item_pubdate(self, hit):
        return hit.case.published_at

    def item_updateddate(self, hit):
        return hit.case.updated_at

    def item_categories(self, hit):
        return [term.code for term in hit.case.crime_types.all()]
