"""News paragraphs written for these tests (invented offices, associations, events and people, real regions
of Kalimantan, Nusa Tenggara, Sulawesi, Maluku, Jawa Tengah, Sumatera Utara and Bengkulu): a speaker
named only after an opening quote and the post a next sentence points back with ("… itu"); forms of
address ("atau Kak Nuri", "yang akrab disapa Pak Tarjo"); titles and degrees around a name; indirect
quotes by a wish, a hope or a denial, with the time between speaker and verb; words in quote marks
after their speaker; and words said at an event ("di hadapan peserta …", "saat membuka kelas", "di
sela bootcamp", "Dalam sambutannya"). Each test says what must and must not be proposed."""

from __future__ import annotations

from kg.ingest.model import Proposals
from tests.ingest.test_rules import by_type, collaborations, run, values_of

BANJARBARU = (
    "BANJARMASIN, CONTOHNEWS.COM - Dinas Komunikasi dan Informatika Provinsi Kalimantan Selatan menggelar "
    "Pelatihan Talenta Digital Banua.\n"
    "“Jangan cuma jadi penonton di era digital,” kata Rahmat Hidayat di hadapan peserta Pelatihan Talenta Digital "
    "Banua di Gedung Idham Chalid, Kota Banjarbaru, Rabu (11/11/2026).\n"
    "Kepala Dinas Komunikasi dan Informatika (Diskominfo) Kalimantan Selatan itu membuka pelatihan yang diikuti "
    "150 pemuda dari sejumlah kabupaten.\n"
    "Menurut Rahmat, talenta digital daerah masih jauh di bawah kebutuhan industri.\n"
    "Rahmat menyebutkan, sebagian peserta datang dari desa di Kabupaten Tapin.\n"
    "“Kami ingin anak muda Banua jadi pelaku,” ujarnya saat membuka kelas.\n")


def said(found: Proposals) -> dict[str, tuple[str, object, list[object]]]:
    """Each quote's first words: its kind, speaker and where it was said."""
    return {str(values_of(i)["text"][0])[:20]: (i.type, values_of(i)["speaker"][0], values_of(i).get("said_at", []))
            for i in found.items.values() if i.type in ("Quote", "IndirectQuote")}


def test_a_speaker_named_after_the_quote_holds_the_post_the_next_sentence_points_back_with() -> None:
    found = run(BANJARBARU)
    person = found.items["rahmat-hidayat"]
    assert person.type == "Person" and "Rahmat" in person.aliases
    post = next(i for i in found.items.values() if i.type == "Post" and i.label.startswith("Kepala Dinas"))
    assert post.label == "Kepala Dinas Komunikasi dan Informatika (Diskominfo) Kalimantan Selatan"
    assert values_of(person)["holds"] == [post.ident]
    assert values_of(post)["post_in"] == ["diskominfo-kalimantan-selatan"]


def test_later_words_of_the_speaker_named_late_and_where_he_said_them() -> None:
    found = run(BANJARBARU)
    event = "pelatihan-talenta-digital-banua"
    assert said(found) == {
        "Jangan cuma jadi pen": ("Quote", "rahmat-hidayat", [event]),  # "di hadapan peserta Pelatihan …"
        "talenta digital daer": ("IndirectQuote", "rahmat-hidayat", []),  # "Menurut Rahmat,"
        "sebagian peserta dat": ("IndirectQuote", "rahmat-hidayat", []),  # "Rahmat menyebutkan,"
        "Kami ingin anak muda": ("Quote", "rahmat-hidayat", [event]),  # "saat membuka kelas": the lead's event
    }
    assert values_of(found.items["rahmat-hidayat"])["takes_part_in"] == [event]
    first = next(i for i in found.items.values() if i.type == "Quote")
    assert "said_in" not in first.fields  # said at the event, whose venue says where; the day after the hall
    assert str(values_of(first)["said_on"][0]) == "2026-11-11"


def test_a_post_pointed_back_to_needs_a_named_body_and_one_person_named_before() -> None:
    found = run(
        "PONTIANAK, CONTOHNEWS.COM - Koperasi Sungai Kapuas melatih 40 anggotanya berjualan daring.\n"
        "“Anggota kami mulai melek digital,” kata Dedi Kurniawan di Kota Pontianak.\n"
        "Ketua koperasi itu mengatakan pelatihan digelar dua kali sebulan.\n"
        "“Kami butuh pendamping,” kata Siti Rohani dan Yusuf Halim kepada wartawan.\n"
        "Kepala Dinas Koperasi Kalimantan Barat itu belum menanggapi.\n"
        "“Anggaran kurang,” kata Yusuf Halim menyindir Ketua DPRD Kalimantan Barat. Ketua DPRD Kalimantan Barat "
        "itu menolak berkomentar.\n"
        "“Saya tidak bersalah,” kata Rudi Hartawan. Warga melaporkan Rudi Hartawan ke polisi. Kepala Polres Sanggau "
        "itu menerima laporan warga.\n")
    assert {"Dedi Kurniawan", "Yusuf Halim", "Rudi Hartawan"} <= set(by_type(found, "Person"))
    assert not any(i.fields.get("holds") for i in found.items.values() if i.type == "Person"
                   and i.span.start > found.body_start())  # "koperasi itu": no named body; two people named;
    # the post written before is that one's; Rudi is not the subject nor the speaker of the sentence before


SAMBAS = (
    "SAMBAS, CONTOHNEWS.COM - Komunitas Kopi Khatulistiwa melatih barista muda di Kabupaten Sambas.\n"
    "Nurul Aini atau Kak Nuri, pendiri Komunitas Kopi Khatulistiwa, mengatakan pelatihan itu digelar tiap bulan.\n"
    "Ketua Koperasi Tani Sambas Makmur, Ahmad Sutarjo, yang akrab disapa Pak Tarjo, ingin petani muda bisa menjual "
    "kopi lewat lokapasar.\n"
    "“Petani kita harus naik kelas,” ucap Pak Tarjo.\n"
    "Ia juga ingin membeli mesin sangrai baru agar bisa menyangrai kopi sendiri.\n")


def test_a_form_of_address_is_an_alias_of_the_person_and_names_the_later_speaker() -> None:
    found = run(SAMBAS)
    people = by_type(found, "Person")
    assert set(people) == {"Budi Santoso", "Sari Dewi", "Nurul Aini", "Ahmad Sutarjo"}  # no "Nuri", no "Tarjo"
    assert {"Kak Nuri", "Nuri"} <= set(people["Nurul Aini"].aliases)
    assert {"Pak Tarjo", "Tarjo"} <= set(people["Ahmad Sutarjo"].aliases)
    assert values_of(people["Nurul Aini"])["holds"] == ["pendiri-komunitas-kopi-khatulistiwa"]
    assert values_of(found.items["pendiri-komunitas-kopi-khatulistiwa"])["post_in"] == ["komunitas-kopi-khatulistiwa"]
    assert said(found) == {
        "pelatihan itu digela": ("IndirectQuote", "nurul-aini", []),
        "petani muda bisa men": ("IndirectQuote", "ahmad-sutarjo", []),  # a wish for what others can do
        "Petani kita harus na": ("Quote", "ahmad-sutarjo", []),  # "ucap Pak Tarjo"
    }  # "ingin membeli mesin … agar bisa …": his own act, no words of his


LOMBOK = (
    "MATARAM, CONTOHNEWS.COM - Fakultas Ekonomi dan Bisnis Universitas Rinjani Raya menggelar kajian ekonomi "
    "digital desa.\n"
    "Dr. Baiq Sri Wahyuni, S.E., M.M., dosen fakultas itu yang memimpin kajian, menilai pelaku usaha desa belum "
    "siap berjualan daring.\n"
    "Menurut Kepala Pusat Kajian Ekonomi Desa Universitas Rinjani Raya, Dr. Ir. Lalu Ahmad Fauzan, M.Sc., pelaku "
    "usaha desa butuh pendampingan yang lebih lama.\n"
    "Ketua Asosiasi Pengusaha Tenun Lombok (APTL), Pdt. Markus Lalong, menaruh harapan agar pemerintah daerah ikut "
    "membeli produk tenun anggota.\n"
    "Markus menilai kendala terbesar perajin adalah modal kerja.\n")


def test_titles_and_degrees_around_a_name_and_the_post_beside_it() -> None:
    found = run(LOMBOK)
    people = by_type(found, "Person")
    assert {"Baiq Sri Wahyuni", "Lalu Ahmad Fauzan", "Markus Lalong"} <= set(people)  # no title, no degree
    assert not any(label.startswith(("Dr", "Pdt")) for label in people)
    lecturer = found.items[str(values_of(people["Baiq Sri Wahyuni"])["holds"][0])]
    assert (lecturer.label, values_of(lecturer)["post_in"]) == (
        "Dosen fakultas", ["fakultas-ekonomi-dan-bisnis-universitas-rinjani-raya"])  # "dosen fakultas itu"
    chair = found.items[str(values_of(people["Markus Lalong"])["holds"][0])]
    assert chair.label == "Ketua Asosiasi Pengusaha Tenun Lombok"  # the short form is the association's
    assert "Ketua Asosiasi Pengusaha Tenun Lombok (APTL)" in chair.aliases
    assert values_of(chair)["post_in"] == ["aptl"] and "APTL" in found.items["aptl"].aliases


def test_indirect_quotes_after_titles_a_post_and_a_hope() -> None:
    assert said(run(LOMBOK)) == {
        "pelaku usaha desa be": ("IndirectQuote", "baiq-sri-wahyuni", []),
        "pelaku usaha desa bu": ("IndirectQuote", "lalu-ahmad-fauzan", []),  # "Menurut <post>, <name>, …"
        "agar pemerintah daer": ("IndirectQuote", "markus-lalong", []),  # "menaruh harapan agar"
        "kendala terbesar per": ("IndirectQuote", "markus-lalong", []),
    }


def test_a_denial_is_the_speakers_words_and_the_collaboration_stays_denied() -> None:
    found = run(
        "MEDAN, CONTOHNEWS.COM - Ketua Asosiasi Kopi Mandailing, Tgk. Marzuki Hasibuan, menampik kabar bahwa "
        "asosiasinya bekerja sama dengan PT Kopi Sejagat.\n"
        "Marzuki juga meluruskan kabar bahwa anggota asosiasi menjual kopi di bawah harga pasar.\n")
    assert "Marzuki Hasibuan" in by_type(found, "Person")
    assert said(found) == {"kabar bahwa asosiasi": ("IndirectQuote", "marzuki-hasibuan", []),
                           "kabar bahwa anggota ": ("IndirectQuote", "marzuki-hasibuan", [])}
    assert collaborations(found) == []


def test_a_title_after_the_quote_is_no_one_and_an_event_named_there_is_no_opening() -> None:
    found = run(
        "SAMARINDA, CONTOHNEWS.COM - Startup Etam Tani menggelar Lokakarya Petani Digital di Kota Samarinda.\n"
        "“Petani harus punya toko daring,” ungkap Chief Executive Officer (CEO) Etam Tani, Yohanes Lado, di sela "
        "lokakarya.\n"
        "“Harga gabah sedang turun,” kata Agus Salim saat pelatihan berlangsung.\n")
    people = by_type(found, "Person")
    assert "Chief Executive Officer" not in people and "Agus Salim" in people
    assert "takes_part_in" not in people["Agus Salim"].fields  # "saat pelatihan berlangsung": no act of his
    assert said(found)["Harga gabah sedang t"][2] == []


KUPANG = (
    "KUPANG, CONTOHNEWS.COM - Dinas Pariwisata Provinsi Nusa Tenggara Timur menggelar Festival Tenun Ikat Flobamora "
    "di Kota Kupang.\n"
    "“Tenun kita harus masuk pasar daring,” kata Dr. Yohanes Bria, M.Si., saat membuka Festival Tenun Ikat "
    "Flobamora, Senin (9/11/2026).\n"
    "Kepala Dinas Pariwisata Provinsi Nusa Tenggara Timur tersebut menilai perajin muda makin banyak.\n"
    "“Kami siapkan pendampingan,” ujar Maria Goreti Lake, Ketua Koperasi Tenun Sikka Jaya.\n")


def test_titles_and_degrees_in_the_attribution_the_event_opened_and_the_post_told_after() -> None:
    found = run(KUPANG)
    people = by_type(found, "Person")
    assert values_of(people["Yohanes Bria"])["holds"] == ["kepala-dinas-pariwisata-provinsi-nusa-tenggara-timur"]
    assert values_of(people["Yohanes Bria"])["takes_part_in"] == ["festival-tenun-ikat-flobamora"]
    assert values_of(people["Maria Goreti Lake"])["holds"] == ["ketua-koperasi-tenun-sikka-jaya"]
    assert said(found) == {
        "Tenun kita harus mas": ("Quote", "yohanes-bria", ["festival-tenun-ikat-flobamora"]),
        "perajin muda makin b": ("IndirectQuote", "yohanes-bria", []),  # "<post> tersebut menilai"
        "Kami siapkan pendamp": ("Quote", "maria-goreti-lake", []),
    }


def test_words_said_during_an_event_told_by_its_kind_and_at_its_opening() -> None:
    found = run(
        "PALANGKA RAYA, CONTOHNEWS.COM - Dinas Pertanian Provinsi Kalimantan Tengah menggelar Bootcamp Petani Muda "
        "Kalteng di Kota Palangka Raya.\n"
        "Kepala Dinas Pertanian Provinsi Kalimantan Tengah, Yusuf Nahan, mengatakan peserta datang dari 14 "
        "kabupaten.\n"
        "“Petani muda harus berani jualan daring,” ujar Direktur Utama PT Tani Sejahtera, Rina Damanik, di sela "
        "bootcamp.\n"
        "“Kami siap membantu,” kata Nur Afni Tamburaka yang hadir dalam pembukaan pelatihan.\n"
        "“Jangan takut gagal,” kata Nur Afni.\n")
    event = "bootcamp-petani-muda-kalteng"
    assert said(found) == {"peserta datang dari ": ("IndirectQuote", "yusuf-nahan", []),
                           "Petani muda harus be": ("Quote", "rina-damanik", [event]),
                           "Kami siap membantu,": ("Quote", "nur-afni-tamburaka", [event]),
                           "Jangan takut gagal,": ("Quote", "nur-afni-tamburaka", [])}  # "Nur Afni": the same one
    people = by_type(found, "Person")
    assert "Nur Afni" not in people and "Nur Afni" in people["Nur Afni Tamburaka"].aliases
    assert "takes_part_in" not in people["Rina Damanik"].fields  # said during it: no more
    assert values_of(people["Nur Afni Tamburaka"])["takes_part_in"] == [event]  # at its opening


def test_closing_a_training_a_launch_told_by_its_act_and_a_place_in_apposition() -> None:
    found = run(
        "MAMUJU, CONTOHNEWS.COM - Dinas Koperasi Provinsi Sulawesi Barat menggelar Pelatihan Kemas Produk Malaqbi "
        "di Kabupaten Mamuju.\n"
        "Kepala Dinas Koperasi Provinsi Sulawesi Barat, Hasan Basri, mengatakan peserta belajar memotret produk.\n"
        "“Produk kita harus tampil rapi,” kata Hasan saat menutup pelatihan, Jumat (13/11/2026).\n"
        "Dinas itu juga meluncurkan program Toko Malaqbi di Kabupaten Majene.\n"
        "“Pembeli kini bisa pesan lewat ponsel,” ujarnya di sela peluncuran.\n"
        "Salah satu peserta, Sitti Aminah (41), pemilik warung kopi di Kecamatan Banggae, Majene, mengaku baru "
        "kali ini menjual lewat lokapasar.\n"
        "Baca juga: Gubernur Sulbar Minta Perangkat Daerah Belanja Produk Lokal\n")
    quotes = said(found)
    assert quotes["Produk kita harus ta"][2] == ["pelatihan-kemas-produk-malaqbi"]  # "saat menutup pelatihan"
    launch = quotes["Pembeli kini bisa pe"][2]
    assert len(launch) == 1 and "luncur" in found.items[str(launch[0])].label.lower()
    assert quotes["baru kali ini menjua"][:2] == ("IndirectQuote", "sitti-aminah")  # the place ends the apposition
    assert set(by_type(found, "Person")) == {"Budi Santoso", "Sari Dewi", "Hasan Basri", "Sitti Aminah"}
    assert not by_type(found, "Post").keys() & {"Gubernur Sulbar"}  # a related article's headline names no one


def test_the_person_a_post_points_back_to_opens_the_training() -> None:
    found = run(
        "BENGKULU, CONTOHNEWS.COM - Dinas Perindustrian Provinsi Bengkulu menggelar Pelatihan Batik Digital di Kota "
        "Bengkulu.\n"
        "“Perajin besurek harus menguasai foto produk,” kata Yuliana Sari kepada wartawan.\n"
        "Kepala Dinas Perindustrian Provinsi Bengkulu itu membuka pelatihan yang diikuti 60 perajin.\n"
        "Ketua panitia itu membuka pelatihan yang diikuti 60 perajin lain.\n")
    person = by_type(found, "Person")["Yuliana Sari"]
    assert values_of(person)["holds"] == ["kepala-dinas-perindustrian-provinsi-bengkulu"]
    assert values_of(person)["takes_part_in"] == ["pelatihan-batik-digital"]  # she opened it
    assert len(by_type(found, "Post")) == 2  # and the reporter's: "Ketua panitia itu" names no body, no post


def test_words_after_a_quote_that_name_no_one() -> None:
    found = run(
        "AMBON, CONTOHNEWS.COM - Dinas Kelautan Provinsi Maluku menggelar Festival Ikan Asap di Kota Ambon.\n"
        "“Kami terus mendampingi nelayan,” kata Juru Bicara Kementerian Kelautan dan Perikanan.\n"
        "“Pasar masih terbuka,” ujar Tim Ahli Universitas Pattimura di sela festival.\n"
        "“Harga naik,” kata Humas Pelindo Maluku Sandra Lewerissa.\n"
        "“Nelayan harus naik kelas,” ucap Sekjen Asosiasi Nelayan Maluku.\n"
        "“Terima kasih,” kata Ambon Manise Kreatif.\n"
        "“Bagus sekali,” kata Selasa Pagi.\n")
    assert set(by_type(found, "Person")) == {"Budi Santoso", "Sari Dewi"}
    assert said(found) == {}


def test_an_event_opened_is_the_one_of_that_kind_before_the_leads() -> None:
    found = run(
        "PALU, CONTOHNEWS.COM - Dinas Koperasi Provinsi Sulawesi Tengah menggelar Pelatihan Kopi Daring di Kota "
        "Palu.\n"
        "Sehari kemudian, dinas itu menggelar Pameran Kopi Tadulako di Kabupaten Donggala.\n"
        "Kepala Dinas Koperasi Provinsi Sulawesi Tengah, Moh. Rizal Lamarauna, mengatakan kopi Sulteng diminati.\n"
        "“Kopi kita sudah dikenal,” ujarnya saat membuka pameran.\n")
    quote = next(i for i in found.items.values() if i.type == "Quote")
    assert values_of(quote)["said_at"] == ["pameran-kopi-tadulako"]  # not the lead's training


def test_forms_of_address_after_a_one_word_name_and_without_yang() -> None:
    found = run(
        "SEMARANG, CONTOHNEWS.COM - Koperasi Batik Pesisir melatih perajin muda di Kota Semarang.\n"
        "Ketua Koperasi Batik Pesisir, Sutrisno, atau yang akrab disapa Pak Tris, mengatakan pelatihan digelar "
        "tiap pekan.\n"
        "“Anak muda harus bangga membatik,” ujar Pak Tris.\n"
        "Pengelola galeri, Wahyu Pratama, akrab disapa Mas Tama, menuturkan penjualan batik tulis naik.\n"
        "“Pembeli datang dari Jakarta,” kata Mas Tama.\n")
    people = by_type(found, "Person")
    assert set(people) == {"Budi Santoso", "Sari Dewi", "Sutrisno", "Wahyu Pratama"}  # no "Tris", no "Tama"
    assert {"Pak Tris", "Tris"} <= set(people["Sutrisno"].aliases)
    assert {"Mas Tama", "Tama"} <= set(people["Wahyu Pratama"].aliases)  # a sentence opens with his role
    assert said(found) == {
        "pelatihan digelar ti": ("IndirectQuote", "sutrisno", []),
        "Anak muda harus bang": ("Quote", "sutrisno", []),
        "penjualan batik tuli": ("IndirectQuote", "wahyu-pratama", []),
        "Pembeli datang dari ": ("Quote", "wahyu-pratama", []),
    }


def test_words_in_quote_marks_after_their_speaker_and_verb() -> None:
    found = run(
        "GORONTALO, CONTOHNEWS.COM - Dinas Koperasi Kota Gorontalo menggelar Pelatihan Dagang Daring.\n"
        "Kepala Dinas Koperasi Kota Gorontalo, Rahmat Mohamad, mengatakan, “Kami siap mendampingi pelaku usaha "
        "sampai mandiri.”\n"
        "Ia menambahkan: “Tahun depan pesertanya kami tambah dua kali lipat.”\n"
        "Warga mengatakan, “Pelatihan ini bagus sekali untuk kami.”\n")
    assert said(found) == {"Kami siap mendamping": ("Quote", "rahmat-mohamad", []),
                           "Tahun depan pesertan": ("Quote", "rahmat-mohamad", [])}  # "Warga": no one named


def test_when_it_was_said_between_the_speaker_and_the_verb() -> None:
    found = run(
        "MEDAN, CONTOHNEWS.COM - PT Sumut Digital Niaga menggelar Pelatihan Toko Daring di Kota Medan.\n"
        "Direktur Utama PT Sumut Digital Niaga, Rudi Siregar, dalam keterangan tertulisnya, menyampaikan pelatihan "
        "diikuti 200 pelaku usaha.\n"
        "Rudi saat ditemui di kantornya, Senin (9/11/2026), mengatakan pelatihan akan dilanjutkan tahun depan.\n"
        "Rudi, saat membuka Pelatihan Toko Daring, menegaskan peserta wajib membuka toko daring.\n")
    assert said(found) == {
        "pelatihan diikuti 20": ("IndirectQuote", "rudi-siregar", []),
        "pelatihan akan dilan": ("IndirectQuote", "rudi-siregar", []),
        "peserta wajib membuk": ("IndirectQuote", "rudi-siregar", ["pelatihan-toko-daring"]),
    }


def test_words_a_speaker_goes_on_with_in_the_paragraph_were_said_at_the_same_event() -> None:
    found = run(
        "KENDARI, CONTOHNEWS.COM - Dinas Pertanian Provinsi Sulawesi Tenggara menggelar Bootcamp Tani Anoa "
        "di Kota Kendari.\n"
        "Acara dibuka Kepala Dinas Pertanian Provinsi Sulawesi Tenggara, Yusran Taridala.\n"
        "Dalam sambutannya, Yusran menyebut program ini lahir dari kebutuhan petani muda. “Petani harus menjual "
        "langsung ke pembeli,” tegasnya.\n"
        "“Tahun depan kami tambah kelasnya,” kata Yusran.\n")
    event = "bootcamp-tani-anoa"
    assert said(found) == {
        "program ini lahir da": ("IndirectQuote", "yusran-taridala", [event]),  # "Dalam sambutannya"
        "Petani harus menjual": ("Quote", "yusran-taridala", [event]),  # next, in the same paragraph
        "Tahun depan kami tam": ("Quote", "yusran-taridala", []),  # another paragraph: not said
    }
