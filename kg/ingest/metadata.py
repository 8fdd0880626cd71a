"""Rules for the article's own description: section, headline, subheadline, author, editor,
reporter and outlet, dateline place (never a venue), the date written in the text (its
weekday checked), and the "Baca juga" headlines."""

from __future__ import annotations

import re

from kg.ingest.model import Item, Proposals, Value, slug
from kg.source.dates import DateError, find_news_date
from kg.source.text import Span

# "Penulis: X | Editor: Y", "Penulis: X / Redaktur: Y": the writer, then the editor after a bar or a slash.
_BYLINE = re.compile(r"^(?:Penulis|Reporter|Pewarta|Laporan)\s*:\s*(?P<author>[^|/\n(,]{2,80}?)\s*"
                     r"(?:\([^()\n]{1,40}\)\s*|, [^|/\n]{1,80}?)?"  # "(FloresKini)", ", S.Sos", ", Agnes Kewa"
                     r"(?:[|/]\s*(?P<role>Editor|Redaktur|Penyunting)\s*:\s*(?P<editor>[^|/\n]{2,80}?))?\s*$",
                     re.MULTILINE)
# "Laporan: Anindya Putri Rahayu", "Editor: Bayu Setiawan": one role a line, the name alone after the colon;
# "Oleh Yohana Wenda": the writer, a name of two words or more alone after "Oleh".
_ROLE_LINE = re.compile(r"^(?:(?P<role>Laporan|Penulis|Reporter|Pewarta|Kontributor|Editor|Penyunting|Redaktur)\s*:\s*|"
                        r"Oleh:? (?=\S+ ))"
                        r"(?P<name>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,5})"
                        # after the name: degrees (", S.Sos"), a second writer (", Agnes Kewa": the first is
                        # the author), the outlet ("(FloresKini)", "| FloresKini")
                        r"(?:, (?=[A-Z][A-Za-z]{0,3}\.)[A-Z][A-Za-z.]{1,10})*"
                        r"(?:(?:,| dan| &) [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4})*"
                        r"(?: ?\([^()\n]{1,40}\)| [|/] [^|/:\n]{1,40})?\s*$", re.MULTILINE)
# "(Yudi Permana/nrs)" closing the text: the writer, then the editor's initials (no person to propose).
_CLOSING_BYLINE = re.compile(r"^\((?P<name>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){1,4})/[A-Za-z]{2,5}\)\s*\Z", re.MULTILINE)
_ROLE_KEY = {"Editor": "editor", "Penyunting": "editor", "Redaktur": "editor"}  # the others: the author
_REPORTER = re.compile(r"^Laporan (?P<post>Wartawan|Reporter|Kontributor) (?P<outlet>[A-Za-z0-9.-]{3,60}),"
                       r" (?P<name>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,5})\s*$", re.MULTILINE)
# "SURABAYA, TRIBUNJATIM.COM -" or "TRIBUNJATIM.COM, SURABAYA -": a place in capitals and the outlet.
# "KUPANG, Floresku.com -": the outlet's site as it writes itself, in capitals or not.
_OUTLET = r"[A-Za-z0-9-]{2,40}(?:\.[A-Za-z]{2,6}){1,2}"
_PLACE = r"[A-Z][A-Z'-]{1,30}(?: [A-Z][A-Z'-]{1,30}){0,3}"
# "Padang (SumbarNews.com) -": the place as written, the outlet's site in brackets.
_TITLED_PLACE = r"[A-Z][A-Za-z'-]{1,30}(?: [A-Z][A-Za-z'-]{1,30}){0,3}"
# "JAMBI - …": a place alone, the outlet named elsewhere (a closing line) or nowhere.
_DATELINE = re.compile(rf"^(?:(?P<p1>{_PLACE}), (?P<o1>{_OUTLET})|(?P<o2>{_OUTLET}), (?P<p2>{_PLACE})|"
                       rf"(?P<p3>{_TITLED_PLACE}) \((?P<o3>{_OUTLET})\)|(?P<p4>{_PLACE}))\s*[-\u2013\u2014]"
                       r"(?(p4) (?=[A-Z][a-z]|[A-Z]{2,} [A-Z][a-z]))", re.MULTILINE)
_OUTLET_LINE = re.compile(rf"^(?:\S+ ){{0,4}}\S*(?<![\w.-]){_OUTLET}(?![\w.-])\S*(?: \S+){{0,4}}$")
_BYLINE_WORD = re.compile(r"(?:Penulis|Oleh:? [A-Z]|Laporan |Editor|Reporter\s*:|Pewarta\s*:|Kontributor\s*:"
                          r"|Penyunting\s*:|Redaktur\s*:|Laporan:)")
_RELATED = re.compile(r"^Baca [Jj]uga\s*:\s*(?P<headline>.{5,300})$", re.MULTILINE)


def article_metadata(found: Proposals) -> None:
    """Propose the article block's values and the outlet, reporter, author and editor."""
    text = found.text
    dateline = _DATELINE.search(text)
    header_end = dateline.start() if dateline else text.find("\n", 0, 2000)
    _header_lines(found, header_end)
    _byline(found)
    if dateline:
        _dateline(found, dateline)
    else:
        found.warnings.append("no dateline (PLACE, OUTLET.COM -) found: the draft has no dateline")
    if "publisher" not in found.article:
        _closing_outlet(found)
    for match in _RELATED.finditer(text):
        found.related.append((match["headline"].strip(), Span(match.start(), match.end())))
    _news_date(found)


def _header_lines(found: Proposals, header_end: int) -> None:
    """Before the byline: a short first line is the section, then the headline and subheadline;
    a short line with the outlet's web address ("KabarMaluku.com | Indonesia") is neither."""
    offset, lines = 0, []
    for line in found.text[:max(header_end, 0)].split("\n"):
        if line.strip() and not _BYLINE_WORD.match(line) and not _OUTLET_LINE.search(line):  # blank: a caption
            lines.append((line, Span(offset, offset + len(line))))
        offset += len(line) + 1
    if lines and len(lines[0][0].split()) <= 3 and not lines[0][0].endswith("."):
        found.article["section"] = Value(lines[0][0], lines[0][1], "header-section", 0.7)
        lines = lines[1:]
    for key, (line, span) in zip(("headline", "subheadline"), lines, strict=False):
        found.article[key] = Value(line, span, f"header-{key}", 0.8)


def _person(found: Proposals, name: str, span: Span, rule: str, confidence: float) -> Item:
    return found.add(Item(slug(name), "Person", name, span, rule, confidence))


def _byline(found: Proposals) -> None:
    text = found.text
    match = _BYLINE.search(text)
    if match:
        author = _person(found, match["author"], Span(match.start(), match.end("author")), "byline", 0.9)
        found.article["author"] = Value(author.ident, author.span, "byline", 0.9)
        if match["editor"]:
            start = match.start("role")
            editor = _person(found, match["editor"], Span(start, match.end("editor")), "byline", 0.9)
            found.article["editor"] = Value(editor.ident, editor.span, "byline", 0.9)
    lines = [*_ROLE_LINE.finditer(text[:3000]), *_ROLE_LINE.finditer(text, max(_closing_lines(text), 3000)),
             *_CLOSING_BYLINE.finditer(text, _closing_lines(text, 1))]
    for line in lines:
        key = _ROLE_KEY.get(line.groupdict().get("role") or "", "author")
        if key not in found.article:  # the first line of a role names it
            person = _person(found, line["name"], Span(line.start(), line.end("name")), "byline", 0.9)
            found.article[key] = Value(person.ident, person.span, "byline", 0.9)
    report = _REPORTER.search(text)
    if report:
        outlet_span = Span(report.start(), report.end("outlet"))
        outlet = found.add(Item(slug(report["outlet"].split(".")[0]), "MediaOutlet", report["outlet"],
                                outlet_span, "reporter-line", 0.9))
        found.article["publisher"] = Value(outlet.ident, outlet_span, "reporter-line", 0.9)
        whole = Span(report.start(), report.end("name"))
        post_label = f"{report['post']} {report['outlet']}"
        post = found.add(Item(slug(f"{report['post']}-{outlet.ident}"), "Post", post_label, whole,
                              "reporter-line", 0.8))
        post.add("post_in", Value(outlet.ident))
        reporter = _person(found, report["name"], whole, "reporter-line", 0.9)
        reporter.add("holds", Value(post.ident))


def _closing_lines(text: str, count: int = 3) -> int:
    """Where the text's last `count` lines begin: a byline may close the text ("Pewarta: …",
    then "Editor: Bayu Setiawan")."""
    start = len(text.rstrip())
    for _ in range(count):
        start = text.rfind("\n", 0, start)
        if start < 0:
            return 0
    return start + 1


def _dateline(found: Proposals, match: re.Match[str]) -> None:
    """The dateline names where the report was filed: a place, never the venue of an event."""
    form = next(n for n in "1234" if match[f"p{n}"])
    span = Span(match.start(), match.end())
    name = " ".join(word.capitalize() for word in match[f"p{form}"].split())
    found.article["dateline"] = Value(name, span, "dateline", 0.8)  # resolved to a place id later
    if form == "4":
        return  # "JAMBI - …": no outlet here
    outlet, outlet_span = match[f"o{form}"], Span(match.start(f"o{form}"), match.end(f"o{form}"))
    publisher = found.article.get("publisher")
    if publisher is not None:
        found.items[str(publisher.value)].alias(outlet, outlet_span)
        return
    # No reporter line: the dateline's outlet is the publisher, labelled as the text writes its
    # site elsewhere when it does in other than capitals ("RANAHKABAR.COM" … "Ranahkabar.com").
    written = re.search(rf"(?<![\w.-]){re.escape(outlet)}(?![\w-])", found.text[match.end():], re.IGNORECASE)
    usual = written is not None and not written.group().isupper()
    label, label_span = (written.group(), Span(match.end() + written.start(), match.end() + written.end())) \
        if usual else (outlet, outlet_span)
    item = found.add(Item(slug(outlet.split(".")[0]), "MediaOutlet", label, label_span, "dateline-outlet", 0.8))
    if label != outlet:
        item.alias(outlet, outlet_span)
    found.article["publisher"] = Value(item.ident, outlet_span, "dateline-outlet", 0.8)


# "Ikuti berita terkini JambiRaya.com di Google News", "Simak berita lainnya di Kabarku.id": an outlet
# inviting its readers on, in a closing line.
_INVITATION = re.compile(rf"^(?:Ikuti|Simak|Baca(?! [Jj]uga)|Dapatkan|Kunjungi|Pantau)(?![\w-])[^\n]{{0,80}}?"
                         rf"(?<![\w.-])(?P<outlet>{_OUTLET})(?![\w.-])", re.MULTILINE)


def _closing_outlet(found: Proposals) -> None:
    """The outlet a closing line invites readers to follow, when no dateline or reporter line named one."""
    match = _INVITATION.search(found.text, _closing_lines(found.text))
    if match is None:
        return
    outlet, span = match["outlet"], Span(match.start("outlet"), match.end("outlet"))
    item = found.add(Item(slug(outlet.split(".")[0]), "MediaOutlet", outlet, span, "closing-outlet", 0.7))
    found.article["publisher"] = Value(item.ident, Span(match.start(), span.end), "closing-outlet", 0.7)


def _news_date(found: Proposals) -> None:
    """The first news date in the body, its weekday checked; a wrong weekday is a warning."""
    try:
        date = find_news_date(found.text[:20000])
    except DateError as exc:
        found.warnings.append(f"the text has an impossible date: {exc}")
        return
    if date is None:
        return  # the draft says so when no --published date is given either
    start = found.text.find(date.text)
    if not date.weekday_matches:
        found.warnings.append(f"{date.text!r} names the wrong weekday for {date.date.isoformat()}: date not used")
        return
    found.article["text_date"] = Value(date.date, Span(start, start + len(date.text)), "news-date", 0.7)
