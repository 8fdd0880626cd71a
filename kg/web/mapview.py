"""The explorer's map (/map): where the programs, events and organisations of the articles are,
as one circle per regency, city or province with a point, sized by how many of them are tied to
it, on an outline of Indonesia. Read from the catalogue (an entity's places, a place's point), so
a map costs no query; drawn as SVG on the server in a plain equirectangular projection, so the
page needs no script, no tile server and no other host.

The outline is Natural Earth's 1:50m Indonesia (public domain), taken from the world-atlas
package and converted once, at vendoring time (static/indonesia.LICENSE says how).
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from kg.web.catalogue import REGION_TYPES, Catalogue, Entry

MAP_KINDS = ("program", "event", "organisation")
OUTLINE = Path(__file__).parent / "static" / "indonesia.geojson"
# The frame of the drawing in degrees, and SVG units per degree.
WEST, EAST, SOUTH, NORTH = 94.5, 141.5, -11.5, 6.5
SCALE = 20
WIDTH, HEIGHT = round((EAST - WEST) * SCALE), round((NORTH - SOUTH) * SCALE)


@dataclass
class Spot:
    """A place drawn on the map: where, how large, and the entities tied to it."""

    place: Entry
    x: float
    y: float
    r: float
    entries: list[Entry]


@dataclass
class Atlas:
    """What one map shows: the spots, largest first, and the places entities are tied to that
    have no point (with how many entities are tied to no place with one)."""

    spots: list[Spot]
    unplaced: list[Entry]
    unplaced_entities: int


def project(lat: float, long: float) -> tuple[float, float]:
    """A point in SVG units: x east from WEST, y south from NORTH."""
    return round((long - WEST) * SCALE, 1), round((NORTH - lat) * SCALE, 1)


@functools.cache
def outline_path() -> str:
    """The outline of Indonesia as the `d` of one SVG path (its islands' rings, each closed)."""
    feature = json.loads(OUTLINE.read_text(encoding="utf-8"))
    rings = (ring for polygon in feature["geometry"]["coordinates"] for ring in polygon)
    parts = []
    for ring in rings:
        points = [project(lat, long) for long, lat in ring]
        parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in points) + "Z")
    return "".join(parts)


def radius(count: int) -> float:
    """A circle's radius: its area grows with the count."""
    return round(4 + 4 * math.sqrt(count), 1)


def _drawn_at(cat: Catalogue, entry: Entry) -> set[str]:
    """The places with a point an entity is drawn at: the most specific of those tied to it (an
    entity in Sidoarjo is not drawn again at its province)."""
    pointed = {p for p in entry.places if p in cat.points}
    return {p for p in pointed if not any(p in cat.by_iri[q].places for q in pointed if q != p)}


def atlas(cat: Catalogue, kinds: frozenset[str] = frozenset()) -> Atlas:
    """The spots of the entities of the chosen kinds of MAP_KINDS (all of them if none is)."""
    wanted = (kinds & frozenset(MAP_KINDS)) or frozenset(MAP_KINDS)
    chosen = [e for e in cat.entries if e.kind in wanted]
    at: dict[str, list[Entry]] = {}
    unplaced: set[str] = set()
    lost = 0
    for entry in chosen:
        places = _drawn_at(cat, entry)
        for place in places:
            at.setdefault(place, []).append(entry)
        if not places:
            regions = {p for p in entry.places if p in cat.by_iri and cat.by_iri[p].type in REGION_TYPES}
            unplaced |= regions
            lost += bool(regions)
    spots = [Spot(cat.by_iri[iri], *project(*cat.points[iri]), radius(len(entries)),
                  sorted(entries, key=lambda e: (e.kind, e.folded, e.iri)))
             for iri, entries in at.items()]
    spots.sort(key=lambda s: (-len(s.entries), s.place.folded, s.place.iri))
    return Atlas(spots, sorted((cat.by_iri[p] for p in unplaced), key=lambda e: (e.folded, e.iri)), lost)
