"""Who is speaking: codebook names and titles, anonymous sources, pronouns and unknown names.

Everything about people, titles and nationalities comes from the codebook, so another
negotiation needs another codebook, not other code. The patterns are built once per codebook
(`matcher_for`) and a whole article is scanned once (`scan_mentions`); `SpeakerMemory` then
follows the article in order so "he", "the official" or "the statement" mean whoever the
article last named that way.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import accumulate, compress, count
from operator import not_
from typing import NamedTuple

from store.extract.gender import name_gender

# Generic English, not negotiation data: words that name a source without naming a person.
_ANON_HEADS = {
    "official": "officials", "diplomat": "diplomats", "source": "sources", "aide": "aides",
    "negotiator": "negotiators", "adviser": "advisers", "advisor": "advisors",
    "spokesman": "spokesmen", "spokeswoman": "spokeswomen", "spokesperson": "spokespeople",
    "lawmaker": "lawmakers", "leader": "leaders", "minister": "ministers",
    "insider": "insiders", "envoy": "envoys", "representative": "representatives",
    "soldier": "soldiers", "resident": "residents", "analyst": "analysts", "voter": "voters",
    "commander": "commanders", "expert": "experts", "officer": "officers",
    "legislator": "legislators", "observer": "observers", "ambassador": "ambassadors",
    "mediator": "mediators", "staffer": "staffers", "participant": "participants",
    "economist": "economists", "strategist": "strategists", "senator": "senators",
    "colleague": "colleagues", "executive": "executives", "deputy": "deputies",
    "mp": "mps", "mep": "meps", "parliamentarian": "parliamentarians", "figure": "figures",
    "person": "people",
}
# Words for a member of a parliament: "the MP" fits "a member of the Verkhovna Rada".
# How far back a "she" (or "he") the last person named cannot be looks for a name that fits.
_PRONOUN_REACH = 400
_TWO_NAMES = re.compile(r"(?<![\w’'.-])[A-ZÀ-Þ][a-zà-ÿ’'-]+\s+[A-ZÀ-Þ][a-zà-ÿ’'-]+(?![\w’'-])")
_NAME_PAIRS = re.compile(rf"(?=({_TWO_NAMES.pattern}))")  # overlapping: "When Olena Marchenko"
_LEGISLATOR_WORDS = frozenset(
    """mp mps mep meps lawmaker lawmakers legislator legislators parliamentarian
    parliamentarians deputy deputies member parliament rada duma congressman congresswoman
    senator""".split()
)
# Words for one role, any of which fits a person described with another: "the MP" a member
# of the Rada, "the Spokesperson" the foreign ministry's spokesman.
_SAME_ROLE = (
    _LEGISLATOR_WORDS,
    frozenset("spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen".split()),
)
# "expert talks", "envoy level": a head noun that qualifies the next noun is not a source.
_HEAD_COMPOUNDS = frozenset(
    """level talks group groups team teams meeting meetings panel panels consultations visit
    visits delegation delegations order orders branch arm board committee summit power
    powers""".split()
)
_PLURAL_HEADS = {p: s for s, p in _ANON_HEADS.items()}
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
    return " ".join((*mods, _plural(head) if plural else head, *([tail] if tail else [])))
_INDEFINITE = frozenset("a an one some several two three four many".split())
_ORIGIN = re.compile(r"\s+from\s+(.+)$", re.IGNORECASE)
_SPOKEN_FOR = re.compile(r"\s+(?:for|at)\s+(?:the\s+)?([^,]+)(?:,\s*(.+))?$", re.IGNORECASE)
_SERVED = re.compile(r"\s+to\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?([A-ZÀ-Þ].*)$")
_MEMBER = re.compile(r"\s+((?:in|within|inside)\s+the\s+.+)$", re.IGNORECASE)
_QUALIFIERS = (
    "second third fourth another other senior top high-ranking high-level highly-placed "
    "administration government military intelligence defence defense security foreign "
    "ministry former current well-placed western eastern allied ranking presidential "
    "national cabinet local regional independent retired veteran diplomatic political "
    "parliamentary alliance"
).split()
_QUALIFIER_WORDS = frozenset(_QUALIFIERS)
_ORIGIN_WORDS = frozenset(("western", "eastern", "allied", "foreign"))  # whose, not how senior
_DETERMINERS = (
    r"(?:one\s+of\s+the|two\s+of\s+the|a|an|one|another|the|two|three|four|several|some"
    r"|many|other|both)"
)
_PREPOSITIONS = frozenset(
    """in at on from with to for of by about between against into than like via over under
    among behind toward towards upon within without near alongside beside""".split()
)
_TITLE_WORDS = frozenset(
    """the a an mr mr. mrs mrs. ms ms. dr dr. sir dame lord president prime minister chancellor
    secretary foreign defence defense envoy special ambassador spokesman spokeswoman
    spokesperson senator sen. rep. representative gen. general adm. admiral king queen pope
    deputy vice chief head commissioner mayor governor gov. lt. col. colonel premier director
    chairman chairwoman chair speaker leader adviser advisor aide national security council
    affairs state economy finance interior justice trade energy top senior former acting
    first lieutenant army navy officer commander negotiator delegation businessman
    businesswoman billionaire investor analyst opposition lawmaker official diplomat mep mp
    congressman congresswoman ombudsman ombudsperson human rights parliamentary relations
    integration reintegration veterans policy development""".split()
)
_NOT_NAMES = frozenset(
    """but and or so yet the a an on in at this that these those it its he she they we i you
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december when while after before as
    if although though because since however meanwhile still also later earlier then""".split()
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_NOT_PERSON = frozenset(
    """statement declaration communique communiqué plan agreement ministry office council
    government commission committee parliament union house department agency court bank fund
    party forces news times post press summit talks treaty deal pact article""".split()
)
# The unions the name tests ask about, made once (a union built per word costs more than
# the lookup).
_TITLE_OR_NOT_PERSON = _TITLE_WORDS | _NOT_PERSON
_TITLE_OR_NOT_NAME = _TITLE_WORDS | _NOT_NAMES
_NOT_GIVEN_NAME = _TITLE_WORDS | _NOT_NAMES | _NOT_PERSON
_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-Þ][\w’'.-]*|(?:de|van|von|der|den|al|bin|la|le|da|du|di)\b)"
_NAME_AT_END = re.compile(rf"(?<![\w’'.-])({_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,5}})\s*$")
_NAME_AT_START = re.compile(rf"\s*({_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,5}})")
_POSSESSIVE_AFTER = re.compile(r"['’]s?(?=\s|$)")
# One aside or two in a row (", 58, whose son serves in the army,").
_COMMA_SEGMENT = re.compile(r",[^,]*(?:,[^,]*)?,")
_WORD = re.compile(r"[\w’'.-]+")
_SPACES_COMMAS = re.compile(r"[\s,]*")
_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:on|last|this|late|early)\s+\w+|\s+(?:also|has|have|had|later|then|"
    r"previously|earlier|recently|again|once|now|repeatedly|himself|herself)"
    # "Lukashenka was quoted (by BelTA) as saying"
    r"|\s+(?:was|were|is|are)\s+quoted(?:\s+by\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?\s+as)*\s*$"
)
_ADVERB_ENDS = frozenset(
    "also has have had later then previously earlier recently again once now repeatedly "
    "himself herself as".split()  # "as": "was quoted as"
)
_TIME_LEADS = frozenset("on last this late early".split())
_WORD_RUN = re.compile(r"\w+")
_NAME_PARTICLES = ("de", "van", "von", "der", "den", "al", "bin", "la", "le", "da", "du", "di")


def _without_trailing_adverbs(window: str) -> str:
    """_TRAILING_ADVERBS.sub("", window), the regex run only when the window's last word
    can end such a phrase (it ends a whole word of its own, after a space): otherwise it
    only takes the trailing spaces."""
    tail = window.rsplit(None, 2)
    if tail and (
        tail[-1] in _ADVERB_ENDS
        or len(tail) > 1 and tail[-2] in _TIME_LEADS and _WORD_RUN.fullmatch(tail[-1])
    ):
        return _TRAILING_ADVERBS.sub("", window)
    return window.rstrip()


def _without_age_or_tag(window: str) -> str:
    """_AGE_OR_TAG.sub("", window): each ends in a digit, a bracket, a dot or a capital."""
    last = window.rstrip()[-1:]
    if last == ")" or last.isdigit() or last == "." or last.isupper():
        return _AGE_OR_TAG.sub("", window)
    return window


def _may_end_with_name(window: str) -> bool:
    """Whether _NAME_AT_END can match: its last name word is inside the last word of the
    window, from a capital on, or a particle that ends it."""
    last = window.rsplit(None, 1)[-1:]
    return bool(last) and (last[0] != last[0].lower() or last[0].endswith(_NAME_PARTICLES))


_JOURNALIST = re.compile(
    r"\b(?:reporting\s+(?:from|in)|correspondent|reporter|journalist|columnist|anchor"
    r"|presenter)\b",
    re.IGNORECASE,
)
_TRAILING_APPOSITION = re.compile(r",[^,]*,\s*$")
# "R-Pa.", "(D-N.H.)", "I-Vt.": a US lawmaker's party-and-state tag marks an American.
_US_STATE_TAG = re.compile(r"(?<![\w-])[RDI]-(?:[A-Z]\.[A-Z]\.|[A-Z][a-z]+\.?|[A-Z]{2})(?![\w-])")
# What may stand between a name and its aside: an age ("Halyna Moroz, 58, who ..."), a
# party tag in brackets ("Elina Valtonen (NCP) told") or a US lawmaker's ("Lindsey Graham,
# R-S.C., a close ally of Trump, said").
_AGE_OR_TAG = re.compile(
    r"(?:,\s*\d{1,3}|\s*\([^()\n]{1,40}\)|,\s*" + _US_STATE_TAG.pattern + r")\s*$"
)
# A name and nothing else (two capitalised words at least): "Paula Pinho".
_BARE_NAME = re.compile(r"[A-ZÀ-Þ][\w’'.-]+(?:\s+(?:de|van|von|der|al|bin)?\s*[A-ZÀ-Þ][\w’'.-]+)+")
# ... or a name and the body it belongs to: "Inna Sovsun of the opposition party Holos".
_NAME_OF_BODY = re.compile(rf"({_BARE_NAME.pattern})\s+(?:of|from)\s+(?:the\s+)?[^,]{{1,60}}")
# "Tatiana Stanovaya of (the) " right before an organisation's name: the person it belongs to.
_OF_ORGANISATION = re.compile(
    r"((?:[A-ZÀ-Þ][\w’'.-]*\s+)*[A-ZÀ-Þ][\w’'.-]+\s+[A-ZÀ-Þ][\w’'.-]+)\s+(?:of|at|from)\s+(?:the\s+)?$"
)
_LEADING_THE = re.compile(r"(?i)^the\s+")
# A word that makes a title somebody else's: the opposition's, a predecessor's.
_NOT_THE_HOLDER = re.compile(
    r"\b(?:shadow|former|ex|then|previous|late)(?:\s+[A-Z][\w-]*)?[\s-]+$", re.IGNORECASE)
# "the prime " before "minister": a definite description (one or two words).
_DEFINITE_LEAD = re.compile(r"\b[Tt]he\s+((?:[A-Za-z][\w-]*\s+){1,2})$")
_DESCRIPTION_SPLIT = re.compile(r"[\s.,;:()'’-]+")
# Where a sentence may end inside a short stretch of text: a stop, then a capital.
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')]*\s+(?=[A-Z\"“‘']|$)|\n")
# A word whose dot is not a sentence's end: "Sen.", "Gen.", "D-Mich.", "U.S.".
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|[\w.]*[-.][\w]*|\b[A-Z]{1,3})\.$")


def _sentence_breaks(text: str) -> list[int]:
    return [
        m.start() for m in _SENTENCE_BREAK.finditer(text)
        if not _ABBREVIATION.search(text, max(0, m.start() - 12), m.start() + 1)
    ]
# ", who travelled to Kyiv ...," / ", whose son serves ...": about what the person does.
# The words right before a name that can be its title: back to a mark or a comma.
# A public office: its holder speaks for the country the article places them in.
_OFFICE = re.compile(
    r"\b(?:minister|ministry|spokes\w*|ambassador|governor|mayor|envoy|official|diplomat"
    r"|premier|president|chancellor|secretary|adviser|aide|negotiator)\b",
    re.IGNORECASE,
)
_REGION = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:region|oblast|Oblast|province)\b"
                     r"|\bregion\s+of\s+([A-Z][\w'’-]+)")
_PLACE_SCENE = re.compile(r"(?:In|From|Back in)\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)\s*,")
# The last word before a name that starts its clause: what stands before it is not a title.
_CLAUSE_WORD = re.compile(
    r"\b(?:as|after|while|when|because|since|before|until|if|that|than|says|said|warns"
    r"|warned|told|tells)\s+"
)


def _after_last_clause_word(text: str) -> int:
    """Where `.*` followed by _CLAUSE_WORD ends in `text` (0 if nowhere): the end of its last
    match. Searching `.*\\b(?:as|...)\\s+` itself tries `.*` from every start when nothing
    matches, quadratic in the text; the matches cannot overlap (each starts a word and ends
    with the spaces after it), so the last one found left to right is the one `.*` reaches."""
    end = 0
    for end_match in _CLAUSE_WORD.finditer(text):
        end = end_match.end()
    return end
_TITLE_BEFORE = re.compile(r"[^,;:\"“”‘’«»()—]*$")  # not across a dateline's dash
# A person who studies the talks rather than takes part ("a senior research fellow at the
# Finnish Institute", "a Russia specialist") speaks for no party, like a reporter.
_OBSERVER = re.compile(
    r"\b(?:analysts?|fellow|specialist|scholar|researcher|professor|academic|historian"
    r"|expert|economists?|think[- ]tank|institute|institut|university|school of"
    r"|research (?:center|centre|institute)|portfolio manager"
    # "a former State Department official who now works at the Atlantic Council"
    r"|former\b[^,;]*\bnow\s+(?:at|with|works|teaches|studies|writes|advises))\b",
    re.IGNORECASE,
)
# A naming right after a preposition ("... in Kyiv with | Finnish Foreign Minister X"): the
# words before the preposition are about something else.
_ENDS_WITH_PREPOSITION = re.compile(
    r"(?:(\S+)\s+)?\b(?:with|in|at|to|from|by|on|for|alongside|beside)\s*$")
# What describes a name right after it: a bracketed tag, an apposition up to its comma.
_APPOSITION_AFTER = re.compile(r"(?:\s*\([^()\n]{1,40}\))?(?:\s*,[^,\n]*)?")
# ... up to so many characters: "Oleksandr Merezhko, the chair of the parliament's foreign
# affairs committee and a member of Zelensky's Servant of the People party" (a party at 110)
_APPOSITION_REACH = 160
# "its foreign minister, Péter Szijjártó": the country named just before holds the office
_ITS_TITLE = re.compile(r"\bits\s+(?:\w+\s+){0,2}(?:minister|president|premier|leader|chancellor"
                        r"|ambassador|envoy|spokes(?:man|woman|person)|secretary)\b", re.IGNORECASE)
_ITS_REACH = 250
_OPENS_CLAUSE = re.compile(r"(?:[.!?]\s+|[\"“«‘]\s*)$")
_RELATIVE_CLAUSE = re.compile(r"(?:,\s*|\s)(?:who|whose|whom|which|where)\b[^,]*")
# ... except one that says which body the person heads or sits on ("who chairs the Ukrainian
# parliament's foreign affairs committee"): the body, up to a preposition that leads away
# from it ("a study group on Russian energy"), is the person's own.
_OWN_ROLE_CLAUSE = re.compile(
    r"(?:,\s*|\s)who\s+(?:(?:now|currently|also|still)\s+)?"
    r"(?:co-?chairs|chairs|heads|leads|runs|directs|commands|oversees|represents"
    r"|(?:serves|sits)\s+(?:on|in|as))\s+([^,;]*)"
)
_US_NAMES = ("United States", "U.S.", "US")  # how a codebook names that party
_LEADS_AWAY = re.compile(
    r"\s(?:in|at|with|to|for|from|between|against|on|about|over|after|before|during|since"
    r"|while|who|which|that|and|but|or)\s"
)


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


def _alternation(terms) -> str:
    uniq = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    return "|".join(_term_regex(t) for t in uniq) or r"(?!x)x"


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
    # the matter")


class Mention(NamedTuple):
    """A possible speaker reference in the text (a tuple: an article makes dozens)."""

    start: int
    end: int
    kind: str  # actor | role | anon | pronoun | statement | place
    text: str
    actor: str | None = None
    party: str | None = None


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
            [*self.anon_words, *_STATEMENT_WORDS, "joint", "written", "official",
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
            rf"(?<![\w-])(?:{_alternation(adjectives + place_terms)})(?![\w-])"
        )

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


# (possessive: a connector is never a word character, so no match gives back what it took;
# the regex engine then skips remembering where it could backtrack, ~15% of a split)
_TOKEN = re.compile(r"\w++(?:[’'.\-]\w++)*+")
_HEADS_ALL = frozenset([*_ANON_HEADS, *_ANON_HEADS.values()])
_DET_WORDS = frozenset(
    "a an one another the two three four several some many other both".split()
)
_PRONOUN_WORDS = frozenset(("he", "she", "they", "it"))
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}  # only after "according to"
_STATEMENT_WORDS = frozenset(("statement", "communique", "communiqué", "declaration", "readout"))
_STATEMENT_DETS = frozenset(("the", "a", "an", "its", "their", "this"))
_VERB_WORDS = frozenset(
    """said says say saying told tells tell telling added adds adding stated states stating
    remarked remarks noted notes noting commented comments conveyed explained explains insisted
    insists insist argued argues warned warns warning declared declares announced announces wrote
    writes posted tweeted asserted asserts assert claimed claims claiming mentioned mentions
    stressed stresses stressing emphasized emphasised emphasizes emphasises concluded continued
    replied responded answered acknowledged admitted suggested suggests recalled observed
    predicted promised vowed pledged urged described characterized characterised called
    signaled signalled indicated indicates confirmed reiterated complained cautioned conceded
    joked quipped countered demanded asked asks comprised include includes included
    listed calling describing insisting arguing acknowledging dismissed dismissing branded
    labelled labeled termed hailed accused rejected affirmed affirms denounced denounces
    summarized summarised summed calls describe describes mocked derided ridiculed praised
    slammed lambasted decried writing thanked thanks""".split()
)
_VERB_PAIRS = {"according": "to", "put": "it", "puts": "it", "spoke": "of", "agreed": "that",
               "believe": "that", "believes": "that", "repeated": "that", "judged": "that",
               "reports": "that", "reported": "that"}


class Token:
    """A word of the article: offsets, folded key (case, apostrophes, dots) and raw text."""

    __slots__ = ("start", "end", "key", "raw")

    def __init__(self, start: int, end: int, key: str, raw: str) -> None:
        self.start, self.end, self.key, self.raw = start, end, key, raw


def fast_key(raw: str) -> str:
    if not raw.isascii():
        raw = unicodedata.normalize("NFKC", raw)
    return raw.casefold().replace("’", "'").replace(".", "")


_ACRONYM = re.compile(r"(?:\w\.)+\w")


def tokenize(text: str) -> list[Token]:
    out = []
    append = out.append
    n = len(text)
    low = text.lower()
    if len(low) != n:  # a few characters change length when lowered: fold word by word
        low = None
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        raw = m.group(0)
        if end < n and text[end] == "." and "." in raw and _ACRONYM.fullmatch(raw):
            end += 1  # "U.S." keeps its last dot
            raw += "."
        if low is None or not raw.isascii():
            key = fast_key(raw)
        else:
            key = low[start:end]
            if "." in key or "'" in key:
                key = key.replace(".", "")
        append(Token(start, end, key, raw))
    return out


def tokenize_keys(term: str) -> list[tuple[str, str]]:
    return [(t.key, t.raw) for t in tokenize(term)]


# Splitting on the words keeps them: text between, word, text between, ..., text after.
_AROUND_WORDS = re.compile("(" + _TOKEN.pattern + ")")


class Words:
    """The words of a text as `tokenize` finds them, as parallel lists (offsets, folded keys,
    raw text). Built with a few passes in C instead of one object per word: an article has
    a thousand words and most of them are only looked up once."""

    __slots__ = ("starts", "ends", "keys", "raws")

    def __init__(self, starts: list[int], ends: list[int], keys: list[str], raws: list[str]):
        self.starts, self.ends, self.keys, self.raws = starts, ends, keys, raws

    def __len__(self) -> int:
        return len(self.keys)

    def without(self, skip: list[tuple[int, int]]) -> Words:
        """The words that do not start inside any of `skip` ((start, end), sorted by start)."""
        if not skip:
            return self
        starts = self.starts
        segments, prev = [], 0
        for a, b in skip:
            i0, i1 = bisect_left(starts, a), bisect_left(starts, b)
            if i1 <= prev:
                continue
            if i0 > prev:
                segments.append((prev, i0))
            prev = max(prev, i1)
        segments.append((prev, len(starts)))
        out = Words([], [], [], [])
        for i0, i1 in segments:
            out.starts += starts[i0:i1]
            out.ends += self.ends[i0:i1]
            out.keys += self.keys[i0:i1]
            out.raws += self.raws[i0:i1]
        return out


def where(flags: Iterable) -> list[int]:
    """The indexes of the true flags, counted in C rather than by a Python loop over every
    word of an article."""
    return list(compress(count(), flags))


def words_of(text: str) -> Words:
    """The same words, offsets and keys as `tokenize(text)`."""
    pieces = _AROUND_WORDS.split(text)
    bounds = list(accumulate(map(len, pieces)))
    return _keyed(text, len(text), bounds[0:-1:2], bounds[1::2], pieces[1::2])


def words_outside(text: str, limit: int, skip: list[tuple[int, int]]) -> Words:
    """`words_of(text[:limit]).without(skip)` (`skip`: disjoint spans, sorted), without
    reading the words inside the spans: each stretch between them is split alone. The same
    words, since no word runs across a span's edge: the spans are quotations with their
    marks, and a mark never stands inside a word (an apostrophe inside one is no mark)."""
    starts: list[int] = []
    ends: list[int] = []
    raws: list[str] = []
    pos = 0
    for a, b in (*skip, (limit, limit)):
        a = min(a, limit)
        if a > pos:
            pieces = _AROUND_WORDS.split(text[pos:a])
            bounds = list(accumulate(map(len, pieces), initial=pos))
            starts += bounds[1:-1:2]
            ends += bounds[2::2]
            raws += pieces[1::2]
        pos = max(pos, b)
        if pos >= limit:
            break
    return _keyed(text, limit, starts, ends, raws)


def _keyed(text: str, n: int, starts: list[int], ends: list[int], raws: list[str]) -> Words:
    """The words with their keys; "U.S." keeps its last dot (a dot before `n`)."""
    joined = "\x00".join(raws)  # no word holds a NUL
    if not raws:
        keys = []
    elif joined.isascii():
        keys = joined.lower().replace(".", "").split("\x00")
    else:  # ASCII words fold alone; the others (a few) word by word
        keys = joined.lower().replace(".", "").split("\x00")
        for i in where(map(not_, map(str.isascii, raws))):
            keys[i] = fast_key(raws[i])
    if "." in joined:  # "U.S." keeps its last dot
        for i in _dotted_words(joined):
            end = ends[i]
            if end < n and text[end] == "." and _ACRONYM.fullmatch(raws[i]):
                ends[i] = end + 1
                raws[i] += "."
    return Words(starts, ends, keys, raws)


def _dotted_words(joined: str) -> list[int]:
    """The indexes of the words holding a dot, from the words joined by NULs: found by the
    dots (an article has a few) rather than by looking into each of its thousand words."""
    out: list[int] = []
    i, counted = 0, 0  # words before `counted`
    at = joined.find(".")
    while at != -1:
        i += joined.count("\x00", counted, at)
        counted = at
        out.append(i)
        nul = joined.find("\x00", at)  # on after this word
        at = joined.find(".", nul) if nul != -1 else -1
    return out


class Verb:
    """A speech verb found in the article (the same interface as a regex match)."""

    __slots__ = ("_start", "_end")

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_VERB_STARTS = _VERB_WORDS | frozenset(_VERB_PAIRS)


# Speech verbs that are also plural nouns: after a determiner ("the Gulf states", "his
# remarks") they name things, nobody speaking.
_NOUN_VERBS = frozenset(  # "its say", "phone calls"
    "states remarks notes comments claims mentions say calls".split())
_GOES_ON = frozenset(("continued", "continues", "continue"))
_NOUN_DETS = frozenset(
    "the a an its their his her our these those of some many several two three four".split()
)


def scan_verbs(words: Words, text: str = "", limit: int = 0,
               skip: list[tuple[int, int]] | None = None) -> list[Verb]:
    """The speech verbs among the words. With `skip`: the words are `words_outside(text,
    limit, skip)`, and the verbs are those of all the words of text[:limit] that start
    outside the spans: a word next to a verb that a span hides is read from the text."""
    keys, raws, starts, ends = words.keys, words.raws, words.starts, words.ends
    out = []
    n = len(keys)
    skip_starts = [a for a, _ in skip] if skip else []
    for i in where(map(_VERB_STARTS.__contains__, keys)):
        k = keys[i]
        if not (raws[i][:1].islower() or k in ("said", "according")):
            continue  # "the United States" is not a speech verb
        if k in _NOUN_VERBS:
            if _hidden(skip_starts, starts[i - 2] if i > 1 else 0, starts[i]):
                before_keys, before_raws = _words_before(text, starts[i])
            else:
                before_keys, before_raws = keys[max(0, i - 2) : i], raws[max(0, i - 2) : i]
            if before_keys and (
                before_keys[-1] in _NOUN_DETS
                or len(before_keys) > 1 and before_raws[-1][:1].isupper()
                and before_keys[-2] in _NOUN_DETS
            ):
                continue
        if k in _VERB_WORDS:
            if k in _GOES_ON and i + 1 < n and keys[i + 1] == "to":
                continue  # "the convention continued to be applied": no speech
            out.append(Verb(starts[i], ends[i]))
        elif _hidden(skip_starts, ends[i], starts[i + 1] if i + 1 < n else limit):
            after = _word_after(text, ends[i], limit)
            if after is not None and after[0] == _VERB_PAIRS[k]:
                out.append(Verb(starts[i], after[1]))
        elif i + 1 < n and keys[i + 1] == _VERB_PAIRS[k]:
            out.append(Verb(starts[i], ends[i + 1]))
    return out


def _hidden(span_starts: list[int], lo: int, hi: int) -> bool:
    """Whether a skipped span starts in [lo, hi): words there may be missing."""
    j = bisect_left(span_starts, lo)
    return j < len(span_starts) and span_starts[j] < hi


def _words_before(text: str, pos: int, most: int = 2) -> tuple[list[str], list[str]]:
    """The keys and raw text of the last `most` words of text[:pos] (`pos` starts a word).
    Splitting a window gives the same words but maybe the first: it may start inside one."""
    lo = max(0, pos - 60)
    while True:
        words = words_of(text[lo:pos])
        if len(words) > most or lo == 0:
            return words.keys[-most:], words.raws[-most:]
        lo = max(0, lo - 120)


def _word_after(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """The key and end of the first word of text[pos:limit] (`pos` ends a word), as
    words_of(text[:limit]) has it."""
    m = _TOKEN.search(text, pos, limit)
    if m is None:
        return None
    raw, end = m.group(), m.end()
    key = raw.lower().replace(".", "") if raw.isascii() else fast_key(raw)
    if end < limit and text[end] == "." and "." in raw and _ACRONYM.fullmatch(raw):
        end += 1
    return key, end


def _adjacent(text: str, end: int, start: int) -> bool:
    """Consecutive words of one phrase: only spaces (or a hyphen) between, no line break."""
    gap = text[end:start]
    return gap in (" ", "-") or (len(gap) <= 3 and not gap.strip(" \t\u00a0-"))


def _term_at(text, words: Words, i, entries, kinds) -> tuple[int, str] | None:
    """The longest codebook term of the given kinds starting at word i: (end index, kind)."""
    wkeys, raws, starts, ends = words.keys, words.raws, words.starts, words.ends
    total = len(wkeys)
    for keys, kind, caps in entries:
        if kind not in kinds:
            continue
        n = len(keys)
        if i + n > total:
            continue
        ok = True
        for j in range(n):
            at = i + j
            if wkeys[at] != keys[j] or (caps[j] and not raws[at][:1].isupper()):
                ok = False
                break
            if j and not _adjacent(text, ends[at - 1], starts[at]):
                ok = False
                break
        if ok:
            return i + n, kind
    return None


def _anon_at(matcher: Matcher, text: str, words: Words, i: int) -> int | None:
    """End word index of an anonymous source ("a second U.S. official") starting at i."""
    keys, raws, starts, ends = words.keys, words.raws, words.starts, words.ends
    n = len(keys)
    j = i
    k = keys[j]
    if k == "one" and j + 2 < n and keys[j + 1] == "of" and keys[j + 2] == "the":
        j += 3
    elif k in _DET_WORDS:
        j += 1
    if j >= n or keys[j] not in matcher.anon_words:
        return None  # "the talks": the first step below would stop here
    for _ in range(6):
        if j >= n or (j > i and not _adjacent(text, ends[j - 1], starts[j])):
            return None
        key = keys[j]
        if (
            key in ("person", "people", "source", "sources")
            and j + 2 < n
            and keys[j + 1] in ("familiar", "close")
            and keys[j + 2] in ("with", "to")
        ):  # "a source close to the presidential administration"
            return _familiar_end(text, words, j + 3)
        if (
            key in ("person", "people", "source", "sources")
            and j + 3 < n
            and keys[j + 1] == "with"
            and "knowledge" in keys[j + 2 : j + 4]
        ):  # "a person with direct knowledge of the planning"
            return _familiar_end(text, words, j + 2)
        if key in _HEADS_ALL:
            if (
                j + 1 < n
                and _adjacent(text, ends[j], starts[j + 1])
                and raws[j + 1][:1].isupper()
                and keys[j + 1] not in _NOT_NAMES
            ):
                return None  # "Prime Minister Bart Smet": a title, not a source
            if j + 1 < n and keys[j + 1] in _HEAD_COMPOUNDS:
                return None
            return j + 1
        step = None
        for mod_keys, cased in matcher.mods.get(key, ()):
            if (not cased or raws[j][:1].isupper()) and tuple(
                keys[j : j + len(mod_keys)]
            ) == mod_keys:
                step = len(mod_keys)
                break
        if step is None:
            return None
        j += step
    return None


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
    if j + 1 >= n or not _adjacent(text, ends[j - 1], starts[j]):
        return end
    if keys[j] == "for" and keys[end - 1] in _SPOKES:
        return _organisation_end(matcher, text, words, j + 1) or end
    if keys[j] == "at" and keys[end - 1] in _FIRM_HEADS:
        return _organisation_end(matcher, text, words, j + 1) or end
    if keys[j] == "to" and keys[end - 1] in _TO_HEADS:  # "an adviser to Mr. Zelensky"
        return _person_end(text, words, j + 1) or _title_end(words, j + 1) or end
    member = keys[j] in _MEMBER_PREPOSITIONS
    if keys[j] != "from" and not member:
        return end
    j += 1
    if keys[j] in ("a", "an", "the") and j + 1 < n:
        j += 1
    elif member:
        return end
    party = False
    qualified = False  # "in the presidential office": a body the codebook may place
    for _ in range(4):
        if j >= n or not _adjacent(text, ends[j - 1], starts[j]):
            break
        step = None
        for mod_keys, cased in matcher.mods.get(keys[j], ()):
            if (not cased or raws[j][:1].isupper()) and tuple(
                keys[j : j + len(mod_keys)]
            ) == mod_keys:
                step = len(mod_keys)
                break
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
    return j


def _body_party(matcher: Matcher, keys: list[str], at: int, body: int) -> str | None:
    """The party of a body named without a party word ("in the presidential office"): the
    one party whose codebook roles name that body ("head of the presidential office")."""
    phrase = " ".join(keys[at + 1 : body + 1])  # "the presidential office"
    return matcher.body_party(phrase)


def scan_mentions(text: str, matcher: Matcher, skip: list[tuple[int, int]],
                  words: Words | None = None) -> list[Mention]:
    """Every possible speaker reference outside the spans in `skip` (the quotations)."""
    if words is None:
        words = words_of(text)
    words = words.without(skip)
    keys, raws = words.keys, words.raws
    out: list[Mention] = []
    n = len(keys)
    starters, hot = matcher.starters, matcher.hot
    role_heads, other_heads, terms_at = matcher.role_heads, matcher.other_heads, matcher.terms_at
    quiet, follow = matcher.quiet_dets, matcher.det_follow
    lone_mods, anon_words = matcher.lone_mods, matcher.anon_words
    done = 0  # words before this are part of a mention found already
    for i in where(map(hot.__contains__, keys)):  # any other word starts nothing
        if i < done:
            continue
        key = keys[i]
        if key in quiet and (i + 1 == n or keys[i + 1] not in follow):
            continue  # "the talks": nothing below can start here
        hit = None
        if key in role_heads:
            hit = _term_at(text, words, i, terms_at(keys, i, True), ("role",))
        if hit and i + 1 < n and keys[i + 1] in role_heads:
            # "the president of Finland": a longer role one word on
            alt = _term_at(text, words, i + 1, terms_at(keys, i + 1, True), ("role",))
            if alt and alt[0] > hit[0]:
                i, hit = i + 1, alt
        if hit is None and key in starters and not (
            key in lone_mods and (i + 1 == n or keys[i + 1] not in anon_words)
        ):  # (a lone modifier with nothing a source goes on with after it starts none)
            end = _anon_at(matcher, text, words, i)
            if end is not None:
                hit = (_anon_origin(matcher, text, words, end), "anon")
        if hit is None and key in other_heads:
            hit = _term_at(text, words, i, terms_at(keys, i, False), ("actor", "place"))
            if hit and hit[1] == "place" and key in _DET_WORDS and i + 1 < n and (
                keys[i + 1] in role_heads
            ):  # "the US president": the role "US President", not the place "the US"
                alt = _term_at(text, words, i + 1, terms_at(keys, i + 1, True), ("role",))
                if alt and alt[0] > hit[0]:
                    i, hit = i + 1, alt
        if hit is None and key in _STATEMENT_DETS and i + 1 < n:
            j = i + 1
            if keys[j] in ("joint", "written", "official") and j + 1 < n:
                j += 1
            if keys[j] in _STATEMENT_WORDS:
                hit = (j + 1, "statement")
        if hit is None and key == "one" and i + 2 < n and keys[i + 1] == "of" and keys[
            i + 2
        ] in ("them", "those"):
            hit = (i + 3, "pronoun")  # "one of them said": one of the sources named before
        if hit is None and key in _PRONOUN_WORDS and (
            raws[i].islower() or raws[i][1:].islower()
        ):
            hit = (i + 1, "pronoun")
        if hit is None and key in _OBJECT_PRONOUNS and i >= 2 and (
            keys[i - 2] == "according" and keys[i - 1] == "to"
        ):
            hit = (i + 1, "pronoun")  # "According to him, ...": the person just named
        if hit is None:
            continue
        end_i, kind = hit
        start, end = words.starts[i], words.ends[end_i - 1]
        out.append(Mention(start, end, kind, text[start:end]))
        done = end_i
    return _merge_titles(text, matcher, out)


def _merge_titles(text: str, matcher: Matcher, mentions: list[Mention]) -> list[Mention]:
    """'German Chancellor' + 'Friedrich Merz' → one mention; the name decides who it is."""
    out: list[Mention] = []
    for m in mentions:
        if (
            out
            and out[-1].kind in ("role", "anon")
            and m.kind == "actor"
            and _SPACES_COMMAS.fullmatch(text[out[-1].end : m.start])
        ):
            prev = out.pop()
            m = Mention(prev.start, m.end, "actor", m.text)
        out.append(m)
    return out


def is_possessive(text: str, end: int) -> bool:
    """_POSSESSIVE_AFTER at `end`, which needs an apostrophe there first."""
    return text[end : end + 1] in _APOSTROPHES and bool(_POSSESSIVE_AFTER.match(text, end))


_APOSTROPHES = ("'", "’")


def after_preposition(text: str, start: int) -> bool:
    """Whether the word before `start` (past a courtesy title) is a preposition. (Only the
    last two words of the window matter: rsplit splits off no more.)"""
    before = text[max(0, start - 20) : start].rsplit(None, 2)
    if len(before) > 1 and before[-1].casefold() in _COURTESY:  # "adviser to Mr. Zelensky"
        before.pop()
    return bool(before) and before[-1].casefold() in _PREPOSITIONS


_COURTESY = frozenset("mr mr. mrs mrs. ms ms. dr dr.".split())


def short_gap(text: str, start: int, end: int, max_words: int = 5) -> bool:
    """Whether only a few words (after dropping ', who …,' asides) separate subject and verb."""
    gap = text[start:end]
    if "," in gap:  # (an aside needs two commas)
        gap = _COMMA_SEGMENT.sub(" ", gap)
        if gap.strip() == ",":  # the end of an apposition: "Maria Zakharova, said"
            return True
        if "," in gap:
            return False
    if ";" in gap or "“" in gap or "”" in gap or '"' in gap:
        return False
    # words are separated by a character at least: a short gap holds few whatever it holds
    return len(gap) <= 2 * max_words or len(_WORD.findall(gap)) <= max_words


def name_before(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The capitalised words standing right before `end` (the verb) and where they start."""
    alone = _GIVEN_NAME_ONLY.search(text, max(start, end - 80), end)
    if alone:  # "a sergeant who asked to be identified only by his first name, Taras, said"
        return alone.group(1), alone.start(1)
    found = _name_before(text, start, end)
    if found is None and text[max(start, end - 3) : end].rstrip().endswith(","):
        # "Fedir Venislavsky (Servant of the People faction), a member of the Committee on
        # National Security, Defense and Intelligence, said": an apposition with commas
        long = _LONG_APPOSITION.search(text, max(start, end - 240), end)
        if long:
            return long.group(1), long.start(1)
    return found


# (a party tag in brackets or a US lawmaker's "R-S.C." may come first)
_APPOSITION_GAP = (
    r"(?:\s*\([^()]{1,60}\))?(?:,\s*" + _US_STATE_TAG.pattern + r")?"
    r",\s+(?:a|an|the|who)\s[^\"“”«»]{0,180},\s*"
)
_LONG_APPOSITION = re.compile(
    r"(?<![\w’'.-])([A-ZÀ-Þ][\w’'.-]+(?:\s+[A-ZÀ-Þ][\w’'.-]+)+)" + _APPOSITION_GAP + "$"
)
_APPOSITION_GAP_RE = re.compile(_APPOSITION_GAP)
# A person the article names by one name only, as they asked: the name is all there is.
_GIVEN_NAME_ONLY = re.compile(
    r"(?:by\s+(?:his|her|their)\s+first\s+name|identified\s+only\s+as|gave\s+only\s+"
    r"(?:his|her|their)\s+first\s+name)[,\s]+([A-ZÀ-Þ][\w’'-]+),?\s*$"
)


def apposition_between(text: str, name_end: int, verb: int) -> bool:
    """Whether only an apposition, commas and all, stands between a name and its verb
    ("..., a member of the Committee on National Security, Defense and Intelligence, said")."""
    return _APPOSITION_GAP_RE.fullmatch(text, name_end, verb) is not None


def _name_before(text: str, start: int, end: int) -> tuple[str, int] | None:
    lo = max(start, end - 120)
    window = _without_trailing_adverbs(text[lo:end])
    if window.rstrip().endswith(","):
        aside = _TRAILING_APPOSITION.search(window)
        inner = aside.group().strip(" ,") if aside else ""
        named = aside and (_BARE_NAME.fullmatch(inner) or _NAME_OF_BODY.fullmatch(inner))
        if named:  # "A spokesperson for the Commission, Paula Pinho, said": the name (also
            # "One of those MPs, Inna Sovsun of the opposition party Holos, told her")
            name = named.group(1) if named.re is _NAME_OF_BODY else named.group()
            return name, lo + aside.start() + aside.group().find(name)
        window = _TRAILING_APPOSITION.sub("", window)  # "Bart Smet, Belgium's premier, said"
    window = _without_age_or_tag(window.rstrip(" ,"))
    m = _NAME_AT_END.search(window) if _may_end_with_name(window) else None
    if not m:
        return None
    of = _OF_ORGANISATION.search(window, 0, m.start(1))
    if of and of.group(1).split()[-1].casefold() not in _TITLE_WORDS:
        # "Analyst Tatiana Stanovaya of R.Politik wrote": the person, not the organisation
        return of.group(1), lo + of.start(1)
    if after_preposition(window, m.start(1)):
        # "a soldier from Kramatorsk said": a place, not who speaks; but "Chairman of the
        # Committee on Defence Affairs Andrei Kartapolov said": the name after the title words
        at = _name_after_title(m.group(1))
        if at is None:
            return None
        return m.group(1)[at:], lo + m.start(1) + at
    return m.group(1), lo + m.start(1)


def _name_after_title(run: str) -> int | None:
    """Where the two or three capitalised words after the last title word of a run start
    ("Defence Affairs Andrei Kartapolov" → at "Andrei"), if they can be a person's name; in a
    run of three words with no title word, the first is the title's place ("Ambassador to
    Japan Nikolai Nozdrev")."""
    tokens = list(_NON_SPACE.finditer(run))
    last = max(
        (i for i, t in enumerate(tokens) if t.group().casefold().rstrip(".") in _TITLE_WORDS),
        default=-1,
    )
    if last < 0 and len(tokens) == 3:
        last = 0
    name = [t.group() for t in tokens[last + 1 :]]
    if last < 0 or not 2 <= len(name) <= 3 or any(
        not t[:1].isupper() or t.casefold() in _NOT_PERSON for t in name
    ):
        return None
    return tokens[last + 1].start()


_NON_SPACE = re.compile(r"\S+")


# The last word of an unnamed person's description ("Zelenskyy's chief of staff").
_PERSON_ENDS = frozenset(
    [*_ANON_HEADS, *_ANON_HEADS.values(), "chief", "head", "secretary", "staff", "director",
     "deputy", "chairman", "chairwoman", "president", "premier", "counterpart", "counterparts",
     "successor", "predecessor", "lawyer", "lawyers", "son", "daughter", "wife", "husband"]
)
# "Poland's defence ministry said": an institution described through its party.
_INSTITUTION_ENDS = frozenset(
    ["ministry", "office", "government", "embassy", "military", "army", "parliament",
     "presidency", "delegation", "mission", "cabinet", "command", "council"]
)
# ... or named in capitals: "Ukraine's General Staff said".
_NAMED_INSTITUTION_ENDS = _INSTITUTION_ENDS | frozenset(
    ["staff", "forces", "service", "agency", "committee", "headquarters", "guard"]
)
_PERSON_OR_INSTITUTION_ENDS = _PERSON_ENDS | _INSTITUTION_ENDS
_POSSESSIVE_ROLE = re.compile(
    r"(?<![\w.'’-])((?:[A-ZÀ-Þ][\w-]*\s+){0,3}[A-ZÀ-Þ][\w-]*)['’]s\s+"
    r"((?:[a-z][\w-]*\s+){0,4}([a-z][\w-]*)|(?:[A-Z][\w-]*\s+){0,3}([A-Z][\w-]*))$"
)


def possessive_description(matcher: Matcher, text: str, lo: int, end: int):
    """An unnamed person or institution described through a known actor or party, right
    before `end` (the verb): "Zelenskyy's chief of staff said" → ("Zelenskyy's chief of
    staff", start, party, plural, kind); "Poland's defence ministry said" is an institution."""
    lo = max(lo, end - 90)
    window = text[lo:end]
    if "'s " not in window and "’s " not in window:
        return None
    window = _without_trailing_adverbs(window)
    m = _POSSESSIVE_ROLE.search(window)
    if not m:
        return None
    if m.group(4):  # capitalised: an institution's name, or a person's ("Russia's Putin")
        if m.group(4).casefold() not in _NAMED_INSTITUTION_ENDS:
            return None
        head, kind = m.group(4).casefold(), "institution"
    elif m.group(3) in _PERSON_OR_INSTITUTION_ENDS:
        head = m.group(3)
        kind = "institution" if head in _INSTITUTION_ENDS else "person"
    else:
        return None
    owner = m.group(1).split()
    for i in range(len(owner)):  # "Russian President Vladimir Putin's": the name at the end
        name = " ".join(owner[i:])
        key = norm_key(name)
        aid = matcher.name_to_actor.get(key)
        party = matcher.actors[aid].party if aid else matcher.word_party.get(key)
        if aid or party:
            at = m.start() + m.group(0).find(name)
            return window[at:].strip(), lo + at, party, head in _PLURAL_HEADS, kind
    return None


def name_after(text: str, start: int, end: int) -> tuple[str, int] | None:
    m = _NAME_AT_START.match(text, start, end)
    return (m.group(1), m.start(1)) if m else None


def _inside_quotation(text: str, lo: int, at: int) -> bool:
    """Whether `at` stands inside a quotation opened after `lo` (its marks do not balance)."""
    seg = text[lo:at]
    return (seg.count("“") > seg.count("”") or seg.count("«") > seg.count("»")
            or seg.count('"') % 2 == 1)


def name_after_title(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The name after a title word or two at `start` (what follows a place in "Odesa
    governor Oleh Kiper", "Kyiv Mayor Vitali Klitschko") and where it starts."""
    m = _TITLE_THEN_NAME.match(text, start, end)
    return (m.group(2), m.start(2)) if m and m.group(1).casefold() in _TITLE_WORDS else None


_TITLE_THEN_NAME = re.compile(
    r"\s+(?:[a-z]+\s+)?([A-Za-z]+)\s+([A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+)+)"
)


# A short phrase that sets the scene before a sentence's subject: "On a grey afternoon last
# Thursday, ", "Back in Warren, ", "In Kyiv, ".
_SCENE_SETTER = re.compile(
    r"(?:(?:back|later|earlier|meanwhile|elsewhere|there|here)\s+)?"
    r"(?:on|in|at|by|after|before|during|over|across|inside|outside|near|from|until|within)\b"
    r"[^,;:.!?\"“”‘’]{0,60},\s+"
    r"|(?:back|later|earlier|meanwhile|elsewhere)\s*,\s+",
    re.IGNORECASE,
)


# A title the sentence opens with, then the person's name as an apposition: "The Dutch
# foreign minister, ...", "Estonia's defence minister, ...".
_TITLE_APPOSED = re.compile(
    r"(?:[Tt]he\s+|[A-ZÀ-Þ][\w-]*['’]s\s+)(?:[A-Z][\w-]*\s+)?[a-z][^,;:.!?\"“”]{0,80},\s+"
)
_SCENE_OPENERS = _PREPOSITIONS | {"back"}  # words that open a scene, not a subject
_OF_TITLED = re.compile(
    r"\s*(?:[A-Z][\w-]*\s+){0,3}(?:Minister|Spokesperson|Spokesman|Spokeswoman|Head|Chairman"
    r"|Chairwoman|Chair|Director|Secretary|Ambassador|Commissioner|Governor|Mayor|Speaker"
    r"|Representative|Adviser|Advisor|Envoy|Member)\s+(?:of|for)\s+"
    r"(?:(?:[A-Z][\w'’.-]*|of|for|the|and)\s+)*?"
    r"([A-ZÀ-Þ][\w'’-]+\s+[A-ZÀ-Þ][\w'’-]+)\s+(?=(?!(?:of|for|the|and)\b)[a-z])"
)
_VIEW_OF = re.compile(r"(?:For|According to)\s+([A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+)+)$")


def titled_name_at(text: str, lo: int, at: int) -> bool:
    """Whether the sentence from `lo` opens with a title and its complements and the name at
    `at` ("Minister of Foreign Affairs of Ukraine | Andrii Sybiha held ...")."""
    if text.find("of", lo, at) == -1 and text.find("for", lo, at) == -1:
        return False  # (the title's complement, "of" or "for", stands before the name)
    titled = _OF_TITLED.match(text, lo, at + 80)
    return titled is not None and titled.start(1) == at


def apposition_ends_at(text: str, at: int) -> bool:
    """Whether a name ending at `at` can close an apposition ("..., John Coale." or ", Kristen
    Michal, said"): punctuation or the text's end follows, not the clause going on."""
    return text[at : at + 1] in ("", ",", ".", ";", ":", ")")


def after_scene(text: str, lo: int, at: int) -> bool:
    """Whether text[lo:at] is a scene-setting phrase and nothing else ("On a snowy road
    outside the city, "): what stands at `at` is the sentence's subject."""
    if not (at > lo and text[at - 1].isspace() and text[lo:at].rstrip().endswith(",")):
        return False  # (each way of the regex ends in a comma and spaces)
    scene = _SCENE_SETTER.match(text, lo, at)
    return scene is not None and scene.end() == at


def subject_name(text: str, lo: int, hi: int, full_names: dict | None = None
                 ) -> tuple[str, int] | None:
    """The capitalised words a sentence opens with, after a short scene-setting phrase if
    any ("On a grey afternoon last Thursday, Oleksiy Hrytsenko, an MP, sat ..."): who the
    sentence is about. A single word only when the article named that person in full
    before ("Oyelaran believes ..."). Where it stands is returned too."""
    found = subject_words(text, lo, hi)
    if found is None or not named_enough(text, found, full_names):
        return None
    return found


def subject_words(text: str, lo: int, hi: int) -> tuple[str, int] | None:
    """subject_name's capitalised words and where they stand, before the test that a single
    word is a surname named in full earlier (`named_enough`)."""
    first = text[lo:lo + 1]
    if not (first.isalpha() or first.isspace()):
        return None  # every way in below opens with a letter (after spaces): '"We ...'
    found = name_after(text, lo, hi)
    if found is not None and len(found[0].split()) <= 3:
        found = _name_after_lower_title(text, found[1] + len(found[0]), hi) or found
    if found is not None and text.startswith((" of ", " for "), found[1] + len(found[0])):
        # "Minister of Foreign Affairs of Ukraine Andrii Sybiha held ...": a title and its
        # complements, then the name
        titled = _OF_TITLED.match(text, lo, hi)
        if titled:
            return titled.group(1), titled.start(1)
    if found is not None and found[0].startswith(("For", "According")) and (
        view := _VIEW_OF.match(found[0])
    ) and (
        text[found[1] + len(found[0]) : found[1] + len(found[0]) + 1] == ","
    ):  # "For Pierre Haroche, a researcher ..., the meeting marks ...": whose view it is
        return view[1], found[1] + view.start(1)
    if found is not None and found[0].split()[0].casefold() in _SCENE_OPENERS:
        found = None
    if found is not None and (found[0] == "The" or found[0].startswith("The ")):
        found = None  # "The head of ...", "The Dutch foreign minister, ...": no name yet
    if found is not None and found[0].endswith(("'s", "’s")):
        found = None  # "Estonia's defence minister, ...": whose title, not who
    if found is None:
        if text.find(",", lo, hi) == -1:
            return None  # both ways on below end with a comma (a scene, an apposition)
        scene = _SCENE_SETTER.match(text, lo, hi)
        start = scene.end() if scene else lo
        found = name_after(text, start, hi) if scene else None
        if found is None:  # "(In Moscow,) the head of the committee, Leonid Slutsky, was"
            titled = _TITLE_APPOSED.match(text, start, hi)
            found = name_after(text, titled.end(), hi) if titled else None
            if found is None or text[found[1] + len(found[0]) : hi][:1] != ",":
                return None
    return found


def named_enough(text: str, found: tuple[str, int], full_names: dict | None = None) -> bool:
    """Whether subject words name somebody: several words do; a single one only as the
    surname of a person the article named in full before it (`full_names`: the memo of
    _full_name_up_to, which answers the same whichever sentences asked before)."""
    words, at = found
    if len(words.split()) == 1:
        if not words[:1].isupper():
            return False
        # a naming through `at` can only pass a word that stands after a space
        limit = at if text[at - 1 : at].isspace() else len(text)
        full = _full_name_up_to(text, words, limit, {} if full_names is None else full_names)
        if full is None or full.start() >= at:
            return False
    return True


_LOWER_TITLE = re.compile(r"\s+((?:[a-z][\w-]*\s+){1,3})(?=[A-ZÀ-Þ])")
_LOWER_TITLE_WORDS = _TITLE_WORDS | frozenset(_ANON_HEADS)


def _name_after_lower_title(text: str, at: int, hi: int) -> tuple[str, int] | None:
    """The name after a title in lower case that follows the sentence's first few words
    ("Ukrainian lawmaker Oleksiy Goncharenko", "Former Donetsk militia commander Alexander
    Khodakovsky"), if the title ends in a title word and the name has two words at least."""
    after = text[at + 1 : at + 2]  # (the regex's needs, tested first: a space, then a small
    # letter or more space)
    if not text[at : at + 1].isspace() or not ("a" <= after <= "z" or after.isspace()):
        return None
    title = _LOWER_TITLE.match(text, at, hi)
    words = title[1].split() if title else ()
    if not words or words[-1] not in _LOWER_TITLE_WORDS or any(
        w in _PREPOSITIONS or w in _DET_WORDS for w in words
    ):  # "Former Donetsk militia commander X"; not "Ambassador to the United States X"
        return None
    found = name_after(text, title.end(), hi)
    return found if found is not None and " " in found[0] else None


def _full_name_up_to(text: str, surname: str, limit: int, searches: dict) -> FullName | None:
    """first_full_name, when only a naming that starts before `limit` matters (`limit`: where
    the surname stands as a word of its own after a space): occurrences after it are not looked
    at. A naming that starts before `limit` runs through capitalised words and spaces to the
    first occurrence that has some, so through the surname at `limit`, which has some too.
    `searches` keeps, per surname, the match or how far the article was searched, so the next
    sentence goes on from there."""
    full, at = searches.get(surname) or (None, text.find(surname, 1))
    if full is None and at != -1 and at <= limit:
        full, at = _full_name_from(text, surname, at, limit)
    searches[surname] = full, at
    return full


_NAME_RUN_BREAKS = frozenset('.,;:!?()[]{}"“”«»')  # never inside capitalised words + spaces


def first_full_name(text: str, surname: str) -> FullName | None:
    """The first place `text` names someone in full with this surname ("Michal Novak"):
    the same match as searching the whole text with `_full_name_regex`, found from the
    surname's whole-word occurrences: the capitalised words right before the first one that
    has some give where the match starts, and the regex is run from there only."""
    return _full_name_from(text, surname, text.find(surname, 1), len(text))[0]


def _full_name_from(text: str, surname: str, at: int, limit: int) -> tuple[FullName | None, int]:
    """first_full_name's search from the occurrence at `at` over those up to `limit`: the
    answer, and the next occurrence to look at (-1 once the answer is final)."""
    end = len(surname)
    while at != -1 and at <= limit:
        after = at + end
        if text[at - 1].isspace() and not (after < len(text) and _WORD_CHAR.match(text, after)):
            lo = at - 1
            while lo > 0 and text[lo - 1] not in _NAME_RUN_BREAKS:
                lo -= 1
            m = _FIRST_NAMES.search(text, lo, at)
            if m:
                return _full_name_match(text, surname, m.start()), -1
        at = text.find(surname, at + 1)
    return None, at


_NAME_WORD = re.compile(r"[A-ZÀ-Þ][\w’'-]+\s+")
_NAME_PARTICLE = re.compile(r"(?:van|von|de|der|da|al|bin|le|la)\s+")


class FullName:
    """Where a text names somebody in full: the span and text a match of `_full_name_regex`
    would give (start, end, span, group)."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, n: int = 0) -> str:
        if n:
            raise IndexError("only the whole naming is kept")
        return self._text[self._start : self._end]


def _full_name_match(text: str, surname: str, at: int) -> FullName | None:
    """`_full_name_regex(surname).match(text, at)` without compiling a regex per surname:
    the capitalised words (each with its spaces) are taken as far as they go, then given
    back one by one, a particle tried before none, as the regex backtracks."""
    ends = []
    word = _NAME_WORD.match(text, at)
    while word:
        ends.append(word.end())
        word = _NAME_WORD.match(text, word.end())
    for end in reversed(ends):
        particle = _NAME_PARTICLE.match(text, end)
        for pos in ((particle.end(), end) if particle else (end,)):
            if text.startswith(surname, pos) and _word_boundary(text, pos + len(surname)):
                return FullName(text, at, pos + len(surname))
    return None


def _word_boundary(text: str, i: int) -> bool:
    """`\\b` at `i`."""
    before = i > 0 and _WORD_CHAR.match(text, i - 1) is not None
    return before != (_WORD_CHAR.match(text, i) is not None)


_WORD_CHAR = re.compile(r"\w")
_FIRST_NAMES = re.compile(r"(?:[A-ZÀ-Þ][\w’'-]+\s+)+(?:(?:van|von|de|der|da|al|bin|le|la)\s+)?$")


@functools.lru_cache(maxsize=1024)
def _full_name_regex(surname: str) -> re.Pattern[str]:
    """The regex `_full_name_match` answers as (the tests compare them)."""
    return re.compile(
        rf"((?:[A-ZÀ-Þ][\w’'-]+\s+)+(?:(?:van|von|de|der|da|al|bin|le|la)\s+)?)"
        rf"{re.escape(surname)}\b"
    )


@dataclass
class SpeakerMemory:
    """What the article has said so far: who 'he', 'the official', 'the statement' refer to."""

    matcher: Matcher
    text: str = ""
    last_person: Speaker | None = None
    last_speaker: Speaker | None = None
    last_statement: Speaker | None = None
    last_institution: Speaker | None = None
    anon_by_head: dict[str, Speaker] = field(default_factory=dict)
    last_anon: Speaker | None = None
    unknown_by_surname: dict[str, Speaker] = field(default_factory=dict)
    # the named persons heard before the last one, latest last: whom "she" means when the
    # last one is a man (and "he" when a woman)
    earlier_persons: list[Speaker] = field(default_factory=list)
    genders: dict[str, str | None] = field(default_factory=dict, repr=False)  # _gender's
    given_names: dict[str, str | None] = field(default_factory=dict, repr=False)
    # surname → where the article first names that person in full (the text never changes)
    full_names: dict[str, FullName | None] = field(default_factory=dict, repr=False)

    def _full_name(self, surname: str) -> FullName | None:
        if surname not in self.full_names:
            self.full_names[surname] = first_full_name(self.text, surname)
        return self.full_names[surname]

    def heard(self, sp: Speaker | None) -> None:
        """Record a resolved speaker or subject."""
        if sp is None:
            return
        self.last_speaker = sp
        if sp.kind == "person":
            last = self.last_person
            # (`is not` first: the same actor's Speaker is one object, compared at no cost)
            if last is not None and last is not sp and last != sp and last.kind == "person":
                self.earlier_persons = [*self.earlier_persons[-7:], last]
            self.last_person = sp
        elif sp.kind == "institution":
            self.last_institution = sp
        elif sp.kind == "anonymous":
            self.last_anon = sp
            if sp.head:
                self.anon_by_head[sp.head] = sp

    # -- resolution ----------------------------------------------------------------------------
    def resolve(self, text: str, m: Mention) -> Speaker | None:
        mt = self.matcher
        if m.kind == "actor":
            sp = self._actor_from_text(m.text)
            if sp and "statement" in m.text.casefold():
                self.last_statement = sp
            return sp
        if m.kind == "role":
            if _NOT_THE_HOLDER.search(text, max(0, m.start - 40), m.start):
                return None  # "the shadow defence secretary", "the former ... secretary"
            follow = _NAME_AT_START.match(text, m.end, m.end + 60)
            if follow and follow.group(1)[-2:] in ("'s", "’s"):
                return None  # "Russian President Vladimir Putin's aide": not the president
            if follow and text[m.end : m.end + 1] == " ":
                sp = self.named(follow.group(1), m.text)
                if sp is not None:
                    return sp
            aid = mt.role_to_actor.get(norm_key(m.text)) or mt.role_to_actor.get(
                norm_key(_LEADING_THE.sub("", m.text))
            )
            return mt.actor_speaker(aid) if aid else None
        if m.kind == "anon":
            words = m.text.casefold().split()
            if words[0] == "the" and self._describes_last_person(m.text.split()[1:]) and not (
                self._last_heard_is_anonymous(words[-1])
            ):
                return self.last_person  # "The Hungarian minister also questioned ..."
            lead = None
            if words[0] not in _DET_WORDS and words[-1] not in _PLURAL_HEADS:
                lead = _DEFINITE_LEAD.search(text, max(0, m.start - 40), m.start)
            if lead is None or _PREPOSITIONS.intersection(lead.group(1).split()):
                return self._anonymous(m.text, m.start)
            # "The prime minister, who ..., said": the description of the person just named
            words = (*lead.group(1).split(), *m.text.split())
            if self.last_person is not None and self._fits(self.last_person, words):
                return self.last_person
            sp = self._anonymous(m.text)
            if sp is not None and sp.kind == "anonymous" and not sp.mods:
                mods = tuple(lead.group(1).split())  # never a bare "minister"
                sp = replace(sp, name=_anon_name(mods, sp.head, False, sp.tail), mods=mods)
            return sp
        if m.kind == "pronoun":
            p = m.text.casefold()
            p = _OBJECT_PRONOUNS.get(p, p)
            if p in ("he", "she"):
                return self.person_for(p, m.start)
            if p == "it":
                return self.last_institution
            last = self.last_speaker
            if not (last and last.kind in ("anonymous", "group", "institution")):
                last = self.last_anon
            if last is not None and p.startswith("one "):  # "one of them": a single source
                return self._numbered(last, False)
            return last
        if m.kind == "statement":
            return self.last_statement
        if m.kind == "place":
            return mt.place_speaker(m.text)
        return None

    def _last_heard_is_anonymous(self, head: str) -> bool:
        """Whether the last one heard is an anonymous source of this head, described: "the
        official" after "A senior administration official acknowledged as much" is that
        official, not "a former State Department official" named paragraphs before."""
        last = self.last_speaker
        return (last is not None and last.kind == "anonymous" and last.head == head
                and bool(last.mods))  # a bare "minister" may be a title read alone

    def person_for(self, pronoun: str, at: int | None = None) -> Speaker | None:
        """The person "he" or "she" means: the last one named, unless that person's first
        name says the other gender and an earlier one's says this one ("Olena Kravets ...
        Serhiy Bondar said ... 'We will live,' she says": Kravets), or a name the text gives
        shortly before `at` without a verb of speech (", Olena Marchuk, 67, a retired
        teacher, was carrying soup ... 'We sleep in our coats,' she said")."""
        want = "f" if pronoun == "she" else "m"
        last = self.last_person
        if at is not None and self.text:
            named = self._named_in_paragraph(at, last, want)
            if named is not None:
                return named
        if last is None or last.kind != "person" or self._gender(last.name) in (None, want):
            return last
        for sp in reversed(self.earlier_persons):
            if self._gender(sp.name) == want:
                return sp
        if at is not None and self.text:
            lo = max(0, at - _PRONOUN_REACH)
            for found in reversed(list(_TWO_NAMES.finditer(self.text, lo, at))):
                if self._gender(found.group()) == want:
                    sp = self.named(found.group(), "")
                    if sp is not None and sp.kind == "person":
                        return sp
        return last

    def _named_in_paragraph(self, at: int, last: Speaker | None, want: str) -> Speaker | None:
        """The person the paragraph names before `at` when the one last heard is not in it:
        "The most honest summary came from Rustem Umerov, Ukraine's chief negotiator. '...,'
        he said" is Umerov, not a spokesperson two paragraphs up."""
        para = self.text.rfind("\n", 0, at) + 1
        if last is not None and (last.head or last.name.split()[-1]) in self.text[para:at]:
            return None
        for sp in self._persons_named_before(at, para, known_only=True):
            if sp != last and self._gender(sp.name) in (None, want):
                return sp
        return None

    def _known_person(self, name: str) -> bool:
        """Whether a full name is a codebook actor's or a person's the article named before."""
        if self.matcher.name_to_actor.get(norm_key(name)):
            return True
        known = self.unknown_by_surname.get(name.split()[-1])
        return known is not None and known.name.endswith(name)

    def person_named_before(self, at: int) -> Speaker | None:
        """The person the text names in full last before `at`, within a pronoun's reach,
        spoken or not ("When Olena Marchenko heard on Sunday ...")."""
        return next(self._persons_named_before(at), None)

    def _persons_named_before(self, at: int, lo: int = 0, known_only: bool = False):
        """The persons the text names in full before `at` (from `lo`, within a pronoun's
        reach), the nearest first; not one whose name is a possessive ("Trump's remarks").
        `known_only`: codebook actors and persons the article named before, not any two
        capitalised words ("Every Patriot missile", "the Red Cross")."""
        lo = max(lo, at - _PRONOUN_REACH)
        for found in reversed(list(_NAME_PAIRS.finditer(self.text, lo, at))):
            first = found.group(1).split()[0].casefold()
            if first in _NOT_NAMES or first in _SCENE_OPENERS or first in _TITLE_WORDS:
                continue
            if self.text.startswith(("'s", "’s"), found.end(1)):
                continue
            if known_only and (not self._known_person(found.group(1))
                               or _inside_quotation(self.text, lo, found.start(1))):
                continue
            sp = self.named(found.group(1), "")
            if sp is not None and sp.kind == "person":
                yield sp

    def _gender(self, name: str) -> str | None:
        """A person's gender as the first name says it, else as the article's courtesy
        title before the surname does ("Mr. Klitschko"); read once per name."""
        if name not in self.genders:
            gender = name_gender(name)
            if gender is None and self.text and " " in name:
                surname = re.escape(name.split()[-1])
                title = re.search(rf"\b(Mr|Mrs|Ms|Sir|Dame)\.?\s+{surname}\b", self.text)
                gender = name_gender(f"{title[1]} {name}") if title else None
            self.genders[name] = gender
        return self.genders[name]

    def _describes_last_person(self, words: list[str]) -> bool:
        """Whether every word of a definite description ("the Hungarian minister") fits
        the person last named ("Hungarian Foreign Minister Péter Szijjártó")."""
        sp = self.last_person
        words = [w for w in words if len(w) >= 3 or w.casefold() in _LEGISLATOR_WORDS]
        if sp is None or sp.kind != "person" or not words or (
            words[-1].casefold() in _PLURAL_HEADS
        ):
            return False
        return all(self._fits(sp, (w,)) for w in words)

    def _fits(self, sp: Speaker, words) -> bool:
        """Whether a description ("the prime minister", "the Michigan Democrat") fits what
        the article or the codebook says of this person: a word of it, or a word its
        abbreviation stands for ("D-Mich." → Michigan)."""
        mt = self.matcher
        actor = mt.actors.get(sp.actor) if sp.actor else None
        if actor is not None:
            said = " ".join((actor.name, *actor.aliases, *actor.roles))
        else:
            surname = sp.name.split()[-1]
            full = self._full_name(surname) if self.text else None
            said = sp.name + " " + (self._description(full) if full else "")
        known = {t for t in _DESCRIPTION_SPLIT.split(said.casefold()) if t}
        for w in words:
            w = w.casefold()
            if any(w in same and not same.isdisjoint(known) for same in _SAME_ROLE):
                return True
            if len(w) < 3 or w in _DET_WORDS:
                continue
            if w in known or any(len(t) >= 3 and w.startswith(t) for t in known):
                return True
            if w in mt.word_party and any(self._same_country(w, t) for t in known):
                return True  # "the Finnish minister": the Minister ... of Finland
        return False

    def _same_country(self, nationality: str, word: str) -> bool:
        """Whether a nationality and a place word name one country: the same party in the
        codebook and the same first letters ("finnish" and "finland", not "slovak" and
        "hungary")."""
        party = self.matcher.word_party
        return (word[:3] == nationality[:3] and word != nationality
                and party.get(word) is not None and party.get(word) == party[nationality])

    def _actor_from_text(self, raw: str) -> Speaker | None:
        mt = self.matcher
        if raw in mt.actor_by_text:  # the same words name the same actor in every article
            aid = mt.actor_by_text[raw]
        else:
            key = norm_key(raw)
            aid = mt.name_to_actor.get(key)
            if aid is None:  # a title merged with a name: the name is at the end
                words = key.split()
                for i in range(len(words)):
                    aid = mt.name_to_actor.get(" ".join(words[i:]))
                    if aid:
                        break
            mt.actor_by_text[raw] = aid
        return mt.actor_speaker(aid) if aid else None

    def _anonymous(self, raw: str, at: int | None = None) -> Speaker | None:
        mt = self.matcher
        parsed = mt.anon_cache.get(raw)
        if parsed is None:
            parsed = mt.anon_cache[raw] = self._parse_anonymous(raw)
        det, mods, head_word, plural, party, known, tail = parsed
        if known is not None:
            return known
        return self._anonymous_in_context(det, mods, head_word, plural, party, tail, at)

    def _parse_anonymous(self, raw: str):
        """What an anonymous-source phrase says by itself (cached per matcher)."""
        mt = self.matcher
        member = _MEMBER.search(raw)
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
        for d in ("one of the ", "two of the "):
            if low.startswith(d):
                det, words = d.strip(), words[3:]
                break
        else:
            if words and re.fullmatch(_DETERMINERS, words[0], re.IGNORECASE):
                det, words = words[0].casefold(), words[1:]
        familiar = re.search(r"\b(?:familiar|close|knowledge)\b", low)
        head_at = next((i for i, w in enumerate(words) if w.casefold() in _KNOWING_HEADS), -1)
        tail = ""
        if familiar and head_at >= 0:  # keep the article's words: "people familiar with the
            # talks", "a person close to the Kremlin", "sources close to the ministry"
            plural = words[head_at].casefold() in ("people", "sources")
            head_word = _KNOWING_HEADS[words[head_at].casefold()]
            tail = " ".join(words[head_at + 1 :])
            words = words[:head_at]
        else:
            head_word = words[-1].casefold() if words else "official"
            words = words[:-1]
            plural = head_word in _PLURAL_HEADS
            head_word = _PLURAL_HEADS.get(head_word, head_word)
        if det == "one of the":
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
        if party is None and (member or tail.startswith("close to")):  # "close to the
            # Kremlin", "in the Ukrainian delegation"
            party = mt.party_in(tail)
        if party is None and served:
            person = served.group(1).split()
            aid = next((mt.name_to_actor[k] for k in (
                norm_key(" ".join(person[i:])) for i in range(len(person))
            ) if k in mt.name_to_actor), None)
            party = mt.actors[aid].party if aid else None
        if party is None and member:  # "in the presidential office": whose the roles say
            party = mt.body_party(norm_key(member.group(1).split(None, 1)[1]))
        return det, mods, head_word, plural, party, None, tail

    def _anonymous_in_context(self, det, mods, head_word, plural, party, tail="",
                              at: int | None = None) -> Speaker:
        """An anonymous source, completed from the ones the article named before (`at`:
        where the description stands, if known)."""
        mt = self.matcher
        nationality = [w for w in mods if norm_key(w) in mt.word_party]
        prior = self.anon_by_head.get(head_word)
        if det == "the" and not plural and (prior is None or nationality and not prior.mods):
            # "Sergey Ryabkov told TASS. '...,' the senior diplomat said": with no anonymous
            # diplomat before (or only a bare one, for "the Finnish minister"), the definite
            # description is the person just named.
            # A nationality must be the person's own: "the Slovak minister" after a
            # Hungarian one is somebody else, though both speak for Europe.
            last = self.last_speaker
            if (
                last is not None
                and last.kind == "person"
                and party in (None, last.party)
                and all(self._fits(last, (w,)) for w in nationality)
            ):
                return last
            # "Valtonen said Finland would ... the Finnish minister said": the person last
            # named with that title, though a country was heard since
            last = self.last_person
            if (
                last is not None
                and last.kind == "person"
                and party in (None, last.party)
                and self._fits(last, (head_word,))
                and all(self._fits(last, (w,)) for w in nationality)
            ):
                return last
            if nationality and at is not None and self.text:
                # "Sybiha held a call with Minister for Foreign Affairs of Finland Elina
                # Valtonen. '...,' the Finnish minister said": a person named, not heard
                for sp in self._persons_named_before(at):
                    if party in (None, sp.party) and self._fits(sp, (head_word,)) and all(
                        self._fits(sp, (w,)) for w in nationality
                    ):
                        return sp
        if party is None:
            # "a diplomat" after "a Kremlin source" is somebody new: only the same kind of
            # source ("another official") or a definite one ("the official") refers back.
            prior = self.anon_by_head.get(head_word)
            if prior is None and det and det not in _INDEFINITE:
                prior = self.last_anon
                if (
                    det == "the"
                    and not plural
                    and prior is not None
                    and prior.name.endswith(_plural(prior.head))
                    and self.last_person is not None
                ):  # "the diplomat" after "EU leaders": one person, not one of a group
                    return self.last_person
            if prior is not None and _ORIGIN_WORDS.isdisjoint(w.casefold() for w in mods):
                # (not "a senior western official" after a Ukrainian one: his own origin)
                if det in ("the", "one of the", "two of the", "both") or not mods and not det:
                    return self._numbered(prior, plural)
                tail = tail or prior.tail
                party_mods = tuple(w for w in prior.mods if mt.word_party.get(norm_key(w)))
                mods = (*[w for w in mods if w not in party_mods], *party_mods)
                party = prior.party
                # "another senior official" keeps the nationality of the officials before it
                mods = tuple(sorted(mods, key=lambda w: 1 if w in party_mods else 0))
        name = _anon_name(mods, head_word, plural, tail)
        key = (name, party, head_word, mods, tail)  # (speakers are compared by value: one
        # made per description and kept on the matcher answers as a new one would)
        sp = mt.anon_speakers.get(key)
        if sp is None:
            sp = mt.anon_speakers[key] = Speaker(name, None, "anonymous", party, head_word, mods,
                                                 tail)
        return sp

    @staticmethod
    def _numbered(sp: Speaker, plural: bool) -> Speaker:
        if not sp.head:
            return sp
        name = _anon_name(sp.mods, sp.head, plural, sp.tail)
        if name == sp.name:  # asked for every "officials" after the first: an equal copy
            return sp
        return Speaker(name, sp.actor, sp.kind, sp.party, sp.head, sp.mods, sp.tail)

    def known(self, raw: str) -> Speaker | None:
        """A codebook actor or a person the article has named, by name or surname; never a
        new person ("Q:" in a transcript is nobody)."""
        mt = self.matcher
        tokens = raw.split()
        for i in range(len(tokens)):
            aid = mt.name_to_actor.get(norm_key(" ".join(tokens[i:])))
            if aid:
                return mt.actor_speaker(aid)
        known = self.unknown_by_surname.get(tokens[-1]) if tokens else None
        if known and known.name.endswith(" ".join(tokens)):
            return known
        if len(tokens) == 1 and self.text and self._full_name(tokens[0]):
            return self.named(tokens[0])  # "Novak:" after "Michal Novak, a Czech lawmaker"
        return None

    def named(self, raw: str, title_text: str = "") -> Speaker | None:
        """A person named by capitalised words: a codebook actor or a new unknown person."""
        mt = self.matcher
        if clause_end := _after_last_clause_word(title_text):
            # "Senate advances Russia sanctions bill as Graham warns": not Graham's title
            title_text = title_text[clause_end:]
        tokens = raw.split()
        if tokens and (tokens[0].casefold() in _PREPOSITIONS or tokens[-1][-2:] in ("'s", "’s")):
            return None  # "In Kramatorsk, residents ...", "The Rada's committee": no speaker
        if (
            len(tokens) > 1
            and tokens[0].casefold() == "the"
            and self.last_person is not None
            and self._description_only(tokens[1:])
            and self._fits(self.last_person, tokens[1:])
        ):
            return self.last_person  # "The Michigan Democrat said": the senator just named
        for i in range(len(tokens)):  # "the European Joint Statement", "Keir Starmer"
            aid = mt.name_to_actor.get(norm_key(" ".join(tokens[i:])))
            if aid:
                return mt.actor_speaker(aid)
        owner = max((i for i, t in enumerate(tokens[:-1]) if t[-2:] in ("'s", "’s")), default=-1)
        if owner >= 0:  # "Al Jazeera's Charles Stratford": the outlet is not the name
            title_text += " " + " ".join(tokens[: owner + 1])
            tokens = tokens[owner + 1 :]
        while tokens and (
            tokens[0].casefold().rstrip(".") in _TITLE_WORDS
            or tokens[0].casefold() in _TITLE_WORDS
            or tokens[0].casefold() in _NOT_NAMES
            or norm_key(tokens[0]) in mt.word_party
            or not (tokens[0][:1].isupper() or len(tokens) > 1 and tokens[1][:1].isupper())
        ):
            title_text += " " + tokens.pop(0)
        while tokens and not tokens[-1][:1].isupper():
            tokens.pop()
        if not tokens or any(t.casefold() in _NOT_NAMES for t in tokens):
            return None
        name = " ".join(tokens).rstrip(".,’'")
        key = norm_key(name)
        if key in mt.word_party and key not in mt.name_to_actor:
            return None  # a place or a nationality, not a person
        aid = mt.name_to_actor.get(key)
        if aid is None:
            for i in range(1, len(tokens)):  # "Keir Starmer" known as "Starmer"
                aid = mt.name_to_actor.get(norm_key(" ".join(tokens[i:])))
                if aid:
                    break
        if aid:
            return mt.actor_speaker(aid)
        cut = self._after_titles(tokens)
        if cut:  # "Enlargement Commissioner Marta Kos": the title is not part of the name
            title_text += " " + " ".join(tokens[:cut])
            tokens = tokens[cut:]
            name = " ".join(tokens).rstrip(".,’'")
        if any(t.casefold().rstrip(".") in _TITLE_OR_NOT_PERSON for t in tokens):
            return None
        surname = tokens[-1]
        known = self.unknown_by_surname.get(surname)
        if known and known.name.endswith(name):
            if known.party is None and title_text.strip():  # a later description tells more
                party = self._party_of(title_text)
                if party and not (_JOURNALIST.search(title_text) or _OBSERVER.search(title_text)):
                    known = self.unknown_by_surname[surname] = replace(known, party=party)
            return known
        full = self._full_name(surname) if self.text else None
        if len(tokens) == 1 and self.text and (
            full is None or len(full.group(0).split()) == 1 + self._after_titles(
                full.group(0).split())
        ):  # "Mao said" after "Mao Ning", "Wang said" after "Foreign Minister Wang Yi": a
            # family name written first, as Chinese and other names are
            given = self._given_name_after(surname)
            if given is not None:
                return self.named(f"{surname} {given}", title_text)
        if full:  # the article's first full naming describes the person
            if len(tokens) == 1:  # "Michal said": the article named her in full
                words = full.group(0).split()
                name = " ".join(
                    t for t in words[self._after_titles(words) :]
                    if norm_key(t) not in mt.word_party
                    and t.casefold() not in _TITLE_OR_NOT_NAME
                )
            description = self._description(full)
            if _OBSERVER.search(description):
                title_text += " analyst"
            title_text += " " + description
        # A reporter "reporting from Kyiv" or a "Moscow correspondent" speaks for no party,
        # nor does an analyst.
        observer = _JOURNALIST.search(title_text) or _OBSERVER.search(title_text)
        party = None if observer else self._party_of(title_text)
        if party is None and not observer and full and _OFFICE.search(title_text):
            party = self._scene_party(full.start())
        if party is None and not observer and full and _ITS_TITLE.search(title_text):
            party = self._party_named_before(full.start())
        if party is None and not observer and self.text:
            party = self._predicate_party(surname)
        sp = Speaker(name, slug(name), "person", party)
        self.unknown_by_surname[surname] = sp
        return sp

    def _given_name_after(self, surname: str) -> str | None:
        """The capitalised word after the first "<surname> <Word>" of the article that can be
        a given name ("Ning" in "Mao Ning"), if the article writes the name so (read once)."""
        if surname not in self.given_names:
            self.given_names[surname] = self._find_given_name(surname)
        return self.given_names[surname]

    def _find_given_name(self, surname: str) -> str | None:
        given = re.search(rf"(?<![\w’'-]){re.escape(surname)}\s+([A-ZÀ-Þ][\w’'-]+)\b(?!\s+[A-Z])",
                          self.text)
        if given and given[1].casefold() not in _NOT_GIVEN_NAME and (
            norm_key(given[1]) not in self.matcher.word_party
        ):
            return given[1]
        return None

    def _description_only(self, tokens: list[str]) -> bool:
        """Capitalised words that describe somebody without naming anyone ("Michigan
        Democrat", "Prime Minister"), unlike "Belgian Prime Minister Bart Smet"."""
        mt = self.matcher
        if any(norm_key(" ".join(tokens[i:])) in mt.name_to_actor for i in range(len(tokens))):
            return False
        cut = self._after_titles(tokens)
        return not cut or all(t.casefold().rstrip(".") in _TITLE_WORDS for t in tokens[cut:])

    def _after_titles(self, tokens: list[str]) -> int:
        """Where a name starts after the title or party words inside a capitalised run
        ("Enlargement Commissioner Marta Kos" → 2); 0 when nothing but a name would be left."""
        cut = 0
        word_party = self.matcher.word_party
        for i, t in enumerate(tokens[:-1]):
            low = t.casefold()
            if low.rstrip(".") in _TITLE_WORDS or low in _TITLE_WORDS or (
                norm_key(t) in word_party
            ):
                cut = i + 1
            elif i + 2 < len(tokens) and norm_key(f"{t} {tokens[i + 1]}") in word_party:
                cut = i + 2  # "Ambassador to the United States Olha Stefanishyna"
        return cut if cut and tokens[cut][:1].isupper() else 0

    def _description(self, full: FullName) -> str:
        """The words describing a person where the article first names them in full: a title
        before the name (in that sentence), a tag or an apposition after it; not the rest of
        the sentence ("Marta Kos said Ukraine's accession ..." says nothing of her party)."""
        lo, hi = full.start(), full.end()
        before = self.text[max(0, lo - 60) : lo]
        breaks = _sentence_breaks(before)
        before = before[breaks[-1] + 1 :] if breaks else before
        if before.strip() and after_scene(self.text, lo - len(before.lstrip()), lo):
            before = ""  # "In Tokyo, Yurii Lutovinov, Ukraine's ambassador to Japan, ...": the
            # scene says nothing of the person; the apposition after the name does
        if before.rstrip().endswith(","):  # "The Estonian prime minister, Kristen Michal,
            # was sharper ...": the name is the apposition, what follows is not about it
            if not apposition_ends_at(self.text, hi):  # "... is achieved in Ukraine, Prime
                return full.group(0)  # Minister Sanae Takaichi said": the clause was said
            return _TITLE_BEFORE.search(before.rstrip()[:-1]).group(0) + " " + full.group(0)
        before = _TITLE_BEFORE.search(before).group(0)  # not a quotation before "said X"
        scene = _ENDS_WITH_PREPOSITION.search(before)
        if scene and (scene[1] or "").casefold() not in _TITLE_WORDS:
            # "a press conference in Kyiv with Finnish Foreign Minister X": the words before
            # are about the scene; not "Commissioner for Human Rights X", a title
            before = ""
        after = _APPOSITION_AFTER.match(self.text, hi, hi + _APPOSITION_REACH)
        after = after.group(0) if after else ""
        return f"{before}{full.group(0)}{after}"

    def _scene_party(self, at: int) -> str | None:
        """The party of the place the paragraph opens in ("In Moscow, officials welcomed the
        offer. Deputy Foreign Minister Mikhail Galuzin ..."): an office holder named there
        with no country of their own holds it there."""
        paragraph = self.text.rfind("\n", 0, at) + 1
        scene = _PLACE_SCENE.match(self.text, paragraph, at)
        if scene:
            return self.matcher.word_party.get(norm_key(scene[1]))
        # "... in the Odesa region overnight, ..., regional governor Oleh Kiper said", "In
        # the border region of Belgorod, ... Governor Vyacheslav Gladkov": the region's
        regions = [m[1] or m[2] for m in _REGION.finditer(self.text, paragraph, at)]
        parties = [p for p in (self.matcher.word_party.get(norm_key(r)) for r in regions) if p]
        return parties[-1] if parties else None

    def _predicate_party(self, surname: str) -> str | None:
        """The party a sentence of the form "<Surname> was US ambassador in Kyiv" gives the
        person: an office, described after "is" or "was" rather than beside the name."""
        if not any(f"{surname} {verb} " in self.text for verb in ("was", "is", "has")):
            return None  # (most names never stand so: no regex made for them)
        said = re.search(rf"(?<![\w’'-]){re.escape(surname)}\s+(?:is|was|has\s+been)\s+"
                         r"((?:[\w.’'-]+\s+){0,3}[\w.’'-]+)", self.text)
        office = said and _OFFICE.search(said[1])
        if not office or _OBSERVER.search(said[0]):
            return None
        return self._party_of(said[1][: office.end()])

    def _party_named_before(self, at: int) -> str | None:
        """The party of the country or place last named as a subject (opening a sentence or
        a quotation) shortly before `at`: whose "its foreign minister" is ('"Hungary will not
        support sanctions that hurt Europe more than they hurt Russia," its foreign minister,
        Péter Szijjártó, said')."""
        lo = max(self.text.rfind("\n", 0, at) + 1, at - _ITS_REACH)
        subjects = [
            m for m in self.matcher.party_words.finditer(self.text, lo, at)
            if _OPENS_CLAUSE.search(self.text, max(0, m.start() - 3), m.start())
            or m.start() == self.text.rfind("\n", 0, at) + 1
        ]
        return self.matcher.word_party.get(norm_key(subjects[-1].group(0))) if subjects else None

    def _party_of(self, title_text: str) -> str | None:
        """The party of an unknown person from the words around the name (not from a
        relative clause: "who travelled to Kyiv with his Ukrainian counterpart" is about
        somebody else)."""
        mt = self.matcher
        own = _OWN_ROLE_CLAUSE.search(title_text)
        title_text = _RELATIVE_CLAUSE.sub(" ", title_text)
        party = mt.party_in(title_text)
        if party is None and own:
            body = own.group(1)
            away = _LEADS_AWAY.search(body)
            party = mt.party_in(body[: away.start()] if away else body)
        if party is None and _US_STATE_TAG.search(title_text):
            party = next(
                (mt.word_party[k] for k in map(norm_key, _US_NAMES) if k in mt.word_party), None
            )
        if party is None:  # "opposition lawmaker X" after "Ukrainian lawmakers were…"
            for w in title_text.casefold().split():
                prior = self.anon_by_head.get(_PLURAL_HEADS.get(w, w))
                if prior is not None and prior.party:
                    party = prior.party
                    break
        if party is None:
            role = mt.role_only.search(title_text) if mt.may_hold_role(title_text) else None
            if role:
                rid = mt.role_to_actor.get(norm_key(role.group(0)))
                party = mt.actors[rid].party if rid else None
        return party
