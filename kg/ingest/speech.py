"""Rules for what people said: direct quotes between quote marks with their attribution
("kata Andromeda", "lanjutnya" → the last named person, "ujar Kepala Dinas X, Budi" → the
person named in it; "kata Ratu di Balai Kota …, Kamis (16/11/2023)" → where and when), and
indirect quotes after a speech verb ("Edwin menjelaskan …", "Meutya sudah menyinggung …",
"Menurut Suryada, …", "Menurutnya, …"), with the event they were said at when the sentence
names it ("… ketika meresmikan X di Bandung", "ujarnya di sela membuka acara tersebut": the
event told last), and a second telling joined by "dan mengulanginya dalam kuliah umum …"; words
without quote marks whose speaker comes after them ("…, ungkapnya.", "…, tegas Hendra."). A
speaker's titles and degrees are read past ("kata Dr. Yohanes Bria, M.Si., saat membuka …", "Menurut
Kepala Pusat X, Dr. Ir. Ahmad Fauzi, M.Sc., …"); a post pointing back speaks for its holder ("Kepala
Dinas X tersebut menilai …"); words said "di hadapan peserta X", "saat membuka kelas" or "di sela
bootcamp" were said at that event."""

from __future__ import annotations

import bisect
import itertools
import re

from kg.ingest.events import STEMS, referent
from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.people import ACADEMIC, DEGREES, HEAD, HONORIFIC, SAID, SPEECH, holder
from kg.source.dates import DAY_NAMES, DateError, find_news_date
from kg.source.text import ArticleText, Span

_WHO = r"dia|ia|beliau|[A-Z][\w'-]+"
# "kata pria kelahiran Padang itu", "ujar ibu dua anak tersebut": the person last named, described.
_DESCRIBED = (r"(?:pria|wanita|perempuan|lelaki|laki-laki|pemuda|pemudi|gadis|sosok|alumnus|alumni|lulusan|ibu|"
              r"bapak)(?: [^\"\u201c\u201d\n.,]{1,60}?)? (?:itu|ini|tersebut)(?![\w-])")
# "ujar pria yang akrab disapa Ijai itu": the person who goes by that name, wherever named last.
_CALLED = (rf"(?:pria|wanita|perempuan|lelaki|laki-laki|pemuda|pemudi|gadis|sosok|ibu|bapak)"
           rf"(?: [a-z][^\"\u201c\u201d\n.,]{{0,40}}?)? yang (?:akrab |biasa |karib |kerap |sering )?"
           rf"(?:disapa|dipanggil) (?:{HONORIFIC} )?(?P<nick>[A-Z][\w'-]+)(?: (?:itu|ini|tersebut)(?![\w-]))?")
_DIRECT = re.compile(r"(?P<open>[\"“])(?P<body>[^\"“”\n]{8,3000}?)(?P<close>[\"”])[ ]?"
                     rf"(?P<verb>(?:{SAID})(?:nya)?)(?: (?:{HONORIFIC} )?(?:{ACADEMIC} )*"
                     rf"(?P<who>dia|ia|beliau|[A-Z][\w'-]+(?: [A-Z][\w'-]+){{0,4}})(?:{DEGREES})?"
                     rf"| (?P<called>{_CALLED})| (?P<described>{_DESCRIBED}))?")
# Words news puts between a speaker and the verb: "Meutya sudah menyinggung", "Ia juga mengatakan"; not
# "menurut dia, berharap …": there "dia" is who reports, not who hopes. "Yulia Rahmi, M.Si., mengatakan …":
# a degree between.
_ADVERB = r"(?:(?:sudah|telah|juga|pun|sempat|pernah|kembali|lantas|kemudian|lalu|pun juga) )?"
# "Budi, saat ditemui di kantornya, Senin (9/11/2026), mengatakan …": when it was said, between.
_WHEN = r"(?:,? (?:saat|ketika|seusai|usai|sewaktu) [^.\n\"“”]{3,100}?,)?"
_INDIRECT = re.compile(rf"(?<![\w-])(?<![Mm]enurut )(?P<who>{_WHO})(?: \(\d{{1,3}}\))?(?:{DEGREES})?{_WHEN},? {_ADVERB}"
                       rf"(?P<verb>{SPEECH}),? (?:bahwa )?(?P<body>[^\"“\n])")
# "Andi Rahmat, mengatakan, “…”": the speaker and the verb before the words in quote marks.
_SAID_FIRST = re.compile(rf"(?<![\w-])(?P<who>{_WHO})(?: \(\d{{1,3}}\))?(?:{DEGREES})?,? {_ADVERB}(?P<verb>{SPEECH})"
                         r"[,:] (?P<open>[\"“])(?P<body>[^\"“”\n]{8,3000}?)(?P<close>[\"”])")
# "Suparmi (52), pedagang jamu di Pasar Gede, mengaku …": what the speaker is, between name and verb
# (after the degrees: "Dr. Rina Manurung, S.E., M.M., dosen fakultas itu, menilai …"), or their post
# ("Dr. Hasan Tamrin, Direktur Eksekutif SDI, menilai …"), a place closing it ("pemilik warung di Kecamatan
# Tamalate, Makassar,").
_APPOSED = re.compile(rf"(?<![\w-])(?P<who>[A-Z][\w'-]+(?: [A-Z][\w'-]+){{0,3}})(?: \(\d{{1,3}}\))?(?:{DEGREES})?, "
                      rf"(?:[a-z]|(?:{HEAD})\b)[^,\n.\"“”]{{2,80}}(?:, [A-Z][\w-]*(?: [A-Z][\w-]*){{0,2}})?, {_ADVERB}"
                      rf"(?P<verb>{SPEECH}),? (?:bahwa )?"
                      r"(?P<body>[^\"“\n])")
# "Pemkab Sukoharjo, kata Hartono, tidak menjalin …", "Pelatihan itu, menurut dia, membuat …": the
# speaker set between the words (which are kept as written, the attribution with them: a quote's
# text is word for word in its evidence).
_AMID = re.compile(rf"(?:^|(?<=[.!?] ))(?P<head>[^\"“”\n.,]{{3,120}}), (?P<verb>{SAID}|menurut)"
                   rf"(?: (?:{HONORIFIC} )?(?P<who>dia|ia|beliau|[A-Z][\w'-]+(?: [A-Z][\w'-]+){{0,2}})|nya), "
                   r"(?P<rest>[^\"“”\n]{10,600}?)\.(?=\s|$)", re.MULTILINE)
# "Program itu akan diperluas ke Agam, tegasnya." / "…, ungkap Hendra.": words without quote marks,
# their speaker after them.
_TOLD_BEFORE = re.compile(rf"(?:^|(?<=[.!?] ))(?P<body>(?:[^\"“”\n.]|\.(?!\s)){{15,600}}?), "
                          rf"(?P<verb>(?:{SAID})(?:nya)?)(?: (?:{HONORIFIC} )?"
                          r"(?P<who>dia|ia|beliau|[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}))?\.(?=\s|$)", re.MULTILINE)
# "Menurut Kepala Pusat Kajian X, Dr. Ir. Ahmad Fauzi, M.Sc., …": the post before the name, the titles
# around it.
# "Menurut Dr. A, M.Si., peneliti LPPM tersebut, …": the post after the name, written small.
_MENURUT = re.compile(rf"(?P<verb>Menurut)(?: (?:{HEAD})\b[^,.\n\"“”]{{0,160}}?,)?"
                      rf"(?: (?:(?:{HONORIFIC}|{ACADEMIC}) )*(?P<who>{_WHO}(?: [A-Z][\w'-]+){{0,3}})(?:{DEGREES})?"
                      rf"(?:, (?i:{HEAD}|dosen)\b[^,.\n\"“”]{{0,160}}?(?=, ))?"
                      r"|(?P<nya>nya)), (?P<body>[^\"“\n])")
# "Kepala Dinas Pariwisata NTT tersebut menilai …": the post's holder, named in the sentence before.
_POST_SAYS = re.compile(rf"(?:^|(?<=[.!?] ))(?:{HEAD}) [^\"“”\n.,]{{0,160}}? (?:itu|tersebut),? {_ADVERB}"
                        rf"(?P<verb>{SPEECH}),? (?:bahwa )?(?P<body>[^\"“\n])", re.MULTILINE)
# Where the words end and the circumstances of their saying start ("saat ini" is "now", "suatu saat" some day:
# no circumstance).
_CIRCUMSTANCE = re.compile(r"(?<!suatu),? (?:ketika|saat(?! ini)|sewaktu|seusai|usai|dalam acara|di sela-sela|"
                           r"di sela) ")
# "…, dan mengulanginya dalam kuliah umum di UMSU": the same words told again, elsewhere.
_AGAIN = re.compile(r",? dan (?P<verb>me[a-z]+(?:kan|i)?nya) (?=dalam|di|pada|saat|ketika)")
_PRONOUNS = frozenset({"dia", "ia", "nya", "beliau"})
_EVENT_TYPES = frozenset({"Event", "TrainingEvent", "NetworkingEvent"})


class _Speakers:
    """Who a name or pronoun at some offset refers to: a person by name, or the last one named."""

    def __init__(self, found: Proposals) -> None:
        self.found = found
        self.people = [m for m in mentions(found, frozenset({"Person"})) if m[0] >= found.body_start()]
        self.starts = [start for start, _, _ in self.people]

    def resolve(self, who: str | None, at: int, end: int = -1, named_from: int = -1) -> tuple[Item | None, float]:
        """`at`: where the quote starts (a pronoun is the last person named before it); `end`:
        where the speaker's words end (a person's name ending there); `named_from`: where an
        attribution that is no name of a person starts ("ujar Kepala Dinas X, Budi")."""
        ending = [item for _, stop, item in self.people if stop == end]
        if ending:
            return ending[0], 0.8
        if who and who.lower() not in _PRONOUNS:
            item = self.found.find_name(who)
            if item is not None and item.type == "Person":
                return item, 0.8
            named = self._named_in_sentence(named_from) if named_from >= 0 else None
            return (named, 0.7) if named is not None else (None, 0.0)
        index = bisect.bisect_left(self.starts, at) - 1
        return (self.people[index][2], 0.6) if index >= 0 else (None, 0.0)

    def carried_over(self, at: int) -> Item | None:
        """Who "Menurut dia" at `at` goes on quoting: the last speaker of its paragraph; with no one
        named there, the speaker quoted last before it (not another person the paragraph before named)."""
        paragraph = self.found.text.rfind("\n", 0, at) + 1
        said = sorted((i for i in self.found.items.values() if i.type in ("Quote", "IndirectQuote")
                       and i.span.end <= at and i.fields.get("speaker")), key=lambda i: i.span.start)
        here = [i for i in said if i.span.start >= paragraph]
        if not here and any(paragraph <= start < at for start in self.starts):
            return None  # a person named in this paragraph, not quoted: the last one named
        last = (here or said)[-1:]
        return self.found.items.get(str(last[0].fields["speaker"][0].value)) if last else None

    def _named_in_sentence(self, start: int) -> Item | None:
        """The first person named after `start`, before the sentence or the line ends."""
        index = bisect.bisect_left(self.starts, start)
        if index == len(self.people):
            return None
        between = self.found.text[start:self.people[index][0]]
        return None if re.search(r"\.\s|\n", between) else self.people[index][2]


def quotes(found: Proposals) -> None:
    """Direct and indirect quotes whose speaker resolves to a proposed person."""
    speakers = _Speakers(found)
    for match in _DIRECT.finditer(found.text):
        speaker, confidence = _direct_speaker(speakers, match)
        if speaker is None:
            continue
        body = match["body"]
        quote = _add(found, "Quote", speaker, match["verb"], body, Span(match.start(), match.end()), "direct-quote",
                     confidence)
        _where_and_when(found, quote, match.end())
        stop = re.search(r"\.(?:\s|$)|\n", found.text[match.end():])
        occasion_end = _said_at_occasion(found, quote, match.end(), match.end() + (stop.start() if stop else 0))
        if "said_in" not in quote.fields and occasion_end > 0:  # "… di hadapan peserta X di Gedung Y, Rabu (…)"
            _where_and_when(found, quote, occasion_end, place_too=False)  # the event says where: the day only
    _quotes_after_speaker(found, speakers)
    sentences = ArticleText(found.text).sentences
    for match in _TOLD_BEFORE.finditer(found.text):
        if match["who"] is None and not match["verb"].endswith("nya"):
            continue
        speaker, confidence = speakers.resolve(match["who"] or "nya", match.start(), named_from=match.start("who")
                                               if match["who"] else -1)
        if speaker is not None and not _inside_quote(found, match.start()):
            _add(found, "IndirectQuote", speaker, match["verb"], match["body"], Span(match.start(), match.end()),
                 "quote-then-speaker", confidence - 0.2)
    for match in _AMID.finditer(found.text):
        speaker, confidence = speakers.resolve(match["who"], match.start(), named_from=match.start("who"))
        if speaker is not None and not _inside_quote(found, match.start()):
            _add(found, "IndirectQuote", speaker, match["verb"], found.text[match.start():match.end() - 1],
                 Span(match.start(), match.end()), "speaker-amid-words", confidence - 0.2)
    for pattern, rule in ((_INDIRECT, "indirect-quote"), (_APPOSED, "indirect-quote-apposed"),
                          (_MENURUT, "menurut-quote"), (_POST_SAYS, "indirect-quote-post")):
        for match in pattern.finditer(found.text):
            speaker, confidence = _indirect_speaker(found, speakers, match, rule)
            sentence = next((s for s in sentences if s.start <= match.start("body") < s.end), None)
            if speaker is not None and sentence is not None and not _inside_quote(found, match.start()):
                quote = _indirect(found, match, speaker, Span(match.start(), sentence.end), rule, confidence - 0.1)
                if quote is not None:  # "Dalam acara itu, Budi mengatakan …", "Budi, saat membuka X, mengatakan"
                    _said_at_occasion(found, quote, sentence.start, match.start("verb"))
    _same_occasion(found)


def _direct_speaker(speakers: _Speakers, match: re.Match[str]) -> tuple[Item | None, float]:
    """Who said the quoted words: the one named after the verb, the one who goes by the name a
    description gives ("ujar pria yang akrab disapa Ijai itu"), else the last one named; a
    description is a looser back-reference than "dia"."""
    who = match["who"] or match["nick"] or ("nya" if match["verb"].endswith("nya") or match["described"] else None)
    speaker, confidence = speakers.resolve(who, match.start(), named_from=match.start("who"))
    if speaker is not None:
        return speaker, confidence - (0.1 if match["described"] else 0)
    if match["nick"]:  # a name it goes by that no one was given: the last one named
        speaker, confidence = speakers.resolve("nya", match.start())
    return speaker, confidence - 0.1


def _quotes_after_speaker(found: Proposals, speakers: _Speakers) -> None:
    """"Andi Rahmat, mengatakan, “…”", "Ia menambahkan: “…”": the speaker and the verb first, the
    words in quote marks after them."""
    for match in _SAID_FIRST.finditer(found.text):
        speaker, confidence = speakers.resolve(match["who"], match.start(), match.end("who"))
        if speaker is not None and not _inside_quote(found, match.start()):
            _add(found, "Quote", speaker, match["verb"], match["body"], Span(match.start(), match.end()),
                 "speaker-then-quote", confidence - 0.1)


def _indirect_speaker(found: Proposals, speakers: _Speakers, match: re.Match[str],
                      rule: str) -> tuple[Item | None, float]:
    """Who said indirect words: the holder of the post that opens them ("<post> tersebut menilai");
    for "Menurutnya" the speaker quoted last; else the person the name or pronoun resolves to."""
    if rule == "indirect-quote-post":
        return holder(found, match.start()), 0.6
    who = match["who"] or "nya"
    speaker, confidence = speakers.resolve(who, match.start(), match.end("who") if match["who"] else -1)
    carried = speakers.carried_over(match.start()) if rule == "menurut-quote" and who in _PRONOUNS else None
    return carried or speaker, confidence


def _same_occasion(found: Proposals) -> None:
    """"Dalam sambutannya, Yulia menyebut …. “…,” tegasnya.": the words a speaker goes on with, next
    in the same paragraph, were said in the same address (not after "saat menghadiri X": being at an
    event says nothing of the words that follow)."""
    said = sorted((i for i in found.items.values() if i.type in ("Quote", "IndirectQuote")), key=lambda i: i.span.start)
    for before, after in itertools.pairwise(said):
        at = before.fields.get("said_at", [None])[0]
        if (at is not None and at.span is not None and _ADDRESS.match(found.span_text(at.span))
                and "said_at" not in after.fields and before.span.end <= after.span.start
                and "\n" not in found.text[before.span.start:after.span.start]
                and before.fields["speaker"][0].value == after.fields["speaker"][0].value):
            after.add("said_at", Value(at.value, Span(before.span.start, after.span.end), "said-at-same-occasion", 0.3))


_ADDRESS = re.compile(r"(?:[Dd]alam|[Pp]ada|[Ss]aat|[Kk]etika|[Ss]ewaktu) (?:sambutan|pidato|paparan|arahan)")


def _inside_quote(found: Proposals, offset: int) -> bool:
    """Within a direct quote already proposed ("…saya menjelaskan…" is the speaker's words)."""
    return any(item.type == "Quote" and item.span.start < offset < item.span.end for item in found.items.values())


def _indirect(found: Proposals, match: re.Match[str], speaker: Item, sentence: Span, rule: str,
              confidence: float) -> Item | None:
    """The words after the verb up to the sentence's end or its circumstances ("ketika …"), the
    event named there (said_at), and a second telling of them ("dan mengulanginya …")."""
    text, start = found.text, match.start("body")
    again = _AGAIN.search(text, start, sentence.end)
    told_end = again.start() if again else sentence.end
    circumstance = _CIRCUMSTANCE.search(text, start, told_end)
    end = circumstance.start() if circumstance else told_end
    body = text[start:end].rstrip(". ")
    if len(body.split()) < 3:
        return None
    quote = _add(found, "IndirectQuote", speaker, match["verb"], body, sentence, rule, confidence)
    if circumstance is not None:
        _said_at(found, quote, circumstance.start(), told_end)
        _said_at_occasion(found, quote, circumstance.start(), told_end)
    if again is not None:
        repeated = _add(found, "IndirectQuote", speaker, again["verb"], body, sentence, "indirect-quote-again",
                        round(confidence - 0.1, 2), again["verb"])
        _said_at(found, repeated, again.end(), sentence.end)
    return quote


def _said_at(found: Proposals, quote: Item, start: int, end: int) -> None:
    """The first event whose words start between these offsets is where the quote was said,
    and its date the day it was said."""
    events = sorted((i for i in found.items.values() if i.type in _EVENT_TYPES and start <= i.span.start < end),
                    key=lambda i: i.span.start)
    if not events:
        return
    quote.add("said_at", Value(events[0].ident, Span(quote.span.start, events[0].span.end), "said-at-event", 0.5))
    for date in events[0].fields.get("date", [])[:1]:
        quote.add("said_on", Value(date.value, date.span, "said-at-event", 0.5))


# "ujarnya di sela membuka acara tersebut", "katanya dalam acara itu", "saat menghadiri Festival X",
# "saat membuka kelas", "saat menutup pelatihan" or "dalam pembukaan pelatihan" (the article's event:
# its lead's), "di hadapan peserta Festival X", "di sela bootcamp" (the event told last whose name
# says bootcamp; "di sela peluncuran": the one whose name says "meluncurkan").
_OCCASION = re.compile(r"(?<![\w-])(?:(?P<facing>[Dd]i hadapan (?:para )?peserta)|[Dd]i sela(?:-sela)?|[Ss]aat|"
                       r"[Kk]etika|[Ss]ewaktu|[Dd]alam|[Pp]ada|[Dd]i)"
                       r"(?P<verb> (?:membuka|menutup|menghadiri|mengisi|meresmikan|mengikuti)(?: acara)?)?"
                       r" (?:(?P<noun>acara|kegiatan|pelatihan|peresmian|peluncuran|seminar|workshop|pameran|festival|"
                       r"temu niaga|temu bisnis|temu usaha|temu mitra|lokakarya|sosialisasi|kuliah umum|bazar|lomba|"
                       r"kompetisi|hackathon|sayembara)"
                       r" (?:itu|ini|tersebut)(?![\w-])|(?:acara )?(?P<act>peluncuran|peresmian|pembukaan)"
                       r" (?:program )?(?=[A-Z])|(?P<speech>sambutan|pidato|paparan|arahan)(?:nya)?(?![\w-])"
                       r"|(?:acara |(?=[A-Z]))(?P<named>\w)"
                       r"|(?P<opening>pembukaan )?(?P<opened>kelas|pelatihan|acara|kegiatan|seminar|workshop|lokakarya|"
                       r"bootcamp|pameran|festival|webinar|peluncuran|peresmian|lomba|kompetisi|hackathon|sayembara)(?![\w-]))")


def _said_at_occasion(found: Proposals, quote: Item, start: int, end: int) -> int:
    """Where the words were said when the circumstances after them name an event: one written
    there by name, or "acara itu/tersebut", the event the text told last before. A speaker who
    was opening or attending it takes part in it. Returns where the occasion's words end (-1 for none)."""
    if "said_at" in quote.fields:
        return -1
    named = {s: (e, i) for s, e, i in mentions(found, _EVENT_TYPES)}
    named.update((i.span.start, (i.span.end, i)) for i in found.items.values() if i.type in _EVENT_TYPES)
    for match in _OCCASION.finditer(found.text, start, end):
        if match["noun"] or match["speech"]:  # "dalam sambutannya": at the event told last
            event, at = referent(found, match["noun"] or "acara", match.start()), match.end()
        elif match["opened"] and (match["verb"] or match["opening"]):  # "saat membuka pameran": that, or the lead's
            event = _told(found, match["opened"], match.start()) or referent(found, None, match.start())
            at = match.end()
        elif match["opened"] or match["act"]:  # "di sela bootcamp", "saat peluncuran Tenun Daring": by its stem
            event, at = _told(found, match["opened"] or match["act"], match.start()), match.end()
        else:  # an event named there, or whose words start there ("pada acara rangkaian pelatihan … digelar Lazada")
            at, event = named.get(match.start("named"), (0, None))
        if event is not None:
            break
    else:
        return -1
    told_first = match.start() < quote.span.start  # "Dalam acara itu, Budi mengatakan …"
    span = Span(match.start(), quote.span.end) if told_first else Span(quote.span.start, at)
    quote.add("said_at", Value(event.ident, span, "said-at-occasion", 0.4))
    speaker = found.items.get(str(quote.fields["speaker"][0].value))
    if (match["verb"] or match["noun"] or match["speech"] or match["facing"] or match["opening"]) \
            and speaker is not None:  # said there as one who came, opened or spoke: was there
        speaker.add("takes_part_in", Value(event.ident, span, "speaker-at-event", 0.4))
    return -1 if told_first else at


def _told(found: Proposals, noun: str, at: int) -> Item | None:
    """The event told last before `at` whose label holds the noun's stem ("bootcamp": "Bootcamp
    Tani Cakap Digital"; "peluncuran": "Meluncurkan …"), or None."""
    event = referent(found, noun, at)
    return event if event is not None and STEMS.get(noun, noun) in event.label.lower() else None


# After the attribution's names ("kata Kepala Dinas X, Yayan …,"): " di <place>".
_SAID_IN = re.compile(r"(?:,? (?:dan )?[A-Z][\w'.-]*)*,? di (?P<place>[A-Z][\w-]*(?: [A-Z][\w-]*){0,5})")
_WITHIN = re.compile(r", (?P<region>(?:Kota |Kabupaten |Kab\. )?[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})(?=, )")
_PLACES = frozenset({"Province", "Regency", "City", "AmbiguousPlace", "Place", "Hotel", "Facility", "CoworkingSpace"})


def _where_and_when(found: Proposals, quote: Item, end: int, place_too: bool = True) -> None:
    """"…," kata Ratu di Balai Kota DKI Jakarta, Kamis (16/11/2023)": where the words were said
    (a proposed place), and the day, when its weekday agrees; after an event they were said at, the
    day only (the event's venue is where)."""
    where = _SAID_IN.match(found.text, end)
    words = where["place"].split(" ") if where else []
    place = next((p for size in range(len(words), 0, -1) if (p := found.find_name(" ".join(words[:size])))
                  is not None and p.type in _PLACES), None)
    if where is None or place is None:
        return
    at = found.text.find(place.label, where.start("place"))
    if place_too:
        quote.add("said_in", Value(place.ident, Span(quote.span.start, at + len(place.label)), "said-in", 0.5))
    start = at + len(place.label)
    within = _WITHIN.match(found.text, start)  # "di Gedung Y, Kota Z, Rabu (…)": the day after the city
    start = within.end() if within and within["region"] not in DAY_NAMES else start
    after = found.text[start:start + 40]
    try:
        date = find_news_date(after) if after.startswith(", ") else None
    except DateError:
        return
    if date is not None and date.weekday_matches and after.find(date.text) == 2:
        quote.add("said_on", Value(date.date, Span(start + 2, start + 2 + len(date.text)), "said-on", 0.5))


def _called(person: Item) -> str:
    """What the text calls a person on their own: a word of their name used alone ("Bayu" of "Lalu
    Bayu Pratama", "Sutama" of "I Made Sutama"), else their name's first word."""
    words = person.label.split()
    return next((alias for alias in person.aliases if alias in words), words[0])


def _add(found: Proposals, kind: str, speaker: Item, verb: str, body: str, span: Span, rule: str,
         confidence: float, distinct: str = "") -> Item:
    words = " ".join(body.split()[:6]).rstrip(",.")
    label = f"{_called(speaker)}: {words} …"
    ident = slug(f"{speaker.ident} {words}")[:60].rstrip("-") + (f"-{slug(distinct)}" if distinct else "")
    item = Item(ident, kind, label if not distinct else f"{label} ({distinct})", span, rule, round(confidence, 2))
    item.add("speaker", Value(speaker.ident))
    item.add("verb", Value(verb))
    item.add("text", Value(body))
    return found.add(item)
