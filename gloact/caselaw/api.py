"""Case law API (read-only, public): published cases with the same search and facets as the
search page, facet counts, and the controlled vocabularies.

Cases are given in their public representation (public.case_record): no restricted identity, no
text extracted from decision documents. Every client (IP address) may make settings.GLOACT_API_RATE
requests; beyond that the answer is 429.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from ninja import Field, Query, Router, Schema, Status
from ninja.throttling import AnonRateThrottle
from pydantic import BaseModel, ConfigDict, create_model

from .models import Case, Vocabulary
from .public import case_record, load_public_cases
from .search import FACETS, CaseQuery, InvalidCursor, bitmaps, facet_counts, search_cases
from .search.query import SORTS


class ClientRateThrottle(AnonRateThrottle):
    """Per client address, at the rate of settings.GLOACT_API_RATE (read at each request, so it
    can be changed without a restart and in tests); an empty rate turns the limit off."""

    def __init__(self):
        super().__init__(rate="60/m")

    def allow_request(self, request) -> bool:
        self.rate = getattr(settings, "GLOACT_API_RATE", "60/m")
        if not self.rate:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


router = Router(tags=["case law"], throttle=[ClientRateThrottle()])


# --- Schemas ----------------------------------------------------------------------------------
class Out(BaseModel):
    """An answer's schema. The endpoints give plain dicts (public.case_record), which pydantic
    checks on its own; ninja's Schema would wrap each in a getter for model attributes, a third
    of the time of a search page of 20 cases. Vocabularies come as model instances (attributes)."""

    model_config = ConfigDict(from_attributes=True)


class JurisdictionOut(Out):
    code: str
    name: str
    kind: str
    country: str | None = Field(description="ISO 3166 alpha-3 code; null for international courts")
    region: str | None = Field(description="UN M49 region of the country")


class TextsOut(Out):
    summary: str
    reasoning: str
    commentary: str
    why_included: str


class TranslationOut(TextsOut):
    title: str


class ProceedingOut(Out):
    order: int
    court_name: str
    court_level: str
    reference: str
    date: str | None
    decision_text: str
    outcome: str
    is_latest: bool


class PersonOut(Out):
    label: str = Field(description="Public label: pseudonym (V1, D2), or initials or name where allowed")
    role: str
    kind: str
    sex: str
    age_band: str
    is_child: bool
    nationalities: list[str]
    role_detail: str


class ChargeOut(Out):
    defendant: str = Field(description="Public label of the defendant")
    legal_provision: str
    charge: str
    verdict: str
    imprisonment_months: int | None
    fine_amount: str | None
    fine_currency: str
    confiscation: bool
    confiscation_details: str
    compensation_amount: str | None
    compensation_currency: str
    sentence_notes: str


class TraffickingOut(Out):
    acts: list[str]
    means: list[str]
    purposes: list[str]
    sectors: list[str]
    scope: str


class RouteOut(Out):
    origin: list[str]
    transit: list[str]
    destination: list[str]


class SmugglingOut(Out):
    material_benefit: bool | None
    offences: list[str]
    aggravations: list[str]
    modes: list[str]
    route: RouteOut


class LegalOut(Out):
    articles: list[str]
    national_provisions: list[str]


class SourceOut(Out):
    kind: str
    title: str
    url: str
    language: str
    sha256: str
    size: int | None
    redacted_text: str = Field(description="The anonymised text of the decision")


class CaseOut(Out):
    """A published case. Classifications are lists of stable term codes (see /vocabularies)."""

    public_id: str
    court_reference: str
    ecli: str
    title: str
    jurisdiction: JurisdictionOut
    crime_types: list[str]
    decision_languages: list[str]
    is_landmark: bool
    is_synthetic: bool
    original_language: str
    texts: TextsOut
    translations: dict[str, TranslationOut]
    proceedings: list[ProceedingOut]
    persons: list[PersonOut]
    charges: list[ChargeOut]
    trafficking: TraffickingOut
    smuggling: SmugglingOut
    legal: LegalOut
    protection_measures: list[str]
    human_rights_aspects: list[str]
    sources: list[SourceOut]
    published_at: str | None
    updated_at: str | None


class FacetValueOut(Out):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Out):
    name: str
    label: str
    values: list[FacetValueOut]


class CasePage(Out):
    count: int = Field(description="Number of cases matching the search")
    next: str | None = Field(description="URL of the next page, null on the last page")
    next_cursor: str | None
    order: str = Field(description="The order of the results: relevance, date or published. A text search comes by "
                                   "date when every word of it is in at least half of the published cases, too common "
                                   "to rank them")
    results: list[CaseOut]
    facets: list[FacetOut] | None = Field(None, description="The facet counts of the search, with facets=true")


class FacetsOut(Out):
    count: int
    facets: list[FacetOut]


class TermOut(Out):
    code: str
    label: str
    labels: dict[str, str]
    active: bool


class VocabularyOut(Out):
    code: str
    name: str
    names: dict[str, str]


class VocabularyDetailOut(VocabularyOut):
    terms: list[TermOut]


class Error(Out):
    detail: str


class InvalidParametersOut(Out):
    detail: list[dict] = Field(description="One entry per invalid parameter: its location (loc), type and message")


# Answers every operation may give: a parameter that breaks the documented types (422) and a client
# over its rate (429). Listed so that clients, and the schema-based fuzzer, know to expect them.
COMMON_ERRORS = {422: InvalidParametersOut, 429: Error}


# The search parameters, one per facet, generated from the facet declarations.
_FACET_FIELDS = {
    facet.name: (list[str], Field(default=[], description=f"{facet.label} (several values: any of them)"))
    for facet in FACETS if not facet.is_range
}
SearchParams = create_model(
    "SearchParams",
    __base__=Schema,
    q=(str, Field(default="", description='Text: words, "a phrase", -excluded, a OR b')),
    sort=(str, Field(default="", description=f"One of {', '.join(SORTS)}; default relevance with text, else date")),
    year_from=(int | None, Field(default=None, description="Year of the latest ruling, from")),
    year_to=(int | None, Field(default=None, description="Year of the latest ruling, to")),
    **_FACET_FIELDS,
)


def _case_query(params) -> CaseQuery:
    values = {k: v for k, v in params.dict().items() if v not in (None, "", [])}
    return CaseQuery.from_params(values)


# --- Endpoints --------------------------------------------------------------------------------
def _facets_out(query: CaseQuery, language: str, matched: bitmaps.TextMatches) -> list[dict]:
    return [{"name": f.name, "label": f.label, "values": [v.__dict__ for v in f.values]}
            for f in facet_counts(query, language, matched=matched)]


@router.get("/cases", response={200: CasePage, 400: Error, **COMMON_ERRORS}, summary="Search published cases")
def list_cases(request, params: Query[SearchParams], cursor: str = "", limit: int = Query(20, ge=1, le=100),
               facets: bool = Query(False, description="Also give the facet counts of the search, as /facets does "
                                                       "(one request instead of two)")):
    query = _case_query(params)
    language = get_language()
    matched = bitmaps.TextMatches.of(query.text_query)  # matched once for the page and the counts
    try:
        # The page's cases loaded once, with everything case_record reads.
        results = search_cases(query, language, limit=limit, cursor=cursor or None, matched=matched,
                               cases=Case.objects.published())
    except InvalidCursor:
        return Status(400, {"detail": "Invalid cursor."})
    next_url = None
    if results.next_cursor:
        next_params = request.GET.copy()
        next_params["cursor"] = results.next_cursor
        next_url = request.build_absolute_uri(f"{request.path}?{next_params.urlencode()}")
    return {
        "count": results.total,
        "next": next_url,
        "next_cursor": results.next_cursor,
        "order": results.sort,
        "results": [case_record(case) for case in load_public_cases([hit.case for hit in results.hits])],
        "facets": _facets_out(query, language, matched) if facets else None,
    }


@router.get("/cases/{public_id}", response={200: CaseOut, 404: Error, **COMMON_ERRORS}, summary="One published case")
def get_case(request, public_id: str):
    case = get_object_or_404(Case.objects.published(), public_id=public_id)
    return case_record(load_public_cases([case])[0])


@router.get("/facets", response={200: FacetsOut, **COMMON_ERRORS}, summary="Facet counts for a search")
def get_facets(request, params: Query[SearchParams]):
    query = _case_query(params)
    language = get_language()
    matched = bitmaps.TextMatches.of(query.text_query)  # matched once for the counts and the total
    return {
        "count": matched.structures.matching(query, matched.cases).bit_count(),
        "facets": _facets_out(query, language, matched),
    }


@router.get("/vocabularies", response={200: list[VocabularyOut], **COMMON_ERRORS}, summary="Controlled vocabularies")
def list_vocabularies(request):
    return list(Vocabulary.objects.order_by("order", "code"))


@router.get("/vocabularies/{code}", response={200: VocabularyDetailOut, 404: Error, **COMMON_ERRORS},
            summary="A vocabulary with its terms and their labels in every language")
def get_vocabulary(request, code: str):
    vocabulary = get_object_or_404(Vocabulary, code=code)
    return {
        "code": vocabulary.code, "name": vocabulary.name, "names": vocabulary.names,
        "terms": list(vocabulary.terms.order_by("order", "code")),
    }
