"""The countries of the world (from countryinfo): their names, peoples and capitals, so that a
passage set in a country outside the codebook's parties ("In Seoul, ...", "India's foreign
minister") is seen as another country's, and the article's own party is not lent to the
office holders it names there."""

from __future__ import annotations

import functools
import re

from store.extract.scan import trie_pattern
from store.extract.speakers.matcher import norm_key

# Country words that are also given names or U.S. states ("Jordan", "Georgia").
_AMBIGUOUS = frozenset(
    "Georgia Jordan Chad Jersey Victoria Sofia Male Kingston Georgetown Lincoln Israel"
    .split()
)


@functools.cache
def _country_words() -> tuple[tuple[str, ...], ...]:
    """Each country's words: its name, longer names, its people and its capital."""
    from countryinfo import CountryInfo  # (its data is read on first use, not at import)

    countries = []
    for data in CountryInfo.all().values():
        capitals = data.get("capital") or ()  # a name, or a list of them
        capitals = [capitals] if isinstance(capitals, str) else capitals
        names = [s for s in data.get("altSpellings") or () if len(s) > 3 and s.isascii()]
        words = {data.get("name"), data.get("demonym"), *names,
                 *(c.split(" D.C.")[0] for c in capitals if isinstance(c, str))}
        countries.append(tuple(sorted(
            w for w in words
            if isinstance(w, str) and w[:1].isupper() and w not in _AMBIGUOUS)))
    return tuple(countries)


class World:
    """The words of the countries the codebook gives no party (none of a country's words is a
    party's: "Lisbon" is Portugal's, whose people, "Portuguese", are a European word)."""

    def __init__(self, matcher) -> None:
        word_party = matcher.word_party
        self.party_words = matcher.party_words
        foreign = {w for words in _country_words()
                   if not any(norm_key(w) in word_party for w in words) for w in words}
        self.pattern = re.compile(
            r"(?<![\w-])(?:" + trie_pattern([re.escape(c) for c in w] for w in foreign)
            + r")(?![\w-])")

    def elsewhere(self, text: str, lo: int, hi: int) -> bool:
        """Whether text[lo:hi] names other countries at least as often as the codebook's
        parties (and at least once): a passage set outside the negotiation's parties."""
        other = sum(1 for _ in self.pattern.finditer(text, lo, hi))
        return other > 0 and other >= sum(1 for _ in self.party_words.finditer(text, lo, hi))


@functools.lru_cache(maxsize=8)
def world(matcher) -> World:
    """The world as `matcher`'s codebook divides it (built once per codebook)."""
    return World(matcher)
