"""The per-article memory of who was named and heard (`SpeakerMemory`): it follows the article
in order so "he", "the official" or "the statement" mean whoever the article last named that
way, and names persons the codebook does not know.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from store.extract.countries import world
from store.extract.gender import guessed_woman, lone_name_gender, name_gender
from store.extract.scan import after_name, word_char
from store.extract.speakers.anonymous import (
    _INDEFINITE,
    _anon_name,
    _plural,
    numbered,
    own_origin,
    parse_anonymous,
)
from store.extract.speakers.descriptions import (
    _ITS_TITLE,
    _JOURNALIST,
    _OBSERVER,
    _OFFICE,
    caption_description,
    description_at,
    party_named_before,
    party_of,
    predicate_party,
    scene_party,
    scene_place,
    speaks_for,
    state_role,
)
from store.extract.speakers.full_names import FullName, first_full_name, next_full_name
from store.extract.speakers.matcher import (
    _LEADING_THE,
    Matcher,
    Speaker,
    norm_key,
    slug,
)
from store.extract.speakers.mentions import Mention
from store.extract.speakers.names import (
    _NAME_AT_START,
    JOINED_PARTICLE,
    institution_called,
    is_institution_name,
)
from store.extract.speakers.subjects import _SCENE_OPENERS
from store.extract.speakers.vocabulary import (
    _DET_WORDS,
    _NOT_GIVEN_NAME,
    _NOT_NAMES,
    _OBJECT_PRONOUNS,
    _PLURAL_HEADS,
    _PREPOSITIONS,
    _TITLE_OR_NOT_NAME,
    _TITLE_OR_NOT_PERSON,
    _TITLE_WORDS,
    POST_NOMINALS,
    is_single_source,
    is_title_word,
    only_titles,
)

_SENTENCE_LEAD = re.compile(r"[^.!?\n\"“”«»]*$")  # back to the sentence's start
_ROLE_LINKS = frozenset(("the", "of", "for", "and", "a", "an"))
# A title that is not the office itself: its deputy's, a former holder's.
_NOT_HOLDER_WORDS = frozenset(("deputy", "vice", "assistant", "under", "former", "shadow",
                               "acting", "ex"))
# How far back a "she" (or "he") the last person named cannot be looks for a name that fits.
_PRONOUN_REACH = 400
# A question put to the person the paragraph then quotes: "Asked whether ..., ".
_ASKED = re.compile(r"\s*Asked\s+(?:whether|if|about|what|how|why|when|who)\b[^.?!\n]*?,")
# A paragraph that opens with "he" or "she" (by the gender a pronoun wants).
_OPENING_PRONOUN = {"m": ("He ", "He,"), "f": ("She ", "She,")}
# A person described by whose they are, not named: "Ukraine's ambassador to the US".
_DESCRIBED = re.compile(r"^\S+['’]s\s+[a-z]")
# A body or a country of no party named in capitals between an article and a source's head:
# "an IAEA ", "a Gazprom ", "an Emirati ".
_BODY_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+([A-Z][\w&.-]*)\s+$")
# A further single source ("Another source", "A third source") and the clause that tells
# who it is: ", who works with the Foreign Ministry,", ", close to the government,".
_NEXT_SOURCE = frozenset(("second", "third", "fourth"))
_SOURCE_TAIL = re.compile(
    r",\s+((?:who\s+(?:works|worked|is|was|serves)\s+(?:with|for|at|in)|close\s+to)"
    r"\s+(?:the\s+)?\w[^,;:\"“”]{1,60}),")
# Titles said before a given name ("Prince Faisal", "Sheikh Mohammed"), not a surname.
_GIVEN_NAME_TITLES = frozenset("prince princess sheikh sheikha emir king queen sir dame".split())
# Titles of one office, which a definite description names the holder of ("the president",
# "the mayor"), never an anonymous source.
_OFFICE_HEADS = frozenset("president mayor governor chancellor premier ambassador pm".split())
_OFFICE_ENDINGS = (*_OFFICE_HEADS, "prime minister")  # (one of a country's ministers is not)


@functools.cache
def _outlet_keys() -> frozenset[str]:
    """The names of the news outlets and agencies the cleaner knows ("Ukrinform", "AFP")."""
    from store.extract.clean import AGENCIES, OUTLET_SHORT_NAMES, OUTLETS

    return frozenset(norm_key(n) for n in (*OUTLETS.values(), *AGENCIES, *AGENCIES.values(),
                                            *OUTLET_SHORT_NAMES))


# An office a people's adjective places ("Argentine President", "Nigerian Foreign
# Minister"): another country's, when the adjective is no party's word.
_PEOPLES_OFFICE = re.compile(
    r"\b(?:[A-Z][a-z]+(?:an|ese|ish|ine|i|ic)\s+(?:President|Prime\s+Minister|Premier"
    r"|Chancellor|Foreign\s+Minister|Defen[cs]e\s+Minister|Minister|King|Queen|Emir)"
    r"|[A-Z][a-z]+\s+(?:Secretary\s+of\s+State|Premier)\s+(?:Cardinal\s+)?[A-Z])")


def _foreign_office(mt, described: str, surname: str) -> bool:
    """Whether the words before the name in a description give the person another country's
    office ("Argentine President Javier Milei, a vocal supporter of Kyiv"), whatever party
    the words after the name speak of."""
    at = described.rfind(surname)
    lead = described[:at] if at >= 0 else described
    return bool(world(mt).pattern.search(lead) or _PEOPLES_OFFICE.search(lead)) and (
        mt.party_in(lead) is None)


def names_an_office(description: str) -> bool:
    """Whether an anonymous-looking description is an office's title ("the president",
    "Turkish president"): the person who holds it, not a source ("a president")."""
    folded = description.casefold()
    if not folded.endswith(_OFFICE_ENDINGS):  # (most: "officials", "a source")
        return False
    words = folded.split()
    return (words[-1] in _OFFICE_HEADS or words[-2:] == ["prime", "minister"]) and (
        words[0] not in _INDEFINITE)


# "the President" in a sentence's middle with no name or complement after it: a house style
# for the story's own head of state.
_HOUSE_PRESIDENT = re.compile(r"\bthe President\b(?!['’]?s?\s+(?:of\b|[A-ZÀ-ÞĀ-ɏ]))")


@functools.lru_cache(maxsize=32)
def _home_president(matcher, party: str) -> str | None:
    """The one codebook actor of `party` whose roles call them its president ("Ukrainian
    President", "president of Ukraine"; not a former one, nor "head of the Office of the
    President", nor a vice-president), if only one is."""
    found = {a.id for a in matcher.actors.values() if a.party == party and any(
        (words[0] == "president" or words[-1] == "president" and "of" not in words)
        and not {"former", "vice", "vice-president"} & set(words)
        for words in (r.casefold().split() for r in a.roles) if words)}
    return found.pop() if len(found) == 1 else None


# Each office's title as a word, in any case: where the text names someone with it.
_OFFICE_WORDS = {head: re.compile(rf"\b{head}\b", re.IGNORECASE) for head in _OFFICE_ENDINGS}
# What an office is of: " of the Republic", " of Kharkiv".
_OF_COMPLEMENT = re.compile(r"\s+of\s+(?:the\s+)?([A-ZÀ-ÞĀ-ɏ][\w’'-]*(?:\s+[A-ZÀ-ÞĀ-ɏ][\w’'-]*)*)")
# How far after an office holder's name its scene is read ("Foreign Minister Toshimitsu
# Motegi said Japan would ...").
_SCENE_AFTER = 200
# After a surname: its person acting on another, "Zelensky made him" (_acts_on_pronoun; not
# "Badenoch said her party"), and a given name written after it, "Mao Ning" (_find_given_name).
_ACTS_ON_HIM, _ACTS_ON_HER = (re.compile(rf"\s+(?:[a-z]+\s+){{1,2}}(?<!said )(?<!says ){pronoun}\b")
                               for pronoun in ("him", "her"))
_GIVEN_AFTER = re.compile(r"\s+([A-ZÀ-ÞĀ-ɏ][\w’'-]+)\b(?!\s+[A-Z])")
_COURTESY_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Sir|Dame)\.?\s+")


def _courtesy_title(text: str, surname: str) -> str | None:
    """The courtesy title the text first puts before the surname ("Mr. Klitschko" → "Mr")."""
    for at, title in _courtesy_titles(text):
        end = at + len(surname)
        if text.startswith(surname, at) and (end == len(text) or not word_char(text[end])):
            return title
    return None


@functools.lru_cache(maxsize=2)
def _courtesy_titles(text: str) -> tuple[tuple[int, str], ...]:
    """(where the name after it starts, the title) of each courtesy title in the text, found
    once per article rather than once per name asked about."""
    return tuple((title.end(), title[1]) for title in _COURTESY_TITLE.finditer(text))


# The countries and bodies a group of sources is of: "leaders of Germany, France, Britain,
# the Nordic countries and the European Union".
_LIST_OF = re.compile(r"\s+of\s+((?:(?:the|and|countries|states|nations|[A-Z][\w’'.-]*)"
                      r"(?:\s*,\s*|\s+|$))+)")
# Where a source is, said right after it: "a senior official in Kyiv".
_PLACED_AFTER = re.compile(r"\s+in\s+[A-ZÀ-ÞĀ-ɏ]")
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][a-z]+(?:['’]s)?\s$")
_TWO_NAMES = re.compile(
    r"(?<![\w’'.-])[A-ZÀ-ÞĀ-ɏ][a-zà-ÿĀ-ɏ’'-]+\s+[A-ZÀ-ÞĀ-ɏ][a-zà-ÿĀ-ɏ’'-]+(?![\w’'-])")
_NAME_PAIRS = re.compile(rf"(?=({_TWO_NAMES.pattern}))")  # overlapping: "When Olena Marchenko"
# Words for a member of a parliament: "the MP" fits "a member of the Verkhovna Rada".
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
    frozenset("pm premier prime".split()),  # "the PM": the prime minister
)

# A word that makes a title somebody else's: the opposition's, a predecessor's.
_NOT_THE_HOLDER = re.compile(
    r"\b(?:shadow|former|ex|then|previous|late)(?:\s+[A-Z][\w-]*)?[\s-]+$", re.IGNORECASE)
# A compound adjective a capital opens ("Piraeus-based", "Kremlin-backed"): no name.
_COMPOUND_ADJECTIVE = re.compile(r"-(?:based|born|led|backed|owned|run|registered|flagged)$")
# "the prime " before "minister": a definite description (one or two words).
_DEFINITE_LEAD = re.compile(r"\b[Tt]he\s+((?:[A-Za-z][\w-]*\s+){1,2})$")
_DESCRIPTION_SPLIT = re.compile(r"[\s.,;:()'’-]+")

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


def _inside_quotation(text: str, lo: int, at: int) -> bool:
    """Whether `at` stands inside a quotation opened after `lo` (its marks do not balance)."""
    seg = text[lo:at]
    return (seg.count("“") > seg.count("”") or seg.count("«") > seg.count("»")
            or seg.count('"') % 2 == 1)


@dataclass
class SpeakerMemory:
    """What the article has said so far: who 'he', 'the official', 'the statement' refer to."""

    matcher: Matcher
    text: str = ""
    # the party the article is about (named in most of its sentences): whose office an
    # office holder with no country of their own holds
    home: str | None = None
    captions: str = ""  # the photo captions the cleaner took off (CleanArticle.captions)
    last_person: Speaker | None = None
    last_speaker: Speaker | None = None
    last_statement: Speaker | None = None
    joint_statement: Speaker | None = None  # the last whose statement was a joint one
    last_institution: Speaker | None = None
    anon_by_head: dict[str, Speaker] = field(default_factory=dict)
    # every described source heard (with modifiers), for "the finance ministry official"
    # after a Bundesbank one: the one those words describe, not the last of that head
    described_anons: list[Speaker] = field(default_factory=list)
    last_anon: Speaker | None = None
    single_sources: dict[int, Speaker | None] = field(default_factory=dict)  # by offset
    unknown_by_surname: dict[str, Speaker] = field(default_factory=dict)
    # the surnames of persons first named where another country is the scene, whose later
    # titles ("Senator Wong", after "In Canberra, Foreign Minister Penny Wong") are that
    # country's, not a party's
    named_elsewhere: set[str] = field(default_factory=set, repr=False)
    # the named persons heard before the last one, latest last: whom "she" means when the
    # last one is a man (and "he" when a woman)
    earlier_persons: list[Speaker] = field(default_factory=list)
    genders: dict[str, str | None] = field(default_factory=dict, repr=False)  # _gender's
    given_names: dict[str, str | None] = field(default_factory=dict, repr=False)
    # first word of a name → the person last named in full with it ("Lin" → "Lin Jian")
    family_first: dict[str, Speaker] = field(default_factory=dict, repr=False)
    # surname → where the article first names that person in full (the text never changes)
    full_names: dict[str, FullName | None] = field(default_factory=dict, repr=False)
    # A person described but not yet named ("Ukraine's ambassador to the United States said
    # Sunday ..."), whom the next person the article names, with no words of their own, is
    # ("... Olha Stefanishyna said in an interview"): a news story's first lines.
    unnamed: Speaker | None = None
    described_as: dict[str, str] = field(default_factory=dict, repr=False)  # name → words
    said_of: dict[tuple, frozenset[str]] = field(default_factory=dict, repr=False)  # _said_of
    titles: dict[str, list] = field(default_factory=dict, repr=False)  # _titles_of

    def _full_name(self, surname: str) -> FullName | None:
        if surname not in self.full_names:
            self.full_names[surname] = first_full_name(self.text, surname)
        return self.full_names[surname]

    def source_stands_in(self, sp: Speaker) -> None:
        """An anonymous source becomes who "he" or "she" means ("A soldier ... stamped his
        feet. '...,' he said"); the person before it stays among the earlier ones, for a
        pronoun of the other gender."""
        last = self.last_person
        if last is not None and last is not sp and last.kind == "person" and (
                not self.earlier_persons or self.earlier_persons[-1] != last):
            self._keep_earlier(last)
        self.last_person = sp

    def _keep_earlier(self, person: Speaker) -> None:
        """Keep `person` among the eight persons heard before the last one."""
        self.earlier_persons = [*self.earlier_persons[-7:], person]

    def heard(self, sp: Speaker | None) -> None:
        """Record a resolved speaker or subject."""
        if sp is None:
            return
        self.last_speaker = sp
        if sp.kind == "person" and sp.actor is None and _DESCRIBED.search(sp.name):
            self.unnamed = sp  # "Ukraine's ambassador to the United States"
        if sp.kind == "person":
            last = self.last_person
            # (`is not` first: the same actor's Speaker is one object, compared at no cost)
            if last is not None and last is not sp and last != sp and last.kind == "person":
                self._keep_earlier(last)
            self.last_person = sp
        elif sp.kind == "institution":
            self.last_institution = sp
        elif sp.kind == "anonymous":
            self.last_anon = sp
            if sp.head:
                self.anon_by_head[sp.head] = sp
                if sp.mods and sp not in self.described_anons[-8:]:
                    self.described_anons.append(sp)

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
                # (with a capitalised word right before the role: "Chinese foreign ministry
                # spokesman Guo Jiakun" holds no codebook office)
                before = _CAPITALISED_BEFORE.search(text, max(0, m.start - 30), m.start)
                sp = self.named(follow.group(1), (before.group(0) if before else "") + m.text)
                if sp is not None:
                    return sp
            if (holder := self._titled_here(m.text)) is not None:
                return holder
            aid = mt.role_to_actor.get(norm_key(m.text)) or mt.role_to_actor.get(
                norm_key(_LEADING_THE.sub("", m.text))
            )
            return mt.actor_speaker(aid) if aid else None
        if m.kind == "anon":
            words = m.text.casefold().split()
            if names_an_office(m.text):
                return self._office_holder(m)
            if words[0] == "the" and len(words) == 2 and words[1] not in _PLURAL_HEADS and (
                introduced := self._introduced_in_paragraph(words[1], m.start)
            ) is not None:  # "A senior EU diplomat said Meloni had told leaders ..., a view
                return introduced  # that, according to the diplomat, '...'": not Meloni
            if words[0] == "the" and self._describes_last_person(m.text.split()[1:]) and not (
                self._last_heard_is_anonymous(words[-1])
            ):
                return self.last_person  # "The Hungarian minister also questioned ..."
            if (words[0] == "another" or words[0] == "a" and words[1] in _NEXT_SOURCE) and (
                tail := _SOURCE_TAIL.match(text, m.end)
            ):
                # "Another source, who works with the Foreign Ministry, said": somebody new,
                # whom the clause after the comma describes
                return self._anonymous_in_context("a", (), words[-1], False, None,
                                                  " ".join(tail[1].split()), m.start)
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
                if self.last_statement is not None and self.last_speaker is self.last_statement:
                    return self.last_statement  # "A joint statement ... said '…'. It also said"
                return self.last_institution
            last = self.last_speaker
            if not (last and last.kind in ("anonymous", "group", "institution")):
                last = self.last_anon
            if is_single_source(p):  # "one of them", "another": one of the sources
                # just named, as they stood where it is written (first asked as it is heard)
                group = self.last_anon
                if last is not None and last.kind == "institution" and group is not None and (
                        group.head and group.name.endswith(_plural(group.head))):
                    last = group  # "Two diplomats said ... an idea Moscow has rejected. One of
                    # them called it": one of the diplomats, not of Moscow
                if m.start not in self.single_sources:
                    self.single_sources[m.start] = None if last is None else numbered(last, False)
                return self.single_sources[m.start]
            return last
        if m.kind == "statement":
            if self.joint_statement is not None and "joint" in m.text.casefold():
                return self.joint_statement  # "the joint statement", after a ministry's
            return self.last_statement
        if m.kind == "place":
            return mt.place_speaker(m.text)
        return None

    def _office_holder(self, m: Mention) -> Speaker | None:
        """Who "the president" or "the mayor" is: an office has one holder, no anonymous
        source, so the person heard or named last whom every word of the title fits ("the
        President of the Republic" after "The President of the Republic, Emmanuel Macron,";
        "the president" after "President Karol Nawrocki"), heard or named beside the title
        or named before it in its paragraph ("Keir Starmer and Emmanuel Macron signed ... The
        Prime Minister said"); else the codebook's holder of the office; else nobody. A story
        that writes its own head of state as "the President" means its own
        (_home_president)."""
        if m.text in ("the President", "The President") and self.home and (
            _HOUSE_PRESIDENT.search(self.text)
        ) and (aid := _home_president(self.matcher, self.home)):
            # a story that writes its own head of state as "the President" (a White House
            # briefing, Ukrinform): the story's own country's president
            return self.matcher.actor_speaker(aid)
        words = _LEADING_THE.sub("", m.text).split()
        office = _OFFICE_WORDS[" ".join(words[-2:]).casefold() if len(words) > 1 and (
            words[-2].casefold() == "prime") else words[-1].casefold()]
        of = _OF_COMPLEMENT.match(self.text, m.end) if self.text else None
        if of:
            words += of[1].split()  # " of the Republic"
        heard = [self.last_speaker, self.last_person, *reversed(self.earlier_persons)]
        para = self.text.rfind("\n", 0, m.start) + 1 if self.text else 0
        first = None  # of those heard whom the title fits, the story's own first ("Donald
        # Trump joined the dinner by telephone" in Le Figaro, then "the president announced":
        # Macron), else the last heard
        for sp in heard:
            if sp is not None and sp.kind == "person" and all(self._fits(sp, (w,)) for w in words):
                if not self.home or sp.party == self.home:
                    return sp
                first = first or sp
        if first is not None:
            return first
        for sp in (*self._titled_before(office, m.start),
                   *self._persons_named_before(m.start, para, known_only=True)):
            if sp is not None and sp.kind == "person" and all(
                self._fits(sp, (w,)) for w in words
            ):
                return sp
        # the codebook's holder of the office ("the Finnish president", not named before)
        aid = self.matcher.role_to_actor.get(norm_key(_LEADING_THE.sub("", m.text)))
        return self.matcher.actor_speaker(aid) if aid else None

    def _titled_before(self, office: re.Pattern[str], at: int):
        """The persons the text names with an office's title before `at`, the nearest
        first: the name right after the title ("President Karol Nawrocki", "The President
        of the Republic, Emmanuel Macron,") or right before it ("Emmanuel Macron, the
        president")."""
        if not self.text:
            return
        for title in reversed(list(office.finditer(self.text, 0, at))):
            after = _NAME_PAIRS.search(self.text, title.end(), min(at, title.end() + 50))
            before = list(_NAME_PAIRS.finditer(self.text, max(0, title.start() - 50),
                                               title.start()))
            for found in (after, before[-1] if before else None):
                if found is not None:
                    sp = self.named(found.group(1), "")
                    if sp is not None and sp.kind == "person":
                        yield sp

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
        if at is not None and self.text and last is not None and last.kind == "person" and (
                self._acts_on_pronoun(last, at, want)):
            # "Zelensky made him defence minister ... '...,' he told me": the one Zelensky
            # acted on, of the persons heard before the one the story names most (a
            # profile's subject), not Zelensky
            others = [sp for sp in self.earlier_persons if sp != last and sp.kind == "person"
                      and self._gender(sp.name) in (None, want)]
            if others:
                return max(reversed(others),
                           key=lambda sp: self.text.count(sp.name.split()[-1], 0, at))
        if last is None:  # "By the time Svitlana Hrytsenko unlocked the basement, ... '...,'
            # she told me": nobody heard yet, the name before of this gender
            return self._named_before_of(at, want)
        if last.kind != "person":  # a source: "A British defence official ... He said ...":
            gender = self.genders.get(last.name)  # of the gender "he" gave, if any
            if gender is None or gender == want:
                if last.kind == "anonymous":
                    self.genders[last.name] = want
                return last
            # '"...," she added': not the official, whom "he" was; the woman heard just
            # before, or named shortly before
            before = self.earlier_persons[-1] if self.earlier_persons else None
            if before is not None and self._gender(before.name) == want:
                return before
            return self._named_before_of(at, want) or last
        else:
            gender = self._gender(last.name)
            if gender is None:  # "Yvette Cooper said ... She said Britain ...": "she" tells
                self.genders[last.name] = want
            if gender in (None, want):
                return last
        if want == "m" and at is not None and self.text and guessed_woman(last.name) and (
                last.name.split()[-1] in self.text[self.text.rfind("\n", 0, at) + 1 : at]):
            return last  # "Hendra Wijaya, ..., said ... '...,' he said": a name in -a that
            # is a man's, named in the paragraph, before a man named further up
        for sp in reversed(self.earlier_persons):
            if self._gender(sp.name) == want:
                return sp
        return self._named_before_of(at, want) or last

    def _named_before_of(self, at: int | None, want: str) -> Speaker | None:
        """The person of gender `want` the text names last before `at`, if any."""
        if at is None or not self.text:
            return None
        for found in self._names_before(at):
            if self._gender(found.group(1)) == want:
                sp = self.named(found.group(1), "")
                if sp is not None and sp.kind == "person":
                    return sp
        return None

    def _acts_on_pronoun(self, sp: Speaker, at: int, want: str) -> bool:
        """Whether the paragraph before `at` has this person act on "him" or "her" ("Zelensky
        made him defence minister"): the pronoun there, and the one after, is somebody else."""
        para = self.text.rfind("\n", 0, at) + 1
        surname = sp.name.split()[-1]
        if surname not in self.text[para:at]:
            return False
        acts = _ACTS_ON_HER if want == "f" else _ACTS_ON_HIM
        return next(after_name(self.text, surname, acts, para, at), None) is not None

    def _named_in_paragraph(self, at: int, last: Speaker | None, want: str) -> Speaker | None:
        """The person the paragraph names before `at` when the one last heard is not in it:
        "The most honest summary came from Rustem Umerov, Ukraine's chief negotiator. '...,'
        he said" is Umerov, not a spokesperson two paragraphs up."""
        para = self.text.rfind("\n", 0, at) + 1
        if last is not None and (last.head or last.name.split()[-1]) in self.text[para:at]:
            return None
        if last is not None and self.text.startswith(_OPENING_PRONOUN[want], para):
            return None  # "He also dismissed the idea, which Friedrich Merz had floated.
            # '...,' he said": the paragraph goes on about the one last heard
        if asked := _ASKED.match(self.text, para, at):  # "Asked whether he believed
            para = asked.end()  # Viktor Orbán would lift his veto, he laughed": the question's
            # names are not who answers
        for sp in self._persons_named_before(at, para, known_only=True):
            if sp != last and self._gender(sp.name) in (None, want):
                return sp
        return None

    def _known_person(self, name: str) -> bool:
        """Whether a full name is a codebook actor's or a person's the article named before."""
        if self.matcher.name_to_actor.get(norm_key(name)):
            return True
        known = self.unknown_by_surname.get(name.split()[-1])
        return known is not None and known.name.endswith(name) or (
            self._by_given_name(name.split()) is not None)

    def _by_given_name(self, tokens: list[str]) -> Speaker | None:
        """The person named before whose given name a title calls them by ("Prince Faisal"
        after "Foreign Minister Prince Faisal bin Farhan", "Sir Keir")."""
        if len(tokens) != 2 or tokens[0].casefold() not in _GIVEN_NAME_TITLES:
            return None
        for sp in self.unknown_by_surname.values():
            given = [w for w in sp.name.split() if w.casefold() not in _GIVEN_NAME_TITLES]
            if len(given) > 1 and given[0] == tokens[1]:
                return sp
        # a codebook actor of that given name ("Sir Keir": Keir Starmer), if only one
        mt = self.matcher
        found = {aid for aid, a in mt.actors.items() if a.name.split()[0] == tokens[1]}
        return mt.actor_speaker(found.pop()) if len(found) == 1 else None

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
        for found in self._names_before(at, lo):
            if known_only and (not self._known_person(found.group(1))
                               or _inside_quotation(self.text, lo, found.start(1))):
                continue
            sp = self.named(found.group(1), "")
            if sp is not None and sp.kind == "person":
                yield sp

    def _names_before(self, at: int, lo: int = 0):
        """The two capitalised words the text gives as a name before `at` (from `lo`, within a
        pronoun's reach), the nearest first, overlapping ("When Olena Marchenko": "Olena
        Marchenko"); none that opens with a word no name is, nor a possessive ("Trump's")."""
        lo = max(lo, at - _PRONOUN_REACH)
        for found in reversed(list(_NAME_PAIRS.finditer(self.text, lo, at))):
            first = found.group(1).split()[0].casefold()
            if first in _NOT_NAMES or first in _SCENE_OPENERS or first in _TITLE_WORDS:
                continue
            if not self.text.startswith(("'s", "’s"), found.end(1)):
                yield found

    def _gender(self, name: str) -> str | None:
        """A person's gender as the first name says it, else as the article's courtesy
        title before the surname does ("Mr. Klitschko"); read once per name."""
        if name not in self.genders:
            gender = name_gender(name) if " " in name else lone_name_gender(name)
            if gender is None and self.text and " " in name:
                title = _courtesy_title(self.text, name.split()[-1])
                gender = name_gender(f"{title} {name}") if title else None
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
        known = self._said_of(sp)
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

    def _titled_here(self, role: str) -> Speaker | None:
        """The one person the article named with a codebook role's title who is not the
        codebook's holder ("The Cardinal Secretary of State, Pietro Parolin, ... The Secretary
        of State said": Parolin, not the U.S. one); not a deputy's or a former holder's."""
        words = {w for w in _DESCRIPTION_SPLIT.split(role.casefold()) if w} - _ROLE_LINKS
        if not words or not self.unknown_by_surname:
            return None
        found = [sp for sp in set(self.unknown_by_surname.values())
                 if sp.kind == "person" and any(words <= said and not said & _NOT_HOLDER_WORDS
                                                for said in self._titles_of(sp))]
        return found[0] if len(found) == 1 else None

    def _titles_of(self, sp: Speaker) -> list[frozenset[str]]:
        """The words of each title the article writes before the person's full name, up to
        its sentence's start or a comma's ("The Cardinal Secretary of State, Pietro
        Parolin": cardinal, secretary, state); read once per person."""
        if sp.name not in self.titles:
            out = []
            at = self.text.find(sp.name)
            while at != -1:
                lead = _SENTENCE_LEAD.search(self.text, max(0, at - 80), at)
                parts = lead.group(0).split(",") if lead else [""]
                title = parts[-1] if parts[-1].strip() or len(parts) == 1 else parts[-2]
                out.append(frozenset(w for w in _DESCRIPTION_SPLIT.split(title.casefold()) if w))
                at = self.text.find(sp.name, at + len(sp.name))
            self.titles[sp.name] = out
        return self.titles[sp.name]

    def _said_of(self, sp: Speaker) -> frozenset[str]:
        """The words the article and the codebook say of a person (read once per person and
        description): the name, the description where the article first names them in
        full, one it gave before naming them, a codebook actor's aliases and roles ("The
        President of the Republic, Emmanuel Macron," is no codebook role of his)."""
        key = (sp.name, sp.actor, self.described_as.get(sp.name, ""))
        known = self.said_of.get(key)
        if known is None:
            actor = self.matcher.actors.get(sp.actor) if sp.actor else None
            full = self._full_name(sp.name.split()[-1]) if self.text else None
            said = " ".join((sp.name, description_at(self.text, full) if full else "", key[2],
                             # the country the person speaks for ("Foreign Minister Ignazio
                             # Cassis said Switzerland was glad": "the Swiss foreign minister")
                             (full and speaks_for(self.text, full.end())) or "",
                             *((*actor.aliases, *actor.roles) if actor is not None else ())))
            known = self.said_of[key] = frozenset(
                t for t in _DESCRIPTION_SPLIT.split(said.casefold()) if t)
        return known

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
            parsed = mt.anon_cache[raw] = parse_anonymous(mt, raw)
        det, mods, head_word, plural, party, known, tail = parsed
        if known is not None:
            return known
        if plural and party is None and at is not None and (
                listed := self._listed_party(at + len(raw))):
            # "leaders of Germany, France, Britain ... and the European Union": theirs
            return self._anonymous_in_context(det, mods, head_word, plural, listed, tail, at)
        if not det and not mods and at is not None and self.text and (
            self.text[self.text.rfind(" ", 0, max(at - 1, 0)) + 1 : at][:1].isupper()
        ) and (body := _BODY_BEFORE.search(self.text, max(0, at - 30), at)):
            # "an IAEA spokesperson": the body's, none of the sources before, no party the
            # story lends (a party's body would be the scanner's modifier: "a Kremlin aide")
            name = _anon_name((body[1],), head_word, plural, tail)
            return Speaker(name, None, "anonymous", party, head_word, (body[1],), tail)
        if not det and not mods and party is None:  # "officials", "analysts" (most sources)
            prior = self.anon_by_head.get(head_word)
            if prior is not None:  # the ones before: _anonymous_in_context's answer, sooner
                return numbered(prior, plural)
        placed = at is not None and bool(_PLACED_AFTER.match(self.text, at + len(raw)))
        return self._anonymous_in_context(det, mods, head_word, plural, party, tail, at, placed)

    def _listed_party(self, end: int) -> str | None:
        """The one party of the countries and bodies listed after a group of sources ending at
        `end` ("leaders of Germany, France, the Nordic countries and the European Union"), if
        the list names no other country."""
        listed = _LIST_OF.match(self.text, end)
        if listed is None:
            return None
        mt = self.matcher
        parties = {mt.word_party.get(norm_key(m.group(0)))
                   for m in mt.party_words.finditer(listed[1])}
        if len(parties) != 1 or None in parties or world(mt).pattern.search(listed[1]):
            return None
        return parties.pop()

    def _anonymous_in_context(self, det, mods, head_word, plural, party, tail="",
                              at: int | None = None, placed: bool = False) -> Speaker:
        """An anonymous source, completed from the ones the article named before (`at`:
        where the description stands, if known; `placed`: the article says where the source
        is, "a senior official in Kyiv", so it is none of those before)."""
        mt = self.matcher
        # (and "opposition", which a person in office is not: "the opposition leader" after
        # the prime minister is somebody else)
        nationality = [w for w in mods if norm_key(w) in mt.word_party
                       or w.casefold() == "opposition"]
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
        if det == "the" and mods and not plural:
            for sp in reversed(self.described_anons):
                if sp.head == head_word and all(w in sp.mods for w in mods):
                    return numbered(sp, plural)  # "the finance ministry official" after a
                    # Bundesbank one
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
            if prior is not None and not own_origin(mt, mods) and not placed:
                # (not "a senior western official" after a Ukrainian one: his own origin)
                if det in ("the", "one of the", "two of the", "both") or not mods and not det:
                    return numbered(prior, plural)
                tail = tail or prior.tail
                party_mods = tuple(w for w in prior.mods if mt.word_party.get(norm_key(w)))
                mods = (*[w for w in mods if w not in party_mods], *party_mods)
                party = prior.party
                # "another senior official" keeps the nationality of the officials before it
                mods = tuple(sorted(mods, key=lambda w: 1 if w in party_mods else 0))
        name = _anon_name(mods, head_word, plural, tail)
        if party is None and not own_origin(mt, mods) and not (
            _OBSERVER.search(head_word)
        ):  # (not "foreign ministers", "military experts")
            party = self._home_office(" ".join((*mods, head_word, tail)))
        key = (name, party, head_word, mods, tail)  # (speakers are compared by value: one
        # made per description and kept on the matcher answers as a new one would)
        sp = mt.anon_speakers.get(key)
        if sp is None:
            sp = mt.anon_speakers[key] = Speaker(name, None, "anonymous", party, head_word, mods,
                                                 tail)
        return sp

    def _introduced_in_paragraph(self, head_word: str, at: int) -> Speaker | None:
        """The source an indefinite description with this head introduced earlier in the
        paragraph ("A senior EU diplomat said ..."), even where nothing heard it."""
        para = self.text.rfind("\n", 0, at) + 1
        introduced = re.finditer(rf"\b[Aa]n?\s+(?:[\w.-]+\s+){{0,3}}{re.escape(head_word)}\b",
                                 self.text[para:at])  # (a head word of a few: re keeps it)
        found = max(introduced, key=re.Match.start, default=None)  # the last one
        if found is None:
            return None
        sp = self._anonymous(found.group(0))
        return sp if sp is not None and sp.kind == "anonymous" else None

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
        if norm_key(raw.strip()) in _outlet_keys():
            return None  # "..., Ukrinform reports.": the outlet that reports, nobody it quotes
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
        if (by_title := self._by_given_name(tokens)) is not None:
            return by_title  # "Prince Faisal", "Sir Keir"
        owner = max((i for i, t in enumerate(tokens[:-1])
                     if t[-2:] in ("'s", "’s", "s'", "s’")), default=-1)
        if owner >= 0:  # "Al Jazeera's Charles Stratford", "The Greens' Agnieszka Brugger":
            # the outlet or party is not the name
            title_text += " " + " ".join(tokens[: owner + 1])
            tokens = tokens[owner + 1 :]
        body = tokens[1:] if tokens and tokens[0].casefold() == "the" else tokens
        if is_institution_name(body):  # "the General Staff said": a body, not a Mr Staff
            return institution_called(mt, self.text, body)
        while tokens and (
            tokens[0].casefold().rstrip(".") in _TITLE_WORDS
            or tokens[0].casefold() in _TITLE_WORDS
            or tokens[0].casefold() in _NOT_NAMES
            or norm_key(tokens[0]) in mt.word_party
            or not (tokens[0][:1].isupper() or len(tokens) > 1 and tokens[1][:1].isupper()
                    or len(tokens) == 1 and JOINED_PARTICLE.fullmatch(tokens[0]))
            # ("al-Kaabi told": a surname with its particle, written in lower case)
        ):
            title_text += " " + tokens.pop(0)
        while tokens and not (tokens[-1][:1].isupper() or JOINED_PARTICLE.fullmatch(tokens[-1])):
            tokens.pop()
        if len(tokens) > 1 and tokens[-1].rstrip(".,") in POST_NOMINALS:
            title_text += " " + tokens.pop()  # "Aoife Kearney TD": a member, called Kearney
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
        if any(t.casefold().rstrip(".") in _TITLE_OR_NOT_PERSON or _COMPOUND_ADJECTIVE.search(t)
               for t in tokens):
            return None  # ("A Piraeus-based owner": an adjective, not a name)
        surname = tokens[-1].rstrip(".,’'")  # ("said Kravets.": the name, not its stop)
        if len(tokens) == 1 and JOINED_PARTICLE.fullmatch(surname) and surname[:1].isupper():
            surname = surname[:1].lower() + surname[1:]  # "Al-Mutairi said": al-Mutairi's
            name = surname
        known = self.unknown_by_surname.get(surname)
        if known and known.name.endswith(name):
            if known.party is None and title_text.strip() and not _foreign_office(
                    mt, title_text, surname) and surname not in self.named_elsewhere:
                # a later description tells more (though not a codebook role alone: where
                # the person was first named said whether the role is the codebook's)
                party = party_of(mt, self.anon_by_head, title_text, roles=False)
                if party and not (_JOURNALIST.search(title_text) or _OBSERVER.search(title_text)):
                    known = self.unknown_by_surname[surname] = replace(known, party=party)
            return known
        if world(mt).is_country(name):
            # "The United Arab Emirates said it was ...": a country of no party speaks, no
            # person, and no party is lent to it
            return Speaker(name, None, "institution", None)
        full = self._full_name(surname) if self.text else None
        while full is not None and only_titles(full.group(0).split()[:-1]):
            # "FM Toiu: Peace deal ..." in a headline names nobody in full; "Minister of
            # Foreign Affairs Oana Toiu declared" below does
            full = next_full_name(self.text, surname, full.end())
        if len(tokens) == 1 and self.text and (
            full is None or len(full.group(0).split()) == 1 + self._after_titles(
                full.group(0).split())
        ):  # "Mao said" after "Mao Ning", "Wang said" after "Foreign Minister Wang Yi": a
            # family name written first, as Chinese and other names are
            if (recent := self.family_first.get(surname)) is not None:
                return recent  # (the one named last of two: "Lin Yu-hsuan", then "Lin Jian")
            given = self._given_name_after(surname)
            if given is not None and norm_key(f"{surname} {given}") not in mt.name_to_actor:
                # (a codebook actor is called by his aliases: "said Andrii, a drone
                # operator" after "Andrii Sybiha" is somebody else)
                return self.named(f"{surname} {given}", title_text)
        if full:  # the article's first full naming describes the person
            if len(tokens) == 1:  # "Michal said": the article named her in full
                words = full.group(0).split()
                name = " ".join(
                    t for t in words[self._after_titles(words) :]
                    if norm_key(t) not in mt.word_party
                    and t.casefold() not in _TITLE_OR_NOT_NAME
                    and t.casefold() not in _PREPOSITIONS  # "For Hrim, the talks are ..."
                )
            description = description_at(self.text, full)
            if _OBSERVER.search(description):
                title_text += " analyst"
            title_text += " " + description
            foreign_office = _foreign_office(mt, description, surname)
        else:
            foreign_office = False
        if self.captions and not _OFFICE.search(title_text) and (
                pictured := caption_description(self.captions, name)):
            # named with no office in the text, described in a photo's caption ("Taras
            # Kachka, Ukraine's deputy prime minister for European integration, has led")
            title_text += " " + pictured
            foreign_office = foreign_office or _foreign_office(mt, pictured, surname)
        # A reporter "reporting from Kyiv" or a "Moscow correspondent" speaks for no party,
        # nor does an analyst.
        observer = _JOURNALIST.search(title_text) or _OBSERVER.search(title_text)
        # (where the article first names the person, fully if it does)
        elsewhere = self._elsewhere(full.start() if full else self.text.find(surname))
        party = None if observer or foreign_office else party_of(
            mt, self.anon_by_head, title_text, roles=False)
        if party is None and not (observer or foreign_office) and full and _OFFICE.search(
                title_text):  # the country the holder speaks for, before the sources heard
            # of before ("ministers"); a country of no party's holds its own office ("Prime
            # Minister Mark Carney said Canada was ready", in a story from Paris)
            country = speaks_for(self.text, full.end())
            party = mt.word_party.get(norm_key(country)) if country else None
            foreign_office = party is None and bool(country) and world(mt).is_foreign_place(
                country)
        if party is None and not (observer or foreign_office or elsewhere):
            party = party_of(mt, self.anon_by_head, title_text)
        # "Singapore's Foreign Minister Vivian Balakrishnan": another country's, whatever the
        # story's own party or places (observer or not, no party the story lends)
        observer = observer or foreign_office or party is None and world(mt).pattern.search(
            title_text)
        if party is None and not observer and full and _OFFICE.search(title_text):
            party = scene_party(mt, self.text, full.start())
        if party is None and not observer and full and _ITS_TITLE.search(title_text):
            party = party_named_before(mt, self.text, full.start())
        if party is None and not observer and self.text:
            party = predicate_party(mt, self.text, self.anon_by_head, surname)
        if self.unnamed is not None and party is None and (
            full is None or description_at(self.text, full).strip() == full.group(0)
            or self.unnamed.name.split()[-1].casefold() in title_text.casefold().split()
        ):  # the person the story described before naming them, with no words of their own
            # or with the same title ("Estonia's foreign minister urged ... Foreign Minister
            # Margus Tsahkna told"), before the party of the place the story is written in
            party = self.unnamed.party
            self.described_as[name] = self.unnamed.name
        if party is None and not observer and self.home and not elsewhere:
            party = self._home_office(title_text, name) or (
                self._resident_party(surname) if " " not in name else None)
        self.unnamed = None
        sp = Speaker(name, slug(name), "person", party)
        self.unknown_by_surname[surname] = sp
        if len(tokens) > 1:
            self.family_first[tokens[0]] = sp
        if elsewhere and party is None:
            self.named_elsewhere.add(surname)
        return sp

    def _resident_party(self, name: str) -> str | None:
        """The party of a person named by a first name alone ("Valentina, 67, a retired
        teacher", "said Oleh, 38, a municipal worker"), as a feature names the people it meets
        where it is set: the place the paragraph opens in ("In Sloviansk,"), else the
        story's own party."""
        at = self.text.find(name)
        return (scene_party(self.matcher, self.text, at) if at >= 0 else None) or self.home

    def _home_office(self, description: str, name: str = "") -> str | None:
        """The article's own party for an office or rank held where it is set ("Finance
        Minister Anton Siluanov" in a story on Russia's budget, "a soldier" in a dispatch
        from Donbas), or None."""
        if self.home and state_role(description, tuple(name.split())):
            return self.home
        return None

    def _elsewhere(self, at: int) -> bool:
        """Whether the passage around `at` (the paragraph before and its own, up to a
        little after `at`) is set in a country outside the codebook ("In Seoul, ..."): an
        office holder named there holds that country's office, not the article's party."""
        text = self.text
        if at < 0:
            return False  # (a name the text does not write as the speaker was given)
        lo = text.rfind("\n", 0, at)  # the end of the paragraph before, past blank lines
        while lo > 0 and text[lo - 1].isspace():
            lo -= 1
        lo = text.rfind("\n", 0, lo) + 1 if lo > 0 else 0
        end = text.find("\n", at)
        hi = min(at + _SCENE_AFTER, len(text) if end == -1 else end)
        here = world(self.matcher)
        scene = scene_place(text, at)  # "In Wellington, Foreign Minister Winston Peters said"
        if scene and here.is_foreign_place(scene):
            return True
        # the sentence naming the person, where it speaks of another country and of no
        # party ("Defence Minister Richard Marles said Australia remained open to ...")
        s_lo = max(text.rfind(". ", lo, at) + 2, text.rfind("\n", 0, at) + 1)
        s_end = text.find(". ", at, hi)
        s_hi = hi if s_end == -1 else s_end
        if not here.party_words.search(text, s_lo, s_hi) and here.pattern.search(text, s_lo, s_hi):
            return True
        return here.elsewhere(text, lo, hi)

    def _given_name_after(self, surname: str) -> str | None:
        """The capitalised word after the first "<surname> <Word>" of the article that can be
        a given name ("Ning" in "Mao Ning"), if the article writes the name so (read once)."""
        if surname not in self.given_names:
            self.given_names[surname] = self._find_given_name(surname)
        return self.given_names[surname]

    def _find_given_name(self, surname: str) -> str | None:
        _at, given = next(after_name(self.text, surname, _GIVEN_AFTER, guard="’'-"), (0, None))
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
        return not cut or only_titles(tokens[cut:])

    def _after_titles(self, tokens: list[str]) -> int:
        """Where a name starts after the title or party words inside a capitalised run
        ("Enlargement Commissioner Marta Kos" → 2); 0 when nothing but a name would be left."""
        cut = 0
        word_party = self.matcher.word_party
        for i, t in enumerate(tokens[:-1]):
            low = t.casefold()
            if is_title_word(t) or low in _TITLE_WORDS or norm_key(t) in word_party:
                cut = i + 1
            elif i + 2 < len(tokens) and norm_key(f"{t} {tokens[i + 1]}") in word_party:
                cut = i + 2  # "Ambassador to the United States Olha Stefanishyna"
        return cut if cut and tokens[cut][:1].isupper() else 0
