"""The search facets, declared in one place: adding a facet is adding one entry to FACETS.

A facet is described by where its values live: `source` gives the rows that carry a value for a
case (a join table, persons, the latest proceeding, or the case itself), `case` names the column
of those rows holding the case id and `value` the column (or expression) holding the value.
From this one description come both the filter (filters.py) and the counts (counting.py).

Semantics: values of one facet are OR-ed ("recruitment or transfer"), facets are AND-ed ("a
recruitment case from Mali"). The decision year is a range (year_from, year_to) over the year of
the latest ruling.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from gloact.core.models import Country, Region

from .. import vocabularies as v
from ..models import Case, Jurisdiction, Person, Proceeding, Term

YES, NO = "yes", "no"


@dataclass(frozen=True)
class Facet:
    name: str  # the GET parameter and the key in API responses
    label: str
    source: Callable  # () -> QuerySet of rows carrying values
    case: str  # column of a source row holding the case id
    value: object  # column name or expression holding the value
    labels: Callable  # (language) -> {value: label}, in display order
    boolean: bool = False  # values are yes / no
    integer: bool = False
    is_range: bool = False  # filtered by year_from / year_to instead of values

    def rows(self):
        """Source rows annotated with `facet_value`, rows without a value left out."""
        expression = F(self.value) if isinstance(self.value, str) else self.value
        rows = self.source().annotate(facet_value=expression).filter(facet_value__isnull=False)
        return rows if self.boolean or self.integer else rows.exclude(facet_value="")

    def to_db(self, values) -> list:
        if self.boolean:
            return [value == YES for value in values if value in (YES, NO)]
        if self.integer:
            return [int(value) for value in values if str(value).isdigit()]
        return list(values)

    def to_param(self, value) -> str:
        if self.boolean:
            return YES if value else NO
        return str(value)

    def filter_q(self, values=(), year_from=None, year_to=None) -> Q | None:
        """A condition on Case selecting the cases with any of `values` (None: no condition)."""
        rows = self.rows()
        if self.is_range:
            if year_from is None and year_to is None:
                return None
            if year_from is not None:
                rows = rows.filter(facet_value__gte=year_from)
            if year_to is not None:
                rows = rows.filter(facet_value__lte=year_to)
        else:
            db_values = self.to_db(values)
            if not db_values:
                return None
            rows = rows.filter(facet_value__in=db_values)
        return Q(pk__in=rows.values(self.case))


# --- Value labels -----------------------------------------------------------------------------
def term_labels(vocabulary: str):
    def labels(language):
        return {t.code: t.localized_label(language) for t in Term.objects.of(vocabulary).order_by("order", "code")}

    return labels


def choice_labels(choices):
    def labels(language):
        return {value: str(label) for value, label in choices}

    return labels


def yes_no_labels(yes, no):
    def labels(language):
        return {YES: str(yes), NO: str(no)}

    return labels


def _sorted(pairs) -> dict:
    return dict(sorted(pairs, key=lambda pair: pair[1].casefold()))


def jurisdiction_labels(language):
    return _sorted((j.code, j.localized_name(language)) for j in Jurisdiction.objects.select_related("country"))


def region_labels(language):
    return _sorted((r.code, r.localized_name(language)) for r in Region.objects.filter(level=Region.Level.REGION))


def country_labels(language):
    return _sorted((c.iso3, c.localized_name(language)) for c in Country.objects.all())


def year_labels(language):
    return {}


# --- Sources ----------------------------------------------------------------------------------
def cases():
    return Case.objects.all()


def terms_of(field_name: str):
    through = Case._meta.get_field(field_name).remote_field.through
    return lambda: through.objects.all()


def latest_proceedings():
    return Proceeding.objects.filter(is_latest=True)


def persons(role):
    return lambda: Person.objects.filter(role=role)


def nationalities_of(role):
    through = Person.nationalities.through
    return lambda: through.objects.filter(person__role=role)


def term_facet(name, label, field_name, vocabulary):
    return Facet(name, label, terms_of(field_name), "case_id", "term__code", term_labels(vocabulary))


CHILD_VICTIM = Exists(Person.objects.filter(case=OuterRef("pk"), role=Person.Role.VICTIM, is_child=True))

FACETS: list[Facet] = [
    term_facet("crime", _("Crime type"), "crime_types", v.CRIME_TYPE),
    Facet("region", _("Region"), cases, "pk", "jurisdiction__country__region_id", region_labels),
    Facet("jurisdiction", _("Jurisdiction"), cases, "pk", "jurisdiction__code", jurisdiction_labels),
    Facet("year", _("Year of the decision"), latest_proceedings, "case_id", ExtractYear("date"), year_labels,
          integer=True, is_range=True),
    Facet("court_level", _("Court level"), latest_proceedings, "case_id", "court_level",
          choice_labels(Proceeding.CourtLevel.choices)),
    Facet("outcome", _("Outcome"), latest_proceedings, "case_id", "outcome", choice_labels(Proceeding.Outcome.choices)),
    term_facet("act", _("Trafficking: acts"), "tip_acts", v.TIP_ACT),
    term_facet("means", _("Trafficking: means"), "tip_means", v.TIP_MEANS),
    term_facet("purpose", _("Trafficking: purposes"), "tip_purposes", v.TIP_PURPOSE),
    term_facet("sector", _("Sector of exploitation"), "exploitation_sectors", v.SECTOR),
    Facet("scope", _("Transnational or domestic"), cases, "pk", "tip_scope", choice_labels(Case.Scope.choices)),
    term_facet("aggravation", _("Smuggling: aggravating circumstances"), "som_aggravations",
               v.SMUGGLING_AGGRAVATION),
    Facet("victim_sex", _("Sex of victims"), persons(Person.Role.VICTIM), "case_id", "sex",
          choice_labels(Person.Sex.choices)),
    Facet("child_victims", _("Child victims"), cases, "pk", CHILD_VICTIM,
          yes_no_labels(_("with child victims"), _("without child victims")), boolean=True),
    Facet("victim_nationality", _("Nationality of victims"), nationalities_of(Person.Role.VICTIM),
          "person__case_id", "country_id", country_labels),
    Facet("defendant_sex", _("Sex of defendants"), persons(Person.Role.DEFENDANT), "case_id", "sex",
          choice_labels(Person.Sex.choices)),
    term_facet("article", _("Protocol and Convention articles"), "legal_articles", v.PROTOCOL_ARTICLE),
    Facet("landmark", _("Landmark cases"), cases, "pk", "is_landmark",
          yes_no_labels(_("landmark cases"), _("other cases")), boolean=True),
]
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}
