"""Party positions per issue and issue status, derived from reported evidence.

Everything here is lexical and linear: a stance is read from cue words of the passage
(demands, offers, accepts, rejects, conditional, supports, unclear), a position is the newest
stance-bearing evidence of a party on an issue, and an issue's status weighs status cues
(agreed, narrowing, disputed) with the newest reporting counting double. Contradicting reports of
the same date are flagged (`contested`), never hidden.

Sentences are cut into clauses first ("Ukraine rejects X, while Moscow demands Y"): each clause
gets its own party, issues and stance, so one sentence can back two parties' positions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import NamedTuple

from store.codebook import Codebook
from store.extract.issues import ArticleIssues, matcher, tag_issues
from store.extract.parties import mask_quotes, sentence_party
from store.extract.scan import ASCII_BREAKS, clean_edges, lowered, trie_pattern
from store.ids import stable_id
from store.model import Position


@dataclass(frozen=True)
class EvidenceItem:
    kind: str  # "quote" | "sentence"
    id: str  # quote id or sentence id
    source: str  # source id
    text: str  # quote text, or sentence text
    context: str  # for a quote: the sentence around it; for a sentence: ""
    date: str | None  # publication date of the source, YYYY-MM-DD (newer supersedes older)
    party: str | None  # party id
    issues: tuple[str, ...]
    start: int
    end: int
    clauses: tuple[Clause, ...] | None = None  # worked out beforehand (per article)
    # The clauses worked out here when none were given, with the codebook used: an item is
    # read once however many derivations ask for it.
    _worked: tuple[Codebook, tuple[Clause, ...]] | None = field(
        default=None, init=False, compare=False, repr=False
    )


def _cues(text: str) -> tuple[str, ...]:
    """Cue phrases written as "a | b | c" (easier to read and edit than a tuple of strings)."""
    return tuple(c.strip() for c in text.split("|") if c.strip())


# --- Stance cues -------------------------------------------------------------------------------
# Checked in this order; the first category with a hit wins (negated acceptance is a rejection,
# so rejections come first). A trailing "*" in a cue matches any word ending.
_NEG = r"(?:not|n't|never|no\s+longer)"
STANCE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        # Saying nothing firm, even with a stance verb: "offered no details", "declined to say".
        "unclear",
        _cues(
            "no details | few details | no specifics | declined to say | declined to comment |"
            " refrained | not yet reviewed | has not decided | not yet decided | non-committal |"
            " noncommittal | neither | not yet clarified | not clarified | has not indicated |"
            " have not indicated"
        ),
    ),
    (
        "rejects",
        _cues(
            "reject* | refus* | oppos* | resist* | unwilling* | rule out | rules out | ruled out |"
            " dismiss* | objection* | object to | objects to | unacceptable | red line* |"
            " turned down | turn down | denounc* | condemn* | veto* | balk* | blocked |"
            " can't go any further | cannot go any further | no chance | recognize neither |"
            " recognise neither | against any | won't accept | won't agree | never accept |"
            " never agree | never recogni* | not equate | no compromise* | no question of |"
            " no concession*"
        ),
    ),
    (
        "demands",
        _cues(
            "demand* | insist* | call for | calls for | called for | calling for | called on |"
            " calls on | urge* | urging | press* for | pressure to | push* for | pushed * to |"
            " pushing * to | pushes * to | push * to | pushed * into | asked for | asks for |"
            " asking for | ask for | must |"
            " require* | condition for | condition to | as a condition | price for |"
            " asked * to | asks * to | wants * to | want * to | wants to | want to | seek* |"
            " sought | expects * to |"
            " relinquish | hand over | stipulate*"
        ),
    ),
    (
        "offers",
        _cues(
            "offer* | propos* | pledg* | prepared to | ready to give | willing to | committed |"
            " commits | agreed to provide | agreed to give | put forward | handed | suggest* |"
            " floated | presented | will present | would present | to present"
        ),
    ),
    (
        "accepts",
        _cues(
            "accept* | agree | agrees | agreed | agreeing | open to | consent* | concur | endors* |"
            " approve | approves | approved | approving | signed on |"
            " sign off | signaled acceptance | signalled acceptance | fine with | accede* |"
            " welcom*"
        ),
    ),
    (
        "supports",
        _cues(
            "support* | backed | backs | backing | in favor | in favour | prais* | appreciat* |"
            " applaud* | stand with | stands with | champion*"
        ),
    ),
    (
        "unclear",
        _cues(
            "uncertain | unclear | undecided | not yet decided | has not decided |"
            " not yet reviewed | refrained | no details | few details | ambiguous |"
            " non-committal | noncommittal | not clarified | not yet clarified |"
            " has not indicated | declined to say | declined to comment | skeptic* |"
            " questions than answers"
        ),
    ),
)
_CONDITION = (
    r"\b(?:if|unless|until|provided\s+that|providing\s+that|on\s+condition(?!\s+of\s+anonymity)"
    r"|(?<!for\s)as\s+long\s+as"
    r"|only\s+when|in\s+exchange\s+for|in\s+return\s+for)\b"
)
# "will not agree", "did not accept", "doesn't want": a negated yes is a no.
_NEGATED_YES = (
    _NEG + r"\s+(?:\w+\s+){0,2}(?:accept\w*|agree\w*|support\w*|want\w*|allow\w*|permit\w*"
    r"|consent\w*|recogni[sz]\w*|endors\w*|approv\w*|(?<!go\s)(?<!come\s)(?<!get\s)back\w*"
    r"|join\w*|enter\w*|cede|give\s+up|consider\w*|contemplat\w*|surrender\w*|send\w*"
    r"|sign|signing|sell\w*|withdraw\w*|hand\s+over|relinquish\w*|trade\w*|compromis\w*"
    r"|tolerat\w*|ready\s+to|willing\s+to|prepared\s+to)"
)

# --- Status cues -------------------------------------------------------------------------------
STATUS_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "disputed",
        _cues(
            "divided | division* | differ | differs | differences | disagree* | dispute* |"
            " obstacle* | sticking point* | hurdle* | stalemate | deadlock* | impasse |"
            " reject* | oppos* | objection* | resist* | refus* | unresolved | gaps |"
            " gap remains | at odds | contested | painful | can't go any further |"
            " cannot go any further | no chance | stumbling block | still exist* |"
            " remain apart | far apart | clash* | rift | standoff | red line* |"
            # Not settled yet: what is left to agree is still between the sides.
            " remaining question* | remaining issue* | remaining point* | outstanding issue* |"
            " outstanding question* | open question* | still open | remain* open |"
            " unsettled | yet to be agreed | yet to be resolved | yet to be settled"
        ),
    ),
    (
        "agreed",
        _cues(
            "agreed on | agreed to | agreed that | have agreed | has agreed | had agreed |"
            " reached agreement | reached an agreement | reached consensus |"
            " consensus was reached | consensus on | has reached consensus |"
            " have reached consensus | agreement was reached | settled | signed off | sealed |"
            " finalized | finalised | struck a deal | deal was struck | been resolved |"
            " was resolved | were resolved | in agreement"
        ),
    ),
    (
        "narrowing",
        _cues(
            "narrow* | progress* | closer | headway | step forward | breakthrough |"
            " moved considerably | converg* | compromise | bridg* | positive | productive |"
            " close to | getting close | workable | substantive | constructive | overcom* |"
            " momentum | solved"
        ),
    ),
)
# Agreeing on a step of the process ("agreed to continue working on the remaining questions",
# "agreed to meet again", "agreed on the need to keep talking") settles no issue: an "agreed"
# cue followed by one is not a report of agreement.
_TALKS = (
    r"(?:talks|negotiations?|dialogue|discussions?|consultations?|contacts?|meetings?|rounds?"
    r"|sessions?|work|working|efforts?|it|them|table"
    r"|(?:the|this|these|that|those)\s+(?:\w+\s+)?(?:issues?|questions?|matters?|topics?))"
)
_PROCESS_STEP = re.compile(
    r"\s*(?:(?:to|on|upon)\s+)?(?:the\s+need\s+to\s+)?"
    r"(?:(?:that\s+)?(?:the\s+|both\s+)?(?:two\s+)?(?:talks|negotiations|sides|parties"
    r"|delegations|teams|they|we)\s+(?:would|will|should|must|could|can)\s+)?"
    r"(?:continu\w*\s+(?:to\s+)?(?:(?:talk|work|negotiat|discuss|meet|consult)\w*"
    r"|(?:the\s+|their\s+|our\s+)?" + _TALKS + r")"
    r"|continu\w*(?=\s*(?:[.,;:]|$|(?:next|later|on|in|at|until|through|after|this|tomorrow"
    r"|again)\b))"
    r"|keep(?:ing)?\s+(?:talking|working|negotiating|meeting|discussing|in\s+(?:touch|contact)"
    r"|(?:the\s+)?(?:talks|dialogue|contacts?)\b)"
    r"|stay(?:ing)?\s+in\s+(?:touch|contact)|remain(?:ing)?\s+in\s+(?:touch|contact)"
    r"|(?:resum|return|com)\w*\s+(?:back\s+)?(?:to\s+)?(?:the\s+)?" + _TALKS +
    r"|hold(?:ing)?\s+(?:(?:a|an|another|further|more|new|direct|fresh|the\s+next|next)\s+)*"
    r"(?:talks|meetings?|rounds?|sessions?|consultations|negotiations)"
    r"|meet(?:ing)?\s+(?:again|later|next|soon|in\b|on\b|at\b|once|regularly|every)"
    r"|(?:talk|negotiat|discuss|reconven|consult|explor|examin|consider|study|studied|work)\w*"
    r"|look(?:ing)?\s+(?:at|into)"
    r"|(?:a|the|another)\s+(?:(?:next|new|further|second|third|follow-up)\s+)?(?:round|meeting"
    r"|session)|(?:further|more|new)\s+(?:talks|meetings|consultations|contacts))\b",
    re.IGNORECASE,
)
_OPEN_TO = re.compile(r"\s+to\b", re.IGNORECASE)
# A status cue in a negated or future frame is not a report of that status.
_STATUS_BLOCK = re.compile(
    r"\b(?:not|no|never|yet\s+to|whether|if|despite)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
_RESOLVING_GAP = 30  # "narrowed disagreements", "overcome this stalemate": progress on a dispute
_STATUS_WEIGHT_NEWEST = 2.0
_STATUS_WEIGHT_OLDER = 1.0
_OPPOSED = frozenset(
    {
        frozenset({"accepts", "rejects"}),
        frozenset({"offers", "rejects"}),
        frozenset({"supports", "rejects"}),
        frozenset({"accepts", "demands"}),
    }
)
_CROSS_PARTY_CLASH = frozenset(
    {frozenset({"rejects", "demands"}), frozenset({"rejects", "offers"})}
)
# Ties between equally frequent stances at the newest date go to the firmer one.
_STANCE_ORDER = ("rejects", "demands", "conditional", "offers", "accepts", "supports", "unclear")
_STANCE_RANK = {s: n for n, s in enumerate(_STANCE_ORDER)}
_SUMMARY_LIMIT = 100


def _cue_body(cues: tuple[str, ...]) -> str:
    parts = []
    for cue in sorted(cues, key=len, reverse=True):
        body = re.escape(cue.rstrip("*")).replace(r"\ ", r"\s+").replace(r"\*", r"\w+")
        body = body.replace("'", "['’]")
        parts.append(body + (r"\w*" if cue.endswith("*") else ""))
    return "|".join(parts)


@dataclass(frozen=True)
class _Lexicon:
    """A lexicon compiled for speed: per first three letters, a small regex of the cues that
    start so (group n = category n), tried only where a word starts with those letters."""

    by_start: dict[str, re.Pattern[str]]
    starts: re.Pattern[str] | None  # the word starts worth looking up (_starts_regex)


_WORD_START = re.compile(r"(?<![\w-])\w")


def _starts_regex(cues) -> re.Pattern[str]:
    """The word starts where one of `cues` may begin, in the text's lower case: a trie of the
    cues' words up to their first wildcard, so walking these starts finds what walking every
    word finds, without a Python step for each of the many words that start no cue."""
    return re.compile(r"(?<![\w-])(?=" + trie_pattern(_cue_atoms(cues)) + ")")


def _cue_atoms(cues) -> list[list[str]]:
    """The regex atoms of each cue's words up to its first wildcard, in lower case."""
    return [[r"\s+" if c == " " else "['’]" if c in "'’" else re.escape(c.lower())
             for c in cue.split("*")[0]] for cue in cues]


def _word_starts(lex_starts: re.Pattern[str] | None, text: str):
    """The word starts of `text` where a cue may begin (_starts_regex). The lower case stands
    for the case-insensitive match when the text holds none of the few non-ASCII characters
    such a match takes for an ASCII letter (_ODD_CASES) and lowering keeps every character in
    its place; otherwise, or when the cues are not all ASCII, every word start is tried."""
    low = lowered(text) if lex_starts is not None else None
    if low is None or (not text.isascii() and _ODD.search(text)):
        return _WORD_START.finditer(text)
    return lex_starts.finditer(low)


def _lexicon(lexicon: tuple[tuple[str, tuple[str, ...]], ...]) -> _Lexicon:
    buckets: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for n, (_name, cues) in enumerate(lexicon):
        for cue in cues:
            buckets[cue[:3].casefold().replace("’", "'")].append((n, cue))
    by_start = {}
    for key, entries in buckets.items():
        groups = "|".join(
            f"(?P<g{n}>{_cue_body(tuple(c for m, c in entries if m == n))})"
            for n in sorted({n for n, _ in entries})
        )
        by_start[key] = re.compile(r"(?:" + groups + r")(?![\w])", re.IGNORECASE)
    return _Lexicon(by_start, _cue_starts(lexicon))


def _cue_starts(*lexicons) -> re.Pattern[str] | None:
    """_starts_regex of the cues of `lexicons`, or None when a cue is not all ASCII."""
    cues = [cue for lexicon in lexicons for _name, group in lexicon for cue in group]
    return _starts_regex(cues) if all(cue.isascii() for cue in cues) else None


def _lexicon_hits(lex: _Lexicon, text: str):
    """(category index, start, end) of every cue in `text`, left to right."""
    end = 0
    for w in _word_starts(lex.starts, text):
        start = w.start()
        if start < end:
            continue
        pattern = lex.by_start.get(text[start : start + 3].casefold().replace("’", "'"))
        if pattern is None:
            continue
        m = pattern.match(text, start)
        if m:
            end = m.end()
            yield int(m.lastgroup[1:]), start, end


@cache
def _stance_regex() -> _Lexicon:
    return _lexicon(STANCE_CUES)


@cache
def _status_regex() -> _Lexicon:
    return _lexicon(STATUS_CUES)


@cache
def _fixed() -> dict[str, re.Pattern[str]]:
    return {
        "condition": re.compile(_CONDITION, re.IGNORECASE),
        "negated_yes": re.compile(r"\b" + _NEGATED_YES + r"\b", re.IGNORECASE),
        # ", as Russia repeated its opposition": an "as" clause after a comma with a named
        # subject of its own (a capital) is another actor's; "as a condition", "as long as",
        # "as well as" are no such clause.
        "clause": re.compile(
            r"(?:[;:]\s+|,?\s+(?:while|whereas|even\s+as|even\s+while|but|although|though)\s+"
            r"|, as\s+(?=(?-i:(?:the\s+)?[A-Z])))",  # (one space, as its needed word ", as")
            re.IGNORECASE,
        ),
        "determiner": re.compile(
            r"(?:\b(?i:the|a|an|these|those|this|such|any|no|every|each|whose)"
            r"|\b(?!(?i:it|that|he|she|there|what|who|here|let)['’]s)\w+['’]s|s['’])\s+"
            r"(?:(?i:own|latest|new|revised|proposed|initial|main|key|biggest|recent|earlier"
            r"|previous|final|formal|maximalist|territorial|original|central|core|first|second"
            r"|last)\s+|[A-Z][a-z]+(?:an|ese|ish)\s+)?$"  # "the Russian demand", "a British offer"
        ),
        "condition_split": re.compile(
            r",?\s+(?=(?:if|unless|until|provided\s+that|(?<!for\s)as\s+long\s+as"
            r"|in\s+exchange\s+for)\s)",
            re.IGNORECASE,
        ),
    }


# Besides its two cases, a case-insensitive regex takes these characters for an ASCII letter
# (tests/test_extract_words.py checks the list against every character there is).
_ODD_CASES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
# Words at least one of which every match of a fixed regex holds (lower case): where none
# occurs, the regex is not run at all.
_NEEDS = {
    "condition": ("if", "unless", "until", "provid", "condition", "long", "only", "exchange",
                  "return"),
    "negated_yes": ("not", "n't", "never", "longer"),  # "no longer": the "longer"
    "clause": (";", ":", "while", "whereas", "even", "but", "though", ", as"),
    "condition_split": ("if", "unless", "until", "provided", "long", "exchange"),
}
# A clause without cue words takes a stance only from a negated yes or a condition (and
# then only from the negated yes: a condition changes a stance it has, or splits the clause).
_NEEDS["firm"] = _NEEDS["negated_yes"] + _NEEDS["condition_split"]


_ODD = re.compile("[" + "".join(map(chr, _ODD_CASES)) + "]")


def _folded(text: str) -> str:
    """`text` in lower case, with the characters of _ODD_CASES as the letters they match."""
    if not text.isascii() and _ODD.search(text):
        text = text.translate(_ODD_CASES)
    return text.lower()


@cache
def _needs_regex(name: str) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _NEEDS[name])))


def _may_match(name: str, low: str) -> bool:
    """Whether the fixed regex `name` can match a text whose _folded form is `low`."""
    return _needs_regex(name).search(low) is not None


# One bit per fixed regex with needed words ("firm": either of its two), for the flags of the
# words a passage holds (_NeededWords).
_BITS = {name: 1 << n for n, name in enumerate(("condition", "negated_yes", "clause",
                                                 "condition_split"))}
_BITS["firm"] = _BITS["negated_yes"] | _BITS["condition_split"]


def _has(words: int | str, name: str) -> bool:
    """_may_match(name, ...) of a passage: `words` is its _folded text, or the flags of the
    needed words it holds (_NeededWords.flags), which answer without a search."""
    if words.__class__ is int:
        return bool(words & _BITS[name])
    return _needs_regex(name).search(words) is not None


class _NeededWords:
    """Where the needed words (_NEEDS) occur in one whole text, found once, to give the flags
    of any slice of it without a search of its own.

    The needed words are ASCII and are sought anywhere, words or not; the _folded whole text
    has each character where the text has it (only "İ" lowers to two characters, and _folded
    makes it "i" first) and the same ASCII characters as the _folded slice (lowering looks at
    no neighbour but for the Greek sigma, which is no ASCII). So a slice holds a needed word
    exactly where the whole text holds one inside the slice."""

    def __init__(self, text: str, low: str | None = None):
        """`low`: _folded(text), when the caller has it."""
        self.text = text
        if low is None:
            low = _folded(text)
        if len(low) != len(text):  # cannot happen (see above); then every slice is searched
            self.starts, self.spots = None, []
            return
        spots = []
        for word, bits in _word_bits().items():
            at = low.find(word)
            while at >= 0:
                spots.append((at, at + len(word), bits))
                at = low.find(word, at + 1)
        spots.sort()
        self.spots = spots
        self.starts = [s for s, _e, _b in spots]

    def flags(self, start: int, end: int) -> int | str:
        """The flags of the needed words of text[start:end] (for _has), or its _folded text
        when they cannot be told."""
        if self.starts is None:
            return _folded(self.text[start:end])
        flags = 0
        spots = self.spots
        for n in range(bisect_left(self.starts, start), len(spots)):
            s, e, bits = spots[n]
            if s >= end:
                break
            if e <= end:
                flags |= bits
        return flags


@cache
def _word_bits() -> dict[str, int]:
    """Each needed word with the bits of the fixed regexes that need it."""
    out: dict[str, int] = {}
    for name, bit in _BITS.items():
        if name != "firm":
            for word in _NEEDS[name]:
                out[word] = out.get(word, 0) | bit
    return out


def _is_noun_use(text: str, start: int) -> bool:
    """ "Putin's demands", "the offer of", "their proposal": naming a stance, not taking one.

    As _fixed()["determiner"].search of the 24 characters before the cue, read from their
    last words: that regex ends in spaces after a determiner (the end of a word) and at most
    one adjective (a whole word), so only the last two words can hold its match."""
    head = text[max(0, start - 24) : start]
    if not head or not head[-1].isspace():
        return False
    words = head.split()
    if not words:
        return False
    if _DETERMINER_END.search(words[-1]):
        return True
    return (len(words) > 1 and _ADJECTIVE_WORD.fullmatch(words[-1]) is not None
            and _DETERMINER_END.search(words[-2]) is not None)


# The determiner of _fixed()["determiner"] at the end of a word, and its adjective as a word.
_DETERMINER_END = re.compile(
    r"(?:\b(?i:the|a|an|these|those|this|such|any|no|every|each|whose)"
    r"|\b(?!(?i:it|that|he|she|there|what|who|here|let)['’]s)\w+['’]s|s['’])$"
)
_ADJECTIVE_WORD = re.compile(
    r"(?i:own|latest|new|revised|proposed|initial|main|key|biggest|recent|earlier"
    r"|previous|final|formal|maximalist|territorial|original|central|core|first|second"
    r"|last)|[A-Z][a-z]+(?:an|ese|ish)"
)


# Frames that make a cue someone else's, or no stance at all (checked on the words just
# before the cue): others' hopes and expectations ("hopes in Kyiv that Moscow would accept",
# "expected Moscow to agree"), questions ("whether Russia was willing"), getting or pressing
# another to do it ("get Russia to accept", "having both sides agree", "pushed Kyiv to
# accept"), failing to ("failed to agree"), and a negated demand or offer ("had not pushed").
_OTHERS_FRAME = re.compile(
    r"\b(?:(?:hope[sd]?|hoping|expect\w*|whether|fail(?:s|ed|ing)?|asked\s+if)"
    r"\s+(?:[\w’'-]+\s+){0,7}"
    r"|(?:get|gets|got|getting|persuad\w*|convinc\w*|push(?:ed|es|ing)?|press(?:ed|es|ing)"
    r"|pressur(?:ed|es|ing)|urg(?:e|ed|es|ing)|forc(?:e|ed|es|ing))"
    r"\s+(?:[\w’'-]+\s+){1,4}to\s+"
    r"|having\s+(?:[\w’'-]+\s+){1,4})$",
    re.IGNORECASE,
)
# Words one of which every match of _OTHERS_FRAME holds (in _folded text): a text holding none
# is not searched (most cues' heads; tests/test_speed_positions.py checks).
_OTHERS_NEEDS = re.compile(
    "hop|expect|whether|fail|asked|get|got|persuad|convinc|push|press|urg|forc|having"
)


def _others_frame(text: str) -> bool:
    """Whether _OTHERS_FRAME finds a frame at the end of `text`."""
    return (_OTHERS_NEEDS.search(_folded(text)) is not None
            and _OTHERS_FRAME.search(text) is not None)


_NEGATED_CUE = re.compile(r"\b(?:not|n['’]t|never|no\s+longer)\s+(?:\w+\s+)?$", re.IGNORECASE)
# A preposition before a noun form names whose stance it is ("with American support", "for
# approval", "of opposition"): a gerund or participle after it is still a verb.
_PREP_NOUN = re.compile(
    r"\b(?:with|without|for|of|from|by|under|amid|despite)\s+"
    r"(?:(?!(?:and|or|but|then|to)\b)[\w’'-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "backed by the U.S.", "support from European leaders", "support of the allies": the backer
# named after the cue is the one taking the stance.
_AGENT_AFTER = re.compile(r"\s+(?:by|from)\b|\s+of\s+(?:the\s+)?[A-Z]")
_BREAK = re.compile(r"[.;!?]")  # "We seek peace; we do not want a ceasefire": two statements
_BY_AFTER = re.compile(r"\s+by\b", re.IGNORECASE)
# "a vote that would require", "discussions are still required": what a thing needs, no demand.
_THING_NEEDS = re.compile(
    r"\b(?:that|which|it|this)\s+(?:would\s+|will\s+|also\s+|still\s+)?$"
    r"|\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_THING_NEED_CUES = ("requir", "need")


def _not_its_own(text: str, n: int, start: int, end: int) -> bool:
    """Whether the cue text[start:end] (of stance category `n`) states no stance of the
    clause's subject."""
    word = text[start:end].casefold()
    head = text[max(0, start - 60) : start]
    stance = STANCE_CUES[n][0]
    if stance == "unclear":
        return False  # "declined to say", "whether ... undecided": unclear whoever frames it
    if _others_frame(head):
        return True
    if stance != "rejects" and _NEGATED_CUE.search(head[-30:]):
        return True
    verb_form = word.endswith(("ed", "ing"))
    if not verb_form and _PREP_NOUN.search(head[-30:]):
        return True
    after = text[end : end + 12]
    if word.endswith("ed") and _BY_AFTER.match(after):
        return True  # passive: "backed by the U.S."
    if not verb_form and stance == "supports" and _AGENT_AFTER.match(after):
        return True
    return word.startswith(_THING_NEED_CUES) and bool(_THING_NEEDS.search(head[-30:]))


@cache
def _joint() -> dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]]:
    """Per first three letters: the stance and the status bucket (either may be None)."""
    stance, status = _stance_regex().by_start, _status_regex().by_start
    return {k: (stance.get(k), status.get(k)) for k in stance.keys() | status.keys()}


@cache
def _joint_starts() -> re.Pattern[str] | None:
    return _cue_starts(STANCE_CUES, STATUS_CUES)


def _joint_hits(text: str, starts: list[int] | None = None) -> tuple[list, list]:
    """The stance hits and the status hits of `text` (as `_lexicon_hits` finds each) from one
    walk over its words: a clause needs both. `starts`: its _word_starts for _joint_starts,
    when the caller has found them."""
    joint = _joint()
    stance: list = []
    status: list = []
    end_a = end_b = 0
    if starts is None:
        starts = [w.start() for w in _word_starts(_joint_starts(), text)]
    for start in starts:
        if start < end_a and start < end_b:
            continue
        pats = joint.get(text[start : start + 3].casefold().replace("’", "'"))
        if pats is None:
            continue
        if pats[0] is not None and start >= end_a:
            m = pats[0].match(text, start)
            if m:
                end_a = m.end()
                stance.append((int(m.lastgroup[1:]), start, end_a))
        if pats[1] is not None and start >= end_b:
            m = pats[1].match(text, start)
            if m:
                end_b = m.end()
                status.append((int(m.lastgroup[1:]), start, end_b))
    return stance, status


class ArticleCues:
    """The stance and status cues of one whole text, found in one walk, to answer for its
    clauses and quotations (slices of it) without a walk of their own."""

    def __init__(self, text: str, scanned: tuple[str, list[int]] | None = None):
        """`scanned`: the text's _folded form and its _word_starts for _joint_starts, when the
        caller has found them (article_scans)."""
        self.text = text
        low, starts = scanned or (None, None)
        self.stance, self.status = _joint_hits(text, starts)
        self.stance_starts = [h[1] for h in self.stance]
        self.status_starts = [h[1] for h in self.status]
        spans = sorted(h[1:] for h in (*self.stance, *self.status))
        self.starts = [s for s, _e in spans]  # of either kind, to tell a slice without any
        self.reach = list(accumulate((e for _s, e in spans), max))  # furthest end so far
        self.needed = _NeededWords(text, low)

    def hits(self, start: int, end: int) -> tuple[list, list] | None:
        """_joint_hits(text[start:end]), or None when the whole text's cannot tell.

        They can when the slice's edges fall between words (scan.clean_edges) and no cue of
        the whole text runs across an edge: the slice then has the same word starts, and a cue
        that matches inside it matches the same words in the whole text and the other way
        round (a cue's regex looks at nothing past its match but the next character, a
        non-word character at the edge; cues are three letters or more, so the lookup key of
        a word in the slice is that of the whole text's)."""
        if start >= end or not clean_edges(self.text, start, end):
            return None
        n = bisect_left(self.starts, start)
        inside = n < len(self.starts) and self.starts[n] < end
        if not inside and (not n or self.reach[n - 1] <= start):
            return [], []  # none inside, none reaching in: most clauses
        stance = _within(self.stance, self.stance_starts, start, end)
        status = _within(self.status, self.status_starts, start, end)
        if stance is None or status is None:
            return None
        return stance, status


    def stance_of(self, start: int, end: int) -> str | None:
        """_stance_of(text[start:end]), from the whole text's cues and needed words."""
        text = self.text[start:end]
        hits = self.hits(start, end)
        if hits is None or not text:
            return _stance_of(text)
        return _stance_from(text, hits[0], self.needed.flags(start, end))

    def reader(self, memo: StanceMemo, start: int, end: int):
        """`memo` as a stance_of for quote_cues that reads text[start:end] (a quotation's
        sentence, often no clause the memo holds) from the article's cues."""
        context = self.text[start:end]

        def read(text: str) -> str | None:
            if text in memo or text != context:
                return memo(text)
            found = memo[text] = self.stance_of(start, end)
            return found

        return read


# A character that is no word character nor hyphen (r"[^\w-]"): the ASCII breaks and every
# other character, a class `re` skips to in a fast loop (it cannot for a look behind), then a
# look behind for the non-ASCII word characters.
_NOT_WORD = f"[{ASCII_BREAKS}\\x80-\\U0010ffff](?<!\\w)"


def _article_scan(codebook: Codebook) -> re.Pattern[str] | None:
    """The word starts where an issue term (IssueMatcher.starts_long) or a cue (_joint_starts)
    may begin, in one scan: after a character that is no word character nor hyphen, the look
    ahead of one trie of both kinds of keys (a trie walk per word, not two), then of each
    kind's where that matched. The group that matches last tells which: "issue", "both" or
    "cue". None when the cues have no such scan."""
    if _joint_starts() is None:
        return None
    issue_keys = matcher(codebook).start_keys
    cue_keys = _cue_atoms(
        [c for lexicon in (STANCE_CUES, STATUS_CUES) for _name, group in lexicon for c in group])
    issue, cue = trie_pattern(issue_keys), trie_pattern(cue_keys)
    return re.compile(_NOT_WORD + "(?=" + trie_pattern(issue_keys + cue_keys) + ")"
                      "(?:(?=" + issue + ")(?P<issue>)(?:(?=" + cue + ")(?P<both>))?|(?P<cue>))")


def article_scans(text: str, codebook: Codebook) -> tuple[ArticleIssues, ArticleCues]:
    """The issue terms (ArticleIssues) and the cues (ArticleCues) of an article, from one scan
    of its lower case for the word starts where either may begin instead of one scan each
    (the scan goes over the text after a space, which stands for the start of the text as the
    character before a word). Both scan the lower case when the text holds none of the
    letters that a case-insensitive match takes for ASCII ones (_ODD: nor does its lower
    case, tests/test_speed_positions.py checks), else each reads the text its own way."""
    issue_matcher = matcher(codebook)
    scan = codebook.derived("article_scan", _article_scan)
    low = lowered(text)
    if scan is None or low is None or (not text.isascii() and _ODD.search(text)):
        return ArticleIssues(text, issue_matcher), ArticleCues(text)
    issue_starts: list[int] = []
    cue_starts: list[int] = []
    for m in scan.finditer(" " + low):  # (a match starts a character before its word)
        kind = m.lastgroup
        if kind != "cue":
            issue_starts.append(m.start())
        if kind != "issue":
            cue_starts.append(m.start())
    return (ArticleIssues(text, issue_matcher, (low, issue_starts)),
            ArticleCues(text, (low, cue_starts)))


def _within(hits: list, starts: list[int], start: int, end: int) -> list | None:
    """The hits between `start` and `end`, with offsets from `start`; None when one runs
    across either. (The hits of one lexicon never overlap: only the one before can reach in,
    only the last inside can reach out.)"""
    lo = bisect_left(starts, start)
    if lo and hits[lo - 1][2] > start:
        return None
    hi = bisect_left(starts, end, lo)
    if hi > lo and hits[hi - 1][2] > end:
        return None
    return [(n, s - start, e - start) for n, s, e in hits[lo:hi]]


def clause_cues(text: str, words: int | str | None = None,
                hits: tuple[list, list] | None = None) -> tuple[str | None, str | None]:
    """(classify_stance(text), status_cue(text)) from one walk over the words. `words` is
    _folded(text) or its needed words' flags (see _has) when the caller has them; `hits` its
    _joint_hits when known already."""
    if not text:
        return None, None
    stance_hits, status_hits = _joint_hits(text) if hits is None else hits
    return _stance_from(text, stance_hits, words), _status_from(text, status_hits)


def _stance_of(text: str) -> str | None:
    if not text:
        return None
    return _stance_from(text, None)


def _stance_from(text: str, hits: list | None, words: int | str | None = None) -> str | None:
    """The stance of `text` given its stance hits (None: find them) and its needed `words`
    (see _has; None: fold it). Only the cues whose answer can matter are read (_own_cue)."""
    fixed = _fixed()
    if words is None:
        words = _folded(text)
    if hits is None:
        hits = _lexicon_hits(_stance_regex(), text)
    negated = (
        fixed["negated_yes"].search(text) if _has(words, "negated_yes") else None
    )
    if negated is not None and not _others_frame(text[max(0, negated.start() - 60) :
                                                      negated.start()]):
        # "insisted that Ukraine would not join NATO": a no inside what is demanded
        no = negated.start()
        demanded_first = any(
            STANCE_CUES[n][0] == "demands" and end <= no and not _BREAK.search(text, end, no)
            and _own_cue(text, n, start, end)
            for n, start, end in hits
        )
        found = "demands" if demanded_first else "rejects"
    else:  # the first category (STANCE_CUES order) with a cue of the clause's own
        found = next((STANCE_CUES[n][0] for n, start, end in sorted(hits)
                      if _own_cue(text, n, start, end)), None)
    if (
        found in ("accepts", "offers", "rejects", "supports")
        and _has(words, "condition")
        and fixed["condition"].search(text)
    ):
        return "conditional"  # "would accept a ceasefire if ...", "won't agree until ..."
    return found


def _own_cue(text: str, n: int, start: int, end: int) -> bool:
    """Whether the cue text[start:end] (of stance category `n`) states a stance of the
    clause's own: not a noun naming one, nor a yes to a step of the talks, nor another's."""
    return not (_is_noun_use(text, start) or _process_yes(text, n, end)
                or _not_its_own(text, n, start, end))


def _process_yes(text: str, n: int, end: int) -> bool:
    """ "agreed to continue working on the remaining questions": saying yes to a step of the
    talks accepts nothing of the issues the talks are about (the cue of category `n` ends at
    `end` of `text`)."""
    return STANCE_CUES[n][0] == "accepts" and _PROCESS_STEP.match(text, end) is not None


def classify_stance(text: str, context: str = "") -> str | None:
    """The stance a passage expresses (see store.model.STANCES), or None for plain narrative.

    The passage's own words decide; the context (the sentence around a quote, with its
    reporting verb: "insisted", "rejected") decides only when the passage has no cue.
    """
    return _stance_of(text or "") or _stance_of(context or "")


# --- Clauses -----------------------------------------------------------------------------------
class Clause(NamedTuple):
    """What one clause says, whoever reports it and whenever: whose, about what, with what
    stance and what status cue. It depends only on the passage and the codebook, so the
    per-article analysis works it out once (store.extract.article) and the corpus pass reuses it.
    A named tuple: dozens are made per article, at a third of a frozen dataclass's cost."""

    text: str
    party: str | None
    issues: tuple[str, ...]
    stance: str | None
    status: str | None


@dataclass(frozen=True, slots=True)
class _Claim:
    """A clause of one evidence item (the item gives its date, source and id)."""

    item: EvidenceItem
    clause: Clause


def _clauses(text: str, words: int | str | None = None) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence ("X rejects A, while Y demands B").
    `words`: its needed words when known (see _has)."""
    if not _has(_folded(text) if words is None else words, "clause"):
        return [(0, len(text))] if text.strip(" ,;:") else []
    spans, last = [], 0
    for m in _fixed()["clause"].finditer(text):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip(" ,;:")]


def _clause_issues(text: str, whole: str, issues: tuple[str, ...], codebook: Codebook,
                   index: ArticleIssues | None = None, at: int = 0) -> tuple[str, ...]:
    if len(issues) < 2 or len(text) == len(whole):
        return issues  # nothing to choose between
    own = tuple(i for i in _tagged(text, codebook, index, at) if i in issues)
    return own or issues


def _tagged(text: str, codebook: Codebook, index: ArticleIssues | None, at: int
            ) -> tuple[str, ...]:
    """tag_issues(text), read from the article's `index` when there is one (`text` is then
    its slice from offset `at`): no second scan of words the article's scan has seen."""
    if index is None:
        return tag_issues(text, codebook)
    return index.issues(at, at + len(text))


def _party_id(value: str | None, codebook: Codebook) -> str | None:
    if value is None:
        return None
    if value in codebook.party_by_id:
        return value
    return codebook.party_named(value)


def quote_cues(text: str, context: str, stance_of=None,
               hits: tuple[list, list] | None = None, words: int | str | None = None,
               context_words: int | str | None = None) -> tuple[str | None, str | None]:
    """(stance, status cue) of a quotation read in its sentence: all a quote's clause needs
    besides the party and issues, which the corpus pass settles across outlets.

    `stance_of` reads the context's stance (default: afresh); an article with several quotes
    in one sentence passes a remembering one (StanceMemo) so the sentence is read once.
    `hits`: the quotation's _joint_hits when known (ArticleCues.hits); `words` and
    `context_words` the needed words of the quotation and of its context (see _has)."""
    stance, status = clause_cues(text, words, hits)
    if stance:
        return stance, status
    read = stance_of or _stance_of
    own = _quote_clause(text, context or "", context_words)
    found = read(own) if own else None  # "said X 'will not send troops' but would support 'Y'"
    if found is None and own != (context or ""):
        found = read(context or "")
    return found, status


def _quote_clause(text: str, context: str, words: int | str | None = None) -> str:
    """The clause of `context` that holds the quotation `text` (all of it when there is one
    clause or the quote is not found), cut as sentence_clauses cuts it. `words`: the
    context's needed words when known (see _has)."""
    if not context:
        return context
    if words is None:
        words = _folded(context)
    if not _has(words, "clause"):
        return context
    at = context.find(text)
    if at < 0:
        return context
    for start, end in _clauses(context, words):
        if start <= at < end:
            return context[start:end].strip(" ,;:")
    return context


class StanceMemo(dict):
    """The stance of each passage read so far (for one article: its clauses and its quotes'
    sentences; a quote's sentence is most often a clause already read)."""

    def __call__(self, text: str) -> str | None:
        if text in self:
            return self[text]
        found = self[text] = _stance_of(text)
        return found


def quote_clauses(text: str, party: str | None, issues: tuple[str, ...],
                  cues: tuple[str | None, str | None], codebook: Codebook) -> tuple[Clause, ...]:
    """A quotation is one clause: its own text, its speaker's party, its cues (quote_cues)."""
    if not issues:
        return ()
    return (Clause(text, _party_id(party, codebook), issues, cues[0], cues[1]),)


_UNKNOWN = object()
# A clause opening on a verb ("but insisted that ...", "while emphasizing ...") has no subject
# of its own: it goes on with the previous clause's, whoever it names afterwards.
_NO_SUBJECT = re.compile(r"(?:also\s+|then\s+|later\s+)?[a-z]+(?:ed|ing)\b(?!\s+(?:by|to)\b)")


def sentence_clauses(text: str, party: str | None, issues: tuple[str, ...],
                     codebook: Codebook, own_party=_UNKNOWN,
                     memo: StanceMemo | None = None,
                     outside: str | None = None,
                     cues: ArticleCues | None = None, at: int = 0,
                     index: ArticleIssues | None = None) -> tuple[Clause, ...]:
    """The clauses of a reporting sentence with their party, issues, stance and status cue.

    `own_party` is sentence_party(text) when the caller has it already: a clause that is the
    whole sentence then needs no second reading (masking quotes twice changes nothing).
    `memo` keeps the stance each clause's own words give (classify_stance of its text).
    `outside` is mask_quotes(text) (with ’ as ' or not: parties read both alike), when the
    caller has it already (store.extract.parties.outside_quotes). `cues` and `index` (the
    issue terms) are those of the article the sentence is a slice of, from offset `at`."""
    if not issues:
        return ()
    party = _party_id(party, codebook)
    words = cues.needed.flags(at, at + len(text)) if cues is not None else None
    spans = _clauses(text, words)
    whole = None  # (offset, length, hits) of the sentence as one clause, once looked up
    if words.__class__ is int and spans == [(0, len(text))]:
        clause = text.strip(" ,;:")
        first = at + len(text) - len(text.lstrip(" ,;:"))
        whole = (first, len(clause), cues.hits(first, first + len(clause)))
        if whole[2] == ([], []):
            plain = _plain_clause(text, clause, first, party, issues, codebook, own_party,
                                  memo, index, words)
            if plain is not None:
                return plain
    return _clause_list(text, party, issues, codebook, own_party, memo, outside, cues, at,
                        index, words, spans, whole)


def _clause_list(text: str, party: str | None, issues: tuple[str, ...], codebook: Codebook,
                 own_party, memo: StanceMemo | None, outside: str | None,
                 cues: ArticleCues | None, at: int, index: ArticleIssues | None,
                 words: int | str | None, spans: list[tuple[int, int]],
                 whole: tuple | None) -> tuple[Clause, ...]:
    """sentence_clauses of a sentence that is not plain, from what its caller has found of it:
    `party` its _party_id, `words` its needed words (or None), `spans` its _clauses and
    `whole` the (offset, length, hits) of the sentence as one clause, when looked up."""
    out: list[Clause] = []
    if outside is None:
        outside = mask_quotes(text)  # a clause inside a quotation names no new speaker
    for n, (start, end) in enumerate(spans):
        raw = text[start:end]
        clause = raw.strip(" ,;:")
        first = at + start + len(raw) - len(raw.lstrip(" ,;:"))  # the clause's offset
        hits = clause_words = None
        if cues is not None:
            hits = (whole[2] if whole is not None and whole[:2] == (first, len(clause))
                    else cues.hits(first, first + len(clause)))
            clause_words = (words if len(clause) == len(text)
                            else cues.needed.flags(first, first + len(clause)))
        if n == 0 and party is not None:
            clause_party = party  # the pipeline's attribution of the sentence wins
        elif own_party is not _UNKNOWN and start == 0 and end == len(text):
            clause_party = own_party
        elif out and _NO_SUBJECT.match(clause):
            clause_party = out[-1].party  # "..., but insisted that Ukraine withdraw": the same
        else:
            clause_party = sentence_party(outside[start:end], codebook)
        if clause_party is None and out:
            clause_party = out[-1].party  # "... but acknowledged that ...": same subject
        out.extend(_conditioned(text, issues, clause, clause_party, codebook, memo, hits,
                                clause_words, index, first))
    return tuple(out)


def article_clauses(text: str, spans: list[tuple[int, int]], bodies: list[str],
                    parties: list[str | None], issues: list[tuple[str, ...]],
                    outsides: list[str], codebook: Codebook, memo: StanceMemo,
                    cues: ArticleCues, index: ArticleIssues) -> list[tuple[Clause, ...]]:
    """sentence_clauses of each sentence of an article (its `spans` of `text` and their
    `bodies`, with the sentence's party as own_party, issues and outside_quotes), () for
    one without issues: one loop for them all, in which the plain sentences (one clause, no
    cue: most of them) take no steps besides _plain_clause."""
    flags, cue_hits = cues.needed.flags, cues.hits
    party_ids = codebook.party_by_id
    out: list[tuple[Clause, ...]] = []
    for body, (at, _end), own, found, outside in zip(bodies, spans, parties, issues, outsides,
                                                      strict=True):
        if not found:
            out.append(())
            continue
        party = own if own is None or own in party_ids else codebook.party_named(own)
        words = flags(at, at + len(body))
        if words.__class__ is not int or words & _CLAUSE_BIT:
            clause_spans = _clauses(body, words)
            if words.__class__ is not int or clause_spans != [(0, len(body))]:
                out.append(_clause_list(body, party, found, codebook, own, memo, outside, cues,
                                        at, index, words, clause_spans, None))
                continue
        clause = body.strip(" ,;:")  # the one clause, or none
        if not clause:
            out.append(())
            continue
        first = at + len(body) - len(body.lstrip(" ,;:"))
        whole = (first, len(clause), cue_hits(first, first + len(clause)))
        if whole[2] == ([], []):
            plain = _plain_clause(body, clause, first, party, found, codebook, own, memo,
                                  index, words)
            if plain is not None:
                out.append(plain)
                continue
        out.append(_clause_list(body, party, found, codebook, own, memo, outside, cues, at,
                                index, words, [(0, len(body))], whole))
    return out


_CLAUSE_BIT = _BITS["clause"]
# Needed words that may give a clause a stance without a cue.
_FIRM_BIT = _BITS["firm"]


def _firmless(clause: str, words: int) -> bool:
    """Whether the fixed regexes that the needed `words` of `clause` call for find no negated
    yes nor condition split in it (as _conditioned reads it). Needed words are a coarse test
    ("not" in "another", "long" in "along"): most clauses holding one are plain after all."""
    fixed = _fixed()
    if words & _NEGATED_BIT and fixed["negated_yes"].search(clause):
        return False
    return not (words & _SPLIT_BIT and fixed["condition_split"].search(clause))


_NEGATED_BIT, _SPLIT_BIT = _BITS["negated_yes"], _BITS["condition_split"]


def _plain_clause(text: str, clause: str, first: int, party: str | None,
                  issues: tuple[str, ...], codebook: Codebook, own_party,
                  memo: StanceMemo | None, index: ArticleIssues | None, words: int
                  ) -> tuple[Clause, ...] | None:
    """sentence_clauses of most sentences, without their steps: one clause (`clause`, the
    stripped sentence, at offset `first`: the caller has found no clause break) with no cue
    word in it (the caller has asked the article's cues), nothing negated and no condition,
    so no stance and no status; its party the sentence's (`party`, the caller's _party_id of
    it, else `own_party`). None when it may have more after all. `words`: the sentence's
    needed words (_NeededWords.flags)."""
    if words & _FIRM_BIT and not _firmless(clause, words):
        return None
    if party is None:
        if own_party is _UNKNOWN:
            return None
        party = own_party
    if memo is not None:
        memo[clause] = None
    return (Clause(clause, party, _clause_issues(clause, text, issues, codebook, index, first),
                   None, None),)


def item_clauses(item: EvidenceItem, codebook: Codebook) -> tuple[Clause, ...]:
    """The clauses of an evidence item: those it carries, else worked out from its text."""
    if item.clauses is not None:
        return item.clauses
    if item._worked is not None and item._worked[0] is codebook:
        return item._worked[1]
    if item.kind == "quote":
        found = quote_clauses(item.text, item.party, item.issues,
                              quote_cues(item.text, item.context), codebook)
    else:
        found = sentence_clauses(item.text, item.party, item.issues, codebook)
    object.__setattr__(item, "_worked", (codebook, found))  # a cache, not a change of value
    return found


def evidence_claims(items: list[EvidenceItem], codebook: Codebook) -> list[_Claim]:
    """Every clause of every item, newest item first: worked out once per build and shared
    by derive_positions and derive_statuses."""
    return [
        _Claim(item, clause)
        for item in sorted(items, key=_newest_first)
        for clause in item_clauses(item, codebook)
    ]


def _conditioned(
    whole: str, issues: tuple[str, ...], clause: str, party: str | None, codebook: Codebook,
    memo: StanceMemo | None = None, hits: tuple[list, list] | None = None,
    words: int | str | None = None, index: ArticleIssues | None = None, at: int = 0,
) -> list[Clause]:
    """Split "X would accept A if B": conditional on A's issues, a demand on B's. `hits`:
    the clause's _joint_hits when known (ArticleCues); `words` its needed words (see _has);
    `index` the issue terms of the article the clause is a slice of, from offset `at`."""
    if words is None:
        words = _folded(clause)
    if hits is None:
        hits = _joint_hits(clause)
    if not hits[0] and not hits[1] and not _has(words, "firm"):
        # Most clauses: no cue word, nothing negated, no condition; no stance, no status.
        if memo is not None:
            memo[clause] = None
        return [Clause(clause, party, _clause_issues(clause, whole, issues, codebook, index, at),
                       None, None)]
    stance, status = clause_cues(clause, words, hits)
    if memo is not None:
        memo[clause] = stance  # the same as _stance_of(clause)
    m = None
    if _has(words, "condition_split"):
        m = _fixed()["condition_split"].search(clause)
    if m is None or m.start() == 0:
        return [Clause(clause, party, _clause_issues(clause, whole, issues, codebook, index, at),
                       stance, status)]
    main, condition = clause[: m.start()], clause[m.end() :]
    main_stance = _stance_of(main)
    main_issues = tuple(i for i in _tagged(main, codebook, index, at) if i in issues)
    cond_issues = tuple(
        i for i in _tagged(condition, codebook, index, at + m.end())
        if i in issues and i not in main_issues
    )
    if not main_issues and not cond_issues:
        return [Clause(clause, party, issues, stance, status)]
    out = []
    if main_issues:
        stance = "conditional" if main_stance in (None, "accepts", "offers", "rejects",
                                                   "supports") else main_stance
        out.append(Clause(clause, party, main_issues, stance, status))
    if cond_issues:
        out.append(Clause(clause, party, cond_issues, "demands", status))
    return out


# --- Positions ---------------------------------------------------------------------------------
def _newest_first(item: EvidenceItem) -> tuple:
    """Sort key: newest date first (undated last), then a fixed order independent of input."""
    date = item.date or ""
    return (item.date is None, tuple(-ord(c) for c in date), item.source, item.start, item.id)


def _summary(stance: str, claim: _Claim) -> str:
    text = " ".join(claim.clause.text.split())
    if claim.item.kind == "quote":
        text = f"“{text}”"
    head = f"{stance.capitalize()}: "
    room = _SUMMARY_LIMIT - len(head)
    if len(text) > room:
        cut = text[: room - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
        text = cut + "…"
    return head + text


def _pick_stance(claims: list[_Claim]) -> tuple[str, _Claim, bool]:
    """(stance, the claim it comes from, contested) from a pair's stance-bearing claims."""
    newest = claims[0].item.date
    latest = [c for c in claims if c.item.date == newest]
    counts = Counter(c.clause.stance for c in latest)
    stance = min(counts, key=lambda s: (-counts[s], _STANCE_RANK.get(s, 99)))
    # The line to show: a claim whose own words carry the stance, a reported sentence before a
    # quote fragment, then the first in the fixed order.
    chosen = min(
        (c for c in latest if c.clause.stance == stance),
        key=lambda c: (_stance_of(c.clause.text) != stance, c.item.kind != "sentence"),
    )
    kinds = set(counts)
    contested = any(pair <= kinds for pair in _OPPOSED)
    return stance, chosen, contested


def _grouped(claims: list[_Claim], codebook: Codebook) -> dict[tuple[str, str], list[_Claim]]:
    order = {i.id: n for n, i in enumerate(codebook.issues)}
    groups: dict[tuple[str, str], list[_Claim]] = defaultdict(list)
    for claim in claims:
        party = claim.clause.party
        if party is None or party not in codebook.party_by_id:
            continue
        for issue in claim.clause.issues:
            if issue in order:
                groups[(issue, party)].append(claim)
    return groups


def derive_positions(
    items: list[EvidenceItem], codebook: Codebook, claims: list[_Claim] | None = None
) -> list[Position]:
    """One Position per (issue, party) with evidence, in codebook issue then party order.

    `claims` (evidence_claims of the same items) saves working them out again."""
    if claims is None:
        claims = evidence_claims(items, codebook)
    groups = _grouped(claims, codebook)
    issue_order = {i.id: n for n, i in enumerate(codebook.issues)}
    party_order = {p.id: n for n, p in enumerate(codebook.parties)}
    out = []
    for (issue, party), claims in sorted(
        groups.items(), key=lambda kv: (issue_order[kv[0][0]], party_order[kv[0][1]])
    ):
        bearing = [c for c in claims if c.clause.stance is not None]
        if bearing:
            stance, chosen, contested = _pick_stance(bearing)
        else:
            stance, chosen, contested = "unclear", claims[0], False
        evidence = tuple(dict.fromkeys(c.item.id for c in claims))
        sources = tuple(dict.fromkeys(c.item.source for c in claims))
        out.append(
            Position(
                id=stable_id("position", issue, party),
                issue=issue,
                party=party,
                stance=stance,
                summary=_summary(stance, chosen),
                evidence=evidence,
                sources=sources,
                contested=contested,
                updated=next((c.item.date for c in claims if c.item.date), None),
            )
        )
    return out


# --- Statuses ----------------------------------------------------------------------------------
def status_cue(text: str) -> str | None:
    """The status a passage reports (agreed, narrowing, disputed), or None.

    A dispute cue wins unless progress words govern it ("narrowed the disagreements");
    otherwise the first agreement or progress cue decides. Cues in a negated, hypothetical or
    concessive frame ("not resolved", "whether they agree", "despite progress") do not count.
    Callers pass clauses, so "progress, but divisions persist" votes for both.
    """
    return _status_from(text, _lexicon_hits(_status_regex(), text))


def _status_from(text: str, hits) -> str | None:
    """The status cue of `text` given its status hits."""
    found: list[tuple[int, int, str]] = []
    for n, start, end in hits:
        if _STATUS_BLOCK.search(text[max(0, start - 30) : start]):
            continue
        status = STATUS_CUES[n][0]
        if status == "agreed" and _PROCESS_STEP.match(text, end):
            continue  # "agreed to keep talking": a step of the talks, no issue settled
        if status == "disputed" and text[start:end].endswith("open") and _OPEN_TO.match(text, end):
            continue  # "remains open to compromise" is a stance, not an unsettled issue
        found.append((start, end, status))
    if not found:
        return None
    found.sort()
    disputes = [f for f in found if f[2] == "disputed"]
    if disputes:
        start = disputes[0][0]
        if any(n == "narrowing" and 0 <= start - e <= _RESOLVING_GAP for s, e, n in found):
            return "narrowing"
        return "disputed"
    return found[0][2]


def derive_statuses(
    items: list[EvidenceItem],
    codebook: Codebook,
    claims: list[_Claim] | None = None,
    positions: list[Position] | None = None,
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Issue id → (status, ids of the evidence that justifies it), for every codebook issue.

    Rules: each clause tagged with an issue votes for the status its cue words report
    (disputed: divided, obstacle, reject, ...; agreed: agreed on, consensus, resolved, ...;
    narrowing: narrowed, progress, closer, ...), weighted 2 when it is among the issue's newest
    reporting and 1 otherwise. Parties holding clashing stances (one rejects what another
    demands or offers) add a disputed vote. The heaviest status wins (ties: disputed, then
    narrowing, then agreed, the cautious reading); "agreed" also needs to outweigh the
    disputes. No vote at all: "open".
    """
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    # ids per issue and status, in first-seen order (a dict: membership in constant time)
    basis: dict[str, dict[str, dict[str, None]]] = defaultdict(lambda: defaultdict(dict))
    newest: dict[str, str] = {}
    if claims is None:
        claims = evidence_claims(items, codebook)
    if positions is None:
        positions = derive_positions(items, codebook, claims)
    claims_by_issue: dict[str, list[_Claim]] = defaultdict(list)
    for claim in claims:
        date = claim.item.date
        for issue in claim.clause.issues:
            claims_by_issue[issue].append(claim)
            if date and date > newest.get(issue, ""):
                newest[issue] = date
    for issue, issue_claims in claims_by_issue.items():
        for claim in issue_claims:
            cue = claim.clause.status
            if cue is None:
                continue
            fresh = claim.item.date is not None and claim.item.date == newest.get(issue)
            weight = _STATUS_WEIGHT_NEWEST if fresh or issue not in newest else _STATUS_WEIGHT_OLDER
            votes[issue][cue] += weight
            basis[issue][cue].setdefault(claim.item.id)
    for position_issue, ids in _clashes(positions).items():
        votes[position_issue]["disputed"] += _STATUS_WEIGHT_OLDER
        for i in ids:
            basis[position_issue]["disputed"].setdefault(i)
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for idef in codebook.issues:
        v = votes.get(idef.id, {})
        status = _decide(v)
        out[idef.id] = (status, tuple(basis[idef.id][status]) if status != "open" else ())
    return out


def _decide(v: dict[str, float]) -> str:
    if not v:
        return "open"
    disputed, agreed, narrowing = v.get("disputed", 0), v.get("agreed", 0), v.get("narrowing", 0)
    if disputed >= agreed + narrowing and disputed > 0:
        return "disputed"
    if agreed > disputed and agreed >= narrowing:
        return "agreed"
    if narrowing + agreed > disputed:
        return "narrowing"
    return "open"


def _clashes(positions: list[Position]) -> dict[str, tuple[str, ...]]:
    """Issues where one party's current stance rejects what another demands or offers."""
    by_issue: dict[str, list[Position]] = defaultdict(list)
    for p in positions:
        by_issue[p.issue].append(p)
    out = {}
    for issue, positions in by_issue.items():
        for a in positions:
            for b in positions:
                if a.party < b.party and frozenset({a.stance, b.stance}) in _CROSS_PARTY_CLASH:
                    out[issue] = tuple(dict.fromkeys(a.evidence[:1] + b.evidence[:1]))
    return out
