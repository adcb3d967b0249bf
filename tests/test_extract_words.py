"""The fast paths of per-article extraction give exactly the answers of the plain ones."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from store.codebook import default_codebook_path, load_codebook
from store.extract.parties import sentence_party
from store.extract.positions import StanceMemo, classify_stance, quote_cues, sentence_clauses
from store.extract.speakers.full_names import first_full_name
from store.extract.speakers.words import Words, tokenize, words_of

# Letters, marks and spaces that make the tokeniser's edge cases: dots of acronyms,
# apostrophes of both kinds, hyphens, case changes that alter length, Kelvin and long s.
_ALPHABET = st.sampled_from(list("aBc.U.S ’'-\n\u00a0éİßK\u017fΣ\x00,\"“”1") + ["U.S.", "E.U"])
_TEXT = st.lists(_ALPHABET, max_size=40).map("".join)


def _plain(text: str):
    toks = tokenize(text)
    return ([t.start for t in toks], [t.end for t in toks], [t.key for t in toks],
            [t.raw for t in toks])


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_words_of_matches_tokenize(text):
    w = words_of(text)
    assert (w.starts, w.ends, w.keys, w.raws) == _plain(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_words_of_matches_tokenize_on_any_text(text):
    w = words_of(text)
    assert (w.starts, w.ends, w.keys, w.raws) == _plain(text)


def test_words_of_keeps_an_acronyms_last_dot():
    w = words_of("The U.S. said no. Ms. O’Neil’s E.U.")
    assert w.raws[1] == "U.S." and w.keys[1] == "us"
    assert "o'neil's" in w.keys


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.lists(st.tuples(st.integers(0, 45), st.integers(0, 8)), max_size=5))
def test_without_drops_exactly_the_words_starting_inside_a_span(text, raw_spans):
    spans = sorted((a, a + n) for a, n in raw_spans)
    w = words_of(text)
    kept = w.without(spans)
    expected = [i for i, s in enumerate(w.starts) if not any(a <= s < b for a, b in spans)]
    assert kept.starts == [w.starts[i] for i in expected]
    assert kept.keys == [w.keys[i] for i in expected]
    assert kept.raws == [w.raws[i] for i in expected]
    assert kept.ends == [w.ends[i] for i in expected]
    assert isinstance(kept, Words)


# --- clauses: what the article already knows is not worked out again -------------------------
_PHRASES = st.sampled_from([
    "Ukraine", "Kyiv", "Moscow", "the Kremlin", "U.S.", "American", "officials", "said", "rejected",
    "demanded", "territory", "security guarantees", "while", "but", ";", ",", "if", "Zelensky",
    "“", "”", '"', "’s", "would accept", "a ceasefire", "not", "agree", "progress", "Russia's",
    "of", "between", "and", "the", "-",
])
_SENTENCE = st.lists(_PHRASES, min_size=1, max_size=18).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_SENTENCE, st.sampled_from([None, "ukraine", "russia"]))
def test_sentence_clauses_with_own_party_same_as_without(text, party):
    cb = _codebook()
    issues = ("territory", "security_guarantees")
    plain = sentence_clauses(text, party, issues, cb)
    assert sentence_clauses(text, party, issues, cb, own_party=sentence_party(text, cb)) == plain
    memo = StanceMemo()
    assert sentence_clauses(text, party, issues, cb, memo=memo) == plain
    for clause, stance in memo.items():
        assert stance == classify_stance(clause)


@settings(max_examples=200, deadline=None)
@given(_SENTENCE, _SENTENCE)
def test_quote_cues_with_a_memo_same_as_without(quote, context):
    memo = StanceMemo()
    assert quote_cues(quote, context, memo) == quote_cues(quote, context)
    assert quote_cues(quote, context, memo) == quote_cues(quote, context)  # from the memo


_CODEBOOK = []


def _codebook():
    if not _CODEBOOK:
        _CODEBOOK.append(load_codebook(default_codebook_path()))
    return _CODEBOOK[0]


def test_odd_cases_are_every_character_a_case_insensitive_ascii_letter_matches():
    from store.extract.positions import _ODD_CASES

    letter = re.compile(r"[a-z]", re.IGNORECASE)
    odd = {c for c in map(chr, range(0x110000)) if not c.isascii() and letter.fullmatch(c)}
    assert {chr(k) for k in _ODD_CASES} == odd
    for c in odd:  # each stands for the very letter the regex takes it for
        assert re.fullmatch(_ODD_CASES[ord(c)], c, re.IGNORECASE)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(
    ["if", "IF", "\u0130f", "\u0131f", "unless", "Until", "provided", "that", "as", "long",
     "only", "when", "in", "exchange", "for", "return", "on", "condition", "not", "N'T", "never",
     "no", "longer", "accept", "while", "WHILE", "wh\u0131le", "whereas", "even", "but", "though",
     ";", ":", ",", "x", "\u017fo", "\u00a0", "\n", "\t", "specific", "along", "another",
     "cannot", "event", "contribute"]), max_size=12).map(" ".join))
@example(", \xa0 as IF")  # (the clause regex took any spaces after the comma, its needed
def test_word_prefilters_never_skip_a_match(text):  # word ", as" one)
    from store.extract.positions import _NEEDS, _fixed, _folded, _may_match

    for name in _NEEDS.keys() & _fixed().keys():
        if _fixed()[name].search(text):
            assert _may_match(name, _folded(text)), name
            if name in ("negated_yes", "condition_split"):
                assert _may_match("firm", _folded(text)), name


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["Anna", "Novak", "van", "Petra", "said", ",", ".", " ", "\n", "-",
                              "’s", "“", "Mr", "Novakova", "xNovak", "NOVAK"]), max_size=16)
    .map(" ".join),
    st.sampled_from(["Novak", "Petra", "Mr", "O'Neil"]),
)
def test_first_full_name_same_as_searching_the_whole_text(text, surname):
    space = r"(?!\s*\n\s*\n)\s+"  # any spaces but a blank line
    plain = re.search(
        rf"((?:[A-ZÀ-Þ][\w’'-]+{space})+(?:(?:van|von|de|der|da|al|bin|le|la){space})?)"
        rf"{re.escape(surname)}\b",
        text,
    )
    fast = first_full_name(text, surname)
    assert (fast and (fast.span(), fast.group(0))) == (plain and (plain.span(), plain.group(0)))


def test_a_name_never_runs_over_a_blank_line():
    text = "PRESS RELEASE\n\nCoalition of the Willing summit in Paris. The Coalition met."
    assert first_full_name(text, "Coalition") is None
    wrapped = "said Prime Minister Keir\nStarmer on Monday. Starmer added"
    assert first_full_name(wrapped, "Starmer").group(0) == "Prime Minister Keir\nStarmer"


# --- cue words: the prefiltered walk finds what trying every word finds ----------------------
def _every_word_hits(lex, text):
    from store.extract.positions import _WORD_START

    out, end = [], 0
    for w in _WORD_START.finditer(text):
        if w.start() < end:
            continue
        pattern = lex.by_start.get(text[w.start() : w.start() + 3].casefold().replace("’", "'"))
        m = pattern.match(text, w.start()) if pattern else None
        if m:
            end = m.end()
            out.append((int(m.lastgroup[1:]), m.span()))
    return out


def _cue_words():
    from store.extract.positions import STANCE_CUES, STATUS_CUES

    return sorted({c.replace("*", "ed") for _n, cues in STANCE_CUES + STATUS_CUES for c in cues})


_CUE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_cue_words()),
        st.sampled_from(_cue_words()).map(str.upper),
        st.sampled_from(_cue_words()).map(lambda c: c.replace("s", "\u017f", 1)),
        st.sampled_from(_cue_words()).map(lambda c: c.replace("i", "\u0131", 1).title()),
        st.sampled_from(_cue_words()).map(lambda c: c.replace("'", "’").replace(" ", "\u00a0")),
        st.sampled_from([" ", "  ", "-", ",", "x", "\u0130", "\u212a", "é", "“", "\n"]),
    ),
    max_size=14,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_CUE_TEXT)
def test_the_cue_walk_finds_what_trying_every_word_finds(text):
    from store.extract.positions import _joint_hits, _lexicon_hits, _stance_regex, _status_regex

    stance, status = _joint_hits(text)
    assert [(n, (s, e)) for n, s, e in stance] == _every_word_hits(_stance_regex(), text)
    assert [(n, (s, e)) for n, s, e in status] == _every_word_hits(_status_regex(), text)
    for lex in (_stance_regex(), _status_regex()):
        found = [(n, (s, e)) for n, s, e in _lexicon_hits(lex, text)]
        assert found == _every_word_hits(lex, text)


# --- sentence ids: hashed from the shared parts once, same ids --------------------------------
def test_regex_whitespace_is_str_whitespace():
    space = re.compile(r"\s")
    assert all(bool(space.match(c)) == c.isspace() for c in map(chr, range(0x110000)))


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60), st.lists(st.sampled_from(["  ", "\n", "\u00a0", "\u2009", "ﬁ", "İ",
                                                       "Σ", "x"]), max_size=6).map("".join))
def test_sentence_ids_same_as_stable_ids(text, more):
    from store.extract.article import _normalised, sentence_ids
    from store.ids import normalise, stable_id

    text = more + text + more + text  # a repeated sentence gets its occurrence number
    assert _normalised(text) == normalise(text)
    half = len(text) // 2
    spans = [(0, half), (half, len(text)), (0, half)]
    seen: dict[str, int] = {}
    expected = []
    for s, e in spans:
        n = seen.get(text[s:e], 0)
        seen[text[s:e]] = n + 1
        expected.append(stable_id("sentence", "source-1", text[s:e], n))
    assert sentence_ids("source-1", text, spans) == expected


# --- the article's cue walk answers for its slices as their own walks do ----------------------
@settings(max_examples=500, deadline=None)
@given(_CUE_TEXT, st.integers(0, 200), st.integers(0, 200))
def test_article_cues_of_a_slice_are_the_slices_own(text, a, b):
    from store.extract.positions import ArticleCues, _joint_hits

    start, end = sorted((min(a, len(text)), min(b, len(text))))
    found = ArticleCues(text).hits(start, end)
    if found is not None:
        assert found == _joint_hits(text[start:end])


@settings(max_examples=300, deadline=None)
@given(_CUE_TEXT)
def test_article_cues_answer_for_the_clauses_of_a_sentence(text):
    from store.extract.positions import ArticleCues, _clauses, _joint_hits

    cues = ArticleCues(text)
    for start, end in _clauses(text):
        raw = text[start:end]
        first = start + len(raw) - len(raw.lstrip(" ,;:"))
        clause = raw.strip(" ,;:")
        found = cues.hits(first, first + len(clause))
        if found is not None:
            assert found == _joint_hits(clause)


def test_cues_are_three_letters_or_more():
    """ArticleCues relies on it: a word's lookup key is the same in a slice."""
    from store.extract.positions import STANCE_CUES, STATUS_CUES

    for _name, cues in STANCE_CUES + STATUS_CUES:
        for cue in cues:
            assert len(cue) >= 3 and "*" not in cue[:3], cue


# --- a lookahead of first characters changes no match -----------------------------------------
def _without_lookahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    assert pattern.pattern.startswith("(?=[")
    return re.compile(pattern.pattern[pattern.pattern.index("])") + 2 :], pattern.flags)


_TERM_TEXT = st.lists(st.one_of(
    st.sampled_from(["territory", "territorial", "ceasefire", "nato", "20-point", "-led", "u.s.",
                     "kyiv", "the kremlin", "white  house", "president", "foreign minister",
                     "zelensky", "russia's", "moscow", "us", "x", "é", "-", " ", "\n", "’", "2"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz-.' 0123456789", max_size=6),
), max_size=20).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_TERM_TEXT)
def test_first_character_lookahead_changes_no_match(text):
    from store.extract.issues import matcher
    from store.extract.parties import _matcher

    cb = _codebook()
    for pattern in (matcher(cb).starts, _matcher(cb).lowered):
        plain = _without_lookahead(pattern)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)]


def test_first_chars():
    from store.extract.scan import first_chars

    assert first_chars(["a", "b", "-"]) == r"(?=[\-ab])"
    assert first_chars(["a", " "]) == "" and first_chars([]) == "" and first_chars(["ab"]) == ""


# --- the article's needed words answer for its slices as their own searches do ----------------
_NEEDED_TEXT = st.lists(
    st.sampled_from(["if", "IF", "\u0130f", "\u0131f", "unless", "Until", "provided", "provid",
                     "long", "LONGER", "only", "exchange", "return", "condition", "not", "N'T",
                     "n’t", "never", "while", "wh\u0131le", "whereas", "even", "but", "though",
                     ", as", ";", ":", ",", "as", "x", "\u017fo", "Σ", "\u212a", "é", "\n", "t",
                     "n", "ı", "İ", "ß"]),
    max_size=16,
).map(lambda parts: "".join(p if n % 3 else p + " " for n, p in enumerate(parts)))


@settings(max_examples=500, deadline=None)
@given(_NEEDED_TEXT, st.integers(0, 120), st.integers(0, 120))
def test_needed_words_of_a_slice_are_the_slices_own(text, a, b):
    from store.extract.positions import _NEEDS, _folded, _has, _may_match, _NeededWords

    start, end = sorted((min(a, len(text)), min(b, len(text))))
    flags = _NeededWords(text).flags(start, end)
    for name in _NEEDS:
        assert _has(flags, name) == _may_match(name, _folded(text[start:end])), name


def test_needed_words_are_ascii():
    """_NeededWords relies on it: the folded whole text and the folded slice agree on ASCII."""
    from store.extract.positions import _NEEDS

    assert all(word.isascii() for words in _NEEDS.values() for word in words)
