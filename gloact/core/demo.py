"""Synthetic demo organisations in GLO.ACT countries (institution names only, no people)."""

from .models import Country, Organisation

GLOACT_COUNTRIES = ["BLR", "BRA", "COL", "EGY", "KGZ", "LAO", "MLI", "MAR", "NPL", "NER", "PAK", "ZAF", "UKR"]

DEMO_ORGANISATIONS = [
    ("Demo National Anti-Trafficking Committee", Organisation.Kind.GOVERNMENT),
    ("Demo Office of the Public Prosecutor", Organisation.Kind.PROSECUTION),
    ("Demo Victim Support Network", Organisation.Kind.CSO),
]


def load() -> int:
    created = 0
    for country in Country.objects.filter(iso3__in=GLOACT_COUNTRIES):
        for name, kind in DEMO_ORGANISATIONS:
            _org, was_created = Organisation.objects.get_or_create(
                name=f"{name} ({country.name})", country=country, defaults={"kind": kind}
            )
            created += was_created
    return created
