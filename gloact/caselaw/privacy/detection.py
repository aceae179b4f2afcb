"""Finding personal data in the public texts of a case.

Two families of findings:
- the names, aliases and identifying details recorded (restricted) for the case's persons, matched
  whole and by each name token of 3 letters or more, ignoring case and diacritics;
- generic identifiers, whoever they belong to: e-mail addresses, phone numbers, passport and ID
  numbers, exact birth dates and street addresses. The patterns favour precision: an identifier
  needs its shape (an "@", a phone prefix and enough digits) or a keyword next to it ("passport
  no.", "born on"), so that years, article numbers and decision dates are not flagged.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..models import Case, Person
from .pseudonyms import NAME as NAME_STYLE
from .pseudonyms import display_style, public_labels

NAME = "name"
ALIAS = "alias"
DETAIL = "identifying_detail"
EMAIL = "email"
PHONE = "phone"
ID_NUMBER = "passport_or_id"
BIRTH_DATE = "birth_date"
STREET_ADDRESS = "street_address"

KIND_LABELS = {
    NAME: _("name"), ALIAS: _("alias"), DETAIL: _("identifying detail"), EMAIL: _("e-mail address"),
    PHONE: _("phone number"), ID_NUMBER: _("passport or ID number"), BIRTH_DATE: _("birth date"),
    STREET_ADDRESS: _("street address"),
}

MIN_TOKEN = 3
MIN_DETAIL = 6
CONTEXT = 60

# Words that name nobody on their own: particles, titles, legal forms, and the marker that
# the demonstration data puts in every invented name.
NOT_NAME_TOKENS = {
    "abu", "al-", "bin", "ben", "ibn", "bint", "van", "von", "der", "den", "del", "della", "des", "dos", "das",
    "the", "and", "mr", "mrs", "miss", "sir", "dr", "ltd", "inc", "llc", "sarl", "sas", "gmbh", "company",
    "agency", "recruitment", "person", "alias", "synthetic",
}


@dataclass(frozen=True)
class Finding:
    """One piece of personal data in one text of a case.

    `field` names the text: "summary", "translation:fr:summary", "source:12:redacted_text",
    "proceeding:3:decision_text", "charge:4:sentence_notes", "person:5:role_detail".
    `replacement` is what redaction puts in its place (the person's public label, or "[redacted]")."""

    field: str
    start: int
    end: int
    text: str
    kind: str
    replacement: str
    before: str = ""
    after: str = ""

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))

    @property
    def key(self) -> str:
        """Stable across edits elsewhere in the text: the field, the kind and a digest of the
        matched text (so a dismissal covers that text in that field, and never stores it)."""
        digest = hashlib.sha256(fold(self.text)[0].encode()).hexdigest()[:16]
        return f"{self.field}|{self.kind}|{digest}"


# --- Text folding ---------------------------------------------------------------------------


def fold(text: str) -> tuple[str, list[int]]:
    """`text` case-folded and without diacritics, and for each folded character the index of the
    original character it came from (so matches map back to the original text)."""
    folded, origin = [], []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            for out in part.casefold():
                folded.append(out)
                origin.append(index)
    return "".join(folded), origin


def _phrase_pattern(phrase: str) -> re.Pattern | None:
    words = fold(phrase)[0].split()
    if not words:
        return None
    body = r"[\s\-]+".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w){body}(?!\w)")


def name_tokens(name: str) -> list[str]:
    """The parts of a name that identify on their own: words of 3 letters or more."""
    words = fold(name)[0].split()
    compounds = [w.strip(".,'’") for w in words if re.search(r"\w[-'’]\w", w)]  # "drovik-mertz" whole
    tokens = compounds + [t for w in words for t in re.split(r"[^\w]+", w)]
    return [t for t in tokens if len(t) >= MIN_TOKEN and t not in NOT_NAME_TOKENS and not t.isdigit()]


_MONTH_NAMES = {
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "janvier", "fevrier", "avril", "juin", "juillet", "septembre", "octobre", "novembre", "decembre",
}


def detail_phrases(details: str) -> list[str]:
    """What identifies in free-text identifying details ("School: Ombrevane College; lives at 14 rue
    Thandrelle"): each part between separators that has two words or a digit, each run of
    capitalised words inside a part (not a lone first word: "School", "Passport"), and each
    document-like token (5 characters or more, 3 digits or more)."""
    phrases = []
    for part in re.split(r"[\n;:,()]+", details):
        part = part.strip(" .")
        words = part.split()
        if len(part) >= MIN_DETAIL and (len(words) >= 2 or any(c.isdigit() for c in part)):
            phrases.append(part)
        run: list[str] = []
        for position, word in enumerate(words + [""]):
            if word[:1].isupper() and word[1:2].islower():
                run.append(word.strip(".,'’"))
                continue
            if run and not (len(run) == 1 and position == 1) and len(" ".join(run)) >= 4 \
                    and fold(" ".join(run))[0] not in _MONTH_NAMES:
                phrases.append(" ".join(run))
            run = []
        phrases += [w for w in words if len(w) >= 5 and sum(c.isdigit() for c in w) >= 3 and w.isalnum()]
    return phrases


# --- Terms of the case's persons ----------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    pattern: re.Pattern
    kind: str
    replacement: str


def person_terms(case: Case) -> list[Term]:
    """What to look for, for every person of `case` (longest first: a whole name wins over its
    tokens). Persons shown by name (adult defendants where the jurisdiction allows it) are
    skipped for their names, not for their identifying details."""
    from .redaction import REDACTED

    persons = list(case.persons.select_related("identity", "case__jurisdiction"))
    labels = public_labels(case)
    phrases: dict[str, tuple[str, str]] = {}
    for person in persons:
        identity = person.identity_or_none
        if identity is None:
            continue
        label = labels.get(person.pk, REDACTED)
        if display_style(person, case.jurisdiction) != NAME_STYLE:
            for kind, names in ((NAME, [identity.real_name]), (ALIAS, identity.alias_list())):
                for name in filter(None, (n.strip() for n in names)):
                    phrases.setdefault(name, (kind, label))
                    for token in name_tokens(name):
                        phrases.setdefault(token, (kind, label))
        for detail in detail_phrases(identity.identifying_details):
            phrases.setdefault(detail, (DETAIL, REDACTED))
    terms = []
    for phrase in sorted(phrases, key=len, reverse=True):
        pattern = _phrase_pattern(phrase)
        if pattern is not None:
            terms.append(Term(pattern, *phrases[phrase]))
    return terms


# --- Generic identifiers --------------------------------------------------------------------

_MONTHS = (
    r"jan(?:uary|vier)?|feb(?:ruary)?|f[ée]v(?:rier)?|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?|may|mai|"
    r"june?|juin|july?|juil(?:let)?|aug(?:ust)?|ao[ûu]t|sep(?:t(?:ember)?)?|sept(?:embre)?|oct(?:ober|obre)?|"
    r"nov(?:ember|embre)?|dec(?:ember)?|d[ée]c(?:embre)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre"
)
_DATE = (
    rf"\d{{1,2}}[./-]\d{{1,2}}[./-](?:19|20)?\d{{2}}"
    rf"|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:de\s+)?(?:{_MONTHS})\.?\s+(?:de\s+)?(?:19|20)\d{{2}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
)
_BIRTH = (
    r"born(?:\s+on)?|date\s+of\s+birth|d\.?o\.?b\.?|n[ée]e?\s+le|date\s+de\s+naissance|nacid[oa](?:\s+el)?|"
    r"fecha\s+de\s+nacimiento|nascid[oa](?:\s+em)?|data\s+de\s+nascimento|родил(?:ся|ась)|дата\s+рождения"
)
_ID_KEYWORDS = (
    r"passport|passeport|pasaporte|passaporte|паспорт|identity\s+card|id\s+card|identity\s+document|"
    r"national\s+id(?:entity)?(?:\s+card)?|id|carte\s+(?:nationale\s+)?d['’]identit[ée]|cni|dni|nin|nie|"
    r"c[ée]dula|documento\s+de\s+identidad|residence\s+permit|titre\s+de\s+s[ée]jour|social\s+security"
)
_STREET_BEFORE_NAME = (
    r"rue|avenue|boulevard|blvd|chemin|impasse|all[ée]e|quai|calle|avenida|rua|travessa|carrera"
)
_STREET_AFTER_NAME = r"Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Boulevard|Crescent|Terrace"

GENERIC_PATTERNS: list[tuple[str, re.Pattern]] = [
    (EMAIL, re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")),
    # International numbers, numbers starting with a trunk 0, North American 3-3-4 numbers, and
    # any number right after a phone keyword; digit counts are checked in _is_phone.
    (PHONE, re.compile(r"(?<![\w+])(?:\+|00)[1-9]\d{0,3}(?:[\s.\-]?(?:\(\d{1,5}\)|\d{1,5})){1,6}(?![\w/])")),
    (PHONE, re.compile(r"(?<![\w/.,-])(?:\(0\d{1,4}\)|0\d{1,4})(?:[\s.\-]\d{2,4}){2,5}(?![\w/-])")),
    (PHONE, re.compile(r"(?<![\w/.,-])0\d{9}(?![\w/-])")),
    (PHONE, re.compile(r"(?<![\w/.,-])(?:\(\d{3}\)|\d{3})[\s.\-]\d{3}[\s.\-]\d{4}(?![\w/-])")),
    (PHONE, re.compile(
        r"(?i:\b(?:tel|t[ée]l|phone|telephone|t[ée]l[ée]phone|tel[ée]fono|mobile|cell(?:phone)?|portable|"
        r"m[óo]vil|celular|whatsapp)\b\.?(?:\s*(?:no\.?|number|n[°º]))?\s*[:.]?\s*)"
        r"(?P<value>\+?\d[\d\s().\-]{4,}\d)"
    )),
    (ID_NUMBER, re.compile(
        rf"(?i:\b(?:{_ID_KEYWORDS})\b(?:\s*(?:no\.?|number|num[ée]ro|n[°º]|nr\.?|#))?\s*[:.]?\s*)"
        r"(?P<value>(?=[A-Z0-9-]*\d[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,19})(?![\w-])"
    )),
    (BIRTH_DATE, re.compile(
        rf"(?i:\b(?:{_BIRTH})(?:\s+(?:on|the|le|el|em))?\s*[:,]?\s*)(?P<value>(?i:{_DATE}))(?!\d)"
    )),
    (STREET_ADDRESS, re.compile(
        rf"(?<![\w/.-])\d{{1,5}}(?:\s?(?:bis|ter))?,?\s+(?i:{_STREET_BEFORE_NAME})\s+"
        r"[^\W\d][\w'’-]*(?:[ \t]+[\w'’-]+){0,3}"
    )),
    (STREET_ADDRESS, re.compile(
        rf"(?<![\w/.-])\d{{1,5}}[A-Za-z]?\s+(?:[A-Z][\w'-]*\s+){{1,3}}(?:{_STREET_AFTER_NAME})(?!\w)"
    )),
    (STREET_ADDRESS, re.compile(
        r"(?i:\b(?:calle|avenida|rua|carrera|travessa)\s)[^\W\d][^\n,;:()]{1,40}?,?\s+(?:n[º°o.]\s*)?\d{1,5}\b"
    )),
    (STREET_ADDRESS, re.compile(
        r"\b[A-ZÄÖÜ][\wäöüß]+(?:straße|strasse|gasse|weg|platz)\s+\d{1,4}[a-z]?\b"
    )),
    (STREET_ADDRESS, re.compile(r"(?i:\bP\.?\s?O\.?\s?Box|\bbo[îi]te\s+postale)\s*\d{1,6}\b|\bBP\s\d{1,6}\b")),
]

_DATE_SHAPE = re.compile(r"^\d{1,4}[./\- ]\d{1,2}[./\- ]\d{1,4}$")


def _is_phone(value: str) -> bool:
    digits = sum(c.isdigit() for c in value)
    return 8 <= digits <= 15 and not _DATE_SHAPE.match(value.strip())


# --- Scanning -------------------------------------------------------------------------------


def _finding(field: str, text: str, start: int, end: int, kind: str, replacement: str) -> Finding:
    return Finding(
        field=field, start=start, end=end, text=text[start:end], kind=kind, replacement=replacement,
        before=text[max(0, start - CONTEXT):start], after=text[end:end + CONTEXT],
    )


def scan_text(text: str, field: str, terms: list[Term] = (), allowed: tuple[str, ...] = ()) -> list[Finding]:
    """Findings in one text, in order, without overlaps (the longest match wins). `allowed`
    are public strings never flagged as identifiers (the case's court reference, ECLI)."""
    from .redaction import REDACTED

    if not text:
        return []
    candidates: list[Finding] = []
    folded, origin = fold(text)
    for term in terms:
        for match in term.pattern.finditer(folded):
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            candidates.append(_finding(field, text, start, end, term.kind, term.replacement))
    for kind, pattern in GENERIC_PATTERNS:
        for match in pattern.finditer(text):
            group = "value" if "value" in pattern.groupindex else 0
            start, end = match.span(group)
            value = text[start:end].rstrip(" .-")
            end = start + len(value)
            if kind == PHONE and not _is_phone(value):
                continue
            if any(value in public for public in allowed if public):
                continue
            candidates.append(_finding(field, text, start, end, kind, REDACTED))
    candidates.sort(key=lambda f: (f.start, -(f.end - f.start)))
    findings, reached = [], -1
    for candidate in candidates:
        if candidate.start >= reached:
            findings.append(candidate)
            reached = candidate.end
    return findings


def public_texts(case: Case) -> list[tuple[str, str]]:
    """(field, text) for every text of `case` that the public may read."""
    texts = [(name, getattr(case, name)) for name in (
        "title", "summary", "reasoning", "commentary", "why_included", "national_provisions",
    )]
    for translation in case.translations.all():
        for name in ("title", "summary", "reasoning", "commentary", "why_included"):
            texts.append((f"translation:{translation.language}:{name}", getattr(translation, name)))
    for proceeding in case.proceedings.all():
        texts.append((f"proceeding:{proceeding.pk}:decision_text", proceeding.decision_text))
    for charge in case.charges.all():
        for name in ("charge", "sentence_notes", "confiscation_details"):
            texts.append((f"charge:{charge.pk}:{name}", getattr(charge, name)))
    for person in case.persons.all():
        texts.append((f"person:{person.pk}:role_detail", person.role_detail))
    for source in case.sources.all():
        texts.append((f"source:{source.pk}:title", source.title))
        texts.append((f"source:{source.pk}:redacted_text", source.redacted_text))
    return [(field, text) for field, text in texts if text]


def scan_case(case: Case) -> list[Finding]:
    """Every finding in the public texts of `case` (see public_texts), dismissed ones included."""
    terms = person_terms(case)
    allowed = (case.court_reference, case.ecli, case.public_id)
    findings = []
    for field, text in public_texts(case):
        findings += scan_text(text, field, terms, allowed)
    return findings


def resolve_field(case: Case, field: str):
    """(object, attribute) holding the text named by `field`, or (None, "") when it is gone."""
    parts = field.split(":")
    if len(parts) == 1:
        return case, field
    kind, ident, name = parts
    related = {
        "translation": lambda: case.translations.filter(language=ident).first(),
        "proceeding": lambda: case.proceedings.filter(pk=ident).first(),
        "charge": lambda: case.charges.filter(pk=ident).first(),
        "person": lambda: Person.objects.filter(case=case, pk=ident).first(),
        "source": lambda: case.sources.filter(pk=ident).first(),
    }
    obj = related[kind]() if kind in related and (kind == "translation" or ident.isdigit()) else None
    return (obj, name) if obj is not None else (None, "")
