"""Rules for organisations the text names by saying what they are, with no "PT" or head word
of their own name: in apposition ("startup asal Makassar, Lontong Tech," / "perusahaan
rintisan bidang logistik, Kirim Cepat,"), described after their name ("Lontong Tech,
perusahaan rintisan yang bergerak di bidang …"), or after a kind word ("koperasi Tani
Makmur", "platform Kopiku", "bank BPD Sultra"). The kind word gives the type."""

from __future__ import annotations

import re

from kg.ingest.model import Item, Proposals, mentions, slug
from kg.ingest.places import resolve
from kg.source.text import Span

# What a kind word says an organisation is: a platform or app is named, not who runs it.
_KINDS = {"startup": "Startup", "start up": "Startup", "start-up": "Startup", "perusahaan rintisan": "Startup",
          "koperasi": "Organization", "komunitas": "Organization", "BUMN": "Company", "bank": "Company",
          "universitas": "Organization", "platform": "Organization", "aplikasi": "Organization",
          "perusahaan teknologi": "Company", "perusahaan": "Company", "lembaga swadaya masyarakat": "Organization",
          "LSM": "Organization", "organisasi": "Organization", "asosiasi": "Organization", "BUMD": "Company",
          "BUMDes": "Organization", "fintech": "Company", "perusahaan fintech": "Company", "e-commerce": "Company",
          "lokapasar": "Company", "marketplace": "Company"}
_KIND = "|".join(re.escape(k) for k in sorted(_KINDS, key=len, reverse=True))
_NAME = r"[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3}"
_AFTER = r"(?=[,(]| (?:yang|asal|dari|berbasis|bidang|milik|di|lokal|binaan)(?![\w-])|\.\s|\.$)"
# "startup asal Makassar, Lontong Tech," / "perusahaan rintisan bidang logistik, Kirim Cepat,"
_APPOSED = re.compile(rf"(?<![\w-])(?P<lead>\w+ )?(?P<kind>(?i:{_KIND}))(?P<words>(?: [a-z][\w-]*){{0,5}}"
                      rf"(?: [A-Z][\w-]*){{0,2}}), (?P<name>{_NAME})(?=[,(]| (?:yang|asal|dari|berbasis)(?![\w-]))")
# "Lontong Tech, perusahaan rintisan yang bergerak di bidang …"
_DESCRIBED = re.compile(rf"(?:^|(?<=\n)|(?<=, )|(?<=[a-z] ))(?P<name>{_NAME}), (?:sebuah |salah satu |yakni |yaitu )?"
                        rf"(?P<kind>{_KIND}){_AFTER}")
# "koperasi Tani Makmur", "platform Kopiku": a kind word written small, then the name.
_OPENING = r"(?:(?<=^)|(?<=\. ))(?:Lokapasar|Marketplace|Fintech|Platform|Aplikasi)"  # opening a sentence
_KIND_WORD = re.compile(rf"(?<![\w-])(?P<kind>{_KIND}|{_OPENING}) (?P<name>{_NAME})(?![\w-])", re.MULTILINE)
# "kelompok tani Harapan Jaya", "kelompok tenun Sari Wangi": a village's group, named with what it does.
_GROUP = re.compile(rf"(?<![\w-])[Kk]elompok (?P<kind>(?:wanita )?tani|nelayan|tenun|perajin|pengrajin|peternak|"
                    rf"pembudidaya(?: ikan)?|usaha(?: bersama)?|sadar wisata) (?P<name>{_NAME})(?![\w-])")
_DEMONSTRATIVES = frozenset({"itu", "ini", "tersebut", "tadi"})
# "pengelola koperasi, Hasanuddin,": a role in the organisation names a person.
_PEOPLES_ROLES = frozenset({"pengelola", "pemilik", "pendiri", "pengurus", "anggota", "peserta", "karyawan",
                            "pegawai", "staf", "pimpinan", "ketua", "kepala", "direktur", "manajer", "bendahara"})
_NOT_NAMES = frozenset({"Indonesia", "BUMN", "Pemerintah", "Kami", "Senin", "Selasa", "Rabu", "Kamis", "Jumat",
                        "Sabtu", "Minggu"})


def described_organisations(found: Proposals, post_heads: tuple[str, ...]) -> None:
    """Organisations in apposition, described after their name, or after a kind word; not
    after a post or a role ("CEO startup itu, Budi …", "pengelola koperasi, Hasanuddin,": a
    person) nor a demonstrative, never a name
    already proposed as something else (a person, a place)."""
    _developers(found)
    for match in _APPOSED.finditer(found.text):
        words = match["words"].split()
        lead = (match["lead"] or "").strip()
        if lead in post_heads or lead.lower() in _PEOPLES_ROLES or (words and words[-1] in _DEMONSTRATIVES):
            continue
        _add(found, match, Span(match.start() + len(match["lead"] or ""), match.end("name")), "apposed", 0.6)
    for match in _DESCRIBED.finditer(found.text):
        _add(found, match, Span(match.start(), match.end("kind")), "described", 0.5)
    for match in _KIND_WORD.finditer(found.text):
        _add(found, match, Span(match.start(), match.end()), "kind-word", 0.5)
    for match in _GROUP.finditer(found.text):
        _add_group(found, match)


def _add(found: Proposals, match: re.Match[str], span: Span, how: str, confidence: float) -> None:
    name = match["name"]
    kind = _KINDS.get(match["kind"]) or _KINDS[match["kind"].lower()]  # "Lokapasar" opening a sentence
    known = found.find_name(name)
    if name in _NOT_NAMES or name.split()[0] in _NOT_NAMES or resolve(name) is not None or any(
            item.span.start <= match.start("name") < item.span.end for item in found.items.values()):
        return  # a place, a word of another name ("Bank Jatim"), a person ("Menurut Budi, perusahaan …")
    if known is not None and (known.type != kind or known.label != name):
        return  # a name another entity goes by ("lokapasar Pasar Kapuas" of the company that makes it)
    if match["kind"].lower() in ("aplikasi", "platform") and _app_of(found, name, span):
        return
    rule = "startup-apposed" if kind == "Startup" and how == "apposed" else f"org-{how}"
    item = found.add(Item(slug(name), kind, name, Span(match.start("name"), match.end("name")), rule, confidence))
    if item.rule == rule:
        item.span = span


def _add_group(found: Proposals, match: re.Match[str]) -> None:
    """"kelompok tani Harapan Jaya" is the group "Kelompok Tani Harapan Jaya", unless a place."""
    name = match["name"]
    if name in _NOT_NAMES or resolve(name) is not None or found.find_name(match.group()) is not None:
        return
    label = f"Kelompok {match['kind'].title()} {name}"
    if found.find_name(label) is None:
        span = Span(match.start(), match.end())
        item = found.add(Item(slug(label), "Organization", label, span, "org-group", 0.5))
        if match.group() != label:
            item.alias(match.group(), span)  # as written, so that its later mentions are found


# "PT Kapuas Teknologi Nusantara, pengembang aplikasi lokapasar Pasar Kapuas": the app the organisation
# makes goes by its own name; the organisation's other name, no second one.
# "PT X, pengembang aplikasi Y", "PT X, pengembang Y" (the app named before): the product's name, the maker's alias.
_PRODUCT = r"(?:aplikasi|platform|lokapasar|marketplace|situs|layanan|e-commerce|dompet digital) "
_DEVELOPER = re.compile(rf"(?: \([A-Z][A-Za-z]{{1,9}}\))?, (?:sebuah |salah satu |yakni )?(?:(?:pengembang|pembuat) "
                        rf"(?:{_PRODUCT}){{0,2}}|(?:pengelola|penyedia|operator) (?:{_PRODUCT}){{1,2}})"
                        r"(?P<name>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3})(?![\w-])")


def _developers(found: Proposals) -> None:
    """An app or platform named in apposition as an organisation's product: the organisation's alias."""
    for _, end, org in mentions(found, frozenset({"Company", "Startup", "Organization"})):
        match = _DEVELOPER.match(found.text, end)
        if match is not None and found.find_name(match["name"]) is None and resolve(match["name"]) is None:
            org.alias(match["name"], Span(match.start("name"), match.end("name")))


_LEGAL_FORM = re.compile(r"^(?:PT|CV|Koperasi|Perum|PD)\.? ")


def _app_of(found: Proposals, name: str, span: Span) -> bool:
    """"PT Kopiku Nusantara … aplikasi Kopiku": an app or platform named as a proposed company's
    name starts (after its legal form) is that company's, written short: its alias, no new organisation."""
    owners = [i for i in found.items.values() if i.type in ("Company", "Startup", "Organization")
              and _LEGAL_FORM.sub("", i.label).startswith(name + " ")]
    if len(owners) != 1:
        return False
    owners[0].alias(name, Span(span.end - len(name), span.end))
    return True
