"""News paragraphs written for these tests (invented offices, companies and people, real regions of
Maluku, Nusa Tenggara Timur, Papua, Kalimantan, Sumatra, Sulawesi and Bali): governments named in
full with their short form, bylines "Oleh X" and a closing "Editor: X", two posts joined before a
name with degrees, a post in a team, groups joined by "dan", a survey written small with its
author in full, collaborations a speaker tells for their organisation ("pihaknya") or the text
tells of "kedua pihak", and the speech verbs that close a quote. Each test says what must and
must not be proposed."""

from __future__ import annotations

import yaml

from kg.ingest.draft import propose
from tests.ingest.drafting import ingest_and_build
from tests.ingest.test_rules import CUES, by_type, collaborations, run, values_of

GOVERNMENTS = (
    "AMBON, MALUKUKINI.COM - Pemerintah Kota (Pemkot) Ambon bersama Pemerintah Provinsi (Pemprov) Maluku "
    "membuka kelas ekspor pala. Pemerintah Kabupaten (Pemkab) Sikka juga mengirim perajin tenun.\n"
    "Pemprov Bengkulu ikut belajar dari Maluku, sementara Dinas Koperasi Kabupaten Sikka mendampingi perajin.\n")


def test_a_government_named_in_full_with_its_short_form_governs_the_region_of_its_level() -> None:
    found = run(GOVERNMENTS)
    ambon, maluku, sikka = found.items["pemkot-ambon"], found.items["pemprov-maluku"], found.items["pemkab-sikka"]
    assert ambon.label == "Pemerintah Kota Ambon" and "Pemkot Ambon" in ambon.aliases
    assert maluku.label == "Pemerintah Provinsi Maluku" and "Pemprov Maluku" in maluku.aliases
    assert "Pemkab Sikka" in sikka.aliases
    assert found.items[values_of(ambon)["jurisdiction"][0]].type == "City"
    assert found.items[values_of(maluku)["jurisdiction"][0]].type == "Province"
    assert found.items[values_of(sikka)["jurisdiction"][0]].type == "Regency"
    # "Pemprov Bengkulu": the province, though a city has the name too
    assert found.items[values_of(found.items["pemprov-bengkulu"])["jurisdiction"][0]].type == "Province"
    # an office names its level in its name: no jurisdiction the text does not give
    assert "jurisdiction" not in found.items["dinas-koperasi-kabupaten-sikka"].fields


_FILLER = ("Para perajin menjual kain tenun ikat ke pembeli di luar daerah lewat lokapasar dan media sosial, "
           "sementara pesanan terus bertambah menjelang musim liburan akhir tahun. ") * 30
BYLINES = (
    "Ekonomi\nPerajin Tenun Sumba Timur Rambah Pasar Daring\nOleh Yohana Kahi Ata\n"
    "WAINGAPU, SUMBANEWS.ID - Pemkab Sumba Timur membuka kelas pemasaran digital bagi perajin tenun.\n"
    f"{_FILLER}\n"
    "Editor: Markus Umbu Remu\n")


def test_a_byline_by_oleh_is_the_author_and_a_closing_editor_line_the_editor() -> None:
    assert len(BYLINES) > 3000  # the editor's line is far below the header
    found = propose(BYLINES, {}, CUES)
    assert found.article["author"].value == "yohana-kahi-ata"
    assert found.article["editor"].value == "markus-umbu-remu"
    assert found.items["yohana-kahi-ata"].type == "Person"
    assert "subheadline" not in found.article  # "Oleh …" is a byline, not a subheadline
    colon = propose("Ekonomi\nJudul Berita\nOleh: Agustina Mote\nNABIRE, X.COM - Pasar tumbuh.\n", {}, CUES)
    assert colon.article["author"].value == "agustina-mote" and "subheadline" not in colon.article
    # "Oleh karena itu" in the body names no one
    body = propose("Ekonomi\nJudul Berita\nKUPANG, X.COM - Pasar tumbuh.\nOleh karena itu pelatihan digelar.\n",
                   {}, CUES)
    assert "author" not in body.article


TITLES = (
    "DENPASAR, BALIKINI.COM - Fakultas Ekonomi dan Bisnis Universitas Udayana (FEB Unud) meneliti kedai kopi.\n"
    "Founder sekaligus Chief Executive Officer (CEO) Kopiku, Made Arya Wibawa, S.Kom., mengatakan penjualan "
    "naik.\n"
    "Peneliti FEB Unud sekaligus ketua tim survei, Dr. Ni Luh Putu Ariani, S.E., M.Si., menilai pasar kopi "
    "tumbuh.\n")


def test_two_titles_before_a_name_with_degrees_and_a_post_in_a_team() -> None:
    found = run(TITLES)
    people = by_type(found, "Person")
    assert values_of(people["Made Arya Wibawa"])["holds"] == ["founder-kopiku", "chief-executive-officer-kopiku"]
    for post in ("founder-kopiku", "chief-executive-officer-kopiku"):
        assert values_of(found.items[post])["post_in"] == ["kopiku"]
    ariani = people["Ni Luh Putu Ariani"]
    assert values_of(ariani)["holds"] == ["peneliti-feb-unud", "ketua-tim-survei"]
    assert values_of(found.items["peneliti-feb-unud"])["post_in"] == ["feb-unud"]
    team = found.items[values_of(found.items["ketua-tim-survei"])["post_in"][0]]
    assert team.type == "Team" and values_of(team)["team_of"] == ["feb-unud"]
    # a degree is never a person nor part of a name or a post
    assert not any("S.Kom" in i.label or "M.Si" in i.label or "S.E." in i.label for i in found.items.values())
    assert "s-kom" not in found.items
    assert not any(i.label.startswith("Dr.") for i in found.items.values())


GROUPS = (
    "KUPANG, FLOBAMORAKINI.COM - Program Laut Sejahtera menyasar nelayan dan pembudidaya ikan skala kecil di "
    "Kabupaten Rote Ndao.\n"
    "Yosef Bria, satu dari sekitar 150 petani dan peternak yang mengikuti Pelatihan Tani Cerdas, mengaku "
    "senang. Pelatihan itu terbuka bagi pelaku UMKM yang belum berjualan daring.\n")


def test_groups_joined_by_dan_are_one_group_told_whole() -> None:
    found = run(GROUPS)
    groups = by_type(found, "TargetGroup")
    whole = next(g for label, g in groups.items() if label.startswith("nelayan dan pembudidaya ikan skala kecil"))
    assert values_of(found.items["laut-sejahtera"])["target_groups"] == [whole.ident]
    assert "nelayan" not in groups  # not the first word alone
    farmers = groups["petani dan peternak"]
    assert values_of(farmers)["takes_part_in"] == ["pelatihan-tani-cerdas"]
    assert "petani" not in groups


SURVEY = (
    "AMBON, MALUKUKINI.COM - Minat berjualan daring terlihat dari survei Fakultas Ekonomi dan Bisnis "
    "Universitas Pattimura (FEB Unpatti) terhadap 300 pelaku UMKM pada Maret 2026. Hasilnya, 60 persen pelaku "
    "UMKM sudah berjualan daring.\n"
    "Dinas setempat juga menggelar survei lapangan di pasar. Hasilnya belum diumumkan.\n")


def test_a_survey_written_small_by_an_organisation_named_in_full_and_its_findings() -> None:
    found = run(SURVEY)
    studies = by_type(found, "Study")
    assert list(studies) == ["Survei Fakultas Ekonomi dan Bisnis Universitas Pattimura"]  # no "survei lapangan"
    study = studies["Survei Fakultas Ekonomi dan Bisnis Universitas Pattimura"]
    assert values_of(study)["author"] == ["feb-unpatti"]
    assert values_of(study)["period"] == ["2026"]  # the year after whom it asked
    finding = found.items[values_of(study)["findings"][0]]
    assert values_of(finding)["text"] == ["Hasilnya, 60 persen pelaku UMKM sudah berjualan daring"]
    assert len(by_type(found, "Finding")) == 1  # "Hasilnya belum diumumkan": no figure, no finding


BOTH = (
    "PONTIANAK, KALBARKINI.COM - Sebanyak 60 perajin mengikuti Pelatihan Kriya Digital di Pontianak, Selasa "
    "(3/3/2026). Pelatihan itu digelar oleh Dinas Koperasi Kalbar bersama PT Borneo Niaga Digital. Kerja sama "
    "kedua pihak sudah diresmikan lewat nota kesepahaman yang diteken pada April 2026 di kantor Dinas Koperasi "
    "Kalbar.\n")
THREE = (
    "SAMARINDA, KALTIMKINI.COM - Pelatihan itu digelar oleh Dinas Koperasi Kaltim bersama PT Mahakam Digital dan "
    "Koperasi Nelayan Bontang. Kerja sama kedua pihak sudah diresmikan.\n")


def test_kedua_pihak_are_the_two_parties_named_together_in_the_sentence_before() -> None:
    found = run(BOTH)
    assert collaborations(found) == [(["dinas-koperasi-kalbar", "pt-borneo-niaga-digital"], "completed")]
    collaboration = by_type(found, "Collaboration")["Kolaborasi Dinas Koperasi Kalbar dan PT Borneo Niaga Digital"]
    assert values_of(collaboration)["resulted_in"] == ["pelatihan-kriya-digital"]  # the event the two held
    assert collaborations(run(THREE)) == []  # three named before: "kedua pihak" is not resolved
    opening = run("PALU, SULTENGKINI.COM - Pelatihan digelar Dinas Koperasi Sulteng dan PT Tadulako Digital di Palu. "
                  "Kedua pihak sepakat melanjutkan kerja sama tahun depan.\n")
    assert collaborations(opening) == [  # to go on "tahun depan": a time to come, a plan
        (["dinas-koperasi-sulteng", "pt-tadulako-digital"], "planned")]
    between = run("PALU, SULTENGKINI.COM - Pelatihan itu digelar oleh Dinas Koperasi Sulteng bersama PT Tadulako "
                  "Digital di Palu. Kegiatan ini merupakan bagian dari program Sulteng Maju Daring. Kerja sama kedua "
                  "pihak sudah diresmikan lewat nota kesepahaman yang diteken pada April 2026.\n")
    assert collaborations(between) == [  # a sentence about the event between: the two named before it
        (["dinas-koperasi-sulteng", "pt-tadulako-digital"], "completed")]


SPOKEN_FOR = (
    "MEDAN, SUMUTKINI.COM - Direktur PT Kopi Toba Lestari, Rina Simanjuntak, mengatakan pihaknya saat ini masih "
    "bermitra dengan Koperasi Tani Samosir untuk pasokan biji kopi, sementara kerja sama pengiriman dengan PT "
    "Kirim Cepat Nusantara dijadwalkan mulai berjalan pada Agustus 2026.\n"
    "Rina mengungkapkan, rencana kemitraan dengan perusahaan logistik PT Angkut Sumatra resmi diurungkan sejak "
    "Mei lalu.\n")


def test_collaborations_a_speaker_tells_for_their_organisation() -> None:
    found = run(SPOKEN_FOR)
    assert sorted(collaborations(found)) == [
        (["pt-kopi-toba-lestari", "koperasi-tani-samosir"], "ongoing"),
        (["pt-kopi-toba-lestari", "pt-angkut-sumatra"], "cancelled"),
        (["pt-kopi-toba-lestari", "pt-kirim-cepat-nusantara"], "planned")]
    quotes = [i for i in found.items.values() if i.type == "IndirectQuote"]
    assert len(quotes) == 2 and all(values_of(q)["speaker"] == ["rina-simanjuntak"] for q in quotes)
    assert values_of(quotes[0])["text"][0].startswith("pihaknya saat ini masih bermitra")  # "saat ini": now
    done = run("JAYAPURA, PAPUAKINI.COM - Ketua Koperasi Noken Mama, Yohana Wenda, mengatakan pihaknya telah "
               "menjalin kerja sama dengan PT Papua Kirim untuk pengiriman noken.\n")
    assert collaborations(done) == [(["koperasi-noken-mama", "pt-papua-kirim"], "completed")]
    # no speaker, no organisation of theirs: one partner alone is no collaboration
    alone = run("BATAM, KEPRIKINI.COM - Kerja sama dengan PT Kirim Cepat Nusantara dijadwalkan mulai Agustus.\n")
    assert collaborations(alone) == []


QUOTES = (
    "MANADO, NYIURKINI.COM - Kepala Dinas Koperasi Sulut, Stevanus Lumowa, menjelaskan bahwa pasar daring tumbuh. "
    "Menurut dia, pelaku usaha makin siap.\n"
    "Peneliti Unsrat, Grace Pangemanan, menilai pelatihan itu penting. Grace mengungkapkan, banyak pelaku belum "
    "punya toko.\n"
    "\"Kami siap membantu,\" jawab Stevanus.\n"
    "\"Pasar terus tumbuh,\" tutur Grace.\n"
    "\"Kami senang sekali,\" ucapnya.\n")


def test_quotes_closed_by_jawab_tutur_and_ucapnya_and_indirect_ones_after_menilai() -> None:
    found = run(QUOTES)
    said = {(i.type, values_of(i)["verb"][0]): values_of(i)["speaker"] for i in found.items.values()
            if i.type in ("Quote", "IndirectQuote")}
    assert said == {
        ("IndirectQuote", "menjelaskan"): ["stevanus-lumowa"], ("IndirectQuote", "Menurut"): ["stevanus-lumowa"],
        ("IndirectQuote", "menilai"): ["grace-pangemanan"], ("IndirectQuote", "mengungkapkan"): ["grace-pangemanan"],
        ("Quote", "jawab"): ["stevanus-lumowa"], ("Quote", "tutur"): ["grace-pangemanan"],
        ("Quote", "ucapnya"): ["grace-pangemanan"]}  # "-nya": the speaker named last
    assert values_of(found.items["grace-pangemanan"])["holds"] == ["peneliti-unsrat"]


def test_an_app_named_as_its_companys_name_starts_is_the_company() -> None:
    found = run("BALIKPAPAN, KALTIMKINI.COM - PT Kopiku Nusantara, yang dikenal dengan aplikasi Kopiku, membuka "
                "kantor. Warga memesan lewat aplikasi Kopiku setiap hari.\n")
    assert [i.label for i in found.items.values() if i.type in ("Company", "Organization")] == ["PT Kopiku Nusantara"]
    assert "Kopiku" in found.items["pt-kopiku-nusantara"].aliases
    # an app of no proposed company is an organisation of its own
    other = run("TARAKAN, KALTARAKINI.COM - Nelayan menjual ikan lewat aplikasi Lautku setiap hari.\n")
    assert by_type(other, "Organization")["Lautku"].rule == "org-kind-word"


def test_the_drafts_build(tmp_path) -> None:
    drafts = ingest_and_build(tmp_path, {"maluku.txt": GOVERNMENTS, "bali.txt": TITLES, "ambon.txt": SURVEY,
                                         "kalbar.txt": BOTH, "sumut.txt": SPOKEN_FOR}, "2026-05-20")
    built = [path.parent.parent / "articles" / path.name for path in drafts]  # moved among the articles
    entities = {e["id"]: e for path in built for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entities"]}
    assert entities["tim-survei-feb-unud"]["type"] == "Team"
    assert entities["kolaborasi-dinas-koperasi-kalbar-pt-borneo-niaga-digital"]["resulted_in"] == [
        "pelatihan-kriya-digital"]
    assert entities["survei-fakultas-ekonomi-dan-bisnis-universitas-pattimura"]["type"] == "Study"
    parties = sorted(sorted(e["participants"]) for e in entities.values() if e["type"] == "Collaboration")
    assert parties == [["dinas-koperasi-kalbar", "pt-borneo-niaga-digital"], ["koperasi-tani-samosir",
                       "pt-kopi-toba-lestari"], ["pemkot-ambon", "pemprov-maluku"], ["pt-angkut-sumatra",
                       "pt-kopi-toba-lestari"], ["pt-kirim-cepat-nusantara", "pt-kopi-toba-lestari"]]


def test_words_with_menurut_dia_set_between_them_are_the_speakers() -> None:
    found = run("PALANGKA RAYA, KALTENGKINI.COM - Kepala Dinas Koperasi Kalteng, Yuliana Ungkal, hadir. Pelatihan "
                "itu, menurut dia, membuat perajin rotan lebih siap. Pasar daring, menurutnya, terus tumbuh di "
                "Kalteng.\n")
    quotes = [i for i in found.items.values() if i.type == "IndirectQuote"]
    assert [values_of(q)["text"] for q in quotes] == [
        ["Pelatihan itu, menurut dia, membuat perajin rotan lebih siap"],
        ["Pasar daring, menurutnya, terus tumbuh di Kalteng"]]
    assert all(values_of(q)["speaker"] == ["yuliana-ungkal"] for q in quotes)
    # "menurut dia, berharap …": "dia" reports the hope, it does not hope: no quote of "dia berharap"
    assert not any(values_of(q)["verb"] == ["berharap"] for q in quotes)


def test_a_country_in_the_outlets_line_or_address_is_not_proposed() -> None:
    known = {"Indonesia": ("indonesia", "Country")}
    header = "Ekonomi\nPerajin Rotan Kalteng Go Digital\nKabarIndonesia.com | Indonesia\n"
    found = propose(header + "PALANGKA RAYA, KALTENGKINI.COM - Perajin rotan berjualan daring.\n", {}, CUES)
    assert "subheadline" not in found.article  # the outlet's line is no subheadline
    found = propose(header + "PALANGKA RAYA, KALTENGKINI.COM - Perajin rotan berjualan daring.\n", known, CUES)
    assert "indonesia" not in found.items
    spoken = propose(header + "PALANGKA RAYA, KALTENGKINI.COM - Rotan dijual ke seluruh Indonesia.\n", known, CUES)
    assert spoken.items["indonesia"].type == "Country"  # the text speaks of it


def test_degrees_written_without_dots_are_no_name() -> None:
    found = run("TERNATE, MALUTKINI.COM - Peneliti Unkhair, Dr. Sartika Hamid, SE, MSi, menilai pasar rempah tumbuh. "
                "Kepala Bappeda Malut, Ir. Yusuf Sangaji, MSE, mengatakan data ekspor naik.\n")
    people = by_type(found, "Person")
    assert values_of(people["Sartika Hamid"])["holds"] == ["peneliti-unkhair"]
    assert values_of(people["Yusuf Sangaji"])["holds"] == ["kepala-bappeda-malut"]
    assert not any(label in people for label in ("Dr", "SE", "MSi", "MSE", "Ir"))
