"""News paragraphs written for these tests (invented people, companies, institutes and programs, real
regions of Maluku, Nusa Tenggara Timur, Papua, Kalimantan Barat and Sulawesi Tengah): a post written
after a name and its degrees, an institute with an English name and its short form, a survey with two
figures set against each other, a startup that is a PT with an app of its own name, a company whose
name holds an event's word, an event told by the hall its people filled and by later sentences
pointing back to it, one who came introduced by her age, collaborations told by "kami", by a bare
"Pemkot" and by a short name, groups listed after a cue, a target figure, speakers named before, and a
kecamatan that bears its regency's name. Each test says what must and must not be proposed."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.ingest.drafting import ingest_and_build
from tests.ingest.test_rules import by_type, collaborations, run, values_of

POSTS_AFTER_DEGREES = (
    "AMBON, MALUKUKINI.COM - Pelaku usaha di Ambon mulai berjualan daring.\n"
    "Maria Ohoiwutun, S.E., M.B.A., pendiri sekaligus Direktur Utama PT Arafura Niaga Digital, menjelaskan "
    "penjualan naik.\n"
    "Dr. Yohanes Lake, Direktur Eksekutif Flores Data Institute (FDI), menilai pasar tumbuh.\n")


def test_a_post_written_small_after_a_name_and_its_degrees() -> None:
    found = run(POSTS_AFTER_DEGREES)
    people = by_type(found, "Person")
    posts = ["pendiri-pt-arafura-niaga-digital", "direktur-utama-pt-arafura-niaga-digital"]
    assert values_of(people["Maria Ohoiwutun"])["holds"] == posts
    assert found.items[posts[0]].label == "Pendiri PT Arafura Niaga Digital"
    for post in posts:
        assert values_of(found.items[post])["post_in"] == ["pt-arafura-niaga-digital"]
    lake = people["Yohanes Lake"]
    post = found.items[values_of(lake)["holds"][0]]
    assert values_of(post)["post_in"] == ["flores-data-institute"]
    # degrees and titles are no one's name, nor a post's
    assert not any(re.search(r"S\.E\.|M\.B\.A|Dr\.", item.label) for item in found.items.values())


SURVEY = (
    "KUPANG, FLORESKU.COM - Pelaku usaha di Kupang mulai berjualan daring.\n"
    "Hal itu terungkap dalam survei Flores Data Institute (FDI), lembaga riset independen yang berkantor di "
    "Kupang, terhadap 400 pelaku UMKM pada Mei 2026. Survei itu mendapati baru 27 persen pelaku UMKM yang "
    "berjualan di lokapasar, sedangkan 58 persen menyebut ongkos kirim sebagai kendala utama.\n"
    "Laporan Yayasan Sinar Timur mencatat 64 persen pedagang masih melayani pembeli langsung, sedangkan yang "
    "pernah mengirim produk ke luar daerah hanya 9 persen.\n")


def test_an_institute_by_its_english_name_its_office_and_a_survey_with_two_findings() -> None:
    found = run(SURVEY)
    fdi = found.items["flores-data-institute"]
    assert fdi.type == "Organization" and "FDI" in fdi.aliases  # not a program
    assert values_of(fdi)["location"] == ["kupang"]  # "yang berkantor di Kupang", after what it is
    study = by_type(found, "Study")["Survei Flores Data Institute"]
    assert values_of(study)["author"] == ["flores-data-institute"]
    texts = [values_of(found.items[f])["text"][0] for f in values_of(study)["findings"]]
    assert texts == ["Survei itu mendapati baru 27 persen pelaku UMKM yang berjualan di lokapasar",
                     "58 persen menyebut ongkos kirim sebagai kendala utama"]
    # the second share told of the first's people, with no figure of its own up front: one finding
    whole = [f for f in by_type(found, "Finding").values() if "64 persen" in values_of(f)["text"][0]]
    assert len(whole) == 1 and values_of(whole[0])["text"][0].endswith("hanya 9 persen")
    # "Center", "Hub" with no word saying what they are stay what they were
    hub = run("MEDAN, X.COM - Dinas Koperasi Kota Medan membuka Deli Creative Center (DCC) bagi warga.\n")
    assert hub.items["deli-creative-center"].type != "Organization"


STARTUP = (
    "PONTIANAK, KALBARKINI.COM - Pemerintah Kota (Pemkot) Pontianak menggelar Temu Bisnis Digital Khatulistiwa "
    "di Kota Pontianak, Selasa (14/7/2026).\n"
    "Temu bisnis tersebut diselenggarakan Dinas Koperasi dan UKM Kota Pontianak bersama startup lokal PT Kapuas "
    "Teknologi Nusantara, pengembang aplikasi lokapasar Pasar Kapuas.\n"
    "Kantor PT Bazar Nusa Daring resmi dibuka di Pontianak. Warga menghadiri Bazar Kuliner Khatulistiwa di "
    "Pontianak.\n")


def test_a_local_startup_that_is_a_pt_and_goes_by_its_apps_name() -> None:
    found = run(STARTUP)
    startup = found.items["pt-kapuas-teknologi-nusantara"]
    assert startup.type == "Startup" and "Pasar Kapuas" in startup.aliases
    assert found.find_name("Pasar Kapuas") is startup  # no second company, no market
    assert "pasar-kapuas" not in found.items
    # a company's name that holds an event's word is no event; a bazaar people attend is
    assert found.items["pt-bazar-nusa-daring"].type == "Company"
    assert "bazar-nusa-daring" not in found.items
    assert by_type(found, "Event")["Bazar Kuliner Khatulistiwa"]


LEAD = (
    "PALU, SULTENGKINI.COM - Gedung Kreatif Nosarara di Kota Palu, Kamis (16/7/2026), dipadati sekitar 240 "
    "pelaku usaha mikro yang mengikuti Temu Bisnis Niaga Tadulako. Mereka datang dari Kota Palu, Kabupaten "
    "Sigi, Kabupaten Donggala, hingga Kabupaten Poso.\n"
    "Temu bisnis tersebut diselenggarakan Dinas Koperasi dan UKM Provinsi Sulawesi Tengah bersama startup "
    "lokal PT Lembah Palu Digital.\n"
    "Kegiatan itu juga bagian dari Program Sulteng Niaga Digital, program Pemerintah Provinsi (Pemprov) "
    "Sulawesi Tengah untuk pelaku usaha.\n"
    "Salah satunya Yuliana (38), perajin tenun dari Desa Tondo, Kecamatan Mantikulore, Kota Palu.\n"
    "\u201cSaya baru pertama kali berjualan daring,\u201d ujarnya.\n")


def test_an_event_told_by_the_hall_its_people_filled_its_organisers_program_and_one_who_came() -> None:
    found = run(LEAD)
    assert found.items["temu-bisnis-niaga-tadulako"].type == "NetworkingEvent"  # a business meeting
    event = values_of(found.items["temu-bisnis-niaga-tadulako"])
    assert event["venue"] == ["gedung-kreatif-nosarara"]  # the hall the lead opens with, not the city
    assert values_of(found.items["gedung-kreatif-nosarara"])["within"] == ["palu"]
    assert str(event["date"][0]) == "2026-07-16"
    assert event["participants_from"] == ["palu", "sigi", "donggala", "poso"]  # "…, hingga Kabupaten Poso"
    assert event["organizer"] == ["dinas-koperasi-dan-ukm-provinsi-sulawesi-tengah", "pt-lembah-palu-digital"]
    assert event["part_of_program"] == ["sulteng-niaga-digital"]
    assert [i.label for i in found.items.values() if i.type == "Program"] == ["Sulteng Niaga Digital"]  # one
    assert found.items["pt-lembah-palu-digital"].type == "Startup"
    group = values_of(by_type(found, "TargetGroup")["pelaku usaha mikro"])
    assert group["takes_part_in"] == ["temu-bisnis-niaga-tadulako"]
    yuliana = values_of(by_type(found, "Person")["Yuliana"])
    assert yuliana["location"] == ["tondo"] and yuliana["takes_part_in"] == ["temu-bisnis-niaga-tadulako"]
    quote = next(i for i in found.items.values() if i.type == "Quote")
    assert values_of(quote)["speaker"] == ["yuliana"]
    # a place's name after "Salah satunya" is no one's
    assert "Kupang" not in by_type(run("KUPANG, X.COM - Salah satunya Kupang (12), kota tujuan.\n"), "Person")


def test_the_drafts_build(tmp_path: Path) -> None:
    drafts = ingest_and_build(tmp_path, {"palu.txt": LEAD, "kupang.txt": SURVEY, "pontianak.txt": STARTUP,
                                         "ambon.txt": POSTS_AFTER_DEGREES, "jayapura.txt": COLLABORATIONS,
                                         "ntt.txt": GROUPS_AND_WORDS},
                              "2026-07-17")
    built = [path.parent.parent / "articles" / path.name for path in drafts]  # moved among the articles
    entities = {e["id"]: e for path in built for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entities"]}
    assert entities["flores-data-institute"]["type"] == "Organization"
    assert entities["pt-kapuas-teknologi-nusantara"]["type"] == "Startup"
    assert entities["temu-bisnis-niaga-tadulako"]["venue"]
    cancelled = entities["kolaborasi-pemkot-jayapura-pt-sagu-niaga-daring"]
    assert sorted(cancelled["participants"]) == ["pemkot-jayapura", "pt-sagu-niaga-daring"]


COLLABORATIONS = (
    "JAYAPURA, PAPUAKINI.COM - Pemerintah Kota (Pemkot) Jayapura membuka kelas digital bagi pedagang pasar.\n"
    "Nelson Wenda, Direktur Utama PT Cenderawasih Kirim Digital, mengatakan pengiriman makin cepat.\n"
    "\u201cSaat ini kami sedang menjalankan uji coba gudang bersama dengan Koperasi Mambruk Sejahtera, agar "
    "ongkos kirim turun,\u201d kata Nelson.\n"
    "Sementara itu, kolaborasi Pemkot dengan perusahaan lokapasar PT Sagu Niaga Daring yang disiapkan sejak "
    "2025 akhirnya batal.\n"
    "Startup lokal PT Noken Data Nusantara (Noken Data) juga ikut. Pada 12 Maret 2026, Dinas Koperasi Kota "
    "Jayapura dan Noken Data menandatangani perjanjian kerja sama (PKS) pelatihan pemasaran.\n")


def test_collaborations_told_by_we_by_a_bare_pemkot_and_by_a_short_name() -> None:
    found = run(COLLABORATIONS)
    told = sorted((sorted(parties), status) for parties, status in collaborations(found))
    assert told == [
        (["dinas-koperasi-kota-jayapura", "pt-noken-data-nusantara"], "completed"),  # "Noken Data": its short name
        (["koperasi-mambruk-sejahtera", "pt-cenderawasih-kirim-digital"], "ongoing"),  # "kami": the speaker's
        (["pemkot-jayapura", "pt-sagu-niaga-daring"], "cancelled")]  # "Pemkot" alone: the one named before
    assert found.items["pt-noken-data-nusantara"].type == "Startup"
    assert "Noken Data" in found.items["pt-noken-data-nusantara"].aliases
    assert "dinas-koperasi-kota-jayapura-dan-noken-data" not in found.items  # the region ends the office's name
    # "bersama dengan" told by no one's "kami" is no collaboration; two governments of a level: "Pemkot" is neither
    plain = run("AMBON, X.COM - Warga berlatih bersama dengan Koperasi Pala Banda di Ambon.\n")
    assert collaborations(plain) == []
    two = run("AMBON, X.COM - Pemerintah Kota (Pemkot) Ambon dan Pemerintah Kota (Pemkot) Tual hadir. Pemkot "
              "bersiap.\n")
    assert not any("Pemkot" in i.aliases for i in two.items.values())


GROUPS_AND_WORDS = (
    "KUPANG, FLORESKU.COM - Pemerintah Provinsi (Pemprov) Nusa Tenggara Timur meluncurkan Program Flobamora "
    "Niaga Digital.\n"
    "Program Flobamora Niaga Digital menyasar perajin tenun, petani jambu mete, dan pelaku usaha mikro.\n"
    "Pemprov menargetkan 2.500 pelaku usaha masuk lokapasar hingga akhir 2026.\n"
    "Kerja sama Pemprov Nusa Tenggara Timur dengan PT Sasando Niaga ini diharapkan membuka pasar baru bagi "
    "UMKM. Kerja sama itu juga memuat pelatihan pemasaran bagi nelayan.\n"
    "Maria Ohoiwutun, S.E., M.B.A., pendiri sekaligus Direktur Utama PT Arafura Niaga Digital, menjelaskan "
    "penjualan naik tajam tahun ini.\n"
    "Maria menjelaskan aplikasinya kini memuat 300 produk dari 40 desa.\n"
    "\u201cKami ingin pasar lebih luas,\u201d imbuhnya.\n"
    "Menurut Maria, pesanan datang dari Jawa dan Bali.\n"
    "Warga dari Kelurahan Maro, Kecamatan Merauke, juga ikut. Pemerintah Kabupaten (Pemkab) Merauke mengirim "
    "utusan.\n")


def test_groups_listed_after_a_cue_a_target_figure_and_what_a_speaker_named_by_degrees_said() -> None:
    found = run(GROUPS_AND_WORDS)
    program = values_of(found.items["flobamora-niaga-digital"])
    assert program["target_groups"] == ["perajin-tenun", "petani-jambu-mete", "pelaku-usaha-mikro"]  # all three
    assert "location" not in program  # the government's province is not said to be where it runs
    assert "pelaku-usaha-masuk-lokapasar" not in found.items  # a figure to reach, its verb no word of a group
    assert "umkm" not in found.items  # "diharapkan membuka pasar baru bagi UMKM": a hope, not whom it is for
    assert by_type(found, "TargetGroup")["nelayan"]  # "pelatihan pemasaran bagi nelayan"
    said = {values_of(i)["text"][0]: i for i in found.items.values() if i.type in ("Quote", "IndirectQuote")}
    for words in ("aplikasinya kini memuat 300 produk dari 40 desa",  # "menjelaskan" without "bahwa"
                  "Kami ingin pasar lebih luas,",  # "imbuhnya": the last one named
                  "pesanan datang dari Jawa dan Bali"):  # "Menurut Maria,"
        assert values_of(said[words])["speaker"] == ["maria-ohoiwutun"]
    # "Kecamatan Merauke" is a district of the regency of that name, not the regency Pemkab Merauke governs
    assert found.items["kecamatan-merauke"].type == "Place"
    assert values_of(found.items["pemkab-merauke"])["jurisdiction"] == ["merauke"]
    assert found.items["merauke"].type == "Regency" and "Kecamatan Merauke" not in found.items["merauke"].aliases


SPEAKERS = (
    "TERNATE, MALUTKINI.COM - Dinas Koperasi Kota Ternate membuka kelas digital.\n"
    "Kepala Dinas Koperasi dan UKM Provinsi Maluku Utara, Hj. Nur Aisyah Lamadi, S.E., M.Si., mengatakan "
    "pesanan pedagang naik dua kali lipat.\n"
    "Menurut Nur, pedagang makin percaya diri berjualan daring.\n"
    "Pelatihan itu, kata dia, akan digelar lagi tahun depan di Tidore.\n")


def test_a_speaker_by_her_first_name_and_by_kata_dia_set_amid_the_words() -> None:
    found = run(SPEAKERS)
    said = {values_of(i)["text"][0]: values_of(i)["speaker"] for i in found.items.values()
            if i.type == "IndirectQuote"}
    assert said == {"pesanan pedagang naik dua kali lipat": ["nur-aisyah-lamadi"],
                    "pedagang makin percaya diri berjualan daring": ["nur-aisyah-lamadi"],  # "Menurut Nur,"
                    "Pelatihan itu, kata dia, akan digelar lagi tahun depan di Tidore": ["nur-aisyah-lamadi"]}
    # an office named with its province's level word is given no jurisdiction the text does not write
    assert "jurisdiction" not in found.items["dinas-koperasi-dan-ukm-provinsi-maluku-utara"].fields
