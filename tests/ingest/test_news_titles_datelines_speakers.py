"""News paragraphs written for these tests (invented offices, outlets and people, real regions of
Sumatra, Jawa, Bali, Kalimantan, Sulawesi, Maluku and Nusa Tenggara Timur): academic and religious
titles around a name, an outlet written only in the dateline, and indirect quotes whose speaker is
named after the words or by "menurut". Each test says what must and must not be proposed."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.model import Proposals
from kg.source.text import ArticleText
from tests.ingest.drafting import ingest_and_build
from tests.ingest.test_rules import by_type, collaborations, run, values_of

HEADLINE_ONLY = "Ekonomi\nPetani Muda Belajar Berjualan Daring\n"  # no byline, no reporter line

TITLED = (
    "PALEMBANG, SRIWIJAYAKINI.COM - Kepala Dinas Pertanian Sumsel, Dr. Hj. Rosmala Dewi, M.Si., mengatakan "
    "petani muda mulai memakai aplikasi pasar.\n"
    "Rektor Universitas Sriwijaya, Prof. Dr. Ir. Bambang Setiadi, M.Sc., menyebut kampus siap mendampingi.\n"
    "\"Kami ingin petani melek digital,\" kata Rosmala. Ketua Yayasan Tani Makmur, K.H. Abdul Karim, S.Pd., M.M., "
    "mengatakan pesantren ikut berjualan daring.\n")


def _person_labels(found: Proposals) -> set[str]:
    return {item.label for item in found.items.values() if item.type == "Person"}


def test_titles_before_a_name_and_degrees_after_it_are_no_part_of_it() -> None:
    found = run(TITLED)
    people = by_type(found, "Person")
    assert {"Rosmala Dewi", "Bambang Setiadi", "Abdul Karim"} <= _person_labels(found)
    assert values_of(people["Rosmala Dewi"])["holds"] == ["kepala-dinas-pertanian-sumsel"]
    assert values_of(people["Bambang Setiadi"])["holds"] == ["rektor-universitas-sriwijaya"]
    assert values_of(found.items["rektor-universitas-sriwijaya"])["post_in"] == ["universitas-sriwijaya"]
    assert "Rosmala" in people["Rosmala Dewi"].aliases  # "kata Rosmala" is her
    # never a person made of titles, nor a name holding a title or a degree
    assert not any(word in label for label in _person_labels(found)
                   for word in ("Dr", "Prof", "Hj", "K.H", "M.Si", "M.Sc", "S.Pd", "M.M"))
    quote = next(i for i in found.items.values() if i.type == "Quote")
    assert values_of(quote)["speaker"] == ["rosmala-dewi"]
    said = {values_of(i)["speaker"][0] for i in found.items.values() if i.type == "IndirectQuote"}
    assert {"rosmala-dewi", "bambang-setiadi", "abdul-karim"} <= said  # the degree sits between name and verb


def test_a_titles_dot_ends_no_sentence_but_a_full_stop_still_does() -> None:
    text = ArticleText("Kepala Dinas, Dr. Hj. Rosmala Dewi, M.Si., hadir. Bupati H. Saidi ada. Blok AH. Lalu pulang.")
    assert [s.text for s in text.sentences] == ["Kepala Dinas, Dr. Hj. Rosmala Dewi, M.Si., hadir.",
                                                "Bupati H. Saidi ada.", "Blok AH.", "Lalu pulang."]


def test_an_upper_case_datelines_outlet_is_the_publisher_labelled_as_the_text_writes_it() -> None:
    found = run("MEDAN, KABARMEDAN.ID \u2013 Pemerintah Kota (Pemkot) Medan membuka kelas digital. Ikuti berita lain "
                "di Kabarmedan.id setiap hari.\n", HEADLINE_ONLY)
    outlet = by_type(found, "MediaOutlet")["Kabarmedan.id"]
    assert found.article["publisher"].value == outlet.ident == "kabarmedan"
    assert "KABARMEDAN.ID" in outlet.aliases
    assert found.article["dateline"].value == "medan"
    assert not any("venue" in item.fields for item in found.items.values())  # a dateline is never a venue


def test_a_dateline_outlet_in_its_own_case_or_only_in_capitals() -> None:
    kupang = run("KUPANG, Floresku.com - Pemerintah Provinsi NTT membuka kelas digital, Selasa (4/6/2024).\n",
                 HEADLINE_ONLY)
    assert by_type(kupang, "MediaOutlet")["Floresku.com"].ident == kupang.article["publisher"].value
    assert kupang.article["dateline"].value == "kupang"
    ambon = run("AMBON, MALUKUHARI.COM - Dinas Koperasi Kota Ambon membuka pasar daring.\n", HEADLINE_ONLY)
    assert set(by_type(ambon, "MediaOutlet")) == {"MALUKUHARI.COM"}  # written nowhere else: as in the dateline
    # a reporter line names the outlet already: the dateline's capitals are its alias, no second outlet
    found = run("DENPASAR, CONTOHNEWS.COM - Pemprov Bali membuka kelas.\n")
    assert set(by_type(found, "MediaOutlet")) == {"ContohNews.com"}


SPEAKERS_AFTER = (
    "SAMARINDA, BORNEOKINI.COM - Kepala Dinas Koperasi Kaltim, Yusran Effendi, menyebut pelatihan itu diikuti "
    "pedagang pasar.\n"
    "Pelatihan lanjutan akan digelar di Balikpapan pada bulan depan, ungkapnya.\n"
    "Pemilik toko daring, Sri Wahyuni (41), ikut hadir. Pesanan dari Makassar kini datang tiap pekan, tutur Sri.\n"
    "Menurut Andi Pawelloi, pedagang di Kendari juga mulai berjualan lewat aplikasi. Menurut dia, ongkos kirim "
    "masih mahal.\n"
    "Ia datang pagi hari, lalu pulang.\n")


def test_words_told_before_their_speaker_and_a_speaker_named_by_menurut() -> None:
    found = run(SPEAKERS_AFTER)
    told = {values_of(i)["text"][0]: values_of(i)["speaker"][0]
            for i in found.items.values() if i.type == "IndirectQuote"}
    assert told["Pelatihan lanjutan akan digelar di Balikpapan pada bulan depan"] == "yusran-effendi"
    assert told["Pesanan dari Makassar kini datang tiap pekan"] == "sri-wahyuni"
    assert told["pedagang di Kendari juga mulai berjualan lewat aplikasi"] == "andi-pawelloi"
    assert told["ongkos kirim masih mahal"] == "andi-pawelloi"  # "menurut dia": the last one named
    assert by_type(found, "Person")["Andi Pawelloi"].confidence <= 0.5
    # a sentence with no speech verb after its words is no quote; every quote's words are the text's
    assert not any("Ia datang" in str(values_of(i)["text"][0]) for i in found.items.values()
                   if i.type == "IndirectQuote")
    for item in found.items.values():
        if item.type == "IndirectQuote":
            assert values_of(item)["text"][0] in found.text[item.span.start:item.span.end]


def test_no_speaker_is_invented_for_words_told_before_an_unknown_name_or_a_place() -> None:
    found = run("YOGYAKARTA, JOGJAKINI.COM - Pasar digital dibuka untuk perajin batik, kata Sleman.\n"
                "Menurut Jawa Tengah, harga naik. Menurut Pemerintah Provinsi, pasar dibuka.\n")
    assert not any(i.type in ("IndirectQuote", "Quote") for i in found.items.values())
    assert not ({"Jawa Tengah", "Pemerintah Provinsi", "Sleman"} & _person_labels(found))


def test_the_drafts_of_these_paragraphs_pass_the_builds_checks_and_build(tmp_path: Path) -> None:
    """Every paragraph of this module through `kg ingest`, then the drafts built as articles."""
    names = ("TITLED", "SPEAKERS_AFTER", "OFFICES", "LEADS", "PLANS", "SCHEDULED", "TITLES_IN_RUNS", "REFUSALS")
    drafts = ingest_and_build(tmp_path, {f"contoh-2026-04-18-{name.lower().replace('_', '-')}.txt":
                                         HEADLINE_ONLY + globals()[name] for name in names}, "2026-04-18")
    assert len(drafts) == 8


OFFICES = (
    "PADANG, RANAHKABAR.COM - Kantor Perwakilan Bank Indonesia (KPw BI) Sumatera Barat menggandeng Kantor Wilayah "
    "(Kanwil) Kementerian Agama Sumbar untuk digitalisasi infak masjid.\n"
    "Kepala KPw BI Sumbar, Endy Pratama, mengatakan program itu diikuti 40 masjid. Bank Indonesia menargetkan "
    "seribu masjid. Kanwil Kemenag Sumbar menyiapkan data masjid.\n"
    "Di Sulawesi, Kantor Cabang Bank Sulselbar Makassar menyalurkan kredit usaha. Kantor Perwakilan kami di "
    "Jakarta tutup.\n")


def test_a_national_bodys_office_in_a_region_is_one_organisation() -> None:
    found = run(OFFICES, HEADLINE_ONLY)
    kpw = found.items["kantor-perwakilan-bank-indonesia-sumatera-barat"]
    assert kpw.type == "GovernmentBody" and kpw.label == "Kantor Perwakilan Bank Indonesia Sumatera Barat"
    assert "KPw BI Sumbar" in kpw.aliases  # the short form with the region, as written
    assert values_of(kpw)["jurisdiction"] == ["sumatera-barat"]
    assert values_of(kpw)["part_of"] == ["bank-indonesia"]  # the body is named on its own later
    assert found.items["bank-indonesia"].type == "GovernmentBody"  # the central bank is no company
    assert values_of(found.items["kepala-kpw-bi-sumbar"])["post_in"] == [kpw.ident]
    kanwil = found.items["kantor-wilayah-kementerian-agama-sumbar"]
    assert kanwil.type == "GovernmentBody" and "Kanwil Kemenag Sumbar" in kanwil.aliases
    assert values_of(kanwil)["jurisdiction"] == ["sumatera-barat"]
    branch = found.items["kantor-cabang-bank-sulselbar-makassar"]
    assert branch.type == "Company" and values_of(branch)["jurisdiction"] == ["makassar"]
    # never the words inside the office's name as organisations, programs or a country of their own
    labels = {item.label for item in found.items.values()}
    assert not labels & {"Bank Indonesia (KPw BI) Sumatera Barat", "Kantor Wilayah", "Kementerian Agama Sumbar",
                         "Bank Sulselbar Makassar", "Indonesia"}
    assert not any(i.type == "Country" for i in found.items.values())
    assert not any(label.startswith("Kantor Perwakilan kami") for label in labels)  # no region closes it


def test_an_office_whose_national_body_is_named_only_inside_its_name_is_part_of_that_body() -> None:
    found = run("MATARAM, LOMBOKKINI.COM - Kantor Wilayah Direktorat Jenderal Pajak Nusa Tenggara membuka kelas "
                "pajak digital. Kantor Regional Badan Kepegawaian Negara Denpasar ikut hadir.\n", HEADLINE_ONLY)
    offices = [i for i in found.items.values() if i.rule == "regional-office"]
    assert {i.label for i in offices} == {"Kantor Regional Badan Kepegawaian Negara Denpasar"}
    assert values_of(offices[0])["part_of"] == ["badan-kepegawaian-negara"]  # the body its name holds
    assert found.items["badan-kepegawaian-negara"].type == "GovernmentBody"
    assert values_of(offices[0])["jurisdiction"] == ["denpasar"]


LEADS = (
    "DENPASAR, BALIKINI.COM - Sebanyak 240 petani muda dari Tabanan, Gianyar dan Bangli mengikuti Bootcamp Tani "
    "Cakap Digital di Gedung Ksirarnawa, Kamis (16/4/2026).\n"
    "Di Kalimantan, ratusan pelaku UMKM memadati Pelatihan Pemasaran Daring yang digelar Dinas Koperasi Kaltim di "
    "Hotel Mesra, Jumat (17/4/2026).\n"
    "Festival Kopi Toraja resmi dibuka oleh Bupati Tana Toraja di Rantepao.\n")


def test_events_told_in_the_lead_by_those_who_came() -> None:
    found = run(LEADS, HEADLINE_ONLY)
    bootcamp = found.items["bootcamp-tani-cakap-digital"]
    assert bootcamp.type == "TrainingEvent"
    assert values_of(bootcamp)["venue"] == ["gedung-ksirarnawa"]
    assert [d.isoformat() for d in values_of(bootcamp)["date"]] == ["2026-04-16"]
    assert values_of(bootcamp)["participants_from"] == ["tabanan", "gianyar", "bangli"]
    farmers = next(i for i in found.items.values() if i.type == "TargetGroup" and i.label.startswith("petani muda"))
    assert values_of(farmers)["takes_part_in"] == [bootcamp.ident] and values_of(farmers)["size"] == [240]
    training = found.items["pelatihan-pemasaran-daring"]
    assert training.type == "TrainingEvent" and values_of(training)["organizer"] == ["dinas-koperasi-kaltim"]
    assert values_of(training)["venue"] == ["hotel-mesra"]
    assert values_of(by_type(found, "TargetGroup")["pelaku UMKM"])["takes_part_in"] == [training.ident]
    assert "size" not in by_type(found, "TargetGroup")["pelaku UMKM"].fields  # "ratusan" is no number
    festival = found.items["festival-kopi-toraja"]
    assert festival.type == "Event" and "organizer" not in festival.fields  # who opened it need not organise it
    assert found.article["dateline"].value == "denpasar"
    assert all(values_of(i).get("venue") != ["denpasar"] for i in found.items.values())  # the dateline is no venue


def test_no_event_from_a_lead_that_says_it_is_to_come_or_did_not_happen() -> None:
    found = run("AMBON, MALUKUHARI.COM - Ratusan nelayan akan mengikuti Bootcamp Laut Digital di Ambon. Puluhan "
                "perajin tidak mengikuti Pameran Kain Tenun Maluku tahun ini.\n", HEADLINE_ONLY)
    assert not any(i.type in ("Event", "TrainingEvent") for i in found.items.values())
    assert not any("takes_part_in" in i.fields for i in found.items.values())


PLANS = (
    "MATARAM, LOMBOKKINI.COM - Dinas Pariwisata NTB berencana menggelar Festival Kopi Sembalun di Lombok Timur pada "
    "Mei mendatang.\n"
    "Dalam waktu dekat, Dinas Koperasi Kota Kupang akan menggelar Pelatihan Toko Daring di Kupang. \"Kami siapkan "
    "pelatih,\" kata Kepala Dinas Koperasi Kota Kupang, Yosef Lendes.\n"
    "Koperasi Tani Flores tidak menggelar Bazar Kopi Flores tahun ini. Pameran Kopi Gayo yang dijadwalkan digelar di "
    "Aceh Tengah urung terlaksana.\n")


def test_planned_events_with_organiser_and_place_and_events_called_off_or_not_held() -> None:
    found = run(PLANS, HEADLINE_ONLY)
    festival = found.items["festival-kopi-sembalun"]
    assert values_of(festival) == {"organizer": ["dinas-pariwisata-ntb"], "status": ["planned"],
                                   "venue": ["lombok-timur"]}
    assert found.span_text(festival.fields["status"][0].span) == "berencana"  # the cue of its own clause
    training = found.items["pelatihan-toko-daring"]
    assert training.type == "TrainingEvent" and values_of(training)["status"] == ["planned"]
    assert values_of(training)["organizer"] == ["dinas-koperasi-kota-kupang"]
    assert "date" not in training.fields  # planned: no day it was held
    quote = next(i for i in found.items.values() if i.type == "Quote")
    assert values_of(quote)["speaker"] == ["yosef-lendes"]
    gayo = found.items["pameran-kopi-gayo"]
    assert values_of(gayo)["status"] == ["cancelled"] and "urung" in found.span_text(gayo.fields["status"][0].span)
    assert "bazar-kopi-flores" not in found.items  # "tidak menggelar": the text says it was not held


OWNERS = (
    "PADANG, RANAHKABAR.COM - Bootcamp ini merupakan program Pemerintah Provinsi (Pemprov) Sumatera Barat yang "
    "dijalankan Dinas Pertanian Sumbar bersama PT Tani Rantau Digital (Rantani).\n"
    "Kegiatan itu bagian dari program Pemerintah Kota Padang. Ini program Pemprov Sumbar untuk petani. Petani belajar "
    "menjual lewat aplikasi Rantani.\n"
    "Program Petani Milenial milik Pemkab Agam diikuti 30 desa.\n")


def test_owner_words_are_no_programs_and_an_app_is_its_company_by_its_brand() -> None:
    found = run(OWNERS, HEADLINE_ONLY)
    programs = by_type(found, "Program")
    assert set(programs) == {"Petani Milenial"}  # "program Pemerintah Provinsi (Pemprov) X" names its owner only
    assert values_of(programs["Petani Milenial"])["operated_by"] == ["pemkab-agam"]
    rantani = [i for i in found.items.values() if "Rantani" in (i.label, *i.aliases)]
    assert [(i.type, i.label) for i in rantani] == [("Company", "PT Tani Rantau Digital")]  # one, the company


REFUSALS = (
    "MANADO, NYIURKINI.COM - Pemprov Sulut bekerja sama dengan PT Nusa Digital Manado untuk melatih nelayan. PT "
    "Bitung Data tidak ikut bermitra dalam program itu. Koperasi Nelayan Bitung belum bergabung dengan Pemprov "
    "Sulut. PT Minahasa Kode menolak bekerja sama dengan Pemprov Sulut.\n"
    "Kerja sama Pemkot Ambon dan PT Maluku Cerdas tidak jadi diteken. Kolaborasi Pemkab Kupang dengan PT Flobamora "
    "Tech dibatalkan.\n"
    "Kepala Dinas Kelautan Sulut, Ronny Lumenta, hadir. Pelatihan akan diperluas ke Tomohon, jelasnya. Nelayan "
    "muda paling cepat belajar, imbuhnya.\n")


def test_refusals_give_no_collaboration_and_cancellations_are_cancelled() -> None:
    found = run(REFUSALS, HEADLINE_ONLY)
    told = {tuple(sorted(parties)): status for parties, status in collaborations(found)}
    assert told == {("pemprov-sulawesi-utara", "pt-nusa-digital-manado"): None,
                    ("pemkot-ambon", "pt-maluku-cerdas"): "cancelled",      # "tidak jadi"
                    ("pemkab-kupang", "pt-flobamora-tech"): "cancelled"}    # "dibatalkan"
    said = {values_of(i)["text"][0]: values_of(i)["speaker"][0] for i in found.items.values()
            if i.type == "IndirectQuote"}
    assert said == {"Pelatihan akan diperluas ke Tomohon": "ronny-lumenta",
                    "Nelayan muda paling cepat belajar": "ronny-lumenta"}


TITLES_IN_RUNS = (
    "SAMARINDA, BORNEOKINI.COM - Rektor Universitas Mulawarman Prof. Dr. Ir. Abdunnur, M.Si., membuka pelatihan itu. "
    "Wakil Gubernur Kaltim H. Seno Aji mengatakan petani harus melek digital.\n"
    "Dosen pendamping, dr. Ratna Sari, hadir. Drs. H. Mulyadi, M.M., Kepala Bappeda Kaltim, mengatakan anggaran "
    "pelatihan sudah disiapkan.\n"
    "\"Kami siap,\" ujar Ratna.\n")


def test_titles_say_where_a_name_starts_after_a_post_or_a_role() -> None:
    found = run(TITLES_IN_RUNS, HEADLINE_ONLY)
    holds = {p.label: values_of(p).get("holds") for p in found.items.values() if p.type == "Person"}
    assert holds == {"Abdunnur": ["rektor-universitas-mulawarman"], "Seno Aji": ["wakil-gubernur-kaltim"],
                     "Ratna Sari": None, "Mulyadi": ["kepala-bappeda-kaltim"]}
    assert values_of(found.items["rektor-universitas-mulawarman"])["post_in"] == ["universitas-mulawarman"]
    assert "Universitas Mulawarman" in by_type(found, "Organization")  # the name stops at the titles
    assert not any("Prof" in i.label for i in found.items.values())
    quote = next(i for i in found.items.values() if i.type == "Quote")
    assert values_of(quote)["speaker"] == ["ratna-sari"]


SCHEDULED = (
    "AMBON, MALUKUHARI.COM - Festival Teknologi Maluku dijadwalkan digelar di Ambon pada Mei mendatang. Pameran "
    "Rempah Digital resmi dibuka oleh Kepala Dinas Perindustrian Maluku, Yohanes Latuheru, Senin (13/4/2026).\n"
    "Festival Sagu Nusantara digelar di Ambon, Selasa (14/4/2026).\n")


def test_an_event_scheduled_is_planned_and_who_opened_one_took_part_in_it() -> None:
    found = run(SCHEDULED, HEADLINE_ONLY)
    planned = found.items["festival-teknologi-maluku"]
    assert values_of(planned) == {"venue": ["ambon"], "status": ["planned"]}  # no date: it has not happened
    assert found.span_text(planned.fields["status"][0].span) == "dijadwalkan"
    opened = found.items["pameran-rempah-digital"]
    assert "organizer" not in opened.fields  # opening is no organising
    assert values_of(found.items["yohanes-latuheru"])["takes_part_in"] == ["pameran-rempah-digital"]
    assert [d.isoformat() for d in values_of(opened)["date"]] == ["2026-04-13"]
    held = found.items["festival-sagu-nusantara"]
    assert values_of(held)["venue"] == ["ambon"] and "status" not in held.fields
