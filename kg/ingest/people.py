"""Rules for people: a person named after a post ("Kepala Dinas …, Andromeda Qomariah
mengatakan"; "Wali Kota Medan Rico Tri Putra Bayu Waas"), a person with an age ("Rahmadani
Siregar (29)", or one name in apposition: "salah satu peserta, Murniati (45)"), a person named
after a role ("pengelola koperasi, Hasanuddin,"), and the short names the article uses for
them later ("kata Andromeda")."""

from __future__ import annotations

import re

from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.places import resolve
from kg.source.text import Span

POST_HEADS = (
    "Kepala", "Ketua", "Wakil Ketua", "Menteri", "Wakil Menteri", "Direktur Jenderal", "Direktur Utama", "Direktur",
    "Dirjen", "Wali Kota", "Walikota", "Wakil Wali Kota", "Bupati", "Wakil Bupati", "Gubernur", "Wakil Gubernur",
    "Sekretaris Daerah", "Sekretaris", "Kabid", "Kadis", "Camat", "Lurah", "Presiden", "CEO", "COO", "CTO",
    "Co-Founder", "Founder", "Pendiri", "SVP", "VP", "Manajer", "Manager", "Head of", "Koordinator", "Deputi",
    "Asisten Deputi", "Plt", "Pj",
)
# Verbs news uses to report speech, in the active voice ("Edwin menjelaskan …") and after a
# quote ("…," kata Meutya / ujarnya / ungkap dia).
SPEECH = (r"mengatakan|menjelaskan|menyatakan|menambahkan|mengakui|mengaku|meyakini|memperkirakan|menyebutkan|"
          r"menyebut|menegaskan|mengungkapkan|menuturkan|menilai|berharap|memaparkan|menerangkan|menyampaikan|menyinggung|menekankan|memastikan|"
          r"mengingatkan|mengimbau|membeberkan|mengklaim|mengulangi|mengungkap|berpendapat|berujar")
SAID = (r"kata|ujar|ucap|tutur|tutup|jelas|lanjut|imbuh|tambah|papar|terang|ungkap|sebut|tegas|pungkas|sambung|"
        r"tandas|tukas|timpal|kenang|seru")
_WEEKDAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b"
_NAME = r"[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*){0,5}"
_PLAIN = r"[^.,;:\"\u201c\u201d\n]"  # words of a post: no stop, comma or quote mark
_HEAD = "|".join(re.escape(h) for h in sorted(POST_HEADS, key=len, reverse=True))
# "Kepala Dinas …, Andromeda Qomariah mengatakan" / "SVP -Seller Operations Lazada Indonesia, Haikal Bekti Anggoro"
_POST_COMMA = re.compile(
    rf"(?<![\w-])(?P<post>(?:{_HEAD})\b{_PLAIN}{{0,160}}?(?:, (?:dan )?[A-Z]{_PLAIN}{{0,80}}?){{0,6}})"
    rf", (?P<name>{_NAME})(?=,? (?:{SPEECH})|,? (?!dan )[a-z]|, {_WEEKDAY}|\.(?:\s|$))")
# "Andi Rahmat, Kepala Dinas Perdagangan Kota Makassar, mengatakan": the name, then the post.
_NAME_POST = re.compile(
    rf"(?:^|(?<=[.\n\-] )|(?<=\n))(?P<name>{_NAME}), (?P<post>(?:{_HEAD})\b{_PLAIN}{{0,160}}?), (?={SPEECH})")
# "Wali Kota Medan Rico Tri Putra Bayu Waas": post words, then the name, no comma.
_POST_RUN = re.compile(rf"(?<![\w-])(?P<run>(?:{_HEAD}) [A-Z][\w'\u2019-]*"
                       rf"(?: (?:dan [A-Z]|[A-Z])[\w'\u2019-]*){{1,18}})")
_AGE = re.compile(rf"(?<![\w-])(?P<name>{_NAME}) \((?P<age>\d{{2}})\)")
# "pengelola koperasi, Hasanuddin,", "Salah satu peserta gelombang pertama, Murniati (45),": a role, then a name.
_ROLE = re.compile(rf"(?<![\w-])(?:[Ss]alah (?:satu|seorang) )?(?:peserta|pengelola|pemilik|pengurus|anggota|warga|"
                   rf"pedagang|petani|perajin|nelayan|pelaku usaha)(?: {_PLAIN}{{1,60}}?)?, "
                   rf"(?P<name>[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){{0,3}})(?=,| \(\d{{2}}\),)")
_SHORT = re.compile(rf"(?:(?:{SAID})(?:nya)? (?P<a>[A-Z][\w'-]+)"
                    rf"|(?:^|[.,] |\n)(?P<b>[A-Z][\w'-]+) (?:{SPEECH}|sudah|juga)|Menurut (?P<c>[A-Z][\w'-]+))")
_NOT_NAMES = frozenset({"Ia", "Dia", "Mereka", "Kami", "Hal", "Menurut", "Sementara", "Namun", "Selain", "Lebih",
                        "Saat", "Pemerintah", "Pemprov", "Pemkab", "Pemkot", "Program", "Hub", "Startup", "Salah"})


def short_names(text: str) -> set[str]:
    """Single names the article uses for speakers ("kata Meutya", "Edwin menjelaskan")."""
    found = set()
    for match in _SHORT.finditer(text):
        name = match["a"] or match["b"] or match["c"]
        if name not in _NOT_NAMES:
            found.add(name)
    return found


def people(found: Proposals) -> None:
    """People with their posts, and people with their age; short names become aliases."""
    named = {name for item in found.items.values() if item.type != "Person" for name in (item.label, *item.aliases)}
    shorts = short_names(found.text) - named  # "Diskominfo juga …" names an organisation, not a person
    for match in _POST_COMMA.finditer(found.text):
        _person_with_post(found, match["post"].strip(), match["name"], Span(match.start(), match.end("name")),
                          "post-comma-name", 0.8)
    for match in _NAME_POST.finditer(found.text):
        if len(match["name"].split()) >= 2 and resolve(match["name"]) is None:
            _person_with_post(found, match["post"].strip(), match["name"], Span(match.start(), match.end("post")),
                              "name-comma-post", 0.7)
    for match in _POST_RUN.finditer(found.text):
        for start, run in _runs(match):
            _post_run(found, start, run, shorts)
    for match in _AGE.finditer(found.text):
        name = match["name"].split(", ")[-1]
        start = match.start("name") + match["name"].rfind(name)
        apposed = found.text[start - 2:start] == ", " and resolve(name) is None  # "salah satu peserta, Murniati (45)"
        if (len(name.split()) >= 2 or apposed) and name.split()[0] not in _NOT_NAMES:
            found.add(Item(slug(name), "Person", name, Span(start, match.end("name")), "person-age", 0.7))
    for match in _ROLE.finditer(found.text):
        _after_role(found, match)
    _aliases(found, shorts)


def _after_role(found: Proposals, match: re.Match[str]) -> None:
    """A person named after a role, unless the name is a place's, an acronym, or already
    proposed (an organisation: "anggota asosiasi, Kadin Sultra,")."""
    name = match["name"]
    if name.split()[0] in _NOT_NAMES or name.isupper() or resolve(name) is not None or found.find_name(name):
        return
    if any(i.span.start <= match.start("name") < i.span.end for i in found.items.values()):
        return
    found.add(Item(slug(name), "Person", name, Span(match.start(), match.end("name")), "person-role", 0.5))


_NEXT_POST = re.compile(rf" dan (?=(?:{_HEAD}) [A-Z])")


def _runs(match: re.Match[str]) -> list[tuple[int, str]]:
    """"Direktur Jenderal … Edwin Hidayat Abdullah dan Wali Kota Medan Rico …": two posts with
    their people, cut where "dan" is followed by another post's head word."""
    runs, start = [], match.start("run")
    for cut in _NEXT_POST.finditer(match["run"]):
        runs.append((start, match.string[start:match.start("run") + cut.start()]))
        start = match.start("run") + cut.end()
    runs.append((start, match.string[start:match.end("run")]))
    return runs


def _post_run(found: Proposals, start: int, run: str, shorts: set[str]) -> None:
    """A post's words followed by a name: split at a short name used elsewhere, else after a
    region's name, else (before a speech verb) before the last two words."""
    end = start + len(run)
    split, rule, confidence = _split_post(run, shorts), "post-then-name", 0.6
    if split is None and re.match(r" [a-z]", found.text[end:end + 2]):  # "Kepala BRIN Laksana … memimpin"
        split, rule, confidence = _split_after_org(found, run), "post-org-name", 0.5
    if split is None:
        split, rule, confidence = _split_at_region(run), "post-region-name", 0.5
    if split is None and re.match(rf" (?:{SPEECH})\b", found.text[end:end + 20]):
        split, rule, confidence = _split_before_verb(run), "post-name-verb", 0.4
    if split is not None:
        _person_with_post(found, split[0], split[1], Span(start, end), rule, confidence)


def _split_post(run: str, shorts: set[str]) -> tuple[str, str] | None:
    """Where the post ends and the name starts: at a short name used elsewhere in the article."""
    words = run.split(" ")
    for index in range(1, len(words) - 0):
        if words[index] in shorts:
            end = index + 1
            while end < len(words) and words[end][:1].isupper():
                end += 1
            return " ".join(words[:index]), " ".join(words[index:end]).rstrip(".,")
    return None


def _split_after_org(found: Proposals, run: str) -> tuple[str, str] | None:
    """"Kepala BRIN Laksana Tri Handoko": a post that ends with a proposed organisation's name
    or acronym (the longest), followed by a name of two words or more; "Menteri Pariwisata …
    Sandiaga Salahuddin Uno" ends where the name of "Kementerian Pariwisata …" ends."""
    words = run.split(" ")
    minister = words[0] == "Menteri"
    for end in range(len(words) - 2, 1, -1):
        for size in range(end - 1, 0, -1):
            item = found.find_name(" ".join(words[end - size:end]))
            if minister and item is None and size == end - 1:
                item = found.find_name("Kementerian " + " ".join(words[1:end]))
            name = " ".join(words[end:]).rstrip(".,")
            if item is not None and item.type in ORG_TYPES and _a_name(found, name):
                return " ".join(words[:end]), name
    return None


def _a_name(found: Proposals, words: str) -> bool:
    """Words that may be a person's name: no region or other proposed name, no region's kind."""
    return (words.split(" ")[0] not in ("Kota", "Kabupaten", "Provinsi", "Kecamatan", "Desa", "Kelurahan")
            and resolve(words) is None and found.find_name(words) is None)


def _split_at_region(run: str) -> tuple[str, str] | None:
    """"Gubernur Jawa Timur Khofifah Indar Parawansa": a post that ends with a region's name
    (the longest one), followed by a name of two words or more."""
    words = run.split(" ")
    for end in range(len(words) - 2, 1, -1):
        for size in (3, 2, 1):
            if end - size >= 1 and resolve(" ".join(words[end - size:end])) is not None:
                return " ".join(words[:end]), " ".join(words[end:]).rstrip(".,")
    return None


def _split_before_verb(run: str) -> tuple[str, str] | None:
    """"Menteri Kominfo Johnny G Plate menyebut": with no later short name, the name is the
    last two words (three when the middle one is an initial); at low confidence."""
    words = run.split(" ")
    size = 3 if len(words) >= 5 and len(words[-2].rstrip(".")) == 1 else 2
    if len(words) < size + 2:
        return None
    return " ".join(words[:-size]), " ".join(words[-size:])


def _person_with_post(found: Proposals, post: str, name: str, span: Span, rule: str, confidence: float) -> None:
    head, _, tail = post.rpartition(", ")
    if head and resolve(tail) is not None:
        post = head  # "Ketua Komunitas Jakpreneur Cakung, Jakarta Timur": the place says where, not which post
    if name.split()[0] in _NOT_NAMES or post.split()[-1] in ("dan",) or re.search(r"\bNomor\b", post):
        return  # "Peraturan Menteri Perdagangan Nomor 31": a regulation, not a post
    post_item = found.add(Item(slug(post), "Post", post, span, rule, confidence))
    person = found.add(Item(slug(name), "Person", name, span, rule, confidence))
    person.add("holds", Value(post_item.ident, span, rule, confidence))


# "Pendirinya, Rahmadani Siregar (29)": a post of "-nya", the organisation named just before.
_THEIR_POST = re.compile(r"(?<![\w-])(?P<post>(?:Pendiri|Ketua|Pemilik|Direktur|Kepala|Pimpinan|Pengelola|Koordinator|"
                         rf"Manajer|Founder|CEO)-?nya), (?P<name>{_NAME})(?= \(\d{{1,3}}\)|,|\.)")


def posts_of_the_last_named(found: Proposals) -> None:
    """A post written with "-nya" and a name in apposition is a post in the organisation named
    last before it in its paragraph or the one before (low confidence: "-nya" is the reader's to resolve).
    Run once every organisation is proposed."""
    organisations = [(s, i) for s, _, i in mentions(found, ORG_TYPES - {"MediaOutlet"})]
    for match in _THEIR_POST.finditer(found.text):
        line = found.text.rfind("\n", 0, match.start())
        paragraph = found.text.rfind("\n", 0, max(0, line)) + 1  # this paragraph or the one before
        before = [item for start, item in organisations if paragraph <= start < match.start()]
        name = match["name"]
        if not before or len(name.split()) < 2 or name.split()[0] in _NOT_NAMES:
            continue
        span = Span(match.start(), match.end("name"))
        post = found.add(Item(slug(f"{match['post']} {before[-1].ident}"), "Post", match["post"], span,
                              "post-of-last-named", 0.4))
        post.add("post_in", Value(before[-1].ident, span, "post-of-last-named", 0.4))
        person = found.add(Item(slug(name), "Person", name, Span(match.start("name"), match.end("name")),
                                "post-of-last-named", 0.5))
        person.add("holds", Value(post.ident, span, "post-of-last-named", 0.4))


ORG_TYPES = frozenset({"Organization", "GovernmentBody", "Ministry", "RegionalGovernment", "ProvincialGovernment",
                       "GovernmentOffice", "Dinas", "Bakorwil", "Company", "Startup", "MediaOutlet", "Team"})


def _aliases(found: Proposals, shorts: set[str]) -> None:
    """A person's short name, used on its own elsewhere, is their alias (its first use as span).
    When two people share it ("Budi" of the reporter Budi Santoso and of Budi Santika), it is
    the alias of the one named last before it is used."""
    people = sorted((i for i in found.items.values() if i.type == "Person" and i.span.start >= found.body_start()),
                    key=lambda i: i.span.start)
    for index, item in enumerate(people):
        for word in item.label.split(" "):
            if word not in shorts or word == item.label:
                continue
            alone = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])(?! [A-Z])")  # not inside a longer name
            match = alone.search(found.text, item.span.end)
            if match is not None and not any(item.span.end <= other.span.start < match.start() and
                                             word in other.label.split(" ") for other in people[index + 1:]):
                item.alias(word, Span(match.start(), match.end()))
