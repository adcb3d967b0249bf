"""positions._is_noun_use reads the last words before a cue; it must answer as the one
determiner regex searched over the whole 24 characters did."""

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract import positions as P

_TOKENS = st.one_of(
    st.sampled_from(["the", "The", "THE", "a", "an", "these", "whose", "no", "each", "this",
                     "Putin's", "Russia’s", "it's", "That’s", "let's", "allies'", "sides’",
                     "own", "latest", "Final", "TERRITORIAL", "Russian", "Japanese", "British",
                     "Ukrainian", "russian", "demand", "offer", "x", "s", "’s", "'s", "_s'",
                     "é's", "ſ", "İ"]),
    st.sampled_from([" ", "  ", "\n", "\t", "-", "(", "“", "’", "'", ",", "\u00a0", "\u2003"]),
)
_HEADS = st.lists(_TOKENS, max_size=16).map("".join)


def _plain(text: str, start: int) -> bool:
    head = text[max(0, start - 24) : start]
    return bool(P._fixed()["determiner"].search(head))


@settings(max_examples=3000, deadline=None)
@given(_HEADS, st.sampled_from(["demand", "offer", ""]))
def test_noun_use_as_the_determiner_regex(head, cue):
    text = head + cue
    for start in range(len(text) + 1):
        assert P._is_noun_use(text, start) == _plain(text, start), (text, start)
