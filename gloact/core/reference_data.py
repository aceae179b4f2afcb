"""Reads ISO 3166 / UN M49 reference data from maintained packages (never typed by hand).

Countries, their M49 codes and regions, and their names in the six UN languages come from the
UN OCHA taxonomy shipped in `hdx-python-country`; region names in other languages from CLDR via
Babel.
"""

import csv
import importlib.resources
from dataclasses import dataclass, field

from babel import Locale

TAXONOMY_FILE = "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"
UN_NAME_COLUMNS = {"fr": "M49 French", "es": "M49 Spanish", "ru": "M49 Russian", "zh-hans": "M49 Chinese", "ar": "M49 Arabic"}
REGION_LANGUAGES = {"fr": "fr", "es": "es", "ru": "ru", "zh-hans": "zh_Hans", "ar": "ar"}


@dataclass
class RegionRow:
    code: str
    name: str
    level: int
    parent: str | None
    names: dict = field(default_factory=dict)


@dataclass
class CountryRow:
    iso3: str
    iso2: str
    m49: str
    name: str
    names: dict
    region: str
    subregion: str
    intermediate_region: str | None


def _m49(code: str) -> str:
    return f"{int(float(code)):03d}" if code.strip() else ""


def _region_names(code: str) -> dict:
    return {lang: Locale.parse(loc).territories.get(code, "") for lang, loc in REGION_LANGUAGES.items()}


def read_reference_data() -> tuple[list[RegionRow], list[CountryRow]]:
    text = importlib.resources.files("hdx.location").joinpath(TAXONOMY_FILE).read_text(encoding="utf-8")
    regions: dict[str, RegionRow] = {}
    countries: list[CountryRow] = []
    for row in csv.DictReader(text.splitlines()):
        iso3, iso2, m49 = row["ISO 3166-1 Alpha 3-Codes"], row["ISO 3166-1 Alpha 2-Codes"], _m49(row["m49 numerical code"])
        region, subregion = _m49(row["Region Code"]), _m49(row["Sub-region Code"])
        if row["Deprecated"] == "Y" or not (iso3 and iso2 and m49 and region and subregion):
            continue
        intermediate = _m49(row["Intermediate Region Code"]) or None
        regions.setdefault(region, RegionRow(region, row["Region Name"], 1, None))
        regions.setdefault(subregion, RegionRow(subregion, row["Sub-region Name"], 2, region))
        if intermediate:
            regions.setdefault(intermediate, RegionRow(intermediate, row["Intermediate Region Name"], 3, subregion))
        names = {"en": row["M49 English"] or row["Preferred Term"]}
        names.update({lang: row[col] for lang, col in UN_NAME_COLUMNS.items() if row[col]})
        countries.append(
            CountryRow(iso3, iso2, m49, names["en"], names, region, subregion, intermediate)
        )
    for region_row in regions.values():
        region_row.names = {"en": region_row.name, **{k: v for k, v in _region_names(region_row.code).items() if v}}
    return list(regions.values()), countries
