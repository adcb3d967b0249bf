"""Which party a reporting sentence speaks for: the subject that says, demands, offers, rejects.

Mentions come from the codebook (actor names, aliases and roles map to the actor's party; party
names, adjectives and places to the party), so another negotiation needs only another codebook.
The speaker is picked by shallow, fast rules rather than a parser:

1. outside quotation marks first (a party named inside a quote is rarely the speaker);
2. the first mention that acts: followed by a verb ("Moscow has asked", "U.S. officials said",
   "Zelensky, Ukraine's president, said"), or introduced by "according to" / "said";
3. otherwise the first mention that is not the object of a preposition ("between Kyiv and ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate, islice
from typing import NamedTuple

from store.codebook import Codebook
from store.extract.scan import ASCII_BREAKS, first_chars, leader, trie_pattern

# Words an adjective or place mention may govern before its verb ("U.S. negotiating team said").
_HEAD_NOUNS = frozenset(
    """official officials leader leaders negotiator negotiators side government delegation
    delegates diplomat diplomats president prime minister ministers chancellor administration team
    envoy envoys spokesman spokeswoman spokesperson authorities authority forces military army
    troops officers lawmakers senators parliament presidency ministry commission council
    partners allies counterparts sources source aide aides adviser advisers people public
    negotiating foreign defence defense security deputy chief secretary head senior top
    state states sides statement soldier soldiers resident residents analyst analysts voters
    commander commanders expert experts officer officers lawmaker legislators observers
    ambassador ambassadors mediator mediators insider insiders""".split()
)
_AUXILIARIES = frozenset(
    """has have had is was were are will would can could may might must should shall does did
    do also again already still now then reportedly previously long repeatedly firmly not never
    initially later formally publicly privately consistently once""".split()
)
# Verbs a party does things with in reporting; any other past-tense "-ed" word also counts.
_VERBS = frozenset(
    """said says say told tells tell stated states state added adds insisted insists insist
    demanded demands demand wants want wanted rejected rejects reject refused refuses refuse
    offered offers offer offering agreed agrees agree accepted accepts accept resisted resists
    resist continues continue continued asked asks ask pledged pledges pledge proposed proposes
    propose urged urges urge pushed pushes push believes believe believed signaled signalled
    signals indicated indicates remarked warned warns warn opposed opposes oppose claimed claims
    claim admitted admits acknowledged acknowledges described describes expects expect hopes hope
    sees see seeks seek sought called calls argued argues noted notes announced announces
    confirmed confirms denied denies dismissed dismisses welcomed welcomes backed backs supports
    support supported committed commits suggested suggests mentioned conveyed emphasized
    emphasised stressed stresses plans plan intends intend needs need objects object threatened
    threatens vowed vows went made makes gave gives is was has have had will would can could
    may might must should does did remains remain appears appear""".split()
)
_PREPOSITIONS = frozenset(
    """of in to with between from against for on into about at over toward towards among
    within without than like via upon across through behind under after before by during
    including involving beyond despite""".split()
)
_COORDINATORS = frozenset({"and", "or", "nor", "&"})
_LIST_JOINS = _COORDINATORS | {","}
# The end of a list of names opened by a preposition: "between NATO, " / "with Kyiv and the ".
_LIST_AFTER_PREPOSITION = re.compile(
    r"\b(?:" + "|".join(sorted(_PREPOSITIONS)) + r")\s+"
    r"(?:(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*(?:,|\band\b|\bor\b)\s*)+"
    r"(?:the\s+)?$"
)
# Words that may open a sentence before its subject ("But Moscow ...", "However, Kyiv ...").
_OPENERS = frozenset({"", "but", "and", "however", "yet", "so", "meanwhile", "still", "now"})
_COPULAS = frozenset(
    """has have had is was were are will would can could may might must should shall does
    did do""".split()
)
_QUOTE_MARK = re.compile(r"[“”\"]")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[\w.'’-]+|,")
_ACCORDING = re.compile(r"(?:according\s+to|said|says|told)\s+(?:the\s+|a\s+|an\s+|one\s+)?$", re.I)


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern[str] | None
    lowered: re.Pattern[str] | None  # the same, case-sensitive, for an ASCII text's lower case
    exact: dict[str, str | None]  # matched text → party (None: ambiguous)
    folded: dict[str, str | None]  # case-folded role text → party
    adjectives: frozenset[str]  # mentions that name a party only with a person noun after them
    after_break: re.Pattern[str] | None = None  # `lowered` from the character before (_scan_lower)


class _Mention(NamedTuple):  # a tuple: made for every mention of every sentence
    start: int
    end: int
    party: str
    adjective: bool


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text.replace("’", "'")).casefold()


def _add(table: dict[str, str | None], key: str, party: str) -> None:
    if key in table and table[key] != party:
        table[key] = None  # the same words name two parties: not evidence of either
    else:
        table[key] = party


def _build(codebook: Codebook) -> _Matcher:
    exact: dict[str, str | None] = {}
    folded: dict[str, str | None] = {}
    adjectives: set[str] = set()
    for p in codebook.parties:
        for term in (p.name, *p.places):
            _add(exact, term.replace("’", "'"), p.id)
        for term in p.adjectives:
            _add(exact, term.replace("’", "'"), p.id)
            adjectives.add(term.replace("’", "'"))
    for a in codebook.actors:
        if a.party is None:
            continue
        for term in (a.name, *a.aliases):
            _add(exact, term.replace("’", "'"), a.party)
            adjectives.discard(term.replace("’", "'"))
        for role in a.roles:
            _add(folded, _fold(role), a.party)
    for p in codebook.parties:
        for term in (p.name, *p.places):
            adjectives.discard(term.replace("’", "'"))  # "NATO" is a place too: it can act
    for term, party in list(exact.items()):
        if term[:1].islower() and party is not None:  # "the Kremlin" opening a sentence
            exact.setdefault(term[0].upper() + term[1:], party)
    terms = {_fold(t) for t in exact} | set(folded)
    if not terms:
        return _Matcher(None, None, exact, folded, frozenset())
    # One case-insensitive trie regex: far faster than an alternation of hundreds of terms.
    # Case is checked after matching, so "US" names a party and "us" does not.
    trie = _trie_regex(terms)
    pattern = re.compile(r"(?<![\w-])" + trie + r"(?![\w-])", re.IGNORECASE)
    lowered = _lowered_pattern(terms, trie)
    after_break = None
    if lowered is not None and all(re.match(r"\w", t) for t in terms):
        after_break = re.compile(f"[{ASCII_BREAKS}]" + first_chars(t[0] for t in terms) + trie
                                 + r"(?![\w-])")
    return _Matcher(pattern, lowered, exact, folded, frozenset(adjectives), after_break)


def _lowered_pattern(terms: set[str], trie: str) -> re.Pattern[str] | None:
    """The mention regex without IGNORECASE, to search an ASCII text's lower case: twice as
    quick, and the same matches when no term has an upper-case ASCII letter (terms are case
    folded) nor a non-ASCII letter that a case-insensitive match takes for an ASCII one."""
    chars = set("".join(terms))
    if any(c.isascii() and c != c.lower() for c in chars):
        return None
    for c in chars - set(map(chr, range(128))):
        if any(re.fullmatch(re.escape(c), chr(a), re.IGNORECASE) for a in range(128)):
            return None
    ahead = first_chars(t[0] for t in terms)
    if all(re.match(r"\w", t) for t in terms):  # then \b(?<!-) is (?<![\w-]), but quicker
        return re.compile(ahead + r"\b(?<!-)" + trie + r"(?![\w-])")
    return re.compile(ahead + r"(?<![\w-])" + trie + r"(?![\w-])")


def _scan_lower(low: str, m: _Matcher) -> list[tuple[int, int]]:
    """The spans of m.lowered.finditer(low) for `low`, an ASCII text's lower case: by
    m.after_break, when the matcher has it, in `low` after a space (the break before its first
    word). Each mention is followed by a break (the regex's look ahead), which the next one
    may take as the one before it."""
    if m.after_break is None:
        return [hit.span() for hit in m.lowered.finditer(low)]
    # less the space put before `low`: the match opens one character before the mention
    return [(hit.start(), hit.end() - 1) for hit in m.after_break.finditer(" " + low)]


def _trie_regex(terms: set[str]) -> str:
    """A regex matching any of `terms`, longest first, built from their character trie (a
    space matching any run of spaces)."""
    return trie_pattern([r"\s+" if ch == " " else re.escape(ch) for ch in term] for term in terms)


def _matcher(codebook: Codebook) -> _Matcher:
    """The compiled mention matcher of a codebook, built once and kept with it."""
    return codebook.derived("parties", _build)


def _mentions(text: str, m: _Matcher) -> list[_Mention]:
    """Every unambiguous party mention in `text`, in order."""
    if m.pattern is None:
        return []
    if m.lowered is not None and text.isascii():
        hits = _scan_lower(text.lower(), m)  # same matches (_lowered_pattern), case apart
    else:
        hits = [hit.span() for hit in m.pattern.finditer(text)]
    return _resolved(text, hits, m, 0)


def _resolved(text: str, hits: list[tuple[int, int]], m: _Matcher, offset: int
              ) -> list[_Mention]:
    """The hits (spans of the mention regex's matches in `text`) that name one party, as
    mentions with their offsets less `offset`."""
    return _resolved_slots(text, hits, m, [len(text) + 1], offset)[0]


def _resolved_slots(text: str, hits: list[tuple[int, int]], m: _Matcher, ends: list[int],
                    offset: int = 0) -> list[list[_Mention]]:
    """_resolved of hits in `text` that holds several texts end to end (slot k ends before
    ends[k], the hits in order), per slot, with offsets from the slot's start: one walk
    along the hits for all of them."""
    out: list[list[_Mention]] = [[] for _ in ends]
    exact, folded, adjectives = m.exact, m.folded, m.adjectives
    k, base = 0, offset
    for start, end in hits:
        while start >= ends[k]:
            base = ends[k]
            k += 1
        word = text[start:end]
        if not word.isalpha():  # "White  House": one space, as the tables have it
            word = _SPACES.sub(" ", word)
        party = exact.get(word)
        if party is None and word not in exact:
            party = folded.get(_fold(word))
        if party is not None:
            out[k].append(_Mention(start - base, end - base, party, word in adjectives))
    return out


# Between the texts searched in one go: neither a word character, a hyphen nor a space, so no
# mention runs across it and the lookarounds at a text's edges see what they see at its ends.
_JOIN = "\x00"


def _mentions_of_all(texts: list[str], m: _Matcher) -> list[list[_Mention]]:
    """_mentions of each of `texts`: the ASCII ones searched in one go (one lower case, one
    scan instead of one per text), the others one by one."""
    found: list[list[_Mention]] = [[] for _ in texts]
    if m.pattern is None:
        return found
    joined = [n for n, t in enumerate(texts) if m.lowered is not None and t.isascii()]
    for n in set(range(len(texts))).difference(joined):
        found[n] = _mentions(texts[n], m)
    if not joined:
        return found
    text = _JOIN.join(texts[n] for n in joined)
    ends = list(accumulate(len(texts[n]) + 1 for n in joined))  # where each text's slot ends
    for n, mentions in zip(joined, _resolved_slots(text, _scan_lower(text.lower(), m), m, ends),
                           strict=True):
        found[n] = mentions
    return found


def _heads_person(text: str, end: int) -> bool:
    """Whether an adjective mention qualifies people ("Russian officials"), not things."""
    words = _WORD.findall(text[end : end + 60])
    for word in words[:3]:
        if word in _HEAD_NOUNS or word[:1].isupper():
            return True
        if word.casefold() not in {"top", "senior", "most", "many", "some", "other"}:
            return False
    return False


def _acts(text: str, end: int) -> bool:
    """Whether a mention ending at `end` is followed by its verb (after nouns, an apposition)."""
    words = _WORD.findall(text[end : end + 160])
    i = 0
    if words[:1] == ["'s"]:
        return False  # "Russia's demand": a possessive, the verb belongs to the noun
    while i < len(words) and i < 6 and (words[i] in _HEAD_NOUNS or words[i][:1].isupper()):
        i += 1
    if i < len(words) and words[i] == ",":  # an apposition: ", Ukraine's president, said"
        close = next((j for j in range(i + 1, min(len(words), i + 10)) if words[j] == ","), None)
        if close is None:
            return False
        i = close + 1
    copula = False
    while i < len(words) and words[i].rstrip(".").casefold() in _AUXILIARIES:
        copula = copula or words[i].rstrip(".").casefold() in _COPULAS
        i += 1
    if copula:
        return True
    if i >= len(words):
        return False
    word = words[i].rstrip(".").casefold()
    return word in _VERBS or (word.endswith("ed") and len(word) > 4 and word.isalpha())


def _previous_word(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 40) : start])
    while words and words[-1].casefold() in {"the", "a", "an", "one", "two", "some", "top"}:
        words.pop()
    return words[-1].casefold() if words else ""


def _usable(text: str, m: _Mention) -> bool:
    """An adjective names a party only for people or as a noun ("the U.S. said")."""
    if not m.adjective:
        return True
    if _heads_person(text, m.end) or _acts(text, m.end):
        return True
    if text[max(0, m.start - 4) : m.start].casefold().endswith("the "):
        after = _WORD.findall(text[m.end : m.end + 30])[:1]
        # "the U.S. said", "with the U.S." but not "the U.S. guarantees"
        return not after or not after[0].isalpha() or not after[0].islower() or (
            after[0] in _VERBS or after[0] in _PREPOSITIONS or after[0] in _COORDINATORS
        )
    return False


def _objects(text: str, mentions: list[_Mention], words_before: list[str]) -> list[bool]:
    """Per mention: whether it is the object of a preposition ("between Kyiv and Moscow").
    `words_before` holds the _previous_word of each mention."""
    out: list[bool] = []
    for n, (m, before) in enumerate(zip(mentions, words_before, strict=True)):
        blocked = before in _PREPOSITIONS
        if not blocked and before in _LIST_JOINS:
            # "between Kyiv, Moscow and the U.S.": a list shares its preposition
            chained = bool(n) and out[-1] and m.start - mentions[n - 1].end < 10
            listed = _LIST_AFTER_PREPOSITION.search(text, max(0, m.start - 80), m.start)
            blocked = (chained or bool(listed)) and (before != "," or not _acts(text, m.end))
        out.append(blocked)
    return out


def _pick(text: str, mentions: list[_Mention]) -> str | None:
    usable = [m for m in mentions if _usable(text, m)]
    if not usable:
        return None
    first = usable[0]
    first_before = _previous_word(text, first.start)
    if first_before in _OPENERS:
        return first.party  # the sentence opens with it: the subject
    objects = _objects(text, usable, [first_before, *(_previous_word(text, m.start)
                                                      for m in usable[1:])])
    for m, is_object in zip(usable, objects, strict=True):
        if is_object:
            continue
        if _acts(text, m.end) or _ACCORDING.search(text[max(0, m.start - 30) : m.start]):
            return m.party
    for m in usable:
        if _ACCORDING.search(text[max(0, m.start - 30) : m.start]):
            return m.party
    if not objects[0] and first_before not in _COORDINATORS:
        return first.party
    return None


def mask_quotes(text: str) -> str:
    """`text` with quoted words blanked (same length), including a quotation the sentence
    splitter cut in two: an opening mark never closed, or a closing mark never opened."""
    if not _QUOTE_MARK.search(text):
        return text
    return _masked(text, _QUOTE_MARK.finditer(text))


def _masked(text: str, marks) -> str:
    """mask_quotes(text) given the quote `marks` (matches of _QUOTE_MARK) in `text`: the kept
    pieces joined with blanks between, one string built instead of a list of characters."""
    pieces: list[str] = []
    kept = 0  # where the text not yet blanked starts
    opened: int | None = None
    for hit in marks:
        i, ch = hit.start(), hit.group(0)
        if ch == "“" or (ch == '"' and opened is None and _opens(text, i)):
            if opened is None:
                opened = i
        elif ch in "”\"":
            start = 0 if opened is None else opened
            if start >= kept:
                pieces.append(text[kept:start])
                pieces.append(" " * (i + 1 - start))
            else:  # a closing mark never opened blanks back to the start
                pieces = [" " * (i + 1)]
            kept = i + 1
            opened = None
    if opened is not None:
        pieces.append(text[kept:opened])
        pieces.append(" " * (len(text) - opened))
        kept = len(text)
    pieces.append(text[kept:])
    return "".join(pieces)


def _opens(text: str, i: int) -> bool:
    """Whether a straight double quote at `i` opens a quotation (space before, word after)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def sentence_party(text: str, codebook: Codebook) -> str | None:
    """The party whose position a reporting sentence states, or None when none is clear.

    Mentions inside quotation marks are ignored: the speaker of a quote is the quote
    extractor's business, and a party named in a quote is seldom the one speaking.
    """
    if not text:
        return None
    return outside_party(outside_quotes(text), codebook)


def outside_quotes(text: str) -> str:
    """What sentence_party reads of a sentence: its words outside quotation marks, ’ as '."""
    return mask_quotes(text.replace("’", "'"))


def outsides_of(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """outside_quotes of each sentence (`spans` of `text`), with ’ replaced once for the whole
    text and only the sentences holding a quote mark masked (found in one scan)."""
    text = text.replace("’", "'")
    marks = [m.start() for m in _QUOTE_MARK.finditer(text)]
    out = []
    for s, e in spans:
        n = bisect_left(marks, s)
        if n < len(marks) and marks[n] < e:
            out.append(_masked(text[s:e], _QUOTE_MARK.finditer(text[s:e])))
        else:
            out.append(text[s:e])
    return out


def outside_party(outside: str, codebook: Codebook) -> str | None:
    """sentence_party of a sentence given its outside_quotes (worked out once per sentence:
    the clauses of the sentence read it too)."""
    if not outside:
        return None
    return _pick(outside, _mentions(outside, _matcher(codebook)))


def outside_parties(outsides: list[str], codebook: Codebook) -> list[str | None]:
    """outside_party of each of `outsides` (the sentences of an article), their mentions found
    in one scan."""
    mentions = _mentions_of_all(outsides, _matcher(codebook))
    return [_pick(outside, found) if found else None
            for outside, found in zip(outsides, mentions, strict=True)]


def leading_party(parties: list[str | None]) -> str | None:
    """The party named in more of an article's sentences than any other (no tie): the one
    the article is about."""
    return leader(Counter(p for p in parties if p).most_common(2))


# A dateline's place in capitals opening a line: "ROME, January 7 (ANSA) -", "BERLIN (dpa) -",
# "KYIV, Ukraine (AP) —", "TOKYO -- ".
_DATELINE_PLACE = re.compile(
    r"^([A-Z][A-Z'’. -]{2,30}?)(?:,|\s+\(|\s+(?:[—–]|--?)\s)", re.MULTILINE)
# ... and the country after its comma: ", Ukraine —", ", Ukraine (AP) —"
_DATELINE_COUNTRY = re.compile(r",\s+([A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)\s+(?:\(|[—–]|--?\s)")


def home_party(text: str, parties: list[str | None], codebook: Codebook,
               top: tuple[str, ...] = ()) -> str | None:
    """The party an article is written from: its dateline's place, when that is a party's
    ("ROME, Jan 7 (ANSA) -" is Europe's), or none when it is a country's of no party (an
    "ISTANBUL" line above the story: its "Foreign Minister Hakan Fidan" is Türkiye's); else
    the party it names most (leading_party), unless other countries are named at least as
    often as that party's sentences (a story on Australia's or Japan's part). `top`: the
    short lines at the article's top (CleanArticle.capitals_at_top), a dateline's place
    among them."""
    from store.extract.countries import world
    from store.extract.speakers.matcher import matcher_for

    here = world(matcher_for(codebook))
    m = _DATELINE_PLACE.search(text, 0, 1500)
    if m and (country := _DATELINE_COUNTRY.match(text, m.end(1))):
        # "NIKOPOL, Ukraine —", "KYIV, Ukraine (AP) —": the country a dateline names
        found = _mentions(country[1], _matcher(codebook))
        if found:
            return found[0].party
        if here.is_foreign_place(country[1]):
            return None
    for words in (*top, *([m[1]] if m else [])):
        place = words.strip().title()  # as the codebook writes it: "Rome"
        found = _mentions(place, _matcher(codebook))
        if len(found) == 1 and found[0].end - found[0].start == len(place) and words.isupper():
            return found[0].party  # (not a section's name: "World", "Europe", "Ukraine")
        if here.is_foreign_place(place):
            return None  # ("ISTANBUL", or a byline's "Abu Dhabi")
    party = leading_party(parties)
    others = here.pattern.finditer(text)
    if party is not None and next(islice(others, parties.count(party) - 1, None), None):
        return None  # a story naming other countries as often as its party's sentences (one on
        # Australia's sanctions): about another country's part
    return party


def mentioned_parties(text: str, codebook: Codebook) -> tuple[str, ...]:
    """Every party a passage names, in order of first mention (for display and filters)."""
    seen: list[str] = []
    for m in _mentions(text.replace("’", "'"), _matcher(codebook)):
        if m.party not in seen:
            seen.append(m.party)
    return tuple(seen)
