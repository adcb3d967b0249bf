"""What the article says of a person the codebook does not know, and the party it gives them:
the words around the first full naming, an office and the scene it is held in, "its foreign
minister", an observer or a reporter (who speaks for no party).
"""

from __future__ import annotations

import re

from store.extract.scan import after_name
from store.extract.speakers.full_names import FullName
from store.extract.speakers.matcher import Matcher, Speaker, norm_key
from store.extract.speakers.names import _US_STATE_TAG, apposition_ends_at
from store.extract.speakers.subjects import after_scene
from store.extract.speakers.vocabulary import _GENERAL_AFTER, _PLURAL_HEADS, _TITLE_WORDS

_JOURNALIST = re.compile(
    r"\b(?:reporting\s+(?:from|in)|correspondent|reporter|journalist|columnist|anchor"
    r"|presenter|editor)\b",
    re.IGNORECASE,
)

# Where a sentence may end inside a short stretch of text: a stop, then a capital.
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')]*\s+(?=[A-Z\"“‘']|$)|\n")
# A word whose dot is not a sentence's end: "Sen.", "Gen.", "D-Mich.", "U.S.".
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|[\w.]*[-.][\w]*|\b[A-Z]{1,3})\.$")


def _sentence_breaks(text: str) -> list[int]:
    return [
        m.start() for m in _SENTENCE_BREAK.finditer(text)
        if "\n" in m.group()  # (a paragraph's end, whatever its last word: "... and Kyiv.")
        or not _ABBREVIATION.search(text, max(0, m.start() - 12), m.start() + 1)
    ]


# The titles of an office a country holds: "its foreign minister" is the country's.
_HELD_TITLES = (
    r"minister|president|premier|chancellor|ambassador|envoy|spokes(?:man|woman|person)|secretary"
)
# A public office: its holder speaks for the country the article places them in.
_OFFICE = re.compile(
    rf"\b(?:{_HELD_TITLES}|ministry|spokes\w*|governor|mayor|official|diplomat|adviser|aide"
    r"|negotiator)\b",
    re.IGNORECASE,
)
# An office of state at home, a seat in parliament or a rank in the armed forces (not an
# envoy, an ambassador or a head of state: the ones who travel, and whose country the
# article names).
_STATE_ROLE = re.compile(
    r"\b(?:minister|ministry|spokes(?:man|woman|person)|governor|mayor|lawmakers?|president"
    r"|chancellor|premier|taoiseach"
    r"|legislators?|MPs?|deputy|deputies|parliament\w*|government|soldiers?|commanders?"
    r"|servicem[ae]n|sergeant|sgt|officers?|corporal|general|brigade|battalion|army"
    r"|military)\b",
    re.IGNORECASE,
)
# A capitalised word of a body or country of its own: "Chinese", "IAEA".
_OWN_BODY = re.compile(
    r"\b(?!MPs?\b)(?:[A-Z]{2,}\b|(?:[A-Z]\.){2,}(?!\w)|[A-Z][a-z]+(?:ese|ian|ish|ic|i)\b)")


def state_role(description: str, name: tuple[str, ...] = ()) -> bool:
    """Whether a description is an office of state or a military rank and names no body or
    country of its own (not "Chinese Foreign Ministry spokesperson", "IAEA Director
    General"; the words of the person's `name` are no country: "Yurii"). A body the person
    served before is not theirs now ("President Petr Pavel, a former chairman of NATO's
    Military Committee"), and a retired officer holds no rank in office ("Retired Major
    General Tim Langford")."""
    bodies = description
    if "etired" in description:
        description = bodies = _RETIRED.sub("", description)
    if "ormer" in bodies:
        bodies = _FORMER_POST.sub("", bodies)
    return bool(_STATE_ROLE.search(description)) and all(
        m.group(0) in name for m in _OWN_BODY.finditer(bodies))


_RETIRED = re.compile(r"\b[Rr]etired\b[^,;]*")
_FORMER_POST = re.compile(r"\b[Ff]ormer\b[^,;]*")

_REGION = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:region|oblast|Oblast|province)\b"
                     r"|\bregion\s+of\s+([A-Z][\w'’-]+)")
_PLACE_SCENE = re.compile(
    r"(?:In|From|Back in)\s+(?:the\s+)?([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)\s*,")

# The words right before a name that can be its title: back to a mark or a comma.
_TITLE_BEFORE = re.compile(  # not across a dateline's dash, nor a quotation mark (but across
    r"(?:[^,;:\"“”‘’«»()—]|’(?=s\b))*$")  # the apostrophe of "Ukraine’s ambassador")
# A person who studies the talks rather than takes part ("a senior research fellow at the
# Finnish Institute", "a Russia specialist") speaks for no party, like a reporter.
_OBSERVER = re.compile(
    r"\b(?:analysts?|fellow|specialist|scholar|researcher|professor|academic|historian"
    r"|expert|economists?|think[- ]tank|institute|institut|university|school of"
    r"|research (?:center|centre|institute)|portfolio manager|studies|cent(?:er|re) for"
    r"|strategists?|strategy at|brokerage"  # a market's: "chief strategist at ..."
    r"|political (?:consultant|scientist)|pollsters?|sociologists?"
    r"|(?:under|assistant)[- ]secretary[- ]general"  # the UN secretariat's, for no party
    # "a former State Department official who now works at the Atlantic Council"
    r"|former\b[^,;]*\bnow\s+(?:at|with|works|teaches|studies|writes|advises))\b",
    re.IGNORECASE,
)
# A naming right after a preposition ("... in Kyiv with | Finnish Foreign Minister X"): the
# words before the preposition are about something else.
_ENDS_WITH_PREPOSITION = re.compile(
    r"(?:(\S+)\s+)?\b(?:with|in|at|to|from|by|on|for|alongside|beside)\s*$")
# What describes a name right after it: a bracketed tag, an apposition up to its comma (or
# a quotation: not the next one's words).
_APPOSITION_AFTER = re.compile(
    r"(?:\s*\([^()\n]{1,40}\))?"
    r"(?:\s+of\s+(?:the\s+)?[A-ZÀ-ÞĀ-ɏ][^,.;:\n\"“”«»]{0,60})?"  # "of the Estonian Defense Forces"
    # ... to the sentence's end, not into a quotation after it ("..., chairman of the
    # Association of Ukrainians in Great Britain. ‘But the Russian money ...")
    r"(?:\s*,(?!\s*(?:speaking|talking|writing|appearing|responding|answering|asked)\b)"
    r"(?:[^,.\n\"“”«»‘]|\.(?!\s)|(?<=\b[A-Z])\.)*)?")  # (not where or how the person spoke:
# ", speaking to RTL Radio," names the station, no body of the speaker's)
# ... up to so many characters: "Oleksandr Merezhko, the chair of the parliament's foreign
# affairs committee and a member of Zelensky's Servant of the People party" (a party at 110)
_APPOSITION_REACH = 160
# "its foreign minister, Péter Szijjártó": the country named just before holds the office
_ITS_TITLE = re.compile(rf"\bits\s+(?:\w+\s+){{0,2}}(?:{_HELD_TITLES}|leader)\b", re.IGNORECASE)
_ITS_REACH = 250
_OPENS_CLAUSE = re.compile(r"(?:[.!?]\s+|[\"“«‘]\s*)$")
# ", who travelled to Kyiv ...," / ", whose son serves ...": about what the person does.
_RELATIVE_CLAUSE = re.compile(r"(?:,\s*|\s)(?:who|whose|whom|which|where)\b[^,]*")
# ... except one that says which body the person heads or sits on ("who chairs the Ukrainian
# parliament's foreign affairs committee"): the body, up to a preposition that leads away
# from it ("a study group on Russian energy"), is the person's own.
_OWN_ROLE_CLAUSE = re.compile(
    r"(?:,\s*|\s)who\s+(?:(?:now|currently|also|still)\s+)?"
    r"(?:co-?chairs|chairs|heads|leads|runs|directs|commands|oversees|represents"
    r"|has\s+(?:run|led|headed|chaired|directed|commanded)"
    r"|(?:serves|sits)\s+(?:on|in|as))\s+([^,;]*)"
)
_US_NAMES = ("United States", "U.S.", "US")  # how a codebook names that party
# A relative clause that says who put the person in office ("whom Moscow appointed as
# director", "who was installed by Moscow"): that party's official.
_APPOINTED_BY = re.compile(
    r"\bwhom\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+(?:had\s+)?(?:appointed|installed|named)\b"
    r"|\bwho\s+(?:was|had\s+been)\s+(?:appointed|installed|named)\s+by\s+"
    r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)")
_LEADS_AWAY = re.compile(
    r"\s(?:in|at|with|to|for|from|between|against|on|about|over|after|before|during|since"
    r"|while|who|which|that|and|but|or)\s"
)


def description_at(text: str, full: FullName) -> str:
    """The words describing a person where the article first names them in full: a title
    before the name (in that sentence), a tag or an apposition after it; not the rest of
    the sentence ("Marta Kos said Ukraine's accession ..." says nothing of her party)."""
    lo, hi = full.start(), full.end()
    before = text[max(0, lo - 60) : lo]
    breaks = _sentence_breaks(before)
    before = before[breaks[-1] + 1 :] if breaks else before
    if before.strip() and after_scene(text, lo - len(before.lstrip()), lo):
        before = ""  # "In Tokyo, Yurii Lutovinov, Ukraine's ambassador to Japan, ...": the
        # scene says nothing of the person; the apposition after the name does
    if before.rstrip().endswith(","):  # "The Estonian prime minister, Kristen Michal,
        # was sharper ...": the name is the apposition, what follows is not about it
        if not apposition_ends_at(text, hi):  # "... is achieved in Ukraine, Prime
            return full.group(0)  # Minister Sanae Takaichi said": the clause was said
        return _TITLE_BEFORE.search(before.rstrip()[:-1]).group(0) + " " + full.group(0)
    before = _TITLE_BEFORE.search(before).group(0)  # not a quotation before "said X"
    scene = _ENDS_WITH_PREPOSITION.search(before)
    if scene and (scene[1] or "").casefold() not in _TITLE_WORDS:
        # "a press conference in Kyiv with Finnish Foreign Minister X": the words before
        # are about the scene; not "Commissioner for Human Rights X", a title
        before = ""
    after = _APPOSITION_AFTER.match(text, hi, hi + _APPOSITION_REACH)
    after = after.group(0) if after else ""
    return f"{before}{full.group(0)}{after}"


def apposition_after(text: str, end: int) -> str:
    """The words in apposition after a name ending at `end` (", a drone operator with the
    65th Brigade"), as description_at reads them."""
    return _APPOSITION_AFTER.match(text, end, end + _APPOSITION_REACH).group(0)


def scene_place(text: str, at: int) -> str | None:
    """The place the paragraph holding `at` opens in, before it: "In Wellington, ..."."""
    scene = _PLACE_SCENE.match(text, text.rfind("\n", 0, at) + 1, at)
    return scene[1] if scene else None


def speaks_for(text: str, end: int) -> str | None:
    """The country an office holder just named says will act or stands ("President
    Gitanas Nausėda said Lithuania would judge ...", "Prime Minister Inga Ruginienė said
    Lithuania's military support would ...", "Minister for Foreign Affairs Helen McEntee said
    Ireland welcomed ..."): whose office it is."""
    said = _SAYS_COUNTRY_WILL.match(text, end, end + 200)
    return said[1] if said else None


# "... said Lithuania would", "... said Lithuania's support will", "said Tuesday that Canada is":
# a country as the subject of what an office holder says it will do.
_SAYS_COUNTRY_WILL = re.compile(
    r",?\s+(?:who\s+[^,;.]{1,100},\s+)?"  # ("Guido Crosetto, who accompanied Meloni to Paris,")
    r"(?:said|says|told\s+\w+|explained|added|stressed|insisted|noted|warned)"
    r"\s+(?:on\s+[A-Z]\w+\s+|[A-Z][a-z]+day\s+)?(?:that\s+)?([A-Z][\w-]+)"
    r"(?:['’]s\s+(?:[a-z-]+\s+){1,3})?"
    r"\s*(?:would|will|was|is|remained|remains|must|had|has|could|should|cannot|can"
    r"|welcome[sd]|support(?:s|ed)|back(?:s|ed)|stands|stood|hope[sd])\b")


def scene_party(matcher: Matcher, text: str, at: int) -> str | None:
    """The party of the place the paragraph opens in ("In Moscow, officials welcomed the
    offer. Deputy Foreign Minister Mikhail Galuzin ..."): an office holder named there
    with no country of their own holds it there."""
    scene = scene_place(text, at)
    if scene:
        return matcher.word_party.get(norm_key(scene))
    paragraph = text.rfind("\n", 0, at) + 1
    # "... in the Odesa region overnight, ..., regional governor Oleh Kiper said", "In
    # the border region of Belgorod, ... Governor Vyacheslav Gladkov": the region's
    regions = [m[1] or m[2] for m in _REGION.finditer(text, paragraph, at)]
    parties = [p for p in (matcher.word_party.get(norm_key(r)) for r in regions) if p]
    return parties[-1] if parties else None


def predicate_party(matcher: Matcher, text: str, anon_by_head: dict[str, Speaker],
                    surname: str) -> str | None:
    """The party a sentence of the form "<Surname> was US ambassador in Kyiv" gives the
    person, or a later apposition to the surname alone ("Tsahkna, Estonia's foreign minister
    since 2023, said"): an office, described apart from the name's first mention."""
    if not any(f"{surname}{verb} " in text for verb in (" was", " is", " has", ",")):
        return None  # (most names never stand so: no regex made for them)
    for at, said in after_name(text, surname, _IS_WHAT, guard="’'-"):
        office = _OFFICE.search(said[1])
        if office and not _OBSERVER.search(text[at : said.end()]):
            return party_of(matcher, anon_by_head, said[1][: office.end()])
    described = apposed_office(text, surname)
    return party_of(matcher, anon_by_head, described) if described else None


def apposed_office(text: str, name: str) -> str | None:
    """The first apposition to `name` that gives an office or a body the person heads
    ("Tsahkna, Estonia's foreign minister since 2023, said", "Likhachev, the head of the state
    nuclear corporation Rosatom,"; not a relative clause, not an observer's), else None."""
    for _at, said in after_name(text, name, _APPOSED, guard="’'-"):
        if (_OFFICE.search(said[1]) or _LEADS.search(said[1])) and not _OBSERVER.search(said[1]):
            return said[1]
    return None


# What follows a surname in "<Surname> was US ambassador in Kyiv" (predicate_party).
_IS_WHAT = re.compile(r"\s+(?:is|was|has\s+been)\s+((?:[\w.’'-]+\s+){0,3}[\w.’'-]+)")
# An apposition after a name (apposed_office): not a relative clause nor a verb of saying.
_APPOSED = re.compile(r",\s+(?!(?:who|whose|which|and|but|as|said|told)\b)"
                      r"([^,.;:\n\"“”‘’()\[\]]{3,120}?)(?=,|\.|\)|\]|\s+(?:said|told)\b)")

# Who leads a body ("the head of the state nuclear corporation Rosatom"): its party's.
_LEADS = re.compile(r"\b(?:head|chief|director|chair(?:man|woman)?|ceo|boss)\b", re.IGNORECASE)


def party_named_before(matcher: Matcher, text: str, at: int) -> str | None:
    """The party of the country or place last named as a subject (opening a sentence or
    a quotation) shortly before `at`: whose "its foreign minister" is ('"Hungary will not
    support sanctions that hurt Europe more than they hurt Russia," its foreign minister,
    Péter Szijjártó, said')."""
    lo = max(text.rfind("\n", 0, at) + 1, at - _ITS_REACH)
    subjects = [
        m for m in matcher.party_words.finditer(text, lo, at)
        if _OPENS_CLAUSE.search(text, max(0, m.start() - 3), m.start())
        or m.start() == text.rfind("\n", 0, at) + 1
    ]
    return matcher.word_party.get(norm_key(subjects[-1].group(0))) if subjects else None


# Where an envoy is posted or what a coordinator works on, not whom either speaks for: "a
# former Indian Ambassador to Russia", "the UN humanitarian coordinator for Ukraine".
_POSTED_TO = re.compile(
    r"\b([Aa]mbassador|[Cc]onsul(?:-general)?|[Ee]nvoy|[Cc]oordinator|[Rr]epresentative)"
    r"\s+(?:to|in|for)\s+(?:the\s+)?"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")


# An organisation a title belongs to, named before it: "the World Bank's country director".
_TITLE_OWNER = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)['’]s\s+[a-z]")
_OF_COUNTRY_NAMED = re.compile(  # "... of Ukraine | Taras Kachka"
    r"\bof\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*?)"
    r"\s+[A-ZÀ-ÞĀ-ɏ][\w'’-]+\s+[A-ZÀ-ÞĀ-ɏ][\w'’-]+")


# A country owning the office or body a title names: "Canada's training mission".
_COUNTRY_OWNER = re.compile(r"\b([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s\s+[a-z]")


def _foreign(matcher: Matcher, title_text: str) -> bool:
    """Whether the words name a country or body of no party ("Chinese foreign ministry
    spokesman", "China's U.N. Ambassador"): then a codebook role in them ("foreign ministry
    spokesman", "U.N. ambassador") is another country's office, not the codebook holder's."""
    from store.extract.countries import world

    return any(norm_key(m.group(0)) not in matcher.word_party
               for m in _OWN_BODY.finditer(title_text)) or bool(
        world(matcher).pattern.search(title_text))  # "China's U.N. Ambassador"


def party_of(matcher: Matcher, anon_by_head: dict[str, Speaker], title_text: str,
             roles: bool = True) -> str | None:
    """The party of an unknown person from the words around the name (not from a
    relative clause: "who travelled to Kyiv with his Ukrainian counterpart" is about
    somebody else). `roles`: whether a codebook role alone ("foreign ministry spokesman")
    or the sources described before ("lawmakers") may give it; not in a passage set in
    another country ("China. Foreign Ministry spokesman Lin Jian said Beijing ...",
    "Defence Minister David McGuinty, speaking in Ottawa")."""
    mt = matcher
    own = _OWN_ROLE_CLAUSE.search(title_text)
    if (appointed := _APPOINTED_BY.search(title_text)) and (
            party := mt.party_in(appointed.group(1) or appointed.group(2))):
        return party  # "Yevgeny Balitsky, whom Moscow appointed to run the region": Moscow's
    title_text = _POSTED_TO.sub(r"\1", _RELATIVE_CLAUSE.sub(" ", title_text))
    if (owner := _TITLE_OWNER.search(title_text)) and not mt.party_in(owner[1]) and (
        norm_key(owner[1]) not in mt.name_to_actor
    ):  # "the World Bank's country director for Eastern Europe": the bank's, no party's
        return None
    from store.extract.countries import world

    if (owner := _COUNTRY_OWNER.search(title_text)) and world(mt).is_country(owner[1]):
        return None  # "a former commander of Canada's training mission in Ukraine": the
        # office is another country's
    # The country an office is of, written last in a long title ("Deputy Prime Minister for
    # European and Euro-Atlantic Integration of Ukraine Taras Kachka"): its holder's.
    of = _OF_COUNTRY_NAMED.search(title_text)
    party = (of and mt.party_in(of[1])) or mt.party_in(title_text)
    if party is None and own:
        body = own.group(1)
        away = _LEADS_AWAY.search(body)
        party = mt.party_in(body[: away.start()] if away else body)
    if party is None and _US_STATE_TAG.search(title_text):
        party = next(
            (mt.word_party[k] for k in map(norm_key, _US_NAMES) if k in mt.word_party), None
        )
    if party is None and roles:  # "opposition lawmaker X" after "Ukrainian lawmakers were…"
        words = title_text.casefold().split()
        for n, w in enumerate(words):
            if w == "general" and n and words[n - 1] in _GENERAL_AFTER:
                continue  # "Director General Rafael Grossi": no general
            prior = anon_by_head.get(_PLURAL_HEADS.get(w, w))
            if prior is not None and prior.party:
                party = prior.party
                break
    if party is None and roles and not _foreign(mt, title_text):
        role = mt.role_only.search(title_text) if mt.may_hold_role(title_text) else None
        if role:
            rid = mt.role_to_actor.get(norm_key(role.group(0)))
            party = mt.actors[rid].party if rid else None
    return party


def caption_description(captions: str, name: str) -> str:
    """How a photo caption describes a person by full name: the apposition after the name
    ("Taras Kachka, Ukraine's deputy prime minister for European integration, has led"), or
    the title before it ("Lithuanian Foreign Minister Kęstutis Budrys speaks"); else ""."""
    if " " not in name or name not in captions:
        return ""
    if after := apposed_office(captions, name):
        return after
    before = re.search(rf"((?:[A-Z][\w.’'-]*\s+){{1,5}}){re.escape(name)}(?![\w’'-])",
                       captions)
    return before[1].strip() if before and _OFFICE.search(before[1]) else ""
