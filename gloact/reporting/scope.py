"""What a report covers: a programme, one country component, or an implementing partner (the
components that partner carries out), over a period (a reporting period or any two dates), and
who may report on it."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from gloact.accounts.scoping import country_scope
from gloact.monitoring.models import Component, Programme, ReportingPeriod


@dataclass(frozen=True)
class Period:
    label: str
    start: date
    end: date

    @classmethod
    def of(cls, period: ReportingPeriod) -> "Period":
        return cls(period.label, period.start, period.end)

    def contains(self, start: date, end: date) -> bool:
        return self.start <= start and end <= self.end


@dataclass(frozen=True)
class Scope:
    programme: Programme
    component: Component | None = None
    partner: str = ""

    @property
    def kind(self) -> str:
        return "component" if self.component else "partner" if self.partner else "programme"

    @property
    def is_programme(self) -> bool:
        return self.kind == "programme"

    def components(self) -> list[Component]:
        if self.component:
            return [self.component]
        components = self.programme.components.select_related("country")
        if self.partner:
            components = components.filter(implementing_partner=self.partner)
        return list(components)

    def country_codes(self) -> list[str] | None:
        """ISO3 codes the report is limited to; None for the whole programme (and its
        programme-level figures)."""
        if self.is_programme:
            return None
        return sorted({c.country_id for c in self.components() if c.country_id})

    def label(self) -> str:
        if self.component:
            where = self.component.country.localized_name() if self.component.country_id else _("global")
            return _("%(where)s component (%(partner)s)") % {"where": where, "partner": self.component.implementing_partner}
        if self.partner:
            return _("Components implemented by %(partner)s") % {"partner": self.partner}
        return _("Whole programme")

    @property
    def token(self) -> str:
        """How the builder form names this scope."""
        if self.component:
            return f"component:{self.component.pk}"
        if self.partner:
            return f"partner:{self.programme.pk}:{self.partner}"
        return f"programme:{self.programme.pk}"


def parse_scope(token: str) -> Scope | None:
    """The scope a form value names ("programme:3", "component:12", "partner:3:IOM"), or None."""
    kind, _sep, rest = token.partition(":")
    try:
        if kind == "programme":
            return Scope(Programme.objects.get(pk=int(rest)))
        if kind == "component":
            component = Component.objects.select_related("programme", "country").get(pk=int(rest))
            return Scope(component.programme, component=component)
        if kind == "partner":
            programme_id, _sep, partner = rest.partition(":")
            programme = Programme.objects.get(pk=int(programme_id))
            if programme.components.filter(implementing_partner=partner).exists():
                return Scope(programme, partner=partner)
    except (ValueError, Programme.DoesNotExist, Component.DoesNotExist):
        return None
    return None


def may_report_on(user, scope: Scope) -> bool:
    """Managers report on anything; country-scoped users on their own countries' components only."""
    if not user.has_perm("reporting.generate_report"):
        return False
    allowed = country_scope(user)
    if allowed is None:
        return True
    return scope.component is not None and scope.component.country_id in allowed


def scopes_for(user) -> list[Scope]:
    """Every scope the user may report on, programme by programme."""
    scopes = []
    for programme in Programme.objects.prefetch_related("components__country"):
        candidates = [Scope(programme)]
        candidates += [Scope(programme, partner=p) for p in sorted({c.implementing_partner for c in programme.components.all()})]
        candidates += [Scope(programme, component=c) for c in programme.components.all()]
        scopes += [s for s in candidates if may_report_on(user, s)]
    return scopes
