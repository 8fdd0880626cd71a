"""A single name with an age before a post ("Nurhayati (45), Ketua Koperasi X dari Tanah Datar, berharap …"):
the person, her post and its organisation placed where "dari" says, her hope, and "Menurut dia" next is hers;
the last of a list of target groups ("untuk pelaku UMKM, penenun, dan kelompok tani") is one too."""

from __future__ import annotations

from tests.ingest.test_rules import by_type, collaborations, run, values_of

HOPE = (
    "PADANG, SUMBARKINI.COM - Dinas Koperasi dan UKM Sumatera Barat menggelar pelatihan pemasaran digital bagi "
    "koperasi perempuan.\n"
    "Kepala Dinas Koperasi dan UKM Sumatera Barat, Andi Saputra, mengatakan pelatihan itu diikuti 60 pengurus "
    "koperasi.\n"
    "Nurhayati (45), Ketua Koperasi Wanita Tani Makmur dari Tanah Datar, berharap koperasinya dapat bermitra dengan "
    "PT Pasar Rakyat Digital untuk menjual kopi anggota.\n"
    "Menurut dia, harga kopi di tingkat petani masih rendah.\n"
)


def test_a_single_name_with_an_age_before_a_post_is_a_person_holding_it() -> None:
    found = run(HOPE)
    person = by_type(found, "Person")["Nurhayati"]  # no age in the label
    post = found.items[values_of(person)["holds"][0]]
    assert post.label == "Ketua Koperasi Wanita Tani Makmur"  # where it is: no part of the post
    assert values_of(post)["post_in"] == ["koperasi-wanita-tani-makmur"]
    assert values_of(found.items["koperasi-wanita-tani-makmur"])["location"] == ["tanah-datar"]


def test_the_region_after_the_post_between_commas_places_the_organisation_too() -> None:
    found = run(HOPE.replace("Makmur dari Tanah Datar,", "Makmur, Tanah Datar,"))
    post = found.items[values_of(by_type(found, "Person")["Nurhayati"])["holds"][0]]
    assert post.label == "Ketua Koperasi Wanita Tani Makmur"
    assert values_of(found.items["koperasi-wanita-tani-makmur"])["location"] == ["tanah-datar"]
    other = run(HOPE.replace("Makmur dari Tanah Datar,", "Makmur, Bu Ani,"))
    assert "Nurhayati" not in by_type(other, "Person")  # no region after the comma: not this shape


def test_her_hope_is_her_quote_and_an_aspired_collaboration_of_her_cooperative() -> None:
    found = run(HOPE)
    said = {values_of(q)["text"][0]: values_of(q)["speaker"] for q in by_type(found, "IndirectQuote").values()}
    assert said["koperasinya dapat bermitra dengan PT Pasar Rakyat Digital untuk menjual kopi anggota"] == ["nurhayati"]
    assert said["harga kopi di tingkat petani masih rendah"] == ["nurhayati"]  # the last person named, not Andi
    assert collaborations(found) == [(["koperasi-wanita-tani-makmur", "pt-pasar-rakyat-digital"], "aspired")]


def test_one_word_without_an_age_or_a_place_with_an_age_is_no_person() -> None:
    plain = run(HOPE.replace("Nurhayati (45),", "Nurhayati,"))
    assert "Nurhayati" not in by_type(plain, "Person")  # one word alone: too little to call it a name
    place = run(HOPE.replace("Nurhayati (45),", "Padang (45),"))
    assert "Padang" not in by_type(place, "Person")


TRAINING = ("PONTIANAK, KALBARKINI.COM - Dinas Koperasi Kalimantan Barat menggelar pelatihan pemasaran digital untuk "
            "pelaku UMKM, penenun, dan kelompok tani agar naik kelas.\n")


def test_the_last_of_three_groups_after_dan_is_a_group_too() -> None:
    assert set(by_type(run(TRAINING), "TargetGroup")) == {"pelaku UMKM", "penenun", "kelompok tani"}
    served = run(TRAINING.replace(", dan kelompok tani", ", serta pengelola homestay"))
    assert set(by_type(served, "TargetGroup")) == {"pelaku UMKM", "penenun", "pengelola homestay"}


def test_what_closes_a_list_without_people_is_no_group() -> None:
    for words in (", dan lain sebagainya", ", dan membuka kelas baru"):
        assert set(by_type(run(TRAINING.replace(", dan kelompok tani", words)), "TargetGroup")) == {
            "pelaku UMKM", "penenun"}, words


CLOSED = ("Ekonomi\nPedagang Pasar Mulai Terima Pembayaran Digital\n"
          "MEDAN - Dinas Perdagangan Kota Medan menggelar pelatihan bagi pedagang pasar.\n"
          "Pelatihan itu diikuti 40 pedagang.\n"
          "Ikuti berita terkini DeliRaya.com di Google News\n")


def test_an_outlet_named_only_in_a_closing_invitation_publishes_the_article() -> None:
    found = run(CLOSED, header="")
    outlet = by_type(found, "MediaOutlet")["DeliRaya.com"]
    assert found.article["publisher"].value == outlet.ident
    other = run(CLOSED.replace("Ikuti berita terkini DeliRaya.com di Google News", "Simak berita lainnya di "
                               "Kabarsumut.id"), header="")
    assert list(by_type(other, "MediaOutlet")) == ["Kabarsumut.id"]
    for line in ("Dapatkan update berita pilihan dan breaking news setiap hari dari DeliRaya.com",
                 "Ikuti DeliRaya.com di Google News"):
        said = run(CLOSED.replace("Ikuti berita terkini DeliRaya.com di Google News", line), header="")
        assert said.article["publisher"].value == "deliraya", line
    related = run(CLOSED.replace("Ikuti berita terkini DeliRaya.com di Google News",
                                 "Baca juga: DeliRaya.com Raih Penghargaan Media"), header="")
    assert "publisher" not in related.article  # a related headline, no invitation


def test_a_closing_invitation_does_not_replace_the_datelines_outlet() -> None:
    found = run(CLOSED.replace("MEDAN - ", "MEDAN, SUMUTKINI.COM - "), header="")
    assert found.items[str(found.article["publisher"].value)].label == "SUMUTKINI.COM"
    assert "DeliRaya.com" not in by_type(found, "MediaOutlet")
    early = run(CLOSED + "Pedagang menyambut baik.\nWarga juga senang.\nHarga stabil.\n", header="")
    assert "publisher" not in early.article  # three lines after it: no closing line


def test_a_dateline_of_a_place_alone_is_the_dateline_and_ends_the_header() -> None:
    found = run(CLOSED, header="")
    assert found.article["dateline"].value == "medan"
    assert found.article["headline"].value == "Pedagang Pasar Mulai Terima Pembayaran Digital"
    capitals = run("EKONOMI - BISNIS\nPedagang Senang\nMEDAN - Pedagang pasar senang.\n", header="")
    assert capitals.article["dateline"].value == "medan"  # a line of capitals on both sides is no dateline


def test_a_group_ends_before_what_is_said_of_it() -> None:
    said = TRAINING.replace(" agar naik kelas", "").replace("menggelar pelatihan", "menilai pelatihan") \
        .replace(".\n", " masih dibutuhkan.\n")
    assert set(by_type(run(said), "TargetGroup")) == {"pelaku UMKM", "penenun", "kelompok tani"}
