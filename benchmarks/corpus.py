"""A deterministic generator of complete synthetic kg project folders, for scale benchmarks and tests.

    python -m benchmarks.corpus --articles N --out DIR [--seed S] [--no-status-changes] [--force]

Unlike benchmarks/generate.py, which writes RDF shaped like kg's output, this writes the
*input* of `kg build`: ontology/ and queries/ copied from the repository, data/dataset.yaml,
a gazetteer data/places.yaml (the repository's plus the places the articles use), and for each
article a news-like Indonesian text (data/articles/<id>.txt) with its hand-annotation-style
YAML (data/articles/<id>.yaml). The texts are synthetic: every company, startup, programme
and person apart from the seed article's organisations is made up from word pools.

The YAML passes every check of `kg build`: each evidence is the exact text at a known offset
(with `occurrence` when the words recur), labels and aliases appear in their evidence, counts
and dates agree with the text, weekday names match their dates, and each status is worded
with its cue words. Entities recur like real news: a few hubs (lazada, pemprov-jatim,
kemenkominfo, ozora, tribunjatim…) in many articles, a Zipf-distributed long tail from pools
that grow with N, each shared entity declared in every article that mentions it with that
article's evidence and the same type and label. Collaborations recur in later-dated articles
with a new status (planned -> ongoing -> completed, or -> cancelled), each worded with its
own cue words: the build keeps one dated status statement per article and states the latest
as the preferred one, so the merged graph conforms either way. `--no-status-changes` keeps
recurring collaborations at one status (a corpus with no history to show).

Same arguments, same bytes. Articles are written one at a time, in date order, so memory
stays small: 10,000 articles take about 8 s of CPU and 52 MB (benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import math
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from pathlib import Path
from random import Random
from typing import NamedTuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
START, END = dt.date(2021, 1, 1), dt.date(2025, 12, 31)
DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")  # Monday first, as kg.dates
MONTH_NAMES = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
               "Oktober", "November", "Desember")
ZIPF_S = 1.1
STRIDE = 7919  # a prime: steps through a pool's combinations in an order that looks random

# --- word pools: real places and bodies, made-up companies and people ---------------------------
# (id, label, short name, [(place id, label, type)]: the first place is the provincial capital)
PROVINCES = (
    ("jawa-timur", "Jawa Timur", "Jatim", [("surabaya", "Surabaya", "City"), ("sidoarjo", "Sidoarjo", "Regency"),
     ("jember", "Jember", "Regency"), ("banyuwangi", "Banyuwangi", "Regency"), ("gresik", "Gresik", "Regency"),
     ("bojonegoro", "Bojonegoro", "Regency"), ("pamekasan", "Pamekasan", "Regency")]),
    ("jawa-tengah", "Jawa Tengah", "Jateng", [("surakarta", "Surakarta", "City"), ("kudus", "Kudus", "Regency"),
     ("salatiga", "Salatiga", "City"), ("demak", "Demak", "Regency")]),
    ("jawa-barat", "Jawa Barat", "Jabar", [("depok", "Depok", "City"), ("cimahi", "Cimahi", "City"),
     ("karawang", "Karawang", "Regency"), ("garut", "Garut", "Regency")]),
    ("dki-jakarta", "DKI Jakarta", "DKI", [("jakarta-selatan", "Jakarta Selatan", "City"),
     ("jakarta-pusat", "Jakarta Pusat", "City")]),
    ("di-yogyakarta", "DI Yogyakarta", "DIY", [("yogyakarta", "Yogyakarta", "City"), ("sleman", "Sleman", "Regency"),
     ("bantul", "Bantul", "Regency")]),
    ("bali", "Bali", "Bali", [("denpasar", "Denpasar", "City"), ("badung", "Badung", "Regency"),
     ("gianyar", "Gianyar", "Regency")]),
    ("sulawesi-selatan", "Sulawesi Selatan", "Sulsel", [("makassar", "Makassar", "City"), ("gowa", "Gowa", "Regency"),
     ("maros", "Maros", "Regency")]),
    ("sumatera-utara", "Sumatera Utara", "Sumut", [("medan", "Medan", "City"),
     ("deli-serdang", "Deli Serdang", "Regency")]),
    ("kalimantan-timur", "Kalimantan Timur", "Kaltim", [("balikpapan", "Balikpapan", "City"),
     ("samarinda", "Samarinda", "City")]),
    ("banten", "Banten", "Banten", [("tangerang-selatan", "Tangerang Selatan", "City"),
     ("cilegon", "Cilegon", "City")]),
    ("sumatera-barat", "Sumatera Barat", "Sumbar", [("padang", "Padang", "City"),
     ("bukittinggi", "Bukittinggi", "City")]),
    ("nusa-tenggara-barat", "Nusa Tenggara Barat", "NTB", [("mataram", "Mataram", "City"),
     ("lombok-tengah", "Lombok Tengah", "Regency")]),
)
DINAS_TOPICS = (("kukm", "Dinas Koperasi dan UKM"), ("kominfo", "Dinas Komunikasi dan Informatika"),
                ("perindag", "Dinas Perindustrian dan Perdagangan"), ("naker", "Dinas Tenaga Kerja"))
DINAS_ROLES = ("Kepala", "Sekretaris")
MINISTRIES = (
    ("kemenkominfo", "Kementerian Komunikasi dan Informatika", "Kemenkominfo"),
    ("kemenkopukm", "Kementerian Koperasi dan UKM", "KemenKopUKM"),
    ("kemenparekraf", "Kementerian Pariwisata dan Ekonomi Kreatif", "Kemenparekraf"),
    ("kemendag", "Kementerian Perdagangan", "Kemendag"),
    ("kemenperin", "Kementerian Perindustrian", "Kemenperin"),
    ("kemnaker", "Kementerian Ketenagakerjaan", "Kemnaker"),
    ("kemendikbudristek", "Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi", "Kemendikbudristek"),
    ("kementerian-bumn", "Kementerian Badan Usaha Milik Negara", "Kementerian BUMN"),
)
# (id, label, how the text names it when it is spoken to)
OUTLETS = (
    ("tribunjatim", "TribunJatim.com", "Tribun Jatim Network"), ("kabarnusa", "KabarNusa.com", "KabarNusa"),
    ("suaradaerah", "SuaraDaerah.id", "SuaraDaerah"), ("wartadigital", "WartaDigital.com", "WartaDigital"),
    ("ekonomikita", "EkonomiKita.co.id", "EkonomiKita"), ("jendelabisnis", "JendelaBisnis.com", "JendelaBisnis"),
    ("lintaskota", "LintasKota.id", "LintasKota"), ("pelitadaerah", "PelitaDaerah.com", "PelitaDaerah"),
)
COMPANY_ROLES = ("CEO", "Direktur Utama", "Head of Public Affairs", "SVP Seller Operations")
STARTUP_ROLES = ("Co-Founder", "CEO")
FIRST = ("Adi", "Agus", "Ahmad", "Andi", "Anisa", "Arief", "Ayu", "Bambang", "Bayu", "Budi", "Citra", "Dedi",
         "Dewi", "Dian", "Dimas", "Eka", "Endah", "Fajar", "Fitri", "Galih", "Hadi", "Hendra", "Indah", "Irfan",
         "Joko", "Kartika", "Lukman", "Maya", "Nanda", "Novi", "Putri", "Rahmat", "Rani", "Reza", "Rina", "Rizky",
         "Sari", "Sigit", "Siti", "Sri", "Taufik", "Tika", "Wahyu", "Wulan", "Yanti", "Yoga", "Yudi", "Zahra")
LAST = ("Pratama", "Saputra", "Wijaya", "Santoso", "Hidayat", "Nugroho", "Kusuma", "Setiawan", "Purnomo",
        "Wibowo", "Susanto", "Gunawan", "Hartono", "Utomo", "Rahayu", "Permana", "Siregar", "Nasution", "Harahap",
        "Lubis", "Simanjuntak", "Situmorang", "Sinaga", "Tanjung", "Hasibuan", "Pohan", "Rangkuti", "Daulay",
        "Batubara", "Wulandari", "Anggraini", "Maharani", "Puspita", "Safitri", "Ramadhan", "Firmansyah",
        "Kurniawan", "Hakim", "Syahputra", "Fauzi", "Mahendra", "Prasetyo", "Sulistyo", "Handoko", "Suryadi",
        "Iskandar", "Rosyid", "Effendi", "Halim", "Marpaung")
MIDDLE = ("Dwi", "Eko", "Bagus", "Indra", "Arya", "Surya", "Bima", "Cahya", "Dharma", "Gita", "Intan", "Jaya",
          "Kurnia", "Laksana", "Mulya", "Okta", "Prima", "Ratna", "Sakti", "Tirta", "Wira", "Yuda", "Zaki",
          "Agung", "Bintang", "Candra", "Esa", "Gilang", "Harsa", "Ilham", "Kirana", "Pandu")
COMPANY_WORDS = (
    ("Sinar", "Mitra", "Cipta", "Karya", "Bumi", "Prima", "Mega", "Arta", "Griya", "Surya", "Buana", "Citra",
     "Cakra", "Nusa", "Dirga", "Adhi", "Bahtera", "Tunas"),
    ("Data", "Niaga", "Solusi", "Teknologi", "Digital", "Logistik", "Informatika", "Media", "Kreasi", "Sistem",
     "Dagang", "Inovasi"),
    ("Nusantara", "Indonesia", "Persada", "Utama", "Mandiri", "Abadi", "Sejahtera", "Global"),
)
STARTUP_WORDS = (
    ("Tani", "Nusa", "Warung", "Pasar", "Kopi", "Batik", "Kriya", "Dagang", "Ternak", "Laut", "Desa", "Jalan",
     "Rumah", "Sawah", "Kebun", "Ikan", "Sayur", "Buku", "Guru", "Santri", "Bengkel", "Kurir", "Kios", "Toko",
     "Resep", "Jamu", "Tenun", "Panen"),
    ("Ku", "Kita", "Pay", "Hub", "Go", "Mart", "Link", "Pro", "Box", "Lab", "Nesia", "Tech", "Ria", "Loka"),
)
PROGRAM_WORDS = (
    ("Gerakan", "Akademi", "Sekolah", "Inkubator", "Kampus", "Gerai", "Klinik", "Rumah"),
    ("UMKM", "Talenta", "Ekspor", "Petani", "Nelayan", "Kreator", "Koperasi", "Perempuan", "Santri", "Pemuda",
     "Desa", "Pasar"),
    ("Digital", "Go Online", "Naik Kelas", "Berdaya", "Mandiri", "Unggul", "Juara", "Cerdas"),
)
INITIATIVE_WORDS = (("Gerakan", "Program", "Inisiatif", "Akademi"),
                    ("Tumbuh", "Maju", "Cakap", "Bangkit", "Jaya", "Karya", "Langkah", "Pintar"),
                    ("Digital", "Bersama", "Nusantara", "Indonesia"))
VENUE_WORDS = ("Cendana", "Kenanga", "Melati", "Anggrek", "Cempaka", "Dahlia", "Flamboyan", "Tanjung", "Permata",
               "Mutiara", "Nirwana", "Pelangi", "Samudra", "Cakrawala", "Bintang", "Kencana")
EXTRA_WORDS = ("Raya", "Sentosa", "Makmur", "Lestari", "Perkasa", "Gemilang", "Cemerlang", "Bersama", "Terpadu",
               "Inklusif", "Berkelanjutan", "Hebat", "Maju", "Bahari", "Semesta", "Pertiwi")

SECTIONS = ("Berita {short}", "Ekonomi", "Bisnis", "Teknologi", "Regional")
HEADLINE_LEADS = ("Kolaborasi Jadi Kunci Dorong Pemberdayaan Ekosistem Ekonomi Digital", "Dorong Digitalisasi UMKM",
                  "Perkuat Ekosistem Start Up", "Cetak Talenta Digital", "Genjot Ekonomi Digital Daerah")
HEADLINE_CUES = {"planned": "Siap", "ongoing": "Terus", "completed": "Sukses", "aspired": "Ingin"}
THEMES = ("pemberdayaan talenta digital", "digitalisasi UMKM", "penguatan ekosistem start up", "literasi digital",
          "kewirausahaan digital", "pengembangan ekonomi kreatif")
PURPOSES = ("pemberdayaan talenta digital", "digitalisasi UMKM di daerah",
            "pelatihan pemasaran digital bagi pelaku usaha", "perluasan akses pasar produk lokal melalui e-commerce",
            "peningkatan literasi keuangan digital", "penguatan ekosistem start up berbasis digital",
            "pengembangan desa digital", "pendampingan ekspor produk UMKM",
            "peningkatan keterampilan digital pemuda", "transformasi digital koperasi")
OUTCOMES = ("menciptakan lebih banyak UMKM yang sukses di dunia digital",
            "membuka lapangan kerja baru bagi talenta muda",
            "meningkatkan penjualan produk lokal", "memperluas jangkauan pasar pelaku usaha",
            "mencetak lebih banyak wirausaha digital")
FINDINGS = ("untuk menumbuhkan talenta di ekosistem ekonomi digital diperlukan adanya kolaborasi dan kemitraan "
            "intensif antara pemerintah dan pihak swasta",
            "sebagian besar pelaku UMKM masih membutuhkan pendampingan dalam pemasaran digital",
            "penjualan daring UMKM meningkat setelah mengikuti pelatihan digital",
            "akses internet yang merata menjadi kunci pertumbuhan ekonomi digital di daerah",
            "literasi keuangan digital pelaku usaha kecil masih perlu ditingkatkan",
            "kolaborasi lintas sektor mempercepat adopsi teknologi oleh UMKM")
PARTNERS = ("lebih banyak elemen pemerintah, organisasi, maupun sektor swasta", "pemerintah daerah lain di Indonesia",
            "komunitas UMKM dan start up lokal", "perguruan tinggi dan lembaga pelatihan")
TRAINING_TOPICS = ("Pemasaran Digital", "Fotografi Produk", "Pengelolaan Toko Daring", "Literasi Keuangan Digital",
                   "Ekspor Digital")
MINISTRY_PURPOSES = ("percepatan transformasi digital UMKM", "pengembangan talenta digital nasional",
                     "perluasan akses pembiayaan digital")
# Status wording: every phrase holds one of the status's cue words in ontology/kg.ttl (kg:cue).
FIRST_CUES = {
    "planned": ("siap menggandeng", "akan menggandeng", "berencana bekerja sama dengan"),
    "ongoing": ("sedang menjalankan kerja sama dengan", "tengah bekerja sama dengan"),
    "completed": ("telah bekerja sama dengan", "sudah menjalin kerja sama dengan"),
    "aspired": ("berharap dapat bekerja sama dengan", "ingin menggandeng"),
}
FIRST_STATUS = (("planned", 0.55), ("ongoing", 0.2), ("completed", 0.15), ("aspired", 0.1))
# A later article's news about a recurring collaboration: the next status and its wording,
# "{a}", "{b}", "{p}" for the participants and purpose, the cue phrase between bars.
FOLLOW_UPS = {
    "ongoing": ("Kolaborasi {a} dan {b} dalam {p} |kini sedang berjalan|.",
                "{a} dan {b} |terus menjalankan kolaborasi yang tengah berjalan| dalam {p}."),
    "completed": ("{a} dan {b} |telah menuntaskan kolaborasi| dalam {p}.",
                  "Kolaborasi {a} dan {b} dalam {p} |sudah rampung| dilaksanakan."),
    "cancelled": ("Rencana kolaborasi {a} dan {b} dalam {p} |batal dilaksanakan|.",
                  "{a} dan {b} |tidak jadi melanjutkan| kolaborasi dalam {p}."),
    "planned": ("{a} dan {b} |masih akan melanjutkan| rencana kolaborasi dalam {p}.",),
}
TRANSITIONS = {"planned": (("ongoing", 0.45), ("completed", 0.3), ("cancelled", 0.25)),
               "ongoing": (("completed", 0.7), ("cancelled", 0.3))}
MULTI_FIELDS = frozenset({"aliases", "holds", "operated_by", "hosted_at", "location", "organizer",
                          "participants_from", "author", "findings", "participants", "acting_through",
                          "resulted_in"})


# --- values and entities -------------------------------------------------------------------------
class Span(NamedTuple):
    """A half-open range of code points in the article text: how evidence is located."""

    start: int
    end: int


class Ref(NamedTuple):
    """A reference to another entity; dropped when the target is not declared where it is used."""

    id: str


class Ev(NamedTuple):
    """A field value with its own evidence, so checks on text, counts, dates and cues use it."""

    value: str | int | dt.date
    span: Span


class Held(NamedTuple):
    """A post held on a date (holds: {value: post, as_of: date})."""

    post: str
    as_of: dt.date


@dataclass
class Entity:
    """A stable entity: the same id, type and label in every article that mentions it.

    A post or a study is named after an organisation (`prefix` + the organisation's label),
    so writing it also mentions, and declares, the organisation its reference points to.
    """

    id: str
    type: str
    label: str
    short: str | None = None
    refs: dict[str, str] = field(default_factory=dict)
    prefix: str = ""
    inner: Entity | None = None
    operator: Entity | None = None


@dataclass
class Decl:
    """An entity as one article declares it: the first evidence and the fields gathered."""

    entity: Entity
    span: Span
    fields: dict[str, list] = field(default_factory=dict)


@dataclass
class Thread:
    """A collaboration that later articles may report on again, with its latest status."""

    entity: Entity
    participants: list[Entity]
    purpose: str
    status: str
    last: dt.date


# --- naming ----------------------------------------------------------------------------------------
def slug(text: str) -> str:
    """An id from a name: lower-case words joined by hyphens (kg's id pattern)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def compose(index: int, pools: tuple[tuple[str, ...], ...]) -> tuple[list[str], int]:
    """The index-th combination of one word per pool, and how often the combinations wrapped.

    Mixed-radix digits make every index its own name, so pools can grow lazily and names
    never repeat; the wrap count lets callers add a further word when a pool runs out.
    """
    capacity = math.prod(len(pool) for pool in pools)
    wraps, rest = divmod(index, capacity)
    rest = rest * STRIDE % capacity if math.gcd(STRIDE, capacity) == 1 else rest  # neighbours differ in every word
    words = []
    for pool in pools:
        rest, digit = divmod(rest, len(pool))
        words.append(pool[digit])
    return words, wraps


def extra(wraps: int) -> str:
    """A distinguishing tail for names past the end of their word pools."""
    if wraps == 0:
        return ""
    word = EXTRA_WORDS[(wraps - 1) % len(EXTRA_WORDS)]
    rounds = (wraps - 1) // len(EXTRA_WORDS)
    return f" {word}" + (f" {rounds + 1}" if rounds else "")


def acronym(label: str) -> str:
    """Initials of a programme's name, as news writes it in brackets after the name."""
    return "".join(word[0].upper() for word in label.split())


def person_name(index: int) -> str:
    """The index-th made-up Indonesian name; a middle name is added once the pairs run out."""
    (first, last), wraps = compose(index, (FIRST, LAST))
    if wraps == 0:
        return f"{first} {last}"
    return f"{first} {MIDDLE[(wraps - 1) % len(MIDDLE)]} {last}{extra((wraps - 1) // len(MIDDLE))}"


def news_date(day: dt.date) -> str:
    """A date as news writes it in brackets: "Selasa (9/8/2022)", weekday always right."""
    return f"{DAY_NAMES[day.weekday()]} ({day.day}/{day.month}/{day.year})"


def long_date(day: dt.date) -> str:
    """The publication line's date: "Selasa, 9 Agustus 2022"."""
    return f"{DAY_NAMES[day.weekday()]}, {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


class Zipf:
    """Skewed choice of a pool index: index 0 is the hub, the tail long (weights 1/(i+1)^s)."""

    def __init__(self, size: int, s: float = ZIPF_S) -> None:
        total, self.cumulative = 0.0, []
        for rank in range(size):
            total += 1.0 / (rank + 1) ** s
            self.cumulative.append(total)
        self.total = total

    def pick(self, rng: Random) -> int:
        return min(bisect.bisect_left(self.cumulative, rng.random() * self.total), len(self.cumulative) - 1)


def weighted(rng: Random, choices: tuple[tuple[str, float], ...]) -> str:
    """One of a few labelled choices by probability."""
    draw = rng.random()
    for value, weight in choices:
        draw -= weight
        if draw < 0:
            return value
    return choices[-1][0]


# --- the world: stable entities, made the first time an article needs them ---------------------------
class World:
    """Every entity that can recur across articles, built lazily and cached by its key.

    Pools whose size grows with the corpus (companies, startups, venues) are sized from the
    article count, so a bigger corpus has a longer tail, as a bigger news archive does.
    """

    def __init__(self, articles: int, gazetteer: dict[str, Entity]) -> None:
        self.places = gazetteer
        self.claimed: set[str] = set(gazetteer)
        self.suffixes: dict[str, int] = {}
        self.cache: dict[tuple, Entity] = {}
        self.made: dict[str, int] = {}
        tail = max(articles, 1)
        self.zipf = {"province": Zipf(len(PROVINCES)), "topic": Zipf(len(DINAS_TOPICS)),
                     "ministry": Zipf(len(MINISTRIES)), "outlet": Zipf(len(OUTLETS)),
                     "company": Zipf(10 + tail // 4), "startup": Zipf(10 + tail // 4),
                     "venue": Zipf(3 + tail // 60), "program": Zipf(4), "staff": Zipf(3 + tail // 400)}

    def pick(self, rng: Random, pool: str) -> int:
        return self.zipf[pool].pick(rng)

    def claim(self, ident: str) -> str:
        """A corpus-wide unique id: the wanted one, or it with the next free number (remembered
        per stem, so the thousandth quote of a hub's spokesperson costs no more than the first)."""
        unique, n = ident, self.suffixes.get(ident, 1)
        while unique in self.claimed:
            n += 1
            unique = f"{ident}-{n}"
        self.suffixes[ident] = n
        self.claimed.add(unique)
        return unique

    def count(self, kind: str) -> int:
        """How many entities of a made-up kind exist so far: the next one's name index."""
        self.made[kind] = self.made.get(kind, -1) + 1
        return self.made[kind]

    def _get(self, key: tuple, make: Callable[[], Entity]) -> Entity:
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    def gov(self, index: int) -> Entity:
        pid, label, short, _ = PROVINCES[index]
        return self._get(("gov", index), lambda: Entity(
            self.claim(f"pemprov-{slug(short)}"), "ProvincialGovernment", f"Pemerintah Provinsi {label}",
            refs={"jurisdiction": pid}))

    def dinas(self, index: int, topic: int) -> Entity:
        """A provincial office; Jatim's cooperatives office keeps the seed article's name."""
        def make() -> Entity:
            _, label, short, _ = PROVINCES[index]
            key, name = DINAS_TOPICS[topic]
            title = f"{name} Provinsi {label}" if (index, topic) != (0, 0) else \
                "Dinas Koperasi, Usaha Kecil dan Menengah (UKM) Jatim"
            return Entity(self.claim(f"dinas-{key}-{slug(short)}"), "Dinas", title,
                          refs={"part_of": self.gov(index).id})
        return self._get(("dinas", index, topic), make)

    def ministry(self, index: int) -> Entity:
        ident, label, short = MINISTRIES[index]
        return self._get(("ministry", index), lambda: Entity(self.claim(ident), "Ministry", label, short))

    def outlet(self, index: int) -> Entity:
        ident, label, spoken = OUTLETS[index]
        return self._get(("outlet", index), lambda: Entity(self.claim(ident), "MediaOutlet", label, spoken))

    def company(self, index: int) -> Entity:
        """The index-th company by popularity: Lazada, then made-up names."""
        def make() -> Entity:
            if index == 0:
                return Entity(self.claim("lazada"), "Company", "Lazada")
            words, wraps = compose(index - 1, COMPANY_WORDS)
            label = " ".join(words) + extra(wraps)
            return Entity(self.claim(slug(label)), "Company", label)
        return self._get(("company", index), make)

    def startup(self, index: int) -> Entity:
        """The index-th startup by popularity: Ozora, then made-up one-word brands."""
        def make() -> Entity:
            if index == 0:
                return Entity(self.claim("ozora"), "Startup", "Ozora")
            words, wraps = compose(index - 1, STARTUP_WORDS)
            label = "".join(words) + extra(wraps)
            return Entity(self.claim(slug(label)), "Startup", label)
        return self._get(("startup", index), make)

    def program(self, operator: Entity, rank: int) -> Entity:
        """The rank-th programme of an operator: Programs (with an acronym) for governments,
        Initiatives for companies; the seed article's programmes are Jatim's and Lazada's first."""
        return self._get(("program", operator.id, rank), lambda: self._new_program(operator, rank))

    def _new_program(self, operator: Entity, rank: int) -> Entity:
        program = self._name_program(operator, rank)
        program.operator = operator
        return program

    def _name_program(self, operator: Entity, rank: int) -> Entity:
        """The seed article's programmes for their operators, made-up names for the rest."""
        refs = {"operated_by": operator.id}
        seeds = {("pemprov-jatim", 0): ("millenial-job-center", "Program", "Millenial Job Center", "MJC"),
                 ("pemprov-jatim", 1): ("east-java-super-corridor", "Program", "East Java Super Corridor", "EJSC"),
                 ("lazada", 0): ("gerakan-akar-digital", "Initiative", "Gerakan AKAR Digital", None)}
        if (operator.id, rank) in seeds:
            ident, kind, label, short = seeds[(operator.id, rank)]
            return Entity(self.claim(ident), kind, label, short, refs)
        if operator.type == "Company":
            words, wraps = compose(self.count("initiative"), INITIATIVE_WORDS)
            label = " ".join(words) + extra(wraps)
            return Entity(self.claim(slug(label)), "Initiative", label, refs=refs)
        words, wraps = compose(self.count("program"), PROGRAM_WORDS)
        label = " ".join(words) + extra(wraps)
        return Entity(self.claim(slug(label)), "Program", label, acronym(label), refs)

    def team(self, program: Entity) -> Entity:
        short = program.short or acronym(program.label)
        return self._get(("team", program.id), lambda: Entity(
            self.claim(f"tim-{slug(short)}"), "Team", f"Tim {short}", refs={"team_of": program.id}))

    def post(self, org: Entity, role: str) -> Entity:
        return self._get(("post", org.id, role), lambda: Entity(
            self.claim(f"{slug(role)}-{org.id}"), "Post", f"{role} {org.label}", prefix=f"{role} ", inner=org,
            refs={"post_in": org.id}))

    def person(self, key: tuple) -> Entity:
        """The person behind a key (a post, or an outlet's k-th reporter): one made-up name each."""
        def make() -> Entity:
            name = person_name(self.count("person"))
            return Entity(self.claim(slug(name)), "Person", name, name.split()[0])
        return self._get(("person", *key), make)

    def venue(self, province: int, rank: int) -> Entity:
        return self._get(("venue", province, rank), lambda: self._new_venue(province, rank))

    def _new_venue(self, province: int, rank: int) -> Entity:
        """A hotel or hall in one of the province's places; Jatim's first is the seed article's hotel."""
        if (province, rank) == (0, 0):
            return Entity(self.claim("hotel-luminor-sidoarjo"), "Hotel", "Hotel Luminor Sidoarjo",
                          refs={"within": "sidoarjo"})
        places = PROVINCES[province][3]
        pools = (VENUE_WORDS, places, ("Hotel", "Gedung"))
        (word, place, kind), wraps = compose(self.count(f"venue-{province}"), pools)
        label = f"{kind} {word} {place[1]}{extra(wraps)}"
        return Entity(self.claim(slug(label)), "Hotel" if kind == "Hotel" else "Facility", label,
                      refs={"within": place[0]})

    def space(self, province: int) -> Entity:
        """The province's co-working space, run by its government (Jatim's: the seed's KUKM Jatim space)."""
        def make() -> Entity:
            _, _, short, places = PROVINCES[province]
            label = "KUKM Jatim space" if province == 0 else f"Ruang Kreatif {short}"
            return Entity(self.claim(slug(label)), "CoworkingSpace", label,
                          refs={"operated_by": self.gov(province).id, "within": places[0][0]})
        return self._get(("space", province), make)

    def study(self, org: Entity, year: int) -> Entity:
        return self._get(("study", org.id, year), lambda: Entity(
            self.claim(f"studi-{org.id}-{year}"), "Study", f"Studi {org.label}", prefix="Studi ", inner=org,
            refs={"author": org.id}))

    def hope(self, company: Entity) -> Entity:
        """A company's standing hope for more partners: one aspired collaboration it restates."""
        return self._get(("hope", company.id), lambda: Entity(
            self.claim(f"kolaborasi-{company.id}-pihak-lain"), "Collaboration",
            f"Harapan {company.label} berkolaborasi dengan lebih banyak pihak"))

    def local(self, stem: str) -> str:
        """An id for something one article alone reports (an event, a quote, a finding)."""
        return self.claim(slug(stem))


# --- one article: its text, built piece by piece, and what it declares --------------------------------
class Article:
    """The text of one article as it is written, and the entities it mentions with evidence.

    Every mention records the offsets it was written at, so evidence is always the exact
    text and, when the same words recur, the right occurrence can be named.
    """

    def __init__(self, ident: str, day: dt.date) -> None:
        self.id, self.day = ident, day
        self.parts: list[str] = []
        self.pos = 0
        self.meta: dict[str, Ev] = {}
        self.related: list[tuple[str, Span]] = []
        self.decls: dict[str, Decl] = {}

    def add(self, text: str) -> Span:
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return Span(start, self.pos)

    def write(self, *pieces: str | Entity | tuple[Entity, str]) -> list[Span]:
        """Write plain text, names (an entity) and aliases ((entity, alias)) in order and return
        each piece's span, so a paragraph reads as its sentence and takes evidence from it."""
        return [self.add(p) if isinstance(p, str) else self.name(p) if isinstance(p, Entity) else self.name(*p)
                for p in pieces]

    def since(self, start: int) -> Span:
        """The span from an earlier position to here: a sentence or clause as evidence."""
        return Span(start, self.pos)

    def name(self, entity: Entity, alias: str | None = None) -> Span:
        """Write an entity's name (or an alias it has already been introduced under) and
        declare it with this mention as evidence, if this article has not declared it yet."""
        start = self.pos
        if entity.inner is not None and alias is None:
            self.add(entity.prefix)
            self.name(entity.inner)
        else:
            self.add(alias or entity.label)
        span = self.since(start)
        if alias is None:
            self.declare(entity, span)
        else:
            assert entity.id in self.decls, f"{entity.id} named by its alias before its name"
            self.set(entity, "aliases", Ev(alias, span))
        return span

    def declare(self, entity: Entity, span: Span) -> Decl:
        if entity.id not in self.decls:
            self.decls[entity.id] = Decl(entity, span, {key: [Ref(ident)] for key, ident in entity.refs.items()})
        return self.decls[entity.id]

    def set(self, entity: Entity, key: str, value: object) -> None:
        """Add a field value; a single-valued field keeps its first value, lists skip repeats."""
        values = self.decls[entity.id].fields.setdefault(key, [])
        if values and (key not in MULTI_FIELDS or any(_same(v, value) for v in values)):
            return
        values.append(value)

    def text(self) -> str:
        return "".join(self.parts)

    def text_between(self, start: int, end: int) -> str:
        return self.text()[start:end]


def _same(a: object, b: object) -> bool:
    """Two field values say the same thing (an alias twice, a reference twice)."""
    return (a[0] if isinstance(a, tuple) else a) == (b[0] if isinstance(b, tuple) else b)


# --- the newsroom: who an article is about, and its paragraphs ---------------------------------------
@dataclass
class Cast:
    """The entities one article is about, chosen before any of it is written."""

    province: int
    gov: Entity
    dinas: Entity
    company: Entity
    startup: Entity
    outlet: Entity
    reporter: Entity
    editor: Entity
    program: Entity
    dateline: Entity
    status: str
    purpose: str


class Newsroom:
    """Writes the corpus's articles in date order, so a collaboration's later news follows its
    first and each status change is dated after the status it replaces."""

    def __init__(self, world: World, rng: Random, status_changes: bool = True) -> None:
        self.world, self.rng, self.status_changes = world, rng, status_changes
        self.threads: list[Thread] = []
        self.headlines: list[str] = []
        self.article_ids: set[str] = set()

    def cast(self) -> Cast:
        """Draw the article's actors: skewed choices, so hubs recur and the tail is long."""
        w, rng = self.world, self.rng
        province = w.pick(rng, "province")
        outlet = w.outlet(w.pick(rng, "outlet"))
        places = PROVINCES[province][3]
        gov = w.gov(province)
        return Cast(province, gov, w.dinas(province, w.pick(rng, "topic")), w.company(w.pick(rng, "company")),
                    w.startup(w.pick(rng, "startup")), outlet, w.person((outlet.id, "reporter", w.pick(rng, "staff"))),
                    w.person((outlet.id, "editor", w.pick(rng, "staff") % 3)), w.program(gov, w.pick(rng, "program")),
                    w.places[places[0][0] if rng.random() < 0.6 else rng.choice(places)[0]],
                    weighted(rng, FIRST_STATUS), rng.choice(PURPOSES))

    def write(self, day: dt.date) -> Article:
        """One article: header, lead, then a mix of the paragraph kinds real coverage has."""
        cast, rng = self.cast(), self.rng
        art = Article(self._article_id(cast, day), day)
        headline = self.header(art, cast)
        self.lead(art, cast)
        if rng.random() < 0.3:
            self.study(art, cast)
        head = self.official(art, cast)
        self.direct_quote(art, cast, head)
        if self.headlines:
            self.related(art)
        for chance, paragraph in ((0.6, self.programs), (0.5, self.networking), (0.4, self.ministry)):
            if rng.random() < chance:
                paragraph(art, cast, head)
        if rng.random() < 0.7:
            self.follow_up(art)
        spokesperson = self.remarks(art, cast)
        if rng.random() < 0.5:
            self.closing(art, cast, spokesperson)
        self.headlines = [*self.headlines[-49:], headline]
        return art

    def _article_id(self, cast: Cast, day: dt.date) -> str:
        """An id shaped like the seed's (outlet-date-province-company), numbered if taken."""
        stem = f"{cast.outlet.id}-{day.isoformat()}-{slug(PROVINCES[cast.province][2])}-{cast.company.id}"
        ident, n = stem, 1
        while ident in self.article_ids:
            n += 1
            ident = f"{stem}-{n}"
        self.article_ids.add(ident)
        return ident

    # -- header and lead -----------------------------------------------------------------------------
    def header(self, art: Article, cast: Cast) -> str:
        """Section, headline, subheadline, publication line, byline and report line."""
        rng, short = self.rng, PROVINCES[cast.province][2]
        section = rng.choice(SECTIONS).format(short=short)
        headline = (f"{rng.choice(HEADLINE_LEADS)}, {short} & {cast.company.label} "
                    f"{HEADLINE_CUES[cast.status]} Bersinergi")
        subheadline = f"Kolaborasi {cast.gov.label} dan {cast.company.label} untuk {cast.purpose}"
        published = f"{long_date(art.day)} {rng.randrange(6, 22):02d}:{rng.randrange(60):02d} WIB"
        for key, value in (("section", section), ("headline", headline), ("subheadline", subheadline)):
            art.meta[key] = Ev(value, art.add(value))
            art.add("\n")
        art.meta["published"] = Ev(art.day, art.add(published))
        self.byline(art, cast)
        return headline

    def byline(self, art: Article, cast: Cast) -> None:
        """Author, editor, the reporter's post at the outlet, and the dateline."""
        start = art.add("\nPenulis: ").end
        art.name(cast.reporter)
        art.meta["author"] = Ev(cast.reporter.id, art.since(start - len("Penulis: ")))
        start = art.add(" | ").end
        art.add("Editor: ")
        art.name(cast.editor)
        art.meta["editor"] = Ev(cast.editor.id, art.since(start))
        start = art.add("\n").end
        art.add("Laporan ")
        post = self.world.post(cast.outlet, "Wartawan")
        art.name(post)
        art.meta["publisher"] = Ev(cast.outlet.id, art.since(start))
        art.add(", ")
        art.name(cast.reporter)
        art.set(cast.reporter, "holds", Held(post.id, art.day))
        start = art.add("\n").end
        art.name(cast.outlet, cast.outlet.label.upper())
        art.add(f", {cast.dateline.label.upper()} -")
        art.meta["dateline"] = Ev(cast.dateline.id, art.since(start))
        art.add(" ")

    def lead(self, art: Article, cast: Cast) -> None:
        """The dateline paragraph: a government, through its office, and a company, with the
        collaboration's first status in its cue words."""
        outcome = self.rng.choice(OUTCOMES)
        s = art.write(cast.gov, " melalui ", cast.dinas, " ", self.rng.choice(FIRST_CUES[cast.status]), " ",
                      cast.company, " dalam ", cast.purpose, ". Kolaborasi ini diharapkan dapat ", outcome, ".")
        collab = self.collaboration(
            art, f"kolaborasi-{slug(PROVINCES[cast.province][2])}-{cast.company.id}",
            f"Kolaborasi {cast.gov.label} dan {cast.company.label} dalam {cast.purpose}",
            [cast.gov, cast.company], Ev(cast.status, s[4]), Span(s[0].start, s[8].end), Ev(cast.purpose, s[8]))
        art.set(collab.entity, "acting_through", Ref(cast.dinas.id))
        art.set(collab.entity, "expected_outcome", Ev(outcome, s[10]))

    def collaboration(self, art: Article, stem: str, label: str, participants: list[Entity], status: Ev,
                      evidence: Span, purpose: Ev | None = None) -> Thread:
        """A new collaboration; planned and ongoing ones may be reported on again later."""
        entity = Entity(self.world.local(stem), "Collaboration", label)
        thread = Thread(entity, participants, str(purpose.value) if purpose else "", str(status.value), art.day)
        self.declare_collaboration(art, thread, status, evidence, purpose)
        if thread.status in ("planned", "ongoing"):
            self.threads.append(thread)
        return thread

    def declare_collaboration(self, art: Article, thread: Thread, status: Ev, evidence: Span,
                              purpose: Ev | None) -> None:
        """Declare a collaboration in this article, with this article's status and its cue words."""
        art.declare(thread.entity, evidence)
        for participant in thread.participants:
            art.set(thread.entity, "participants", Ref(participant.id))
        art.set(thread.entity, "status", status)
        if purpose is not None:
            art.set(thread.entity, "purpose", purpose)

    # -- body paragraphs --------------------------------------------------------------------------------
    def study(self, art: Article, cast: Cast) -> None:
        """A company study and its finding: a Study shared by every article citing it."""
        year = max(art.day.year - 1, 2020)
        study = self.world.study(cast.company, year)
        finding_text = self.rng.choice(FINDINGS)
        start = art.add("\n").end
        art.add("Berdasarkan ")
        art.name(study)
        art.add(f" di sepanjang {year}, ")
        finding_span = art.add(finding_text)
        art.add(".")
        finding = Entity(self.world.local(f"temuan-{study.id}"), "Finding", f"Temuan {study.label} {year}")
        art.declare(finding, art.since(start))
        art.set(finding, "text", Ev(finding_text, finding_span))
        art.set(study, "period", str(year))
        art.set(study, "findings", Ref(finding.id))

    def official(self, art: Article, cast: Cast) -> Entity:
        """The head of the office, with their post, reporting on the government's programme."""
        post = self.world.post(cast.dinas, "Kepala")
        head = self.world.person((post.id,))
        theme = self.rng.choice(THEMES)
        s = art.write("\n", post, ", ", head, " ", "mengatakan", ", ", cast.gov, " pun telah memiliki banyak ",
                      f"program {theme}", ", salah satunya adalah ")
        self.introduce_program(art, cast.program)
        art.set(head, "holds", Held(post.id, art.day))
        said = Ev(art.text_between(s[7].start, art.pos), art.since(s[7].start))
        verb = Ev("mengatakan", Span(s[3].start, s[5].end))
        self.utterance(art, "IndirectQuote", head, f"program {theme}", art.since(s[3].start), verb, said)
        art.set(cast.program, "description", Ev(f"program {theme}", art.since(s[9].start)))
        art.add(".")
        return head

    def introduce_program(self, art: Article, program: Entity) -> None:
        """Name a programme with its acronym in brackets, the alias's evidence."""
        begin = art.name(program).start
        if program.short:
            art.add(f" ({program.short})")
            art.set(program, "aliases", Ev(program.short, art.since(begin)))

    def utterance(self, art: Article, kind: str, speaker: Entity, topic: str, evidence: Span, verb: Ev,
                  text: Ev) -> Entity:
        """A quote or reported speech: one per article, one speaker, the words verbatim."""
        quote = Entity(self.world.local(f"{speaker.id}-{topic}"), kind, f"{speaker.short} tentang {topic}")
        art.declare(quote, evidence)
        art.set(quote, "speaker", Ref(speaker.id))
        art.set(quote, "verb", verb)
        art.set(quote, "text", text)
        return quote

    def direct_quote(self, art: Article, cast: Cast, head: Entity) -> None:
        """The head's direct quote on a planned team-up, said at a dated event: "…," kata X …
        pada acara E yang digelar C di V. Selasa (9/8/2022)."""
        w, rng = self.world, self.rng
        team, initiative = w.team(cast.program), w.program(cast.company, w.pick(rng, "program"))
        purpose, outcome = rng.choice(PURPOSES), rng.choice(OUTCOMES)
        start = art.add("\n\"").end
        s = art.write("Jadi nanti, ", "kami akan menyiapkan", " ", team, " untuk berkolaborasi dengan ", initiative,
                      " dari ", cast.company, " demi ", purpose, ". Kami yakin kolaborasi ini akan bisa ", outcome, ",")
        said = Ev(art.text_between(start, art.pos), art.since(start))
        thread = self.collaboration(art, f"kolaborasi-{team.id}-{initiative.id}",
                                    f"Kolaborasi {team.label} dan {initiative.label}", [team, initiative],
                                    Ev("planned", s[1]), Span(s[1].start, s[9].end), Ev(purpose, s[9]))
        art.set(thread.entity, "expected_outcome", Ev(outcome, s[11]))
        art.set(thread.entity, "location", Ref(PROVINCES[cast.province][0]))
        v = art.write("\" ", "kata", " ", (head, str(head.short)), " kepada ", (cast.outlet, str(cast.outlet.short)),
                      " pada acara ")
        event, day, date_span = self.training(art, cast)
        quote = self.utterance(art, "Quote", head, team.label, art.since(start - 1),
                               Ev("kata", Span(v[1].start, v[3].end)), said)
        for key, value in (("addressee", Ref(cast.outlet.id)), ("said_at", Ref(event.id)),
                           ("said_on", Ev(day, date_span))):
            art.set(quote, key, value)

    def training(self, art: Article, cast: Cast) -> tuple[Entity, dt.date, Span]:
        """A training event the company runs at a venue of the province. The date written after it
        dates the remark made there (the quote's said_on), not the event, which gets none."""
        w, rng = self.world, self.rng
        city = w.places[rng.choice(PROVINCES[cast.province][3])[0]]
        venue = w.venue(cast.province, w.pick(rng, "venue"))
        day = art.day - dt.timedelta(days=rng.randrange(3))
        label = f"Pelatihan {rng.choice(TRAINING_TOPICS)} untuk UMKM {city.label}"
        event = Entity(w.local(f"{label}-{day.isoformat()}"), "TrainingEvent", label,
                       refs={"organizer": cast.company.id, "venue": venue.id})
        label_span = art.name(event)
        art.set(event, "audience", Ev(f"UMKM {city.label}", label_span))
        art.add(" yang digelar ")
        art.name(cast.company)
        art.add(" di ")
        art.name(venue)
        art.add(". ")
        date_span = art.add(news_date(day))
        art.add(".")
        return event, day, date_span

    def related(self, art: Article) -> None:
        """A "Baca juga" link to an earlier article's headline."""
        headline = self.rng.choice(self.headlines)
        start = art.add("\n").end
        art.add(f"Baca juga: {headline}")
        art.related.append((headline, art.since(start)))

    def programs(self, art: Article, cast: Cast, head: Entity) -> None:
        """The government's other programme, where it runs, and its co-working space."""
        w, rng = self.world, self.rng
        other = w.program(cast.gov, w.pick(rng, "program"))
        if other is cast.program:
            return
        city = w.places[rng.choice(PROVINCES[cast.province][3])[0]]
        space = w.space(cast.province)
        art.add(f"\nSelain program {cast.program.short}, ")
        art.name(cast.gov)
        art.add(" juga memiliki ")
        self.introduce_program(art, other)
        art.add(" yang ada di ")
        art.name(city)
        art.set(other, "location", Ref(city.id))
        art.add(" serta ")
        art.name(space)
        art.add(", sebuah co-working space yang dapat dimanfaatkan oleh ")
        audience = "pelaku UMKM maupun start up"
        art.set(space, "audience", Ev(audience, art.add(audience)))
        art.add(".")

    def networking(self, art: Article, cast: Cast, head: Entity) -> None:
        """The head's quote on a completed collaboration with a startup that resulted in a
        networking event, with its participant count and where they came from."""
        w, rng = self.world, self.rng
        first, second = (w.places[p[0]] for p in rng.sample(PROVINCES[cast.province][3], 2))
        count = rng.randrange(12, 90)
        label = f"Gathering and Networking {PROVINCES[cast.province][1]} Start Up"
        event = Entity(w.local(f"{label}-{art.day.isoformat()}"), "NetworkingEvent", label)
        outcome = "start up itu nantinya dapat membantu UMKM dalam mengembangkan usahanya"
        start = art.add("\n\u201c").end
        s = art.write("Seperti yang telah dilakukan beberapa waktu lalu", ", kami berkolaborasi dengan start up ",
                      cast.startup, " mengadakan ", event, f" yang diikuti oleh {count} ",
                      "start up berbasis digital dari ", first, " dan ", second, ". Harapan kami, ", outcome, ",")
        said = Ev(art.text_between(start, art.pos), art.since(start))
        verb = Ev("lanjutnya", art.write("\" ", "lanjutnya")[1])
        self.utterance(art, "Quote", head, label, art.since(start - 1), verb, said)
        art.add(".")
        cue, when = s[0], Span(s[0].end - len("beberapa waktu lalu"), s[0].end)
        attended = Span(s[4].start, s[9].end)
        for key, value in (("organizer", Ref(cast.dinas.id)), ("organizer", Ref(cast.startup.id)),
                           ("participant_count", Ev(count, attended)),
                           ("participant_description", Ev(art.text_between(s[6].start, s[9].end), attended)),
                           ("participants_from", Ref(first.id)), ("participants_from", Ref(second.id)),
                           ("time_expression", Ev("beberapa waktu lalu", when)), ("before", Ev(art.day, cue))):
            art.set(event, key, value)
        thread = self.collaboration(art, f"kolaborasi-{cast.dinas.id}-{cast.startup.id}",
                                    f"Kolaborasi {cast.dinas.label} dan {cast.startup.label}",
                                    [cast.dinas, cast.startup], Ev("completed", cue), Span(cue.start, s[9].end))
        for key, value in (("resulted_in", Ref(event.id)), ("expected_outcome", Ev(outcome, s[11])),
                           ("time_expression", Ev("beberapa waktu lalu", when)), ("before", Ev(art.day, cue))):
            art.set(thread.entity, key, value)

    def ministry(self, art: Article, cast: Cast, head: Entity) -> None:
        """A ministry that will team up with a startup: a new planned collaboration."""
        w, rng = self.world, self.rng
        ministry, startup = w.ministry(w.pick(rng, "ministry")), w.startup(w.pick(rng, "startup"))
        purpose = rng.choice(MINISTRY_PURPOSES)
        art.add("\nLangkah tersebut sejalan dengan upaya ")
        start = art.pos
        art.name(ministry)
        art.add(f" ({ministry.short})")
        art.set(ministry, "aliases", Ev(ministry.short, art.since(start)))
        art.add(" yang juga ")
        cue = art.add("akan menggandeng")
        art.add(" ")
        art.name(startup)
        art.add(" dalam ")
        purpose_span = art.add(purpose)
        evidence = art.since(start)
        art.add(".")
        self.collaboration(art, f"kolaborasi-{ministry.id}-{startup.id}",
                           f"Kolaborasi {ministry.label} dan {startup.label} dalam {purpose}",
                           [ministry, startup], Ev("planned", cue), evidence, Ev(purpose, purpose_span))

    def follow_up(self, art: Article) -> None:
        """News of a collaboration an earlier-dated article reported, with its new status (or,
        without status changes, the same one) in that status's cue words."""
        if not self.threads:
            return
        index = self.rng.randrange(len(self.threads))
        thread = self.threads[index]
        if thread.last >= art.day:
            return
        status = weighted(self.rng, TRANSITIONS[thread.status]) if self.status_changes else thread.status
        template = self.rng.choice(FOLLOW_UPS[status if self.status_changes else thread.status])
        art.add("\n")
        sentence, cue, purpose = self.fill(art, template, thread)
        self.declare_collaboration(art, thread, Ev(status, cue), sentence, Ev(thread.purpose, purpose))
        thread.status, thread.last = status, art.day
        if status in ("completed", "cancelled") or (not self.status_changes and self.rng.random() < 0.5):
            self.threads[index] = self.threads[-1]
            self.threads.pop()

    def fill(self, art: Article, template: str, thread: Thread) -> tuple[Span, Span, Span]:
        """Write a follow-up template: {a} and {b} are the participants' names, {p} the
        purpose, |…| the cue words; returns the sentence, cue and purpose spans."""
        start, cue, purpose = art.pos, Span(0, 0), Span(0, 0)
        first, second = thread.participants
        for piece in re.split(r"(\{[abp]\}|\|[^|]*\|)", template):
            if piece in ("{a}", "{b}"):
                self.participant(art, first if piece == "{a}" else second)
            elif piece == "{p}":
                purpose = art.add(thread.purpose)
            elif piece.startswith("|"):
                cue = art.add(piece.strip("|"))
            else:
                art.add(piece)
        return art.since(start), cue, purpose

    def participant(self, art: Article, entity: Entity) -> None:
        """Name a participant; a programme with its operator ("… dari Lazada"), so every
        article that declares a programme also says who runs it."""
        art.name(entity)
        if entity.operator is not None:
            art.add(" dari ")
            art.name(entity.operator)

    def remarks(self, art: Article, cast: Cast) -> Entity:
        """The company's spokesperson on the company's hope for more partners (aspired)."""
        w = self.world
        post = w.post(cast.company, COMPANY_ROLES[w.pick(self.rng, "staff") % len(COMPANY_ROLES)])
        person = w.person((post.id,))
        partners, purpose = self.rng.choice(PARTNERS), self.rng.choice(PURPOSES)
        s = art.write("\nSementara itu, ", post, ", ", person, " ", "menambahkan", ", ", "ke depannya, ", cast.company,
                      " ", "berharap bisa berkolaborasi", " dengan ", partners, " untuk ", purpose)
        art.set(person, "holds", Held(post.id, art.day))
        said = Ev(art.text_between(s[7].start, art.pos), art.since(s[7].start))
        verb = Ev("menambahkan", Span(s[3].start, s[5].end))
        self.utterance(art, "IndirectQuote", person, "harapan kolaborasi", art.since(s[3].start), verb, said)
        hope = w.hope(cast.company)
        art.declare(hope, art.since(s[8].start))
        for key, value in (("participants", Ref(cast.company.id)), ("prospective_partners", Ev(partners, s[12])),
                           ("status", Ev("aspired", s[10])), ("purpose", Ev(purpose, s[14]))):
            art.set(hope, key, value)
        art.add(".")
        return person

    def closing(self, art: Article, cast: Cast, person: Entity) -> None:
        """The spokesperson's closing quote on the company's initiative and its purpose."""
        initiative = self.world.program(cast.company, 0)
        start = art.add("\n\"").end
        art.add("Melalui ")
        begin = art.pos
        art.name(initiative)
        art.add(", kami berkeinginan untuk bisa ")
        purpose = f"mendorong pertumbuhan ekonomi daerah, termasuk di {PROVINCES[cast.province][1]}"
        art.set(initiative, "purpose", Ev(purpose, Span(begin, art.add(purpose).end)))
        text = Ev(art.text_between(start, art.add(",").end), art.since(start))
        art.add("\u201d ")
        verb_start = art.add("tutup").start
        art.add(" ")
        art.name(person, person.short)
        verb = Ev("tutup", art.since(verb_start))
        self.utterance(art, "Quote", person, initiative.label, art.since(start - 1), verb, text)
        art.add(".")


# --- YAML: written by hand, in a fixed order, for speed and byte-stable output ----------------------
META_ORDER = ("published", "section", "headline", "subheadline", "publisher", "author", "editor", "dateline")
_PLAIN_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+|[a-z]{5,}")


def q(text: str) -> str:
    """A YAML double-quoted scalar: JSON's string syntax is a subset of it (what
    json.dumps(text, ensure_ascii=False) writes, without its per-call set-up)."""
    return encode_basestring(text)


def ident(value: str) -> str:
    """An id, plain where YAML cannot read it as anything but a string (never yes/no/null)."""
    return value if _PLAIN_ID.fullmatch(value) else q(value)


class Quotes:
    """Evidence for a span: the exact words, and which occurrence when they recur (as
    `kg build` counts them, overlapping matches included)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: dict[str, list[int]] = {}

    def __call__(self, span: Span) -> str:
        """The evidence as YAML: the words, or {quote, occurrence} when they occur more than once."""
        quote = self.text[span.start:span.end]
        starts = self.starts.get(quote)
        if starts is None:
            starts = self.starts[quote] = list(_occurrences(self.text, quote))
        if len(starts) == 1:
            return q(quote)
        return f"{{quote: {q(quote)}, occurrence: {starts.index(span.start) + 1}}}"


def _occurrences(text: str, quote: str) -> Iterator[int]:
    at = text.find(quote)
    while at != -1:
        yield at
        at = text.find(quote, at + 1)


def scalar(value: object) -> str:
    """A plain value: dates as YYYY-MM-DD (the build reads them as text), numbers bare, text quoted."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return q(str(value))


def render(value: object, quotes: Quotes) -> str:
    """One field value in YAML flow style."""
    if isinstance(value, Ref):
        return ident(value.id)
    if isinstance(value, Ev):
        return f"{{value: {scalar(value.value)}, evidence: {quotes(value.span)}}}"
    if isinstance(value, Held):
        return f"{{value: {ident(value.post)}, as_of: {value.as_of.isoformat()}}}"
    return scalar(value)


def field_lines(key: str, values: list, quotes: Quotes) -> list[str]:
    """A field: one value inline, several references as a flow list, several values as a block list."""
    if len(values) == 1:
        return [f"    {key}: {render(values[0], quotes)}"]
    if all(isinstance(v, Ref) for v in values):
        return [f"    {key}: [{', '.join(ident(v.id) for v in values)}]"]
    return [f"    {key}:", *(f"      - {render(v, quotes)}" for v in values)]


def entity_lines(decl: Decl, quotes: Quotes, known: Callable[[str], bool]) -> list[str]:
    """An entity block; references to entities this article does not declare (and the
    gazetteer lacks) are left out, so every reference resolves and is about the text."""
    entity = decl.entity
    lines = [f"  - id: {ident(entity.id)}", f"    type: {entity.type}", f"    label: {q(entity.label)}"]
    for key, values in sorted(decl.fields.items(), key=lambda item: item[0] != "aliases"):
        kept = [v for v in values if not isinstance(v, Ref | Held) or known(v[0])]
        if kept:
            lines += field_lines(key, kept, quotes)
    lines.append(f"    evidence: {quotes(decl.span)}")
    return lines


def article_yaml(art: Article, text: str, gazetteer: dict[str, Entity]) -> str:
    """The article's YAML in the seed article's layout: `article:` metadata, then `entities:`."""
    quotes = Quotes(text)
    lines = ["# Synthetic article written by benchmarks/corpus.py: every evidence is the article's exact words.",
             "article:", f"  id: {art.id}", f"  text: {art.id}.txt", "  language: id"]
    lines += [f"  {key}: {render(art.meta[key], quotes)}" for key in META_ORDER if key in art.meta]
    if art.related:
        lines.append("  related:")
        for headline, span in art.related:
            lines += [f"    - headline: {q(headline)}", f"      evidence: {quotes(span)}"]
    lines += ["", "entities:"]
    known = art.decls.keys() | gazetteer.keys()
    for decl in art.decls.values():
        lines += entity_lines(decl, quotes, known.__contains__)
    return "\n".join(lines) + "\n"


# --- the project folder -------------------------------------------------------------------------------
def gazetteer(repo_places: Path) -> tuple[dict[str, Entity], str]:
    """The repository's gazetteer verbatim, plus the provinces and places the articles use.

    The repository's entries win (their labels and types), so an article that names
    Surabaya declares exactly what data/places.yaml says Surabaya is.
    """
    text = repo_places.read_text(encoding="utf-8")
    places = {item["id"]: Entity(item["id"], item["type"], item["label"])
              for item in yaml.safe_load(text)["places"]}
    added = ["", "  # --- added by benchmarks/corpus.py: the provinces and places the synthetic articles name ---"]
    for pid, label, short, cities in PROVINCES:
        added += _place_entry(places, pid, "Province", label, [short] if short != label else [], "indonesia")
        for cid, city, kind in cities:
            prefix = "Kota" if kind == "City" else "Kabupaten"
            added += _place_entry(places, cid, kind, city, [f"{prefix} {city}"], pid)
    return places, text.rstrip("\n") + "\n" + "\n".join(added) + "\n"


def _place_entry(places: dict[str, Entity], pid: str, kind: str, label: str, known_as: list[str],
                 within: str) -> list[str]:
    """A gazetteer entry, unless the repository's gazetteer already has the place."""
    if pid in places:
        return []
    places[pid] = Entity(pid, kind, label)
    lines = ["", f"  - id: {pid}", f"    type: {kind}", f"    label: {q(label)}"]
    if known_as:
        lines.append(f"    known_as: [{', '.join(q(name) for name in known_as)}]")
    return [*lines, f"    within: {within}"]


def article_days(rng: Random, count: int) -> list[dt.date]:
    """Publication dates spread evenly at random over 2021-2025, in order."""
    days = (END - START).days + 1
    return [START + dt.timedelta(days=offset) for offset in sorted(rng.randrange(days) for _ in range(count))]


def dataset_yaml(articles: int, seed: int) -> str:
    """data/dataset.yaml: the real base IRI (so the named queries' defaults resolve), a title naming the corpus."""
    return (f"# A synthetic corpus written by `python -m benchmarks.corpus --articles {articles} --seed {seed}`.\n"
            "base: https://w3id.org/ekodigi/id/\n"
            f"title: Korpus sintetis ekosistem ekonomi digital ({articles} artikel, seed {seed})\n"
            f"title_en: Synthetic digital-economy news corpus ({articles} articles, seed {seed})\n"
            "license: https://creativecommons.org/licenses/by/4.0/\n"
            "publisher: ekodigi\n")


def prepare(out: Path, force: bool) -> None:
    """Refuse to mix a corpus into a folder that holds something else; with force, replace
    the parts a corpus consists of (ontology/, data/, queries/) and nothing more."""
    if out.exists() and any(out.iterdir()):
        if not force:
            raise SystemExit(f"error: {out} is not empty (use --force to replace its ontology/, data/ and queries/)")
        for part in ("ontology", "data", "queries"):
            shutil.rmtree(out / part, ignore_errors=True)
    (out / "ontology").mkdir(parents=True, exist_ok=True)
    (out / "data" / "articles").mkdir(parents=True)


def write_project(out: Path, articles: int, seed: int = 1, status_changes: bool = True,
                  force: bool = False) -> int:
    """Write a complete kg project with `articles` synthetic articles; return the count written."""
    prepare(out, force)
    for name in ("kg.ttl", "shapes.ttl"):
        shutil.copyfile(ROOT / "ontology" / name, out / "ontology" / name)
    shutil.copytree(ROOT / "queries", out / "queries", copy_function=shutil.copyfile)
    places, places_text = gazetteer(ROOT / "data" / "places.yaml")
    (out / "data" / "places.yaml").write_bytes(places_text.encode("utf-8"))
    (out / "data" / "dataset.yaml").write_bytes(dataset_yaml(articles, seed).encode("utf-8"))
    rng = Random(seed)
    newsroom = Newsroom(World(articles, places), rng, status_changes)
    folder = out / "data" / "articles"
    for day in article_days(rng, articles):
        art = newsroom.write(day)
        text = art.text()
        (folder / f"{art.id}.txt").write_bytes(text.encode("utf-8"))
        (folder / f"{art.id}.yaml").write_bytes(article_yaml(art, text, places).encode("utf-8"))
    return articles


def main(argv: list[str] | None = None) -> None:
    """The command line; prints the time taken, the figure the benchmark is about."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="how many articles to write")
    parser.add_argument("--out", type=Path, required=True, help="the project folder to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed: same arguments, same bytes")
    parser.add_argument("--no-status-changes", dest="status_changes", action="store_false",
                        help="recurring collaborations keep their first status (no status history)")
    parser.add_argument("--force", action="store_true", help="replace ontology/, data/, queries/ in a non-empty --out")
    args = parser.parse_args(argv)
    if args.articles < 0:
        parser.error("--articles must be zero or more")
    started = time.perf_counter()
    count = write_project(args.out, args.articles, args.seed, args.status_changes, args.force)
    print(f"wrote {count} articles to {args.out} in {time.perf_counter() - started:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
