"""Public pages of the case law database: search, case page, browse by country and by article.
Everything shown is public: published cases, their public texts, persons by public label."""

import json

from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from . import selectors
from .languages import TEXT_LANGUAGES, same_language
from .search import CaseQuery, InvalidCursor, bitmaps, facet_counts, search_cases
from .search.facets import FACETS_BY_NAME
from .usage import record_case_view, record_search

PAGE_SIZE = 20
OPEN_FACETS = {"crime", "region", "act", "means", "purpose", "year"}
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _active_filters(query: CaseQuery, facets) -> list[dict]:
    """The selected values, each with the link that removes it."""
    labels = {f.name: {value.value: value.label for value in f.values} for f in facets}
    active = []
    for name, values in query.filters.items():
        for value in values:
            active.append({
                "facet": str(FACETS_BY_NAME[name].label),
                "label": labels.get(name, {}).get(value, value),
                "url": "?" + query.without(name, value).urlencode(),
            })
    if query.year_from is not None or query.year_to is not None:
        years = f"{query.year_from or '…'}–{query.year_to or '…'}"
        active.append({"facet": str(FACETS_BY_NAME["year"].label), "label": years,
                       "url": "?" + query.without("year").urlencode()})
    return active


@require_safe
@vary_on_headers("HX-Request")
def search(request):
    query = CaseQuery.from_params(request.GET)
    language = get_language()
    cursor = request.GET.get("cursor") or None
    # The text is matched once; the page and the facet counts are both taken from that set.
    matched = bitmaps.TextMatches.of(query.text_query)
    try:
        results = search_cases(query, language, PAGE_SIZE, cursor, matched=matched)
        cursor_lost = False
    except InvalidCursor:  # a damaged link, or one from another sort order: the first page, and why
        cursor, cursor_lost = None, True
        results = search_cases(query, language, PAGE_SIZE, matched=matched)
    if not cursor and not query.is_empty:
        record_search(query.text, results.total)
    facets = facet_counts(query, language, matched=matched)
    context = {
        "query": query,
        "results": results,
        "facets": [f for f in facets if not f.facet.is_range],
        "year_facet": next(f for f in facets if f.facet.is_range),
        "open_facets": OPEN_FACETS,
        "active_filters": _active_filters(query, facets),
        "is_next_page": bool(cursor),
        "cursor_lost": cursor_lost,
    }
    htmx = getattr(request, "htmx", None)
    partial = bool(htmx) and not htmx.history_restore_request
    template = "caselaw/search/_results.html" if partial else "caselaw/search/search.html"
    return render(request, template, context)


def _json_ld_html(data: dict) -> str:
    """JSON for a <script type="application/ld+json"> element, with <, > and & escaped so that no
    text of the case can close the element."""
    return mark_safe(json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES))  # nosec B703 B308 # every piece of text is escaped before the markup is added


def case_json_ld(case, texts, url: str) -> dict:
    """schema.org description of the decision (no persons)."""
    latest = case.latest_proceeding
    country = case.jurisdiction.country
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "additionalType": "https://schema.org/Legislation",
        "name": texts.title,
        "identifier": [case.public_id] + [i for i in (case.court_reference, case.ecli) if i],
        "url": url,
        "inLanguage": texts.language,
        "description": Truncator(texts.summary).chars(300),
        "spatialCoverage": {"@type": "Country" if country else "Place", "name": case.jurisdiction.name},
        "keywords": [term.localized_label(texts.language) for term in case.crime_types.all()],
        "isAccessibleForFree": True,
    }
    if latest and latest.date:
        data["dateCreated"] = latest.date.isoformat()
        data["creator"] = {"@type": "GovernmentOrganization", "name": latest.court_name}
    if case.published_at:
        data["datePublished"] = case.published_at.date().isoformat()
    return data


def citation(case, texts, url: str) -> str:
    """"Title, Court, reference, date (gloact MLI007, URL)"."""
    latest = case.latest_proceeding
    parts = [texts.title]
    if latest:
        parts += [latest.court_name, latest.reference or case.court_reference]
        if latest.date:
            parts.append(latest.date.isoformat())
    return ", ".join(p for p in parts if p) + f" (gloact {case.public_id}, {url})"


@require_safe
def case_detail(request, public_id: str):
    case = selectors.published_case(public_id)
    record_case_view(case)
    language = get_language()
    texts = case.texts_for(language)
    url = request.build_absolute_uri(reverse("caselaw:case_detail", kwargs={"public_id": case.public_id}))
    language_names = dict(TEXT_LANGUAGES)
    context = {
        "case": case,
        "texts": texts,
        "shown_in_other_language": not same_language(texts.language, language),
        "text_language_name": language_names.get(texts.language, texts.language),
        "other_languages": [
            (code, language_names.get(code, code)) for code in case.available_languages() if code != texts.language
        ],
        "proceedings": list(case.proceedings.all()),
        "persons": selectors.public_persons(case),
        "charges": selectors.charges_by_defendant(case),
        "route": {role: case.route_countries(role) for role in ("origin", "transit", "destination")},
        "national_provisions": [line.strip() for line in case.national_provisions.splitlines() if line.strip()],
        "sources": list(case.sources.all()),
        "similar": [(c, c.texts_for(language)) for c in selectors.similar_cases(case)],
        "citation": citation(case, texts, url),
        "json_ld": _json_ld_html(case_json_ld(case, texts, url)),
        "description": Truncator(texts.summary).chars(200),
        "canonical_url": url,
    }
    return render(request, "caselaw/case/detail.html", context)


@require_safe
def browse_countries(request):
    groups = selectors.jurisdictions_by_region(get_language())
    return render(request, "caselaw/search/countries.html", {"groups": groups})


@require_safe
def browse_articles(request):
    return render(request, "caselaw/search/articles.html", {"articles": selectors.articles_with_counts()})
