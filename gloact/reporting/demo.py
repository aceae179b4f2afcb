"""Demo narrative for the GLO.ACT demo programme (monitoring/demo.py), so that generated reports
show every section. The texts restate what that demo's sources say; they add no figures.
Idempotent: entries that exist are left alone."""

from gloact.monitoring import demo as monitoring_demo
from gloact.monitoring.models import Programme

from .models import NarrativeEntry, NarrativeHeading

PROGRAMME_LEVEL = [
    (NarrativeHeading.CONTEXT, "en",
     "GLO.ACT was a four-year joint initiative of the European Union and UNODC, implemented with IOM and UNICEF in "
     "13 countries, to reduce trafficking in persons and the smuggling of migrants and to assist and protect victims "
     "and vulnerable migrants, including children.\n\nMany partner countries faced volatile political environments "
     "and high staff turnover among counterparts."),
    (NarrativeHeading.ACHIEVEMENTS, "en",
     "Partner countries reviewed or developed strategies, policies and legislation, trained practitioners through "
     "national training institutions and strengthened cooperation between law enforcement, child protection "
     "authorities and civil society organizations."),
    (NarrativeHeading.ACHIEVEMENTS, "fr",
     "Les pays partenaires ont révisé ou élaboré des stratégies, des politiques et des lois, formé des praticiens par "
     "l'intermédiaire d'institutions nationales de formation et renforcé la coopération entre les services de "
     "détection et de répression, les autorités de protection de l'enfance et les organisations de la société civile."),
    (NarrativeHeading.CHALLENGES, "en",
     "Outcome 3.3 was partially achieved: only Pakistan was able to develop concrete assistance and protection "
     "measures for smuggled migrants embedded in a criminal justice response."),
    (NarrativeHeading.LESSONS, "en",
     "National theories of change would have helped; results last where national agencies lead the process."),
    (NarrativeHeading.HUMAN_RIGHTS_GENDER, "en",
     "The final evaluation noted that indicators should have included specific gender indicators."),
]
MALI = [
    (NarrativeHeading.ACHIEVEMENTS, "en",
     "A civil society organization supported by an IOM grant opened an assistance centre for migrants."),
]


def load() -> int:
    programme = Programme.objects.filter(code=monitoring_demo.CODE).first()
    if programme is None:
        return 0
    period = programme.periods.order_by("start").first()
    mali = programme.components.filter(country_id="MLI", implementing_partner="IOM").first()
    created = 0
    for component, entries in ((None, PROGRAMME_LEVEL), (mali, MALI)):
        for heading, language, text in entries:
            _entry, made = NarrativeEntry.objects.get_or_create(
                programme=programme, component=component, period=period, heading=heading, language=language,
                defaults={"text": text},
            )
            created += made
    return created
