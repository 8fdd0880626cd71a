"""News paragraphs written for these tests (invented organisations and people, real regions of
Papua, Jawa, Nusa Tenggara, Sulawesi, Kalimantan, Maluku and Sumatra): governments named by
their level where the bare name is both a Kota and a Kabupaten, honorifics before people's
names, posts with English titles, and organisations with a place inside their names. Each
test says what must and must not be proposed."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.model import Proposals
from tests.ingest.drafting import ingest_and_build
from tests.ingest.test_rules import HEADER, by_type, run, values_of

JAYAPURA = (
    "JAYAPURA, PAPUAKINI.ID - Pemerintah Kota (Pemkot) Jayapura meluncurkan layanan retribusi nontunai, "
    "Senin (3/6/2024). Pemkab Jayapura juga menyiapkan layanan serupa bagi pedagang.\n"
    "Wali Kota Jayapura Frans Mebri mengatakan layanan itu sudah dipakai pedagang di Jayapura.\n")
KEDIRI = (
    "SURABAYA, JATIMKINI.COM - Pemerintah Kabupaten Kediri dan Pemkot Kediri menggelar pelatihan toko daring. "
    "Pemkot Kupang dan Pemkab Gowa ikut belajar.\n"
    "Bupati Kediri Hanindhito Pramana mengatakan pelatihan diikuti 300 pelaku usaha.\n")


def jurisdictions(found: Proposals) -> dict[str, list[object]]:
    return {i.ident: values_of(i)["jurisdiction"] for i in found.items.values()
            if i.type in ("RegionalGovernment", "ProvincialGovernment") and "jurisdiction" in i.fields}


def test_a_government_named_by_its_level_governs_that_region_not_the_ambiguous_name() -> None:
    found = run(JAYAPURA)
    assert jurisdictions(found) == {"pemkot-jayapura": ["kota-jayapura"], "pemkab-jayapura": ["kabupaten-jayapura"]}
    assert found.items["kota-jayapura"].type == "City" and found.items["kabupaten-jayapura"].type == "Regency"
    assert found.items["kabupaten-jayapura"].label == "Jayapura"  # as written in "Pemkab Jayapura": no "Kabupaten"
    assert found.items["jayapura"].type == "AmbiguousPlace"  # "di Jayapura" says neither: it stays ambiguous
    assert values_of(found.items["wali-kota-jayapura"])["post_in"] == ["pemkot-jayapura"]


def test_an_ambiguous_name_written_only_inside_governments_names_is_no_place_of_its_own() -> None:
    found = run(KEDIRI)
    assert jurisdictions(found) == {"pemkab-kediri": ["kabupaten-kediri"], "pemkot-kediri": ["kota-kediri"],
                                    "pemkot-kupang": ["kota-kupang"], "pemkab-gowa": ["gowa"]}
    assert "kediri" not in found.items and "kupang" not in found.items  # every "Kediri" is a government's
    assert values_of(found.items["bupati-kediri"])["post_in"] == ["pemkab-kediri"]  # a regent: the regency's
    assert by_type(found, "Person")["Hanindhito Pramana"]


GORONTALO = (
    "GORONTALO, HULONTALOKINI.COM - Pemkot Gorontalo dan Pemkab Gorontalo menggelar pelatihan toko daring. "
    "Pemkot Jambi dan Pemerintah Kota Yogyakarta ikut belajar, begitu pula Pemprov Jambi.\n"
    "Bupati Gorontalo Nelson Pomalingo mengatakan pelatihan juga digelar di Limboto.\n")


def test_a_city_or_regency_named_like_its_province_is_the_one_the_government_level_says() -> None:
    found = run(GORONTALO)
    assert jurisdictions(found) == {"pemkot-gorontalo": ["kota-gorontalo"], "pemkab-gorontalo": ["kabupaten-gorontalo"],
                                    "pemkot-jambi": ["kota-jambi"], "pemkot-yogyakarta": ["kota-yogyakarta"],
                                    "pemprov-jambi": ["jambi"]}
    assert found.items["jambi"].type == "Province" and found.items["kota-jambi"].type == "City"
    assert found.article["dateline"].value == "gorontalo"  # a bare "GORONTALO" is the province, as everywhere
    assert values_of(found.items["bupati-gorontalo"])["post_in"] == ["pemkab-gorontalo"]
    assert values_of(found.items["limboto"])["within"] == ["kabupaten-gorontalo"]


PASAR = (
    "JAYAPURA, PAPUAKINI.ID - Mama Yuliana Wenda (52), pedagang pinang di Pasar Youtefa, kini menerima pembayaran "
    "nontunai. \"Sekarang anak muda bayar pakai ponsel,\" kata Mama Yuliana.\n"
    "Mama-mama Papua di pasar itu juga mulai berjualan daring. Komunitas Mama Bisa ikut mendampingi mereka.\n"
    "Di Makassar, Daeng Rahman, pengemudi becak motor, juga memakai dompet digital. Menurut Daeng Rahman, "
    "penumpang kini jarang membawa uang tunai.\n"
    "Kepala Dinas Koperasi Kota Medan, Hendra Siregar, mengatakan pelatihan akan diperluas. \"Kami mulai dari "
    "pasar tradisional,\" ujar Pak Hendra.\n"
    "Rencana Ibu Kota Nusantara juga disinggung, begitu pula pelatihan di Asrama Haji Sudiang. Pak Kades dan Bu "
    "Guru ikut hadir bersama mama-mama Papua.\n")


def speakers(found: Proposals) -> dict[str, list[object]]:
    return {i.ident: values_of(i)["speaker"] for i in found.items.values() if i.type in ("Quote", "IndirectQuote")}


def test_an_honorific_is_no_part_of_a_name_and_its_later_mentions_are_the_same_person() -> None:
    found = run(PASAR)
    people = by_type(found, "Person")
    assert set(people) == {"Budi Santoso", "Sari Dewi", "Yuliana Wenda", "Rahman", "Hendra Siregar"}
    assert "Mama Yuliana Wenda" in people["Yuliana Wenda"].aliases and people["Yuliana Wenda"].ident == "yuliana-wenda"
    assert "Daeng Rahman" in people["Rahman"].aliases and people["Rahman"].rule == "person-honorific"
    assert {v[0] for v in speakers(found).values()} == {"hendra-siregar", "rahman", "yuliana-wenda"}
    said = {found.span_text(i.span): values_of(i)["speaker"] for i in found.items.values() if i.type == "Quote"}
    assert said == {"\"Sekarang anak muda bayar pakai ponsel,\" kata Mama Yuliana": ["yuliana-wenda"],
                    "\"Kami mulai dari pasar tradisional,\" ujar Pak Hendra": ["hendra-siregar"]}
    assert not any(i.ident.startswith(("mama-", "pak-", "daeng-")) for i in found.items.values())


def test_words_that_only_look_like_honorifics_name_no_one() -> None:
    found = run(PASAR)
    assert by_type(found, "Organization")["Komunitas Mama Bisa"]  # a community's name, not "Bisa" the person
    names = {name for i in found.items.values() if i.type == "Person" for name in (i.label, *i.aliases)}
    assert not names & {"Bisa", "Kota Nusantara", "Sudiang", "Papua", "Mama", "Kades", "Guru"}


TITLES = (
    "AMBON, MALUKUKINI.COM - Regional Manager Indonesia Timur PT Dompet Rempah, Rizky Latuconsina, mengatakan "
    "transaksi nontunai di Maluku naik dua kali lipat.\n"
    "Nadia Pattinama, Head of Public Affairs PT Dompet Rempah, menjelaskan perusahaan akan membuka kantor di "
    "Ternate.\n"
    "Chief Executive Officer PT Banda Awan Teknologi, Yosef Manuhutu, menyebut pasar Maluku besar.\n"
    "Kepala Bidang Ekonomi Kreatif Dinas Pariwisata Kota Ambon, Maria Sahetapy, mengatakan pelatihan digelar "
    "bulan depan.\n"
    "Ketua Tim Percepatan Digitalisasi Daerah (TP2DD) Kota Ambon, Yohana Lisapaly, juga hadir. "
    "Koordinator Wilayah Maluku Utara Komunitas Startup Ternate, Fadli Umasugi, ikut hadir. Program Ekonomi "
    "Digital Maluku dimulai tahun ini.\n"
    "Regional Manager Papua dan Maluku PT Dompet Timur Nusantara, Andreas Wanma, menyebut transaksi naik.\n")


def test_posts_with_english_titles_and_regions_are_taken_whole_in_the_organisation_named_after_them() -> None:
    found = run(TITLES)
    posts = {i.label: values_of(i).get("post_in") for i in found.items.values()
             if i.type == "Post" and i.span.start >= found.body_start()}  # not the byline's reporter
    assert posts == {
        "Regional Manager Indonesia Timur PT Dompet Rempah": ["pt-dompet-rempah"],
        "Head of Public Affairs PT Dompet Rempah": ["pt-dompet-rempah"],
        "Chief Executive Officer PT Banda Awan Teknologi": ["pt-banda-awan-teknologi"],
        "Kepala Bidang Ekonomi Kreatif Dinas Pariwisata Kota Ambon": ["dinas-pariwisata-kota-ambon"],
        "Koordinator Wilayah Maluku Utara Komunitas Startup Ternate": ["komunitas-startup-ternate"],
        "Regional Manager Papua dan Maluku PT Dompet Timur Nusantara": ["pt-dompet-timur-nusantara"],
        "Ketua Tim Percepatan Digitalisasi Daerah (TP2DD) Kota Ambon": ["tim-percepatan-digitalisasi-daerah"]}
    holders = {i.label: values_of(i)["holds"] for i in found.items.values()
               if i.type == "Person" and "holds" in i.fields and i.span.start >= found.body_start()}
    assert holders["Rizky Latuconsina"] == ["regional-manager-indonesia-timur-pt-dompet-rempah"]
    assert set(holders) == {"Rizky Latuconsina", "Nadia Pattinama", "Yosef Manuhutu", "Maria Sahetapy",
                            "Fadli Umasugi", "Andreas Wanma", "Yohana Lisapaly"}  # no "Dompet Timur Nusantara"


KOMUNITAS = (
    "SAMARINDA, KALTIMKINI.COM - Komunitas Kaltim Kreatif Digital menggelar kelas pemasaran daring bersama "
    "Asosiasi UMKM Sulsel Go Digital.\n"
    "Ketua Komunitas Papua Muda Digital Yohanes Kogoya mengatakan kelas serupa akan digelar di Jayapura.\n"
    "Forum Startup Maluku Bangkit dan Yayasan Nusa Tenggara Cerdas ikut mendukung. Ketua Forum Startup Maluku "
    "Bangkit, Rudi Tuasikal, mengatakan anggotanya 40 startup. Koperasi Toraja Maju Bersama menjual kopi lewat "
    "lokapasar.\n"
    "Dinas Kominfo Papua mengatakan jaringan internet di pegunungan masih terbatas.\n")


def test_an_organisation_name_runs_on_past_a_place_inside_it() -> None:
    found = run(KOMUNITAS)
    organisations = {i.label for i in found.items.values() if i.type == "Organization"}
    assert organisations == {"Komunitas Kaltim Kreatif Digital", "Asosiasi UMKM Sulsel Go Digital",
                             "Komunitas Papua Muda Digital", "Forum Startup Maluku Bangkit",
                             "Yayasan Nusa Tenggara Cerdas", "Koperasi Toraja Maju Bersama"}
    assert values_of(found.items["ketua-komunitas-papua-muda-digital"])["post_in"] == ["komunitas-papua-muda-digital"]
    assert values_of(found.items["ketua-forum-startup-maluku-bangkit"])["post_in"] == ["forum-startup-maluku-bangkit"]
    assert {"Yohanes Kogoya", "Rudi Tuasikal"} <= set(by_type(found, "Person"))


def test_a_place_that_ends_a_name_ends_it() -> None:
    found = run(KOMUNITAS)
    assert set(by_type(found, "Dinas")) == {"Dinas Kominfo Papua"}  # the verb follows the place
    assert by_type(found, "Province")["Papua"]


UNCEN = (
    "JAYAPURA, PAPUAKINI.ID - Fakultas Ekonomi dan Bisnis (FEB) Universitas Cenderawasih (Uncen) merilis survei "
    "pembayaran digital di pasar tradisional. Tim survei FEB Uncen mewawancarai 300 pedagang.\n"
    "Lab Data Politeknik Negeri Ambon ikut mengolah data. Bidang Ekonomi Kreatif Dinas Pariwisata Kota Ambon "
    "menerima hasilnya.\n"
    "Kepala Bidang Aplikasi Informatika Dinas Kominfo Kota Ambon, Ronald Pattiasina, mengatakan data itu berguna. "
    "Tim Peneliti Lab Data Politeknik Negeri Ambon ikut memaparkan hasilnya.\n")


def test_a_unit_named_with_its_parent_is_part_of_it_and_a_team_is_the_units() -> None:
    found = run(UNCEN)
    parts = {i.label: values_of(i)["part_of"] for i in found.items.values() if "part_of" in i.fields}
    faculty = by_type(found, "Organization")["Fakultas Ekonomi dan Bisnis Universitas Cenderawasih"]
    assert {"FEB", "Fakultas Ekonomi dan Bisnis (FEB) Universitas Cenderawasih"} <= faculty.aliases.keys()
    assert parts == {faculty.label: ["uncen"], "Lab Data Politeknik Negeri Ambon": ["politeknik-negeri-ambon"],
                     "Bidang Ekonomi Kreatif Dinas Pariwisata Kota Ambon": ["dinas-pariwisata-kota-ambon"]}
    assert by_type(found, "Organization")["Universitas Cenderawasih"].aliases.keys() == {"Uncen"}
    assert "FEB Uncen" in faculty.aliases
    assert values_of(by_type(found, "Team")["Tim survei FEB Uncen"])["team_of"] == [faculty.ident]
    lab = by_type(found, "Organization")["Lab Data Politeknik Negeri Ambon"]
    team = by_type(found, "Team")["Tim Peneliti Lab Data Politeknik Negeri Ambon"]
    assert values_of(team)["team_of"] == [lab.ident]


def test_a_division_named_in_a_post_is_the_posts_words_not_an_organisation() -> None:
    found = run(UNCEN)
    assert not [i for i in found.items.values() if i.type != "Post" and i.label.startswith("Bidang Aplikasi")]
    assert by_type(found, "Dinas")["Dinas Kominfo Kota Ambon"]


SENTANI = (
    "JAYAPURA, PAPUAKINI.ID - Pemkab Jayapura menggelar festival kuliner digital di Sentani, Sabtu (8/6/2024).\n"
    "Pedagang dari Abepura ikut berjualan di tepi Danau Sentani, Kabupaten Jayapura. Pantai Holtekamp di Kota "
    "Jayapura juga ramai. Sebagian datang dari Waena.\n")


def test_a_bare_district_is_resolved_to_its_regency_and_a_named_landmark_lies_where_the_text_says() -> None:
    found = run(SENTANI)
    within = {i.label: values_of(i).get("within") for i in found.items.values() if i.type == "Place"}
    assert within == {"Sentani": ["kabupaten-jayapura"], "Abepura": ["kota-jayapura"],
                      "Danau Sentani": ["kabupaten-jayapura"], "Pantai Holtekamp": ["kota-jayapura"]}
    assert found.items["sentani"].rule == "district-name"  # "Waena" is a village, not a district: no place


def test_a_district_lies_within_a_regency_only_the_text_names_and_far_from_the_articles_regions_is_none() -> None:
    found = run("MERAUKE, PAPUAKINI.ID - Pelatihan di Papua itu diikuti pedagang dari Abepura.\n")
    assert values_of(found.items["abepura"]) == {}  # its province is named, Kota Jayapura is not: not added
    assert "kota-jayapura" not in found.items
    far = run("KUPANG, NTTKINI.COM - Pelatihan itu diikuti pedagang dari Abepura dan berlangsung dari Juli.\n")
    assert not [i for i in far.items.values() if i.label in ("Abepura", "Juli")]  # Papua's, Aceh's: not this story's


BANJAR = (
    "BANJARMASIN, KALSELKINI.COM - Bupati Banjar H. Saidi Mansyur mengatakan pelatihan digelar di Martapura. "
    "Wali Kota Banjarmasin Hj. Ananda meresmikan pasar digital.\n"
    "Pemkab Banjar dan Pemkot Banjarmasin ikut mendukung. Warga dari Martapura ikut berjualan.\n"
    "Di Medan, Bang Togar Simanjuntak (40), pengemudi ojek daring, mengaku pendapatannya naik. \"Lumayan,\" ujar "
    "Bang Togar. Ibu Negara dan Bapak Presiden mengapresiasi. Pelatihan di Asrama Haji Embarkasi Banjarmasin "
    "diikuti 200 orang.\n")


def test_a_hajj_title_in_a_post_is_no_part_of_the_name_and_a_regent_heads_the_regency() -> None:
    found = run(BANJAR)
    held = {i.label: (values_of(i)["holds"], list(i.aliases)) for i in found.items.values() if "holds" in i.fields
            and i.span.start >= found.body_start()}
    assert held == {"Saidi Mansyur": (["bupati-banjar"], ["H. Saidi Mansyur"]),
                    "Ananda": (["wali-kota-banjarmasin"], ["Hj. Ananda"])}
    assert values_of(found.items["bupati-banjar"])["post_in"] == ["pemkab-banjar"]
    assert jurisdictions(found)["pemkab-banjar"] == ["kabupaten-banjar"] and "banjar" not in found.items
    people = {i.label for i in found.items.values() if i.type == "Person" and i.span.start >= found.body_start()}
    assert people == {"Saidi Mansyur", "Ananda", "Togar Simanjuntak"}  # no "Negara", "Presiden", "Embarkasi"
    assert not [i for i in found.items.values() if i.label == "Martapura" and i.type != "Place"]  # no company


def test_the_drafts_of_these_paragraphs_pass_the_builds_checks_whole_and_build(tmp_path: Path) -> None:
    ingest_and_build(tmp_path, {f"{name}.txt": HEADER + body for name, body in (
        ("jayapura", JAYAPURA), ("kediri", KEDIRI), ("gorontalo", GORONTALO), ("pasar", PASAR), ("titles", TITLES),
        ("komunitas", KOMUNITAS), ("uncen", UNCEN), ("sentani", SENTANI), ("banjar", BANJAR))}, "2024-06-10")


def test_a_kampung_lies_in_the_distrik_written_after_it_and_the_distrik_in_its_regency() -> None:
    found = run("JAYAPURA, PAPUAKINI.ID - Pelatihan itu digelar di Kampung Yoboi, Distrik Sentani, Kabupaten "
                "Jayapura. Kepala Kampung Yoboi, Bapak Sefanya Wally, mengatakan warga kini berjualan ikan daring. "
                "Bapak Sefanya menambahkan bahwa kampung mereka butuh sinyal yang lebih kuat.\n")
    assert values_of(found.items["kampung-yoboi"])["within"] == ["sentani"]
    assert values_of(found.items["sentani"])["within"] == ["kabupaten-jayapura"]
    assert "Distrik Sentani" in found.items["sentani"].aliases
    assert {v[0] for v in speakers(found).values()} == {"sefanya-wally"}


def test_an_organisation_named_again_before_a_person_is_the_one_named_first() -> None:
    found = run("MAKASSAR, SULSELKINI.COM - Asosiasi UMKM Sulsel Go Digital (AUSGD) menggelar pelatihan. Ketua "
                "Asosiasi UMKM Sulsel Go Digital Andi Makkasau mengatakan anggotanya 500 pelaku usaha.\n")
    assert [i.ident for i in found.items.values() if i.type == "Organization"] == ["ausgd"]
    assert values_of(found.items["ketua-asosiasi-umkm-sulsel-go-digital"])["post_in"] == ["ausgd"]
    assert values_of(found.items["andi-makkasau"])["holds"] == ["ketua-asosiasi-umkm-sulsel-go-digital"]
