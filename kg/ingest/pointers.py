"""Organisations a phrase points back to by what they are ("perusahaan rintisan itu", "startup
tersebut", "pusat studi tersebut", "lembaga itu"): the one of that kind named last before the
phrase. News names an actor once in full, then points back to it; the rules for posts, studies
and collaborations read those pointers through here, so one phrase resolves the same way everywhere."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.people import ORG_TYPES
from kg.source.text import ArticleText

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
    "asosiasi": lambda i: i.label.startswith("Asosiasi"),
    "organisasi": lambda i: True,
}
_KIND = {"perusahaan rintisan": "startup", "usaha rintisan": "startup", "institut": "lembaga", "kampus": "universitas",
         "instansi": "organisasi"}
# "asosiasinya", "koperasinya", "lembaganya": the organisation of the post of someone named just before.
POSSESSIVE = (r"(?P<noun>asosiasi|koperasi|komunitas|lembaga|perusahaan|startup|yayasan|dinas|instansi|organisasi|"
              r"kampus|universitas|pusat (?:studi|kajian|riset|penelitian))nya(?![\w-])")


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


def possessed(found: Proposals, noun: str, before: int) -> Item | None:
    """"Ketua Asosiasi X, Rusmini, menaruh harapan agar asosiasinya …", "Menurut Kepala Pusat Kajian
    X, Dr. A, …. Survei lembaganya …": the organisation of the post named last (in this sentence or
    the one before) whose kind fits the noun: the post's own, or the one its title names when the
    post is not yet linked, or, with no post read there, the one named there. None without one."""
    sentences = [s for s in ArticleText(found.text).sentences if s.start < before]
    start = sentences[-2].start if len(sentences) > 1 else 0
    fits = _FITS[_KIND.get(noun.lower(), noun.lower().split(" ")[0])]
    posts = sorted((i for i in found.items.values() if i.type == "Post" and start <= i.span.start < before),
                   key=lambda i: i.span.start)
    named = mentions(found, ORG_TYPES - {"MediaOutlet"})
    held = [org for post in posts for org in (
        [found.items.get(str(v.value)) for v in post.fields.get("post_in", [])]
        or [i for s, _, i in named if post.span.start <= s < post.span.end])]
    if not posts:  # a title the people rules did not read ("Ketua Asosiasi X, Tgk. A,"): the one named there
        held = [i for s, _, i in named if start <= s < before]
    fitting = [org for org in held if org is not None and org.type in ORG_TYPES and fits(org)]
    return fitting[-1] if fitting else None


_NAMED_BACK = re.compile(r"^(?P<title>[A-Za-z][a-z]*(?: [a-z]+)*) (?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3})"
                         r" (?:itu|ini|tersebut)$")


def _named_back(found: Proposals, post: Item) -> tuple[Item | None, str]:
    """"peneliti LPPM tersebut": the organisation the text named before by that name, and the post
    labelled with the name (and a unit's university: "Peneliti LPPM Universitas X")."""
    match = _NAMED_BACK.match(post.label)
    org = found.find_name(match["name"]) if match else None
    if match is None or org is None or org.type not in ORG_TYPES:
        return None, ""
    parents = [found.items.get(str(v.value)) for v in org.fields.get("part_of", [])]
    of_university = match["name"] != org.label and parents and parents[0] is not None and \
        parents[0].label.startswith(_UNIVERSITIES)  # a unit's short form says more with its university's name
    parent = f" {parents[0].label}" if of_university else ""
    return org, f"{match['title'].capitalize()} {match['name']}{parent}"


def posts_pointing_back(found: Proposals) -> None:
    """"Dr. Andi Rahman, peneliti pusat studi tersebut, …", "Kepala pusat studi tersebut, Dr. A,": the
    post is in the organisation the words point back to, not in a new "pusat studi tersebut": labelled
    "Peneliti pusat studi", "Kepala pusat studi", known as "Kepala Pusat Studi X"; one pointed back to
    by its own name ("peneliti LPPM tersebut") is "Peneliti LPPM Universitas X"."""
    for post in [i for i in found.items.values() if i.type == "Post"]:
        match = re.search(rf"(?<![\w-]){POINTER}$", post.label, re.IGNORECASE)
        title = re.sub(r" (?:di|pada|dari)$", "", post.label[:match.start()].strip()) if match else ""
        org = pointed(found, match["noun"], post.span.start) if match and title else None
        if org is not None:  # a label keeps the text's words; the usual name, with the organisation's, known_as
            written, full = post.label[:match.end("noun")], f"{title[0].upper()}{title[1:]} {org.label}"
            named = found.add(Item(slug(full), "Post", f"{written[0].upper()}{written[1:]}", post.span,
                                   "post-pointing-back", 0.6))
            named.add("known_as", Value(full))
        else:
            org, label = _named_back(found, post)
            if org is None:
                continue
            named = found.add(Item(slug(f"{label} {org.ident}"), "Post", label, post.span, "post-pointing-back", 0.6))
        named.add("post_in", Value(org.ident, post.span, "post-pointing-back", 0.6))
        del found.items[post.ident]
        for person in found.items.values():
            for held in person.fields.get("holds", []):
                if held.value == post.ident:
                    held.value = named.ident
