"""Is an IATI activity file valid? The official 2.03 XSD (from GLOACT_IATI_SCHEMA_DIR) and the
standard's result rules (rules.py), as one list of messages that start with the line at fault.

Files are parsed without entities or network access: an imported file is untrusted input.
"""

from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _
from lxml import etree

from .rules import check_result_rules

SCHEMA_FILE = "iati-activities-schema.xsd"


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@lru_cache(maxsize=4)
def _schema(path: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(path))


def activities_schema() -> etree.XMLSchema:
    folder = settings.GLOACT_IATI_SCHEMA_DIR
    path = Path(folder) / SCHEMA_FILE if folder else None
    if path is None or not path.is_file():
        raise ImproperlyConfigured(
            f"The IATI 2.03 schema ({SCHEMA_FILE}) was not found: set GLOACT_IATI_SCHEMA_DIR to the folder that holds it."
        )
    return _schema(str(path))


def parse_activity_file(content: bytes) -> etree._ElementTree:
    """Raises etree.XMLSyntaxError for a file that is not well-formed XML."""
    return etree.ElementTree(etree.fromstring(content, safe_parser()))


def validate_tree(tree: etree._ElementTree) -> list[str]:
    schema = activities_schema()
    if tree.docinfo.doctype:
        # Entities stay unresolved (no file or network reads), and the XSD cannot check them.
        return [_("line 1: IATI files have no document type declaration: it is not read, for safety.")]
    messages = []
    if not schema.validate(tree):
        messages += [(error.line, error.message) for error in schema.error_log]
    messages += [(problem.line, problem.message) for problem in check_result_rules(tree)]
    messages.sort(key=lambda item: item[0] or 0)
    return [_("line %(line)s: %(message)s") % {"line": line, "message": message} for line, message in messages]


def validate_activity_file(content: bytes) -> list[str]:
    """Every problem of the file, or an empty list when the XSD and the result rules accept it."""
    try:
        tree = parse_activity_file(content)
    except etree.XMLSyntaxError as error:
        return [_("line %(line)s: %(message)s") % {"line": error.lineno, "message": error.msg}]
    return validate_tree(tree)
