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
MIN_SPAN = 3  # degrees of longitude at least in a view zoomed to the places
MARGIN = 1.4  # a zoomed view is this much wider than the places' extent


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
    view: tuple[float, float, float, float] = (0, 0, WIDTH, HEIGHT)  # the SVG viewBox

    @property
    def unit(self) -> float:
        """The size in the view of one unit of the whole map: what keeps a label's size on the
        screen when the view is zoomed."""
        return self.view[2] / WIDTH


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


def frame(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """The viewBox that shows the points with a margin, at least MIN_SPAN degrees wide, in the
    map's proportions; all of Indonesia when there are none."""
    if not points:
        return (0, 0, WIDTH, HEIGHT)
    xs, ys = [x for x, _ in points], [y for _, y in points]
    width = min(WIDTH, MARGIN * max(max(xs) - min(xs), (max(ys) - min(ys)) * WIDTH / HEIGHT, MIN_SPAN * SCALE))
    height = width * HEIGHT / WIDTH
    left = min(max(0, (max(xs) + min(xs) - width) / 2), WIDTH - width)
    top = min(max(0, (max(ys) + min(ys) - height) / 2), HEIGHT - height)
    return (round(left, 1), round(top, 1), round(width, 1), round(height, 1))


def atlas(cat: Catalogue, kinds: frozenset[str] = frozenset(), zoom: bool = False) -> Atlas:
    """The spots of the entities of the chosen kinds of MAP_KINDS (all of them if none is), on
    all of Indonesia or `zoom`ed to them (the circles keep their size on the screen)."""
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
    view = frame([project(*cat.points[iri]) for iri in at]) if zoom else (0, 0, WIDTH, HEIGHT)
    spots = [Spot(cat.by_iri[iri], *project(*cat.points[iri]), round(radius(len(entries)) * view[2] / WIDTH, 2),
                  sorted(entries, key=lambda e: (e.kind, e.folded, e.iri)))
             for iri, entries in at.items()]
    spots.sort(key=lambda s: (-len(s.entries), s.place.folded, s.place.iri))
    return Atlas(spots, sorted((cat.by_iri[p] for p in unplaced), key=lambda e: (e.folded, e.iri)), lost, view)
