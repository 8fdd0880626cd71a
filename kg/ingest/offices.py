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
_SHORT = r"\((?P<{}>[A-Z][A-Za-z]{{1,8}}(?: [A-Z][A-Za-z]{{0,10}}){{0,3}})\)"
# "Kantor Wilayah Direktorat Jenderal Bea dan Cukai Bali, NTB, dan NTT (Kanwil DJBC Bali Nusra)": the
# parent's name may hold "dan", the region may be a list, a short form may follow it.
_OFFICE = re.compile(rf"(?<![\w-])(?P<kind>{_KINDS})(?: {_SHORT.format('acr')})? "
                     r"(?P<rest>[A-Z][\w-]*(?:(?: |,? dan |, )(?:[A-Z][\w-]*|\([A-Z][A-Za-z ]{1,30}\))){1,12})")
_JOIN = re.compile(r",? dan |, ")
_NUMBERED = re.compile(r" (?:I|II|III|IV|V|VI)(?![\w-])")
_AFTER_SHORT = re.compile(" " + _SHORT.format("short"))
# A branch of these is a company's; every other office of a national body is a government body.
_PUBLIC = ("Badan", "Kementerian", "Otoritas", "Lembaga", "Bank Indonesia", "Direktorat")
_INSIDE_TYPES = frozenset({"Company", "Ministry", "GovernmentBody", "GovernmentOffice", "Organization", "Program",
                           "Country", "Dinas", "Initiative", "Event"})
_PLACES = frozenset({"Province", "Regency", "City", "AmbiguousPlace"})


def representative_offices(found: Proposals) -> None:
    """Each office of a national body written with its region: proposed once, the short form
    written with a region ("KPw BI Sumbar", "Kanwil Kemenag Sumut") its alias, part of the
    national body (named inside its name, by the short form's word for it: "BI"). An office of
    several regions ("… Bali, NTB, dan NTT") serves no one region the text names: the regions
    inside its name are no places of their own."""
    for match in _OFFICE.finditer(found.text):
        rest = match["rest"]
        cut = _region_cut(rest)
        if cut is None:
            continue  # no region closes the name: not this shape
        at, end, regions = cut
        parent = re.sub(r" \([^)]*\)", "", rest[:at]).strip()
        region_text = rest[at:end]
        name_end = match.start("rest") + end
        after = _AFTER_SHORT.match(found.text, name_end)
        span = Span(match.start(), after.end() if after else name_end)
        _drop_inside(found, span, places=len(regions) > 1)
        label = f"{match['kind']} {parent} {region_text}"
        branch = match["kind"] == "Kantor Cabang" and not parent.startswith(_PUBLIC)
        office = found.add(Item(slug(label), "Company" if branch else "GovernmentBody", label, span,
                                "regional-office", 0.7))
        office.alias(found.span_text(Span(match.start(), name_end)), span)  # as written: "… (KPw BI) Sumatera Barat"
        if after is not None:
            office.alias(after["short"], span)
        region_at = match.start("rest") + at
        place = place_item(found, regions[0], Span(region_at, region_at + len(regions[0]))) if len(regions) == 1 \
            else None
        if place is not None:
            office.add("jurisdiction", Value(place.ident, span, "regional-office", 0.7))
        inner = re.search(r"\((?P<short>[^)]*)\)", rest[:at])
        short = match["acr"] or (inner["short"] if inner else "")
        if short:
            _short_aliases(found, office, short, place)
        _parent(found, office, parent, short or (after["short"] if after else ""), span)


def _region_cut(rest: str) -> tuple[int, int, list[str]] | None:
    """Where the region closing an office's name starts and ends in `rest`, and the regions: the
    first word from which regions joined by commas and "dan" run to the end or to a break."""
    starts = [m.start() for m in re.finditer(r"(?<= )[A-Z]", rest)]
    for at in starts:
        end, regions = at, []
        while (name := _region_at(rest, end)) is not None:
            regions.append(name)
            end += len(name)
            join = _JOIN.match(rest, end)
            if join is None or _region_at(rest, join.end()) is None:
                break
            end = join.end()
        numbered = _NUMBERED.match(rest, end)  # "… Jawa Timur I": the first of the province's offices
        end = numbered.end() if regions and numbered else end
        if regions and (end == len(rest) or not re.match(r" [A-Z]", rest[end:])):
            return at, end, regions
    return None


def _region_at(text: str, at: int) -> str | None:
    """The longest region name (of up to three words) written at `at`."""
    words = re.match(r"[A-Z][\w-]*(?: [A-Z][\w-]*){0,2}", text[at:])
    names = words.group().split(" ") if words else []
    return next((" ".join(names[:n]) for n in range(len(names), 0, -1) if resolve(" ".join(names[:n]))), None)


def _parent(found: Proposals, office: Item, parent: str, short: str, span: Span) -> None:
    """The national body an office is part of: the one named on its own, else (a public body)
    the one its name holds, with the short form's word for it as its alias ("BI" of "KPw BI")."""
    named = found.find_name(parent)
    if named is None and parent.startswith(_PUBLIC):
        at = found.text.find(parent, span.start)
        named = found.add(Item(slug(parent), "Ministry" if parent.startswith("Kementerian") else "GovernmentBody",
                               parent, Span(at, at + len(parent)), "office-parent", 0.6))
        initials = "".join(w[0] for w in parent.split(" ") if w != "dan")
        word = next((w for w in short.split(" ")[1:] if w == initials), None)
        if word is not None:
            named.alias(word, Span(at, at + len(parent)))
    if named is not None and named is not office and (named.rule == "office-parent" or not _inside(named.span, span)):
        office.add("part_of", Value(named.ident, span, "regional-office", 0.6))


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _drop_inside(found: Proposals, span: Span, places: bool = False) -> None:
    """Organisations, programs and countries (and, `places`, regions) proposed from words inside
    the office's name and written nowhere else are no entities of their own."""
    outside = {item.ident for start, end, item in mentions(found) if not _inside(Span(start, end), span)}
    types = _INSIDE_TYPES | _PLACES if places else _INSIDE_TYPES
    for item in [i for i in found.items.values() if i.type in types and _inside(i.span, span)]:
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
