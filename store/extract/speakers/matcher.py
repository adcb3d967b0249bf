"""The codebook turned into lookup tables for the speaker scan (`matcher_for`), and the
`Speaker` it resolves a mention to.

Everything about people, titles and nationalities comes from the codebook, so another
negotiation needs another codebook, not other code. The tables are built once per codebook.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from store.extract.scan import word_start
from store.extract.speakers.vocabulary import (
    _DET_WORDS,
    _HEADS_ALL,
    _OBJECT_PRONOUNS,
    _OF_BODIES,
    _PRONOUN_WORDS,
    _QUALIFIERS,
    _STATEMENT_DETS,
    _STATEMENT_WORDS,
)
from store.extract.speakers.words import tokenize_keys

_LEADING_THE = re.compile(r"(?i)^the\s+")


@functools.lru_cache(maxsize=8192)
def norm_key(text: str) -> str:
    """A lookup key: case, apostrophes, dots and spacing folded ('U.S.' == 'US'). Kept per
    text: the same few hundred titles, names and descriptions are keyed in every article."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).replace("’", "'")
    return " ".join(text.casefold().replace(".", "").split())


def _term_regex(term: str) -> str:
    body = re.escape(term)
    body = body.replace("'", "['’]").replace("’", "['’]").replace(r"\ ", r"\s+")
    # Dotted acronyms also match without dots: "U.S." ~ "US".
    body = re.sub(r"((?:[A-Z]\\\.){2,})", lambda m: m.group(1).replace(r"\.", r"\.?"), body)
    return body


def _alternation(terms, word_starts: bool = False) -> str:
    """The terms as one alternation, longest first. `word_starts`: each opens with no word
    character nor hyphen before it (scan.word_start)."""
    uniq = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    if not word_starts:
        return "|".join(_term_regex(t) for t in uniq) or r"(?!x)x"
    return "|".join(
        word_start(t[0]) + _term_regex(t)[1:] if t[0].isalnum() else r"(?<![\w-])" + _term_regex(t)
        for t in uniq) or r"(?!x)x"


def slug(name: str) -> str:
    """A stable id for a person the codebook does not know."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.casefold()).strip("-") or "unknown"


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the display name and what the codebook knows about it."""

    name: str
    actor: str | None
    kind: str  # person | institution | group | anonymous
    party: str | None
    head: str = ""  # anonymous sources: the singular head noun ("official")
    mods: tuple[str, ...] = ()  # anonymous sources: display qualifiers ("senior", "U.S.")
    tail: str = ""  # anonymous sources: the article's words after the head ("familiar with


class Matcher:
    """The codebook turned into one regex plus lookup tables (built once per codebook)."""

    def __init__(self, codebook) -> None:
        self.codebook = codebook
        self.actors = {a.id: a for a in codebook.actors}
        self.name_to_actor: dict[str, str] = {}
        self.role_to_actor: dict[str, str] = {}
        for a in codebook.actors:
            for n in (a.name, *a.aliases):
                self.name_to_actor.setdefault(norm_key(n), a.id)
            for r in a.roles:
                self.role_to_actor.setdefault(norm_key(r), a.id)
        self.word_party: dict[str, str] = {}
        self.display_word: dict[str, str] = {}
        place_terms, adjectives, acronyms = [], [], []
        for p in codebook.parties:
            for w in (*p.adjectives, *p.places):
                self.word_party.setdefault(norm_key(w), p.id)
            for w in p.adjectives:
                key = norm_key(w)
                if "." in w or key not in self.display_word:
                    self.display_word[key] = w if "." in w else self.display_word.get(key, w)
                if w.replace(".", "").isupper():
                    acronyms.append(w)
            adjectives.extend(p.adjectives)
            place_terms.extend(p.places)
        # Token tables for the one fast pass over an article (a big regex costs ~5 ms).
        self.first: dict = {}  # one-word terms by key
        self.first2: dict = {}  # longer terms by their first two keys
        for a in codebook.actors:
            for r in a.roles:
                self._add(r, "role", cased=False)
            for n in (a.name, *a.aliases):
                self._add(n, "actor", cased=True)
        for w in place_terms:
            self._add(w, "place", cased=True)
            if not w.casefold().startswith("the "):
                self._add("the " + w, "place", cased=True)
        for w in acronyms:
            self._add("the " + w, "place", cased=True)
        self.mods: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        for w, cased in [(w, True) for w in (*adjectives, *place_terms)] + [
            (q, False) for q in _QUALIFIERS
        ]:
            keys = tuple(k for k, _ in tokenize_keys(w))
            if keys:
                self.mods.setdefault(keys[0], []).append((keys, cased))
        # The words an anonymous source goes on with after its determiner, if any.
        self.anon_words = frozenset(
            [*self.mods, *_HEADS_ALL, "person", "people", "source", "sources"]
        )
        self.starters = self.anon_words | _DET_WORDS
        # Words that start an anonymous source only as a modifier of one word ("Ukrainian",
        # "senior"): one not followed by a word a source goes on with starts none.
        self.lone_mods = frozenset(
            k for k, entries in self.mods.items() if all(len(keys) == 1 for keys, _ in entries)
        ) - _HEADS_ALL - _DET_WORDS - {"one", "person", "people", "source", "sources"}
        # Any word that can begin a mention; every other word is skipped at once.
        self.hot = frozenset(
            [*self.starters, *self.first, *(k[0] for k in self.first2), *_STATEMENT_DETS,
             *_PRONOUN_WORDS, *_OBJECT_PRONOUNS]
        )
        # Determiners that start a mention only through the word after them (an anonymous
        # source, a statement, a term that opens with "the"): any other next word, and
        # scan_mentions skips them at once.
        self.quiet_dets = (_DET_WORDS | _STATEMENT_DETS) - {
            "one", *self.first, *_PRONOUN_WORDS, *_OBJECT_PRONOUNS
        }
        self.det_follow = frozenset(
            [*self.anon_words, *_STATEMENT_WORDS, *_OF_BODIES, "joint", "written", "official",
             *(k[1] for k in self.first2 if k[0] in self.quiet_dets)]
        )
        for lst in (*self.first.values(), *self.first2.values(), *self.mods.values()):
            lst.sort(key=lambda t: len(t[0]), reverse=True)
        # The same tables split into roles and the rest (actors, places), in the same order:
        # scan_mentions asks for roles first, and few words start one.
        self.roles1, self.others1 = _split_roles(self.first)
        self.roles2, self.others2 = _split_roles(self.first2)
        self.role_heads = frozenset([*self.roles1, *(k[0] for k in self.roles2)])
        self.other_heads = frozenset([*self.others1, *(k[0] for k in self.others2)])
        roles = _alternation(r for a in codebook.actors for r in a.roles)
        self.role_only = re.compile(rf"(?i:{roles})(?![\w-])")
        # A word each role's match holds as written, in small letters (its longest)
        self.role_words = tuple(sorted({
            max(_LITERAL_RUN.findall(r), key=len, default="").lower()
            for a in codebook.actors for r in a.roles
        }))
        self.anon_cache: dict[str, tuple] = {}
        self.actor_speakers: dict[str, Speaker] = {}
        self.place_speakers: dict[str, Speaker] = {}  # a place mention's words → its speaker
        self.anon_speakers: dict[tuple, Speaker] = {}
        self.actor_by_text: dict[str, str | None] = {}  # a mention's words → its actor
        self.body_cache: dict[str, str | None] = {}
        self.party_words = re.compile(
            rf"(?:{_alternation(adjectives + place_terms, word_starts=True)})(?![\w-])")

    def terms_at(self, keys: list[str], k: int, roles: bool) -> tuple | list:
        """The terms (roles, or else actors and places) that may start at word k, those
        starting with its two words first, the longest first within each."""
        one, two = (self.roles1, self.roles2) if roles else (self.others1, self.others2)
        longer = two.get((keys[k], keys[k + 1]), ()) if k + 1 < len(keys) else ()
        single = one.get(keys[k], ())
        return (*longer, *single) if longer and single else (longer or single)

    def _add(self, term: str, kind: str, cased: bool) -> None:
        toks = tokenize_keys(term)
        if not toks:
            return
        keys = tuple(k for k, _ in toks)
        caps = tuple(cased and raw[:1].isupper() for _, raw in toks)
        index = self.first if len(keys) == 1 else self.first2
        index.setdefault(keys[:2] if len(keys) > 1 else keys[0], []).append((keys, kind, caps))

    # -- building speakers -------------------------------------------------------------------
    def actor_speaker(self, actor_id: str) -> Speaker:
        """The codebook actor as a speaker (one frozen Speaker per actor, made once)."""
        sp = self.actor_speakers.get(actor_id)
        if sp is None:
            a = self.actors[actor_id]
            sp = self.actor_speakers[actor_id] = Speaker(a.name, a.id, a.kind or "person", a.party)
        return sp

    def place_speaker(self, text: str) -> Speaker:
        """Who a place mention's words stand for (its actor, else the place as an
        institution): the same in every article, so kept per spelling (speakers are
        compared by value)."""
        sp = self.place_speakers.get(text)
        if sp is None:
            word = _LEADING_THE.sub("", text)
            aid = self.name_to_actor.get(norm_key(text)) or self.name_to_actor.get(
                norm_key(word))
            sp = self.actor_speaker(aid) if aid else Speaker(
                self.display(word), None, "institution", self.word_party.get(norm_key(word)))
            self.place_speakers[text] = sp
        return sp

    def body_party(self, phrase: str) -> str | None:
        """The one party whose actors' roles end with this body ("... of the presidential
        office"), else None (no role names it, or roles of several parties do)."""
        if phrase not in self.body_cache:
            parties = {
                self.actors[aid].party
                for role, aid in self.role_to_actor.items()
                if role.endswith(" " + phrase)
            }
            self.body_cache[phrase] = parties.pop() if len(parties) == 1 else None
        return self.body_cache[phrase]

    def may_hold_role(self, text: str) -> bool:
        """Whether `role_only` can match in `text` (the alternation has no literal start, so
        its search tries every position): a word of some role must be there. Text
        with other than ASCII and common punctuation is not ruled out (case folding)."""
        if "" in self.role_words or not text.translate(_PUNCTUATION_GONE).isascii():
            return True
        low = text.lower()
        return any(w in low for w in self.role_words)

    def party_in(self, text: str) -> str | None:
        m = self.party_words.search(text)
        return self.word_party.get(norm_key(m.group(0))) if m else None

    def display(self, word: str) -> str:
        return self.display_word.get(norm_key(word), word)


_LITERAL_RUN = re.compile(r"[A-Za-z0-9]+")  # (a role's regex matches these as written)
_PUNCTUATION_GONE = dict.fromkeys(map(ord, "’‘“”—–…«»„\u00a0"))


def _split_roles(index: dict) -> tuple[dict, dict]:
    """An index of terms split into its roles and its other terms, each list in its order."""
    roles: dict = {}
    others: dict = {}
    for key, entries in index.items():
        for entry in entries:
            (roles if entry[1] == "role" else others).setdefault(key, []).append(entry)
    return roles, others


def matcher_for(codebook) -> Matcher:
    """The compiled matcher of a codebook, built on first use and kept with it."""
    return codebook.derived("speakers", Matcher)
