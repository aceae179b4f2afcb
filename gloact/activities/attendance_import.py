"""Attendance lists imported from a spreadsheet (XLSX or CSV), one row per person.

Columns: given_name, family_name, sex, age_band, institution, institution_type, country (ISO3),
email, phone, language, consent, role. Coded columns take the code or the label, in any of the
site's languages ("female", "F", "féminin"). Every row is checked first; if any is wrong
nothing is written and the report names the row, the column and the problem. People already in
the registry (same e-mail, or same name at the same institution: see registry.py) are matched
instead of entered twice; the report says how many were new and how many matched.
"""

import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gloact.accounts.scoping import scoped
from gloact.core.lists import join_list
from gloact.core.models import Country
from gloact.monitoring.importing import Problem, UnreadableFile, read_table

from .models import Activity, Attendance, Participant
from .registry import fold, match_participant

COLUMNS = ["given_name", "family_name", "sex", "age_band", "institution", "institution_type", "country", "email", "phone",
           "language", "consent", "role"]
REQUIRED_COLUMNS = ["given_name", "family_name"]
YES = {"yes", "y", "true", "1", "x", "oui", "si", "sí", "да", "نعم", "是"}
NO = {"no", "n", "false", "0", "non", "нет", "لا", "否", ""}
SEX_SHORT = {"f": "female", "m": "male"}


@dataclass
class PlannedRow:
    row: int
    values: dict


@dataclass
class ImportResult:
    errors: list[Problem] = field(default_factory=list)
    new: int = 0
    matched: int = 0
    attendances_added: int = 0
    attendances_updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def _choice_lookup(choices, extra=None) -> dict[str, str]:
    """Folded code or label, in any of the site's languages -> code. Codes win over labels."""
    lookup = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            lookup.update({fold(str(label)): code for code, label in choices})
    lookup.update(extra or {})
    lookup.update({fold(code): code for code, _label in choices})
    return lookup


def _languages() -> dict[str, str]:
    lookup = {fold(code): code for code, _name in settings.LANGUAGES}
    lookup.update({fold(name): code for code, name in settings.LANGUAGES})
    lookup.update({fold(code.split("-")[0]): code for code, _name in settings.LANGUAGES})
    return lookup


def _text(raw) -> str:
    return "" if raw is None else str(raw).strip()


def check_rows(activity: Activity, rows: list[dict]) -> tuple[list[PlannedRow], list[Problem]]:
    """Parse and check every row; the rows to write, and every problem found."""
    problems: list[Problem] = []
    headers = {h for r in rows for h in r if h != "_row"}
    if not rows:
        return [], [Problem(2, "", _("The file has no rows below the header."))]
    for missing in REQUIRED_COLUMNS:
        if missing not in headers:
            problems.append(Problem(1, missing, _("This column is missing.")))
    for unknown in sorted(headers - set(COLUMNS)):
        problems.append(Problem(1, unknown, _("Unknown column; expected: %(columns)s.") % {"columns": join_list(COLUMNS)}))
    if problems:
        return [], problems

    lookups = {
        "sex": _choice_lookup(Participant.Sex.choices, SEX_SHORT),
        "age_band": _choice_lookup(Participant.AgeBand.choices),
        "institution_type": _choice_lookup(Participant.InstitutionType.choices),
        "role": _choice_lookup(Attendance.Role.choices),
        "language": _languages(),
    }
    defaults = {"sex": Participant.Sex.UNKNOWN, "age_band": Participant.AgeBand.UNKNOWN,
                "institution_type": Participant.InstitutionType.OTHER, "role": Attendance.Role.PARTICIPANT,
                "language": activity.language}
    countries = set(Country.objects.values_list("iso3", flat=True))
    planned, seen_emails, seen_names = [], {}, {}
    for row in rows:
        number = row["_row"]
        values = {}
        for column in ("given_name", "family_name"):
            values[column] = _text(row.get(column))
            if not values[column]:
                problems.append(Problem(number, column, _("This value is required.")))
            elif len(values[column]) > 100:
                problems.append(Problem(number, column, _("Longer than 100 characters.")))
        for column, lookup in lookups.items():
            raw = _text(row.get(column))
            if not raw:
                values[column] = defaults[column]
            elif fold(raw) in lookup:
                values[column] = lookup[fold(raw)]
            else:
                problems.append(Problem(number, column, _("Unknown value “%(value)s”.") % {"value": raw}))
        country = _text(row.get("country")).upper() or activity.country_id
        if not country or country not in countries:
            problems.append(Problem(number, "country", _("Not an ISO 3166 alpha-3 country code: “%(value)s”.")
                                    % {"value": _text(row.get("country"))}))
        values["country"] = country
        values["email"] = _text(row.get("email"))
        if values["email"]:
            try:
                validate_email(values["email"])
            except ValidationError:
                problems.append(Problem(number, "email",
                                        _("Not an e-mail address: “%(value)s”.") % {"value": values["email"]}))
            first = seen_emails.setdefault(values["email"].casefold(), number)
            if first != number:
                problems.append(Problem(number, "email", _("The same e-mail address is on row %(row)d.") % {"row": first}))
        name_key = (fold(values["given_name"]), fold(values["family_name"]), fold(_text(row.get("institution"))))
        if values["given_name"] and values["family_name"]:
            first = seen_names.setdefault(name_key, number)
            if first != number:
                problems.append(Problem(number, "family_name", _("The same person is on row %(row)d.") % {"row": first}))
        consent = fold(_text(row.get("consent")))
        if consent in YES:
            values["consent"] = True
        elif consent in NO:
            values["consent"] = False
        else:
            problems.append(Problem(number, "consent",
                                    _("Write yes or no, not “%(value)s”.") % {"value": _text(row.get("consent"))}))
        values["institution"] = _text(row.get("institution"))[:200]
        values["phone"] = _text(row.get("phone"))
        if len(values["phone"]) > 40:
            problems.append(Problem(number, "phone", _("Longer than 40 characters.")))
        planned.append(PlannedRow(number, values))
    return planned, problems


def _save_participant(values: dict, user, today, registry) -> tuple[Participant, bool]:
    """The registry entry for one row (matched among `registry` or new) and whether it was new."""
    found = match_participant(values["given_name"], values["family_name"], values["email"], values["institution"],
                              candidates=registry)
    fields = {k: values[k] for k in ("sex", "age_band", "institution", "institution_type", "email", "phone", "language")}
    if found is None:
        participant = Participant.objects.create(
            given_name=values["given_name"], family_name=values["family_name"], country_id=values["country"],
            consent_to_contact=values["consent"], consent_recorded_on=today if values["consent"] else None,
            created_by=user, **fields,
        )
        return participant, True
    # A matched entry keeps what it knows; the sheet only fills what is missing and records new consent.
    changed = []
    for name, value in fields.items():
        default = Participant._meta.get_field(name).default
        if value and getattr(found, name) in ("", default) and value != default:
            setattr(found, name, value)
            changed.append(name)
    if values["consent"] and not found.consent_to_contact:
        found.consent_to_contact, found.consent_recorded_on = True, today
        changed += ["consent_to_contact", "consent_recorded_on"]
    if changed:
        found.save(update_fields=changed)
    return found, False


def import_attendance(activity: Activity, upload, user=None, today=None) -> ImportResult:
    """Check the whole sheet, then (only if every row is right) write it in one transaction."""
    result = ImportResult()
    try:
        rows = read_table(upload)
    except UnreadableFile as error:
        result.errors.append(Problem(1, "", str(error)))
        return result
    planned, result.errors = check_rows(activity, rows)
    if result.errors:
        return result
    today = today or timezone.localdate()
    # Only entries the user may see are matched: another country's entry stays out of this one's
    # lists; a global manager can merge the two later.
    registry = scoped(Participant.objects.all(), user) if user is not None else Participant.objects.all()
    with transaction.atomic():
        for item in planned:
            participant, new = _save_participant(item.values, user, today, registry)
            result.new += new
            result.matched += not new
            attendance, created = Attendance.objects.get_or_create(
                activity=activity, participant=participant, defaults={"role": item.values["role"]})
            if created:
                result.attendances_added += 1
            elif attendance.role != item.values["role"]:
                attendance.role = item.values["role"]
                attendance.save(update_fields=["role"])
                result.attendances_updated += 1
    return result


def template_workbook() -> bytes:
    """An empty attendance sheet with the expected columns, and a second sheet listing the codes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Attendance")[:31]
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index in range(len(COLUMNS)):
        sheet.column_dimensions[chr(ord("A") + index)].width = 18
    codes = book.create_sheet(_("Codes")[:31])
    codes.append([_("column"), _("code"), _("meaning")])
    for column, choices in (("sex", Participant.Sex.choices), ("age_band", Participant.AgeBand.choices),
                            ("institution_type", Participant.InstitutionType.choices), ("role", Attendance.Role.choices)):
        for code, label in choices:
            codes.append([column, code, str(label)])
    for code, name in settings.LANGUAGES:
        codes.append(["language", code, name])
    codes.append(["consent", "yes / no", _("agrees to be contacted for follow-up surveys")])
    codes.append(["country", "MLI, NER, …", _("ISO 3166 alpha-3 code; empty for the event's country")])
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
