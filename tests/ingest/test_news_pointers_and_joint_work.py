"""News paragraphs written for these tests (invented people, startups, centres and festivals, real
regions of Kalimantan Timur, Bengkulu, Jambi, Kalimantan Selatan and Riau): an organisation named in
full, then pointed back to by what it is ("perusahaan rintisan itu", "pusat studi tersebut",
"lembaga itu") as a party, a post's organisation and a study's author; what two finished together
told in someone's indirect words; an event named at the end of a sentence that opens with who came,
where and when; groups after a targeting verb, a crowd that came; short forms in brackets; a company
first named by its app; a headline's plan; "Menurut dia" at a paragraph's start; and where offices,
venues and startups are. Each test says what must and must not be proposed."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.ingest.drafting import ingest_and_build
from tests.ingest.test_rules import by_type, collaborations, run, values_of

POINTED_PARTY = (
    "SAMARINDA, KALTIMKINI.COM - PT Kopi Digital Nusantara (KopiKu) mengembangkan aplikasi penjualan kopi.\n"
    "Kemitraan perusahaan rintisan itu dengan Dinas Koperasi dan UKM Provinsi Kalimantan Timur, yang dimulai "
    "Maret 2026, masih berjalan hingga kini.\n"
    "Rina Wulandari, pendiri PT Kopi Digital Nusantara, bercerita bahwa sepanjang 2025 KopiKu dan Universitas "
    "Mulawarman telah merampungkan pelatihan pemasaran daring bagi 200 petani.\n")


def test_a_party_pointed_back_to_and_what_two_finished_together_in_someones_words() -> None:
    found = run(POINTED_PARTY)
    startup = found.find_name("KopiKu")
    assert startup is not None and startup.type == "Startup"  # "perusahaan rintisan itu" says what it is
    told = sorted((sorted(parties), status) for parties, status in collaborations(found))
    assert told == [
        (["dinas-koperasi-dan-ukm-provinsi-kalimantan-timur", startup.ident], "ongoing"),  # "masih berjalan"
        ([startup.ident, "universitas-mulawarman"], "completed")]  # "telah merampungkan"
    said = by_type(found, "IndirectQuote")
    assert [values_of(q)["speaker"] for q in said.values()] == [["rina-wulandari"]]  # "bercerita bahwa"
    # the training is what they did together, not an event of its own with an organiser
    assert not by_type(found, "TrainingEvent")
    # no party is a pointer's words, and one named alone with "dan" finishes nothing
    assert not any("itu" in i.label.split() for i in found.items.values())
    alone = run("JAMBI, X.COM - Warga dan Koperasi Batanghari telah merampungkan pelatihan itu.\n")
    assert collaborations(alone) == []
    # the pointer as the subject of the collaboration's verb
    subject = run("JAMBI, X.COM - PT Batanghari Niaga Digital membuka gudang baru.\nPerusahaan rintisan itu juga "
                  "telah bekerja sama dengan Universitas Jambi sejak 2024.\n")
    assert collaborations(subject) == [(["pt-batanghari-niaga-digital", "universitas-jambi"], "completed")]


CENTRE = (
    "BENGKULU, RAFFLESIANEWS.COM - Nelayan di Kota Bengkulu mulai berjualan ikan secara daring.\n"
    "Pusat Studi Ekonomi Pesisir Universitas Bengkulu mencatat transaksi daring nelayan terus naik.\n"
    "Survei lembaga itu terhadap 320 nelayan pada Juli 2026 menunjukkan 41 persen nelayan sudah berjualan "
    "lewat aplikasi pesan.\n"
    "Dr. Andi Rahman, peneliti pusat studi tersebut, mengatakan nelayan masih butuh pendampingan.\n")


def test_a_centre_pointed_back_to_by_its_survey_and_by_a_researchers_post() -> None:
    found = run(CENTRE)
    centre = "pusat-studi-ekonomi-pesisir-universitas-bengkulu"
    assert found.items[centre].type == "Organization"
    study = by_type(found, "Study")["Survei terhadap nelayan"]  # whom it asked, not how many
    assert values_of(study)["author"] == [centre] and values_of(study)["period"] == ["2026"]
    finding = found.items[values_of(study)["findings"][0]]
    assert "41 persen nelayan" in values_of(finding)["text"][0]
    # the centre's "mencatat" opens its survey: no finding labelled by the centre's name
    assert [f.label for f in by_type(found, "Finding").values() if f.label.startswith("Pusat Studi")] == []
    assert len(by_type(found, "Finding")) == 1
    andi = values_of(by_type(found, "Person")["Andi Rahman"])
    post = found.items[andi["holds"][0]]
    assert post.label == "Peneliti pusat studi"  # the words the text writes, in the centre it points back to
    assert values_of(post)["known_as"] == ["Peneliti Pusat Studi Ekonomi Pesisir Universitas Bengkulu"]
    assert values_of(post)["post_in"] == [centre]
    assert not any("tersebut" in i.label or "itu" in i.label.split() for i in found.items.values()
                   if i.type not in ("Finding", "IndirectQuote"))  # those keep the text's words
    # a pointer with nothing of its kind named before it points at nothing
    lone = run("JAMBI, X.COM - Dr. Sari Lubis, peneliti pusat studi tersebut, mengatakan harga naik.\n")
    at = run(CENTRE.replace("peneliti pusat studi tersebut", "peneliti di pusat studi tersebut"))
    post = at.items[values_of(by_type(at, "Person")["Andi Rahman"])["holds"][0]]
    assert post.label == "Peneliti di pusat studi" and values_of(post)["post_in"] == [centre]
    held = values_of(by_type(lone, "Person")["Sari Lubis"]).get("holds", [])
    assert held and not any(values_of(lone.items[p]).get("post_in") for p in held)


FESTIVAL = (
    "BANJARMASIN, KALSELKINI.COM - Sekitar 150 petani dan perajin memadati Gedung Sultan Suriansyah, Kota "
    "Banjarmasin, Sabtu (10/10/2026), dalam Festival Tani Digital Kalsel 2026.\n"
    "Festival yang digelar Dinas Koperasi dan UKM Provinsi Kalimantan Selatan itu merupakan bagian dari program "
    "Banua Niaga Digital.\n"
    "Mereka datang dari Kabupaten Banjar, Kabupaten Tapin, hingga Kabupaten Tabalong.\n"
    "Program Banua Niaga Digital menyasar petani karet dan perempuan penenun sasirangan.\n")


def test_an_event_named_after_the_crowd_the_hall_and_the_date_and_whom_a_program_aims_at() -> None:
    found = run(FESTIVAL)
    festival = found.items["festival-tani-digital-kalsel-2026"]
    event = values_of(festival)
    assert festival.type == "Event" and event["venue"] == ["gedung-sultan-suriansyah"]
    assert values_of(found.items["gedung-sultan-suriansyah"])["within"] == ["banjarmasin"]  # "Kota Banjarmasin"
    assert str(event["date"][0]) == "2026-10-10"
    assert event["organizer"] == ["dinas-koperasi-dan-ukm-provinsi-kalimantan-selatan"]  # "Festival yang digelar …"
    assert event["part_of_program"] == ["banua-niaga-digital"]
    assert event["participants_from"] == ["kabupaten-banjar", "tapin", "tabalong"]  # "Mereka datang dari …"
    crowd = values_of(by_type(found, "TargetGroup")["petani dan perajin"])  # those who came: one group
    assert crowd["takes_part_in"] == [festival.ident] and crowd["size"] == [150]
    # those a program aims at, each with words of its own: two groups
    assert values_of(found.items["banua-niaga-digital"])["target_groups"] == ["petani-karet",
                                                                             "perempuan-penenun-sasirangan"]
    # a festival the crowd is said not to have come to, or one to come, is no event told
    for words in ("tidak memadati", "akan memadati"):
        other = run(f"PALU, X.COM - Warga {words} Gedung Sultan Suriansyah, Kota Palu, dalam Festival Teluk Palu.\n")
        assert not any(i.type == "Event" for i in other.items.values())


HEADLINE = "Diskop UKM Riau Akan Gandeng BI Latih Pedagang Pasar\n"
NAMES_AND_PLACES = (
    "PEKANBARU, RIAUKINI.COM - Dinas Koperasi dan UKM (Diskop UKM) Riau berencana menggandeng Kantor Perwakilan "
    "Bank Indonesia (KPw BI) Riau untuk melatih pedagang pasar.\n"
    "Bank Indonesia (BI) menilai transaksi digital di Riau terus tumbuh.\n"
    "Pedagang kini memakai aplikasi TaniKu untuk memesan pupuk. PT Tani Kita Digital, pengembang TaniKu, berbasis "
    "di Kota Pekanbaru.\n"
    "CEO TaniKu, Rudi Hartono, mengatakan pengguna naik. Pendiri PT Tani Kita Digital, Sinta Dewi, menambahkan "
    "petani kini lebih mudah memesan.\n"
    "Dinas Kelautan dan Perikanan Provinsi Maluku Utara (DKP Malut) juga hadir. Startup asal Pekanbaru, Lancang "
    "Data, ikut pameran di Kecamatan Siak Hulu, Kabupaten Kampar.\n"
    "Sinta Dewi menjelaskan penjualan naik tiga kali lipat.\n"
    "Menurut dia, petani muda paling cepat belajar.\n")


def test_short_forms_an_apps_maker_a_headlines_plan_and_where_offices_and_startups_are() -> None:
    found = run(NAMES_AND_PLACES, header=HEADLINE)
    bank = found.find_name("BI")
    assert bank is not None and bank.label == "Bank Indonesia" and bank.type == "GovernmentBody"
    assert not any(i.type == "Country" for i in found.items.values())  # "Indonesia" of "Bank Indonesia"
    office = found.items["kantor-perwakilan-bank-indonesia-riau"]  # one office, as written too
    assert "Kantor Perwakilan Bank Indonesia (KPw BI) Riau" in office.aliases
    maker = found.find_name("TaniKu")  # the app named first, then its maker: one company
    assert maker is not None and maker.label == "PT Tani Kita Digital"
    assert values_of(maker)["location"] == ["pekanbaru"]  # "berbasis di Kota Pekanbaru"
    posts = [values_of(found.items[p])["post_in"] for who in ("Rudi Hartono", "Sinta Dewi")
             for p in values_of(by_type(found, "Person")[who])["holds"]]
    assert posts == [[maker.ident], [maker.ident]]  # "CEO TaniKu", "Pendiri PT Tani Kita Digital"
    # the headline's "Akan Gandeng BI" is the body's plan with the bank's office: told once, by the body
    told = collaborations(found)
    assert told == [([found.find_name("Diskop UKM Riau").ident, office.ident], "planned")]
    assert values_of(found.find_name("DKP Malut"))["jurisdiction"] == ["maluku-utara"]  # its name says it
    assert values_of(by_type(found, "Startup")["Lancang Data"])["location"] == ["pekanbaru"]  # "asal Pekanbaru"
    district = found.items["siak-hulu"]
    assert values_of(district)["within"] == ["kampar"] and "siak" not in found.items  # not the regency Siak
    said = {values_of(q)["text"][0]: values_of(q)["speaker"] for q in by_type(found, "IndirectQuote").values()}
    assert said["petani muda paling cepat belajar"] == ["sinta-dewi"]  # "Menurut dia": the one just quoted
    # a headline naming other parties than the body's is still told
    other = run(NAMES_AND_PLACES, header="Diskop UKM Riau Akan Gandeng PT Tani Kita Digital\n")
    assert len(collaborations(other)) == 2


VARIANTS = (
    "TERNATE, MALUTKINI.COM - Startup lokal PT Rempah Data Nusantara (Rempah Data) mengembangkan aplikasi bagi "
    "petani pala.\n"
    "Dinas Pertanian Kota Ternate juga menjalin kemitraan dengan startup tersebut sejak 2025.\n"
    "Yayasan Kie Raha Lestari mencatat harga pala membaik. Kepala yayasan itu, Dr. Nurhayati Umar, mengatakan "
    "petani senang.\n"
    "Riset yang dilakukan lembaga tersebut pada 2026 menemukan 60 persen petani sudah memakai ponsel pintar.\n"
    "Ratusan petani berkumpul di Aula Kantor Wali Kota Ternate, Kota Ternate, Rabu (14/10/2026), dalam acara "
    "Festival Pala Ternate 2026.\n"
    "Pemprov Maluku Utara bekerja sama dengan Bank Indonesia. Bank Indonesia (BI) menilai pasar pala tumbuh.\n"
    "Kepala Perwakilan Bank Indonesia (BI) Maluku Utara, Hendra Siregar, mengatakan transaksi naik.\n"
    "PT Pos Indonesia mengantar pala Ternate ke seluruh Indonesia.\n")


def test_the_same_shapes_told_other_ways() -> None:
    found = run(VARIANTS)
    told = sorted(parties for parties, _ in collaborations(found))
    assert told[0] == ["dinas-pertanian-kota-ternate", "pt-rempah-data-nusantara"]  # "dengan startup tersebut"
    post = found.items[values_of(by_type(found, "Person")["Nurhayati Umar"])["holds"][0]]
    assert post.label == "Kepala yayasan" and values_of(post)["post_in"] == ["yayasan-kie-raha-lestari"]
    assert values_of(post)["known_as"] == ["Kepala Yayasan Kie Raha Lestari"]  # "Kepala yayasan itu": named with it
    study = next(iter(by_type(found, "Study").values()))
    assert values_of(study)["author"] == ["yayasan-kie-raha-lestari"] and values_of(study)["period"] == ["2026"]
    festival = values_of(found.items["festival-pala-ternate-2026"])  # "berkumpul di …, dalam acara Festival …"
    assert festival["venue"] == ["aula-kantor-wali-kota-ternate"] and str(festival["date"][0]) == "2026-10-14"
    assert values_of(by_type(found, "TargetGroup")["petani"])["takes_part_in"] == ["festival-pala-ternate-2026"]
    # "Bank Indonesia", then "Bank Indonesia (BI)": one bank; its short form inside an office's name makes no program
    banks = [i for i in found.items.values() if i.label == "Bank Indonesia"]
    assert len(banks) == 1 and "BI" in banks[0].aliases
    assert not by_type(found, "Program")
    assert not any(i.type == "Country" for i in found.items.values())  # "Bank Indonesia" names no country


CARRIED_OVER = (
    "PALEMBANG, SUMSELKINI.COM - Penjualan daring pedagang pempek terus naik.\n"
    "Rudi Hartono, CEO PT Musi Data Niaga, mengatakan pengguna aplikasinya naik dua kali lipat. Ia didampingi "
    "Sinta Dewi (41), pendiri Koperasi Ampera Jaya.\n"
    "Menurut dia, pelatihan akan digelar lagi bulan depan.\n"
    "Budi Santoso, Kepala Dinas Koperasi Kota Palembang, meninjau lokasi. Menurut dia, pasar akan diperluas.\n")


def test_menurut_dia_opening_a_paragraph_goes_on_quoting_the_one_just_quoted() -> None:
    quotes = by_type(run(CARRIED_OVER), "IndirectQuote").values()
    said = {values_of(q)["text"][0]: values_of(q)["speaker"] for q in quotes}
    assert said["pelatihan akan digelar lagi bulan depan"] == ["rudi-hartono"]  # not Sinta, named after him
    assert said["pasar akan diperluas"] == ["budi-santoso"]  # named in its own paragraph: the one named there


def test_the_drafts_build(tmp_path: Path) -> None:
    texts = {"samarinda.txt": POINTED_PARTY, "bengkulu.txt": CENTRE, "banjarmasin.txt": FESTIVAL,
             "pekanbaru.txt": HEADLINE + NAMES_AND_PLACES, "ternate.txt": VARIANTS}
    drafts = ingest_and_build(tmp_path, texts, "2026-10-07")
    built = [path.parent.parent / "articles" / path.name for path in drafts]  # moved among the articles
    entities = {e["id"]: e for path in built for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entities"]}
    centre = "pusat-studi-ekonomi-pesisir-universitas-bengkulu"
    assert entities["survei-terhadap-nelayan"]["author"][0]["value"] == centre
    assert sum(e["type"] == "Collaboration" for e in entities.values()) == 5
    assert entities["festival-tani-digital-kalsel-2026"]["venue"]
    ternate = yaml.safe_load(next(p for p in built if p.name == "ternate.yaml").read_text(encoding="utf-8"))
    countries = [e["evidence"] for e in ternate["entities"] if e["type"] == "Country"]
    assert countries == [{"quote": "Indonesia", "occurrence": VARIANTS.count("Indonesia")}]  # "ke seluruh Indonesia"
