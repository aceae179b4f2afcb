"""Country profiles: legal framework, readiness self-assessment, stakeholders, requests for
assistance and national statistics, one page per country.

Entry points: selectors.py (what a profile shows), readiness.py (the self-assessment workflow),
scoring.py (scores and readiness levels), glotip.py and national_statistics.py (imports),
stat_tables.py with suppression.py (every statistics table, protected before display or export).
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountriesConfig(AppConfig):
    name = "gloact.countries"
    label = "countries"
    verbose_name = _("Country profiles")
    demo_loader = "gloact.countries.demo.load"

