"""News paragraphs written for these tests (invented cooperatives, companies and people, real regions of
Papua): a name with the one its bearer goes by in quote marks ("Agustina “Tina” Kambu", curly or straight),
the post after it, and later words told by that name ("kata Tina", "Menurut Tina", "ujar pria yang akrab
disapa Ijai itu"), each the speaker's own, not the one quoted before."""

from __future__ import annotations

from tests.ingest.test_rules import by_type, run, values_of

BIAK = (
    "BIAK, PAPUAKINI.COM - Yohanes \"Ijai\" Rumbiak, Ketua Koperasi Pinang Biak, mengaku senang dengan kelas itu.\n"
    "Agustina “Tina” Kambu, pendiri PT Kasuari Niaga Digital, mengatakan kelas itu diikuti 40 mama-mama.\n"
    "\"Kami siap ikut lagi tahun depan,\" ujar pria yang akrab disapa Ijai itu.\n"
    "\"Kami ingin mama-mama berjualan daring,\" kata Tina.\n"
    "Menurut Tina, jumlah peserta akan bertambah.\n")


def test_a_name_with_a_quoted_nickname_is_one_person_with_an_alias_and_a_post() -> None:
    found = run(BIAK)
    tina, ijai = found.items["agustina-kambu"], found.items["yohanes-rumbiak"]
    assert "Tina" in tina.aliases and "Ijai" in ijai.aliases
    assert values_of(tina)["holds"] == ["pendiri-pt-kasuari-niaga-digital"]
    assert values_of(ijai)["holds"] == ["ketua-koperasi-pinang-biak"]
    assert not [label for label in by_type(found, "Person") if "Tina" in label.split() or "Ijai" in label.split()]


def test_words_told_by_the_nickname_are_the_nicknamed_speakers() -> None:
    found = run(BIAK)
    said = {str(values_of(q)["text"][0]): values_of(q)["speaker"] for q in found.items.values()
            if q.type in ("Quote", "IndirectQuote")}
    assert said["Kami siap ikut lagi tahun depan,"] == ["yohanes-rumbiak"]  # not Tina, named last
    assert said["Kami ingin mama-mama berjualan daring,"] == ["agustina-kambu"]
    assert said["jumlah peserta akan bertambah"] == ["agustina-kambu"]
