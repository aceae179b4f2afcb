"""Synthetic demo cases: invented, flagged `is_synthetic`, titled "Synthetic case: ...".

About 40 cases in the 13 GLO.ACT countries, a few other countries and two international or
regional courts, generated deterministically (one seeded random generator per case) so that every
field and every facet term is used. Persons are pseudonymous; their restricted identities are
invented too ("Synthetic Person A12"). Loading is idempotent: a case is keyed on its court
reference ("SYN-MLI-001") and never created twice.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from gloact.core.demo import GLOACT_COUNTRIES
from gloact.core.models import Country

from . import vocabularies as v
from .models import (
    Case,
    CaseTranslation,
    Charge,
    Jurisdiction,
    Person,
    PersonIdentity,
    Proceeding,
    RouteCountry,
    Source,
    Term,
)
from .privacy import pseudonyms

SEED = 2026
CASE_COUNT = 40
OTHER_COUNTRIES = ["FRA", "THA", "ARG", "NGA"]
COURTS = ["ECH", "ICC"]
JURISDICTIONS = GLOACT_COUNTRIES + OTHER_COUNTRIES + COURTS

# Where defendants may be named or shown by initials (to exercise Jurisdiction.defendant_display).
DEFENDANT_DISPLAY = {"ZAF": Jurisdiction.DefendantDisplay.NAME, "BRA": Jurisdiction.DefendantDisplay.INITIALS}

DECISION_LANGUAGES = {
    "BLR": ["ru", "be"], "BRA": ["pt"], "COL": ["es"], "EGY": ["ar"], "KGZ": ["ru", "ky"], "LAO": ["lo"],
    "MLI": ["fr"], "MAR": ["ar", "fr"], "NPL": ["ne"], "NER": ["fr"], "PAK": ["en", "ur"], "ZAF": ["en"],
    "UKR": ["uk"], "FRA": ["fr"], "THA": ["th"], "ARG": ["es"], "NGA": ["en"], "ECH": ["en", "fr"], "ICC": ["en"],
}
CURRENCIES = {
    "BLR": "BYN", "BRA": "BRL", "COL": "COP", "EGY": "EGP", "KGZ": "KGS", "LAO": "LAK", "MLI": "XOF", "MAR": "MAD",
    "NPL": "NPR", "NER": "XOF", "PAK": "PKR", "ZAF": "ZAR", "UKR": "UAH", "FRA": "EUR", "THA": "THB", "ARG": "ARS",
    "NGA": "NGN", "ECH": "EUR", "ICC": "EUR",
}
# Plausible origin and destination countries for routes starting in or leading to a jurisdiction.
NEIGHBOURS = {
    "BLR": ["UKR", "POL", "LTU"], "BRA": ["BOL", "PRY", "PRT"], "COL": ["VEN", "ECU", "PAN"],
    "EGY": ["SDN", "ERI", "LBY"], "KGZ": ["UZB", "TJK", "RUS"], "LAO": ["THA", "VNM", "CHN"],
    "MLI": ["NER", "BFA", "DZA"], "MAR": ["ESP", "DZA", "SEN"], "NPL": ["IND", "QAT", "MYS"],
    "NER": ["NGA", "LBY", "MLI"], "PAK": ["AFG", "IRN", "TUR"], "ZAF": ["ZWE", "MOZ", "LSO"],
    "UKR": ["MDA", "POL", "ROU"], "FRA": ["ITA", "GBR", "ROU"], "THA": ["MMR", "KHM", "LAO"],
    "ARG": ["BOL", "PRY", "PER"], "NGA": ["NER", "ITA", "BEN"], "ECH": ["ROU", "BGR", "CYP"],
    "ICC": ["COD", "UGA", "CAF"],
}
DISCOVERIES = [
    "a labour inspection", "a victim escaped and called a hotline", "a border guard noticed forged visas",
    "a report by a civil society organisation", "a joint investigation with a neighbouring country",
    "a financial intelligence report on unusual transfers",
]
FEATURES = [
    "how courts keep smuggling and trafficking apart when both are charged",
    "financial investigation used to trace and confiscate proceeds",
    "testimony of victims by video link to avoid secondary victimisation",
    "mutual legal assistance and a joint investigation team",
    "non-punishment of victims for offences they were compelled to commit",
    "compensation ordered within the criminal proceedings",
    "the irrelevance of a child victim's consent",
]
MODE_PHRASES = {
    "mode.land": "by land, hidden in the cargo space of a truck",
    "mode.sea": "by sea, in an overcrowded inflatable boat",
    "mode.air": "by air, with forged visas",
}
AGGRAVATION_PHRASES = {
    "aggravation.endangering_lives": "The migrants were left without water for two days. ",
    "aggravation.inhuman_treatment": "The migrants were locked in a warehouse and beaten. ",
    "aggravation.exploitation": "Several migrants had to work without pay to settle their 'debt'. ",
}
CHARGES = {
    v.TRAFFICKING: "Trafficking in persons",
    v.SMUGGLING: "Smuggling of migrants",
    "crime.organized_criminal_group": "Participation in an organized criminal group",
    "crime.money_laundering": "Laundering of proceeds of crime",
    "crime.corruption": "Bribery of a public official",
    "crime.document_fraud": "Possession of fraudulent travel documents",
    "crime.obstruction_of_justice": "Intimidation of a witness",
    "crime.other": "Unlawful detention",
}
EXTRA_CRIMES = [code for code in CHARGES if code not in (v.TRAFFICKING, v.SMUGGLING)]

# Translations of the summary: (title, trafficking summary, smuggling summary, why included).
TRANSLATIONS = {
    "fr": (
        "Affaire fictive : Ministère public c. {defendants}",
        "Affaire fictive, inventée pour la démonstration. {defendants} ont recruté {victims} victimes venues de "
        "{origin} en leur promettant un emploi bien payé, puis les ont exploitées ({sector}) en/au {destination}. "
        "Leurs documents d'identité leur ont été retirés.",
        "Affaire fictive, inventée pour la démonstration. {defendants} ont organisé, contre paiement, l'entrée "
        "illégale de {migrants} migrants de {origin} vers {destination} ({mode}).",
        "Contenu de démonstration fictif.",
    ),
    "es": (
        "Caso ficticio: Fiscalía c. {defendants}",
        "Caso ficticio, inventado para la demostración. {defendants} captaron a {victims} víctimas procedentes de "
        "{origin} con promesas de un empleo bien pagado y las explotaron ({sector}) en {destination}. Les "
        "retiraron sus documentos de identidad.",
        "Caso ficticio, inventado para la demostración. {defendants} organizaron, a cambio de un pago, la entrada "
        "ilegal de {migrants} migrantes desde {origin} hacia {destination} ({mode}).",
        "Contenido de demostración ficticio.",
    ),
    "ru": (
        "Вымышленное дело: Прокурор против {defendants}",
        "Вымышленное дело, созданное для демонстрации. Обвиняемые ({defendants}) завербовали {victims} потерпевших "
        "из страны «{origin}», пообещав им хорошо оплачиваемую работу, и эксплуатировали их (сфера: {sector}) в "
        "стране «{destination}». У потерпевших отобрали документы, удостоверяющие личность.",
        "Вымышленное дело, созданное для демонстрации. Обвиняемые ({defendants}) за плату организовали незаконный "
        "въезд {migrants} мигрантов из страны «{origin}» в страну «{destination}» (способ: {mode}).",
        "Вымышленные демонстрационные данные.",
    ),
    "ar": (
        "قضية وهمية: النيابة العامة ضد {defendants}",
        "قضية وهمية أُعدّت لأغراض العرض. قام المتهمون ({defendants}) بتجنيد {victims} من الضحايا من {origin} "
        "بوعود بعمل جيد الأجر، ثم استغلوهم ({sector}) في {destination}. وصودرت وثائق هوية الضحايا.",
        "قضية وهمية أُعدّت لأغراض العرض. نظّم المتهمون ({defendants}) مقابل أجر الدخول غير المشروع لـ{migrants} "
        "من المهاجرين من {origin} إلى {destination} ({mode}).",
        "محتوى عرض وهمي.",
    ),
    "zh-hans": (
        "虚构案件：检察官诉{defendants}",
        "为演示而虚构的案件。被告（{defendants}）以高薪工作为诱饵，从{origin}招募了{victims}名受害人，并在"
        "{destination}对其进行剥削（{sector}）。受害人的身份证件被没收。",
        "为演示而虚构的案件。被告（{defendants}）收取费用，组织{migrants}名移民从{origin}非法进入{destination}"
        "（{mode}）。",
        "虚构的演示内容。",
    ),
}
TRANSLATION_LANGUAGE = {
    "MLI": "fr", "NER": "fr", "MAR": "fr", "FRA": "fr", "COL": "es", "ARG": "es", "BLR": "ru", "KGZ": "ru",
    "UKR": "ru", "EGY": "ar",
}


def _window(items: list, start: int, count: int) -> list:
    """`count` consecutive items from `start`, wrapping: cycling windows cover every item."""
    return [items[(start + k) % len(items)] for k in range(min(count, len(items)))]


class _Loader:
    def __init__(self):
        self.created = 0
        terms = Term.objects.select_related("vocabulary")
        self.terms = {(t.vocabulary.code, t.code): t for t in terms}
        self.by_vocabulary: dict[str, list[Term]] = {}
        for term in terms:
            self.by_vocabulary.setdefault(term.vocabulary.code, []).append(term)
        self.countries = Country.objects.in_bulk()

    def term(self, vocabulary: str, code: str) -> Term:
        return self.terms[(vocabulary, code)]

    def jurisdiction(self, code: str) -> Jurisdiction:
        if code in self.countries:
            jurisdiction = Jurisdiction.objects.for_country(self.countries[code])
        else:
            jurisdiction = Jurisdiction.objects.get(code=code)
        if code in DEFENDANT_DISPLAY and jurisdiction.defendant_display == Jurisdiction.DefendantDisplay.PSEUDONYM:
            jurisdiction.defendant_display = DEFENDANT_DISPLAY[code]
            jurisdiction.save(update_fields=["defendant_display"])
        return jurisdiction

    def add(self, obj):
        obj.save()
        self.created += 1
        return obj

    # --- One case -----------------------------------------------------------------------------
    def load_case(self, index: int) -> None:
        code = JURISDICTIONS[index % len(JURISDICTIONS)]
        jurisdiction = self.jurisdiction(code)
        reference = f"SYN-{code}-{index + 1:03d}"
        if Case.objects.filter(jurisdiction=jurisdiction, court_reference=reference).exists():
            return
        rng = random.Random(f"{SEED}-{index}")  # nosec B311 # reproducible demo content, not security
        kind = ("tip", "som", "both")[index % 3] if code not in COURTS else "tip"
        trafficking, smuggling = kind in ("tip", "both"), kind in ("som", "both")
        home = jurisdiction.country_id
        foreign = [c for c in NEIGHBOURS[code] if c in self.countries]
        origin = rng.choice(foreign)
        domestic = bool(home) and trafficking and not smuggling and index % 4 == 0
        if domestic:
            origin = home
        destination = home or rng.choice([c for c in foreign if c != origin])
        transit = [c for c in foreign if c not in (origin, destination)][: index % 3] if smuggling else []

        first_year = 2005 + (index * 7) % 19
        case = Case(
            jurisdiction=jurisdiction,
            court_reference=reference,
            ecli=f"ECLI:{(home or code)[:2]}:SYN:{first_year}:{index + 1}" if index % 5 == 0 else "",
            title="Synthetic case",  # completed below, once the defendants have their pseudonyms
            original_language="en",
            is_landmark=index % 7 == 3,
            is_synthetic=True,
            status=Case.Status.PUBLISHED,
            noindex=index % 13 == 5,
            tip_scope=("" if index % 11 == 7 else Case.Scope.DOMESTIC if domestic else Case.Scope.TRANSNATIONAL)
            if trafficking else "",
            som_material_benefit=(None if index % 10 == 4 else index % 17 != 8) if smuggling else None,
            national_provisions="\n".join(
                f"Art. {rng.randint(100, 400)} Penal Code of {self.countries[home].name if home else code} "
                f"(synthetic reference)" for _ in range(1 + index % 2)
            ),
        )
        self.add(case)

        # Classification: windows over the vocabularies so that every term is used somewhere.
        crimes = ([v.TRAFFICKING] if trafficking else []) + ([v.SMUGGLING] if smuggling else [])
        crimes += _window(EXTRA_CRIMES, index, index % 3)
        case.crime_types.set([self.term(v.CRIME_TYPE, c) for c in crimes])
        case.decision_languages.set([self.term(v.LANGUAGE, f"lang.{c}") for c in DECISION_LANGUAGES[code]])
        terms = self.by_vocabulary
        if trafficking:
            case.tip_acts.set(_window(terms[v.TIP_ACT], index, 2 + index % 3))
            case.tip_means.set(_window(terms[v.TIP_MEANS], index, 1 + index % 3))
            case.tip_purposes.set(_window(terms[v.TIP_PURPOSE], index, 1 + index % 2))
            case.exploitation_sectors.set(_window(terms[v.SECTOR], index, 1 + index % 2))
        if smuggling:
            case.som_offences.set(_window(terms[v.SMUGGLING_OFFENCE], index, 1 + index % 3))
            case.som_aggravations.set(_window(terms[v.SMUGGLING_AGGRAVATION], index, index % 3))
            case.som_modes.set(_window(terms[v.SMUGGLING_MODE], index, 1 + index % 2))
        articles = [a for a in terms[v.PROTOCOL_ARTICLE] if a.code.startswith(("untoc.",))]
        articles = _window(articles, index, 1 + index % 2)
        if trafficking:
            articles += [self.term(v.PROTOCOL_ARTICLE, c) for c in ("tip.art3", "tip.art5")]
            articles += _window([a for a in terms[v.PROTOCOL_ARTICLE] if a.code.startswith("tip.")], index, 1)
        if smuggling:
            articles += [self.term(v.PROTOCOL_ARTICLE, c) for c in ("som.art3", "som.art6")]
            articles += _window([a for a in terms[v.PROTOCOL_ARTICLE] if a.code.startswith("som.")], index, 2)
        case.legal_articles.set(articles)
        case.protection_measures.set(_window(terms[v.PROTECTION_MEASURE], index, index % 4))
        case.human_rights_aspects.set(_window(terms[v.HUMAN_RIGHTS_ASPECT], index, index % 3))

        for order, (country, role) in enumerate(
            [(origin, RouteCountry.Role.ORIGIN)] + [(c, RouteCountry.Role.TRANSIT) for c in transit]
            + [(destination, RouteCountry.Role.DESTINATION)]
        ):
            self.add(RouteCountry(case=case, country_id=country, role=role, order=order))

        defendants, protected = self.load_persons(case, index, rng, trafficking, smuggling, origin, home)
        proceedings = self.load_proceedings(case, index, rng, code, first_year)
        self.load_charges(case, defendants, crimes, proceedings[0].outcome, rng, code)
        self.load_texts(case, index, rng, code, trafficking, smuggling, origin, destination, transit, protected)
        self.load_sources(case, index, code)
        case.published_at = timezone.make_aware(datetime.combine(proceedings[-1].date + timedelta(days=60), time(9)))
        case.save(update_fields=["title", "summary", "reasoning", "commentary", "why_included", "published_at"])

    def load_persons(self, case, index, rng, trafficking, smuggling, origin, home):
        people = [(Person.Role.DEFENDANT, 1 + index % 3)]
        if trafficking:
            people.append((Person.Role.VICTIM, 1 + rng.randint(0, 3)))
        if smuggling:
            people.append((Person.Role.SMUGGLED_MIGRANT, 2 + rng.randint(0, 3)))
        people.append((Person.Role.WITNESS, index % 3))
        if index % 6 == 1:
            people.append((Person.Role.PLAINTIFF, 1))
        serial = 0
        for role, count in people:
            for number in range(count):
                serial += 1
                child = role in (Person.Role.VICTIM, Person.Role.SMUGGLED_MIGRANT) and (index + number) % 3 == 0
                legal = role == Person.Role.DEFENDANT and number == 1 and index % 4 == 1
                age = None if legal else (rng.randint(9, 17) if child else rng.randint(19, 62))
                person = self.add(Person(
                    case=case,
                    role=role,
                    kind=Person.Kind.LEGAL if legal else Person.Kind.NATURAL,
                    sex=Person.Sex.UNKNOWN if legal else rng.choice(["female", "female", "male", "other", "unknown"]),
                    age=age if index % 4 != 2 else None,
                    age_band="" if legal or index % 4 != 2 else _age_band(age),
                    is_child=child,
                    role_detail={"defendant": "recruitment agency" if legal else rng.choice(
                        ["recruiter", "driver", "organiser", "document forger", "employer"])}.get(role, ""),
                    display_style=Person.DisplayStyle.INITIALS
                    if role in (Person.Role.VICTIM, Person.Role.WITNESS) and index % 5 == 2 else
                    Person.DisplayStyle.AUTO,
                    order=number,
                ))
                if not legal:
                    person.nationalities.set(
                        [home or origin] if role in (Person.Role.DEFENDANT, Person.Role.WITNESS) and home
                        else [origin] + ([home] if home and index % 8 == 3 else [])
                    )
                name = (f"Synthetic Recruitment Agency {index + 1}" if legal
                        else f"Synthetic Person {chr(65 + index % 26)}{index + 1:02d}{serial}")
                self.add(PersonIdentity(
                    person=person,
                    real_name=name,
                    aliases=f"Synthetic Alias {serial}-{index + 1}" if role == Person.Role.DEFENDANT else "",
                    identifying_details=f"Synthetic detail: lives in invented district {rng.randint(1, 20)}.",
                ))
        persons = list(case.persons.all())
        labels = pseudonyms(case, persons)
        defendants = [p for p in persons if p.role == Person.Role.DEFENDANT]
        protected = [labels[p.pk] for p in persons if p.role != Person.Role.DEFENDANT]
        return defendants, protected

    def load_proceedings(self, case, index, rng, code, first_year):
        if code in COURTS:
            levels = [Proceeding.CourtLevel.INTERNATIONAL]
        else:
            levels = [Proceeding.CourtLevel.FIRST_INSTANCE, Proceeding.CourtLevel.APPEAL,
                      Proceeding.CourtLevel.SUPREME, Proceeding.CourtLevel.CONSTITUTIONAL][: 1 + index % 4]
        place = self.countries[code].name if code in self.countries else code
        names = {
            Proceeding.CourtLevel.FIRST_INSTANCE: f"Demo Regional Court of {place} (synthetic)",
            Proceeding.CourtLevel.APPEAL: f"Demo Court of Appeal of {place} (synthetic)",
            Proceeding.CourtLevel.SUPREME: f"Demo Supreme Court of {place} (synthetic)",
            Proceeding.CourtLevel.CONSTITUTIONAL: f"Demo Constitutional Court of {place} (synthetic)",
            Proceeding.CourtLevel.INTERNATIONAL: f"{Jurisdiction.objects.get(code=code).name} (synthetic case)",
        }
        first_outcomes = [Proceeding.Outcome.CONVICTION, Proceeding.Outcome.PARTIAL_CONVICTION,
                          Proceeding.Outcome.CONVICTION, Proceeding.Outcome.ACQUITTAL, Proceeding.Outcome.OTHER]
        later_outcomes = [Proceeding.Outcome.APPEAL_DISMISSED, Proceeding.Outcome.APPEAL_ALLOWED]
        day = date(first_year, 1 + index % 12, 1 + (index * 3) % 28)
        proceedings = []
        for order, level in enumerate(levels):
            if order:
                day = min(day + timedelta(days=rng.randint(200, 500)), date(2025, 12, 15))
            outcome = first_outcomes[index % len(first_outcomes)] if order == 0 else rng.choice(later_outcomes)
            proceedings.append(self.add(Proceeding(
                case=case, order=order, court_name=names[level], court_level=level, date=day, outcome=outcome,
                reference=f"SYN/{day.year}/{rng.randint(10, 999)}",
                decision_text=f"Synthetic decision: {Proceeding.Outcome(outcome).label}.",
            )))
        return proceedings

    def load_charges(self, case, defendants, crimes, outcome, rng, code):
        verdicts = {
            Proceeding.Outcome.CONVICTION: [Charge.Verdict.CONVICTED],
            Proceeding.Outcome.PARTIAL_CONVICTION: [Charge.Verdict.CONVICTED, Charge.Verdict.ACQUITTED],
            Proceeding.Outcome.ACQUITTAL: [Charge.Verdict.ACQUITTED, Charge.Verdict.DISMISSED],
            Proceeding.Outcome.OTHER: [Charge.Verdict.PENDING, Charge.Verdict.OTHER],
        }[outcome]
        for defendant_number, defendant in enumerate(defendants):
            for order, crime in enumerate(crimes[: 1 + defendant_number % 2 + (len(crimes) > 2)]):
                verdict = verdicts[(order + defendant_number) % len(verdicts)]
                convicted = verdict == Charge.Verdict.CONVICTED
                self.add(Charge(
                    case=case,
                    defendant=defendant,
                    order=order,
                    legal_provision=f"Art. {rng.randint(100, 400)} Penal Code (synthetic reference)",
                    charge=CHARGES[crime],
                    verdict=verdict,
                    imprisonment_months=rng.randint(12, 180)
                    if convicted and defendant.kind == Person.Kind.NATURAL else None,
                    fine_amount=Decimal(rng.randint(5, 500) * 1000) if convicted and order == 0 else None,
                    fine_currency=CURRENCIES[code] if convicted and order == 0 else "",
                    confiscation=convicted and defendant_number == 0,
                    confiscation_details="Vehicle and bank balances (synthetic)." if convicted and defendant_number == 0
                    else "",
                    compensation_amount=Decimal(rng.randint(1, 50) * 1000) if convicted and order == 0 else None,
                    compensation_currency=CURRENCIES[code] if convicted and order == 0 else "",
                    sentence_notes="Partly suspended (synthetic)." if convicted and rng.random() < 0.3 else "",
                ))

    def load_texts(self, case, index, rng, code, trafficking, smuggling, origin, destination, transit, protected):
        labels = pseudonyms(case)
        defendants = [labels[p.pk] for p in case.persons.filter(role=Person.Role.DEFENDANT)]
        victims = case.persons.filter(role=Person.Role.VICTIM).count()
        migrants = case.persons.filter(role=Person.Role.SMUGGLED_MIGRANT).count()
        named = " and ".join(defendants) if len(defendants) < 3 else f"{defendants[0]} and others"
        country = self.countries
        sector = case.exploitation_sectors.first()
        mode = case.som_modes.first()
        discovery = rng.choice(DISCOVERIES)
        child = case.persons.filter(is_child=True).first()
        child_victim = case.persons.filter(is_child=True, role=Person.Role.VICTIM).exists()
        facts_year = case.proceedings.order_by("date").first().date.year - 2
        if code == "ECH":
            case.title = f"Synthetic case: {protected[0] if protected else 'V1'} v. {country[origin].name}"
        else:
            case.title = f"Synthetic case: Prosecutor v. {named}"
        parts = ["Synthetic case, invented for demonstration."]
        if trafficking:
            parts.append(
                f"Between {facts_year} and {facts_year + 1}, {named} recruited {victims} victim(s) from "
                f"{country[origin].name} with promises of well-paid work. In {country[destination].name} the "
                f"victims were made to work ({sector.label.lower() if sector else 'other'}) without pay; their "
                "identity documents were taken and they were threatened with violence."
            )
        if smuggling:
            route = f" through {', '.join(country[c].name for c in transit)}" if transit else ""
            aggravations = "".join(AGGRAVATION_PHRASES[t.code] for t in case.som_aggravations.all())
            parts.append(
                f"{named} organised the irregular entry of {migrants} migrants from {country[origin].name}{route} "
                f"into {country[destination].name} {MODE_PHRASES[mode.code]}, charging each migrant "
                f"{rng.randint(1, 9) * 500} {CURRENCIES[code]}. {aggravations}".strip()
            )
        if child:
            parts.append(f"One of the persons concerned, {labels[child.pk]}, was a child aged {child.age or 'under 18'}.")
        parts.append(f"The case came to light after {discovery}.")
        case.summary = " ".join(parts)
        reasons = []
        if trafficking:
            reasons.append(
                "The court found the act, the means and the purpose of exploitation proven and held, following "
                "article 3(b) of the Trafficking in Persons Protocol, that the victims' initial consent was "
                "irrelevant once the means were established."
            )
            if child_victim:
                reasons.append("For the child victim no means needed to be proven (article 3(c)).")
        if smuggling:
            reasons.append(
                "The court held that the defendants procured the illegal entry of the migrants for a financial "
                "benefit; the migrants themselves were not prosecuted (article 5 of the Smuggling of Migrants "
                "Protocol)."
            )
        case.reasoning = " ".join(reasons)
        case.commentary = f"This synthetic case illustrates {FEATURES[index % len(FEATURES)]}."
        case.why_included = (
            "Demonstration content: it exercises the "
            + " and ".join(w for w, on in (("trafficking", trafficking), ("smuggling", smuggling)) if on)
            + " classification of the case law database."
        )
        if index % 4 == 1 or code in ("EGY", "COL") and index < len(JURISDICTIONS):
            language = TRANSLATION_LANGUAGE.get(code) or ("fr", "es", "ru", "ar", "zh-hans")[index % 5]
            title, tip_text, som_text, why = TRANSLATIONS[language]
            values = {
                "defendants": ", ".join(defendants), "victims": victims, "migrants": migrants,
                "origin": country[origin].localized_name(language),
                "destination": country[destination].localized_name(language),
                "sector": sector.localized_label(language) if sector else "",
                "mode": mode.localized_label(language) if mode else "",
            }
            summary = " ".join(
                text.format(**values) for text, on in ((tip_text, trafficking), (som_text, smuggling)) if on
            )
            self.add(CaseTranslation(
                case=case, language=language, title=title.format(**values), summary=summary, why_included=why
            ))

    def load_sources(self, case, index, code):
        language = DECISION_LANGUAGES[code][0]
        self.add(Source(
            case=case, kind=Source.Kind.EXTERNAL_URL, title="Synthetic press release",
            url=f"https://example.org/synthetic-cases/{case.public_id}", language="en",
        ))
        if index % 4 == 0:
            names = [p.identity.real_name for p in case.persons.select_related("identity")]
            labels = case.person_labels()
            text = f"SYNTHETIC DECISION {case.court_reference}\nPersons heard: {', '.join(names)}.\n"
            source = Source(
                case=case, kind=Source.Kind.DECISION, title=f"Decision {case.court_reference} (synthetic)",
                language=language, extracted_text=text, file_is_public=False,
                redacted_text=f"SYNTHETIC DECISION {case.court_reference}\nPersons heard: "
                              f"{', '.join(labels.values())}.\n",
            )
            # Keyed on the court reference so that reloading into a fresh database reuses the file.
            name = f"caselaw/sources/{case.court_reference}-decision.txt"
            if default_storage.exists(name):
                source.file.name = name
            else:
                source.file.save(name.rsplit("/", 1)[1], ContentFile(text.encode()), save=False)
            self.add(source)


def _age_band(age: int | None) -> str:
    if age is None:
        return ""
    for band, upper in (("0-11", 11), ("12-17", 17), ("18-24", 24), ("25-34", 34), ("35-49", 49)):
        if age <= upper:
            return band
    return "50+"


@transaction.atomic
def load() -> int:
    """Create the synthetic demo cases that do not exist yet; return the number of records created."""
    loader = _Loader()
    for index in range(CASE_COUNT):
        loader.load_case(index)
    return loader.created
