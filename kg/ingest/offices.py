"""Rules for a national body's office in a region: "Kantor Perwakilan Bank Indonesia (KPw BI)
Sumatera Barat", "Kantor Wilayah (Kanwil) Kementerian Agama Sumut", "Kantor Cabang BRI Padang".
One organisation, whose jurisdiction is the region and which is part of the national body when
the text names that body on its own; never a company or a ministry made of the words inside its
name ("Bank Indonesia (KPw BI) Sumatera Barat", "Kementerian Agama Sumut")."""

from __future__ import annotations

import re

from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.names import place_item
from kg.ingest.places import resolve
from kg.source.text import Span

_KINDS = r"Kantor (?:Perwakilan|Wilayah|Cabang|Regional)"
_SHORT = r"\((?P<{}>[A-Z][A-Za-z]{{1,8}}(?: [A-Z][A-Za-z]{{1,6}})?)\)"
_OFFICE = re.compile(rf"(?<![\w-])(?P<kind>{_KINDS})(?: {_SHORT.format('acr')})? "
                     rf"(?P<rest>[A-Z][\w-]*(?: (?:[A-Z][\w-]*|{_SHORT.format('inner')})){{1,8}})")
# A branch of these is a company's; every other office of a national body is a government body.
_PUBLIC = ("Badan", "Kementerian", "Otoritas", "Lembaga", "Bank Indonesia", "Direktorat")
_INSIDE_TYPES = frozenset({"Company", "Ministry", "GovernmentBody", "GovernmentOffice", "Organization", "Program",
                           "Country", "Dinas", "Initiative", "Event"})


def representative_offices(found: Proposals) -> None:
    """Each office of a national body written with its region: proposed once, the short form
    written with a region ("KPw BI Sumbar", "Kanwil Kemenag Sumut") its alias."""
    for match in _OFFICE.finditer(found.text):
        words = re.sub(r" \([^)]*\)", "", match["rest"]).split(" ")
        cut = next((i for i in range(1, len(words)) if resolve(" ".join(words[i:])) is not None), None)
        if cut is None:
            continue  # no region closes the name: not this shape
        parent, region = " ".join(words[:cut]), " ".join(words[cut:])
        span = Span(match.start(), match.end())
        _drop_inside(found, span)
        label = f"{match['kind']} {parent} {region}"
        branch = match["kind"] == "Kantor Cabang" and not parent.startswith(_PUBLIC)
        office = found.add(Item(slug(label), "Company" if branch else "GovernmentBody", label, span,
                                "regional-office", 0.7))
        office.alias(found.span_text(span), span)  # as written, with its short form: "… (KPw BI) Sumatera Barat"
        place = place_item(found, region, Span(match.end() - len(region), match.end()))
        if place is not None:
            office.add("jurisdiction", Value(place.ident, span, "regional-office", 0.7))
        short = match["acr"] or match["inner"]
        if short:
            _short_aliases(found, office, short, place)
        named = found.find_name(parent)
        if named is not None and named is not office and not _inside(named.span, span):
            office.add("part_of", Value(named.ident, span, "regional-office", 0.6))


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _drop_inside(found: Proposals, span: Span) -> None:
    """Organisations, programs and countries proposed from words inside the office's name and
    written nowhere else are no entities of their own."""
    outside = {item.ident for start, end, item in mentions(found) if not _inside(Span(start, end), span)}
    for item in [i for i in found.items.values() if i.type in _INSIDE_TYPES and _inside(i.span, span)]:
        if item.ident not in outside:
            del found.items[item.ident]


def _short_aliases(found: Proposals, office: Item, short: str, place: Item | None) -> None:
    """"KPw BI Sumbar": the short form with a name of the office's region, wherever written."""
    if place is None:
        return
    for match in re.finditer(rf"(?<![\w-]){re.escape(short)} (?P<tail>[A-Z][\w-]*(?: [A-Z][\w-]*){{0,3}})",
                             found.text):
        words = match["tail"].split(" ")
        for size in range(len(words), 0, -1):
            meaning = resolve(" ".join(words[-size:]))
            if meaning is not None and f"region {meaning.candidates[0].code} " in (place.note or ""):
                office.alias(f"{short} {' '.join(words)}", Span(match.start(), match.end()))
                break
