"""A person's name next to a speech verb: the capitalised words before it (`name_before`), after
it (`name_after`), and the appositions, tags and possessives around them.
"""

from __future__ import annotations

import re

from store.extract.speakers.matcher import Matcher, Speaker, norm_key
from store.extract.speakers.vocabulary import (
    _ANON_HEADS,
    _COURTESY,
    _HEADS_ALL,
    _NOT_PERSON,
    _PLURAL_HEADS,
    _PREPOSITIONS,
    _TITLE_WORDS,
)

# A particle joined to the name it opens ("al-Mutairi", "Al-Mutairi" opening a sentence).
_JOINED = r"(?:al|el|ad|ar|as|ash|at|abu|ibn|bin)-[A-ZÀ-ÖØ-ÞĀ-ɏ][\w’'.-]*"
JOINED_PARTICLE = re.compile(_JOINED, re.IGNORECASE)
_NAME_TOKEN = (  # a capitalised word, a particle ("van"), or one joined to its name
    rf"(?:[A-ZÀ-ÖØ-ÞĀ-ɏ](?:[\w’'.-]|&(?=[A-Z]))*|{_JOINED}|(?:de|van|von|der|den|al|bin|la|le|da|du|di)\b)"
)
_NAME_AT_END = re.compile(rf"(?<![\w’'.-])({_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,5}})\s*$")
_NAME_AT_START = re.compile(rf"\s*({_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,5}})")
_POSSESSIVE_AFTER = re.compile(r"['’]s?(?=\s|$)")
# One aside or two in a row (", 58, whose son serves in the army,").
_COMMA_SEGMENT = re.compile(r",[^,]*(?:,[^,]*)?,")
_WORD = re.compile(r"[\w’'.-]+")

_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:on|last|this|late|early)\s+\w+|\s+(?:also|has|have|had|later|then|"
    r"previously|earlier|recently|again|once|now|repeatedly|himself|herself|already|publicly"
    r"|officially)"
    # "Lukashenka was quoted (by BelTA) as saying"
    r"|\s+(?:was|were|is|are)\s+quoted(?:\s+by\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?\s+as)*\s*$"
)
_ADVERB_ENDS = frozenset(
    "also has have had later then previously earlier recently again once now repeatedly "
    "himself herself already publicly officially as".split()  # "as": "was quoted as"
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


_TRAILING_APPOSITION = re.compile(r",[^,]*,\s*$")
# An aside that opens with a participle: ", speaking at her New Year news conference ...,".
_PARTICIPLE_WORDS = ("speaking|writing|talking|addressing|appearing|responding|answering"
                     "|commenting|reacting|referring|asked")
_PARTICIPLE_ASIDE = re.compile(rf",\s+(?:{_PARTICIPLE_WORDS})\b")
# A name, then a participle's aside too long for the window _name_before reads: "Duma Speaker
# Vyacheslav Volodin, commenting on the European Union's decision ... assets, said"
_LONG_PARTICIPLE_ASIDE = re.compile(
    rf"(?<![\w’'.-])([A-ZÀ-ÞĀ-ɏ][\w’'.-]+(?:\s+[A-ZÀ-ÞĀ-ɏ][\w’'.-]+)+),\s+(?:{_PARTICIPLE_WORDS})\b"
    r"[^\"“”«»;:]{0,260},\s*$")
# An apposition's start: ", a ...", ", the ...", ", Ukraine's ...".
_APPOSITION_START = re.compile(r",\s+(?:a|an|the|[A-Z][\w.-]*['’]s)\s")
_LISTED_APPOSITION = re.compile(r",[^,]*,[^,]*\band\b[^,]*,\s*$")
# "R-Pa.", "(D-N.H.)", "I-Vt.": a US lawmaker's party-and-state tag marks an American.
_US_STATE_TAG = re.compile(  # (a state legislator's home town: "R-Rocky River")
    r"(?<![\w-])[RDI]-(?:[A-Z]\.[A-Z]\.|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}\.?|[A-Z]{2})(?![\w-])")
# What may stand between a name and its aside: an age ("Halyna Moroz, 58, who ..."), a
# party tag in brackets ("Elina Valtonen (NCP) told") or a US lawmaker's ("Lindsey Graham,
# R-S.C., a close ally of Trump, said").
_AGE_OR_TAG = re.compile(
    r"(?:,\s*\d{1,3}|\s*\([^()\n]{1,40}\)|,\s*" + _US_STATE_TAG.pattern + r")\s*$"
)
# A name and nothing else (two capitalised words at least): "Paula Pinho".
_BARE_NAME = re.compile(
    r"[A-ZÀ-ÞĀ-ɏ][\w’'.-]+(?:\s+(?:de|van|von|der|al|bin)?\s*[A-ZÀ-ÞĀ-ɏ][\w’'.-]+)+")
# ... or a name and the body it belongs to: "Inna Sovsun of the opposition party Holos".
_NAME_OF_BODY = re.compile(rf"({_BARE_NAME.pattern})\s+(?:of|from)\s+(?:the\s+)?[^,]{{1,60}}")
# "Tatiana Stanovaya of (the) " right before an organisation's name: the person it belongs to.
_OF_ORGANISATION = re.compile(
    r"((?:[A-ZÀ-ÞĀ-ɏ][\w’'.-]*\s+)*[A-ZÀ-ÞĀ-ɏ][\w’'.-]+\s+[A-ZÀ-ÞĀ-ɏ][\w’'.-]+)\s+(?:of|at|from)\s+(?:the\s+)?$"
)


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
    if found is None and text[max(start, end - 3) : end].rstrip().endswith(",") and (
            long := _LONG_PARTICIPLE_ASIDE.search(text, max(start, end - 320), end)):
        return long.group(1), long.start(1)
    if found is None and text[max(start, end - 3) : end].rstrip().endswith(","):
        # "Fedir Venislavsky (Servant of the People faction), a member of the Committee on
        # National Security, Defense and Intelligence, said": an apposition with commas
        long = _LONG_APPOSITION.search(text, max(start, end - 240), end)
        if long:
            return long.group(1), long.start(1)
    return found


# (a party tag in brackets or a US lawmaker's "R-S.C." may come first)
_APPOSITION_BODY = (  # (an age first: "Mariia Ostapchuk, 41, a second-term lawmaker ...,")
    r"(?:\s*\([^()]{1,60}\))?(?:,\s*" + _US_STATE_TAG.pattern + r")?(?:,\s*\d{1,3})?"
    r",\s+(?:a|an|the|who|[A-Z][\w.-]*['’]s|speaking|writing|talking|addressing|appearing"
    r"|responding|answering)\s[^\"“”«»]{0,180}"
)
_APPOSITION_GAP = _APPOSITION_BODY + r",\s*"
# An apposition that ends where a relative clause about the person begins ("X, Ukraine's
# commissioner for human rights|, who led ..., said").
_APPOSITION_BODY_RE = re.compile(_APPOSITION_BODY)
_LONG_APPOSITION = re.compile(
    r"(?<![\w’'.-])([A-ZÀ-ÞĀ-ɏ][\w’'.-]+(?:\s+[A-ZÀ-ÞĀ-ɏ][\w’'.-]+)+)" + _APPOSITION_GAP + "$"
)
_APPOSITION_GAP_RE = re.compile(_APPOSITION_GAP)
# A person the article names by one name only, as they asked: the name is all there is.
_GIVEN_NAME_ONLY = re.compile(
    r"(?:by\s+(?:his|her|their)\s+first\s+name|identified\s+only\s+as|gave\s+only\s+"
    r"(?:his|her|their)\s+first\s+name)[,\s]+([A-ZÀ-ÞĀ-ɏ][\w’'-]+),?\s*$"
)


def apposition_between(text: str, name_end: int, verb: int) -> bool:
    """Whether only an apposition, commas and all, stands between a name and its verb
    ("..., a member of the Committee on National Security, Defense and Intelligence, said")."""
    return _APPOSITION_GAP_RE.fullmatch(text, name_end, verb) is not None or (
        text.startswith((", who ", ", whose "), verb)
        and _APPOSITION_BODY_RE.fullmatch(text, name_end, verb) is not None) or (
        _PLACED_GAP.fullmatch(text, name_end, verb) is not None)


# "..., procurement manager at a flour mill in Surabaya, East Java, said": a description
# with no article that ends in a place and its region.
_PLACED_GAP = re.compile(r",\s+[a-z][^,;:\"“”]{0,80}\s(?:in|near|outside)\s+[A-ZÀ-ÞĀ-ɏ][\w’'.-]+"
                         r",\s+[A-ZÀ-ÞĀ-ɏ][\w’'.-]+(?:\s+[A-ZÀ-ÞĀ-ɏ][\w’'.-]+)?,\s*")


_DESCRIBED_IN_PLACE = re.compile(
    r"(?<![\w’'.-])([A-ZÀ-ÞĀ-ɏ][\w’'.-]+(?:\s+[A-ZÀ-ÞĀ-ɏ][\w’'.-]+)+),\s+[a-z][^,;:]*\s(?:in|near|outside)"
    r"\s+[A-ZÀ-ÞĀ-ɏ][\w’'.-]+$")


def _name_before(text: str, start: int, end: int) -> tuple[str, int] | None:
    lo = max(start, end - 120)
    window = _without_trailing_adverbs(text[lo:end])
    participle = _PARTICIPLE_ASIDE.search(window)
    if participle and window.rstrip().endswith(",") and (
        named := _name_before(text, start, lo + participle.start())
    ):  # "Sanae Takaichi, speaking at her news conference in Ise, Mie Prefecture, on
        # Monday, said": the name before the aside, not a place inside it
        return named
    if window.rstrip().endswith(","):
        aside = _TRAILING_APPOSITION.search(window)
        inner = aside.group().strip(" ,") if aside else ""
        named = aside and not _US_STATE_TAG.fullmatch(inner) and (
            _BARE_NAME.fullmatch(inner) or _NAME_OF_BODY.fullmatch(inner))
        if named and (placed := _DESCRIBED_IN_PLACE.search(window, 0, aside.start())):
            # "Hendra Wijaya, procurement manager at a flour mill in Surabaya, East Java,
            # said": the region of the place the person is described in, not a name
            return placed.group(1), lo + placed.start(1)
        if named:  # "A spokesperson for the Commission, Paula Pinho, said": the name (also
            # "One of those MPs, Inna Sovsun of the opposition party Holos, told her")
            name = named.group(1) if named.re is _NAME_OF_BODY else named.group()
            return name, lo + aside.start() + aside.group().find(name)
        listed = _LISTED_APPOSITION.search(window)  # "X, Assistant Secretary-General for
        # Europe, Central Asia and the Americas, said": a title ending in a list
        if listed and _NAME_AT_END.search(_without_age_or_tag(window[: listed.start()])):
            window = window[: listed.start()]
        window = _TRAILING_APPOSITION.sub("", window)  # "Bart Smet, Belgium's premier, said"
    window = _without_age_or_tag(window.rstrip(" ,"))
    m = _NAME_AT_END.search(window) if _may_end_with_name(window) else None
    if not m and (cut := window.rfind(",")) > 0 and _APPOSITION_START.match(window, cut):
        # "Dmytro Lubinets, Ukraine's parliamentary commissioner for human rights| who ...":
        # the name before its apposition
        return _name_before(text, start, lo + cut)
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
    ["staff", "forces", "force", "service", "agency", "committee", "headquarters", "guard"]
)
_PERSON_OR_INSTITUTION_ENDS = _PERSON_ENDS | _INSTITUTION_ENDS
_POSSESSIVE_ROLE = re.compile(
    r"(?<![\w.'’-])((?:[A-ZÀ-ÞĀ-ɏ][\w-]*\s+){0,3}[A-ZÀ-ÞĀ-ɏ][\w-]*)['’]s\s+"
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
    country = m.group(1).removeprefix("The ")
    if kind == "institution" and _world_country(matcher, country):
        # "The UAE's foreign ministry said", "Turkey's foreign ministry": a body of a
        # country of no party
        at = m.end(1) - len(country)
        return window[at:].strip(), lo + at, None, False, kind
    return None


def _world_country(matcher: Matcher, words: str) -> bool:
    """Whether words are a country outside the codebook's parties ("UAE", "Turkey")."""
    from store.extract.countries import world  # (imported here: countries imports us)

    found = world(matcher).pattern.fullmatch(words)
    return found is not None


# An institution named by its country's word and capitalised words ("the Russian Defence
# Ministry", "the U.S. Energy Department"): the last word says what it is.
_NAMED_INSTITUTION = re.compile(  # (within a paragraph: not "Moscow.\n\nThe UAE ...")
    r"(?<![\w.'’-])(?:[Tt]he\s+)?((?:[A-ZÀ-ÞĀ-ɏ][\w.-]*[ \t]+){1,4}"
    r"(?:Ministry|Staff|Agency|Committee|Service|Forces|Command|Headquarters|Guard|Embassy"
    r"|Office|Department|(?:foreign\s+|defen[cs]e\s+|energy\s+)?(?:ministry|embassy))"
    r"(?![\w'’-])(?:\s+in\s+[A-ZÀ-ÞĀ-ɏ][\w’'-]*(?:\s+[A-ZÀ-ÞĀ-ɏ][\w’'-]*)?)?)"  # "in New Delhi"
)
_IN_PLACE = re.compile(r"\s+in\s+\S.*$")  # an institution's city: "... Embassy in Israel"
_INSTITUTION_REACH = 600  # how far back "the ministry" looks for the ministry it means


def _institution(matcher: Matcher, name: str) -> Speaker | None:
    """The institution of a name opening with its country's word, or None."""
    words = name.split()
    for n in (2, 1):  # "U.S.", "United States"
        party = matcher.word_party.get(norm_key(" ".join(words[:n])))
        if party:
            return Speaker(name, None, "institution", party)
    return None


# A body of a country named before: "its foreign ministry said".
_ITS_BODY = re.compile(
    r"\b[Ii]ts\s+((?:(?:foreign|defen[cs]e|energy|finance)\s+)?ministry|government|embassy)\s*$")
_ITS_OWNER_REACH = 400  # how far back the country "its" stands for is sought


def _country_named_before(matcher: Matcher, text: str, at: int) -> str | None:
    """The country of no party the text names last before `at` in its paragraph, up to
    _ITS_OWNER_REACH characters back (whose "its foreign ministry" is), or None when a
    party's word stands after it."""
    from store.extract.countries import world

    lo = max(text.rfind("\n\n", 0, at) + 1, at - _ITS_OWNER_REACH)
    country = max(world(matcher).pattern.finditer(text, lo, at), key=re.Match.start, default=None)
    if country is None or matcher.party_words.search(text, country.end(), at):
        return None
    return country.group(0)


def _foreign_institution(matcher: Matcher, name: str) -> Speaker | None:
    """The institution of a name opening with the name or people of a country of no party
    ("the UAE foreign ministry", "the Emirati foreign ministry"), with no party, or None."""
    from store.extract.countries import world

    opening = world(matcher).pattern.match(name)
    return Speaker(name, None, "institution", None) if opening and opening.end() < len(
        name) else None


def is_institution_name(words: list[str]) -> bool:
    """Whether capitalised words name a body, not a person: two words at least, the last one
    saying what it is ("General Staff", "Air Force", "State Emergency Service")."""
    return len(words) > 1 and words[-1].casefold() in _NAMED_INSTITUTION_ENDS and all(
        w[:1].isupper() for w in words
    )


def institution_called(matcher: Matcher, text: str, words: list[str]) -> Speaker:
    """The institution `words` name (is_institution_name), with the party its own words give
    ("the Ukrainian Air Force", as `_institution` reads them), else the one the article gave
    it where it first named it with its country ("Ukraine's General Staff disputes ...
    '...,' the General Staff said"), else none."""
    name = " ".join(words)
    own = _institution(matcher, name)
    if own is not None:
        return own
    named = re.compile(r"(?<![\w.'’-])" + r"\s+".join(map(re.escape, words)) + r"(?![\w'’-])")
    for m in named.finditer(text):
        country = _COUNTRY_BEFORE.search(text, max(0, m.start() - 40), m.start())
        party = country and matcher.word_party.get(norm_key(country.group(1)))
        if party:
            return Speaker(name, None, "institution", party)
    return Speaker(name, None, "institution", None)


# The country word right before an institution's name: "Ukraine's ", "the Ukrainian ".
_COUNTRY_BEFORE = re.compile(r"([A-ZÀ-ÞĀ-ɏ][\w.-]*(?:\s+[A-ZÀ-ÞĀ-ɏ][\w.-]*)?)(?:['’]s)?\s+$")
_HEAD_AFTER = re.compile(r"\s+([a-z]+)\b")


def member_after(text: str, end: int) -> bool:
    """Whether the body named right before `end` only describes one of its people: "a Met
    Office spokesperson", "a General Staff officer" (the person speaks, not the body)."""
    m = _HEAD_AFTER.match(text, end)
    return m is not None and m.group(1) in _HEADS_ALL


def institution_before(matcher: Matcher, text: str, lo: int, end: int) -> Speaker | None:
    """The institution named with its country right before `end` (the verb): "The Russian
    Defence Ministry said" (Russia's); or a ministry named for its field, its country's if
    the text says whose ("South Korea's Ministry of Foreign Affairs said", "the Ministry of
    Foreign Affairs said"); or None."""
    m = max(_NAMED_INSTITUTION.finditer(text, max(lo, end - 80), end), key=re.Match.start,
            default=None)
    if m is not None and not text[m.end() : end].strip():
        return _institution(matcher, m.group(1)) or _foreign_institution(matcher, m.group(1))
    if (its := _ITS_BODY.search(text, max(lo, end - 40), end)) and (
            owner := _country_named_before(matcher, text, its.start())):
        # "The United Arab Emirates ... said it was honoured to host the talks. '...,' its
        # foreign ministry said": that country's ministry
        return Speaker(f"{owner} {its[1]}", None, "institution", None)
    of = _MINISTRY_OF.search(text, max(lo, end - 100), end)
    if of is None:
        return None
    start = of.start("owner") if of["owner"] else of.start("adj") if of["adj"] else of.start(
        "body")
    name = text[start : of.end("body")]  # its country, before or after ("... of Ukraine")
    return Speaker(name, None, "institution", matcher.party_in(name))


_MINISTRY_OF = re.compile(  # (its country's name or adjective: "The UAE Ministry of ...")
    r"(?<![\w.'’-])(?:[Tt]he\s+(?P<adj>(?:[A-ZÀ-ÞĀ-ɏ][\w.-]*\s+){1,2})?"
    r"|(?P<owner>(?:[A-ZÀ-ÞĀ-ɏ][\w.-]*\s+){0,2}[A-ZÀ-ÞĀ-ɏ][\w.-]*)['’]s\s+)"
    r"(?P<body>(?:Ministry|Department|Office)\s+(?:of|for)\s+(?:the\s+)?[A-ZÀ-ÞĀ-ɏ][\w-]*"
    r"(?:\s+(?:and\s+|of\s+)?[A-ZÀ-ÞĀ-ɏ][\w-]*){0,4})\s*$"
)


def institution_named_before(matcher: Matcher, text: str, at: int, noun: str
                             ) -> Speaker | None:
    """The last institution the text names with its country before `at` whose name ends
    in `noun`: what "the ministry said" means after "the Russian Defence Ministry reported"."""
    found = unplaced = None
    for m in _NAMED_INSTITUTION.finditer(text, max(0, at - _INSTITUTION_REACH), at):
        if _IN_PLACE.sub("", m.group(1)).rsplit(None, 1)[-1].casefold() == noun:
            found = _institution(matcher, m.group(1)) or found
            unplaced = m.group(1)
    if found is None and unplaced is not None:
        # "The UAE Ministry of Foreign Affairs welcomed the outcome. '...,' the ministry
        # said", "The UAE foreign ministry said ...": a ministry of no party's country
        of = _OF_FIELD.match(text, text.rfind(unplaced, 0, at) + len(unplaced))
        return Speaker(unplaced + (of.group() if of else ""), None, "institution", None)
    return found


_OF_FIELD = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3}")


def name_after(text: str, start: int, end: int) -> tuple[str, int] | None:
    m = _NAME_AT_START.match(text, start, end)
    return (m.group(1), m.start(1)) if m else None


def name_after_title(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The name after a title word or two at `start` (what follows a place in "Odesa
    governor Oleh Kiper", "Kyiv Mayor Vitali Klitschko") and where it starts."""
    m = _TITLE_THEN_NAME.match(text, start, end)
    if m and m.group(1).casefold() in _TITLE_WORDS:
        return m.group(2), m.start(2)
    m = _TITLE_PHRASE_THEN_NAME.match(text, start, end)  # "said chief of the general staff
    if m and all(w in _TITLE_PHRASE_WORDS for w in m.group(1).casefold().split()):  # Andriy
        return m.group(2), m.start(2)  # Hnatov": a title with its complement, in lower case
    return None


_TITLE_THEN_NAME = re.compile(  # (an initial may stand in the name: "Tore O. Sandvik")
    r"\s+(?:[A-Za-z]+\s+)?(?:[a-z]+-[a-z]+\s+)?([A-Za-z]+\.?)\s+"  # ("centre-right MEP")
    r"([A-ZÀ-ÞĀ-ɏ][\w’'-]+(?:\s+(?:[A-Z]\.|[A-ZÀ-ÞĀ-ɏ][\w’'-]+))*"
    r"\s+[A-ZÀ-ÞĀ-ɏ][\w’'-]+)"
)
_TITLE_PHRASE_THEN_NAME = re.compile(
    r"\s+((?:[a-z]+\s+){2,6}?)([A-ZÀ-ÞĀ-ɏ][\w’'-]+(?:\s+[A-ZÀ-ÞĀ-ɏ][\w’'-]+)+)"
)
_TITLE_PHRASE_WORDS = _TITLE_WORDS | frozenset(("of", "for", "staff"))


def apposition_ends_at(text: str, at: int) -> bool:
    """Whether a name ending at `at` can close an apposition ("..., John Coale." or ", Kristen
    Michal, said"): punctuation or the text's end follows, not the clause going on."""
    return text[at : at + 1] in ("", ",", ".", ";", ":", ")")
