"""Rules for people: a person named after a post ("Kepala Dinas …, Andromeda Qomariah
mengatakan"; "Wali Kota Medan Rico Tri Putra Bayu Waas"), a person with an age ("Rahmadani
Siregar (29)", or one name in apposition: "salah satu peserta, Murniati (45)"), a person named
after a role ("pengelola koperasi, Hasanuddin,") or an honorific ("kata Mama Yuliana": the
honorific is no part of the name, nor are academic and religious titles and degrees: "Dr. Hj.
Yulia Rahmi, M.Si."), a speaker named in full by "Menurut" or only after their words ("“…,” kata
Budi Hartono"), the post a next sentence points back with ("Kepala Dinas X itu membuka …"), the forms
of address a person goes by ("Nurul Aini atau Kak Nuri", "yang akrab disapa Pak Tama"), and the short
names the article uses for them later ("kata Andromeda", "kata Nur Afni")."""

from __future__ import annotations

import re

from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.places import resolve
from kg.source.dates import DAY_NAMES, MONTH_NAMES
from kg.source.text import ArticleText, Sentence, Span

POST_HEADS = (
    "Kepala", "Ketua", "Wakil Ketua", "Menteri", "Wakil Menteri", "Direktur Jenderal", "Direktur Utama", "Direktur",
    "Dirjen", "Wali Kota", "Walikota", "Wakil Wali Kota", "Bupati", "Wakil Bupati", "Gubernur", "Wakil Gubernur",
    "Sekretaris Daerah", "Sekretaris", "Kabid", "Kadis", "Camat", "Lurah", "Presiden", "CEO", "COO", "CTO",
    "Co-Founder", "Founder", "Pendiri", "SVP", "VP", "Manajer", "Manager", "Head of", "Koordinator", "Deputi",
    "Asisten Deputi", "Plt", "Pj", "Rektor", "Wakil Rektor", "Dekan", "Peneliti", "Peneliti Senior", "Guru Besar",
)
# Verbs news uses to report speech, in the active voice ("Edwin menjelaskan …") and after a
# quote ("…," kata Meutya / ujarnya / ungkap dia); a denial is said too ("Rina menampik kabar …"),
# and a wish for what others can do ("Rina ingin perajin muda bisa …"; not "ingin membeli rumah agar
# bisa …", her own act).
SPEECH = (r"mengatakan|menjelaskan|menyatakan|menambahkan|mengakui|mengaku|meyakini|memperkirakan|menyebutkan|"
          r"menyebut|menegaskan|mengungkapkan|menuturkan|menilai|berharap|memaparkan|menerangkan|menyampaikan|menyinggung|menekankan|memastikan|"
          r"mengingatkan|mengimbau|membeberkan|mengklaim|mengulangi|mengungkap|berpendapat|berujar|bercerita|"
          r"menceritakan|berkisah|menaruh harapan|menampik|membantah|meluruskan|merinci|memerinci"
          r"|ingin(?! (?:me(?!reka)|ber|di|ter)\w)(?= [^.,\n\"“”]{1,80}? (?:bisa|dapat|mampu)(?![\w-]))")
SAID = (r"kata|ujar|jawab|ucap|tutur|tutup|jelas|lanjut|imbuh|tambah|papar|terang|ungkap|sebut|tegas|pungkas|sambung|"
        r"tandas|tukas|timpal|kenang|seru")
_WEEKDAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b"
# Academic, professional and religious titles written before a name ("Dr. Hj. Yulia Rahmi", "Prof. Dr. Ir.
# Hendra Saputra", "dr. Nanda", "K.H. Ahmad", "Tgk. Marzuki", "Pdt. Yohanes") and degrees after it (", M.Si.",
# ", S.Kom., M.T.", ", Ph.D"): no part of the name.
ACADEMIC = r"(?:Prof|Dr|dr|Drs|Dra|Ir|drg|apt|Ns|H|Hj|K\.H|KH|Tgk|Pdt)\.(?= [A-Z])"
_DEGREE = (r"(?:[SM]\.[A-Z][A-Za-z]{0,3}\.?(?:[A-Z][a-z]{0,3}\.?)?|Ph\.D\.?|MBA|M\.M\.?"
           r"|[SM][A-Z][A-Za-z]{0,3})(?![\w-])")  # "SE, MSi", "ST, MKom", "MM", "MSE": written without dots
DEGREES = rf"(?:,? {_DEGREE})+"
_TITLED = re.compile(rf"(?:{ACADEMIC} )+")
_NAME = rf"(?:(?:{ACADEMIC}) )*[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*){{0,5}}"
_WORD = r"[A-Z][a-z][\w'\u2019-]*"  # a word of a name, not an initial or an acronym
_PLAIN = r"[^.,;:\"\u201c\u201d\n]"  # words of a post: no stop, comma or quote mark
# What news writes before a name out of respect or closeness ("Mama Yuliana", "Pak Hendra", "Daeng
# Rahman", "Hj. Siti"): no part of the name. Name titles that are ("Andi", "Lalu", "Baiq") are kept.
HONORIFIC = (r"(?:Mama|Bapak|Pak|Ibu|Bu|Kakak|Kak|Bung|Mas|Mbak|Daeng|Abang|Bang|Haji|Hj\.|H\.|Kiai|Kyai|KH\.?|"
             r"Ustaz|Ustazah|Ustadz)")
_HONORED = re.compile(rf"{HONORIFIC} (?=[A-Z][a-z])")
# English titles, taken whole: "Regional Manager", "Chief Executive Officer", "Head of Public Affairs".
_ENGLISH_TITLE = (r"(?:(?:Regional|Country|General|Senior|Area|Branch|Chief|Executive|Vice|Deputy|Assistant|"
                  r"Associate|Managing|Marketing|Product|Program|Project|Operations|Operating|Business|Public|"
                  r"Corporate|Communications?|Partnerships?|Strategic|Technology|Technical|Information|Finance|"
                  r"Financial|Commercial|Sales|Digital|Group|Community|Government|External|Relations|Affairs|"
                  r"Development|Growth|Brand) ){1,4}(?:Manager|Director|Officer|Lead|President|Specialist|"
                  r"Coordinator|Representative|Advisor|Head)\b")
HEAD = "|".join([_ENGLISH_TITLE, *(re.escape(h) for h in sorted(POST_HEADS, key=len, reverse=True))])
# "Kepala Dinas …, Andromeda Qomariah mengatakan" / "SVP -Seller Operations Lazada Indonesia, Haikal Bekti Anggoro"
_POST_COMMA = re.compile(
    rf"(?<![\w-])(?P<post>(?:{HEAD})\b{_PLAIN}{{0,160}}?(?:, (?:dan )?[A-Z]{_PLAIN}{{0,80}}?){{0,6}})"
    rf", (?!{_DEGREE})(?P<name>{_NAME})(?:{DEGREES})?(?: \(\d{{2}}\))?(?=,? (?:{SPEECH})|,? (?!dan )[a-z]|, {_WEEKDAY}"
    r"|(?<!\bDr)(?<!\bIr)(?<!\bProf)(?<!\bDrs)(?<!\bDra)\.(?:\s|$))")  # a title's dot ends no name
# A lecturer's is a post when the text says where ("dosen Fakultas Teknik X", "dosen fakultas itu"); a
# "dosen pendamping" is a role.
_LECTURER = r"[Dd]osen(?=[^,.\n]*?(?: [A-Z]| itu(?![\w-])| tersebut))"
# "Andi Rahmat, Kepala Dinas Perdagangan Kota Makassar, mengatakan": the name, then the post; after a
# form of address ("Nurul Aini atau Kak Nuri, pendiri …,"); written small after degrees too ("Maria
# Ohoiwutun, S.E., M.B.A., pendiri sekaligus Direktur Utama PT X, menjelaskan").
# "Survei yang dipimpin Prof. Dr. Nenden Sukmawati, S.E., M.M., guru besar Fakultas X, terhadap …": one who
# leads a work, then the post, before the sentence goes on; "Menurut Dr. A, M.Si., peneliti X, …" too.
_NAME_POST = re.compile(
    rf"(?:^|(?<=[.\n\-] )|(?<=\n)|(?P<led>(?<=dipimpin )|(?<=diketuai )|(?<=dipimpin oleh )|(?<=diketuai oleh )|"
    rf"(?<=^Menurut )|(?<=[.\n] Menurut )|(?<=\nMenurut )))"
    rf"(?P<name>{_NAME})(?: \((?P<age>\d{{2}})\))?(?:{DEGREES})?(?: atau {HONORIFIC} [A-Z][\w'-]+)?, "
    rf"(?P<post>(?:(?i:{HEAD})|{_LECTURER})\b{_PLAIN}{{0,160}}?(?:, [A-Z][\w-]*(?: [A-Z][\w-]*){{0,2}})?), "
    rf"(?(led)(?=[a-z])|(?={SPEECH}))")  # "…, Ketua Koperasi K, Garut, berharap": where K is, as after "dari"
# "Wali Kota Medan Rico Tri Putra Bayu Waas": post words, then the name, no comma.
_POST_RUN = re.compile(rf"(?<![\w-])(?P<run>(?:{HEAD}) [A-Z][\w'\u2019-]*"  # "Bupati Banjar H. Saidi Mansyur"
                       rf"(?: {ACADEMIC}| (?:dan [A-Z]|[A-Z])[\w'\u2019-]*){{1,18}})")
_AGE = re.compile(rf"(?<![\w-])(?P<name>{_NAME}) \((?P<age>\d{{2}})\)")
_AGED = re.compile(r"(?: \(\d{2}\))?")  # an age after a name: "Nadia Khairunnisa (31)"
# "pengelola koperasi, Hasanuddin,", "Salah satu peserta gelombang pertama, Murniati (45),": a role, then a name
# (a sentence may open with it: "Pengelola galeri, Wahyu Pratama, …").
_ROLE = re.compile(rf"(?<![\w-])(?:[Ss]alah (?:satu|seorang) )?(?:(?:peserta|pengelola|pemilik|pengurus|anggota|"
                   rf"warga|pedagang|petani|perajin|nelayan|pelaku usaha|[Dd]osen|[Gg]uru|[Mm]ahasiswa)"
                   rf"|(?:^|(?<=\n)|(?<=[.!?] ))(?:Peserta|Pengelola|Pemilik|Pengurus|Anggota|Warga|Pedagang|Petani|"
                   rf"Perajin|Nelayan|Pelaku usaha))"
                   rf"(?: {_PLAIN}{{1,60}}?)?, "
                   rf"(?P<name>(?:{ACADEMIC} )*[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){{0,3}})(?:{DEGREES})?"
                   rf"(?=,| \(\d{{2}}\),)")
_SHORT = re.compile(rf"(?:(?:{SAID})(?:nya)? (?:{HONORIFIC} )?(?P<a>[A-Z][\w'-]+)"
                    rf"|(?:^|[.,] |\n)(?:{HONORIFIC} )?(?P<b>[A-Z][\w'-]+) (?:{SPEECH}|sudah|juga|"
                    rf"(?:saat|ketika) (?:ditemui|dihubungi|dikonfirmasi|diwawancarai))"
                    rf"|Menurut (?:{HONORIFIC} )?(?P<c>[A-Z][\w'-]+))")
# Words that start no one's name, among them those after an honorific in "Ibu Kota", "Ibu Negara",
# "Ibu Pertiwi", "Pak Kades", "Bu Guru".
_NOT_NAMES = frozenset({"Ia", "Dia", "Mereka", "Kami", "Hal", "Menurut", "Sementara", "Namun", "Selain", "Lebih",
                        "Saat", "Pemerintah", "Pemprov", "Pemkab", "Pemkot", "Program", "Hub", "Startup", "Salah",
                        "Kota", "Negara", "Pertiwi", "Kades", "Guru", "Dokter", "Bidan", "Dosen"})


def without_honorific(name: str) -> str:
    """"Mama Yuliana Wenda" -> "Yuliana Wenda"; a name that is only an honorific's word stays."""
    while (match := _HONORED.match(name)) is not None:
        name = name[match.end():]
    return name


def add_person(found: Proposals, name: str, span: Span, rule: str, confidence: float) -> Item:
    """A person proposed by name: the honorific written before it ("Mama Yuliana Wenda") makes an
    alias, never the label or the id."""
    plain = without_honorific(_TITLED.sub("", name, count=1) if _TITLED.match(name) else name)
    person = found.add(Item(slug(plain), "Person", plain, span, rule, confidence))
    if plain != name:
        person.alias(name, span)
    return person


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
    for match in _QUOTED_NICKNAME.finditer(found.text, found.body_start()):
        _nicknamed_in_quotes(found, match)
    for match in _POST_COMMA.finditer(found.text):
        _person_with_post(found, match["post"].strip(), match["name"], Span(match.start(), match.end("name")),
                          "post-comma-name", 0.8)
    for match in _NAME_POST.finditer(found.text):  # one word is a name too with an age ("Nurhayati (45), Ketua …")
        _, comma, where = match["post"].rpartition(", ")
        if comma and resolve(where) is None:
            continue  # "…, Ketua Koperasi K, Garut,": only a region after the post's comma
        if (len(match["name"].split()) >= 2 or match["age"]) and resolve(match["name"]) is None:
            _person_with_post(found, match["post"].strip(), match["name"], Span(match.start(), match.end("post")),
                              "name-comma-post", 0.7)
    for match in _POST_RUN.finditer(found.text):
        for start, run in _runs(match):
            _post_run(found, start, run, shorts)
    for match in _AGE.finditer(found.text):
        name = match["name"].split(", ")[-1]
        honored = [m for m in re.finditer(rf"(?<![\w-]){HONORIFIC} (?=[A-Z][a-z])", name) if m.group() != "H. "]
        name = name[honored[-1].start():] if honored else name  # "Pedagang Mama Yuliana (52)"
        start = match.start("name") + match["name"].rfind(name)
        apposed = (found.text[start - 2:start] == ", " or _ONE_OF_THEM.search(found.text, max(0, start - 30), start)) \
            and resolve(name) is None  # "salah satu peserta, Murniati (45)", "Salah satunya Yuliana (38)"
        posted = any(i.type == "Person" and i.span.end == match.end("name") for i in found.items.values())
        if (len(name.split()) >= 2 or apposed) and name.split()[0] not in _NOT_NAMES and not posted:
            add_person(found, name, Span(start, match.end("name")), "person-age", 0.7)  # not "CEO X Nadia (31)"
    for match in _ROLE.finditer(found.text):
        _after_role(found, match)
    for match in _QUOTED_BY.finditer(found.text, found.body_start()):
        _quoted_by(found, match)
    for match in _ACCORDING.finditer(found.text, found.body_start()):
        name, span = match["name"], Span(match.start("name"), match.end("name"))
        if name.split()[0] not in _NOT_NAMES and without_honorific(name) == name and resolve(name) is None \
                and found.find_name(name) is None and not _alias_of_full_name(found, name, span):
            add_person(found, name, span, "person-menurut", 0.5)  # "Menurut Daeng Rahman,": the honorific's
    for pattern, shares_start in _NICKNAMES:
        for match in pattern.finditer(found.text, found.body_start()):
            _nicknamed(found, match, shares_start)
    for match in _HONORED_NAME.finditer(found.text, found.body_start()):
        _honored(found, match)
    sentences = ArticleText(found.text).sentences
    for match in _THAT_POST.finditer(found.text, found.body_start()):
        _post_of_the_named(found, match, sentences)
    _aliases(found, shorts)


# "“…,” kata Budi Hartono di hadapan peserta …": a speaker named in full only after the words (not one
# of two: "kata Siti dan Yusuf" says no one's words alone), with the post written after the name
# ("ujar Maria Lake, Ketua Koperasi X.").
_QUOTED_BY = re.compile(rf"[\"”],? (?:{SAID}) (?:{HONORIFIC} )?"
                        rf"(?P<name>(?:{ACADEMIC} )*{_WORD}(?: {_WORD}){{1,3}})(?![\w'\u2019-]| dan [A-Z]| [A-Z])"
                        rf"(?:(?:{DEGREES})?, (?P<post>(?:{HEAD})\b{_PLAIN}{{1,160}}?)(?=[.,](?:\s|$)))?")
# "Kepala Dinas Kominfo Jambi itu membuka …": a sentence opening with a post of a named body and
# "itu", which points back to the person named in the sentence before ("Ketua koperasi itu" is the
# head of the cooperative told before: no one's post here).
_THAT_POST = re.compile(rf"(?:^|(?<=[.!?] ))(?P<post>(?:{HEAD}) {_PLAIN}{{0,160}}?[A-Z][\w)-]*) (?:itu|tersebut)"
                        r" (?=[a-z])", re.MULTILINE)
_SAID_BY = re.compile(rf"(?:{SAID})(?:nya)? (?:{HONORIFIC} )?$")  # "“…,” kata X": X is the speaker


def _quoted_by(found: Proposals, match: re.Match[str]) -> None:
    """A person named after a quote: not a post ("kata Kepala Dinas …", "ungkap Chief Executive
    Officer (CEO) X", "ujar Juru Bicara Y"), nor words of a place ("Ambon Manise Kreatif"), an
    organisation ("Tim Ahli Universitas X"), a day or something else proposed; "kata Mama Yuliana" is
    the honorific's rule's."""
    name, span = match["name"], Span(match.start("name"), match.end("name"))
    plain = _TITLED.sub("", name)
    if opens_with_title(plain) or without_honorific(plain) != plain or any(
            word in _NO_ONES_WORDS or resolve(word) is not None for word in plain.split(" ")):
        return
    other = found.find_name(plain)
    if (other is not None and other.type != "Person") or _alias_of_full_name(found, plain, span):
        return
    person = add_person(found, name, span, "person-after-quote", 0.6)
    if match["post"]:
        hold(found, person, match["post"], Span(span.start, match.end("post")), "person-after-quote", 0.6)


def holder(found: Proposals, at: int) -> Item | None:
    """Who holds the post whose words start at `at`: "Kepala Dinas X itu menilai …", "… itu membuka
    pelatihan" are the person the post points back to (speech and events read them through here)."""
    posts = {i.ident for i in found.items.values() if i.type == "Post" and i.span.start == at}
    people = [i for i in found.items.values() if i.type == "Person"
              and any(held.value in posts for held in i.fields.get("holds", []))]
    return people[0] if len(people) == 1 else None


def _alias_of_full_name(found: Proposals, name: str, span: Span) -> bool:
    """"kata Nur Afni" after "Nur Afni Tamburaka": the first words of one person's name are that
    person (an alias), no one new."""
    people = [i for i in found.items.values() if i.type == "Person" and i.label.startswith(name + " ")]
    if len(people) != 1:
        return False
    people[0].alias(name, span)
    return True


def _post_of_the_named(found: Proposals, match: re.Match[str], sentences: list[Sentence]) -> None:
    """The post is held by the one person named in the sentence before, as its subject or the
    speaker of its words ("“…,” kata X"); not when the post itself was written before ("… mengkritik
    Ketua DPRD Maluku. Ketua DPRD Maluku itu …": that one)."""
    start, text = match.start(), found.text
    before = [s for s in sentences if s.end <= start and s.start >= found.body_start()][-1:]
    if not before or text.find(match["post"], found.body_start(), start) >= 0:
        return
    named = [(at, item) for at, _, item in mentions(found, frozenset({"Person"})) if before[0].start <= at < start]
    said = [at for at, _ in named if at == before[0].start or _SAID_BY.search(text, before[0].start, at)]
    if len({item.ident for _, item in named}) == 1 and said:
        person = named[0][1]
        hold(found, person, match["post"], Span(start, match.end("post")), "post-pointing-to-person", 0.5)


_ONE_OF_THEM = re.compile(r"(?<![\w-])(?:[Ss]alah (?:satunya|seorangnya|seorang di antaranya|satu di antaranya)|"
                          r"[Dd]i antaranya|[Ss]eperti) $")
# "Menurut Rahmat Hidayat, …": a speaker named in full by "menurut" at a sentence's start.
_ACCORDING = re.compile(rf"(?:^|(?<=[.!?] ))Menurut (?:{HONORIFIC} )?(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){{1,3}}),",
                        re.MULTILINE)
_FULL = rf"(?<![\w-])(?P<full>{_WORD}(?: {_WORD}){{0,3}})"
# The forms of address a person goes by, each with whether the name in full must hold a word the
# form opens: "Bu Nur, sapaan akrabnya," (the person named before); "Hendri Maulana (Pak Hendri)";
# "Nurul Aini atau Kak Nuri,"; "I Made Sutama, yang akrab disapa Pak Tama," / "Sutrisno, atau yang
# akrab disapa Pak Tris," (an honorific or "disapa" says it is a form of address, so "Nuri" of "Nurul"
# and "Tama" of "Sutama" are too).
_NICKNAMES = (
    (re.compile(rf"(?<![\w-])(?P<nick>(?:{HONORIFIC} )?(?P<short>{_WORD})),? (?:sapaan|panggilan)"
                r" (?:akrab|karib|sehari-hari)?(?:nya)?(?![\w-])"), True),
    (re.compile(rf"{_FULL} \((?P<nick>{HONORIFIC} (?P<short>{_WORD}))\)"), True),
    (re.compile(rf"{_FULL} atau (?P<nick>{HONORIFIC} (?P<short>{_WORD}))(?=[,.])"), False),
    (re.compile(rf"{_FULL}(?:{DEGREES})?,? (?:atau )?(?:yang )?(?:akrab|biasa|karib|sering|kerap) (?:disapa|dipanggil)"
                rf" (?P<nick>(?:{HONORIFIC} )?(?P<short>{_WORD}))(?![\w-])"), False),
)
_NAMED_FIRST = re.compile(r"(?:^|(?<=[.\n\-] )|(?<=\n))"
                          r"(?P<name>[A-Z][a-z][\w'\u2019-]*(?: [A-Z][a-z][\w'\u2019-]*){0,3}), (?![A-Z])",
                          re.MULTILINE)


def _nicknamed(found: Proposals, match: re.Match[str], shares_start: bool) -> None:
    """A form of address is an alias of the person it names: the one written in full beside it,
    else the one whose name starts with it ("Nur" of "Nurhayati") in the same or the paragraph
    before."""
    if "full" in match.re.groupindex:
        person = _named_in_full(found, match, shares_start)
    else:
        person = _named_before(found, match["short"], match["nick"], match.start())
    if person is None:
        return
    nick, short, nick_span = match["nick"], match["short"], Span(match.start("nick"), match.end("nick"))
    person.alias(nick, nick_span)
    if short != nick:  # "kata Bu Nur": the speaker's name is read without its honorific
        person.alias(short, Span(nick_span.end - len(short), nick_span.end))


# "Agustina “Tina” Kambu, pendiri Startup X, mengatakan": a name with the one it goes by in quote marks
# inside it, then maybe its post.
_QUOTED_NICKNAME = re.compile(
    rf"(?<![\w-])(?P<first>{_WORD}(?: {_WORD})?) [\"\u201c](?P<short>{_WORD})[\"\u201d] "
    rf"(?P<last>{_WORD}(?: {_WORD}){{0,2}})(?![\w-])"
    rf"(?:, (?P<post>(?:(?i:{HEAD})|{_LECTURER})\b{_PLAIN}{{0,160}}?), (?={SPEECH}|[a-z]))?")


def _nicknamed_in_quotes(found: Proposals, match: re.Match[str]) -> None:
    """The person "Agustina Kambu" (the name without the quoted part), who goes by "Tina", with the
    post written after the name."""
    name, span = f"{match['first']} {match['last']}", Span(match.start(), match.end("last"))
    if match["first"].split()[0] in _NOT_NAMES or resolve(name) is not None:
        return
    if match["post"]:
        _person_with_post(found, match["post"].strip(), name, Span(match.start(), match.end("post")),
                          "name-nickname-post", 0.7)
    person = found.items.get(slug(name)) or add_person(found, name, span, "name-nickname", 0.6)
    person.alias(match["short"], Span(match.start("short"), match.end("short")))


def _named_in_full(found: Proposals, match: re.Match[str], shares_start: bool) -> Item | None:
    """The person whose name ends where the name in full does ("I Made Sutama", "Sutrisno"), else
    one proposed by that name when it has two words or more; never a place's name."""
    full = match["full"]
    if (shares_start and not any(word.startswith(match["short"]) for word in full.split(" "))) or resolve(full):
        return None
    ending = [item for _, end, item in mentions(found, frozenset({"Person"})) if end == match.end("full")]
    if ending or " " not in full:
        return ending[0] if ending else None
    return add_person(found, full, Span(match.start("full"), match.end("full")), "person-nickname", 0.6)


def _named_before(found: Proposals, short: str, nick: str, at: int) -> Item | None:
    """The person named last before `at` in its paragraph or the one before whose name starts
    with the short name; a name written in full at a sentence's start with a comma is proposed
    for it when no rule did."""
    line = found.text.rfind("\n", 0, at)
    paragraph = found.text.rfind("\n", 0, max(0, line)) + 1
    people = [i for i in found.items.values() if i.type == "Person" and paragraph <= i.span.start < at
              and i.label.startswith(short)]
    if people:
        return people[-1]
    written = [m for m in _NAMED_FIRST.finditer(found.text, paragraph, at)
               if m["name"].startswith(short) and m["name"] != nick and resolve(m["name"]) is None]
    if not written:
        return None
    return add_person(found, written[-1]["name"], Span(written[-1].start(), written[-1].end("name")),
                      "person-nickname", 0.5)


# "kata Mama Yuliana", "Daeng Rahman, pengemudi bentor,": an honorific before a name names a person.
_HONORED_NAME = re.compile(rf"(?<![\w/-]){HONORIFIC} "
                           r"(?P<name>[A-Z][a-z][\w'\u2019-]*(?: [A-Z][a-z][\w'\u2019-]*){0,2})(?![\w-])")
_LEADS = frozenset({"Menurut", "Kata", "Bagi", "Oleh", "Bersama", "Seperti", "Kepada", "Sementara", "Namun", "Kini"})
_HEAD_WORDS = frozenset(w for head in POST_HEADS for w in head.split())


def _honored(found: Proposals, match: re.Match[str]) -> None:
    """The person an honorific names: an alias of the one person already proposed whose name
    starts with (or, for one word, holds) the name; else a new person, at low confidence. Not
    after a capitalised word ("Asrama Haji Sudiang", "Komunitas Mama Bisa"), never a post, a
    place or a name of something else ("Ibu Kota", "Mama Papua", "Bapak Presiden")."""
    before = re.search(r"(?<![\w-])([A-Z][\w-]*) $", found.text[max(0, match.start() - 30):match.start()])
    words = match["name"].split(" ")
    cut = next((i for i, word in enumerate(words) if word in _HEAD_WORDS | _NOT_NAMES | _ORG_NAME_WORDS), len(words))
    name = " ".join(words[:cut])
    if (before is not None and before.group(1) not in _LEADS) or not name or resolve(words[0]) is not None:
        return
    span = Span(match.start(), match.start("name") + len(name))
    if any(i.type != "Person" and i.span.start <= span.start < i.span.end for i in found.items.values()) or (
            (other := found.find_name(name)) is not None and other.type != "Person"):
        return
    if any(i.type == "Person" and found.span_text(span) in i.aliases for i in found.items.values()):
        return  # "kata Bu Nur": a form of address already known ("Bu Nur, sapaan akrabnya")
    people = [i for i in found.items.values() if i.type == "Person" and (
        i.label == name or i.label.startswith(name + " ") or (cut == 1 and name in i.label.split(" ")))]
    if len(people) == 1:
        people[0].alias(found.span_text(span), span)
    elif not people:
        add_person(found, found.span_text(span), span, "person-honorific", 0.5)


def _after_role(found: Proposals, match: re.Match[str]) -> None:
    """A person named after a role, unless the name is a place's, an acronym, or already
    proposed (an organisation: "anggota asosiasi, Kadin Sultra,")."""
    name = match["name"]
    if name.split()[0] in _NOT_NAMES or name.isupper() or resolve(name) is not None or found.find_name(name):
        return
    if any(i.span.start <= match.start("name") < i.span.end for i in found.items.values()):
        return
    add_person(found, name, Span(match.start(), match.end("name")), "person-role", 0.5)


_NEXT_POST = re.compile(rf" dan (?=(?:{HEAD}) [A-Z])")


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
    if any(i.type == "Person" and i.span.start == start for i in found.items.values()):
        return  # "Regional Manager Papua dan Maluku PT X, Andreas …": the post's person is named after its comma
    if any(span.start <= start < span.end for _, span in found.related):
        return  # "Baca juga: Gubernur NTB Minta …": a related article's headline, in title case
    titled = re.search(rf" (?={ACADEMIC})", run)
    if titled is not None:  # "Rektor Universitas X Prof. Dr. Abdunnur": the name starts at its titles
        _person_with_post(found, run[:titled.start()], run[titled.end():], Span(start, end), "post-titled-name", 0.6)
        return
    split, rule, confidence = _split_post(run, shorts), "post-then-name", 0.6
    end_age = end + len(_AGED.match(found.text, end).group())  # "CEO KopiKita Rudi Hartono (40) menuturkan"
    if split is None and re.match(r" [a-z]", found.text[end_age:end_age + 2]):  # "Kepala BRIN Laksana … memimpin"
        split, rule, confidence = _split_after_org(found, run), "post-org-name", 0.5
    if split is None:
        split, rule, confidence = _split_at_region(run), "post-region-name", 0.5
    if split is None and re.match(rf" (?:{SPEECH})\b", found.text[end_age:end_age + 20]):
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
                while end < len(words) and words[end] in _ORG_NAME_WORDS:
                    end += 1  # "Ketua Komunitas Papua Muda Digital Yohanes Kogoya": the name goes on past the place
                if len(words) - end < 2:
                    return None  # "Koordinator Wilayah Maluku Utara Komunitas Startup Ternate": all post
                return " ".join(words[:end]), " ".join(words[end:]).rstrip(".,")
    return None


# Words organisations' names are made of and people's names are not: a name with a place inside
# ("Komunitas Papua Muda Digital", "Asosiasi UMKM Sulsel Go Digital") goes on past the place.
_ORG_NAME_WORDS = frozenset({
    "Komunitas", "Asosiasi", "Yayasan", "Koperasi", "Forum", "Himpunan", "Ikatan", "Perkumpulan", "Paguyuban", "PT",
    "CV", "Dinas", "Badan", "Universitas", "Institut", "Politeknik", "Kementerian", "Bank", "Balai", "Lembaga",
    "Digital", "Kreatif", "Muda", "Maju", "Bersama", "Cerdas", "Bangkit", "Go", "Tech", "Hub", "Center", "Centre",
    "Inovasi", "Mandiri", "Sejahtera", "Berdaya", "Hebat", "Unggul", "Milenial", "Startup", "UMKM", "Ekonomi",
    "Bisnis", "Teknologi", "Informasi", "Literasi", "Peduli", "Kreasi", "Berkarya", "Usaha", "Tani", "Nelayan",
    "Perempuan", "Pemuda", "Wirausaha", "Indonesia", "Nusantara", "Pintar", "Sehat", "Berdikari",
    "Online", "Daring", "Community", "Creative", "Academy", "Akademi", "Lab", "Labs", "Society", "Foundation"})
# Words of posts, offices, organisations and days, which no one's name is made of.
_NO_ONES_WORDS = _NOT_NAMES | _HEAD_WORDS | _ORG_NAME_WORDS | set(DAY_NAMES) | set(MONTH_NAMES) | {
    "Juru", "Bicara", "Humas", "Sekjen", "Tim", "Staf", "Kabag", "Kasubag", "Kasi", "Panitia",
    "Pengurus", "Anggota", "Kementerian", "Polres", "Polda", "Pagi", "Siang", "Sore", "Malam"}


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
    if not head:  # "Ketua Koperasi X dari Kerinci": where the organisation is, as after a comma
        head, _, tail = post.rpartition(" dari ")
    if head and resolve(tail) is not None:
        post = head  # "Ketua Komunitas Jakpreneur Cakung, Jakarta Timur": the place says where, not which post
        _located(found, head, tail, span)
    if name.split()[0] in _NOT_NAMES or post.split()[-1] in ("dan",) or re.search(r"\bNomor\b", post):
        return  # "Peraturan Menteri Perdagangan Nomor 31": a regulation, not a post
    hold(found, add_person(found, name, span, rule, confidence), post, span, rule, confidence)


_PLACED = frozenset({"Organization", "Company", "Startup"})


def _located(found: Proposals, post: str, place_name: str, span: Span) -> None:
    """"Ketua Koperasi Perajin Kulit Saluyu, Garut, Ujang …": the organisation closing the post is
    located in the place written between commas after it."""
    place = found.find_name(place_name)
    owner = next((item for item in found.items.values() if item.type in _PLACED and post.endswith(" " + item.label)),
                 None)
    if owner is not None and place is not None and place.type in ("Province", "Regency", "City"):
        owner.add("location", Value(place.ident, span, "organisation-place-apposed", 0.5))


def hold(found: Proposals, person: Item, post: str, span: Span, rule: str, confidence: float) -> None:
    """The person holds the post (two, for "Pendiri sekaligus Direktur Utama PT X")."""
    # "dosen … yang memimpin kajian": the post, not what he does; "ketua kelompok tenun X asal Sumba": no origin
    post = re.sub(r" (?:yang|asal) .*", "", post)
    short = _SHORT_AFTER.search(post) or _SHORT_WITHIN.search(post)
    for one in coordinated_posts(found, post[:short.start()] + post[short.end():] if short else post, span):
        label = one[:1].upper() + one[1:]  # "Lilis, dosen Universitas X,": the post "Dosen Universitas X"
        post_item = found.add(Item(slug(one), "Post", label, span, rule, confidence))
        person.add("holds", Value(post_item.ident, span, rule, confidence))
        if short is not None and f"{one[:short.start()]}{short.group()}{one[short.start():]}" == post:
            at = found.text.find(post, span.start, span.end)
            post_item.alias(post, Span(at, at + len(post)))


# "Ketua Asosiasi Pengusaha Kopi Gayo (APKG)": the organisation's short form closing a post is the
# organisation's alias, no part of the post's label (the post as written stays its alias).
_SHORT_AFTER = re.compile(r" \([A-Z][A-Za-z]{1,9}\)$")
# "Guru Besar Fakultas Ekonomi dan Bisnis (FEB) Universitas X": a unit's short form inside the post, likewise.
_SHORT_WITHIN = re.compile(r" \([A-Z][A-Za-z]{1,9}\)(?= (?:Universitas|Institut|Politeknik|Sekolah Tinggi) [A-Z])")


_TITLE = re.compile(rf"(?:{HEAD})\b", re.IGNORECASE)
_JOINED = re.compile(r" (?:dan|sekaligus|serta|merangkap) ")
_COMPANY_TITLES = re.compile(r"CEO|COO|CTO|Co-Founder|Founder|Pendiri|Direktur|Chief|Managing", re.IGNORECASE)


def is_title(name: str) -> bool:
    """True for words that are only a post's title ("Chief Executive Officer", "Direktur Utama")."""
    return re.fullmatch(rf"(?:{HEAD})", name) is not None


def opens_with_title(words: str) -> bool:
    """True for words a post's title opens ("Direktur Eksekutif", "Kepala Bidang")."""
    return _TITLE.match(words) is not None


def coordinated_posts(found: Proposals, post: str, span: Span) -> list[str]:
    """"Co-Founder dan Chief Executive Officer (CEO) Jalurku", "Pendiri sekaligus Direktur Utama
    PT X", "Ketua dan pendiri Komunitas Y": two titles joined before one organisation are two
    posts in it (a short form in parentheses after the second title left out of its label). The
    organisation, when no rule proposed it, is proposed from its name written after the titles."""
    joined = _JOINED.search(post)
    first = post[:joined.start()] if joined else ""
    second = _TITLE.match(post, joined.end()) if joined else None
    if joined is not None and second is not None and re.fullmatch(r"[a-z]+(?: [a-z]+){1,3}", post[joined.end():]):
        return _post_and_team_post(found, first, post[joined.end():], span)
    if joined is None or second is None or not re.fullmatch(rf"(?:{HEAD})", first, re.IGNORECASE):
        return [post]
    owner = re.sub(r"^ \([A-Z][A-Za-z]{1,9}\)", "", post[second.end():]).strip()
    if not re.fullmatch(r"[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,5}", owner) or resolve(owner) is not None:
        return [post]
    if found.find_name(owner) is None and not any(
            owner.startswith(n + " ") or owner == n for i in found.items.values() for n in (i.label, *i.aliases)):
        company = _COMPANY_TITLES.match(first) or _COMPANY_TITLES.match(second.group())
        at = found.text.find(owner, span.start, span.end)
        found.add(Item(slug(owner), "Company" if company else "Organization", owner,
                       Span(at, at + len(owner)), "organisation-of-posts", 0.5))
    titles = (first, second.group())
    return [f"{title[0].upper()}{title[1:]} {owner}" for title in titles]


_TEAM_WORDS = re.compile(r"(?<![\w-])tim (?:survei|peneliti|riset|ahli|pakar|kerja|pendamping|teknis|penyusun|kajian)$")


def _post_and_team_post(found: Proposals, first: str, second: str, span: Span) -> list[str]:
    """"Peneliti FEB Unpatti sekaligus ketua tim survei": a post in an organisation, then a second
    post written in small letters with no organisation of its own. When it heads a team ("tim
    survei") and the first post names a proposed organisation, the team is that organisation's
    and the second post is in it."""
    words = first.split(" ")
    owner = next((item for size in range(len(words) - 1, 0, -1)
                  if (item := found.find_name(" ".join(words[-size:]))) is not None and item.type in ORG_TYPES), None)
    team = _TEAM_WORDS.search(second)
    label = second[0].upper() + second[1:]
    if owner is not None and team is not None:
        at = found.text.find(second, span.start, span.end)
        team_span = Span(at + team.start(), at + team.end())
        unit = found.add(Item(slug(f"{team.group()} {owner.ident}"), "Team", team.group()[0].upper() + team.group()[1:],
                              team_span, "team-of-post", 0.5))
        unit.add("team_of", Value(owner.ident, span, "team-of-post", 0.5))
        post = found.add(Item(slug(label), "Post", label, span, "team-of-post", 0.5))
        post.add("post_in", Value(unit.ident, span, "team-of-post", 0.5))
    return [first, label]


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
        person = add_person(found, name, Span(match.start("name"), match.end("name")), "post-of-last-named", 0.5)
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
