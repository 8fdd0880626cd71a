"""News paragraphs written for these tests (invented groups, companies and people, real regions of
Kalimantan Timur, Sulawesi Tengah, Lampung and Sumatera Barat): a collaboration under way told as
"sudah berjalan sejak", a wish told by "mendambakan" and its kin, village groups named as
"Kelompok Tani X" or "kelompok tenun X", an outlet in brackets after the dateline's place, a
closing "Penulis: X / Editor: Y". Each test says what must and must not be proposed."""

from __future__ import annotations

from kg.ingest.draft import propose
from kg.ingest.model import Proposals
from tests.ingest.test_news_without_cues import statuses
from tests.ingest.test_rules import CUES, by_type, run, values_of


def propose_text(text: str) -> Proposals:
    """The proposals for a whole article as written, its own header and closing lines."""
    return propose(text, {}, CUES)


KALTIM = (
    "SAMARINDA, KALTIMKINI.COM - Kerja sama Dinas Koperasi Kalimantan Timur dan PT Mahakam Data sudah berjalan "
    "sejak Mei 2025. Kemitraan PT Berau Niaga dan PT Sangatta Data telah berlangsung sejak 2023. Koperasi Mekar "
    "Sari masih berlangsung bermitra dengan PT Bontang Data. PT Tenggarong Kode sudah bekerja sama dengan PT "
    "Kukar Data pada 2022.\n")

SULTENG = (
    "PALU, SULTENGKINI.COM - Kelompok Tani Sumber Rejeki mendambakan kemitraan dengan PT Donggala Niaga agar hasil "
    "panen terserap. Kelompok tani Harapan Jaya mengidamkan kerja sama dengan PT Poso Data. Gapoktan Maju Bersama "
    "menginginkan kemitraan dengan PT Tojo Data. Koperasi Lore bercita-cita bermitra dengan PT Sigi Data. Ratna "
    "Lamasitudju bercerita tentang keinginan yang sudah lama ia simpan untuk bermitra dengan PT Banggai Data. "
    "Kelompok UMKM binaan dinas ikut hadir.\n")


def test_work_already_running_since_a_month_is_ongoing_from_then() -> None:
    found = run(KALTIM)
    assert statuses(found) == [
        (["dinas-koperasi-kalimantan-timur", "pt-mahakam-data"], "ongoing", "status-cue"),  # "sudah berjalan"
        (["pt-berau-niaga", "pt-sangatta-data"], "ongoing", "status-cue"),  # "telah berlangsung"
        (["koperasi-mekar-sari", "pt-bontang-data"], "ongoing", "status-cue"),
        (["pt-tenggarong-kode", "pt-kukar-data"], "completed", "status-cue")]  # "sudah bekerja sama": done
    dates = {i.label: values_of(i).get("date") for i in found.items.values() if i.type == "Collaboration"}
    assert dates["Kolaborasi Dinas Koperasi Kalimantan Timur dan PT Mahakam Data"] == ["2025-05"]
    assert dates["Kolaborasi PT Berau Niaga dan PT Sangatta Data"] == ["2023"]
    assert dates["Kolaborasi PT Tenggarong Kode dan PT Kukar Data"] is None  # a year done, no start of what runs
    since = found.items["kolaborasi-dinas-koperasi-kalimantan-timur-pt-mahakam-data"].fields["date"][0]
    assert found.span_text(since.span) == "sejak Mei 2025"


def test_a_wish_told_by_longing_is_aspired_and_the_group_a_party() -> None:
    found = run(SULTENG)
    assert statuses(found) == [
        (["kelompok-tani-sumber-rejeki", "pt-donggala-niaga"], "aspired", "status-cue"),
        (["kelompok-tani-harapan-jaya", "pt-poso-data"], "aspired", "status-cue"),  # "kelompok tani X"
        (["gapoktan-maju-bersama", "pt-tojo-data"], "aspired", "status-cue"),
        (["koperasi-lore", "pt-sigi-data"], "aspired", "status-cue"),
        (["pt-banggai-data"], "aspired", "status-cue")]  # "keinginan yang sudah lama": a wish, not done
    assert by_type(found, "Organization")["Kelompok Tani Harapan Jaya"].rule == "org-group"
    assert not any(name.startswith("Kelompok UMKM") for name in by_type(found, "Organization"))  # no group's name


LAMPUNG = (
    "Ekonomi\nPerajin Tapis Lampung Rambah Pasar Daring\n"
    "Bandar Lampung (LampungKini.com) - Dinas Koperasi Provinsi Lampung menggelar kelas pemasaran daring di "
    "Gedung Sesat Agung, Bandar Lampung, Selasa (14/10/2025).\n"
    "Penulis: Rahmat Hidayat / Editor: Yulia Anggraini\n")


def test_outlet_in_brackets_after_the_dateline_place_and_a_closing_writer_and_editor() -> None:
    found = propose_text(LAMPUNG)
    assert found.article["publisher"].value == "lampungkini"
    assert by_type(found, "MediaOutlet")["LampungKini.com"].rule == "dateline-outlet"
    assert found.article["dateline"].value == "bandar-lampung"
    assert found.article["headline"].value == "Perajin Tapis Lampung Rambah Pasar Daring"
    assert found.article["author"].value == "rahmat-hidayat"  # never "Rahmat Hidayat / Editor: Yulia Anggraini"
    assert found.article["editor"].value == "yulia-anggraini"
    assert set(by_type(found, "Person")) == {"Rahmat Hidayat", "Yulia Anggraini"}
    venues = [v.value for i in found.items.values() for v in i.fields.get("venue", [])]
    assert "bandar-lampung" not in venues  # a dateline is no venue


def test_a_reporter_line_and_a_redaktur_line_close_the_text() -> None:
    found = propose_text(LAMPUNG.replace("Penulis: Rahmat Hidayat / Editor: Yulia Anggraini",
                                         "Pewarta: Rahmat Hidayat\nRedaktur: Yulia Anggraini"))
    assert found.article["author"].value == "rahmat-hidayat"
    assert found.article["editor"].value == "yulia-anggraini"
    found = propose_text(LAMPUNG.replace(" / Editor:", " | Editor:"))
    assert (found.article["author"].value, found.article["editor"].value) == ("rahmat-hidayat", "yulia-anggraini")


JATENG = (
    "Ekonomi\nPetani Kopi Wonosobo Belajar Jualan Daring\n"
    "FOTO: Peserta pelatihan kopi di Gedung Sasana Adipura, Wonosobo. (Dok. Humas)\n"
    "WONOSOBO, WONOSOBOKINI.COM - Dinas Koperasi Kabupaten Wonosobo menggelar pelatihan bagi 40 petani kopi. "
    "Kepala Dinas Koperasi Wonosobo, Ahmad Rasyid, mengatakan pelatihan akan berlanjut.\n"
    "FOTO: Ahmad Rasyid menjelaskan, sebanyak 45 persen petani kopi sudah berjualan daring. (Dok. Humas)\n"
    "Foto: Festival Kopi Sindoro 2025 digelar Dinas Koperasi Kabupaten Wonosobo di Gedung Pesona Dieng, Wonosobo, "
    "Senin (13/10/2025). (Dok. Diskop)\n"
    "Survei Dinas Koperasi Kabupaten Wonosobo mencatat 30 persen petani kopi memakai dompet digital. Ia berharap "
    "petani segera berjualan.\n"
    "Peserta menyimak paparan Ahmad Rasyid tentang Festival Kopi Sindoro 2025. (Foto: Dok. Diskop Wonosobo)\n"
    "Keterangan foto: Bazar Kopi Dieng 2025 digelar Dinas Koperasi Kabupaten Wonosobo di Gedung Sasana Adipura.\n")


def test_a_photo_caption_gives_no_quote_event_date_or_subheadline() -> None:
    found = propose_text(JATENG)
    assert "subheadline" not in found.article and "text_date" not in found.article  # the caption's date too
    quotes = [i.fields["text"][0].value for i in found.items.values() if i.type == "IndirectQuote"]
    assert quotes == ["pelatihan akan berlanjut", "petani segera berjualan"]  # "Ia": the last one named
    assert not by_type(found, "Event") and not by_type(found, "Facility")  # the festival told only in captions
    assert [i.fields["text"][0].value for i in found.items.values() if i.type == "Finding"] == [
        "Survei Dinas Koperasi Kabupaten Wonosobo mencatat 30 persen petani kopi memakai dompet digital"]
    assert "Ahmad Rasyid" in by_type(found, "Person")  # the body names him
    assert found.span_text(found.items["ahmad-rasyid"].span).startswith("Kepala Dinas")


BENGKULU = (
    "BENGKULU, BENGKULUKINI.COM - Lembaga Penelitian dan Pengabdian kepada Masyarakat (LPPM) Universitas Rafflesia "
    "Bengkulu meneliti 200 pelaku UMKM di Kota Bengkulu. Kepala Dinas Koperasi Kota Bengkulu, Hendra Saputra, "
    "mengatakan pihaknya mendukung kajian itu.\n"
    "Menurut Dr. Theresia Manurung, M.Si., peneliti LPPM tersebut, sebagian besar pelaku UMKM belum memiliki "
    "pencatatan keuangan digital.\n"
    "\"Pelatihan pembukuan digital perlu diperluas ke kecamatan,\" terang dia.\n")


def test_an_institute_named_with_kepada_is_one_unit_of_its_university() -> None:
    found = run(BENGKULU)
    lppm = by_type(found, "Organization")[
        "Lembaga Penelitian dan Pengabdian kepada Masyarakat Universitas Rafflesia Bengkulu"]
    assert "LPPM" in lppm.aliases
    assert values_of(lppm)["part_of"] == ["universitas-rafflesia-bengkulu"]
    assert not by_type(found, "GovernmentBody")  # never "Lembaga Penelitian dan Pengabdian", cut at "kepada"


def test_a_researcher_named_after_menurut_with_her_post_written_small_and_her_words() -> None:
    found = run(BENGKULU)
    person = by_type(found, "Person")["Theresia Manurung"]  # titles and degrees off
    post = by_type(found, "Post")["Peneliti LPPM Universitas Rafflesia Bengkulu"]
    assert values_of(person)["holds"] == [post.ident]
    assert values_of(post)["post_in"] == [
        by_type(found, "Organization")["Lembaga Penelitian dan Pengabdian kepada Masyarakat Universitas Rafflesia "
                                       "Bengkulu"].ident]
    said = {(values_of(i)["speaker"][0], i.type, values_of(i)["text"][0]) for i in found.items.values()
            if i.type in ("Quote", "IndirectQuote")}
    assert ("theresia-manurung", "IndirectQuote",
            "sebagian besar pelaku UMKM belum memiliki pencatatan keuangan digital") in said
    assert ("theresia-manurung", "Quote", "Pelatihan pembukuan digital perlu diperluas ke kecamatan,") in said
    assert not any(speaker == "hendra-saputra" and kind == "Quote" for speaker, kind, _ in said)  # the last named


SUMSEL = (
    "PALEMBANG, SUMSELKINI.COM - Startup asal Palembang, SabaNiaga, melatih 80 pedagang pasar. \"Kami ingin "
    "pedagang naik kelas,\" kata CEO SabaNiaga, Nadia Khairunnisa (31). CEO KopiKita Rudi Hartono (40) menuturkan "
    "pelatihan serupa digelar di Lubuklinggau.\n"
    "Lilis Suryani, dosen Universitas Bangka Belitung, menilai pelatihan itu penting. Bank Sumsel Babel juga "
    "menyalurkan kredit bagi pedagang.\n")


def test_a_post_before_a_name_with_an_age_and_a_post_written_small_after_a_name() -> None:
    found = run(SUMSEL)
    people = by_type(found, "Person")
    assert {"Nadia Khairunnisa", "Rudi Hartono", "Lilis Suryani"} <= set(people)
    assert not any("(" in name or name.startswith("CEO") for name in people)  # no age, no post in a name
    assert values_of(people["Nadia Khairunnisa"])["holds"] == [by_type(found, "Post")["CEO SabaNiaga"].ident]
    assert values_of(people["Rudi Hartono"])["holds"] == [by_type(found, "Post")["CEO KopiKita"].ident]
    lecturer = by_type(found, "Post")["Dosen Universitas Bangka Belitung"]  # capitalised as a post's label
    assert values_of(lecturer)["post_in"] == ["universitas-bangka-belitung"]


def test_a_region_inside_a_university_or_a_banks_name_is_no_place() -> None:
    found = run(SUMSEL)
    places = {i.label for i in found.items.values() if i.type in ("Province", "Regency", "City", "Place")}
    assert "Belitung" not in places and "Bangka Belitung" not in places  # "Universitas Bangka Belitung"
    assert places == {"Palembang", "Lubuklinggau"}


JABAR = (
    "BANDUNG, JABARKINI.COM - Kelompok Usaha Bersama (KUB) Emping Sari asal Kuningan mengikuti pameran produk "
    "desa. KUB Emping Sari kini menjual emping secara daring. Kornelia Sari, ketua kelompok tenun Sekar Jagad asal "
    "Garut, mengatakan penjualan naik. PT Priangan Kode, perusahaan rintisan yang bermarkas di Kota Tasikmalaya, "
    "mendampingi mereka. PT Galuh Data, startup yang berkantor di Ciamis, juga hadir. PT Sumedang Niaga yang "
    "berbasis di Sumedang ikut.\n")


def test_a_village_group_with_its_short_form_and_where_it_comes_from() -> None:
    found = run(JABAR)
    group = by_type(found, "Organization")["Kelompok Usaha Bersama Emping Sari"]
    assert "KUB Emping Sari" in group.aliases
    assert values_of(group)["location"] == ["kuningan"]
    assert not by_type(found, "Program")  # never the program "Kelompok Usaha Bersama"
    weavers = by_type(found, "Organization")["Kelompok Tenun Sekar Jagad"]
    assert values_of(weavers)["location"] == ["garut"]  # "asal Garut" is the group's
    person = by_type(found, "Person")["Kornelia Sari"]
    assert "location" not in person.fields
    post = found.items[values_of(person)["holds"][0]]
    assert post.label == "Ketua kelompok tenun Sekar Jagad" and values_of(post)["post_in"] == [weavers.ident]


def test_a_company_based_where_the_clause_after_it_says() -> None:
    found = run(JABAR)
    located = {i.label: values_of(i).get("location") for i in found.items.values() if i.type == "Company"}
    assert located == {"PT Priangan Kode": ["kota-tasikmalaya"], "PT Galuh Data": ["ciamis"],
                       "PT Sumedang Niaga": ["sumedang"]}


SULUT = (
    "MANADO, SULUTKINI.COM - Kepala Dinas Koperasi Sulawesi Utara, Yohanes Rumengan, menjelaskan program itu "
    "berjalan. Ia meluruskan, aplikasi itu bukan mitra resmi pemerintah daerah. Yohanes merinci, sebanyak 40 persen "
    "pedagang sudah memakai kasir digital. Ia juga memaparkan, 25 persen pedagang belum punya rekening bank.\n"
    "Survei Pusat Kajian Nyiur mencatat 60 persen pelaku UMKM di Manado berjualan daring. Kajian itu melibatkan 300 "
    "responden di tujuh kecamatan. Uji coba aplikasi kasir di Pasar Bersehati menunjukkan omzet pedagang naik 20 "
    "persen.\n")


def test_words_set_right_or_detailed_are_quotes_and_a_sample_or_a_trial_no_finding() -> None:
    found = run(SULUT)
    said = {values_of(i)["verb"][0]: values_of(i)["text"][0] for i in found.items.values()
            if i.type == "IndirectQuote"}
    assert said["meluruskan"] == "aplikasi itu bukan mitra resmi pemerintah daerah"
    assert said["merinci"] == "sebanyak 40 persen pedagang sudah memakai kasir digital"
    assert said["memaparkan"] == "25 persen pedagang belum punya rekening bank"
    assert [values_of(i)["text"][0] for i in found.items.values() if i.type == "Finding"] == [
        "Survei Pusat Kajian Nyiur mencatat 60 persen pelaku UMKM di Manado berjualan daring"]


def test_a_headline_naming_the_government_of_the_bodys_office_tells_the_same_collaboration() -> None:
    found = propose_text(
        "Ekonomi\nPemprov Kalimantan Tengah Gandeng PT Kahayan Data Latih Perajin\n"
        "PALANGKA RAYA, KALTENGKINI.COM - Dinas Koperasi dan UKM Provinsi Kalimantan Tengah menggandeng PT Kahayan "
        "Data melatih 80 perajin rotan. Kerja sama itu berjalan sejak Maret 2025. Pemerintah Provinsi (Pemprov) "
        "Kalimantan Tengah turut hadir.\n")
    assert statuses(found) == [  # one, not a second of the Pemprov; "Tengah" of the title's region is no cue
        (["dinas-koperasi-dan-ukm-provinsi-kalimantan-tengah", "pt-kahayan-data"], "ongoing", "status-told-after")]
    told = next(i for i in found.items.values() if i.type == "Collaboration")
    assert values_of(told)["date"] == ["2025-03"]  # the start the sentence pointing back gives
