"""Rules for the launch of a program: "Pemkot Kupang meluncurkan program Tenun Daring bersama
Bank NTT di Pasar Oeba, Kamis (6/3/2025)", "peluncuran Tenun Daring di …". The launch is an
event that is part of the program, organised by the launcher and the partners the text joins
to it ("bersama", "menggandeng"; never the office it acts through, "melalui Dinas …"), at the
venue and on the date written after it; its label stops before the venue. The program is run
by the launcher, in the launcher's region. A launch still to come or called off keeps the
status its clause gives ("akan", "batal"); a negated or hypothetical one ("belum", "jika")
gives nothing."""

from __future__ import annotations

import re

from kg.ingest.events import dated, place_written
from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.people import ORG_TYPES
from kg.ingest.relations import NEGATION
from kg.ingest.statuses import clause_status
from kg.source.text import ArticleText, Span

_LAUNCH = re.compile(r"(?<![\w-])(?:(?P<verb>meluncurkan|melaunching|me-launching)|(?P<noun>[Pp]eluncuran|"
                     r"[Ll]aunching))(?: resmi| secara resmi)?(?: (?P<kind>[Pp]rogram|inisiatif|gerakan))? (?=[A-Z])")
_PROGRAMS = frozenset({"Program", "Initiative"})
_ACTORS = (ORG_TYPES - {"MediaOutlet"}) | {"Person"}
# Between two actors of one chain: joined ("dan", "bersama", "A menggandeng B meluncurkan …") or
# acting through ("melalui").
_JOINED = re.compile(r",? (?:dan|serta|bersama|&|menggandeng) ")
_THROUGH = re.compile(r",? (?:melalui|lewat|via) ")
_PARTNERS = re.compile(r" (?:bersama|dengan menggandeng|menggandeng|yang digagas bersama) ")
# "Program Tenun Daring resmi diluncurkan Pemkot Kupang …": the launch told in the passive, and by whom.
_PASSIVE = re.compile(r"(?: \([A-Z][A-Za-z]{1,12}\))?,? (?:(?:resmi|secara resmi|telah|sudah|akan|baru) )*"
                      r"(?P<verb>diluncurkan)(?: oleh)? ")
_BY = re.compile(r"(?: \([A-Z][A-Za-z]{1,12}\))?,? (?:(?:yang )?(?:digelar|diselenggarakan|dilaksanakan|diadakan)"
                 r"(?: oleh)?|oleh) ")
_LONGER = re.compile(r" [A-Z][a-z]")  # a program's name that only starts a longer capitalised name
_CUT = re.compile(r",|(?<![\w-])(?:ketika|saat|sewaktu|setelah|sebelum|usai|seusai|sedangkan|namun|tetapi)(?![\w-])")
_AT = re.compile(r",? (?:(?:yang )?(?:digelar|berlangsung|dilaksanakan|diadakan) )?"
                 r"di (?P<where>[A-Z][\w-]*(?: [A-Z][\w-]*){0,5})")


def launches(found: Proposals, cues: dict[str, list[str]]) -> None:
    """Each launch of a proposed program, told by the verb ("meluncurkan", "X diluncurkan
    Pemkot Y") or the noun ("peluncuran"); one event per program, the later tellings adding to it."""
    programs = {start: (end, item) for start, end, item in mentions(found, _PROGRAMS)}
    titles = [v.span for v in found.article.values() if v.span is not None]
    sentences = ArticleText(found.text).sentences
    for match in _LAUNCH.finditer(found.text):
        end, program = programs.get(match.end(), (0, None))
        sentence = next((s for s in sentences if s.start <= match.start() < s.end), None)
        if program is None or sentence is None or any(t.start <= match.start() < t.end for t in titles) \
                or _LONGER.match(found.text, end):
            continue  # "meluncurkan DTS Center": not the program DTS
        end += len(re.match(r"(?: \([A-Z][A-Za-z]{1,12}\))?", found.text[end:]).group())  # type: ignore[union-attr]
        organisers = _launchers(found, sentence.start, match.start()) if match["verb"] else _held_by(found, match)
        _told(found, cues, program, Span(match.start(), end), sentence.start, organisers)
    for start, (end, program) in programs.items():
        passive = _PASSIVE.match(found.text, end)
        sentence = next((s for s in sentences if s.start <= start < s.end), None)
        if passive is None or sentence is None or any(t.start <= start < t.end for t in titles):
            continue
        start -= len("program ") if found.text[max(0, start - 8):start].lower() == "program " else 0
        by = [m for m in mentions(found, _ACTORS) if m[0] == passive.end()]
        _told(found, cues, program, Span(start, passive.end("verb")), sentence.start, by)


def _told(found: Proposals, cues: dict[str, list[str]], program: Item, words: Span, sentence: int,
          organisers: list[tuple[int, int, Item]]) -> None:
    """One telling of a launch, unless its clause negates it; its status from a cue of the clause."""
    cut = max((m.end() for m in _CUT.finditer(found.text, sentence, words.start)), default=sentence)
    clause = found.text[cut:words.end]
    status = clause_status(clause, cues)
    if (status is None or status[0] != "cancelled") and NEGATION.search(clause):
        return  # "belum meluncurkan", "jika … meluncurkan": nothing happened
    cue = (status[0], Span(cut + status[1], cut + status[2])) if status else None
    _launch(found, program, words, organisers, cue)


def _launch(found: Proposals, program: Item, told: Span, organisers: list[tuple[int, int, Item]],
            status: tuple[str, Span] | None) -> None:
    """The launch event of one telling (`told`: its words): who, with whom, where and when; the
    program's operator."""
    words = re.sub(r" \([^)]*\)|(?:,? (?:resmi|secara resmi|telah|sudah|akan|baru))+(?= diluncurkan$)", "",
                   found.text[told.start:told.end])  # "Program X diluncurkan", without its adverbs
    event = next((i for i in found.items.values() if i.rule == "program-launch"
                  and any(v.value == program.ident for v in i.fields.get("part_of_program", []))), None)
    if event is None:
        event = found.add(Item(slug(words), "Event", words[0].upper() + words[1:], told, "program-launch", 0.5))
    else:
        event.alias(words, told)
    event.add("part_of_program", Value(program.ident, told, "program-launch", 0.6))
    if status is not None:  # its evidence: from the cue to the launch's words
        event.add("status", Value(status[0], Span(min(status[1].start, told.start), told.end), "launch-status", 0.5))
    end = max([told.end] + [e for s, e, _ in organisers if s >= told.start])  # "diluncurkan Pemkot X"
    partners = _partners(found, end)
    organisers = organisers + partners
    for start, stop, actor in organisers:
        event.add("organizer", Value(actor.ident, Span(min(start, told.start), max(stop, told.end)),
                                     "launch-organizer", 0.5))
    _where_and_when(found, event, told.start, told.end, max([end] + [e for _, e, _ in partners]))
    launchers = [a for _, _, a in organisers if a.type in ORG_TYPES]
    if not launchers or (status is not None and status[0] not in ("completed", "ongoing")):
        return  # a launch still to come says nothing yet of who runs the program
    span = Span(min(organisers[0][0], told.start), max(organisers[0][1], told.end))
    if "operated_by" not in program.fields:
        program.add("operated_by", Value(launchers[0].ident, span, "launched-by", 0.5))


def _launchers(found: Proposals, sentence: int, verb: int) -> list[tuple[int, int, Item]]:
    """The actors of the chain that ends right before the verb: "Pemkot X bersama PT Y
    meluncurkan" (both), "Pemkot X, melalui Dinas Y, meluncurkan" (Pemkot X: the Dinas is how
    it acts, not who launched)."""
    posts = [i.span for i in found.items.values() if i.type == "Post"]  # not the office in a post's title
    named = [(s, e, i) for s, e, i in mentions(found, _ACTORS) if sentence <= s and e <= verb
             and (i.type == "Person" or not any(p.start <= s and e <= p.end for p in posts))]
    if not named or not re.fullmatch(r",? (?:(?:telah|sudah|resmi|secara resmi|juga|pun|akan|berencana|batal) )*",
                                     found.text[named[-1][1]:verb]):
        return []
    chain = [named[-1]]
    for previous in reversed(named[:-1]):
        between = found.text[previous[1]:chain[-1][0]]
        if _THROUGH.fullmatch(between):
            chain[-1] = previous  # "A melalui B": A launched it
        elif _JOINED.fullmatch(between):
            chain.append(previous)
        else:
            break
    return list(reversed(chain))


def _held_by(found: Proposals, match: re.Match[str]) -> list[tuple[int, int, Item]]:
    """Who held a launch told by its noun: "Dinas X menggelar peluncuran …", "peluncuran X
    oleh Dinas Y", "peluncuran X yang digelar Dinas Y"."""
    noun = match.start()
    line = found.text.rfind("\n", 0, noun) + 1
    held = re.search(r"(?:menggelar|mengadakan|menyelenggarakan) (?:acara )?$", found.text[line:noun])
    named = mentions(found, _ACTORS)
    before = [(s, e, i) for s, e, i in named if held and line <= s and e <= line + held.start()]
    if held and before and found.text[before[-1][1]:line + held.start()] in (" ", " juga "):
        return before[-1:]
    by = _BY.match(found.text, next((e for s, e, _ in mentions(found, _PROGRAMS) if s == match.end()), match.end()))
    return [m for m in named if by is not None and m[0] == by.end()]


def _partners(found: Proposals, end: int) -> list[tuple[int, int, Item]]:
    """The actors joined to a launch after its program's name: "… bersama Bank NTT dan PT Y"."""
    lead = _PARTNERS.match(found.text, end)
    if lead is None:
        return []
    out: list[tuple[int, int, Item]] = []
    at = lead.end()
    for start, stop, actor in mentions(found, _ACTORS):
        if start == at:
            out.append((start, stop, actor))
            joiner = re.match(r",? dan |, | serta ", found.text[stop:])
            at = stop + joiner.end() if joiner else -1
    return out


def _where_and_when(found: Proposals, event: Item, start: int, named_end: int, end: int) -> None:
    """The venue after "di" (past the partners), never an organisation, and the date after it
    (or before it: "… pada Kamis (6/3/2025) di Pasar Oeba"); the words up to a venue written
    right after the launch's own are another name of it."""
    venue_end = _venue(found, event, start, end)
    if venue_end is not None and end == named_end:  # "meluncurkan program X di Pasar Y": as news often names it
        event.alias(re.sub(r" \([^)]*\)", "", found.text[start:venue_end]), Span(start, venue_end))
    if "date" in event.fields:
        return
    date_end = dated(found, event, venue_end or end, start)
    if venue_end is None and date_end is not None:
        _venue(found, event, start, date_end)


def _venue(found: Proposals, event: Item, start: int, end: int) -> int | None:
    """The place written right after `end` ("di Pasar Oeba"), never an organisation; where it ends."""
    at = _AT.match(found.text, end)
    named = place_written(found, at["where"]) if at else None
    if at is None or named is None or named[0].type == "Organization" or "venue" in event.fields:
        return None
    venue_end = at.start("where") + len(named[1])
    event.add("venue", Value(named[0].ident, Span(start, venue_end), "launch-venue", 0.5))
    return venue_end


def run_by_posts(found: Proposals) -> None:
    """"Wali Kota Kendari, Siska Karina, meluncurkan program X": a program launched by a person
    in office, and run by nobody the text names, is run by the organisation of the post (known
    once posts are linked), less surely."""
    for event in [i for i in found.items.values() if i.rule == "program-launch" and "status" not in i.fields]:
        first = event.fields.get("organizer", [None])[0]
        person = found.items.get(str(first.value)) if first is not None else None
        org = _post_organisation(found, person) if person is not None and person.type == "Person" else None
        for program in [found.items[str(v.value)] for v in event.fields["part_of_program"]]:
            if org is not None and "operated_by" not in program.fields:
                program.add("operated_by", Value(org.ident, first.span, "launched-by-post", 0.4))  # type: ignore[union-attr]


def _post_organisation(found: Proposals, person: Item) -> Item | None:
    """The organisation of the first post the person holds, if the text links it."""
    for held in person.fields.get("holds", []):
        post = found.items.get(str(held.value))
        for org in post.fields.get("post_in", []) if post is not None else []:
            return found.items.get(str(org.value))
    return None
