"""The worked model case shown to contributors as guidance: an invented case filled in the way the
editors want every case to be, section by section. Synthetic; no real person or court."""

from django.utils.translation import gettext_lazy as _

from .forms_contribute import SECTIONS

# {section slug: [(field label, example value, why it is written so)]}
EXAMPLE = {
    "identity": [
        (_("jurisdiction"), _("Mali"), ""),
        (_("title"), _("Regional Court of the Example District, 2023: recruitment for domestic work"),
         _("Neutral: the court, the year and the facts in a few words. Never a victim's name.")),
        (_("court reference"), "EX-2023-0417", ""),
        (_("crime types"), _("trafficking in persons"), _("A case can carry both crimes; choose each that applies.")),
        (_("languages of the decision"), _("French"), ""),
    ],
    "texts": [
        (_("summary of the facts"),
         _("In 2021 the defendant D1 recruited two young women, V1 and V2, in a rural village, promising them "
           "paid work as shop assistants in the capital. On arrival their identity documents were taken and "
           "they were made to work in private households for up to sixteen hours a day without pay. V2 was "
           "16 years old. A neighbour alerted the police, who freed both women in March 2022."),
         _("Who did what to whom, when, where and how, using the pseudonyms (D1, V1, W1) only.")),
        (_("legal reasoning"),
         _("The court held that the false promise of work was deception within the meaning of the national "
           "law, and that the consent of V1 was irrelevant once deception was used. For V2, a child, no means "
           "needed to be proven."),
         _("The court's key findings on each element, in your own words.")),
        (_("why this case was included"),
         _("A clear application of the irrelevance of consent and of the rule for child victims."), ""),
    ],
    "proceedings": [
        (_("court"), _("Regional Court of the Example District (first instance)"), ""),
        (_("date of the decision"), "2023-05-12", _("Publication needs at least one proceeding with a court and date.")),
        (_("outcome"), _("conviction"), ""),
    ],
    "persons": [
        (_("D1"), _("defendant, male, 45, recruiter"), ""),
        (_("V1"), _("victim, female, 19"), ""),
        (_("V2"), _("victim, female, 16 (child: always pseudonymous)"), ""),
        (_("real name (restricted)"), _("entered only in the restricted fields, never in the texts"),
         _("Only editors can read restricted identities; every reading is logged.")),
    ],
    "charges": [
        (_("charge"), _("trafficking in persons (D1)"), ""),
        (_("verdict"), _("convicted: 8 years' imprisonment, compensation to each victim"), ""),
    ],
    "trafficking": [
        (_("acts"), _("recruitment, transportation, harbouring"), ""),
        (_("means"), _("deception"), ""),
        (_("purposes of exploitation"), _("forced labour or services"), ""),
        (_("sectors of exploitation"), _("domestic work"), ""),
        (_("transnational or domestic"), _("domestic"), ""),
    ],
    "smuggling": [
        (_("smuggling offences"), _("none in this case"), _("Leave the smuggling section empty when it does not apply.")),
    ],
    "legal": [
        (_("Protocol and Convention articles"), _("TIP Protocol, art. 3; art. 6"), ""),
        (_("victim protection measures applied"), _("closed hearing; shelter"), ""),
    ],
    "sources": [
        (_("decision document"), _("the judgment as PDF (kept internal until anonymised)"),
         _("Publication needs at least one source: the decision or a link to it.")),
    ],
}


def model_case_sections():
    """[(section, rows)] in the order of the case form."""
    return [(section, EXAMPLE.get(section.slug, [])) for section in SECTIONS]
