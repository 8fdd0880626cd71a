"""News paragraphs written for these tests (invented people, companies and institutes, real regions
of Maluku, Nusa Tenggara Timur and Kalimantan Barat): a post written after a name and its degrees,
an institute with an English name and its short form, a survey with two figures set against each
other, a startup that is a PT with an app of its own name, and a company whose name holds an
event's word. Each test says what must and must not be proposed."""

from __future__ import annotations

import re

from tests.ingest.test_rules import by_type, run, values_of

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
