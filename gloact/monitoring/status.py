"""Status of an indicator against its target: achieved, on track, partially achieved, not
achieved, or no data.

The rules are data (STATUS_RULES, tried in order, the first that applies decides) so that the
indicator page can show them to the user in words (`rules_in_words`) exactly as they are applied.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Callable

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gloact.core.lists import join_list

from . import selectors
from .aggregation import ProgrammeValue, country_values, programme_value
from .models import Assessment, Indicator

ACHIEVED_FROM = Decimal("1")  # share of the way from baseline to target
PARTIALLY_FROM = Decimal("0.5")


class Status(models.TextChoices):
    ACHIEVED = "achieved", _("achieved")
    ON_TRACK = "on_track", _("on track")
    PARTIALLY = "partially_achieved", _("partially achieved")
    NOT_ACHIEVED = "not_achieved", _("not achieved")
    NO_DATA = "no_data", _("no data")


FROM_ASSESSMENT = {
    Assessment.ACHIEVED: Status.ACHIEVED,
    Assessment.PARTIALLY: Status.PARTIALLY,
    Assessment.NOT_ACHIEVED: Status.NOT_ACHIEVED,
}


@dataclass(frozen=True)
class Facts:
    """What the rules look at for one indicator, at programme level or for one country."""

    measure: str
    direction: str
    actual: Decimal | None
    target: Decimal | None = None
    baseline: Decimal | None = None
    running: bool = False  # the programme has not ended on the as-of date
    elapsed: Decimal = Decimal("1")  # share of the programme's time passed on the as-of date
    assessment: str = ""

    @property
    def progress(self) -> Decimal | None:
        """Share of the way from baseline (0 if none) to target; None without actual or target."""
        if self.actual is None or self.target is None:
            return None
        start = self.baseline if self.baseline is not None else Decimal(0)
        if self.direction == Indicator.Direction.DECREASE:
            if self.actual <= self.target:
                return Decimal(1)
            if self.baseline is None or self.baseline <= self.target:
                return Decimal(0)
            return max(Decimal(0), (self.baseline - self.actual) / (self.baseline - self.target))
        if self.target == start:
            return Decimal(1) if self.actual >= self.target else Decimal(0)
        return (self.actual - start) / (self.target - start)


@dataclass(frozen=True)
class StatusRule:
    code: str
    words: str
    applies: Callable[[Facts], bool]
    status: Status | None = None  # None: the status is the approved assessment

    def status_for(self, facts: Facts) -> Status:
        return self.status or FROM_ASSESSMENT[facts.assessment]


STATUS_RULES = [
    StatusRule(
        "no_value", _("No approved value and no approved assessment: no data."),
        lambda f: f.actual is None and not f.assessment, Status.NO_DATA,
    ),
    StatusRule(
        "target_reached",
        _("The value to date reaches the target (for indicators where lower is better: is at or below it): achieved."),
        lambda f: f.progress is not None and f.progress >= ACHIEVED_FROM, Status.ACHIEVED,
    ),
    StatusRule(
        "on_schedule",
        _("The programme is still running and the progress from baseline to target is at least the share of the "
          "programme's time that has passed: on track."),
        lambda f: f.progress is not None and f.running and f.progress >= f.elapsed, Status.ON_TRACK,
    ),
    StatusRule(
        "half_way", _("Progress from baseline to target is at least half of the way: partially achieved."),
        lambda f: f.progress is not None and f.progress >= PARTIALLY_FROM, Status.PARTIALLY,
    ),
    StatusRule(
        "less_than_half", _("Progress from baseline to target is less than half of the way: not achieved."),
        lambda f: f.progress is not None, Status.NOT_ACHIEVED,
    ),
    StatusRule(
        "assessed",
        _("No numeric target to compare with: the status is the assessment approved with the latest report "
          "(achieved, partially achieved or not achieved)."),
        lambda f: f.assessment in FROM_ASSESSMENT,
    ),
    StatusRule(
        "yes", _("A yes/no indicator without a numeric target or assessment answered yes: achieved."),
        lambda f: f.measure == Indicator.Measure.YES_NO and f.actual is not None and f.actual >= 1, Status.ACHIEVED,
    ),
    StatusRule(
        "nothing_to_compare", _("A value was reported but there is neither a numeric target nor an approved assessment: no data."),
        lambda f: True, Status.NO_DATA,
    ),
]


def evaluate(facts: Facts) -> tuple[Status, StatusRule]:
    for rule in STATUS_RULES:
        if rule.applies(facts):
            return rule.status_for(facts), rule
    raise AssertionError("the last rule always applies")


def rules_in_words() -> list[str]:
    return [rule.words for rule in STATUS_RULES]


@dataclass
class IndicatorStatus:
    indicator: Indicator
    status: Status
    rule: StatusRule
    facts: Facts
    country: str | None = None
    programme_value: ProgrammeValue | None = field(default=None)

    @property
    def label(self):
        return self.status.label


def _as_of_facts(indicator: Indicator, as_of: date | None):
    as_of = as_of or timezone.localdate()
    programme = indicator.programme
    running = as_of < programme.end_date
    return as_of, running, Decimal(str(round(programme.elapsed_share(as_of), 4)))


def indicator_status(indicator: Indicator, country: str | None = None, as_of: date | None = None) -> IndicatorStatus:
    """Status at programme level (country None) or for one country (ISO3), from approved values
    of periods that ended by `as_of` (today by default)."""
    as_of, running, elapsed = _as_of_facts(indicator, as_of)
    observations = selectors.observations(indicator, until=as_of)
    overall = None
    if country is None:
        overall = programme_value(indicator, observations, len(selectors.programme_country_codes(indicator.programme)))
        actual = overall.value
    else:
        actual = country_values(indicator, observations).get(country)
    target = selectors.life_target(indicator, country)
    baseline = selectors.baseline(indicator, country)
    # Counted countries are a number, not a yes/no answer, even when each country answers yes/no.
    counted = country is None and indicator.aggregation == Indicator.Aggregation.COUNT_COUNTRIES
    facts = Facts(
        measure=Indicator.Measure.NUMBER if counted else indicator.measure, direction=indicator.direction, actual=actual,
        target=target.value if target else None, baseline=baseline.value if baseline else None,
        running=running, elapsed=elapsed, assessment=selectors.latest_assessment(indicator, country, as_of),
    )
    status, rule = evaluate(facts)
    return IndicatorStatus(indicator, status, rule, facts, country, overall)


def count_statuses(statuses: list[IndicatorStatus]) -> dict[Status, int]:
    counts = {status: 0 for status in Status}
    for item in statuses:
        counts[item.status] += 1
    return counts


def summary_sentence(counts: dict[Status, int], level_label: str = "outcome") -> str:
    """E.g. "33 of 34 outcome indicators reached, 1 partially achieved." built from the counts."""
    total = sum(counts.values())
    reached = counts.get(Status.ACHIEVED, 0)
    if level_label == "outcome":
        head = ngettext(
            "%(reached)d of %(total)d outcome indicator reached", "%(reached)d of %(total)d outcome indicators reached", total,
        )
    else:
        head = ngettext("%(reached)d of %(total)d indicator reached", "%(reached)d of %(total)d indicators reached", total)
    parts = [head % {"reached": reached, "total": total}]
    others = [
        (Status.PARTIALLY, ngettext("%(count)d partially achieved", "%(count)d partially achieved", counts.get(Status.PARTIALLY, 0))),
        (Status.ON_TRACK, ngettext("%(count)d on track", "%(count)d on track", counts.get(Status.ON_TRACK, 0))),
        (Status.NOT_ACHIEVED, ngettext("%(count)d not achieved", "%(count)d not achieved", counts.get(Status.NOT_ACHIEVED, 0))),
        (Status.NO_DATA, ngettext("%(count)d without data", "%(count)d without data", counts.get(Status.NO_DATA, 0))),
    ]
    parts += [text % {"count": counts[status]} for status, text in others if counts.get(status)]
    return join_list(parts) + "."
