"""The statistics tables of a country (and of a region), protected before anyone sees them.

Every table a page shows or a CSV export holds comes from here, after `protect_tables`: the trend
table (indicator x year), and per year the detected victims by sex and age and by form of
exploitation and sex. A country's tables of all years are protected together, because they share
cells (a year's total appears in the trend and in that year's breakdowns); a region comparison
takes each country's trend cells from that same protection.

Where the source repeats a key with another value, a suppressed repeat wins (the cautious
reading), otherwise the later row.
"""

from dataclasses import dataclass, field

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import Population, StatisticsDataset, StatisticValue
from .models.statistics import Age, Dimension, Indicator, Sex
from .suppression import Cell, Table, TextCell, protect_tables

TREND_INDICATORS = [Indicator.DETECTED_VICTIMS, Indicator.BROUGHT_INTO_CONTACT, Indicator.PROSECUTED, Indicator.CONVICTED]
SEXES = [Sex.FEMALE, Sex.MALE, Sex.OTHER, Sex.UNKNOWN]
AGES = [Age.CHILD, Age.ADULT, Age.UNKNOWN]
FORMS = ["Sexual exploitation", "Forced labour", "Other forms of exploitation"]
TOTAL = "total"


def _form_label(form: str) -> str:
    labels = {
        "Sexual exploitation": _("Sexual exploitation"),
        "Forced labour": _("Forced labour"),
        "Other forms of exploitation": _("Other forms of exploitation"),
    }
    return labels.get(form, form)


def default_dataset() -> StatisticsDataset | None:
    """The latest Global Report dataset."""
    return StatisticsDataset.objects.filter(kind=StatisticsDataset.Kind.GLOBAL_REPORT).order_by("-code").first()


def datasets_for(country) -> list[StatisticsDataset]:
    national = StatisticsDataset.objects.filter(kind=StatisticsDataset.Kind.NATIONAL, country=country)
    return [d for d in [default_dataset()] if d] + list(national)


# --- Reading stored values ------------------------------------------------------------------


def _resolved_values(queryset) -> dict[tuple, Cell]:
    """{(iso3, indicator, dimension, category, sex, age, year): Cell} with repeats resolved."""
    cells: dict[tuple, Cell] = {}
    rows = queryset.order_by("row_number").values_list(
        "country_id", "indicator", "dimension", "category", "sex", "age", "year", "value", "suppressed"
    )
    for iso3, indicator, dimension, category, sex, age, year, value, suppressed in rows:
        key = (iso3, indicator, dimension, category, sex, age, year)
        earlier = cells.get(key)
        if earlier is not None and earlier.suppressed:
            continue
        cells[key] = Cell(value, suppressed, key)
    return cells


def _cell(values: dict, key: tuple) -> Cell:
    found = values.get(key)
    return Cell(found.value, found.suppressed, key) if found else Cell(None, False, key)


@dataclass
class CountryTables:
    country: object
    dataset: StatisticsDataset | None
    trend: Table | None = None
    by_sex_and_age: dict[int, Table] = field(default_factory=dict)  # year -> table
    by_form_and_sex: dict[int, Table] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        return sorted(set(self.by_sex_and_age) | set(self.by_form_and_sex), reverse=True)

    def tables(self) -> list[Table]:
        return [t for t in [self.trend, *self.by_sex_and_age.values(), *self.by_form_and_sex.values()] if t]


def _trend(country, values) -> Table | None:
    iso3 = country.iso3
    years = sorted({k[6] for k in values if k[2] == Dimension.TOTAL and k[4] == TOTAL and k[5] == TOTAL})
    indicators = [i for i in TREND_INDICATORS if any(k[1] == i and k[2] == Dimension.TOTAL for k in values)]
    if not years or not indicators:
        return None
    return Table(
        title=_("Persons detected, prosecuted and convicted per year"),
        row_header=_("Indicator"),
        row_labels=[capfirst(str(Indicator(i).label)) for i in indicators],
        column_labels=[str(y) for y in years],
        cells=[[_cell(values, (iso3, i, Dimension.TOTAL, "Total", TOTAL, TOTAL, y)) for y in years] for i in indicators],
    )


def _by_sex_and_age(country, values, year) -> Table | None:
    iso3, victims, total_dim = country.iso3, Indicator.DETECTED_VICTIMS, Dimension.TOTAL

    def key(sex, age):
        return (iso3, victims, total_dim, "Total", sex, age, year)

    sexes = [s for s in SEXES if any(key(s, a) in values for a in [*AGES, TOTAL])]
    ages = [a for a in AGES if any(key(s, a) in values for s in [*SEXES, TOTAL])]
    if not sexes or not ages:
        return None
    return Table(
        title=_("Detected victims by sex and age, %(year)s") % {"year": year},
        row_header=_("Sex"),
        row_labels=[capfirst(str(Sex(s).label)) for s in sexes],
        column_labels=[capfirst(str(Age(a).label)) for a in ages],
        cells=[[_cell(values, key(s, a)) for a in ages] for s in sexes],
        row_totals=[_cell(values, key(s, TOTAL)) for s in sexes],
        column_totals=[_cell(values, key(TOTAL, a)) for a in ages],
        grand_total=_cell(values, key(TOTAL, TOTAL)),
    )


def _by_form_and_sex(country, values, year) -> Table | None:
    iso3, victims = country.iso3, Indicator.DETECTED_VICTIMS

    def key(form, sex):
        if form is None:
            return (iso3, victims, Dimension.TOTAL, "Total", sex, TOTAL, year)
        return (iso3, victims, Dimension.FORM_OF_EXPLOITATION, form, sex, TOTAL, year)

    forms = [f for f in FORMS if any(key(f, s) in values for s in [*SEXES, TOTAL])]
    sexes = [s for s in SEXES if any(key(f, s) in values for f in forms)]
    if not forms or not sexes:
        return None
    return Table(
        title=_("Detected victims by form of exploitation and sex, %(year)s") % {"year": year},
        row_header=_("Form of exploitation"),
        row_labels=[_form_label(f) for f in forms],
        column_labels=[capfirst(str(Sex(s).label)) for s in sexes],
        cells=[[_cell(values, key(f, s)) for s in sexes] for f in forms],
        row_totals=[_cell(values, key(f, TOTAL)) for f in forms],
        column_totals=[_cell(values, key(None, s)) for s in sexes],
        grand_total=_cell(values, key(None, TOTAL)),
    )


def _build(country, dataset, values) -> CountryTables:
    result = CountryTables(country, dataset, trend=_trend(country, values))
    for year in sorted({k[6] for k in values}):
        if table := _by_sex_and_age(country, values, year):
            result.by_sex_and_age[year] = table
        if table := _by_form_and_sex(country, values, year):
            result.by_form_and_sex[year] = table
    protect_tables(result.tables())
    return result


def _values_query(dataset):
    return StatisticValue.objects.filter(
        dataset=dataset, dimension__in=[Dimension.TOTAL, Dimension.FORM_OF_EXPLOITATION]
    )


def country_tables(country, dataset: StatisticsDataset | None) -> CountryTables:
    if dataset is None:
        return CountryTables(country, None)
    return _build(country, dataset, _resolved_values(_values_query(dataset).filter(country=country)))


# --- Derived tables -------------------------------------------------------------------------


def rate_table(tables: CountryTables) -> tuple[Table | None, bool]:
    """SDG 16.2.2: detected victims per 100,000 population, for years with a population figure.
    Returns (table, population_loaded). A suppressed count gives no rate."""
    populations = dict(Population.objects.filter(country=tables.country).values_list("year", "population"))
    if not populations or tables.trend is None:
        return None, bool(populations)
    row_labels = [capfirst(str(Indicator.DETECTED_VICTIMS.label))]
    if row_labels[0] not in tables.trend.row_labels:
        return None, True
    victims = tables.trend.cells[tables.trend.row_labels.index(row_labels[0])]
    years = [int(y) for y in tables.trend.column_labels]
    rows, labels = [], []
    for year, cell in zip(years, victims, strict=True):
        if year not in populations:
            continue
        rate = "" if cell.value is None else f"{cell.value / populations[year] * 100_000:.2f}"
        labels.append(str(year))
        rows.append([Cell(cell.value, cell.suppressed), Cell(populations[year]), TextCell(rate)])
    if not rows:
        return None, True
    return Table(
        title=_("Detected victims per 100,000 population (SDG indicator 16.2.2)"),
        row_header=_("Year"),
        row_labels=labels,
        column_labels=[_("Detected victims"), _("Population"), _("Rate per 100,000")],
        cells=rows,
    ), True


def region_comparison(region, indicator: str, dataset: StatisticsDataset | None, years: int = 6) -> Table | None:
    """Totals of `indicator` for the countries of a sub-region over the last `years` years, each
    cell as protected in its own country's tables."""
    if dataset is None:
        return None
    from gloact.core.models import Country

    countries = list(Country.objects.filter(subregion=region))
    values = _resolved_values(_values_query(dataset).filter(country__in=countries))
    last = values and max(k[6] for k in values)
    if not last:
        return None
    span = list(range(last - years + 1, last + 1))
    label = capfirst(str(Indicator(indicator).label))
    rows, labels = [], []
    for country in countries:
        own = {k: v for k, v in values.items() if k[0] == country.iso3}
        if not own:
            continue
        trend = _build(country, dataset, own).trend
        if trend is None or label not in trend.row_labels:
            continue
        by_year = dict(zip(trend.column_labels, trend.cells[trend.row_labels.index(label)], strict=True))
        if all(by_year.get(str(y), Cell()).missing for y in span):
            continue
        rows.append([by_year.get(str(y), Cell()) for y in span])
        labels.append(country.localized_name())
    if not rows:
        return None
    return Table(
        title=_("%(indicator)s in %(region)s") % {"indicator": label, "region": region.localized_name()},
        row_header=_("Country"),
        row_labels=labels,
        column_labels=[str(y) for y in span],
        cells=rows,
    )
