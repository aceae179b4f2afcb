"""Checks on a reported value before it is saved.

Errors stop the save: a percentage outside 0-100, a numerator above its denominator, a negative
count, a yes/no that is neither, an ordinal level off the scale, and disaggregations that break
the indicator's rule (each dimension's categories must add up to the total, or must not exceed
it). Warnings do not: a value more than OUTLIER_FACTOR times, or less than 1/OUTLIER_FACTOR of,
the previous period's value is flagged for the reporter and reviewer to double-check.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from .models import DimensionCategory, Indicator

OUTLIER_FACTOR = Decimal(3)
# Percentages computed from numerator/denominator may be rounded in the source: allow half a point.
PERCENT_TOLERANCE = Decimal("0.5")


@dataclass(frozen=True)
class Issue:
    field: str  # "value", "numerator", "denominator" or a category's column name ("sex:female")
    message: str


@dataclass
class ValidationResult:
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, field_name: str, message: str) -> None:
        self.errors.append(Issue(field_name, message))

    def warn(self, field_name: str, message: str) -> None:
        self.warnings.append(Issue(field_name, message))


def percentage_from(numerator: Decimal, denominator: Decimal) -> Decimal:
    return (numerator * 100 / denominator).quantize(Decimal("0.01"))


def _check_total(indicator: Indicator, value, numerator, denominator, result: ValidationResult) -> None:
    measure = indicator.measure
    if measure == Indicator.Measure.PERCENTAGE:
        if numerator is not None or denominator is not None:
            if numerator is None or denominator is None:
                result.error("denominator" if numerator is not None else "numerator", _("Give both numerator and denominator, or neither."))
            elif denominator <= 0:
                result.error("denominator", _("The denominator must be greater than zero."))
            elif numerator < 0 or numerator > denominator:
                result.error("numerator", _("The numerator must be between 0 and the denominator."))
            elif value is not None and abs(value - percentage_from(numerator, denominator)) > PERCENT_TOLERANCE:
                result.error("value", _("The percentage does not match numerator / denominator (%(expected)s%%).")
                             % {"expected": percentage_from(numerator, denominator)})
        if value is not None and not (0 <= value <= 100):
            result.error("value", _("A percentage must be between 0 and 100."))
    elif value is None:
        return
    elif measure == Indicator.Measure.NUMBER and value < 0:
        result.error("value", _("A count cannot be negative."))
    elif measure == Indicator.Measure.YES_NO and value not in (0, 1):
        result.error("value", _("Answer yes (1) or no (0)."))
    elif measure == Indicator.Measure.ORDINAL:
        levels = len(indicator.ordinal_scale or [])
        if value != value.to_integral_value() or not (1 <= value <= max(levels, 1)):
            result.error("value", _("Choose a level between 1 and %(levels)d.") % {"levels": levels})


def _check_breakdown(indicator: Indicator, total, breakdown: dict[DimensionCategory, Decimal], result: ValidationResult) -> None:
    allowed = set(indicator.dimensions.values_list("pk", flat=True))
    by_dimension: dict = {}
    for category, amount in breakdown.items():
        if amount is None:
            continue
        if category.dimension_id not in allowed:
            result.error(category.column_name, _("This indicator is not disaggregated by %(dimension)s.")
                         % {"dimension": category.dimension.display_name})
            continue
        if amount < 0:
            result.error(category.column_name, _("A disaggregated value cannot be negative."))
        if indicator.measure == Indicator.Measure.PERCENTAGE:
            # Each category's percentage is a rate within that category: rates do not add up.
            if amount > 100:
                result.error(category.column_name, _("A percentage must be between 0 and 100."))
            continue
        by_dimension.setdefault(category.dimension, []).append((category, amount))
    if indicator.measure == Indicator.Measure.PERCENTAGE or not by_dimension:
        return
    if total is None:
        result.error("value", _("Give the total as well as its disaggregations."))
        return
    for dimension, amounts in by_dimension.items():
        amounts.sort(key=lambda pair: (pair[0].order, pair[0].code))  # problems are reported on the first category
        subtotal = sum((a for _c, a in amounts), Decimal(0))
        name = dimension.display_name
        if indicator.disaggregation_rule == Indicator.DisaggregationRule.MUST_ADD_UP and subtotal != total:
            result.error(amounts[0][0].column_name, _("The %(dimension)s categories add up to %(subtotal)s, not to the total %(total)s.")
                         % {"dimension": name, "subtotal": _plain(subtotal), "total": _plain(total)})
        elif subtotal > total:
            result.error(amounts[0][0].column_name, _("The %(dimension)s categories add up to %(subtotal)s, more than the total %(total)s.")
                         % {"dimension": name, "subtotal": _plain(subtotal), "total": _plain(total)})


def _plain(number: Decimal) -> str:
    return f"{number.normalize():f}"


def _check_outlier(value, previous, result: ValidationResult) -> None:
    if value is None or previous is None or previous <= 0:
        return
    if value > previous * OUTLIER_FACTOR or value < previous / OUTLIER_FACTOR:
        result.warn("value", _("%(value)s is far from the previous period's %(previous)s (more than %(factor)s times more or less): "
                               "please check it and explain it in the narrative.")
                    % {"value": _plain(value), "previous": _plain(previous), "factor": _plain(OUTLIER_FACTOR)})


def validate_value(
    indicator: Indicator, *, value: Decimal | None, numerator: Decimal | None = None, denominator: Decimal | None = None,
    breakdown: dict[DimensionCategory, Decimal] | None = None, previous: Decimal | None = None,
) -> ValidationResult:
    result = ValidationResult()
    if value is None and numerator is not None and denominator is not None and denominator > 0:
        value = percentage_from(numerator, denominator)
    _check_total(indicator, value, numerator, denominator, result)
    _check_breakdown(indicator, value, breakdown or {}, result)
    _check_outlier(value, previous, result)
    return result
