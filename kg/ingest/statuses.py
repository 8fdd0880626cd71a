"""A collaboration's status from the words that tell it: a cue word of its clause (the
ontology's kg:cue lists: "akan", "sedang", "telah", "batal", "berharap" …), a future time
("pada November mendatang", "pekan depan": planned, whatever act the clause names), a start
with no end ("sejak Maret 2025": ongoing), or the next sentence pointing back to it ("Rencana
itu batal", "Kerja sama itu kini tengah memasuki tahun kedua")."""

from __future__ import annotations

import re

from kg.source.dates import MONTH_PATTERN

# Cues that are the act itself, not its tense: "menandatangani MoU" is told as done, but less surely.
ACT_CUES = frozenset({"menandatangani", "meneken", "teken", "diteken", "ditandatangani", "menunjuk", "ditunjuk",
                      "menuntaskan", "merampungkan"})
# A time still to come makes the act a plan ("Rencananya, pada November mendatang A dan B meneken …");
# "hingga tahun depan" is how long something runs, not when it starts.
_FUTURE = re.compile(rf"(?<![\w-])(?<!hingga )(?<!sampai )(?:(?:pekan|minggu|bulan|tahun) depan|"
                     rf"(?:{MONTH_PATTERN}|pekan|bulan|tahun) mendatang|nanti(?:nya)?)(?![\w-])", re.IGNORECASE)
# "sejak Maret 2025" with no end: under way since then ("berdiri sejak 2015" tells an organisation's age);
# "sejak Juni 2025 hingga kini" runs to now, no end either.
_SINCE = re.compile(rf"(?<![\w-])(?<!berdiri )(?<!didirikan )(?<!dibentuk )(?<!beroperasi )sejak "
                    rf"(?:(?:awal|akhir|pertengahan) )?(?:{MONTH_PATTERN} )?(?:tahun )?(?:19|20)\d\d(?![\w-])"
                    rf"(?! (?:hingga|sampai) (?!(?:kini|sekarang|saat ini|hari ini)(?![\w-])))", re.IGNORECASE)
_REGION_WORD = re.compile(r"Tengah(?![\w-])")  # "Jawa Tengah", "Sulawesi Tengah": capitalised in any text
_ENDED = re.compile(r"(?<![\w-])(?:berakhir|selesai|dihentikan|berhenti|terhenti)(?![\w-])", re.IGNORECASE)
# "kerja samanya diputus sepihak": cut off, as good as called off ("diputuskan" is decided, not this).
_CUT_OFF = re.compile(r"(?<![\w-])diputus(?![\w-])", re.IGNORECASE)
_PATTERNS = {"planned": _FUTURE, "ongoing": _SINCE, "cancelled": _CUT_OFF}
# A plan given up: "gagal terwujud", "kandas", "tidak dilanjutkan", "batal", "urung", "tidak jadi".
GIVEN_UP = (r"(?:gagal terwujud|kandas|tidak dilanjutkan|(?:di)?batal(?:kan)?|membatalkan|(?:di)?urung(?:kan)?|"
            r"tidak jadi)(?![\w-])")
_UNTIL = re.compile(r" (?:akan )?(?:berlangsung|berjalan|berlanjut|bertahan) (?:hingga|sampai)(?![\w-])")
# "sudah berjalan sejak Mei 2025", "telah berlangsung": done is the start, the work itself still runs.
_RUNNING = re.compile(r" (?:berjalan|berlangsung)(?![\w-])")
# "Rencana itu batal karena …", "Kerja sama itu kini tengah …", "…, namun rencana itu urung", "Namun, kontrak
# kemitraan itu diperpanjang …": a clause that opens by pointing back.
POINTS_BACK = re.compile(r"\s*(?:(?:Namun|Sayangnya|Sayang|Akan tetapi|Tetapi|Kini|Saat ini|Hingga kini),? )?"
                         r"(?i:(?:kontrak |perjanjian )?(?:rencana|kerja ?sama|kemitraan|kolaborasi|sinergi)|kontrak)"
                         r"(?: (?:kedua pihak|keduanya))? "
                         r"(?:itu|ini|tersebut)(?![\w-])")


def clause_status(words: str, cues: dict[str, list[str]], title: bool = False) -> tuple[str, int, int] | None:
    """The clause's status and its cue's offsets in it. A cancellation or a hope overrides a
    plan ("berharap … akan"), a plan overrides what is under way ("tengah menyiapkan"), a time
    to come overrides the act ("meneken … pekan depan"). In a title every word is capitalised:
    there a capitalised cue is a cue too."""
    lower = words.lower()
    for status in ("cancelled", "aspired", "planned", "completed", "ongoing"):
        for cue in sorted(cues.get(status, []), key=lambda c: c in ACT_CUES):  # "telah" before "menandatangani"
            passive = r"(?:di)?{}(?:kan)?" if status == "cancelled" else "{}"  # "batal": "dibatalkan" too
            for match in re.finditer(rf"(?<![\w-]){passive.format(re.escape(cue))}(?![\w-])", lower):
                if status == "planned" and _UNTIL.match(lower, match.end()):
                    continue  # "direncanakan berlangsung hingga Desember": how long it runs, no plan to start
                running = _RUNNING.match(lower, match.end()) if status == "completed" else None
                if running is not None and not _ENDED.search(words):
                    return "ongoing", match.start(), running.end()  # "sudah berjalan": under way, not done
                if title and _REGION_WORD.match(words, match.start()) and re.search(r"[A-Z]\w* \Z",
                                                                                    words[:match.start()]):
                    continue  # "Sulawesi Tengah Gandeng …": a region's name in a title, not "tengah"
                if title or not re.search(r"\w \Z", words[:match.start()]) or words[match.start()].islower():
                    return status, match.start(), match.end()  # not "Jawa Tengah": a cue inside a name
        told = _told_by_time(status, words)
        if told is not None:
            return told
    return None


def started(words: str) -> re.Match[str] | None:
    """"sejak Mei 2025" with no end: when what is under way began."""
    return _SINCE.search(words)


def _told_by_time(status: str, words: str) -> tuple[str, int, int] | None:
    """A plan told by a time to come, or what is under way told by its start with no end."""
    pattern = _PATTERNS.get(status)
    match = pattern.search(words) if pattern is not None else None
    if match is None or (status == "ongoing" and _ENDED.search(words)):
        return None
    return status, match.start(), match.end()
