"""GLO.ACT 2015-2019 as demo content, from its final summary report (15 July 2015 - 30 September
2019) and newsletters; every figure below is one those documents give, with a note saying where.

What the sources do not give is not invented:
- The report says "Out of 34 outcome indicators in the results matrixes, 33 were reached ... and
  the remaining 1 was partially achieved. Outcome 3.3 was partially achieved as only Pakistan was
  able to develop concrete assistance and protection measures to smuggled migrants embedded in a
  criminal justice response." It names the figures of a few indicators but never lists the 34.
  So: outcome 3.3, eight outcome-level figures the report gives, and 25 records that stand for
  the indicators it does not name, each assessed as the report states (reached). Their codes
  (OI-nn) are this demo's numbering, not the results matrix's.
- No figure is split by period: each is entered once for the whole programme period 2015-2019.
- Targets: only "a minimum of 4 TIP/SOM cases investigated and/or prosecuted" is given; the other
  statuses come from the assessments the report states, through the status rules.
- Victims and migrants assisted: 7,542 = 4,525 women + 2,890 men + 127 children. With the
  controlled dimensions this is sex (female 4,525, male 2,890, unknown 127: the children's sex
  is not reported) and age (adult 7,415 = women and men, child 127). Both dimensions add up to the
  total, so the "must add up" rule accepts the figures as published, without guessing a split.

`load()` is idempotent: it does nothing when the programme exists.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from gloact.core.models import Country

from .models import (
    Assessment,
    Component,
    Dimension,
    DimensionCategory,
    DisaggregatedValue,
    Indicator,
    IndicatorValue,
    PeriodReport,
    Pillar,
    Programme,
    Result,
    ReviewEvent,
    StandardIndicator,
    Target,
    TheoryOfChange,
    ToCAssumption,
    ToCLink,
    ToCNode,
    ToCVersion,
)
from .periods import create_periods

CODE = "glo-act-2015-2019"
COUNTRIES = ["BLR", "BRA", "COL", "EGY", "KGZ", "LAO", "MLI", "MAR", "NPL", "NER", "PAK", "ZAF", "UKR"]
IOM_COUNTRIES = ["BLR", "BRA", "LAO", "MLI", "MAR", "ZAF"]
UNICEF_COUNTRIES = ["BLR", "COL", "LAO"]

SOURCE = "GLO.ACT Summary Report, 15 July 2015 - 30 September 2019"
WHOLE_PERIOD = "Reported for the whole programme period 2015-2019; no per-period split in the source."
REACHED = (
    "Assessed as reached: the final report states that 33 of the 34 outcome indicators were reached and that only "
    "outcome 3.3 was partially achieved. The report gives no numeric target for this indicator."
)

PILLARS = [
    (1, "Strategy and policy development"),
    (2, "Legislative review and harmonisation"),
    (3, "Capacity building"),
    (4, "Regional and trans-regional cooperation"),
    (5, "Protection and assistance to victims of trafficking and vulnerable migrants"),
    (6, "Protection and assistance to child victims of trafficking and smuggled children"),
]
PILLAR_NOTE = (
    "The report's list of pillars is an image; these names come from its text (section 3: strategy and policy, "
    "legislative review, capability development, regional and trans-regional cooperation, assistance to victims and "
    "vulnerable migrants) and from the UNICEF child-protection component (section 1)."
)

OUTCOMES = {
    1: "Partner countries develop and sustain effective strategies and policies against TIP and SOM",
    2: "Partner countries review and harmonise domestic legislation with the TIP and SOM Protocols",
    3: "Criminal justice actors respond more effectively to TIP and SOM",
    4: "Cooperation in investigations and prosecutions improves, especially at regional and trans-regional level",
    5: "Victims of trafficking and vulnerable migrants are identified, referred and assisted",
    6: "Child victims of trafficking and smuggled children are identified, referred and assisted within child protection systems",
}
OBJECTIVE = ("Reduce trafficking in persons and the smuggling of migrants, and assist and protect victims and "
             "vulnerable migrants, including children")
OUTCOME_3_3 = ("Concrete assistance and protection measures for smuggled migrants are embedded in the criminal justice "
               "response")

STANDARD_INDICATORS = [
    ("SDG 16.2.2", StandardIndicator.Framework.SDG,
     "Number of victims of human trafficking per 100,000 population, by sex, age and form of exploitation"),
    ("SDG 5.2", StandardIndicator.Framework.SDG,
     "Eliminate all forms of violence against all women and girls, including trafficking and sexual and other exploitation"),
    ("SDG 8.7", StandardIndicator.Framework.SDG,
     "Eradicate forced labour, end modern slavery and human trafficking, and end child labour"),
    ("SDG 10.7", StandardIndicator.Framework.SDG,
     "Facilitate orderly, safe, regular and responsible migration and mobility of people"),
    ("STD-CASES", StandardIndicator.Framework.PROGRAMME, "TIP and SOM cases investigated and/or prosecuted"),
    ("STD-ASSISTED", StandardIndicator.Framework.PROGRAMME, "Victims and vulnerable migrants identified and assisted"),
    ("STD-TRAINED", StandardIndicator.Framework.PROGRAMME, "Practitioners trained"),
    ("STD-POLICY", StandardIndicator.Framework.PROGRAMME, "Countries with new or revised TIP/SOM policies or legislation"),
]

PROGRAMME_DIMENSIONS = {
    "person-type": ("Person type", [("victim-of-trafficking", "victim of trafficking"), ("smuggled-migrant", "smuggled migrant"),
                                    ("vulnerable-migrant", "vulnerable migrant")]),
    "institution-type": ("Institution type", [("government", "government"), ("law-enforcement", "law enforcement"),
                                              ("prosecution", "prosecution"), ("judiciary", "judiciary"),
                                              ("social-services", "social services"), ("civil-society", "civil society")]),
}

# Outcome-level figures the report gives (code, pillar, title, measure, aggregation, value, note, extra fields)
FIGURES = [
    ("OI-01", 1, "Percentage of partner countries that reviewed, amended and/or developed policies, strategies or action "
     "plans on TIP and SOM", Indicator.Measure.PERCENTAGE, Indicator.Aggregation.AVERAGE, Decimal(60),
     "The report gives the share (60%) but not the list of countries; examples it names: Colombia (national strategy on "
     "SOM), Brazil (3rd national plan on TIP), South Africa (national strategy framework), Kyrgyz Republic "
     "(communication strategy), Mali (action plans).", {"unit": "%", "standard": ["STD-POLICY"]}),
    ("OI-05", 4, "Number of workshops conducted to strengthen cooperation and create synergies between law enforcement "
     "actors, child protection authorities and NGOs", Indicator.Measure.NUMBER, Indicator.Aggregation.SUM, Decimal(46),
     "Listed among the report's 'significant contributions by numbers'; its place in the results matrix is not given.",
     {"unit": "workshops"}),
    ("OI-06", 3, "Number of publications finalized", Indicator.Measure.NUMBER, Indicator.Aggregation.SUM, Decimal(42),
     "Listed among the report's 'significant contributions by numbers'; its place in the results matrix is not given.",
     {"unit": "publications"}),
    ("OI-07", 5, "Number of practitioners trained by IOM", Indicator.Measure.NUMBER, Indicator.Aggregation.SUM, Decimal(438),
     "Listed among the report's 'significant contributions by numbers'; no breakdown by sex or age is given (the final "
     "evaluation noted that indicators should have included specific gender indicators).",
     {"unit": "practitioners", "dimensions": ["sex", "institution-type"], "standard": ["STD-TRAINED"], "gender": True}),
    ("OI-08", 5, "Number of civil society organizations that received grants to provide direct assistance",
     Indicator.Measure.NUMBER, Indicator.Aggregation.SUM, Decimal(10),
     "IOM provided 10 grants to civil society organizations (report, section 1).", {"unit": "organizations"}),
]

# Outcome-level shares of countries that the report backs with the list of countries
COUNTRY_SHARES = [
    ("OI-02", 2, "Percentage of target countries that prepared and/or adopted domestic TIP legislation",
     ["BRA", "COL", "EGY", "KGZ", "NPL", "PAK", "ZAF"], "54%"),
    ("OI-03", 3, "Percentage of countries that established and/or initiated partnerships with national training "
     "academies or centres", ["BLR", "COL", "EGY", "LAO", "NPL", "NER", "PAK", "ZAF", "UKR"], "70%"),
    ("OI-04", 6, "Percentage of assisted countries that developed, established and/or integrated mechanisms and "
     "frameworks into national child protection systems for the identification, referral and assistance of child victims "
     "of trafficking", ["BLR", "BRA", "COL", "EGY", "LAO", "MLI"], "46%"),
]
UNNAMED_COUNT = 25


def load() -> int:
    if Programme.objects.filter(code=CODE).exists():
        return 0
    with transaction.atomic():
        return _load()


def _load() -> int:
    created = 0
    programme = Programme.objects.create(
        code=CODE, short_title="GLO.ACT 2015-2019",
        title="Global Action against Trafficking in Persons and the Smuggling of Migrants (GLO.ACT)",
        start_date=date(2015, 7, 15), end_date=date(2019, 9, 30), budget=Decimal("11000000"), currency="EUR",
        donor="European Union", lead_organisation="UNODC (Human Trafficking and Migrant Smuggling Section)",
        partner_organisations="IOM, UNICEF",
        summary=(
            "A four-year joint initiative of the European Union and UNODC, implemented with IOM and UNICEF in 13 countries, "
            "to reduce trafficking in persons and the smuggling of migrants and to assist and protect victims and vulnerable "
            "migrants, including children. Figures and statements here come from the final summary report and the "
            "project newsletters (EUR 11 million)."
        ),
    )
    programme.countries.set(Country.objects.filter(iso3__in=COUNTRIES))
    pillars = {n: Pillar.objects.create(programme=programme, number=n, title=t, description=PILLAR_NOTE) for n, t in PILLARS}
    created += 1 + len(pillars)
    created += _components(programme, pillars)
    nodes = _theory_of_change(programme, pillars)
    results = _logframe(programme, pillars, nodes)
    created += len(nodes) + len(results)
    standards = {code: StandardIndicator.objects.get_or_create(code=code, defaults={"framework": fw, "title": title})[0]
                 for code, fw, title in STANDARD_INDICATORS}
    dimensions = _dimensions(programme)
    period = create_periods(programme, "programme")[0]
    central = PeriodReport.objects.create(programme=programme, country=None, period=period)
    country_reports = {}

    def country_report(code):
        if code not in country_reports:
            country_reports[code] = PeriodReport.objects.create(programme=programme, country_id=code, period=period)
        return country_reports[code]

    def indicator(code, title, level, result, measure, aggregation, order, **fields):
        dims = fields.pop("dimensions", [])
        std = fields.pop("standard", [])
        gender = fields.pop("gender", False)
        item = Indicator.objects.create(
            programme=programme, code=code, title=title, level=level, result=result, measure=measure,
            aggregation=aggregation, order=order, data_source=SOURCE, collection_frequency=Indicator.Frequency.END_OF_PROGRAMME,
            means_of_verification="Programme monitoring data as published in the final summary report.",
            responsible="GLO.ACT monitoring and evaluation (UNODC headquarters)", gender_sensitive=gender, **fields,
        )
        item.dimensions.set([dimensions[d] for d in dims])
        item.standard_indicators.set([standards[s] for s in std])
        return item

    def record(report, item, value=None, assessment="", narrative="", note="", breakdown=None, activities=()):
        entry = IndicatorValue.objects.create(
            report=report, indicator=item, value=value, assessment=assessment, narrative=narrative,
            note=" ".join(filter(None, [note, WHOLE_PERIOD])),
        )
        for (dimension, category), amount in (breakdown or {}).items():
            DisaggregatedValue.objects.create(
                indicator_value=entry, category=DimensionCategory.objects.get(dimension__code=dimension, code=category), value=amount,
            )
        entry.activities.set(activities)

    # Objective level: the two measures of the overall aim the report gives.
    cases = indicator(
        "O.1", "Number of TIP/SOM cases investigated and/or prosecuted as reported by beneficiary countries",
        Indicator.Level.OBJECTIVE, results["O"], Indicator.Measure.NUMBER, Indicator.Aggregation.SUM, 1,
        unit="cases", accumulation=Indicator.Accumulation.CUMULATIVE, standard=["STD-CASES", "SDG 16.2.2"], human_rights=True,
        target_text="A minimum of 4 TIP/SOM cases investigated and/or prosecuted by assisted countries",
        definition="Cases of trafficking in persons or smuggling of migrants investigated and/or prosecuted in the "
                   "beneficiary countries, as those countries report them.",
    )
    Target.objects.create(indicator=cases, value=4, note="Target as stated in the final report.")
    record(central, cases, Decimal(5348), note="Cumulatively 5,348 cases (final report, section 3).")
    assisted = indicator(
        "O.2", "Number of trafficked victims, smuggled migrants and other vulnerable migrants identified and assisted by "
        "government authorities and civil society organizations (with breakdown by age and gender)",
        Indicator.Level.OBJECTIVE, results["O"], Indicator.Measure.NUMBER, Indicator.Aggregation.SUM, 2,
        unit="persons", accumulation=Indicator.Accumulation.CUMULATIVE,
        disaggregation_rule=Indicator.DisaggregationRule.MUST_ADD_UP, dimensions=["sex", "age", "person-type"],
        standard=["STD-ASSISTED", "SDG 16.2.2", "SDG 5.2", "SDG 8.7", "SDG 10.7"], gender=True, human_rights=True,
        target_text="Percentage increase in the number of victims/smuggled migrants and other vulnerable migrants assisted "
                    "in countries assisted (no baseline given)",
    )
    record(
        central, assisted, Decimal(7542), Assessment.ACHIEVED,
        narrative="Identified and assisted in Belarus, Brazil, Mali, Morocco, Lao PDR and South Africa.",
        note="7,542 including 4,525 women, 2,890 men and 127 children (final report, section 3). The children's sex is "
             "not reported (sex: unknown). Assessed as achieved: the report states that monitoring and evaluation data "
             "show GLO.ACT contributed to increasing the quantity and quality of the assistance provided.",
        breakdown={("sex", "female"): 4525, ("sex", "male"): 2890, ("sex", "unknown"): 127,
                   ("age", "adult"): 7415, ("age", "child"): 127},
    )

    # Outcome level: the figures the report gives ...
    for order, (code, pillar, title, measure, aggregation, value, note, extra) in enumerate(FIGURES, start=10):
        item = indicator(code, title, Indicator.Level.OUTCOME, results[str(pillar)], measure, aggregation, order,
                         unit=extra.get("unit", ""), dimensions=extra.get("dimensions", []),
                         standard=extra.get("standard", []), gender=extra.get("gender", False),
                         accumulation=Indicator.Accumulation.CUMULATIVE)
        record(central, item, value, Assessment.ACHIEVED, note=f"{note} {REACHED}")
    # ... the shares of countries it backs with the names of the countries ...
    for order, (code, pillar, title, named, published) in enumerate(COUNTRY_SHARES, start=20):
        item = indicator(code, title, Indicator.Level.OUTCOME, results[str(pillar)], Indicator.Measure.YES_NO,
                         Indicator.Aggregation.COUNT_COUNTRIES, order, standard=["STD-POLICY"] if pillar == 2 else [],
                         definition="Yes for each partner country that did so during the programme; the programme value is "
                                    "the number of such countries and their share of the 13 partner countries.")
        for country in named:
            record(country_report(country), item, Decimal(1), note="Named in the final report (section 3) among these countries.")
        record(central, item, None, Assessment.ACHIEVED,
               note=f"The report gives {published} and names {len(named)} of the 13 countries. {REACHED}")
    # ... outcome 3.3, the one partially achieved ...
    item = indicator(
        "3.3", OUTCOME_3_3, Indicator.Level.OUTCOME, results["3.3"], Indicator.Measure.YES_NO,
        Indicator.Aggregation.COUNT_COUNTRIES, 30, human_rights=True,
        definition="Yes for each partner country that developed concrete assistance and protection measures for smuggled "
                   "migrants embedded in a criminal justice response.",
    )
    record(country_report("PAK"), item, Decimal(1), note="The only country named for outcome 3.3 in the final report.")
    record(central, item, None, Assessment.PARTIALLY,
           narrative="Only Pakistan was able to develop concrete assistance and protection measures to smuggled migrants "
                     "embedded in a criminal justice response. The final evaluation (recommendation 6) calls for more "
                     "cooperation between criminal justice providers and specialised victim assistance.",
           note="Partially achieved, as the final report states.")
    # ... and the outcome indicators the report counts but does not name.
    for n in range(1, UNNAMED_COUNT + 1):
        item = indicator(
            f"OI-{8 + n:02d}", f"Outcome indicator not named in the sources ({n} of {UNNAMED_COUNT})", Indicator.Level.OUTCOME,
            None, Indicator.Measure.QUALITATIVE, Indicator.Aggregation.LATEST, 40 + n,
            note="Stands for one of the 34 outcome indicators that the final report counts but does not list; its wording, "
                 "target and figure are not in the sources.",
        )
        record(central, item, None, Assessment.ACHIEVED, note=REACHED)

    # Output level: one country figure with its breakdown, linked to its activity.
    centre = indicator(
        "OP-01", "Number of migrants assisted at the centre in Mali supported by an IOM grant to a civil society organization",
        Indicator.Level.OUTPUT, results["5.a"], Indicator.Measure.NUMBER, Indicator.Aggregation.SUM, 90,
        unit="persons", dimensions=["sex", "age"], disaggregation_rule=Indicator.DisaggregationRule.MUST_ADD_UP, gender=True,
    )
    record(
        country_report("MLI"), centre, Decimal(139),
        narrative="Migrants of 11 nationalities assisted in the centre's first year of operation.",
        note="139: three boys, 135 men and one woman (final report, section 1); the report does not say which year was the "
             "centre's first.",
        breakdown={("sex", "male"): 138, ("sex", "female"): 1, ("age", "child"): 3, ("age", "adult"): 136},
        activities=[results["5.a.1"]],
    )

    for report in [central, *country_reports.values()]:
        report.status = PeriodReport.Status.APPROVED
        report.save(update_fields=["status"])
        ReviewEvent.objects.create(report=report, action=ReviewEvent.Action.APPROVED,
                                   comment=f"Figures as published in the {SOURCE}.")
    return created + programme.indicators.count() + 1 + len(country_reports)


def _components(programme, pillars) -> int:
    Component.objects.create(programme=programme, implementing_partner="UNODC", title="Headquarters (global activities)")
    rows = [(c, "UNODC") for c in COUNTRIES] + [(c, "IOM") for c in IOM_COUNTRIES] + [(c, "UNICEF") for c in UNICEF_COUNTRIES]
    for country, partner in rows:
        component = Component.objects.create(programme=programme, country_id=country, implementing_partner=partner)
        if partner == "IOM":
            component.pillars.set([pillars[5]])
        elif partner == "UNICEF":
            component.pillars.set([pillars[6]])
        else:
            component.pillars.set(pillars.values())
    return 1 + len(rows)


def _theory_of_change(programme, pillars) -> dict[str, ToCNode]:
    theory = TheoryOfChange.objects.create(programme=programme, title="GLO.ACT programme theory of change")
    version = ToCVersion.objects.create(
        theory=theory, number=1, status=ToCVersion.Status.CURRENT,
        review_note="Drawn from the final report's statements of the aim, pillars and main contributions. The MEL "
                    "strategy's own theory of change is not among the sources. GLO.ACT had only a project-wide theory "
                    "of change; the report's first lesson is the need for national ones.",
    )
    nodes = {"IMPACT": ToCNode.objects.create(version=version, key="impact", level=ToCNode.Level.IMPACT, text=OBJECTIVE)}
    for number, text in OUTCOMES.items():
        nodes[str(number)] = ToCNode.objects.create(version=version, key=f"outcome-{number}", level=ToCNode.Level.OUTCOME,
                                                    text=text, pillar=pillars[number], order=number)
    nodes["3.3"] = ToCNode.objects.create(version=version, key="outcome-3-3", level=ToCNode.Level.INTERMEDIATE,
                                          text=OUTCOME_3_3, pillar=pillars[3])
    outputs = [
        ("policy-support", "Expert support to strategies, policies and action plans", 1, ["1"]),
        ("legislative-assistance", "Legislative analysis, review and drafting support", 2, ["2"]),
        ("training", "Multi-disciplinary training of practitioners by national trainers", 3, ["3", "3.3", "5"]),
        ("publications", "Publications, tools and research on TIP and SOM", 3, ["1", "3"]),
        ("cooperation-workshops", "Workshops and prosecutors' networks for cooperation", 4, ["4", "6"]),
        ("cso-grants", "Grants to civil society organizations for direct assistance", 5, ["5"]),
        ("child-protection", "Support to child protection systems for child victims", 6, ["6"]),
    ]
    for order, (key, text, pillar, targets) in enumerate(outputs):
        nodes[key] = ToCNode.objects.create(version=version, key=key, level=ToCNode.Level.OUTPUT, text=text,
                                            pillar=pillars[pillar], order=order)
        for target in targets:
            ToCLink.objects.create(version=version, source=nodes[key], target=nodes[target])
    for number in OUTCOMES:
        ToCLink.objects.create(version=version, source=nodes[str(number)], target=nodes["IMPACT"])
    link = ToCLink.objects.create(version=version, source=nodes["3.3"], target=nodes["5"])
    for kind, text, on in [
        (ToCAssumption.Kind.ASSUMPTION, "Victim assistance and criminal justice capacity building are linked in practice: "
         "criminal justice actors know where to refer victims and service providers have trusted links with law "
         "enforcement (lesson 9).", link),
        (ToCAssumption.Kind.ASSUMPTION, "National agencies lead the process and a guardian of the UNTOC (ideally the UNODC "
         "country office) is in place, so that results last (lesson 8).", None),
        (ToCAssumption.Kind.RISK, "Highly volatile and complex political environments in many target countries.", None),
        (ToCAssumption.Kind.RISK, "High staff turnover among counterparts hampers implementation.", None),
        (ToCAssumption.Kind.RISK, "Countries implement at different rates for reasons outside the project's control "
         "(lesson 6).", None),
    ]:
        ToCAssumption.objects.create(version=version, kind=kind, text=text, link=on)
    return nodes


def _logframe(programme, pillars, nodes) -> dict[str, Result]:
    results = {"O": Result.objects.create(programme=programme, level=Result.Level.OBJECTIVE, code="O", title=OBJECTIVE,
                                          toc_node=nodes["IMPACT"])}
    for number, text in OUTCOMES.items():
        results[str(number)] = Result.objects.create(
            programme=programme, level=Result.Level.OUTCOME, code=str(number), title=text, parent=results["O"],
            pillar=pillars[number], toc_node=nodes[str(number)], order=number,
        )
    results["3.3"] = Result.objects.create(programme=programme, level=Result.Level.OUTCOME, code="3.3", title=OUTCOME_3_3,
                                           parent=results["3"], pillar=pillars[3], toc_node=nodes["3.3"], order=3)
    results["5.a"] = Result.objects.create(
        programme=programme, level=Result.Level.OUTPUT, code="5.a", parent=results["5"], pillar=pillars[5],
        title="Civil society organizations receive grants to provide direct assistance (IOM)", toc_node=nodes["cso-grants"],
    )
    results["5.a.1"] = Result.objects.create(
        programme=programme, level=Result.Level.ACTIVITY, code="5.a.1", parent=results["5.a"], pillar=pillars[5],
        title="Grant to a civil society organization running an assistance centre for migrants in Mali",
    )
    return results


def _dimensions(programme) -> dict[str, Dimension]:
    dimensions = {d.code: d for d in Dimension.objects.filter(controlled=True)}
    for order, (code, (name, categories)) in enumerate(PROGRAMME_DIMENSIONS.items(), start=10):
        dimension, _created = Dimension.objects.get_or_create(code=code, defaults={"name": name, "programme": programme, "order": order})
        for category_order, (category_code, label) in enumerate(categories):
            DimensionCategory.objects.get_or_create(dimension=dimension, code=category_code,
                                                    defaults={"label": label, "order": category_order})
        dimensions[code] = dimension
    return dimensions
