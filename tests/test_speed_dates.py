"""Faster forms of the scans of dates, events, cleaning and parties give the answers of the
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
