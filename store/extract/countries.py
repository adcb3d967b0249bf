"""The countries of the world (from countryinfo): their names, peoples and capitals, so that a
passage set in a country outside the codebook's parties ("In Seoul, ...", "India's foreign
minister") is seen as another country's, and the article's own party is not lent to the
office holders it names there."""

from __future__ import annotations

import functools
import re
import unicodedata

from store.extract.scan import trie_pattern, word_start

# Country words that are also given names or U.S. states ("Jordan", "Georgia").
_AMBIGUOUS = frozenset(
    "Georgia Jordan Chad Jersey Victoria Sofia Male Kingston Georgetown Lincoln Israel"
    .split()
)


# Three-letter names the press writes for a country (most three-letter codes are words too:
# "AND", "CAN").
_SHORT_NAMES = frozenset(("UAE", "PRC", "DRC"))
# Names the press writes that countryinfo's spellings lack ("the Vatican's Secretary of State").
_PRESS_NAMES = {"Vatican City State": ("Vatican",)}


def _latin(name: object) -> bool:
    """Whether a name is written in Latin letters ("Türkiye", not "Україна")."""
    return isinstance(name, str) and all(
        not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in name)


@functools.cache
def _countries() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Each country's words (its name, longer names and its own in Latin letters, its people
    and its capital) and its provinces."""
    from countryinfo import CountryInfo  # (its data is read on first use, not at import)

    countries = []
    for data in CountryInfo.all().values():
        capitals = data.get("capital") or ()  # a name, or a list of them
        capitals = [capitals] if isinstance(capitals, str) else capitals
        names = [s for s in data.get("altSpellings") or ()
                 if isinstance(s, str) and (len(s) > 3 and s.isascii() or s in _SHORT_NAMES)]
        native = data.get("nativeName")
        words = {data.get("name"), data.get("demonym"), *names,
                 *([native] if _latin(native) and "/" not in native else []),
                 *(c.split(" D.C.")[0] for c in capitals if isinstance(c, str)),
                 *_PRESS_NAMES.get(data.get("name"), ())}
        provinces = tuple(p for p in data.get("provinces") or () if isinstance(p, str))
        countries.append((tuple(sorted(
            w for w in words
            if isinstance(w, str) and w[:1].isupper() and w not in _AMBIGUOUS)), provinces))
    return tuple(countries)


class World:
    """The words of the countries the codebook gives no party (none of a country's words is a
    party's: "Lisbon" is Portugal's, whose people, "Portuguese", are a European word)."""

    def __init__(self, matcher) -> None:
        # (imported here: the speakers package imports this module)
        from store.extract.speakers.matcher import norm_key

        self.norm_key = norm_key
        word_party = matcher.word_party
        self.party_words = matcher.party_words
        others = [(words, provinces) for words, provinces in _countries()
                  if not any(norm_key(w) in word_party for w in words)]
        foreign = {w for words, _ in others for w in words}
        # Where a dateline may place an article outside the parties: the countries' words
        # and their provinces ("ISTANBUL"), those the codebook's parties claim left out.
        self.places = {norm_key(w) for words, provinces in others for w in (*words, *provinces)
                       if w not in _AMBIGUOUS} - word_party.keys()
        self.pattern = re.compile(
            "(?:" + trie_pattern([word_start(w[0]), *map(re.escape, w[1:])] for w in foreign)
            + r")(?![\w-])")

    def elsewhere(self, text: str, lo: int, hi: int) -> bool:
        """Whether text[lo:hi] names other countries at least as often as the codebook's
        parties (and at least once): a passage set outside the negotiation's parties."""
        other = sum(1 for _ in self.pattern.finditer(text, lo, hi))
        return other > 0 and other >= sum(1 for _ in self.party_words.finditer(text, lo, hi))

    def is_country(self, words: str) -> bool:
        """Whether words name a country of no party, and nothing else ("Canada", "South
        Korea", "the Vatican" less its article)."""
        return self.pattern.fullmatch(words) is not None

    def is_foreign_place(self, place: str) -> bool:
        """Whether a place ("Istanbul", "Türkiye") is in a country of no party."""
        return self.norm_key(place) in self.places


@functools.lru_cache(maxsize=8)
def world(matcher) -> World:
    """The world as `matcher`'s codebook divides it (built once per codebook)."""
    return World(matcher)
