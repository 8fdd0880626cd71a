"""Rules for findings the editors report in their own words: a sentence that says what a
study, index or data showed ("Hasil survei … menunjukkan …", "Berdasarkan Studi X, …", "Index
2025 menempatkan Medan di urutan ketujuh") or gives a measured or estimated figure ("Medan
mencatat skor 51", "Transaksi … diperkirakan melonjak … Rp35 triliun", "61 persen responden
kesulitan …": a finding of the survey told before). What someone said (a quote) is theirs, not
a finding; a target or a hope is a plan, not a finding."""

from __future__ import annotations

import re

from kg.ingest.model import Item, Proposals, Value, slug
from kg.ingest.studies import HOW_DONE
from kg.source.text import ArticleText, Sentence, Span

# Verbs that report what was found or measured.
_REPORTS = re.compile(r"(?<![\w-])(?:menunjukkan|memperlihatkan|mengungkap(?:kan)?|menemukan|mencatat|mencatatkan|"
                      r"menempatkan|menempati|menduduki|diperkirakan|diproyeksikan|diprediksi|tumbuh|naik|meningkat|melonjak|turun|"
                      r"menurun|anjlok|mencapai)(?![\w-])")
# A figure: digits, an ordinal rank, an amount or a share.
_FIGURE = re.compile(r"\d|(?<![\w-])(?:pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|"
                     r"kesepuluh|persen|triliun|miliar|juta|separuh|sepertiga)(?![\w-])")
# "Hasil survei X menunjukkan": a source that shows, with or without a figure.
_SHOWS = re.compile(r"(?<![\w-])(?:[Hh]asil|[Ss]tudi|[Ss]urvei|[Rr]iset|[Kk]ajian|[Pp]enelitian|[Dd]ata|[Ll]aporan|"
                    r"[Cc]atatan|"
                    r"[Ii]ndeks|Index)(?![\w-])[^.\n]{0,80}?(?<![\w-])(?:menunjukkan|memperlihatkan|mengungkap(?:kan)?|"
                    r"menemukan|menempatkan|mencatat)(?![\w-])")
_BASED_ON = re.compile(r"(?:^|(?<=[A-Z.] - ))(?:Berdasarkan|Merujuk|Mengacu pada|Menurut (?:data|catatan)|"
                       r"Mengutip data) "
                       r"(?P<source>[^,.\n]{3,80}), "
                       r"(?P<rest>\S)")
_NOT_FOUND = re.compile(r"(?<![\w-])(?:target|menargetkan|ditargetkan|diharapkan|berharap|akan|rencana|jika|"
                        r"menyasar|bertujuan|berupaya|diupayakan|"  # what a program means to reach
                        r"kalau|apabila|seandainya|(?:mencatat|tercatat) (?:telah|sudah|sebagai))(?![\w-])",
                        re.IGNORECASE)  # a plan, a condition, or an organisation's count of its own work
_SPOKEN = frozenset({"Quote", "IndirectQuote"})
# "Kajian itu melibatkan 300 responden di tujuh kecamatan": whom a study asked, no finding of it.
_SAMPLE = re.compile(r"(?<![\w-])(?:melibatkan|mewawancarai|menyurvei|menjaring|menyasar|dilakukan terhadap|"
                     r"digelar terhadap)(?![\w-])[^.\n]{0,60}?(?<![\w-])(?:responden|narasumber|sampel)(?![\w-])")
# "Uji coba aplikasi kasir di Pasar X menunjukkan omzet naik 20 persen": how a trial went, no study's finding.
_TRIAL = re.compile(r"^(?:[A-Z][a-z]+, )?(?:[Hh]asil )?(?:[Uu]ji ?coba|[Pp]ercontohan|[Pp]ilot project)(?![\w-])")
# "61 persen responden kesulitan …", "Dari 400 perajin yang disurvei, …", "Hasilnya, 60 persen …",
# "hasil survei tersebut", "Hasil survei menunjukkan …": a finding of the study told last.
_SHARE = re.compile(r"(?<![\w-])(?:sebagian besar|mayoritas|kebanyakan)(?![\w-])", re.IGNORECASE)
_OF_THE_LAST = re.compile(r"(?<![\w-])(?:responden|hasilnya|yang (?:di)?survei|"
                          r"(?:survei|studi|riset|kajian|penelitian) (?:itu|ini|tersebut)|"
                          r"hasil (?:survei|studi|riset|kajian|penelitian)(?! (?-i:[A-Z])))"  # not "hasil Survei X"
                          r"(?![\w-])", re.IGNORECASE)


def findings(found: Proposals) -> None:
    """One finding per sentence that reports a figure or what a source showed, not said by
    anyone and not a plan; linked to a study named in the sentence."""
    said = [i.span for i in found.items.values() if i.type in _SPOKEN]
    titles = [v.span for k, v in found.article.items() if k in ("headline", "subheadline") and v.span is not None]
    sentences = ArticleText(found.text).sentences
    for index, sentence in enumerate(sentences):
        words = sentence.text
        if any(s.start < sentence.end and sentence.start < s.end for s in said + titles) or re.search(r"[\"“”]", words):
            continue
        if _study_told_next(found, sentence, sentences[index + 1:index + 2]) or HOW_DONE.match(words):
            continue  # "Survei itu dilakukan terhadap 400 pelaku usaha …": how the study was made, no finding
        if _SAMPLE.search(words) or _TRIAL.search(words):
            continue
        based = _BASED_ON.search(words)
        surveyed = _OF_THE_LAST.search(words) is not None and (_FIGURE.search(words) or _SHARE.search(words))
        if based is None and (_NOT_FOUND.search(words) or not (
                _SHOWS.search(words) or surveyed or (_REPORTS.search(words) and _FIGURE.search(words)))):
            continue
        start = max(sentence.start + (based.start("rest") if based else 0), _after_dateline(found))
        rule = "finding-based-on" if based else "finding-respondents" if surveyed else "finding-figure"
        for body in _contrasted(found.text[start:sentence.end].rstrip(". ")):
            if len(body.split()) < 5:
                continue
            label = " ".join(body.split()[:8]).rstrip(",") + " …"
            item = found.add(Item(slug("temuan " + " ".join(body.split()[:8]))[:60].rstrip("-"), "Finding", label,
                                  Span(sentence.start, sentence.end), rule, 0.5 if based else 0.4))
            item.add("text", Value(body))
            _of_study(found, item, sentence)


# "… baru 27 persen pelaku UMKM berjualan di lokapasar, sedangkan 58 persen menyebut ongkos kirim …":
# two figures set against each other, two findings; "…, sedangkan yang pernah mengirim … hanya 9 persen":
# the second share told of the first's people, one.
_CONTRAST = re.compile(r", (?:sedangkan|sementara|adapun) (?=(?:sekitar |hanya |baru |lebih dari )?\d)")


def _contrasted(body: str) -> list[str]:
    """The sentence's finding, or its two halves when each gives its own figure."""
    match = _CONTRAST.search(body)
    if match is None or not _FIGURE.search(body[:match.start()]):
        return [body]
    return [body[:match.start()], body[match.end():]]


_SURVEYED_WHEN = re.compile(r"(?<![\w-])(?:di)?survei (?:pada|sepanjang|selama) (?:[A-Z][a-z]+ )?(?:tahun )?"
                            r"(?P<year>(?:19|20)\d\d)(?![\w-])")


def _of_study(found: Proposals, finding: Item, sentence: Sentence) -> None:
    """The study named or told in the sentence ("Survei bersama A dan B menemukan …"), else,
    when it speaks of respondents or "survei itu", the study told last before it."""
    words = sentence.text
    studies = [i for i in found.items.values() if i.type == "Study"]
    named = [s for s in studies if any(name in words for name in (s.label, *s.aliases))  # or told there
             or sentence.start <= s.span.start < sentence.end]
    if not named and _OF_THE_LAST.search(words):
        named = [max((s for s in studies if s.span.end <= sentence.start), key=lambda s: s.span.start, default=None)]
    when = _SURVEYED_WHEN.search(words)
    for study in filter(None, named):
        study.add("findings", Value(finding.ident, Span(sentence.start, sentence.end), "study-finding", 0.5))
        if when is not None and "period" not in study.fields:  # "Dari 400 perajin yang disurvei pada Agustus 2026"
            span = Span(sentence.start + when.start(), sentence.start + when.end())
            study.add("period", Value(when["year"], span, "study-surveyed-when", 0.5))


def _study_told_next(found: Proposals, sentence: Sentence, following: list[Sentence]) -> bool:
    """"Pusat Studi X mencatat …. Survei lembaga itu terhadap …": the organisation's words open a
    study the next sentence tells, with its finding; the first sentence is no finding of its own."""
    if not following:
        return False
    told = [s for s in found.items.values() if s.type == "Study"
            and following[0].start <= s.span.start < following[0].end]
    authors = [found.items[str(v.value)] for s in told for v in s.fields.get("author", [])
               if str(v.value) in found.items]
    return any(re.match(rf"{re.escape(a.label)}(?: \([^()]{{1,20}}\))?(?: [A-Z][\w-]*){{0,4}},? "
                        r"(?:mencatat|menemukan|mengungkapkan)(?![\w-])", sentence.text) for a in authors)


def _after_dateline(found: Proposals) -> int:
    """Where the text after the dateline ("JAKARTA, EKONOMIKINI.COM - ") starts."""
    dateline = found.article.get("dateline")
    if dateline is None or dateline.span is None:
        return 0
    return dateline.span.end + len(found.text[dateline.span.end:]) - len(found.text[dateline.span.end:].lstrip())
