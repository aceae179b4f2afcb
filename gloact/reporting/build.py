"""Build a progress report from the database: `build_report(template, scope, period, language)`
returns a `Report`, a list of sections made of headings, paragraphs, notes and tables of text,
with every figure computed from approved monitoring values, delivered activities and published
cases. The HTML, PDF and DOCX outputs (render.py) only lay that structure out, so the three
always show the same figures.

Which sections a report has, and in which order, comes from its ReportTemplate (data that
administrators edit); each section kind has one builder function below.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gloact.activities.models import Activity, Participant
from gloact.core.lists import SEMICOLON, join_list
from gloact.core.models import Country
from gloact.monitoring import selectors as monitoring_selectors
from gloact.monitoring.aggregation import country_values, programme_value
from gloact.monitoring.models import Indicator, ReportingPeriod
from gloact.monitoring.status import indicator_status
from gloact.monitoring.templatetags.monitoring import figure

from . import selectors
from .models import NarrativeHeading, ReportTemplate, TemplateSection
from .scope import Period, Scope

DEFAULT_TITLES = {
    TemplateSection.Kind.COVER: gettext_lazy("Report information"),
    TemplateSection.Kind.RESULTS: gettext_lazy("Results"),
    TemplateSection.Kind.ACTIVITIES: gettext_lazy("Activities planned and delivered"),
    TemplateSection.Kind.TRAININGS: gettext_lazy("Trainings and people reached"),
    TemplateSection.Kind.CASE_LAW: gettext_lazy("Case law highlights"),
    TemplateSection.Kind.ANNEXES: gettext_lazy("Annexes"),
}
SEXES = [Participant.Sex.FEMALE, Participant.Sex.MALE, Participant.Sex.OTHER, Participant.Sex.UNKNOWN]


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    caption: str = ""
    numeric: tuple[int, ...] = ()  # indexes of columns holding figures (aligned to the end)
    header: bool = True  # False for a two-column table of labels and values


@dataclass
class Block:
    kind: str  # subheading, paragraph, note or table
    text: str = ""
    table: Table | None = None


@dataclass
class Section:
    kind: str
    title: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, kind: str, text: str = "", table: Table | None = None) -> None:
        self.blocks.append(Block(kind, text, table))

    @property
    def tables(self) -> list[Table]:
        return [b.table for b in self.blocks if b.table]


@dataclass
class Report:
    title: str
    subtitle: str
    language: str
    sections: list[Section]
    generated_on: date

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)


@dataclass
class Context:
    scope: Scope
    period: Period
    reporting_period: ReportingPeriod | None
    language: str


def build_report(template: ReportTemplate, scope: Scope, period: Period | ReportingPeriod, language: str = "en") -> Report:
    reporting_period = period if isinstance(period, ReportingPeriod) else None
    if reporting_period is not None:
        period = Period.of(reporting_period)
    context = Context(scope, period, reporting_period, language)
    with translation.override(language):
        sections = [BUILDERS[section.kind](context, section) for section in template.sections.all()]
        return Report(
            title=f"{template.name} – {scope.programme}",
            subtitle=f"{scope.label()}, {period.label} ({period.start.isoformat()} – {period.end.isoformat()})",
            language=language, sections=sections, generated_on=timezone.localdate(),
        )


def _title(section: TemplateSection) -> str:
    if section.title:
        return section.title
    if section.kind == TemplateSection.Kind.NARRATIVE:
        return str(NarrativeHeading(section.heading).label)
    return str(DEFAULT_TITLES[section.kind])


def _place_name(code: str | None) -> str:
    if code is None:
        return _("Programme level")
    country = Country.objects.filter(iso3=code).first()
    return country.localized_name() if country else code


def cover_section(context: Context, section: TemplateSection) -> Section:
    programme, scope, period = context.scope.programme, context.scope, context.period
    countries = scope.country_codes()
    if countries is None:
        countries = monitoring_selectors.programme_country_codes(programme)
    rows = [
        [_("Programme"), programme.title],
        [_("Report covers"), scope.label()],
        [_("Period"), f"{period.label}: {period.start.isoformat()} – {period.end.isoformat()}"],
        [_("Donor"), programme.donor or "–"],
        [_("Implementing organisation"), programme.lead_organisation or "–"],
        [_("Implementing partners"), programme.partner_organisations or "–"],
        [_("Countries"), join_list(sorted(_place_name(c) for c in countries)) or "–"],
        [_("Programme duration"), f"{programme.start_date.isoformat()} – {programme.end_date.isoformat()}"],
        [_("Generated on"), timezone.localdate().isoformat()],
    ]
    built = Section(section.kind, _title(section))
    built.add("table", table=Table([_("Item"), _("Value")], rows, header=False))
    built.add("note", _("All figures are computed from approved monitoring data, recorded activities and published cases."))
    return built


def display_value(indicator: Indicator, value, countries_total: int | None = None) -> str:
    """A figure in words fit for its measure (percent sign, yes/no, countries counted)."""
    if value is None:
        return "–"
    if countries_total is not None and indicator.aggregation == Indicator.Aggregation.COUNT_COUNTRIES:
        return _("%(count)s of %(total)d countries") % {"count": figure(value), "total": countries_total}
    if indicator.measure == Indicator.Measure.YES_NO:
        return _("yes") if value >= 1 else _("no")
    if indicator.measure == Indicator.Measure.PERCENTAGE:
        return f"{figure(value)}%"
    return figure(value)


def disaggregation_text(totals: dict) -> str:
    """E.g. "Sex: female 4,525, male 2,890; Age: adult 7,415, child 127"."""
    return join_list((
        f"{dimension.display_name}: " + join_list(f"{category.display_label} {figure(value)}" for category, value in categories.items())
        for dimension, categories in totals.items()
    ), SEMICOLON)


def _target(indicator: Indicator, context: Context, country: str | None) -> str:
    target = None
    if context.reporting_period is not None:
        target = monitoring_selectors.period_target(indicator, context.reporting_period, country)
    target = target or monitoring_selectors.life_target(indicator, country)
    if target is not None:
        return display_value(indicator, target.value)
    return indicator.target_text if country is None and indicator.target_text else "–"


def results_row(indicator: Indicator, context: Context, country: str | None) -> list[str] | None:
    """One indicator's row for the programme (country None) or one country; None when the
    country has neither value, baseline nor target for it."""
    period = context.period
    observations = selectors.observations_in(indicator, period, None if country is None else [country])
    baseline = monitoring_selectors.baseline(indicator, country)
    if country is None:
        countries_total = len(monitoring_selectors.programme_country_codes(indicator.programme))
        overall = programme_value(indicator, observations, countries_total)
        in_period = display_value(indicator, overall.value, None if overall.reported_centrally else countries_total)
    else:
        in_period = display_value(indicator, country_values(indicator, observations).get(country))
        if not observations and baseline is None and monitoring_selectors.life_target(indicator, country) is None:
            return None
    status = indicator_status(indicator, country, as_of=period.end)
    totals = selectors.disaggregation_totals(indicator, period, None if country is None else [country])
    return [
        indicator.code, indicator.title,
        display_value(indicator, baseline.value) if baseline else "–",
        _target(indicator, context, country), in_period, str(status.label), disaggregation_text(totals),
    ]


def results_section(context: Context, section: TemplateSection) -> Section:
    built = Section(section.kind, _title(section))
    columns = [_("Code"), _("Indicator"), _("Baseline"), _("Target"), _("Actual in the period"), _("Status"), _("Disaggregation")]
    indicators = list(context.scope.programme.indicators.select_related("programme").order_by("order", "code"))
    countries = context.scope.country_codes()
    places = [None] if countries is None else countries
    for place in places:
        rows = [row for row in (results_row(i, context, place) for i in indicators) if row is not None]
        caption = _place_name(place) if countries is not None else _("Programme level")
        if len(places) > 1 or countries is not None:
            built.add("subheading", caption)
        if rows:
            built.add("table", table=Table(columns, rows, caption=caption, numeric=(2, 3, 4)))
        else:
            built.add("paragraph", _("No indicator has a baseline, target or approved value for this country."))
    built.add("note", _("Approved values only. The status is judged from the values approved up to the end of the period."))
    if countries is not None:
        built.add("note", _("Indicators without a baseline, target or approved value for a country are left out of its table."))
    return built


def activities_section(context: Context, section: TemplateSection) -> Section:
    built = Section(section.kind, _title(section))
    activities = list(selectors.activities_in(context.scope, context.period))
    if not activities:
        built.add("paragraph", _("No activities were planned or held in this period."))
        return built
    counts: dict = defaultdict(lambda: defaultdict(int))
    for activity in activities:
        counts[activity.kind]["planned"] += 1
        counts[activity.kind][activity.status] += 1
    statuses = [Activity.Status.DELIVERED, Activity.Status.ONGOING, Activity.Status.POSTPONED, Activity.Status.CANCELLED]
    rows = []
    for kind in sorted(counts, key=lambda k: str(Activity.Kind(k).label)):
        rows.append([str(Activity.Kind(kind).label), figure(counts[kind]["planned"])] + [figure(counts[kind][s]) for s in statuses])
    total = [_("Total"), figure(len(activities))] + [figure(sum(1 for a in activities if a.status == s)) for s in statuses]
    columns = [_("Type"), _("Planned")] + [str(s.label).capitalize() for s in statuses]
    built.add("table", table=Table(columns, rows + [total], caption=_("Activities by type"), numeric=(1, 2, 3, 4, 5)))
    listing = [
        [a.code, a.title, _place_name(a.country_id) if a.country_id else _("global"), a.planned_start.isoformat(),
         a.actual_start.isoformat() if a.actual_start else "–", str(a.get_status_display())]
        for a in activities
    ]
    built.add("table", table=Table([_("Code"), _("Activity"), _("Where"), _("Planned start"), _("Actual start"), _("Status")],
                                   listing, caption=_("Activities of the period")))
    return built


def trainings_section(context: Context, section: TemplateSection) -> Section:
    """People reached: distinct participants of trainings delivered in the period, by sex."""
    built = Section(section.kind, _title(section))
    attendances = list(selectors.training_attendances(context.scope, context.period))
    if not attendances:
        built.add("paragraph", _("No training was delivered in this period."))
        return built
    people: dict = defaultdict(dict)
    trainings: dict = defaultdict(set)
    for attendance in attendances:
        place = attendance.activity.country_id
        people[place][attendance.participant_id] = attendance.participant.sex
        trainings[place].add(attendance.activity_id)

    def row(label, participants: dict, held: int) -> list[str]:
        by_sex = [sum(1 for sex in participants.values() if sex == s) for s in SEXES]
        return [label, figure(held)] + [figure(n) for n in by_sex] + [figure(len(participants))]

    rows = [row(_place_name(place) if place else _("global"), people[place], len(trainings[place]))
            for place in sorted(people, key=lambda p: _place_name(p) if p else "")]
    everyone = {pid: sex for participants in people.values() for pid, sex in participants.items()}
    rows.append(row(_("Total"), everyone, len({a.activity_id for a in attendances})))
    columns = [_("Where"), _("Trainings")] + [str(s.label).capitalize() for s in SEXES] + [_("People reached")]
    built.add("table", table=Table(columns, rows, caption=_("People reached by sex"), numeric=(1, 2, 3, 4, 5, 6)))
    built.add("note", _("Each person is counted once however many trainings they attended; trainers and organisers are not counted."))
    return built


def narrative_section(context: Context, section: TemplateSection) -> Section:
    """The narrative of one heading, in the report's language where written in it, else in the
    language it is available in, with a note saying so."""
    built = Section(section.kind, _title(section))
    entries = selectors.narrative_entries(context.scope, context.period, section.heading)
    by_place: dict = defaultdict(list)
    for entry in entries:
        by_place[(entry.component_id, entry.period_id)].append(entry)
    several_places = len({component for component, _period in by_place}) > 1
    several_periods = len({period for _component, period in by_place}) > 1
    for versions in by_place.values():
        chosen = next((e for e in versions if e.language == context.language), None)
        if chosen is None:
            chosen = next((e for e in versions if e.language == "en"), versions[0])
        if several_places and chosen.component_id:
            where = _place_name(chosen.component.country_id) if chosen.component.country_id else _("global")
            built.add("subheading", f"{where} ({chosen.component.implementing_partner}), {chosen.period.label}")
        elif several_periods:
            built.add("subheading", chosen.period.label)
        if chosen.language != context.language:
            built.add("note", _("Available only in %(language)s.") % {"language": get_language_info(chosen.language)["name_translated"]})
        for paragraph in filter(None, (p.strip() for p in chosen.text.split("\n\n"))):
            built.add("paragraph", paragraph)
    if not by_place:
        built.add("paragraph", _("No narrative was entered for this period."))
    return built


def case_law_section(context: Context, section: TemplateSection) -> Section:
    """Public fields of published cases only: public id, title and summary."""
    built = Section(section.kind, _title(section))
    countries = context.scope.country_codes()
    if countries is None:
        countries = monitoring_selectors.programme_country_codes(context.scope.programme)
    cases = selectors.case_highlights(context.scope, context.period, countries)
    if not cases:
        built.add("paragraph", _("No landmark case and no case published in this period."))
    for case in cases:
        texts = case.texts_for(context.language)
        built.add("subheading", f"{case.public_id} – {texts.title}")
        if case.is_landmark:
            built.add("note", _("Landmark case."))
        if texts.summary:
            built.add("paragraph", texts.summary)
        built.add("note", _("Public page: %(path)s") % {"path": reverse("caselaw:case_detail", args=[case.public_id])})
    return built


def annexes_section(context: Context, section: TemplateSection) -> Section:
    """The evidence behind the approved figures, listed (file names are left out: they may name people)."""
    built = Section(section.kind, _title(section))
    files = list(selectors.evidence_in(context.scope, context.period))
    if not files:
        built.add("paragraph", _("No evidence files are attached to the approved values of this period."))
        return built
    rows = [
        [str(n), f.indicator_value.indicator.code, _place_name(f.country_id), f.indicator_value.report.period.label,
         f.description or f.content_type]
        for n, f in enumerate(files, start=1)
    ]
    built.add("table", table=Table([_("Annex"), _("Indicator"), _("Where"), _("Period"), _("Description")], rows,
                                   caption=_("Evidence of the reported figures")))
    built.add("note", _("The files are kept in gloact with the approved values; the programme team sends them on request."))
    return built


BUILDERS = {
    TemplateSection.Kind.COVER: cover_section,
    TemplateSection.Kind.RESULTS: results_section,
    TemplateSection.Kind.ACTIVITIES: activities_section,
    TemplateSection.Kind.TRAININGS: trainings_section,
    TemplateSection.Kind.NARRATIVE: narrative_section,
    TemplateSection.Kind.CASE_LAW: case_law_section,
    TemplateSection.Kind.ANNEXES: annexes_section,
}
