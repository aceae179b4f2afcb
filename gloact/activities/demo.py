"""Demo activities on the GLO.ACT demo programme (see gloact/monitoring/demo.py): three workplans
(Mali, Niger, Nepal), a dozen activities, some outside capitals, one cancelled and one postponed,
sixty synthetic participants with their attendance, and a few near-duplicate registry entries to
show the de-duplication page. Then the learning records (demo_learning.py) on top.

Everything here is invented for the demo: the activities are not GLO.ACT's real events, and the
participants' family names are made-up words, never real people. E-mail addresses use the
reserved example.org domain.

`load()` is idempotent: it adds nothing when the demo workplans exist.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from gloact.monitoring import demo as monitoring_demo
from gloact.monitoring.models import Component, Programme

from .demo_learning import load_learning
from .models import Activity, Attendance, Participant, Workplan

DEMO_NOTE = "(demo)"
GIVEN_NAMES = {
    "MLI": ["Aminata", "Moussa", "Fatoumata", "Ibrahim", "Awa", "Oumar", "Kadiatou", "Seydou", "Mariam", "Bakary"],
    "NER": ["Hadiza", "Sani", "Zeinabou", "Issoufou", "Rahila", "Abdou", "Mariama", "Hamidou"],
    "NPL": ["Sita", "Ram", "Maya", "Bikash", "Anita", "Suresh", "Gita", "Prakash"],
    "MAR": ["Salma", "Youssef", "Nadia", "Karim"],
}
FAMILY_NAMES = ["Sampleton", "Demouri", "Fictiva", "Testaoui", "Mockbaye", "Placeholda", "Exemplari", "Specimena",
                "Inventé", "Imaginaro", "Pretendi", "Fauxbert"]
INSTITUTIONS = {
    "MLI": [("Police nationale, brigade des mœurs", "police"), ("Tribunal de grande instance", "judiciary"),
            ("Parquet du pôle judiciaire", "prosecution"), ("Inspection du travail", "labour_inspection"),
            ("Direction de la protection de l'enfant", "child_protection"), ("Association d'aide aux migrants", "cso")],
    "NER": [("Police nationale", "police"), ("Tribunal de grande instance", "judiciary"),
            ("Agence nationale de lutte contre la traite", "other"), ("Direction de la surveillance du territoire", "border")],
    "NPL": [("Nepal Police, anti-trafficking bureau", "police"), ("Office of the Attorney General", "prosecution"),
            ("District court", "judiciary"), ("Department of Labour", "labour_inspection"), ("Women's rights NGO", "cso")],
    "MAR": [("Direction générale de la sûreté nationale", "police"), ("Présidence du ministère public", "prosecution")],
}
LANGUAGE = {"MLI": "fr", "NER": "fr", "NPL": "en", "MAR": "ar"}
SEXES = ["female", "male"]
AGE_BANDS = ["18_29", "30_44", "30_44", "45_59"]

WORKPLANS = [  # country, kind, title, start, end, signed by
    ("MLI", Workplan.Kind.MULTI_YEAR, "Mali workplan 2017-2018 (demo)", date(2017, 1, 1), date(2018, 12, 31),
     "Ministry of Justice, national focal point (demo)"),
    ("NER", Workplan.Kind.SIX_MONTHLY, "Niger workplan 2017 H2 - 2018 H1 (demo)", date(2017, 7, 1), date(2018, 6, 30), ""),
    ("NPL", Workplan.Kind.SIX_MONTHLY, "Nepal workplan 2018 (demo)", date(2018, 1, 1), date(2018, 12, 31), ""),
]
S, K = Activity.Status, Activity.Kind
# country, code, kind, title, location, in capital, planned start, days, status, planned cost, actual cost, people
ACTIVITIES = [
    ("MLI", "MLI-01", K.TRAINING_OF_TRAINERS, "Training of trainers: investigating trafficking cases", "Bamako", True,
     date(2017, 3, 6), 5, S.DELIVERED, 18000, 17250, 8),
    ("MLI", "MLI-02", K.TRAINING, "Investigating and prosecuting trafficking in persons", "Mopti", False,
     date(2017, 9, 11), 3, S.DELIVERED, 9000, 9800, 10),
    ("MLI", "MLI-03", K.TRAINING, "Identifying child victims in gold-mining areas", "Sikasso", False,
     date(2017, 11, 20), 3, S.DELIVERED, 8500, 8100, 10),
    ("MLI", "MLI-04", K.WORKSHOP, "Workshop on the national referral mechanism", "Bamako", True,
     date(2018, 2, 12), 2, S.DELIVERED, 6000, 5700, 9),
    ("MLI", "MLI-05", K.TRAINING, "Smuggling of migrants: financial investigations", "Gao", False,
     date(2018, 4, 16), 3, S.CANCELLED, 9500, None, 0),
    ("MLI", "MLI-06", K.LEGISLATIVE, "Review of the draft law on smuggling of migrants", "Bamako", True,
     date(2018, 6, 4), 20, S.DELIVERED, 12000, 12000, 0),
    ("NER", "NER-01", K.TRAINING, "Protecting smuggled migrants in criminal proceedings", "Agadez", False,
     date(2017, 10, 2), 3, S.DELIVERED, 10000, 10400, 9),
    ("NER", "NER-02", K.TRAINING, "Trafficking for forced begging: identification and referral", "Niamey", True,
     date(2017, 12, 4), 2, S.DELIVERED, 7000, 6600, 8),
    ("NER", "NER-03", K.COORDINATION, "Coordination meeting of the national commission", "Zinder", False,
     date(2018, 3, 19), 1, S.POSTPONED, 3000, None, 0),
    ("NPL", "NPL-01", K.TRAINING, "Victim-centred interviewing for police and prosecutors", "Kathmandu", True,
     date(2018, 2, 19), 3, S.DELIVERED, 8000, 7700, 10),
    ("NPL", "NPL-02", K.TRAINING, "Labour inspection and trafficking for forced labour", "Biratnagar", False,
     date(2018, 8, 6), 3, S.DELIVERED, 8500, 8900, 9),
    ("NPL", "NPL-03", K.EXCHANGE, "Exchange visit of prosecutors", "Pokhara", False,
     date(2018, 11, 12), 4, S.PLANNED, 15000, None, 0),
]
CANCELLED_REASON = ("The security situation on the road to Gao did not allow the training to take place; moved to the "
                    "next workplan.")


def load() -> int:
    monitoring_demo.load()
    programme = Programme.objects.get(code=monitoring_demo.CODE)
    created = 0
    if not Workplan.objects.filter(programme=programme, title=WORKPLANS[0][2]).exists():
        with transaction.atomic():
            created = _load(programme)
    return created + load_learning()


def _people(rng: random.Random, country: str, count: int) -> list[Participant]:
    people = []
    for n in range(count):
        given = GIVEN_NAMES[country][n % len(GIVEN_NAMES[country])]
        family = FAMILY_NAMES[(n * 5 + len(country)) % len(FAMILY_NAMES)]
        institution, kind = INSTITUTIONS[country][n % len(INSTITUTIONS[country])]
        consent = rng.random() < 0.8
        people.append(Participant.objects.create(
            given_name=given, family_name=family, country_id=country, sex=SEXES[(n + len(given)) % 2],
            age_band=AGE_BANDS[n % len(AGE_BANDS)], institution=institution, institution_type=kind,
            email=f"{given.lower()}.{family.lower()}.{country.lower()}{n}@example.org" if consent else "",
            language=LANGUAGE[country], consent_to_contact=consent,
            consent_recorded_on=date(2017, 1, 15) if consent else None,
        ))
    return people


def _load(programme: Programme) -> int:
    rng = random.Random(8)  # nosec B311 # seeded generator for reproducible synthetic demo data
    created = 0
    registry = {country: _people(rng, country, size) for country, size in (("MLI", 26), ("NER", 14), ("NPL", 16), ("MAR", 4))}
    created += sum(len(p) for p in registry.values())
    # Near-duplicates as data entry produces them: an accent dropped, names swapped, the same e-mail.
    first = registry["MLI"][0]
    Participant.objects.create(given_name=first.given_name, family_name=first.family_name.replace("e", "é", 1),
                               country_id="MLI", institution=first.institution.upper(), sex=first.sex, language="fr")
    second = registry["NER"][1]
    Participant.objects.create(given_name=second.family_name, family_name=second.given_name, country_id="NER",
                               institution=second.institution, language="fr")
    third = next(p for p in registry["NPL"] if p.email)
    Participant.objects.create(given_name=third.given_name[0] + ".", family_name=third.family_name, country_id="NPL",
                               email=third.email.upper(), language="en")
    created += 3

    workplans = {}
    for country, kind, title, start, end, signed_by in WORKPLANS:
        component = Component.objects.filter(programme=programme, country_id=country, implementing_partner="UNODC").first()
        workplans[country] = Workplan.objects.create(
            programme=programme, component=component, country_id=country, kind=kind, title=title, start=start, end=end,
            signed_by=signed_by, signed_on=start - timedelta(days=20) if signed_by else None,
        )
        created += 1

    for country, code, kind, title, location, capital, start, days, status, planned, actual, size in ACTIVITIES:
        end = start + timedelta(days=days - 1)
        delivered = status == S.DELIVERED
        activity = Activity.objects.create(
            workplan=workplans[country], code=code, kind=kind, title=f"{title} {DEMO_NOTE}", location=location,
            in_capital=capital, planned_start=start, planned_end=end, status=status,
            actual_start=start if delivered else None, actual_end=end if delivered else None,
            crime_scope=Activity.CrimeScope.SOM if "migrant" in title.lower() else Activity.CrimeScope.TIP,
            planned_cost=Decimal(planned), actual_cost=Decimal(actual) if actual else None, language=LANGUAGE[country],
            cancellation_reason=CANCELLED_REASON if status == S.CANCELLED else "",
            partners="IOM" if kind == K.WORKSHOP else "",
        )
        created += 1
        pool = registry[country] + (registry["MAR"] if code == "MLI-04" else [])  # a regional workshop
        attendees = rng.sample(pool, min(size, len(pool)))
        for n, person in enumerate(attendees):
            role = Attendance.Role.ORGANISER if n == 0 and kind == K.WORKSHOP else Attendance.Role.PARTICIPANT
            Attendance.objects.create(activity=activity, participant=person, role=role, completed=rng.random() < 0.9)
        created += len(attendees)
    return created
