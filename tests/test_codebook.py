"""The codebook is data: it loads, it is consistent, and bad codebooks fail with one clear line."""

from __future__ import annotations

import pytest

from store.codebook import CodebookError, default_codebook_path, load_codebook, term_pattern
from tests.goldlib import load_gold


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(default_codebook_path())


def test_parties_are_the_four_of_these_talks(codebook):
    assert [p.name for p in codebook.parties] == ["United States", "Ukraine", "Russia", "Europe"]


def test_every_gold_issue_is_in_the_codebook_with_a_title_and_terms(codebook):
    gold_issues = {i for g in load_gold() for q in g["quotes"] + g["events"] for i in q["issues"]}
    assert gold_issues <= set(codebook.issue_by_id)
    for issue in codebook.issues:
        assert issue.title and issue.terms


def test_principal_actors_beyond_the_seeds(codebook):
    names = {a.name for a in codebook.actors}
    for who in ("Marco Rubio", "Sergei Lavrov", "Yuri Ushakov", "Kirill Dmitriev",
                "Emmanuel Macron", "Keir Starmer", "Ursula von der Leyen", "Kaja Kallas",
                "Andrii Sybiha", "Rustem Umerov", "Karoline Leavitt", "Maria Zakharova"):
        assert who in names
    by_party = {p.id: 0 for p in codebook.parties}
    for a in codebook.actors:
        by_party[a.party] += 1
    assert min(by_party.values()) >= 10


def test_every_gold_speaker_known_by_name_is_in_the_codebook(codebook):
    names = {a.name for a in codebook.actors}
    named = {q["speaker"] for g in load_gold() for q in g["quotes"] if q["speaker"][0].isupper()
             and "official" not in q["speaker"] and "(" not in q["speaker"]}
    assert named <= names


def test_term_pattern_wildcards_and_case():
    pat = term_pattern(["territor*", "Article 5"])
    assert pat.search("the TERRITORIAL question")
    assert pat.search("an article   5 guarantee")
    assert not pat.search("Article 50")


@pytest.mark.parametrize(
    "text, problem",
    [
        ("[[parties]]\nname = 'x'\n", "missing 'id'"),
        ("this is = = not toml", "not valid TOML"),
        ("[[parties]]\nid='a'\nname='A'\n", "no [[issues]]"),
        (
            "[[parties]]\nid='a'\nname='A'\n[[issues]]\nid='i'\ntitle='I'\n"
            "[[actors]]\nid='x'\nname='X'\nparty='zz'\n",
            "unknown party 'zz'",
        ),
        (
            "[[parties]]\nid='a'\nname='A'\n[[issues]]\nid='i'\ntitle='I'\n"
            "context_terms='money'\n",
            "issues #1 context_terms: expected a list of strings",
        ),
    ],
)
def test_bad_codebook_is_one_clear_line(tmp_path, text, problem):
    path = tmp_path / "codebook.toml"
    path.write_text(text)
    with pytest.raises(CodebookError) as err:
        load_codebook(path)
    message = str(err.value)
    assert problem in message and str(path) in message and "\n" not in message


def test_a_codebook_that_is_not_utf8_is_one_clear_line(tmp_path):
    path = tmp_path / "codebook.toml"
    path.write_bytes(b"[[parties]]\nid = '\xff'\n")
    with pytest.raises(CodebookError, match="not valid TOML") as err:
        load_codebook(path)
    assert str(path) in str(err.value)


def test_loads_of_the_same_text_share_derived_tables_and_an_edit_does_not(tmp_path):
    """A running dashboard reloads the codebook on every add; its matchers are kept per text."""
    text = default_codebook_path().read_text(encoding="utf-8")
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_text(text, encoding="utf-8")
    b.write_text(text, encoding="utf-8")
    first = load_codebook(a).derived("probe", lambda cb: object())
    assert load_codebook(b).derived("probe", lambda cb: object()) is first
    a.write_text(text.replace("Zelensky", "Zelenskyi", 1), encoding="utf-8")
    assert load_codebook(a).derived("probe", lambda cb: object()) is not first
