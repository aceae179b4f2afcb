from datetime import date

from gloact.core.models import Country
from gloact.countries.default_questionnaire import QUESTIONNAIRE_CODE
from gloact.countries.models import Campaign, Questionnaire
from gloact.countries.readiness import open_campaign

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def default_questionnaire() -> Questionnaire:
    return Questionnaire.objects.get(code=QUESTIONNAIRE_CODE)


def make_campaign(countries=("MLI", "NER"), title="Campaign 2026", opened_on=date(2026, 2, 1), questionnaire=None):
    campaign = Campaign.objects.create(
        questionnaire=questionnaire or default_questionnaire(), title=title, opened_on=opened_on,
        deadline=date(2026, 12, 31),
    )
    campaign.countries.set(Country.objects.filter(iso3__in=countries))
    assessments = {a.country_id: a for a in open_campaign(campaign)}
    return campaign, assessments
