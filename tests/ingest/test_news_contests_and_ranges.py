"""Events named after those who competed in them ("Sebanyak 90 mahasiswa dari A, B, dan C beradu ide dalam
Lomba X di Gedung Y, Kota Z, Senin-Selasa (30/11-1/12)"): the contest, its venue (a hall, even one the name
rules took for an office), its first and last day, the group who took part and the regions they came from;
its organisers and program told back ("Lomba itu digelar …", "Acara tersebut termasuk dalam program …"), and
a speaker who opened or closed it."""

from __future__ import annotations

import datetime as dt

from kg.ingest.draft import propose
from kg.source.dates import find_date_mentions, find_news_range
from tests.ingest.test_rules import CUES, HEADER, by_type, values_of

CONTEST = (
    "PEKANBARU, RIAUKINI.COM - Sebanyak 90 mahasiswa dari Kota Pekanbaru, Kampar, dan Siak beradu ide dalam "
    "Lomba Aplikasi Desa Cerdas 2026 di Gedung Serbaguna Lancang Kuning, Kota Pekanbaru, "
    "Senin\u2013Selasa (30/11\u20131/12).\n"
    "Lomba itu digelar Dinas Komunikasi dan Informatika (Diskominfo) Riau bersama PT Sagu Data Nusantara, "
    "perusahaan rintisan asal Pekanbaru.\n"
    "Acara tersebut termasuk dalam program Riau Desa Digital milik Pemerintah Provinsi (Pemprov) Riau.\n"
    "“Kami ingin anak muda pulang membangun desa,” kata Kepala Diskominfo Riau, Syamsul Bahri, saat membuka lomba.\n"
)
PUBLISHED = dt.date(2026, 12, 3)


def _contest(body: str = CONTEST) -> tuple[object, dict[str, list[object]]]:
    found = propose(HEADER + body, {}, CUES, PUBLISHED)
    return found, values_of(by_type(found, "Event")["Lomba Aplikasi Desa Cerdas 2026"])


def test_a_contest_those_who_competed_name_has_its_venue_days_group_and_regions() -> None:
    found, fields = _contest()
    assert fields["venue"] == ["gedung-serbaguna-lancang-kuning"]
    assert values_of(found.items["gedung-serbaguna-lancang-kuning"])["within"] == ["pekanbaru"]
    assert [str(d) for d in fields["date"] + fields["end_date"]] == ["2026-11-30", "2026-12-01"]
    assert fields["participants_from"] == ["pekanbaru", "kampar", "siak"]
    came = [g for g in by_type(found, "TargetGroup").values() if "takes_part_in" in g.fields]
    assert len(came) == 1 and came[0].label.startswith("mahasiswa")
    assert values_of(came[0])["takes_part_in"] == ["lomba-aplikasi-desa-cerdas-2026"]
    assert values_of(came[0])["size"] == [90]
    _, told = _contest(CONTEST.replace("Senin\u2013Selasa (30/11\u20131/12)", "Senin (30/11) hingga Selasa (1/12)"))
    assert [str(d) for d in told["date"] + told["end_date"]] == ["2026-11-30", "2026-12-01"]


def test_other_ways_to_compete_name_the_event_too() -> None:
    for verb in ("berlomba dalam", "bertanding di", "unjuk karya di", "berkompetisi dalam", "beradu gagasan dalam "
                 "ajang"):
        _, fields = _contest(CONTEST.replace("beradu ide dalam", verb))
        assert fields["venue"] == ["gedung-serbaguna-lancang-kuning"], verb
        assert fields["participants_from"] == ["pekanbaru", "kampar", "siak"], verb


def test_a_contest_not_held_or_to_come_is_no_event() -> None:
    for words in ("batal beradu ide dalam", "akan beradu ide dalam", "tidak jadi beradu ide dalam"):
        found = propose(HEADER + CONTEST.replace("beradu ide dalam", words).split("\n")[0] + "\n", {}, CUES, PUBLISHED)
        assert "Lomba Aplikasi Desa Cerdas 2026" not in by_type(found, "Event"), words


def test_the_contest_told_back_has_its_organisers_and_program() -> None:
    _, fields = _contest()
    assert fields["organizer"] == ["diskominfo-riau", "pt-sagu-data-nusantara"]
    assert fields["part_of_program"] == ["riau-desa-digital"]
    found, _ = _contest()
    assert values_of(found.items["riau-desa-digital"])["operated_by"] == ["pemprov-riau"]  # "milik Pemerintah … Riau"
    for words in ("menjadi bagian dari", "merupakan rangkaian", "termasuk ke dalam"):
        assert _contest(CONTEST.replace("termasuk dalam", words))[1]["part_of_program"] == ["riau-desa-digital"]


def test_the_one_who_opened_or_closed_the_contest_spoke_there_and_took_part() -> None:
    for words in ("saat membuka lomba", "ketika menutup kegiatan itu"):
        found, _ = _contest(CONTEST.replace("saat membuka lomba", words))
        quote = next(i for i in found.items.values() if i.type == "Quote")
        assert values_of(quote)["said_at"] == ["lomba-aplikasi-desa-cerdas-2026"], words
        assert values_of(found.items["syamsul-bahri"])["takes_part_in"] == ["lomba-aplikasi-desa-cerdas-2026"]


def test_a_hall_taken_for_an_office_is_the_facility_that_hosts_the_contest() -> None:
    body = CONTEST.replace("Gedung Serbaguna Lancang Kuning", "Balai Pelatihan Koperasi Riau")
    found, fields = _contest(body + "Balai Pelatihan Koperasi Riau tampak ramai sejak pagi.\n")
    hall = found.items["balai-pelatihan-koperasi-riau"]
    assert hall.type == "Facility" and values_of(hall)["within"] == ["pekanbaru"]
    assert fields["venue"] == ["balai-pelatihan-koperasi-riau"]
    staffed = propose(HEADER + body + "Kepala Balai Pelatihan Koperasi Riau, Hendra Gunawan, turut hadir.\n", {},
                      CUES, PUBLISHED)
    assert staffed.items["balai-pelatihan-koperasi-riau"].type == "GovernmentOffice"  # an office with a head


def test_a_range_of_days_takes_its_year_and_checks_both_weekdays() -> None:
    first, last = find_news_range("Kamis-Jumat (3-4/12/2026)", None)  # type: ignore[misc]
    assert (first.date, last.date) == (dt.date(2026, 12, 3), dt.date(2026, 12, 4))
    first, last = find_news_range("Rabu\u2013Kamis (31/12\u20131/1)", dt.date(2026, 1, 5))  # type: ignore[misc]
    assert (first.date, last.date) == (dt.date(2025, 12, 31), dt.date(2026, 1, 1))
    first, last = find_news_range("Senin (30/11) hingga Selasa (1/12)", PUBLISHED)  # type: ignore[misc]
    assert (first.date, last.date) == (dt.date(2026, 11, 30), dt.date(2026, 12, 1))
    assert find_news_range("Senin (30/11) dan Rabu (1/12)", PUBLISHED) is None  # 1/12/2026 is a Tuesday
    assert find_news_range("Senin\u2013Selasa (30/11\u20131/12)", None) is None  # no year known
    assert find_news_range("Selasa\u2013Rabu (30/11\u20131/12)", PUBLISHED) is None  # the weekdays say otherwise
    _, fields = _contest(CONTEST.replace("Senin\u2013Selasa", "Selasa\u2013Rabu"))
    assert "date" not in fields and "end_date" not in fields


def test_a_date_without_its_year_has_evidence_past_the_year_in_the_events_name() -> None:
    found, _ = _contest()
    evidence = found.items["lomba-aplikasi-desa-cerdas-2026"].fields["date"][0].span
    said = found.text[evidence.start:evidence.end]  # the build reads "2026" there as the date the evidence gives
    assert said == "di Gedung Serbaguna Lancang Kuning, Kota Pekanbaru, Senin\u2013Selasa (30/11\u20131/12)"
    assert not find_date_mentions(said)
    written, _ = _contest(CONTEST.replace("(30/11\u20131/12)", "(30/11\u20131/12/2026)"))
    evidence = written.items["lomba-aplikasi-desa-cerdas-2026"].fields["end_date"][0].span
    assert written.text[evidence.start:].startswith("Lomba Aplikasi")  # the date writes its year: from the name


def test_two_days_written_in_numbers_are_two_mentions_for_the_builds_check() -> None:
    assert [m.date.isoformat() for m in find_date_mentions("Kamis-Jumat (3-4/12/2026)")] == ["2026-12-03",
                                                                                              "2026-12-04"]
    assert [m.date.isoformat() for m in find_date_mentions("(31/12\u20131/1/2027)")] == ["2026-12-31", "2027-01-01"]


def test_a_hall_taken_for_an_office_that_a_crowd_filled_hosts_the_event_named_last() -> None:
    found = propose(HEADER + "PEKANBARU, RIAUKINI.COM - Sekitar 120 petani memadati Balai Pelatihan Koperasi Riau, "
                    "Kota Pekanbaru, Selasa (1/12/2026), dalam Festival Tani Digital Riau 2026.\n"
                    "Balai Pelatihan Koperasi Riau tampak ramai.\n", {}, CUES, PUBLISHED)
    assert found.items["balai-pelatihan-koperasi-riau"].type == "Facility"
    assert values_of(found.items["festival-tani-digital-riau-2026"])["venue"] == ["balai-pelatihan-koperasi-riau"]
