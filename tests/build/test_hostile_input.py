"""Hostile input (#13): files built to crash, exhaust or mislead the build. Each is refused with
one short line naming the file, exit 1, no traceback, and the previous outputs untouched."""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.build.values import language_tag
from kg.errors import Location, SourceError
from kg.source.limits import MAX_FILE_BYTES
from tests.build.test_bad_input import edit, run_build, snapshot
from tests.conftest import ARTICLE_ID, article_yaml

Mutation = Callable[[Path], object]
LABEL = "    label: Indonesia\n"
EVIDENCE = '    evidence: "demi pertumbuhan talenta di Indonesia"\n'
TEXT = f"  text: {ARTICLE_ID}.txt\n"
MAX_ERROR_CHARS = 400  # besides the file's path


def article(old: str, new: str) -> Mutation:
    return lambda root: edit(article_yaml(root), old, new)


def data_file(name: str, old: str, new: str) -> Mutation:
    return lambda root: edit(root / "data" / name, old, new)


def whole_article(content: str | bytes) -> Mutation:
    def write(root: Path) -> None:
        path = article_yaml(root)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return write


def article_text(content: bytes) -> Mutation:
    return lambda root: (root / "data" / "articles" / f"{ARTICLE_ID}.txt").write_bytes(content)


def text_outside(name: str, absolute: bool = False) -> Mutation:
    """The article's text, intact, copied to `name` (relative to data/articles) and pointed at
    by that relative path, or by its absolute path."""
    def move(root: Path) -> None:
        articles = root / "data" / "articles"
        target = (articles / name).resolve()
        shutil.copy(articles / f"{ARTICLE_ID}.txt", target)
        edit(article_yaml(root), TEXT, f"  text: {target if absolute else name}\n")
    return move


def symlinked_text(root: Path) -> None:
    """The article's text replaced by a link to an intact copy outside the articles folder."""
    text = root / "data" / "articles" / f"{ARTICLE_ID}.txt"
    outside = root / "outside.txt"
    shutil.move(text, outside)
    text.symlink_to(outside)


def symlinked_yaml(root: Path) -> None:
    """The article's YAML replaced by a link to an intact copy outside the articles folder: the
    build before cached its part under the same bytes, and must still refuse the link."""
    source = article_yaml(root)
    outside = root / "outside.yaml"
    shutil.move(source, outside)
    source.symlink_to(outside)


def billion_laughs(root: Path) -> None:
    """Under 1 KB of YAML that expands to 10^9 strings."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(f'*{prev}' for _ in range(10))}]")
    article_yaml(root).write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert article_yaml(root).stat().st_size < 1024


def bomb_in_a_field(root: Path) -> None:
    """A smaller bomb (4^10 strings) defined and used inside one value that an error quotes."""
    levels = ["&x0 [lol, lol, lol, lol]"] + [f"&x{i} [{', '.join([f'*x{i - 1}'] * 4)}]" for i in range(1, 11)]
    edit(article_yaml(root), "  - id: indonesia\n", f"  - id: [{', '.join(levels)}]\n")


def linkset(old: str, new: str) -> Mutation:
    return data_file("links/regions.ttl", old, new)


def extra_triples(turtle: str) -> Mutation:
    def add(root: Path) -> None:
        with (root / "data" / "links" / "regions.ttl").open("a", encoding="utf-8") as stream:
            stream.write("\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n" + turtle + "\n")
    return add


HUGE = "x" * 1_000_000
NOT_IN_LINKSET = "is not something a linkset holds"
EXPANDED = "with its aliases expanded, this holds more than 100000 values"

CASES = [
    # YAML that expands, nests or parses into shapes no field has
    pytest.param(billion_laughs, rf":5: {EXPANDED}", id="billion-laughs"),
    pytest.param(bomb_in_a_field, rf":33: {EXPANDED}", id="alias-bomb-in-field"),
    pytest.param(whole_article("a: " + "[" * 500 + "]" * 500 + "\n"), r":1: nested more than 20 levels deep",
                 id="500-brackets"),
    pytest.param(whole_article("a: " + "{" * 5000 + "\n"), r":1: malformed YAML: exceeded maximum nesting depth",
                 id="5000-braces"),
    pytest.param(article(LABEL, LABEL + "    ? [a, b]\n    : c\n"), r"a key must be a name", id="complex-key"),
    pytest.param(article(LABEL, LABEL + "    ? " + "k" * 5000 + "\n    : c\n"), r"a key must be a name of at most 100",
                 id="huge-key"),
    pytest.param(article("entities:\n", "defaults: &d {type: Country}\nentities:\n  - {<<: *d, id: x}\n"),
                 r"merge keys \(<<\) are not supported", id="merge-key"),
    pytest.param(article(LABEL, "    label: !!binary SW5kb25lc2lh\n"), r"could not determine a constructor for the tag",
                 id="binary-tag"),
    pytest.param(article(LABEL, "    label: !!python/object/apply:os.system [id]\n"),
                 r"could not determine a constructor for the tag", id="python-tag"),
    pytest.param(article("    participant_count: 28\n", f"    participant_count: {'9' * 5000}\n"),
                 r":\d+: cannot read '9999[.9]*' as int$", id="5000-digit-integer"),
    # bytes that are not text
    pytest.param(article(LABEL, '    label: "Indo\\ud800nesia"\n'), r":\d+: malformed YAML: found invalid Unicode",
                 id="lone-surrogate-escape"),
    pytest.param(article(LABEL, '    label: "Indo\\x1bnesia"\n'), r"U\+001B is not a character of text",
                 id="control-escape"),
    pytest.param(whole_article(b"article:\n  id: \x00\n"), r":2: U\+0000 is not allowed in a YAML file", id="nul-byte"),
    pytest.param(whole_article(b"article:\n  id: \xed\xa0\x80\n"), r"the file is not UTF-8 text \(line 2, byte 15\)",
                 id="surrogate-bytes"),
    pytest.param(whole_article(b"\xff\xfe" + "article:".encode("utf-16-le")), r"the file is not UTF-8 text",
                 id="utf-16"),
    pytest.param(whole_article("# " + "x" * MAX_FILE_BYTES + "\n"), r"the file .* is larger than 2048 KB",
                 id="huge-file"),
    pytest.param(article(LABEL, f'    label: "{HUGE}"\n'), r"the name 'xxx[.x]*' is not in its evidence",
                 id="huge-value"),
    # the article text: only a file beside the YAML, plain text
    pytest.param(article(TEXT, "  text: /etc/passwd\n"), r"article\.text: '/etc/passwd' is not a file in the article's",
                 id="text-etc-passwd"),
    pytest.param(text_outside("../x.txt"), r"article\.text: '\.\./x\.txt' is not a file in the article's folder",
                 id="text-dotdot"),
    pytest.param(text_outside("../../outside.txt", absolute=True),
                 r"article\.text: '/.*' is not a file in the article's", id="text-absolute"),
    pytest.param(symlinked_text, r"article\.text: '[^']+\.txt' is not a file in the article's folder",
                 id="text-symlink-out"),
    pytest.param(symlinked_yaml, r"\.yaml: a link to a file outside the articles folder", id="yaml-symlink-out"),
    pytest.param(article(TEXT, "  text: .\n"), r"article\.text: '\.' is not a file in the article's folder",
                 id="text-folder"),
    pytest.param(article_text(b"Surabaya\x00 Lazada\n"),
                 r"the article text has U\+0000, a control character, on line 1", id="text-nul"),
    pytest.param(article_text(b"Surabaya \xc3\x28\n"), r"the article text is not UTF-8 text \(line 1, byte 9\)",
                 id="text-not-utf8"),
    # evidence: required, words of the article
    pytest.param(article(EVIDENCE, "    evidence: []\n"), r"entities\[0\]\.evidence: the evidence is an empty list",
                 id="evidence-empty-list"),
    pytest.param(article(EVIDENCE, '    evidence: ""\n'), r"evidence must be quoted words of the article, not ''",
                 id="evidence-empty-text"),
    pytest.param(article(EVIDENCE, '    evidence: "   "\n'), r"evidence must be quoted words of the article, not '   '",
                 id="evidence-blank"),
    pytest.param(article(EVIDENCE, '    evidence: ", "\n'), r"evidence must be quoted words of the article, not ', '",
                 id="evidence-punctuation"),
    pytest.param(article(EVIDENCE, "    evidence:\n"), r"evidence must be quoted words of the article, not None",
                 id="evidence-null"),
    pytest.param(article("      - {value: Jatim, evidence: \"pelatihan untuk UMKM di Jatim\"}",
                         "      - {value: Jatim, evidence: null}"), r"aliases\.evidence: the evidence is empty",
                 id="value-evidence-null"),
    pytest.param(article("occurrence: 1}", "occurrence: true}"), r"occurrence must be a whole number from 1, not True",
                 id="occurrence-true"),
    pytest.param(article("occurrence: 1}", "occurrence: 0}"), r"occurrence must be a whole number from 1, not 0",
                 id="occurrence-0"),
    pytest.param(article("occurrence: 1}", "occurrence: -2}"), r"occurrence must be a whole number from 1, not -2",
                 id="occurrence-negative"),
    pytest.param(article("occurrence: 1}", "occurrence: 1.0}"), r"occurrence must be a whole number from 1, not 1\.0",
                 id="occurrence-float"),
    # names: a word of the evidence, nothing hidden
    pytest.param(article(LABEL, '    label: "!!!"\n'), r"entities\[0\]\.label: '!!!' has no word in it",
                 id="label-no-word"),
    pytest.param(article(LABEL, '    label: "Indonesia\\u202e"\n'),
                 r"label: 'Indonesia\\u202e' contains U\+202E RIGHT-TO-LEFT OVERRIDE", id="label-bidi-override"),
    pytest.param(article(LABEL, '    label: "Indo\\u200bnesia"\n'), r"contains U\+200B ZERO WIDTH SPACE",
                 id="label-zero-width"),
    pytest.param(article("      - {value: Jatim,", '      - {value: "Jatim\\u2066",'),
                 r"aliases: .*U\+2066 LEFT-TO-RIGHT", id="alias-bidi-isolate"),
    pytest.param(data_file("places.yaml", "    label_en: East Java\n", '    label_en: "East\\u202eJava"\n'),
                 r"places\.yaml:\d+: entities\[1\]\.label_en: .*U\+202E", id="curated-label-bidi"),
    pytest.param(data_file("places.yaml", "known_as: [Kota Surabaya]", 'known_as: ["Kota\\u2028Surabaya"]'),
                 r"known_as: .*U\+2028 LINE SEPARATOR", id="known-as-line-separator"),
    # language tags (BCP 47)
    pytest.param(article("    value: id\n", '    value: "i d"\n'), r"article\.language: 'i d' is not a language tag",
                 id="language-space"),
    pytest.param(article("    value: id\n", "    value: indonesian-language\n"), r"is not a language tag",
                 id="language-words"),
    pytest.param(article("    value: id\n", "    value: id-\n"), r"'id-' is not a language tag", id="language-dash"),
    pytest.param(article("    value: id\n", '    value: "id\\u202e"\n'), r"is not a language tag",
                 id="language-bidi"),
    # linksets: only what `kg link` writes
    pytest.param(extra_triples("<https://evil.example/x> <https://evil.example/p> <https://evil.example/o> ."),
                 rf"regions\.ttl: <https://evil\.example/x> .* {NOT_IN_LINKSET}", id="linkset-foreign-subject"),
    pytest.param(extra_triples("id:surabaya owl:sameAs <https://evil.example/surabaya> ."),
                 rf"<https://w3id\.org/ekodigi/id/surabaya> <http://www\.w3\.org/2002/07/owl#sameAs> .*"
                 rf" {NOT_IN_LINKSET}",
                 id="linkset-other-predicate"),
    pytest.param(extra_triples("id:surabaya skos:exactMatch <https://evil.example/surabaya> ."),
                 rf"skos/core#exactMatch> <https://evil\.example/surabaya> {NOT_IN_LINKSET}",
                 id="linkset-unrecorded-link"),
    pytest.param(linkset("kg:linkObject id:wilayah-3578 ;", 'kg:linkObject "wilayah-3578" ;'),
                 rf'linkObject> "wilayah-3578" {NOT_IN_LINKSET}',
                 id="linkset-literal-for-iri"),
    pytest.param(linkset("kg:linkObject id:wilayah-3578 ;", "kg:linkObject <javascript:alert(1)> ;"),
                 rf"<javascript:alert\(1\)> {NOT_IN_LINKSET}", id="linkset-javascript-iri"),
    pytest.param(extra_triples("<https://w3id.org/ekodigi/id/linkset/regions> void:triples \"many\" ."),
                 NOT_IN_LINKSET, id="linkset-description-untyped"),
    pytest.param(extra_triples("[] a void:Linkset ."), NOT_IN_LINKSET, id="linkset-blank-node"),
    pytest.param(linkset('dcterms:date "2026-11-28"^^xsd:date ;\n    void:inDataset <https://w3id.org/ekodigi/id/'
                         'linkset/regions> ;\n    kg:linkMethod "kg link: normalised name, kind and province" ;\n'
                         '    kg:linkObject id:wilayah-3522', 'dcterms:date "soon"^^xsd:date ;\n    void:inDataset '
                         '<https://w3id.org/ekodigi/id/linkset/regions> ;\n    kg:linkMethod "kg link: normalised '
                         'name, kind and province" ;\n    kg:linkObject id:wilayah-3522'),
                 rf'"soon"\^\^<http://www\.w3\.org/2001/XMLSchema#date> {NOT_IN_LINKSET}', id="linkset-ill-typed-date"),
    # dataset.yaml
    pytest.param(data_file("dataset.yaml", "publisher: ekodigi", "publisher: [ekodigi, evil]"),
                 r"dataset\.yaml:\d+: publisher: \['ekodigi', 'evil'\] is not a line of plain text", id="setting-list"),
    pytest.param(data_file("dataset.yaml", "publisher: ekodigi", 'publisher: "eko\\u202edigi"'),
                 r"publisher: 'eko\\u202edigi' is not a line of plain text", id="setting-bidi"),
]


@pytest.mark.parametrize(("mutate", "message"), CASES)
def test_hostile_input_is_refused_in_one_short_line(project_copy: Path, tmp_path: Path, good_outputs: Path,
                                                    mutate: Mutation, message: str) -> None:
    out = tmp_path / "out"
    shutil.copytree(good_outputs, out)
    before = snapshot(out)
    mutate(project_copy)
    result = run_build(project_copy, out)
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1, result.output
    error = result.stderr.strip().replace(str(project_copy) + "/", "")
    assert error.startswith("error: data/") and error.count("\n") == 0, error[:500]
    assert len(error) < MAX_ERROR_CHARS, f"{len(error)} characters: {error[:500]}"
    assert re.search(message, error), error
    assert snapshot(out) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_not_read(project_copy: Path, tmp_path: Path) -> None:
    """A FIFO named like an article would block a reader forever."""
    os.mkfifo(project_copy / "data" / "articles" / "zz-pipe.yaml")
    result = run_build(project_copy, tmp_path / "out")
    assert result.exit_code == 1
    assert "zz-pipe.yaml: cannot read the file 'zz-pipe.yaml': not a regular file" in result.stderr


def test_an_article_yaml_linked_from_outside_is_refused(project_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("article: {}\n", encoding="utf-8")
    (project_copy / "data" / "articles" / "zz-link.yaml").symlink_to(outside)
    result = run_build(project_copy, tmp_path / "out")
    assert result.exit_code == 1
    assert "zz-link.yaml: a link to a file outside the articles folder" in result.stderr


@pytest.mark.parametrize("tag", ["id", "en", "jv-Latn", "id-ID", "zh-Hant-TW", "sgn-BE-FR", "x-private",
                                 "de-CH-1901", "en-US-u-islamcal", "i-klingon", "es-419", "zh-yue-HK"])
def test_well_formed_language_tags_pass(tag: str) -> None:
    assert str(language_tag(tag, Location(Path("a.yaml")))) == tag


@pytest.mark.parametrize("tag", ["i d", "", "id-", "-id", "indonesian-language", "id_ID", "a", "id-ID-x",
                                 "en-u", "x", "id\n", "1d", "ïd", "id-Latn-Latn-Latn-ID-ID"])
def test_malformed_language_tags_fail(tag: str) -> None:
    with pytest.raises(SourceError, match="is not a language tag"):
        language_tag(tag, Location(Path("a.yaml")))


def test_a_language_tag_reaches_the_graph(project_copy: Path, tmp_path: Path) -> None:
    edit(article_yaml(project_copy), "    value: id\n", "    value: jv-Latn-ID\n")
    result = run_build(project_copy, tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert '<http://purl.org/dc/terms/language> "jv-Latn-ID"' in (tmp_path / "out" / "graph.nt").read_text("utf-8")


def test_the_billion_laughs_is_refused_without_expanding(project_copy: Path, tmp_path: Path) -> None:
    """Refused while it is built, before any of it is expanded: memory stays small."""
    import tracemalloc

    billion_laughs(project_copy)
    tracemalloc.start()
    try:
        result = run_build(project_copy, tmp_path / "out")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.exit_code == 1 and "more than 100000 values" in result.stderr
    assert peak < 50 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"
    assert sys.getsizeof(result.stderr) < 1024


def test_a_file_name_with_a_line_break_keeps_the_error_on_one_line(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "data" / "articles" / "zz\nbroken.yaml").write_text("x: [", encoding="utf-8")
    result = run_build(project_copy, tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "zz\\nbroken.yaml" in result.stderr


def test_an_ontology_that_does_not_parse_is_one_line(project_copy: Path, tmp_path: Path) -> None:
    ontology = project_copy / "ontology" / "kg.ttl"
    ontology.write_text(ontology.read_text(encoding="utf-8") + "\n@prefix : <x> .\n:a :b\n", encoding="utf-8")
    result = run_build(project_copy, tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "the ontology does not parse" in result.stderr
