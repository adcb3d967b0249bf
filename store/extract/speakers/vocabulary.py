"""Generic English words the resolver's concerns share: heads of anonymous sources, titles,
words that are never names, determiners, pronouns.

Not negotiation data (that comes from the codebook): the lowest module of the package, so
the matcher, the scanners and the memory can all read these without importing each other.
"""

from __future__ import annotations

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
    "person": "people", "trader": "traders", "banker": "bankers",
    "member": "members",  # (only of a body: "a member of the Ukrainian delegation")
    "president": "presidents", "mayor": "mayors", "governor": "governors",
    "chancellor": "chancellors", "premier": "premiers", "general": "generals", "pm": "pms",
    "admiral": "admirals", "colonel": "colonels", "sergeant": "sergeants",
}

_PLURAL_HEADS = {p: s for s, p in _ANON_HEADS.items()}
# Titles "general" follows as part of them ("secretary general", "director general"): no head.
_GENERAL_AFTER = frozenset(
    "secretary director attorney inspector consul surgeon governor solicitor procurator"
    " prosecutor auditor adjutant postmaster".split()
)

_QUALIFIERS = (
    "first second third fourth another other senior top high-ranking high-level highly-placed "
    "administration government military intelligence defence defense security foreign "
    "ministry former current well-placed western eastern allied ranking presidential "
    "national cabinet local regional independent retired veteran diplomatic political "
    "parliamentary alliance treasury finance energy economy interior justice trade commerce "
    "department embassy prime opposition"
).split()
_QUALIFIER_WORDS = frozenset(_QUALIFIERS)

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
    businesswoman billionaire investor analyst opposition lawmaker official diplomat mep mp meps
    mps
    congressman congresswoman ombudsman ombudsperson human rights parliamentary relations
    integration reintegration veterans policy development ceo cfo coo fm pm taoiseach
    tánaiste rev rev. reverend fr. bishop archbishop cardinal patriarch rabbi imam pastor
    maj maj. major brig brig. brigadier capt capt. captain sgt sgt. sergeant retired
    legislator councillor cllr cllr. councilman councilwoman councilmember alderman""".split()
)
_NOT_NAMES = frozenset(
    """but and or so yet the a an on in at this that these those it its he she they we i you
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december when while after before as
    if although though because since however meanwhile still also later earlier then here
    there""".split()
)
_NOT_PERSON = frozenset(
    """statement declaration communique communiqué plan agreement ministry office council
    government commission committee parliament union house department agency court bank fund
    party forces news times post press summit talks treaty deal pact article brigade battalion
    regiment division corps claim verdict rating update analysis context background summary
    explainer street avenue square road boulevard lane embankment bridge district""".split()
)  # (a fact check's or a live page's labels, "Claim 1: ...", and places: "Kharkivska Street")
# The unions the name tests ask about, made once (a union built per word costs more than
# the lookup).
_TITLE_OR_NOT_PERSON = _TITLE_WORDS | _NOT_PERSON
_TITLE_OR_NOT_NAME = _TITLE_WORDS | _NOT_NAMES
_NOT_GIVEN_NAME = _TITLE_WORDS | _NOT_NAMES | _NOT_PERSON

_HEADS_ALL = frozenset([*_ANON_HEADS, *_ANON_HEADS.values()])
# The nouns of a body named "<Ministry> of <Name>" before a source's head ("a Ministry of
# Defence spokesperson", "a Department of Homeland Security official").
_OF_BODIES = frozenset(("ministry", "department", "office", "secretariat"))
_DET_WORDS = frozenset(
    "a an one another the two three four several some many other both".split()
)
_PRONOUN_WORDS = frozenset(("he", "she", "they", "it"))
# How a single source of those named before is called: "one of them", "another", "a second",
# "the other" (casefolded starts)
_SINGLE_SOURCE = ("one", "another", "a ", "the ")
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}  # only after "according to"
_STATEMENT_WORDS = frozenset(("statement", "communique", "communiqué", "declaration", "readout",
                              "text", "document", "conclusions", "draft"))
# What an institution issues, whose words are its own ("the Kremlin's own readout").
DOCUMENT_WORDS = _STATEMENT_WORDS | frozenset(("transcript", "release", "account"))
_STATEMENT_DETS = frozenset(("the", "a", "an", "its", "their", "this"))

# Letters after a name that say what the person is, not who ("Jane Smith MP", "Aoife Kearney
# TD", "Jean Dupont MEP"): written in capitals.
POST_NOMINALS = frozenset("MP MEP TD MSP MS MLA AM QC KC OBE CBE MBE KBE DBE".split())

_COURTESY = frozenset("mr mr. mrs mrs. ms ms. dr dr.".split())


def only_titles(words: list[str]) -> bool:
    """Whether capitalised words are a title and nothing else ("President", "Prime
    Minister"): a description of somebody, not a name."""
    return bool(words) and all(map(is_title_word, words))


def is_title_word(word: str) -> bool:
    """Whether a word is a title's ("Minister", "Gen."), or title words joined by hyphens
    ("Maj.-Gen.", "Lieutenant-General")."""
    low = word.casefold()
    return low.rstrip(".") in _TITLE_WORDS or "-" in low and all(
        part.rstrip(".") in _TITLE_WORDS or part.rstrip(".") + "." in _TITLE_WORDS
        for part in low.split("-"))


def is_single_source(pronoun: str) -> bool:
    """Whether a pronoun mention is a single source of those named before ("another")."""
    return pronoun.casefold().startswith(_SINGLE_SOURCE)
