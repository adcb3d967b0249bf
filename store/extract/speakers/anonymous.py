"""Anonymous sources ("a senior U.S. official", "people familiar with the matter"): where one
starts and ends among the words, and what its origin ("a diplomat from a Nordic country")
says of its party.
"""

from __future__ import annotations

import re

from store.extract.countries import world
from store.extract.speakers.matcher import Matcher, Speaker, norm_key
from store.extract.speakers.verbs import _VERB_STARTS
from store.extract.speakers.vocabulary import (
    _ANON_HEADS,
    _COURTESY,
    _DET_WORDS,
    _GENERAL_AFTER,
    _HEADS_ALL,
    _NOT_NAMES,
    _NOT_PERSON,
    _OF_BODIES,
    _PLURAL_HEADS,
    _PREPOSITIONS,
    _QUALIFIER_WORDS,
    _TITLE_WORDS,
)
from store.extract.speakers.words import Words, _adjacent

# "expert talks", "envoy level", "the general staff": a head noun that qualifies the next
# noun is not a source.
_HEAD_COMPOUNDS = frozenset(
    """level talks group groups team teams meeting meetings panel panels consultations visit
    visits delegation delegations order orders branch arm board committee summit power
    powers staff secretary assembly election elections public prosecutor prosecutors
    counsel strike director directorate headquarters""".split()
)

# "a person / people familiar with the matter": the head of a source named by what it knows.
_FAMILIAR_HEADS = {"person": "person", "people": "person"}
_KNOWING_HEADS = {**_FAMILIAR_HEADS, "source": "source", "sources": "source"}
_FAMILIAR_OWNERS = frozenset("the a an his her their its our this these that".split())
# Where the object of "familiar with ..." ends: a verb, a clause word or a preposition.
_FAMILIAR_STOPS = frozenset(
    """who that which whom whose and or but have has had is are was were will would could
    should may might can must do does did been being as than""".split()
)


def _plural(head: str) -> str:
    return _ANON_HEADS.get(head) or ("people" if head == "person" else head)


def _anon_name(mods: tuple[str, ...], head: str, plural: bool, tail: str = "") -> str:
    """'senior U.S. officials', 'person familiar with the matter'."""
    head = _plural(head) if plural else head
    return " ".join((*mods, _HEAD_DISPLAY.get(head, head), *([tail] if tail else [])))


_HEAD_DISPLAY = {"mp": "MP", "mps": "MPs", "mep": "MEP", "meps": "MEPs"}  # as written


_OF_THOSE = frozenset(("the", "those", "these"))  # "one of those MPs": one source of several
_INDEFINITE = frozenset("a an one some several two three four many".split())
_ORIGIN = re.compile(r"\s+from\s+(.+)$", re.IGNORECASE)
_SPOKEN_FOR = re.compile(r"\s+(?:for|at)\s+(?:the\s+)?([^,]+)(?:,\s*(.+))?$", re.IGNORECASE)
_SERVED = re.compile(r"\s+to\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?([A-ZÀ-ÞĀ-ɏ].*)$")
_MEMBER = re.compile(
    r"\s+((?:in|within|inside)\s+(?:the\s+|(?:[A-ZÀ-ÞĀ-ɏ][\w.-]*\s+){0,2}[A-ZÀ-ÞĀ-ɏ][\w.-]*['’]s\s).+)$",
    re.IGNORECASE,
)
# "a member of the Ukrainian delegation": a member of a body, as a source in it is
_MEMBER_OF = re.compile(r"(?:(?<=\bmember)|(?<=\bmembers))\s+(of\s+the\s+.+)$", re.IGNORECASE)
_MEMBER_HEADS = frozenset(("member", "members"))
_OWNER = re.compile(r"^\S+\s+(.+?)['’]s\s")  # "in Zelenskyy's office": Zelenskyy

_ORIGIN_WORDS = frozenset(("western", "eastern", "allied", "foreign"))  # whose, not how senior
_DETERMINERS = (
    r"(?:one\s+of\s+the|two\s+of\s+the|a|an|one|another|the|two|three|four|several|some"
    r"|many|other|both)"
)


def _anon_at(matcher: Matcher, text: str, words: Words, i: int) -> int | None:
    """End word index of an anonymous source ("a second U.S. official") starting at i."""
    keys, raws, starts, ends = words.keys, words.raws, words.starts, words.ends
    n = len(keys)
    j = i
    k = keys[j]
    if k == "one" and j + 2 < n and keys[j + 1] == "of" and keys[j + 2] in _OF_THOSE:
        j += 3
    elif k in _DET_WORDS:
        j += 1
    if j >= n or keys[j] not in matcher.anon_words and keys[j] not in _OF_BODIES:
        return None  # "the talks": the first step below would stop here
    for _ in range(6):
        if j >= n or (j > i and not _adjacent(text, ends[j - 1], starts[j])):
            return None
        key = keys[j]
        if (
            key in _HEADS_ALL
            and j + 2 < n
            and keys[j + 1] in ("familiar", "close")
            and keys[j + 2] in ("with", "to")
        ):  # "a source close to the presidential administration", "a Republican senator
            # close to the White House" (all of it the source, not the White House)
            return _familiar_end(text, words, j + 3)
        if (
            key in _KNOWING_HEADS
            and j + 3 < n
            and keys[j + 1] == "with"
            and "knowledge" in keys[j + 2 : j + 4]
        ):  # "a person with direct knowledge of the planning"
            return _familiar_end(text, words, j + 2)
        if key in _HEADS_ALL:
            if key in _MEMBER_HEADS and (j + 1 >= n or keys[j + 1] != "of"):
                return None  # "member states": a member is a source only of a body
            if (
                j + 1 < n
                and raws[j + 1][:1].isupper()  # (the cheap test first: mostly false)
                and keys[j + 1] not in _NOT_NAMES
                and _adjacent(text, ends[j], starts[j + 1])
            ):
                return None  # "Prime Minister Bart Smet": a title, not a source
            if j + 1 < n and keys[j + 1] in _HEAD_COMPOUNDS:
                return None
            if key == "general" and j > 0 and keys[j - 1] in _GENERAL_AFTER:
                return None  # "director general of the IAEA": a title, the head put after
            return j + 1
        step = _body_of_at(keys, raws, j) or _modifier_at(matcher, keys, raws, j)
        if step is None and j > i and raws[j][:1].isupper() and (
            world(matcher).is_foreign_place(raws[j])
        ):
            step = 1  # "a senior Canadian official": a country of no party is an origin too
        if step is None:
            return None
        j += step
    return None


def own_origin(matcher: Matcher, mods: tuple[str, ...]) -> bool:
    """Whether a source's words say where it is from, as no party's ("western", "foreign",
    "Canadian"): it is nobody named before, and no office of the story's own party."""
    return not _ORIGIN_WORDS.isdisjoint(w.casefold() for w in mods) or any(
        w[:1].isupper() and world(matcher).is_foreign_place(w) for w in mods)


def _modifier_at(matcher: Matcher, keys: list[str], raws: list[str], j: int) -> int | None:
    """How many words the modifier of a source at word j takes ("U.S.", "senior", "White
    House"), or None when there is none."""
    for mod_keys, cased in matcher.mods.get(keys[j], ()):
        if (not cased or raws[j][:1].isupper()) and tuple(
            keys[j : j + len(mod_keys)]
        ) == mod_keys:
            return len(mod_keys)
    return None


def _body_of_at(keys: list[str], raws: list[str], j: int) -> int | None:
    """How many words a body named "<Ministry> of <Name>" at word j takes ("a Ministry of
    Defence spokesperson", "a Department of Homeland Security official"), or None."""
    if keys[j] not in _OF_BODIES or not raws[j][:1].isupper() or keys[j + 1 : j + 2] != ["of"]:
        return None
    k = j + 2
    while k < len(keys) and raws[k][:1].isupper() and keys[k] not in _HEADS_ALL:
        k += 1
    return k - j if k > j + 2 else None



def _familiar_end(text: str, words: Words, k: int) -> int:
    """The end of what a source is familiar with / close to: "the matter", "the Kremlin"."""
    keys, starts, ends = words.keys, words.starts, words.ends
    n, end = len(keys), k
    if k < n and keys[k] in _FAMILIAR_OWNERS and _adjacent(text, ends[k - 1], starts[k]):
        k += 1
    taken = 0
    while (
        k < n
        and taken < 3
        and _adjacent(text, ends[k - 1], starts[k])
        and keys[k] not in _VERB_STARTS
        and keys[k] not in _FAMILIAR_STOPS
        and keys[k] not in _PREPOSITIONS
    ):
        k += 1
        taken += 1
    return k if taken else end


_ORIGIN_NOUNS = frozenset(
    "country countries government state capital delegation side nation ally member".split()
)
# "a source in the Ukrainian delegation": a member of a party's body speaks for the party.
_MEMBER_PREPOSITIONS = frozenset(("in", "within", "inside"))
_BODY_NOUNS = frozenset(
    """delegation government team administration ministry leadership camp presidency
    negotiating military army parliament office""".split()
)


_SPOKES = frozenset(("spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen",
                     "spokespeople"))
# "analysts at Goldman Sachs": people who speak for the firm they work at, as a spokesman does
_FIRM_HEADS = frozenset("analyst analysts economist economists strategist strategists".split())


def _organisation_end(matcher: Matcher, text: str, words: Words, j: int) -> int | None:
    """The end of the organisation a spokesperson speaks for ("for Energoatom, Ukraine's
    state nuclear company"): its capitalised name, and an apposition that names its owner."""
    keys, raws, starts, ends = words.keys, words.raws, words.starts, words.ends
    n = len(keys)
    if j < n and keys[j] == "the":
        j += 1
    k = j
    while k < n and k - j < 4 and raws[k][:1].isupper() and _adjacent(text, ends[k - 1], starts[k]):
        k += 1
    if k == j:
        return None
    if (
        k < n
        and text[ends[k - 1] : starts[k]] == ", "
        and raws[k][-2:] in ("'s", "’s")
        and norm_key(raws[k][:-2]) in matcher.word_party
    ):  # ", Ukraine's state nuclear company"
        k += 1
        while k < n and k - j < 10 and raws[k].islower() and _adjacent(
            text, ends[k - 1], starts[k]
        ):
            k += 1
    return k


# Heads that serve a person: "an adviser to Mr. Zelensky" is the adviser, not Zelensky.
_TO_HEADS = frozenset("adviser advisers advisor advisors aide aides".split())
# The words after a source that can lead to its origin, organisation or master (_anon_origin)
_ORIGIN_LEADS = frozenset(("for", "at", "to", "from", "of", *_MEMBER_PREPOSITIONS))


def _title_end(words: Words, j: int) -> int | None:
    """The end of "the French president" (a title, its nationality before it) at j: whom an
    adviser serves when the article names no one."""
    keys = words.keys
    if j + 2 < len(keys) and keys[j] == "the" and keys[j + 2] in _TITLE_WORDS and (
        keys[j + 1] not in _TITLE_WORDS
    ):
        return j + 3
    return None


def _person_end(text: str, words: Words, j: int) -> int | None:
    """The end of a person's name ("Mr. Zelensky", "Volodymyr Zelensky") starting at j."""
    keys, raws, starts, ends = words.keys, words.raws, words.starts, words.ends
    n = len(keys)
    if j < n and keys[j] in _COURTESY:
        j += 1
    k = j
    while k < n and k - j < 3 and raws[k][:1].isupper() and (
        k == j or _adjacent(text, ends[k - 1], starts[k])
    ):
        k += 1
    return k if k > j and keys[k - 1] not in _NOT_PERSON else None


def _anon_origin(matcher: Matcher, text: str, words: Words, end: int) -> int:
    """The end of "a diplomat from a Nordic country": the source's origin names its party.

    Only an origin with a party word (adjective or place) joins the mention; "officials from
    both sides" stays "officials"."""
    keys, raws, starts, ends = words.keys, words.raws, words.starts, words.ends
    n = len(keys)
    j = end
    if j + 1 >= n or keys[j] not in _ORIGIN_LEADS or not _adjacent(text, ends[j - 1], starts[j]):
        return end  # (no word below leads to an origin: the source ends here)
    if keys[j] == "for" and keys[end - 1] in _SPOKES:
        return _organisation_end(matcher, text, words, j + 1) or end
    if keys[j] == "at" and keys[end - 1] in _FIRM_HEADS:
        return _organisation_end(matcher, text, words, j + 1) or end
    if keys[j] == "to" and keys[end - 1] in _TO_HEADS:  # "an adviser to Mr. Zelensky"
        return _person_end(text, words, j + 1) or _title_end(words, j + 1) or end
    member = keys[j] in _MEMBER_PREPOSITIONS or keys[j] == "of" and keys[end - 1] in _MEMBER_HEADS
    if keys[j] != "from" and not member:
        return end
    j += 1
    if member and (owned := _owned_body_end(matcher, text, words, j)):
        return owned  # "a senior official in Zelenskyy's office"
    if keys[j] in ("a", "an", "the") and j + 1 < n:
        j += 1
    elif member:
        return end
    party = False
    qualified = False  # "in the presidential office": a body the codebook may place
    for _ in range(4):
        if j >= n or not _adjacent(text, ends[j - 1], starts[j]):
            break
        step = _modifier_at(matcher, keys, raws, j)
        if step is None:
            break
        if " ".join(keys[j : j + step]) in matcher.word_party:
            party = True
        elif raws[j][:1].isupper() and keys[j] not in _QUALIFIER_WORDS:
            break  # a capitalised word that names no party: not a qualifier ("Western" is)
        else:
            qualified = True
        j += step
    nouns = _BODY_NOUNS if member else _ORIGIN_NOUNS
    body = j < n and keys[j] in nouns and _adjacent(text, ends[j - 1], starts[j])
    if not party and not (member and qualified and body and _body_party(matcher, keys, end, j)):
        return end
    if body:
        j += 1
    elif member:  # "a source in the Ukrainian capital" is where, not whose
        return end
    if j + 1 < n and keys[j] == "and" and keys[j + 1] in matcher.word_party and (
            matcher.word_party[keys[j + 1]] != matcher.word_party.get(keys[j - 1])):
        return end  # "officials from Moscow and Kyiv": from both sides, of neither
    return j


def _owned_body_end(matcher: Matcher, text: str, words: Words, j: int) -> int | None:
    """The end of a body named by its owner ("Zelenskyy's office", "the Ukrainian
    president's administration") at j, when the owner tells its party: a person the codebook
    knows, or a title after a party word."""
    keys, raws, starts, ends = words.keys, words.raws, words.starts, words.ends
    n = len(keys)
    k, party = j, False
    if keys[k] == "the":
        k += 1
        if k < n and keys[k] in matcher.word_party and _adjacent(text, ends[k - 1], starts[k]):
            party, k = True, k + 1
    first = k
    while k < n and k - first < 3 and raws[k][-2:] not in ("'s", "’s"):
        k += 1  # the owner's other names ("Volodymyr Zelensky's")
    if k + 1 >= n or raws[k][-2:] not in ("'s", "’s") or keys[k + 1] not in _BODY_NOUNS:
        return None
    if not all(_adjacent(text, ends[i - 1], starts[i]) for i in range(j + 1, k + 2)):
        return None
    owner = " ".join(keys[first:k] + [keys[k][:-2]])
    if party and keys[k][:-2] in _TITLE_WORDS or _person_party(matcher, owner.split()):
        return k + 2
    return None


def _person_party(matcher: Matcher, names: list[str]) -> str | None:
    """The party of the codebook person that the end of `names` names ("Mr. Zelensky")."""
    aid = next((matcher.name_to_actor[k] for k in (
        norm_key(" ".join(names[i:])) for i in range(len(names))
    ) if k in matcher.name_to_actor), None)
    return matcher.actors[aid].party if aid else None


def _body_party(matcher: Matcher, keys: list[str], at: int, body: int) -> str | None:
    """The party of a body named without a party word ("in the presidential office"): the
    one party whose codebook roles name that body ("head of the presidential office")."""
    phrase = " ".join(keys[at + 1 : body + 1])  # "the presidential office"
    return matcher.body_party(phrase)


def parse_anonymous(matcher: Matcher, raw: str):
    """What an anonymous-source phrase says by itself, before the article's context
    (`SpeakerMemory` keeps it per matcher): (determiner, display modifiers, head, plural,
    party, the Speaker if the phrase alone decides it, the words after the head)."""
    mt = matcher
    member = _MEMBER.search(raw) or _MEMBER_OF.search(raw)
    if member:  # "a source in the Ukrainian delegation": the article's words stay
        raw = raw[: member.start()]
    served = _SERVED.search(raw)
    if served:  # "an adviser to Mr. Zelensky": "adviser to Zelensky", Zelensky's party
        raw = raw[: served.start()]
    spoken_for = _SPOKEN_FOR.search(raw)
    if spoken_for:  # "a spokeswoman for Energoatom, Ukraine's ...": "Energoatom
        # spokeswoman", of the party its owner is
        raw = raw[: spoken_for.start()]
        head = raw.split()[-1].casefold()
        plural = head in _PLURAL_HEADS
        head = _PLURAL_HEADS.get(head, head)
        org = spoken_for.group(1).strip()
        mods = (org,)
        aid = mt.role_to_actor.get(norm_key(_anon_name(mods, head, plural)))
        if aid:  # "a spokesman for the Kremlin": the codebook's Kremlin spokesman
            return "", mods, head, plural, None, mt.actor_speaker(aid), ""
        party = mt.party_in(spoken_for.group(0))
        sp = Speaker(_anon_name(mods, head, plural), None, "anonymous", party, head, mods)
        return "", mods, head, plural, party, sp, ""  # the organisation says who it is
    origin = _ORIGIN.search(raw)
    if origin:  # "a diplomat from a Nordic country": "Nordic diplomat"
        raw = raw[: origin.start()]
        found = mt.party_words.search(origin.group(1))
        origin = mt.display(found.group(0)) if found else None
    words = raw.split()
    det = ""
    low = raw.casefold()
    for d in ("one of the ", "two of the ", "one of those ", "one of these "):
        if low.startswith(d):
            det, words = d.strip(), words[3:]
            break
    else:
        if words and re.fullmatch(_DETERMINERS, words[0], re.IGNORECASE):
            det, words = words[0].casefold(), words[1:]
    familiar = re.search(r"\b(?:familiar|close|knowledge)\b", low)
    head_at = next((i for i, w in enumerate(words) if w.casefold() in _KNOWING_HEADS), -1)
    tail = familiar_of = ""
    if familiar and head_at >= 0:  # keep the article's words: "people familiar with the
        # talks", "a person close to the Kremlin", "sources close to the ministry"
        plural = words[head_at].casefold() in ("people", "sources")
        head_word = _KNOWING_HEADS[words[head_at].casefold()]
        tail = " ".join(words[head_at + 1 :])
        words = words[:head_at]
    else:
        close = _familiar_after_head(words) if familiar else None
        if close is not None:  # "a Republican senator close to the White House": named by
            # his own words; the tail may still say whose side he is on
            familiar_of, words = " ".join(words[close:]), words[:close]
        head_word = words[-1].casefold() if words else "official"
        words = words[:-1]
        plural = head_word in _PLURAL_HEADS
        head_word = _PLURAL_HEADS.get(head_word, head_word)
    if det.startswith("one of"):
        plural = False
    if member:
        tail = " ".join(member.group(1).split())
    if served:
        tail = "to " + " ".join(served.group(1).split())
    mods = tuple(mt.display(w) for w in words)
    if origin and not any(norm_key(w) in mt.word_party for w in mods):
        mods = (*mods, origin)
    whole = _anon_name(mods, head_word, plural)
    aid = mt.name_to_actor.get(norm_key(whole)) or mt.role_to_actor.get(norm_key(whole))
    if aid and not tail and det not in _INDEFINITE:
        return det, mods, head_word, plural, None, mt.actor_speaker(aid), tail
    if aid:  # "a State Department spokesperson": one of them, of the role holder's party
        return det, mods, head_word, plural, mt.actors[aid].party, None, tail
    party = None
    for w in mods:
        party = mt.word_party.get(norm_key(w))
        if party:
            break
    if party is None and len(mods) > 1:  # "a White House official", "a No 10 spokesman"
        party = mt.party_in(" ".join(mods))
    if party is None and member and (owner := _OWNER.search(member.group(1))):
        party = _person_party(mt, owner.group(1).split())  # "in Zelenskyy's office"
    if party is None and (member or tail.startswith("close to")):  # "close to the
        # Kremlin", "in the Ukrainian delegation"
        party = mt.party_in(tail)
    if party is None and familiar_of.startswith("close to"):
        party = mt.party_in(familiar_of)
    if party is None and served:
        party = _person_party(mt, served.group(1).split())
    if party is None and member:  # "in the presidential office": whose the roles say
        party = mt.body_party(norm_key(member.group(1).split(None, 1)[1]))
    return det, mods, head_word, plural, party, None, tail


def _familiar_after_head(words: list[str]) -> int | None:
    """Where "close" or "familiar" follows a source's head ("senator close to ..."), if it
    does."""
    return next((n for n, w in enumerate(words[1:], 1) if w.casefold() in ("familiar", "close")
                 and words[n - 1].casefold() in _HEADS_ALL), None)


def numbered(sp: Speaker, plural: bool) -> Speaker:
    """The same source as one person or several ("one of them" after "officials")."""
    if not sp.head:
        return sp
    name = _anon_name(sp.mods, sp.head, plural, sp.tail)
    if name == sp.name:  # asked for every "officials" after the first: an equal copy
        return sp
    return Speaker(name, sp.actor, sp.kind, sp.party, sp.head, sp.mods, sp.tail)
