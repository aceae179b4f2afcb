"""A server-rendered map of a programme's countries: each country a dot at its centroid on an
equirectangular graticule (no tiles, no CDN, no JavaScript). Centroids come from the UN OCHA
country taxonomy that hdx-python-country ships (the same file as the country reference data)."""

import csv
import importlib.resources
from dataclasses import dataclass
from functools import cache

from gloact.core.reference_data import TAXONOMY_FILE

WIDTH = 720
NORTH, SOUTH = 80, -60  # latitudes shown; nothing the programmes work in lies beyond them
SCALE = WIDTH / 360
HEIGHT = round((NORTH - SOUTH) * SCALE)
GRATICULE_STEP = 30


@dataclass(frozen=True)
class MapPoint:
    iso3: str
    name: str
    x: int
    y: int


@dataclass(frozen=True)
class Map:
    width: int
    height: int
    points: list[MapPoint]
    meridians: list[int]
    parallels: list[int]
    equator: int


@cache
def centroids() -> dict[str, tuple[float, float]]:
    """{ISO3: (latitude, longitude)}."""
    text = importlib.resources.files("hdx.location").joinpath(TAXONOMY_FILE).read_text(encoding="utf-8")
    found = {}
    for row in csv.DictReader(text.splitlines()):
        iso3, lat, lon = row["ISO 3166-1 Alpha 3-Codes"], row["Latitude"], row["Longitude"]
        if iso3 and lat and lon and row["Deprecated"] != "Y":
            found[iso3] = (float(lat), float(lon))
    return found


def project(latitude: float, longitude: float) -> tuple[int, int]:
    latitude = max(SOUTH, min(NORTH, latitude))
    return round((longitude + 180) * SCALE), round((NORTH - latitude) * SCALE)


def countries_map(countries) -> Map:
    """The map of `countries` (Country objects); those without a known centroid are left out
    (the page lists every country in words too)."""
    known = centroids()
    points = []
    for country in countries:
        if country.iso3 in known:
            x, y = project(*known[country.iso3])
            points.append(MapPoint(country.iso3, country.localized_name(), x, y))
    meridians = [project(0, lon)[0] for lon in range(-180 + GRATICULE_STEP, 180, GRATICULE_STEP)]
    parallels = [project(lat, 0)[1] for lat in range(SOUTH + 30 - SOUTH % 30, NORTH, GRATICULE_STEP)]
    return Map(WIDTH, HEIGHT, points, meridians, parallels, project(0, 0)[1])
