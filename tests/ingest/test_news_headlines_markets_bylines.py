"""News paragraphs written for these tests (invented offices, firms and people, real regions of
Sumatra, Jawa, Bali, Kalimantan, Sulawesi, Maluku and Nusa Tenggara Timur): a Title Case headline
whose verbs are no part of a name, markets named whole (and "Pasar Digital", "Pasar Pintar …" that
are none), bylines with a colon, a unit whose name holds "dan" and a research centre in a post's
title, an event named at a sentence's start and opened in the passive, speakers set amid their words
or after an apposition, a village enterprise as a partner, credit given "kepada" a group. Each test
says what must and must not be proposed."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.model import Proposals
from tests.ingest.drafting import ingest_and_build
from tests.ingest.test_rules import by_type, collaborations, run, values_of


def _header(headline: str, byline: str = "Laporan: Rahmi Yusnita\nEditor: Dedi Kurniawan") -> str:
    return f"Ekonomi\n{headline}\n{byline}\n"


def _places(found: Proposals) -> set[str]:
    return {i.label for i in found.items.values() if i.type in ("Place", "Facility", "Hotel")}


def test_a_headlines_verbs_and_common_words_are_no_part_of_a_market_name() -> None:
    found = run("AMBON, MALUKUHARI.COM - Sekitar 200 pedagang ikan di Pasar Mardika mulai menerima pembayaran "
                "nontunai, Senin (18/5/2026).\n",
                _header("Ratusan Pedagang Pasar Mardika Ikuti Gelar Pasar Digital di Ambon"))
    assert _places(found) == {"Pasar Mardika"}  # written in the body too, and cut before "Ikuti"
    assert not any(word in label for label in _places(found) for word in ("Ikuti", "Gelar", "Digital"))
    klewer = run("PADANG, RANAHKABAR.COM - Pedagang Pasar Raya Padang kini mencatat penjualan lewat aplikasi.\n",
                 _header("Pasar Raya Padang Gunakan Aplikasi Kasir"))
    assert _places(klewer) == {"Pasar Raya Padang"}
    alone = run("DENPASAR, BALIKINI.COM - Pedagang canang mulai menjual secara daring.\n",
                _header("Pasar Kreneng Siap Hadirkan Kasir Digital"))
    assert _places(alone) == set()  # a name only the headline writes: its capitals say nothing


def test_a_market_is_taken_whole_and_pasar_with_a_common_word_is_none() -> None:
    found = run("DENPASAR, BALIKINI.COM - Pelatihan kasir digital digelar di Pasar Badung Tradisional Bali, "
                "Kamis (21/5/2026). Pedagang di Pasar Badung menyambutnya. Program Pasar Daring Bali menyasar "
                "pedagang pasar tradisional, sementara Pasar Digital dibuka untuk perajin.\n")
    places = by_type(found, "Place")
    assert "Pasar Badung Tradisional Bali" in places
    assert "Pasar Badung" in places["Pasar Badung Tradisional Bali"].aliases  # the same market, written short
    assert "Pasar Badung" not in places and "Pasar Digital" not in places and "Pasar Daring Bali" not in places


def test_a_program_in_apposition_is_operated_by_whose_it_is() -> None:
    found = run("KUPANG, FLORESKU.COM - Pasar Pintar Flobamora, program Pemerintah Kota (Pemkot) Kupang, menyasar "
                "pedagang pasar tradisional. Pelatihan Kasir Sasando, program milik Dinas Koperasi NTT, digelar "
                "pekan lalu.\n")
    programs = by_type(found, "Program")
    assert values_of(programs["Pasar Pintar Flobamora"])["operated_by"] == ["pemkot-kupang"]
    assert "location" not in programs["Pasar Pintar Flobamora"].fields  # whose it is says not where it runs
    assert "Pasar Pintar Flobamora" not in _places(found)  # a program, no market
    evidence = programs["Pasar Pintar Flobamora"].fields["operated_by"][0].span
    assert found.span_text(evidence) == "Pasar Pintar Flobamora, program Pemerintah Kota (Pemkot) Kupang"


def test_bylines_with_a_colon_give_the_reporter_and_the_editor() -> None:
    found = run("MAKASSAR, SULSELKINI.COM - Dinas Perdagangan Kota Makassar membuka kelas.\n",
                _header("Pedagang Makassar Belajar Kasir Digital", "Reporter: Andi Nurhayati\nEditor: Muh Idris"))
    assert found.article["author"].value == "andi-nurhayati" and found.article["editor"].value == "muh-idris"
    assert {"Andi Nurhayati", "Muh Idris"} <= {i.label for i in found.items.values() if i.type == "Person"}
    assert found.article["headline"].value == "Pedagang Makassar Belajar Kasir Digital"
    assert "subheadline" not in found.article  # the byline lines are no subheadline
    kontributor = run("SAMARINDA, BORNEOKINI.COM - Pemkot Samarinda membuka kelas.\n",
                      _header("Kelas Digital Dibuka", "Kontributor: Yohanes Lado"))
    assert kontributor.article["author"].value == "yohanes-lado" and "editor" not in kontributor.article
    speakers = {values_of(i)["speaker"][0] for i in found.items.values() if i.type in ("Quote", "IndirectQuote")}
    assert "andi-nurhayati" not in speakers  # the reporter says nothing in the article



def test_a_byline_in_one_line_and_a_byline_closing_a_long_text() -> None:
    """"Reporter: A | Editor: B" on one line; "Pewarta: A" then "Editor: B" as the text's last lines,
    however long the text (a reporter is the author, "Pewarta" is the news agencies' word for one)."""
    found = run("SINGARAJA, BALIKINI.COM - Dinas Koperasi Kabupaten Buleleng membuka kelas.\n",
                _header("Kelas Ekspor Dibuka", "Reporter: Made Ayu Lestari | Editor: Komang Surya"))
    assert found.article["author"].value == "made-ayu-lestari" and found.article["editor"].value == "komang-surya"
    body = "PEKANBARU, RIAUKINI.COM - Dinas Koperasi Provinsi Riau membuka kelas pemasaran.\n" + \
        "Peserta datang dari banyak kecamatan dan belajar memotret produk.\n" * 60
    closing = run(body + "Pewarta: Rina Oktaviani\nEditor: Dedi Kurnia\n", "Ekonomi\nKelas Dibuka\n")
    assert closing.article["author"].value == "rina-oktaviani" and closing.article["editor"].value == "dedi-kurnia"


SURVEY = (
    "SAMARINDA, BORNEOKINI.COM - Survei Fakultas Ilmu Sosial dan Ilmu Politik Universitas Mulawarman "
    "(FISIP Unmul) terhadap 300 pedagang menunjukkan separuh pedagang belum memakai kasir digital.\n"
    "Kepala Pusat Kajian Ekonomi Maritim FISIP Unmul, Dr. Rusdiansyah, mengatakan pedagang perlu didampingi.\n")


def test_a_surveys_author_is_the_whole_unit_with_dan_part_of_its_university() -> None:
    found = run(SURVEY)
    studies = by_type(found, "Study")
    assert set(studies) == {"Survei Fakultas Ilmu Sosial dan Ilmu Politik Universitas Mulawarman"}
    study = studies["Survei Fakultas Ilmu Sosial dan Ilmu Politik Universitas Mulawarman"]
    unit = found.items[values_of(study)["author"][0]]
    assert unit.label == "Fakultas Ilmu Sosial dan Ilmu Politik Universitas Mulawarman"
    assert "FISIP Unmul" in unit.aliases
    university = by_type(found, "Organization")["Universitas Mulawarman"]
    assert values_of(unit)["part_of"] == [university.ident]
    assert "FISIP Unmul" not in university.aliases  # the unit's short form, not the university's
    finding = found.items[values_of(study)["findings"][0]]
    assert "separuh pedagang belum memakai kasir digital" in values_of(finding)["text"][0]


def test_a_research_centre_in_a_posts_title_is_an_organisation_no_study() -> None:
    found = run(SURVEY)
    centre = by_type(found, "Organization")["Pusat Kajian Ekonomi Maritim FISIP Unmul"]
    unit = by_type(found, "Organization")["Fakultas Ilmu Sosial dan Ilmu Politik Universitas Mulawarman"]
    assert values_of(centre)["part_of"] == [unit.ident]
    post = found.items["kepala-pusat-kajian-ekonomi-maritim-fisip-unmul"]
    assert values_of(post)["post_in"] == [centre.ident]  # in the centre, not the faculty or university
    assert not any("Kajian Ekonomi" in label for label in by_type(found, "Study"))
    # a bare centre with no parent written is left alone, and "Pusat Studi" inside a post is no study
    bare = run("MEDAN, KABARMEDAN.ID - Kepala Pusat Studi Pangan, Sri Wahyuni, mengatakan panen naik.\n")
    assert not by_type(bare, "Study")


EVENT = (
    "KUPANG, FLORESKU.COM - Gelar Tenun Daring yang diresmikan oleh Kepala Dinas Perindustrian Provinsi NTT, "
    "Drs. H. Marthen Bria, di Pasar Inpres Naikoten, Kamis (21/5/2026), diikuti sekitar 120 penenun dari Kupang, "
    "Sumba Timur dan Alor.\n"
    "Acara tersebut diselenggarakan oleh Dinas Perindustrian Provinsi NTT bersama PT Tenun Nusa Lestari sebagai "
    "bagian dari program Tenun Naik Kelas.\n"
    "Salah satu peserta, Yuliana (48), penenun ikat dari Alor, mengaku pesanannya naik sejak berjualan daring.\n")


def test_an_event_named_first_and_opened_in_the_passive_with_venue_date_regions_and_organisers() -> None:
    found = run(EVENT)
    event = by_type(found, "Event")["Gelar Tenun Daring"]
    fields = values_of(event)
    assert fields["venue"] == ["pasar-inpres-naikoten"]
    assert str(fields["date"][0]) == "2026-05-21"
    assert set(fields["participants_from"]) == {"kupang", "sumba-timur", "alor"}
    assert set(fields["organizer"]) == {"dinas-perindustrian-provinsi-ntt", "pt-tenun-nusa-lestari"}
    assert fields["part_of_program"] == ["tenun-naik-kelas"]
    opener = by_type(found, "Person")["Marthen Bria"]
    assert values_of(opener)["takes_part_in"] == [event.ident]  # he opened it: he took part, organised nothing
    assert "organizer" not in opener.fields
    group = next(i for i in found.items.values() if i.type == "TargetGroup" and i.label.startswith("penenun dari"))
    assert values_of(group)["takes_part_in"] == [event.ident]
    # a dateline is never the venue, nor the headline's words an event
    assert "kupang" not in fields["venue"]


def test_a_participant_with_age_and_trade_is_a_person_with_her_indirect_quote_and_no_finding() -> None:
    found = run(EVENT)
    yuliana = by_type(found, "Person")["Yuliana"]  # age and trade are no part of the name
    assert values_of(yuliana)["takes_part_in"] == ["gelar-tenun-daring"]
    quote = next(i for i in found.items.values() if i.type == "IndirectQuote" and values_of(i)["speaker"] == [
        yuliana.ident])
    assert values_of(quote)["verb"] == ["mengaku"]
    assert values_of(quote)["text"] == ["pesanannya naik sejak berjualan daring"]
    assert not any("Yuliana" in i.label for i in found.items.values() if i.type == "Finding")


AMID = ("TERNATE, MALUKUUTARAKINI.COM - Kepala Dinas Koperasi Kota Ternate, Rahman Soleman, mengatakan "
        "pedagang pasar mulai memakai kasir digital.\n"
        "Pemkot Ternate, kata Rahman, tidak menjalin kerja sama dengan PT Kasir Timur karena anggaran terbatas.\n")


def test_a_speaker_set_amid_the_words_and_a_negated_collaboration() -> None:
    found = run(AMID)
    said = [values_of(i) for i in found.items.values() if i.type == "IndirectQuote"]
    amid = next(q for q in said if q["verb"] == ["kata"])
    assert amid["speaker"] == ["rahman-soleman"]
    assert amid["text"] == ["Pemkot Ternate, kata Rahman, tidak menjalin kerja sama dengan PT Kasir Timur karena "
                            "anggaran terbatas"]  # word for word, as the build checks
    assert collaborations(found) == []  # "tidak menjalin kerja sama": negated, none proposed


def test_no_speaker_amid_words_without_a_person() -> None:
    found = run("PALU, SULTENGKINI.COM - Pasar itu, kata warga, makin ramai sejak ada kasir digital di sana.\n")
    assert not any(i.type == "IndirectQuote" for i in found.items.values())  # "warga" is nobody named


def test_a_village_enterprise_as_a_planned_partner_where_it_is_and_the_group_given_credit() -> None:
    found = run("MAKASSAR, SULSELKINI.COM - Ke depan, PT Dana Pasar Sulawesi akan menggandeng Badan Usaha Milik "
                "Desa (BUMDes) Sipakatau di Maros untuk menyalurkan pinjaman modal kepada anggota kelompok tani.\n")
    bumdes = next(i for i in found.items.values() if i.label == "Badan Usaha Milik Desa (BUMDes) Sipakatau")
    assert bumdes.type == "Company"  # a village's enterprise, no government office
    assert values_of(bumdes)["location"] == ["maros"]
    [(participants, status)] = collaborations(found)
    assert set(participants) == {"pt-dana-pasar-sulawesi", bumdes.ident} and status == "planned"
    collaboration = next(i for i in found.items.values() if i.type == "Collaboration")
    group = found.items[values_of(collaboration)["target_groups"][0]]
    assert group.label.startswith("anggota kelompok tani")


def test_an_ambiguous_place_after_a_village_enterprise_stays_ambiguous_and_a_dinas_gets_none() -> None:
    found = run("PALEMBANG, SRIWIJAYAKINI.COM - PT Kredit Musi akan menggandeng Koperasi Tani Makmur di Magelang. "
                "Dinas Koperasi Sumsel di Palembang membuka kelas.\n")
    koperasi = next(i for i in found.items.values() if i.label == "Koperasi Tani Makmur")
    place = found.items[values_of(koperasi)["location"][0]]
    assert place.type == "AmbiguousPlace"  # Kabupaten or Kota Magelang: the text does not say
    assert "location" not in found.items["dinas-koperasi-sumsel"].fields  # where it sits is not what it is


PARTNERS = (
    "PONTIANAK, KALBARKINI.COM - Rencana kerja sama PT Khatulistiwa Digital dengan penyedia mesin kasir "
    "PT Kasir Borneo Mandiri akhirnya dibatalkan.\n"
    "Dinas Koperasi Kota Pontianak menjajaki kerja sama dengan Bank Kalbar. Perjanjian kerja sama (PKS) "
    "ditandatangani oleh kedua pihak di Pontianak, Senin (18/5/2026).\n"
    "Pelatihan Kasir Khatulistiwa yang diresmikan oleh Wali Kota Pontianak, Edi Rusdi, di Pasar Flamboyan, "
    "Senin (18/5/2026), diikuti 80 pedagang dari Pontianak dan Kubu Raya. \"Pedagang harus berani berubah,\" kata "
    "Edi dalam sambutannya.\n")


def test_a_partner_told_by_what_it_is_without_commas_and_a_cancelled_plan() -> None:
    found = run(PARTNERS)
    cancelled = [(set(p), s) for p, s in collaborations(found) if "pt-kasir-borneo-mandiri" in p]
    assert cancelled == [({"pt-khatulistiwa-digital", "pt-kasir-borneo-mandiri"}, "cancelled")]
    collaboration = next(i for i in found.items.values() if i.type == "Collaboration"
                         and values_of(i)["status"] == ["cancelled"])
    assert "dibatalkan" in found.span_text(collaboration.fields["status"][0].span)  # the cue of its own clause
    assert not any("Ekonomi" in i.label or "Judul" in i.label for i in found.items.values()
                   if i.type == "Collaboration")  # no label swallows the headline


def test_an_agreement_signed_by_both_parties_is_the_collaboration_of_those_told_before() -> None:
    found = run(PARTNERS)
    between = sorted((s or "") for p, s in collaborations(found)
                     if set(p) == {"dinas-koperasi-kota-pontianak", "bank-kalbar"})
    assert between == ["completed", "planned"]  # "menjajaki": planned; "PKS ditandatangani": signed
    signed = next(i for i in found.items.values() if i.type == "Collaboration"
                  and values_of(i)["status"] == ["completed"])
    assert "ditandatangani" in found.span_text(signed.fields["status"][0].span)
    # no "both parties" without a collaboration told before
    alone = run("MANADO, SULUTKINI.COM - Nota kesepahaman kerja sama ditandatangani oleh kedua pihak kemarin.\n")
    assert collaborations(alone) == []


def test_a_quote_said_in_a_speech_is_said_at_the_event_told_last() -> None:
    found = run(PARTNERS)
    quote = next(i for i in found.items.values() if i.type == "Quote")
    assert values_of(quote)["speaker"] == ["edi-rusdi"]
    assert values_of(quote)["said_at"] == ["pelatihan-kasir-khatulistiwa"]
    assert values_of(by_type(found, "Person")["Edi Rusdi"])["takes_part_in"] == ["pelatihan-kasir-khatulistiwa"]
    no_event = run("BANDA ACEH, ACEHKINI.COM - \"Pasar harus berubah,\" kata Gubernur Aceh, Muzakir Hasan, dalam "
                   "sambutannya.\n")
    assert "said_at" not in next(i for i in no_event.items.values() if i.type == "Quote").fields


def test_the_drafts_of_these_paragraphs_pass_the_builds_checks_whole_and_build(tmp_path: Path) -> None:
    """The paragraphs through `kg ingest`: nothing dropped by the build's checks, and the drafts
    build as articles."""
    header = _header("Ratusan Penenun Ikuti Gelar Tenun Daring di Kupang")
    ingest_and_build(tmp_path, {f"contoh-2026-05-21-{name.lower()}.txt": header + globals()[name]
                                for name in ("SURVEY", "EVENT", "AMID", "PARTNERS")}, "2026-05-21")
