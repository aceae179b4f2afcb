"""Results of an IATI activity file into a programme: indicators, baselines, targets and actuals.

The file must pass the XSD and the result rules first; then it is read whole and checked against
the programme, and only if nothing is wrong is it written, in one transaction. What goes where:
- the activity without a parent (related-activity type 1) holds the programme's figures; every
  other activity must name it as parent and have exactly one recipient country, whose figures
  it holds;
- indicators are matched across activities by their reference in vocabulary 99 (the reporting
  organisation's codes, as the export writes them), else by title; they must be new to the
  programme;
- a target in a period that spans the whole activity is the life-of-programme target;
- a programme actual is stored as the programme's own figure only where no country reports the
  same indicator and period in the file: otherwise it is the countries' aggregate, which the
  platform recomputes (IATI does not say by which rule: imported indicators add countries up;
  change the rule after import when it differs). Its comment (an assessment) is kept either way;
- the reports created are approved, since an IATI file publishes approved figures.
What IATI cannot carry does not come back: units, aggregation rules, programme dimensions
(only sex and age), logframe results, narratives.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from gloact.core.models import Country
from gloact.monitoring.models import (
    Assessment, Baseline, DimensionCategory, DisaggregatedValue, Indicator, IndicatorValue, PeriodReport, Programme,
    ReportingPeriod, ReviewEvent, Target,
)
from gloact.monitoring.periods import REPORT_DUE_DAYS

from . import codes
from .validation import parse_activity_file, validate_activity_file

MAX_VALUE = Decimal(10) ** 12  # the monitoring models hold 14 digits, 2 of them decimals
CODE_LENGTH = Indicator._meta.get_field("code").max_length
TITLE_LENGTH = Indicator._meta.get_field("title").max_length


@dataclass
class ParsedFigure:
    line: int
    value: Decimal | None
    comment: str
    category: DimensionCategory | None = None


@dataclass
class ParsedPeriod:
    start: date
    end: date
    targets: list[ParsedFigure] = field(default_factory=list)
    actuals: list[ParsedFigure] = field(default_factory=list)


@dataclass
class ParsedIndicator:
    line: int
    code: str
    title: str
    definition: str
    level: str
    measure: str
    direction: str
    baselines: list[tuple[int, ParsedFigure]] = field(default_factory=list)
    periods: list[ParsedPeriod] = field(default_factory=list)


@dataclass
class ParsedActivity:
    identifier: str
    country: Country | None
    whole: tuple[date | None, date | None]
    indicators: list[ParsedIndicator] = field(default_factory=list)


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    indicators: int = 0
    values: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


class _Reader:
    """Reads the activity file into Parsed* records, collecting every error on the way."""

    def __init__(self):
        self.errors: list[str] = []
        self.categories = {
            (c.dimension.code, c.code): c
            for c in DimensionCategory.objects.filter(dimension__controlled=True, dimension__code__in=codes.EXPORTED_DIMENSIONS)
            .select_related("dimension")
        }

    def error(self, element, message: str) -> None:
        self.errors.append(_("line %(line)s: %(message)s") % {"line": element.sourceline, "message": message})

    def activities(self, tree) -> list[ParsedActivity]:
        elements = tree.getroot().findall("iati-activity")
        parents = [a for a in elements if not a.findall("related-activity[@type='%s']" % codes.RELATED_PARENT)]
        if len(parents) != 1:
            self.error(tree.getroot(), _("The file must hold one programme activity (one without a parent activity); "
                                         "it holds %(count)s.") % {"count": len(parents)})
            return []
        programme_identifier = _text(parents[0].find("iati-identifier"))
        parsed = [self.activity(parents[0], None)]
        seen_countries = set()
        for element in elements:
            if element is parents[0]:
                continue
            refs = {r.get("ref") for r in element.findall("related-activity[@type='%s']" % codes.RELATED_PARENT)}
            if refs != {programme_identifier}:
                self.error(element, _("This activity's parent is not the programme activity %(identifier)s.")
                           % {"identifier": programme_identifier})
                continue
            countries = element.findall("recipient-country")
            if len(countries) != 1:
                self.error(element, _("A country activity must have exactly one recipient country."))
                continue
            country = Country.objects.filter(iso2=countries[0].get("code", "").upper()).first()
            if country is None:
                self.error(countries[0], _("Unknown country code %(code)s.") % {"code": countries[0].get("code")})
                continue
            if country.pk in seen_countries:
                self.error(element, _("A second activity for %(country)s.") % {"country": country.name})
                continue
            seen_countries.add(country.pk)
            parsed.append(self.activity(element, country))
        return parsed

    def activity(self, element, country) -> ParsedActivity:
        dates = {d.get("type"): d.get("iso-date") for d in element.findall("activity-date")}
        start = dates.get(codes.ACTUAL_START) or dates.get(codes.PLANNED_START)
        end = dates.get(codes.ACTUAL_END) or dates.get(codes.PLANNED_END)
        activity = ParsedActivity(
            _text(element.find("iati-identifier")), country,
            (date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None),
        )
        for result in element.findall("result"):
            level = codes.LEVELS_FROM_RESULT_TYPE.get(result.get("type"), Indicator.Level.OUTCOME)
            for indicator in result.findall("indicator"):
                parsed = self.indicator(indicator, level)
                if parsed:
                    activity.indicators.append(parsed)
        return activity

    def indicator(self, element, level: str) -> ParsedIndicator | None:
        measure = codes.MEASURES_FROM_CODE.get(element.get("measure"))
        if measure is None:
            self.error(element, _("Indicator measure %(measure)s is not one of IATI's codes 1-5.")
                       % {"measure": element.get("measure")})
            return None
        reference = element.find("reference[@vocabulary='%s']" % codes.OWN_INDICATOR_VOCABULARY)
        code = reference.get("code", "").strip() if reference is not None else ""
        title = _narrative(element.find("title"))
        if len(code) > CODE_LENGTH or len(title) > TITLE_LENGTH:
            self.error(element, _("Indicator codes may have %(code)s characters and titles %(title)s.")
                       % {"code": CODE_LENGTH, "title": TITLE_LENGTH})
            return None
        ascending = element.get("ascending", "1").strip().lower() not in ("0", "false")
        parsed = ParsedIndicator(
            element.sourceline, code, title, _narrative(element.find("description")), level, measure,
            Indicator.Direction.INCREASE if ascending else Indicator.Direction.DECREASE,
        )
        for baseline in element.findall("baseline"):
            figure = self.figure(baseline)
            if figure:
                parsed.baselines.append((int(baseline.get("year")), figure))
        for period in element.findall("period"):
            item = ParsedPeriod(date.fromisoformat(period.find("period-start").get("iso-date")),
                                date.fromisoformat(period.find("period-end").get("iso-date")))
            item.targets = [f for f in map(self.figure, period.findall("target")) if f]
            item.actuals = [f for f in map(self.figure, period.findall("actual")) if f]
            parsed.periods.append(item)
        return parsed

    def figure(self, element) -> ParsedFigure | None:
        raw = (element.get("value") or "").strip()
        value = None
        if raw:
            try:
                value = Decimal(raw)
            except InvalidOperation:
                self.error(element, _("%(value)r is not a number.") % {"value": raw})
                return None
            if not value.is_finite() or abs(value) >= MAX_VALUE or value != value.quantize(Decimal("0.01")):
                self.error(element, _("%(value)s does not fit: values have at most 12 digits and 2 decimals.") % {"value": raw})
                return None
        dimensions = element.findall("dimension")
        category = None
        if len(dimensions) > 1:
            self.error(element, _("A figure for a combination of dimensions cannot be imported: give one dimension each."))
            return None
        if dimensions:
            key = (dimensions[0].get("name", ""), dimensions[0].get("value", ""))
            category = self.categories.get(key)
            if category is None:
                self.error(dimensions[0], _("Dimension %(name)s=%(value)s is not a sex or age category of the platform.")
                           % {"name": key[0], "value": key[1]})
                return None
        return ParsedFigure(element.sourceline, value, _narrative(element.find("comment")), category)


def _text(element) -> str:
    return (element.text or "").strip() if element is not None else ""


def _narrative(element) -> str:
    """The English narrative of an element, else its first one."""
    if element is None:
        return ""
    narratives = element.findall("narrative")
    english = [n for n in narratives if n.get("{http://www.w3.org/XML/1998/namespace}lang", "en") == "en"]
    return _text((english or narratives or [None])[0])


def _assessment_labels() -> dict[str, str]:
    with translation.override("en"):
        return {str(label): value for value, label in Assessment.choices}


def _period_kind(start: date, end: date, whole) -> str:
    if (start, end) == whole:
        return ReportingPeriod.Kind.PROGRAMME
    days = (end - start).days + 1
    if days <= 200:
        return ReportingPeriod.Kind.SEMI_ANNUAL
    return ReportingPeriod.Kind.ANNUAL if days <= 370 else ReportingPeriod.Kind.PROGRAMME


class _Writer:
    def __init__(self, programme: Programme, activities: list[ParsedActivity], source_name: str):
        self.programme = programme
        self.activities = activities
        self.source_name = source_name
        self.whole = activities[0].whole
        self.periods: dict[tuple[date, date], ReportingPeriod] = {
            (p.start, p.end): p for p in programme.periods.all()
        }
        self.assessments = _assessment_labels()

    def conflicts(self) -> list[str]:
        """What the programme already holds that the file would duplicate."""
        errors = []
        existing = set(self.programme.indicators.values_list("code", flat=True))
        for code in sorted({i.code for a in self.activities for i in a.indicators if i.code} & existing):
            errors.append(_("Indicator %(code)s already exists in %(programme)s.") % {"code": code, "programme": self.programme})
        wanted = {(a.country.pk if a.country else None, p.start, p.end)
                  for a in self.activities for i in a.indicators for p in i.periods if p.actuals}
        for report in self.programme.reports.select_related("period", "country"):
            if (report.country_id, report.period.start, report.period.end) in wanted:
                errors.append(_("%(report)s already exists: its figures would be overwritten.") % {"report": report})
        new_periods = {(p.start, p.end) for a in self.activities for i in a.indicators for p in i.periods} - set(self.periods)
        taken = {(p.kind, p.start) for p in self.periods.values()}
        for start, end in sorted(new_periods):
            kind = _period_kind(start, end, self.whole)
            if (kind, start) in taken:
                errors.append(_("The period %(start)s to %(end)s overlaps a period of the programme that starts the same day.")
                              % {"start": start, "end": end})
            taken.add((kind, start))
        return errors

    def period(self, start: date, end: date) -> ReportingPeriod:
        if (start, end) not in self.periods:
            kind = _period_kind(start, end, self.whole)
            if kind == ReportingPeriod.Kind.PROGRAMME:
                label = f"{start.year}-{end.year}"
            else:
                label = f"{start.isoformat()}/{end.isoformat()}"
            self.periods[(start, end)] = ReportingPeriod.objects.create(
                programme=self.programme, kind=kind, start=start, end=end, label=label,
                due_date=end + timedelta(days=REPORT_DUE_DAYS),
            )
        return self.periods[(start, end)]

    def write(self) -> ImportResult:
        indicators = self.indicators()
        country_actuals = {(i.code or i.title, p.start, p.end)
                           for a in self.activities[1:] for i in a.indicators for p in i.periods if p.actuals}
        reports: dict[tuple, PeriodReport] = {}
        values = 0
        for activity in self.activities:
            country = activity.country
            if country:
                self.programme.countries.add(country)
            for parsed in activity.indicators:
                indicator = indicators[parsed.code or parsed.title]
                for year, figure in parsed.baselines:
                    Baseline.objects.create(indicator=indicator, country=country, category=figure.category, year=year,
                                            value=figure.value, note=figure.comment)
                for period in parsed.periods:
                    life = (period.start, period.end) == activity.whole
                    for figure in period.targets:
                        if figure.value is not None:  # a qualitative target has no value: the model needs one
                            Target.objects.create(indicator=indicator, country=country, category=figure.category,
                                                  period=None if life else self.period(period.start, period.end),
                                                  value=figure.value, note=figure.comment)
                    if not period.actuals:
                        continue
                    derived = country is None and (parsed.code or parsed.title, period.start, period.end) in country_actuals
                    key = (country.pk if country else None, period.start, period.end)
                    if key not in reports:
                        reports[key] = PeriodReport.objects.create(
                            programme=self.programme, country=country, period=self.period(period.start, period.end),
                        )
                    values += self.actual(reports[key], indicator, period.actuals, derived)
        for report in reports.values():
            report.status = PeriodReport.Status.APPROVED
            report.save(update_fields=["status"])
            ReviewEvent.objects.create(report=report, action=ReviewEvent.Action.APPROVED,
                                       comment=_("Imported from the IATI activity file %(file)s.") % {"file": self.source_name})
        return ImportResult(indicators=len(indicators), values=values)

    def indicators(self) -> dict[str, Indicator]:
        created: dict[str, Indicator] = {}
        numbering = self.programme.indicators.count()
        for activity in self.activities:
            for parsed in activity.indicators:
                key = parsed.code or parsed.title
                if key in created:
                    continue
                numbering += 1
                created[key] = Indicator.objects.create(
                    programme=self.programme, code=parsed.code or f"IATI-{numbering}", title=parsed.title,
                    definition=parsed.definition, level=parsed.level, measure=parsed.measure, direction=parsed.direction,
                    order=numbering,
                )
        dimensions = defaultdict(set)
        for activity in self.activities:
            for parsed in activity.indicators:
                figures = [f for _y, f in parsed.baselines] + [f for p in parsed.periods for f in p.targets + p.actuals]
                dimensions[parsed.code or parsed.title] |= {f.category.dimension for f in figures if f.category}
        for key, used in dimensions.items():
            created[key].dimensions.add(*used)
        return created

    def actual(self, report: PeriodReport, indicator: Indicator, figures: list[ParsedFigure], derived: bool) -> int:
        total = next((f for f in figures if f.category is None), None)
        comment = total.comment if total else ""
        if derived and not comment:
            return 0
        assessment = self.assessments.get(comment, "")
        value = IndicatorValue.objects.create(
            report=report, indicator=indicator, value=None if derived or total is None else total.value,
            assessment=assessment, text_value="" if assessment else comment,
        )
        if not derived:
            for figure in figures:
                if figure.category is not None:
                    DisaggregatedValue.objects.create(indicator_value=value, category=figure.category, value=figure.value)
        return 1


def _consistency_errors(activities: list[ParsedActivity]) -> list[str]:
    """The same indicator must be the same in every activity, and figures must not repeat."""
    errors = []
    seen: dict[str, ParsedIndicator] = {}
    for activity in activities:
        keys = set()
        for parsed in activity.indicators:
            key = parsed.code or parsed.title
            if key in keys:
                errors.append(_("line %(line)s: indicator %(key)s appears twice in %(activity)s.")
                              % {"line": parsed.line, "key": key, "activity": activity.identifier})
            keys.add(key)
            first = seen.setdefault(key, parsed)
            if first.measure != parsed.measure:
                errors.append(_("line %(line)s: indicator %(key)s has another measure than on line %(first)s.")
                              % {"line": parsed.line, "key": key, "first": first.line})
            for period in parsed.periods:
                for kind, figures in (("target", period.targets), ("actual", period.actuals)):
                    categories = [f.category for f in figures]
                    if len(categories) != len(set(categories)):
                        errors.append(_("line %(line)s: two %(kind)s figures for the same category in one period.")
                                      % {"line": figures[0].line, "kind": kind})
                    if any(f.category and f.value is None for f in figures):
                        errors.append(_("line %(line)s: a %(kind)s for a category needs a value.")
                                      % {"line": figures[0].line, "kind": kind})
    return errors


def import_results(content: bytes, programme: Programme, source_name: str = "") -> ImportResult:
    errors = validate_activity_file(content)
    if errors:
        return ImportResult(errors)
    reader = _Reader()
    activities = reader.activities(parse_activity_file(content))
    errors = reader.errors + _consistency_errors(activities)
    if errors or not activities:
        return ImportResult(errors)
    writer = _Writer(programme, activities, source_name)
    errors = writer.conflicts()
    if errors:
        return ImportResult(errors)
    with transaction.atomic():
        return writer.write()
