"""A court case: its identity, texts, classification (trafficking and smuggling elements, legal
references, protection measures) and publication status."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import vocabularies as v
from ..languages import TEXT_LANGUAGES, same_language
from .jurisdiction import PUBLIC_ID_RE, Jurisdiction, next_public_id, reserve_public_id
from .vocabulary import term_field

TEXT_FIELDS = ("title", "summary", "reasoning", "commentary", "why_included")


@dataclass(frozen=True)
class CaseTexts:
    """The texts of a case in the best language available for a reader.

    `language` is the language the summary is shown in; `languages` gives it per field, since a
    translation may cover only some texts (the others are shown in the original language)."""

    title: str
    summary: str
    reasoning: str
    commentary: str
    why_included: str
    language: str
    is_translation: bool
    languages: dict[str, str] = field(default_factory=dict)


class CaseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Case.Status.PUBLISHED)


class Case(models.Model):
    """A court case in the case law database, known to the public by `public_id` (e.g. "MLI007")."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        IN_REVIEW = "in_review", _("in review")
        CHANGES_REQUESTED = "changes_requested", _("changes requested")
        PUBLISHED = "published", _("published")
        WITHDRAWN = "withdrawn", _("withdrawn")
        REMOVED = "removed", _("removed")

    class Scope(models.TextChoices):
        TRANSNATIONAL = "transnational", _("transnational")
        DOMESTIC = "domestic", _("domestic")

    # --- Identity -----------------------------------------------------------------------------
    public_id = models.CharField(
        _("public id"), max_length=12, unique=True, editable=False,
        help_text=_("Jurisdiction code and a number never given twice, e.g. MLI007."),
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction, models.PROTECT, related_name="cases", verbose_name=_("jurisdiction")
    )
    court_reference = models.CharField(
        _("court reference"), max_length=200, blank=True, help_text=_("The court's own case number.")
    )
    ecli = models.CharField(_("ECLI"), max_length=200, blank=True, help_text=_("European Case Law Identifier."))
    title = models.CharField(_("title"), max_length=500)
    crime_types = term_field(v.CRIME_TYPE, _("crime types"), "cases_crime_types")
    decision_languages = term_field(v.LANGUAGE, _("languages of the decision"), "cases_decision_languages")
    is_landmark = models.BooleanField(_("landmark case"), default=False)
    is_synthetic = models.BooleanField(
        _("synthetic"), default=False, help_text=_("Invented demonstration content, not a real case.")
    )

    # --- Texts (translations in CaseTranslation) ------------------------------------------------
    original_language = models.CharField(
        _("language of the texts"), max_length=10, choices=TEXT_LANGUAGES, default="en"
    )
    summary = models.TextField(_("summary of the facts"), blank=True)
    reasoning = models.TextField(_("legal reasoning"), blank=True)
    commentary = models.TextField(_("commentary and significant features"), blank=True)
    why_included = models.TextField(_("why this case was included"), blank=True)

    # --- Trafficking in persons (Protocol art. 3) -----------------------------------------------
    tip_acts = term_field(v.TIP_ACT, _("acts"), "cases_tip_acts")
    tip_means = term_field(v.TIP_MEANS, _("means"), "cases_tip_means")
    tip_purposes = term_field(v.TIP_PURPOSE, _("purposes of exploitation"), "cases_tip_purposes")
    exploitation_sectors = term_field(v.SECTOR, _("sectors of exploitation"), "cases_exploitation_sectors")
    tip_scope = models.CharField(
        _("transnational or domestic"), max_length=20, choices=Scope.choices, blank=True,
        help_text=_("Empty when not known."),
    )

    # --- Smuggling of migrants (Protocol art. 3 and 6) ------------------------------------------
    som_material_benefit = models.BooleanField(
        _("financial or other material benefit"), null=True, blank=True, help_text=_("Empty when not known.")
    )
    som_offences = term_field(v.SMUGGLING_OFFENCE, _("smuggling offences"), "cases_som_offences")
    som_aggravations = term_field(v.SMUGGLING_AGGRAVATION, _("aggravating circumstances"), "cases_som_aggravations")
    som_modes = term_field(v.SMUGGLING_MODE, _("modes of smuggling"), "cases_som_modes")
    # The route (origin, transit, destination countries) is in RouteCountry.

    # --- Legal references, protection, human rights ---------------------------------------------
    legal_articles = term_field(v.PROTOCOL_ARTICLE, _("Protocol and Convention articles"), "cases_legal_articles")
    national_provisions = models.TextField(
        _("national legal provisions"), blank=True, help_text=_("One provision per line.")
    )
    protection_measures = term_field(
        v.PROTECTION_MEASURE, _("victim protection measures applied"), "cases_protection_measures"
    )
    human_rights_aspects = term_field(
        v.HUMAN_RIGHTS_ASPECT, _("human rights and gender aspects"), "cases_human_rights_aspects"
    )

    # --- Publication --------------------------------------------------------------------------
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    noindex = models.BooleanField(
        _("hide from search engines"), default=False, help_text=_("Ask search engines not to index the case page.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "court_reference"], condition=~models.Q(court_reference=""),
                name="caselaw_case_unique_court_reference",
            ),
        ]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self) -> str:
        return f"{self.public_id} {self.title}".strip()

    def save(self, *args, **kwargs):
        if not self.public_id:
            self.public_id = next_public_id(self.jurisdiction)
        elif self._state.adding and PUBLIC_ID_RE.match(self.public_id):
            reserve_public_id(self.public_id)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def withdrawal_reason(self) -> str:
        """The public reason of the latest withdrawal, or "" when the case is not withdrawn."""
        if self.status != self.Status.WITHDRAWN:
            return ""
        event = self.workflow_events.filter(to_status=self.Status.WITHDRAWN).order_by("-at", "-pk").first()
        return event.reason if event else ""

    # --- Texts in the reader's language ---------------------------------------------------------
    def texts_for(self, language: str) -> CaseTexts:
        """The texts in `language` where translated, each other text in the original language."""
        original = {name: getattr(self, name) for name in TEXT_FIELDS}
        if same_language(language, self.original_language):
            return CaseTexts(**original, language=self.original_language, is_translation=False,
                             languages=dict.fromkeys(TEXT_FIELDS, self.original_language))
        translation = next((t for t in self.translations.all() if t.language == language), None) or next(
            (t for t in self.translations.all() if same_language(t.language, language)), None
        )
        if translation is None or not translation.summary:
            return CaseTexts(**original, language=self.original_language, is_translation=False,
                             languages=dict.fromkeys(TEXT_FIELDS, self.original_language))
        texts, languages = {}, {}
        for name in TEXT_FIELDS:
            translated = getattr(translation, name)
            texts[name] = translated or original[name]
            languages[name] = translation.language if translated else self.original_language
        return CaseTexts(**texts, language=translation.language, is_translation=True, languages=languages)

    def available_languages(self) -> list[str]:
        """The original language first, then the languages of the translations."""
        return [self.original_language] + [t.language for t in self.translations.all() if t.summary]

    # --- Proceedings, persons, route ------------------------------------------------------------
    @property
    def latest_proceeding(self):
        return next((p for p in self.proceedings.all() if p.is_latest), None)

    def refresh_latest_proceeding(self) -> None:
        """Mark the last proceeding in procedural order (order, then date) as the latest ruling."""
        proceedings = list(self.proceedings.order_by(*self.proceedings.model.PROCEDURAL_ORDER))
        latest = proceedings[-1].pk if proceedings else None
        self.proceedings.exclude(pk=latest).filter(is_latest=True).update(is_latest=False)
        if latest:
            self.proceedings.filter(pk=latest, is_latest=False).update(is_latest=True)

    def person_labels(self) -> dict[int, str]:
        """{person id: public label} for every person of the case (see privacy.public_labels)."""
        from ..privacy import public_labels

        return public_labels(self)

    def route_countries(self, role: str) -> list:
        return [stop.country for stop in self.route.all() if stop.role == role]

    @property
    def is_trafficking(self) -> bool:
        return any(t.code == v.TRAFFICKING for t in self.crime_types.all())

    @property
    def is_smuggling(self) -> bool:
        return any(t.code == v.SMUGGLING for t in self.crime_types.all())


class CaseTranslation(models.Model):
    """The texts of a case in another language than the original."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="translations", verbose_name=_("case"))
    language = models.CharField(_("language"), max_length=10, choices=TEXT_LANGUAGES)
    title = models.CharField(_("title"), max_length=500, blank=True)
    summary = models.TextField(_("summary of the facts"))
    reasoning = models.TextField(_("legal reasoning"), blank=True)
    commentary = models.TextField(_("commentary and significant features"), blank=True)
    why_included = models.TextField(_("why this case was included"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["case", "language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [models.UniqueConstraint(fields=["case", "language"], name="caselaw_one_translation_per_language")]

    def __str__(self) -> str:
        return f"{self.case.public_id} ({self.language})"


class RouteCountry(models.Model):
    """A country on a smuggling (or trafficking) route, with its role on the route."""

    class Role(models.TextChoices):
        ORIGIN = "origin", _("origin")
        TRANSIT = "transit", _("transit")
        DESTINATION = "destination", _("destination")

    case = models.ForeignKey(Case, models.CASCADE, related_name="route", verbose_name=_("case"))
    country = models.ForeignKey("core.Country", models.PROTECT, related_name="+", verbose_name=_("country"))
    role = models.CharField(_("role on the route"), max_length=20, choices=Role.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["case", "order", "pk"]
        verbose_name = _("route country")
        verbose_name_plural = _("route countries")
        constraints = [
            models.UniqueConstraint(fields=["case", "country", "role"], name="caselaw_route_country_once_per_role")
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.country}"
