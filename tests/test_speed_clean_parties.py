"""Faster forms of the scans of cleaning and parties give the answers of the
forms they replaced (written out here as they were)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.codebook import default_codebook_path, load_codebook

_BUNDLED = load_codebook(default_codebook_path())


# --- parties: the mention scan from the character before each mention ----------------------------
def _party_terms() -> list[str]:
    cb = _BUNDLED
    words = {p.name for p in cb.parties} | {t for p in cb.parties for t in (*p.places,
                                                                              *p.adjectives)}
    words |= {t for a in cb.actors for t in (a.name, *a.aliases, *a.roles)}
    return sorted(words)


# Mentions one character apart ("u.s.,kyiv", "u.s.russia"), at the text's start and end, after
# hyphens and word characters.
_LOWER_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_party_terms()).map(str.lower),
        st.sampled_from([" ", "  ", "-", ",", ".", "'", "'s", "x", "1", "_", "\n", "\x00", '"',
                         "(", "u.s.", "e.u.", " and "]),
    ),
    max_size=16,
).map("".join).filter(str.isascii)


@settings(max_examples=500, deadline=None)
@given(_LOWER_TEXT)
def test_the_scan_from_the_break_finds_what_the_lower_case_regex_finds(text):
    from store.extract.parties import _matcher, _scan_lower

    m = _matcher(_BUNDLED)
    assert m.after_break is not None  # the bundled terms all open with a word character
    low = text.lower()
    assert _scan_lower(low, m) == [hit.span() for hit in m.lowered.finditer(low)]


def test_the_scan_from_the_break_of_mentions_close_together():
    from store.extract.parties import _matcher, _scan_lower

    m = _matcher(_BUNDLED)
    for low in ("u.s.russia", "the u.s.,ukraine", "kyiv", "e.u.-kyiv", "russia's kyiv",
                "u.s. kyiv,nato"):
        assert _scan_lower(low, m) == [hit.span() for hit in m.lowered.finditer(low)]


# --- cleaning ------------------------------------------------------------------------------------
def test_every_boilerplate_word_holds_a_needle_stem():
    from store.extract.clean import _ANYWHERE, _NEEDLE_STEMS

    assert all(any(stem in word for stem in _NEEDLE_STEMS) for word in _ANYWHERE)


_CREDIT_LINE = st.lists(
    st.sampled_from(["Le Monde", " ", "  ", "\t", "with", "AFP", "AP", "Reuters", "Interfax",
                     "-Ukraine", "RIA Novosti", ".", "x", "\u2028", "\x0b", "é"]),
    max_size=8,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_CREDIT_LINE)
def test_a_credit_line_ends_with_an_agency(line):
    from store.extract.clean import _AGENCY_ENDINGS, _WITH_AGENCY

    assert not _WITH_AGENCY.match(line) or line.endswith(_AGENCY_ENDINGS)
    assert _WITH_AGENCY.match("Le Monde with AFP") and _WITH_AGENCY.match("x  with\tdpa")


_TAGGED = st.lists(
    st.sampled_from(["KYIV", ", ", "Dec", "December", " 24", "24", " 17.", " (Reuters) - ", "(AP)",
                     " /TASS/.", "/", "(", " - ", " – ", "RIA Novosti.", "INTERFAX-UKRAINE", " ",
                     "xJan", "Mayor", "é", "\n"]),
    max_size=10,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TAGGED)
def test_the_agency_tag_with_its_look_ahead_finds_what_it_found_without(text):
    import re

    from store.extract.clean import _AGENCY_TAG
    from store.extract.scan import first_chars

    ahead = first_chars("(/JFMASOND") + "(?:"
    assert _AGENCY_TAG.pattern.startswith(ahead) and _AGENCY_TAG.pattern.endswith(")")
    plain = re.compile(_AGENCY_TAG.pattern[len(ahead) : -1])
    for found, was in ((_AGENCY_TAG.search(text), plain.search(text)),
                       (_AGENCY_TAG.match(text, 1), plain.match(text, 1))):
        assert (found and (found.span(), found.groupdict())) == (
            was and (was.span(), was.groupdict()))
