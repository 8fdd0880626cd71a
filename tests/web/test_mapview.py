"""The map's data (kg/web/mapview.py): which places are drawn, how large, with which entities;
the most specific place with a point wins; places without a point are said, not guessed; the
outline stays inside its frame. On the seed project's build and on small made-up catalogues."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build.store import open_store
from kg.project import Project
from kg.query.engine import execute
from kg.query.model import Result
from kg.web.catalogue import Catalogue, Entry, build_catalogue, points_of
from kg.web.mapview import HEIGHT, MIN_SPAN, SCALE, WIDTH, atlas, frame, outline_path, project, radius

BASE = "https://example.org/id/"


@pytest.fixture(scope="module")
def seed(project: Project, built_out: Path) -> Catalogue:
    store = open_store(built_out / "store")
    refs = (str(project.iris.regions_graph), str(project.iris.ns["graph/links/"]))
    return build_catalogue(lambda text: execute(store, text), project.base, lambda g: g.startswith(refs))


def spots_of(cat: Catalogue, *kinds: str) -> dict[str, list[str]]:
    return {s.place.local: [e.local for e in s.entries] for s in atlas(cat, frozenset(kinds)).spots}


def test_the_seed_article_on_the_map(seed: Catalogue) -> None:
    pointed = {seed.by_iri[iri].local for iri in seed.points}
    assert pointed == {"jember", "kabupaten-madiun", "kota-madiun", "pamekasan", "sidoarjo", "surabaya"}
    assert spots_of(seed) == {
        "sidoarjo": ["gathering-networking-east-java-start-up", "pelatihan-umkm-lazada-sidoarjo-2022-08-09"],
        "jember": ["bakorwil-jember"], "pamekasan": ["bakorwil-pamekasan"],
        "surabaya": ["gathering-networking-east-java-start-up"]}  # largest first
    drawn = atlas(seed)
    assert [s.r for s in drawn.spots] == [radius(2), radius(1), radius(1), radius(1)]
    # Bojonegoro, the province and the ambiguous Malang and Madiun have no point: said, not drawn
    assert [e.local for e in drawn.unplaced] == ["bojonegoro", "jawa-timur", "madiun", "malang"]
    assert drawn.unplaced_entities == 4


def test_the_type_filter(seed: Catalogue) -> None:
    assert spots_of(seed, "event") == {
        "sidoarjo": ["gathering-networking-east-java-start-up", "pelatihan-umkm-lazada-sidoarjo-2022-08-09"],
        "surabaya": ["gathering-networking-east-java-start-up"]}
    assert spots_of(seed, "organisation") == {"jember": ["bakorwil-jember"], "pamekasan": ["bakorwil-pamekasan"]}
    assert spots_of(seed, "program") == {}
    assert spots_of(seed, "person") == spots_of(seed)  # not a kind of the map: the default


def entry(local: str, kind: str, type_: str, *places: str) -> Entry:
    return Entry(BASE + local, local, kind, type_, local.title(), places={BASE + p for p in places})


def test_an_entity_is_drawn_at_the_most_specific_place_with_a_point() -> None:
    cat = Catalogue([entry("jatim", "place", "Province"), entry("sby", "place", "City", "jatim"),
                     entry("expo", "event", "Event", "sby", "jatim"),
                     entry("dinas", "organisation", "Organization", "jatim"),
                     entry("pt", "organisation", "Company", "nowhere")],
                    points={BASE + "jatim": (-7.5, 112.5), BASE + "sby": (-7.25, 112.75), BASE + "gone": (0.0, 0.0)})
    assert set(cat.points) == {BASE + "jatim", BASE + "sby"}  # a point of no entry is dropped
    assert spots_of(cat) == {"jatim": ["dinas"], "sby": ["expo"]}
    drawn = atlas(cat)
    assert drawn.unplaced == [] and drawn.unplaced_entities == 0  # "nowhere" is no entry, so no region


def test_points_read_from_results_keep_the_sound_ones() -> None:
    def row(place: str, lat: str, long: str) -> tuple[ox.NamedNode, ox.Literal, ox.Literal]:
        return (ox.NamedNode(BASE + place), ox.Literal(lat), ox.Literal(long))
    result = Result("select", ["place", "lat", "long"], rows=[
        row("a", "-7.2", "112.7"), row("a", "-7.1", "112.9"), row("b", "NaN", "112"), row("c", "x", "1"),
        row("d", "91", "0")])
    assert points_of(result) == {BASE + "a": (-7.2, 112.7)}


def test_projection_and_outline_stay_in_the_frame() -> None:
    assert project(6.5, 94.5) == (0, 0) and project(-11.5, 141.5) == (WIDTH, HEIGHT)
    path = outline_path()
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
    xs, ys = numbers[::2], numbers[1::2]
    assert min(xs) >= 0 and max(xs) <= WIDTH and min(ys) >= 0 and max(ys) <= HEIGHT
    assert path.startswith("M") and path.count("Z") == path.count("M") > 100  # Indonesia's many islands


def test_radius_grows_with_the_count() -> None:
    assert radius(1) < radius(2) < radius(10) and radius(4) - radius(0) == 2 * (radius(1) - radius(0))


def test_a_view_zoomed_to_the_places(seed: Catalogue) -> None:
    whole, zoomed = atlas(seed), atlas(seed, zoom=True)
    assert whole.view == (0, 0, WIDTH, HEIGHT) and whole.unit == 1 and zoomed.unit == zoomed.view[2] / WIDTH
    left, top, width, height = zoomed.view
    assert width < WIDTH / 5 and abs(width / height - WIDTH / HEIGHT) < 0.01
    for spot in zoomed.spots:  # every place inside, clear of the edges
        assert left + spot.r < spot.x < left + width - spot.r and top + spot.r < spot.y < top + height - spot.r
    # the circles keep their size on the screen: radius over view width as in the whole map
    for near, far in zip(zoomed.spots, whole.spots, strict=True):
        assert abs(near.r / width - far.r / WIDTH) < 0.02 * far.r / WIDTH
    assert atlas(seed, frozenset({"program"}), zoom=True).view == (0, 0, WIDTH, HEIGHT)  # nothing to zoom to


def test_frame_keeps_a_lone_point_wide_enough_and_inside_the_map() -> None:
    left, _, width, _ = frame([project(-7.25, 112.75)])
    assert width >= MIN_SPAN * SCALE and left < project(-7.25, 112.75)[0] < left + width
    assert frame([project(6.4, 94.6), project(-11.4, 141.4)]) == (0, 0, WIDTH, HEIGHT)  # never past the map
    corner = frame([project(6.4, 94.6)])
    assert corner[:2] == (0, 0)  # moved in, not cut off
