"""Organisations a phrase points back to by what they are ("perusahaan rintisan itu", "startup
tersebut", "pusat studi tersebut", "lembaga itu"): the one of that kind named last before the
phrase. News names an actor once in full, then points back to it; the rules for posts, studies
and collaborations read those pointers through here, so one phrase resolves the same way everywhere."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.people import ORG_TYPES

# The nouns news uses to point back at an organisation, with a demonstrative after them.
POINTER = (r"(?P<noun>perusahaan rintisan|usaha rintisan|startup|perusahaan|pusat (?:studi|kajian|riset|penelitian)|"
           r"lembaga(?: (?:riset|kajian|survei|penelitian))?|institut|universitas|kampus|fakultas|koperasi|"
           r"komunitas|yayasan|dinas) (?:itu|ini|tersebut)(?![\w-])")
_UNIVERSITIES = ("Universitas", "Institut", "Politeknik", "Sekolah Tinggi")
_FITS: dict[str, Callable[[Item], bool]] = {
    "startup": lambda i: i.type in ("Startup", "Company"),
    "perusahaan": lambda i: i.type in ("Company", "Startup"),
    "pusat": lambda i: i.type == "Organization" and i.label.startswith("Pusat "),
    "lembaga": lambda i: i.type == "Organization" and not i.label.startswith((*_UNIVERSITIES, "Koperasi", "Komunitas")),
    "universitas": lambda i: i.type == "Organization" and i.label.startswith(_UNIVERSITIES),
    "fakultas": lambda i: i.label.startswith("Fakultas"),
    "koperasi": lambda i: i.label.startswith("Koperasi"),
    "komunitas": lambda i: i.label.startswith("Komunitas"),
    "yayasan": lambda i: i.label.startswith("Yayasan"),
    "dinas": lambda i: i.type == "Dinas",
}
_KIND = {"perusahaan rintisan": "startup", "usaha rintisan": "startup", "institut": "lembaga", "kampus": "universitas"}


def pointed(found: Proposals, noun: str, before: int) -> Item | None:
    """The organisation of the noun's kind named last before `before` (in the body), or None.
    A startup named before is what "startup itu" points to; else a company pointed back to as a
    startup ("perusahaan rintisan itu") is one."""
    noun = noun.lower()
    kind = _KIND.get(noun, noun.split(" ")[0])
    fits = _FITS[kind]
    named = [item for start, _, item in mentions(found, ORG_TYPES - {"MediaOutlet"})
             if found.body_start() <= start < before and fits(item)]
    startups = [item for item in named if item.type == "Startup"]
    if kind == "startup" and startups:
        return startups[-1]  # "startup itu" after a startup and a company (a BUMN): the startup
    if not named:
        return None
    if kind == "startup":
        named[-1].type = "Startup"
    return named[-1]


def posts_pointing_back(found: Proposals) -> None:
    """"Dr. Andi Rahman, peneliti pusat studi tersebut, …": the post is in the organisation the
    words point back to (the post "Peneliti" in Pusat Studi X), not in a new "pusat studi tersebut"."""
    for post in [i for i in found.items.values() if i.type == "Post"]:
        match = re.search(rf"(?<![\w-]){POINTER}$", post.label, re.IGNORECASE)
        title = re.sub(r" (?:di|pada|dari)$", "", post.label[:match.start()].strip()) if match else ""
        org = pointed(found, match["noun"], post.span.start) if match and title else None
        if org is None:
            continue
        label = f"{title[0].upper()}{title[1:]}"  # the title the text writes ("Peneliti"), in that organisation
        named = found.add(Item(slug(f"{label} {org.ident}"), "Post", label, post.span, "post-pointing-back", 0.6))
        named.add("post_in", Value(org.ident, post.span, "post-pointing-back", 0.6))
        del found.items[post.ident]
        for person in found.items.values():
            for held in person.fields.get("holds", []):
                if held.value == post.ident:
                    held.value = named.ident
