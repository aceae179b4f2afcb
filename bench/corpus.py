"""Deterministic synthetic corpora of published cases, written as JSONL in the import format
(docs/case-format.md).

Distributions of jurisdictions, decision years and trafficking elements come from the SHERLOC
label file (`../shared/data/sherloc/amp_labels_1263.csv`) when present, from built-in defaults
otherwise. Summaries (150-400 words) are generated from a small grammar of domain vocabulary, so
that word frequencies look like case summaries: a few very common words ("court", "victims"),
a long tail, fixed phrases ("debt bondage") and a handful of rare words (see RARE_WORD).

Everything is drawn from one random.Random(seed): the same arguments give the same file, byte
for byte.
"""

import csv
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

SHERLOC_LABELS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "sherloc" / "amp_labels_1263.csv"
RARE_WORD = "zeolithic"  # in about 1 case in 2,000
RARE_EVERY = 2000
PHRASE = "debt bondage"

_ELEMENTS = {
    "ACT_RECRUITMENT": "act.recruitment", "ACT_TRANSPORTATION": "act.transportation",
    "ACT_TRANSFER": "act.transfer", "ACT_HARBOURING": "act.harbouring", "ACT_RECEIPT": "act.receipt",
    "MEANS_THREAT_FORCE_OR_COERCION": "means.threat_force_coercion", "MEANS_ABDUCTION": "means.abduction",
    "MEANS_FRAUD": "means.fraud", "MEANS_DECEPTION": "means.deception",
    "MEANS_ABUSE_OF_POWER_OR_VULNERABILITY": "means.abuse_of_vulnerability",
    "MEANS_PAYMENTS_OR_BENEFITS_FOR_CONTROL": "means.payments_to_person_in_control",
    "PURPOSE_SEXUAL_EXPLOITATION": "purpose.sexual_exploitation",
    "PURPOSE_FORCED_LABOUR_OR_SERVICES": "purpose.forced_labour", "PURPOSE_SLAVERY_OR_SIMILAR_PRACTICES": "purpose.slavery",
    "PURPOSE_SERVITUDE": "purpose.servitude", "PURPOSE_REMOVAL_OF_ORGANS": "purpose.organ_removal",
    "PURPOSE_OTHER": "purpose.other",
}
_DEFAULT_ELEMENT_RATES = {
    "act.recruitment": 0.7, "act.transportation": 0.5, "act.transfer": 0.2, "act.harbouring": 0.45,
    "act.receipt": 0.35, "means.threat_force_coercion": 0.4, "means.abduction": 0.05, "means.fraud": 0.15,
    "means.deception": 0.55, "means.abuse_of_vulnerability": 0.45, "means.payments_to_person_in_control": 0.05,
    "purpose.sexual_exploitation": 0.6, "purpose.forced_labour": 0.3, "purpose.slavery": 0.05,
    "purpose.servitude": 0.05, "purpose.organ_removal": 0.01, "purpose.other": 0.05,
}
_DEFAULT_JURISDICTIONS = {"USA": 160, "BRA": 100, "ARG": 75, "PHL": 73, "MDA": 57, "ROU": 52, "SVK": 48,
                          "COL": 38, "SRB": 36, "SWE": 31, "CZE": 30, "IND": 26, "GBR": 24, "BEL": 24,
                          "CAN": 22, "NGA": 20, "MLI": 12, "NER": 10, "THA": 18, "MEX": 20}
_DEFAULT_YEARS = {year: 1 + (year - 2000) for year in range(2000, 2025)}  # more recent cases are more common

# --- Summary grammar ------------------------------------------------------------------------
_PEOPLE = ["the defendant", "the accused", "the first defendant", "the recruiter", "the employer",
           "the owner of the farm", "the network", "the organised criminal group", "the intermediary",
           "the driver", "the manager of the bar", "the couple"]
_VICTIMS = ["the victims", "several young women", "three minors", "the workers", "the migrants",
            "a girl aged fifteen", "the complainants", "two adult men", "a group of labourers",
            "the domestic workers", "the fishermen", "the children"]
_VERBS = ["recruited", "transported", "harboured", "received", "transferred", "deceived", "threatened",
          "confined", "exploited", "controlled", "sold", "abused", "isolated", "coerced"]
_PLACES = ["in the capital", "across the border", "at a rural plantation", "in a coastal town",
           "at a construction site", "in private homes", "at a fishing port", "in a nightclub",
           "in the neighbouring country", "at a textile workshop", "along the migration route",
           "in an apartment rented for that purpose"]
_PROMISES = ["with promises of well-paid work abroad", "by offering employment as waitresses",
             "through an online advertisement", "through a relative of the victims",
             "by promising education and a better life", "through a fake employment agency",
             "by paying their travel costs", "with false contracts"]
_CONTROL = ["confiscated their passports", "imposed a debt that could never be repaid", "kept them under constant surveillance",
            "withheld their wages", "threatened their families", "used violence and intimidation",
            "kept them in " + PHRASE, "restricted their movement", "forced them to work long hours without pay",
            "exploited their irregular migration status", "took advantage of their position of vulnerability"]
_COURT = ["The court found", "The trial court held", "The appeal court confirmed", "The judges considered",
          "The tribunal concluded", "The prosecution argued", "The defence submitted", "The chamber noted"]
_FINDINGS = ["that the consent of the victims was irrelevant once deception had been established",
             "that the means of abuse of a position of vulnerability were proven",
             "that the victims had been recruited for the purpose of exploitation",
             "that the testimony of the victims was credible and corroborated",
             "that the acts constituted trafficking in persons under the national code",
             "that the defendants acted as part of an organised criminal group",
             "that the evidence of " + PHRASE + " was sufficient",
             "that the smuggling of migrants had been committed for a financial or other material benefit",
             "that the non-punishment principle applied to the victims",
             "that the children could not consent to their exploitation",
             "that the confiscation of the proceeds of crime was justified",
             "that the victims were entitled to compensation for the harm suffered"]
_OUTCOMES = ["The defendant was sentenced to imprisonment and ordered to pay compensation.",
             "The accused were convicted of trafficking in persons and sentenced accordingly.",
             "The court acquitted one defendant for lack of evidence and convicted the others.",
             "The appeal was dismissed and the sentence upheld.",
             "The sentence was reduced on appeal because of mitigating circumstances.",
             "The assets of the network were confiscated."]
_EXTRA = ["Investigators used financial records and telephone intercepts.",
          "Labour inspectors first reported the situation to the police.",
          "A non-governmental organisation assisted the victims during the proceedings.",
          "The victims testified behind a screen to protect their privacy.",
          "Joint investigation teams from two countries cooperated in the case.",
          "The case illustrates the use of social media to recruit victims.",
          "Payments were made through informal money transfer systems.",
          "The victims received residence permits and access to shelters.",
          "The court relied on expert evidence about trauma and its effect on testimony.",
          "Several victims were identified only after a routine inspection."]

_SURNAMES = ["Example", "Sample", "Placeholder", "Fictive", "Synthetic", "Model", "Specimen", "Pattern"]
_COURTS = ["Regional Court", "District Court", "Court of Appeal", "Supreme Court", "Criminal Court", "High Court"]
_LEVELS = {"Regional Court": "first_instance", "District Court": "first_instance", "Criminal Court": "first_instance",
           "High Court": "first_instance", "Court of Appeal": "appeal", "Supreme Court": "supreme"}
_OUTCOME_CODES = ["conviction", "conviction", "conviction", "partial_conviction", "acquittal", "appeal_dismissed"]
_NATIONALITIES = ["NGA", "ROU", "MDA", "PHL", "THA", "BRA", "COL", "VNM", "CHN", "UKR", "NER", "MLI", "IND", "MEX"]


@dataclass
class Distributions:
    jurisdictions: dict[str, float]  # {jurisdiction code: weight}
    years: dict[int, float]
    element_rates: dict[str, float]  # {term code: share of cases}
    source: str = "defaults"


def load_distributions(name_to_code: dict[str, str], labels: Path = SHERLOC_LABELS) -> Distributions:
    """Distributions from the SHERLOC label file (country names mapped to jurisdiction codes with
    `name_to_code`), or the built-in defaults when the file is absent."""
    if not labels.exists():
        return Distributions(dict(_DEFAULT_JURISDICTIONS), dict(_DEFAULT_YEARS), dict(_DEFAULT_ELEMENT_RATES))
    with open(labels, newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    jurisdictions: dict[str, float] = {}
    years: dict[int, float] = {}
    for row in rows:
        code = name_to_code.get(row["jurisdiction"])
        if code:
            jurisdictions[code] = jurisdictions.get(code, 0) + 1
        match = re.search(r"/((?:19|20)\d\d)/", row["canonical_url"])
        if match:
            years[int(match[1])] = years.get(int(match[1]), 0) + 1
    rates = {code: sum(row.get(column) == "1" for row in rows) / len(rows) for column, code in _ELEMENTS.items()}
    return Distributions(jurisdictions or dict(_DEFAULT_JURISDICTIONS), years or dict(_DEFAULT_YEARS), rates,
                         source=str(labels))


def _summary(rng: random.Random, number: int) -> str:
    """150-400 words of case summary."""
    target = rng.randint(150, 400)
    sentences, words = [], 0
    while words < target:
        kind = rng.random()
        if kind < 0.3:
            sentence = (f"{rng.choice(_PEOPLE).capitalize()} {rng.choice(_VERBS)} {rng.choice(_VICTIMS)} "
                        f"{rng.choice(_PLACES)} {rng.choice(_PROMISES)}.")
        elif kind < 0.5:
            sentence = f"{rng.choice(_PEOPLE).capitalize()} {rng.choice(_CONTROL)} and {rng.choice(_CONTROL)}."
        elif kind < 0.75:
            sentence = f"{rng.choice(_COURT)} {rng.choice(_FINDINGS)}."
        elif kind < 0.85:
            sentence = rng.choice(_OUTCOMES)
        else:
            sentence = rng.choice(_EXTRA)
        sentences.append(sentence)
        words += sentence.count(" ") + 1
    if number % RARE_EVERY == 7:
        sentences.insert(1, f"The goods were hidden in {RARE_WORD} mineral containers.")
    return " ".join(sentences)


def _weighted(rng: random.Random, table: dict) -> object:
    keys = list(table)
    return rng.choices(keys, weights=[table[k] for k in keys])[0]


def _record(rng: random.Random, number: int, dist: Distributions, public_numbers: dict[str, int]) -> dict:
    code = _weighted(rng, dist.jurisdictions)
    public_numbers[code] = public_numbers.get(code, 0) + 1
    public_id = f"{code}{public_numbers[code]:03d}"
    year = _weighted(rng, dist.years)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    trafficking = rng.random() < 0.85
    smuggling = not trafficking or rng.random() < 0.1

    def elements(prefix):
        return [term for term, rate in dist.element_rates.items() if term.startswith(prefix) and rng.random() < rate]

    defendants = rng.choices([1, 2, 3, 4], weights=[5, 3, 2, 1])[0]
    victims = rng.choices([0, 1, 2, 3, 5], weights=[1, 4, 3, 2, 1])[0]
    persons = [{"label": f"D{i}", "role": "defendant", "kind": "natural", "sex": rng.choice(["male", "female"]),
                "age_band": rng.choice(["25-34", "35-49", "50+", ""]), "is_child": False,
                "nationalities": [rng.choice(_NATIONALITIES)], "role_detail": ""}
               for i in range(1, defendants + 1)]
    for i in range(1, victims + 1):
        band = rng.choice(["12-17", "18-24", "25-34", "", "0-11"])
        persons.append({"label": f"V{i}", "role": "victim", "kind": "natural",
                        "sex": rng.choice(["female", "female", "male", "unknown"]), "age_band": band,
                        "is_child": band in ("0-11", "12-17"), "nationalities": [rng.choice(_NATIONALITIES)],
                        "role_detail": ""})
    charges = [{"defendant": f"D{i}", "legal_provision": f"Penal Code art. {rng.randint(100, 400)}",
                "charge": "Trafficking in persons" if trafficking else "Smuggling of migrants",
                "verdict": rng.choice(["convicted", "convicted", "acquitted", "pending"]),
                "imprisonment_months": rng.choice([None, 24, 36, 60, 96, 120]),
                "fine_amount": None, "fine_currency": "", "confiscation": False, "confiscation_details": "",
                "compensation_amount": None, "compensation_currency": "", "sentence_notes": ""}
               for i in range(1, defendants + 1)]
    court = rng.choice(_COURTS)
    proceedings = [{"order": 0, "court_name": f"{court} {number % 97}", "court_level": _LEVELS[court],
                    "reference": f"P-{number}", "date": date, "decision_text": "",
                    "outcome": rng.choice(_OUTCOME_CODES)}]
    crime_types = (["crime.trafficking_in_persons"] if trafficking else []) + \
                  (["crime.smuggling_of_migrants"] if smuggling else [])
    if rng.random() < 0.2:
        crime_types.append("crime.organized_criminal_group")
    return {
        "public_id": public_id,
        "court_reference": f"SYN-{year}-{number}",
        "ecli": "",
        "title": f"Prosecutor v. {rng.choice(_SURNAMES)} and others ({year})" if defendants > 1
        else f"Prosecutor v. {rng.choice(_SURNAMES)} ({year})",
        "jurisdiction": {"code": code},
        "crime_types": crime_types,
        "decision_languages": ["lang.en"],
        "is_landmark": rng.random() < 0.02,
        "is_synthetic": True,
        "original_language": "en",
        "texts": {"summary": _summary(rng, number), "reasoning": "", "commentary": "", "why_included": ""},
        "translations": {},
        "proceedings": proceedings,
        "persons": persons,
        "charges": charges,
        "trafficking": {"acts": elements("act.") if trafficking else [],
                        "means": elements("means.") if trafficking else [],
                        "purposes": elements("purpose.") if trafficking else [],
                        "sectors": [rng.choice(["sector.agriculture", "sector.sex_industry", "sector.domestic_work",
                                                "sector.construction", "sector.fishing"])] if trafficking else [],
                        "scope": rng.choice(["transnational", "domestic", ""])},
        "smuggling": {"material_benefit": True if smuggling else None,
                      "offences": ["offence.smuggling"] if smuggling else [],
                      "aggravations": ["aggravation.endangering_lives"] if smuggling and rng.random() < 0.3 else [],
                      "modes": [rng.choice(["mode.land", "mode.sea", "mode.air"])] if smuggling else [],
                      "route": {"origin": [rng.choice(_NATIONALITIES)] if smuggling else [], "transit": [],
                                "destination": [code] if smuggling and len(code) == 3 else []}},
        "legal": {"articles": ["tip.art3"] if trafficking else ["som.art6"], "national_provisions": []},
        "protection_measures": ["protection.privacy"] if rng.random() < 0.3 else [],
        "human_rights_aspects": ["hr.child_rights"] if any(p["is_child"] for p in persons) else [],
        "sources": [],
        "published_at": f"{year}-{date[5:7]}-{date[8:10]}T09:00:00+00:00",
        "status": "published",
    }


def write_corpus(path: Path, size: int, dist: Distributions, seed: int = 20261122) -> Path:
    """Write `size` records to `path` (JSONL); return the path."""
    rng = random.Random(seed)
    public_numbers: dict[str, int] = {}
    with open(path, "w", encoding="utf-8") as stream:
        for number in range(size):
            stream.write(json.dumps(_record(rng, number, dist, public_numbers), ensure_ascii=False))
            stream.write("\n")
    return path
