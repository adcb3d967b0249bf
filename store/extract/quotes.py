"""Direct quotations and who said them.

Rules (documented here because the gold follows them):
- A quotation is the exact text between a pair of marks: " “” «» „“ „” or, outside a double
  quotation, ‘’ / '' used as marks (an apostrophe inside a word never opens or closes one).
  Marks nested inside a quotation belong to it. A quotation that runs over several paragraphs
  (an opening mark with no closing one, and the next paragraph opening again) is returned as one
  mention per paragraph, all with the same speaker. An unclosed mark is dropped at the end of its
  paragraph, so it never costs the rest of the article its quotations.
- Only quotations of three or more words that the article attributes are kept: a speech verb
  with a subject or "according to" in the quotation's sentence, a colon introduction, a list
  introduced by a colon ("The statement comprised:"), or the previous quotation of the same
  passage ("…," he said. "…"). A quoted phrase with no speaker anywhere (a scare-quoted
  headline phrase) is dropped.
- `kind` is "full" when the quotation starts with a capital letter or a subject pronoun
  ("we are closer…"), else "fragment" (a phrase woven into reported speech).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from itertools import islice

from store.extract.gender import lone_name_gender
from store.extract.scan import after_name
from store.extract.speakers import (
    CALL_SIGN,
    DOCUMENT_WORDS,
    Mention,
    Speaker,
    SpeakerMemory,
    Verb,
    after_preposition,
    after_scene,
    apposition_between,
    apposition_ends_at,
    institution_before,
    institution_named_before,
    is_possessive,
    is_single_source,
    matcher_for,
    member_after,
    name_after,
    name_after_title,
    name_before,
    named_enough,
    names_an_office,
    norm_key,
    only_titles,
    possessive_description,
    scan_mentions,
    scan_verbs,
    short_gap,
    subject_words,
    titled_name_at,
    words_outside,
)
from store.extract.speakers.descriptions import apposition_after
from store.extract.speakers.names import _JOINED
from store.extract.speakers.vocabulary import _TITLE_WORDS

_MARKS = re.compile(r"[\"“”‘’'«»„]")
_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»"
_QUOTE_CLOSERS = "\"”»’'"
_QUOTE_OPENERS = "\"“«‘'„‚"
_OPEN_BEFORE = "([{—–-/…:"
_CLOSE_AFTER = ",.;:!?)]}—–-…'\"’”»"
_WORDS = re.compile(r"\S*\w\S*")
_SUBJECT_WORDS = frozenset(
    "i we you he she it they there this that these those what our my".split()
)
_PARAGRAPH = re.compile(r"[^\n]+")
_NON_WORDS = re.compile(r"[^\w\s]+")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_FIRST_WORD = re.compile(r"[^\W_]+")
_APOSTROPHE = re.compile(r"['’]")
_ONLY_PUNCTUATION = re.compile(r"[\s,.;:!?—–-]*")
# A roundup's or live page's credit line over the words it quotes: "07:05 | Oleh Kiper, head
# of the Odesa Regional Military Administration (Telegram)", "17:55 | Donald Trump (Truth
# Social)": a time stamp, then the name, its title and where it was posted, and no verb.
_CREDIT_STAMP = re.compile(r"[ \t]*(?:\d{1,2}[:.]\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
                           r"(?:[ \t]+[A-Z]{2,5})?[ \t]*[|·•–—-][ \t]*)?")
# A dateline opening a sentence: "VILNIUS, Dec 16 (BNS) – ", "KYIV (AP) — ". Its place is
# where the story was filed, no subject of the sentence after it.
_DATELINE_LEAD = re.compile(  # (a US state's abbreviation may follow: "PALM BEACH, Fla. — ")
    r"[A-Z][A-Z.'’ -]{2,30}(?:,[ \t]*[A-Z][a-z]{1,4}\.(?=[ \t]*[,–—-]))?"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?"
    r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?[–—-]+[ \t]+")
_CAME_FROM = re.compile(  # words that come from somebody: "The Kremlin's response came from"
    r"\b(?:response|reply|answer|reaction|retort|rebuttal|warning|verdict|message|comment)s?"
    r"\b[^:;.]{0,40}?\b(?:came|comes|has come)\s+from\s+")
_BUSINESS_NOUNS = frozenset(("company", "firm", "operator", "utility"))
# A sentence that opens with a business's one- or two-word name and its verb: "Lukoil is",
# "Gunvor withdrew".
_FIRM_SUBJECT = re.compile(r"([A-Z][\w&-]+(?:\s+[A-Z][\w&-]+)?)\s+(?:is|was|has|had|said|told"
                           r"|[a-z]+ed|[a-z]+s)\b")
_OF_THE = re.compile(r"(?:\s+of(?:\s+the)?(?=\s+[A-Z]))?")  # a title's "of": "Minister of"
_GIVEN_NAME_INTRODUCED = re.compile(
    r"\b(?:(?:named|called)\s+|[a-z]+,\s+)([A-ZÀ-ÞĀ-ɏ][a-zà-ÿĀ-ɏ’'-]+),\s+(?:who|whom|\d{1,3}\b|aged)"
    # "Her husband, Taras, is a drone operator"
    r"|\b(?:husband|wife|son|daughter|brother|sister|mother|father|neighbou?r|friend|colleague"
    r"|partner)s?,\s+([A-ZÀ-ÞĀ-ɏ][a-zà-ÿĀ-ɏ’'-]+),")
_FULL_NAME_INTRODUCED = re.compile(
    r"\bnamed\s+([A-ZÀ-ÞĀ-ɏ][a-zà-ÿĀ-ɏ’'-]+\s+[A-ZÀ-ÞĀ-ɏ][a-zà-ÿĀ-ɏ’'-]+)(?=,|\s+who\b)"
    # "A Moscow political consultant, Yelena Sukhova, who runs ...": a sentence's subject
    r"|(?:^|(?<=[.!?] ))(?:An?|One|Her|His|Their)\s+[^,.;:!?\"“”\n]{3,60},\s+"
    r"([A-ZÀ-ÞĀ-ɏ][a-zà-ÿĀ-ɏ’'-]+\s+[A-ZÀ-ÞĀ-ɏ][a-zà-ÿĀ-ɏ’'-]+),", re.MULTILINE)
# "a retired engineer named Petro, worked for 31 years": a given name the lists know
_NAMED_GIVEN = re.compile(r"\bnamed\s+([A-ZÀ-ÞĀ-ɏ][a-zà-ÿĀ-ɏ’'-]+),")
# What a match of each of those must hold, found quickly (each opens with a comma or a
# letter, not a test at every word): most texts hold none, and only those patterns that may
# match are run (_introductions).
_NAME = r"[A-ZÀ-ÞĀ-ɏ][a-zà-ÿĀ-ɏ’'-]+"
_GIVEN_NAME_CUE = re.compile(rf"[,d]\s+{_NAME},\s+(?:who|whom|\d{{1,3}}\b|aged)")
_NAME_IN_COMMAS = re.compile(rf"(?=,\s+{_NAME},)")
_KIN_BEFORE = re.compile(r"\b(?:husband|wife|son|daughter|brother|sister|mother|father"
                         r"|neighbou?r|friend|colleague|partner)s?$")
_FULL_NAME_IN_COMMAS = re.compile(rf",\s+{_NAME}\s+{_NAME},")
_DASH = re.compile(r"\s[—–]\s")
_WORD_ENDS = re.compile(r"(?!\w)")
_IN_DASH_ASIDE = re.compile(r"[^—–\"“”‘’]*\s[—–]\s[^—–\"“”‘’]*")  # a dash aside ends before it
_SUBORDINATE = re.compile(r"(?:Before|After|When|While|Once|Since|Although|Though|Because|Until"
                          r"|Unless|If|As)\s")
_WORD_RUN = re.compile(r"\S+")
_WORD_STOP = re.compile(r"\w{3}\.")  # a full stop after a word, not an initial or "Jr."
_CREDIT_REST = re.compile(r"(?:,[^.!?;:\n]*)?(?:[ \t]*\([^()\n]{1,60}\))?[ \t]*:?\s*")
_DASH_CREDIT = re.compile(r"[,.]?[ \t]*(?:—|–|--)[ \t]*(?=[A-ZÀ-ÞĀ-ɏ])")  # '..." — Name, title'
# Capitalised words of a name inside a clause ("Deputy Foreign Minister Sergei Ryabkov").
_CLAUSE_NAME = re.compile(  # (with its particles: "Ursula von der Leyen")
    r"(?<![\w’'.-])[A-ZÀ-ÞĀ-ɏ][\w’'.-]+(?:\s+(?:(?:von|van|der|den|de|del|della|di|da|du|dos"
    r"|bin|ibn)\s+)*[A-ZÀ-ÞĀ-ɏ][\w’'.-]+)+")
# After an inverted speech verb: a description, then a name in apposition to it.
_APPOSED_NAME = re.compile(  # (or "said Nordvarme's chief executive, Lars Henriksen")
    r"\s+((?:(?:the|a|an)\s+|[A-ZÀ-ÞĀ-ɏ][\w&-]*(?:\s+[A-ZÀ-ÞĀ-ɏ][\w&-]*){0,2}['’]s\s+)"
    r"(?:[^,.;:!?\"“”‘’\n]|’(?=s\b)){1,60}),\s*"  # (a possessive's ’s is no quotation mark)
    r"([A-ZÀ-ÞĀ-ɏ][\w’'.-]+(?:\s+[A-ZÀ-ÞĀ-ɏ][\w’'.-]+)+)(?=\s*(?:[,.;:!?\"“”‘’]|$))"
)
# ... or a description alone: determiner, up to four modifiers, the head noun, then the end of
# the clause or what qualifies the head (a place, a relative clause).
_DESCRIPTION = re.compile(
    r"\s+(?:the|a|an|one)\s+((?:[\w’'-]+\s+){0,4}?)([a-z][a-z-]+)(?=\s*(?:[,.;:!?]|$)"
    r"|\s+(?:who|whom|whose|that|which|near|in|at|from|on|outside|based|living|with)\b)"
)
# A speech verb whose subject never follows it: "told" is followed by whom it was told.
_NOT_INVERTED = re.compile(r"t(?:old|ells?|elling)\b")
# "the 43-year-old pharmacist": a definite description by age is somebody already named
_AGED_SUBJECT = re.compile(r"\b[Tt]he\s+\d{1,3}-year-old(?:\s+[a-z]+){0,2}\s+$")
_THE_AGED = re.compile(r"\s+the\s+\d{1,3}-year-old\b")
_NOT_A_HEAD = re.compile(r"[a-z-]*ly|same|other|one|former|latter|last|first|next|only")
# Only auxiliaries and adverbs between a name in apposition and its verb ("Rafael Grossi,
# has said", "Jane Doe, who ..., has also said").
# "Thomas Ménard of the National Rally accused": the organisation between name and verb.
_OF_ORGANISATION_GAP = re.compile(
    r"\s+(?:of|at|from)\s+(?:the\s+)?(?:[A-ZÀ-ÞĀ-ɏ][\w’'.-]*\s+){1,5}"
)
_ONE_CAPITALISED = re.compile(r"\s+[A-Z][a-z]+\s+")
# A verb's infinitive complement: "pledged to lead", "promised to send".
_TO_INFINITIVE = re.compile(r"\s+to\s+[a-z]+\b")
_AGREED = re.compile(r"agreed\b")  # what others agreed, as somebody reports it
# Speech verbs whose next name is whom they are said to or of, not who says them: "accused
# London of '...'", "urged Kyiv to '...'", "called Trump '...'".
_OBJECT_FOLLOWS = re.compile(
    r"(?:accus|urg|thank|prais|slamm|lambast|mock|derid|ridicul|denounc|brand|label|term|hail"
    r"|dismiss|call|describ|characteri[sz]|ask|warn|told|tell)[a-z]*\b"
)
_OF_BODY_APPOSED = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?[^,;:\"“”]{1,60},\s*")
_SURNAME = re.compile(r"[A-ZÀ-ÞĀ-ɏ][\w’'-]+(?=,)")
_INSTITUTION_NOUN = re.compile(
    r"\b[Tt]he\s+(company|agency|operator|watchdog|organi[sz]ation|utility|firm|ministry|embassy)"
    r"\s+$")
# A prepositional phrase opening the sentence, its comma right before the name.
_THE_BEFORE = re.compile(r"(?:^|\s)the\s*$", re.IGNORECASE)
_SCENE_BEFORE = re.compile(
    r"\s*(?:In|On|At|After|During|With|Amid|Before|Following|Speaking)\b[^,;:.!?\"“”]*,\s*"
)
# A sentence opening with a participle's phrase, up to the words of a mention in it.
_PARTICIPLE_OPENER = re.compile(
    r"(?!According|During|Following|Including|Regarding|Concerning)[A-Z][a-z]+ing\s[^,;:]*$")
# A sentence that gives somebody's view: "In Brandt's view,", "In her opinion,".
_IN_VIEW = re.compile(
    r"In\s+(?:(?P<name>[A-ZÀ-ÞĀ-ɏ][\w’'-]+(?:\s+[A-ZÀ-ÞĀ-ɏ][\w’'-]+){0,2})['’]s|(?P<pron>his|her))"
    r"\s+(?:view|opinion|assessment|estimation)\s*,")
_HEAD_OF = re.compile(r"\b[Tt]he\s+[Hh]ead\s+of\s+(?:[Ss]tate|[Gg]overnment)\s+$")
# "Her statement ran to several minutes:": the words of the person a pronoun means.
_OWNER_WORDS = re.compile(
    r"\s*(His|Her|his|her)\s+(?:\w+\s+)?(?:statement|words|message|answer|reply|remarks"
    r"|comments|response|verdict|assessment|summary|speech|address)\b"
)
# A lower-case word right before a place (not a conjunction or an article): a verb whose
# object the place is ("left Berlin", "visited Kyiv").
_VERB_BEFORE = re.compile(  # (not a noun that the name stands beside: "company Energoatom")
    r"(?<![\w’'-])(?!(?:and|or|but|while|as|the|then|company|operator|firm|utility|agency"
    r"|group|giant|producer|regulator|bank|broadcaster|ministry|council)\b)[a-z]+\s+$")
_APPOSITION_AND = re.compile(r",\s+(?:an?|the)\s+[^.;:!?\"“”()]*?\s+and\s+")
_WHO_CLAUSE = re.compile(r",?\s+who\s+[^,;:\"“”.!?]{1,60}?\s+")
_OWNER_S = re.compile(r"^[Tt]he\s+|['’]s\b")  # "The Kremlin's spokesman" → a role's words
_RELATIVE_BEFORE = re.compile(r",\s+(?:who|whose|which)\b(?:[^,;:\"“”]|\"[^\"]*\"|“[^“”]*”)*"
                              r"(?:,|(?<=,[\"”]))\s*$")  # (its own words in marks: "Tusk,
# who had framed the choice as 'money today or blood tomorrow,' said")
# The same clause after a name that opens the sentence, commas and all: "Zelensky, who flew to
# Florida after a stop in Halifax, Canada, where he met Mark Carney, said".
_OPENING_RELATIVE = re.compile(  # (not a scene's place: "In Kherson, which came under fire
    # overnight, the regional governor, Oleksandr Prokudin, said")
    r"\s*(?!(?:In|At|From|On|Near|Outside|Inside|Across|Around)\s)[A-Z][\w’'.-]*"
    r"(?:\s+[A-Z][\w’'.-]*){0,4}(,\s+(?:who|whose|which)\b"
    r"(?:[^;:\"“”]|\"[^\"]*\"|“[^“”]*”)*(?:,|(?<=,[\"”]))\s*)$"
)
# Words from a speech verb to "that" and the reported clause: " journalists that Moscow still ".
# (The reported clause ends where ", and" or ", but" opens a clause of its own: "..., and
# spokeswoman Maria Zakharova called the document '...'".)
_REPORTED_BY = re.compile(
    r"(?:\s+[\w’'-]+){0,5}?\s+that\s+(?:(?!,\s+(?:and|but)\s)[^.;:!?\"“”])*$")
# A reported clause without its "that" right after "said": "Ushakov said Putin had told Trump
# that ...", "Trump says Mr Putin told him": a named subject, then its own verb.
_SAID_NAME = re.compile(r"(?:said|says|added|insisted|stressed)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
                        r"[A-ZÀ-ÞĀ-ɏ][\w’'-]+(?:\s+[A-ZÀ-ÞĀ-ɏ][\w’'-]+){0,2}\s+"
                        r"(?:had\s+|has\s+|have\s+)?$")
# A statement the speech verb says it was made in: "said in a statement Friday".
_IN_A_STATEMENT = re.compile(
    r"(?:\s+\w+){0,2}?\s+in\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}statement\b")
_SAID_IN_A_STATEMENT = re.compile(
    r"\bsaid(?:\s+\w+){0,2}?\s+in\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}statement\b")
# The object of a verb right before a conjunction: "welcomed the statement but said".
_OBJECT_BEFORE = re.compile(r"\b[a-z]+ed\s+(?:the|a|an|its|their)\s+[a-z]+[,\s]*$")
# Words in marks inside a relative clause about a person: ", who had framed the choice before
# the summit as ".
_IN_WHO_CLAUSE = re.compile(r",\s+who\s+[^\"“”,;.]{1,100}$")
# A passive's agent before the words: "was welcomed by Antonio Costa as '...'", "dismissed
# by the Kremlin as '...'".
_PASSIVE_BY_AS = re.compile(
    r"\bby\s+((?:the\s+)?[A-Z][^,;:\"“”]{1,80}?)\s+as\b[^\"“”;]{0,80}$")
_PASSIVE_VERB = re.compile(  # (... and "and by Ursula von der Leyen as proof that ...")
    r"\b(?:welcomed|hailed|praised|described|dismissed|critici[sz]ed|condemned|denounced"
    r"|branded|labell?ed|characteri[sz]ed|called|greeted|rejected|derided)\s+by\b")
# A relative clause's subject right before its speech verb: "..., who said", ", who has said",
# "Ukrainian officials who described".
_WHO_SAID = re.compile(
    r",?\s+(?:who|which)\s+(?:(?:also|later|then|has|had|previously)\s+)?$")
# A title in apposition after a name, before its verb or a relative clause: ", the World
# Bank's country director for Eastern Europe, ", ", the secretary of Ukraine's Security Council"
_APPOSED_TITLE = re.compile(  # (or a bare title: ", secretary of Ukraine's ... Council", or
    # an owner's: ", Putin's special envoy for economic cooperation")
    r",\s+(?:(?:the|a|an)\s+|[A-Z][\w.-]*['’]s\s+(?=[a-z])|(?=[a-z])(?![a-z]+ing\b|"
    r"(?:on|in|at|from|with|for|by|during"
    r"|after|before|last|this|earlier|later|when|while|who|which|whose|and|but)\b))"
    r"[^,;:\"“”]*[a-z][^,;:\"“”]*(,\s*)?$")
_CAPITALISED_END = re.compile(  # "Sofia Lindqvist", "Majed al-Ansari"
    rf"[A-ZÀ-ÞĀ-ɏ][\w’'-]+\s+(?:[A-ZÀ-ÞĀ-ɏ][\w’'-]+|{_JOINED})$")
# A plural subject's list of members before its verb: "leaders including A, B and C said".
_HEAD_OF_LIST = re.compile(r"\b(leaders|heads\s+of\s+(?:state|government)|ministers|officials"
                           r"|governments)\s+of\s+[A-Z][^;:\"“”.]*$")
_BRACKETS_BEFORE = re.compile(r"\s*\([^()\n]{1,40}\)\s*$")
_JOINED_BY = re.compile(r",\s+(?:along|together)\s+with\s+[^;:\"“”]+,\s*$")
_LISTED_BEFORE = re.compile(r"(?<=[a-z]s)\s+including\s+[^,;:\"“”.]+(?:,\s*[^,;:\"“”.]+)*$")
_AUXILIARIES = re.compile(
    r",?\s*(?:(?:has|have|had|also|later|then|previously|repeatedly|once|again|already"
    r"|publicly|recently|since)\s+)+"
    r"|\s+(?:was|were|is|are)\s+quoted\s+by\s+[^,;:.]{1,40}\s+as\s+"  # "quoted by BelTA as"
)
# A second predicate of the same subject: "X wants a deal quickly and has said ...".
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:(?:has|have|had|also|then|later|again)\s+)*$")
# Speech the verb list does not hold ("talks about" is more often the noun: not listed).
# (Patterns that open with a plain word: the regex engine then skips ahead fast.)
# "let it be known that ...", "made it known that ...": speech in a wider verb phrase (two
# patterns: neither match can hold the other's first word, so they find what one would).
_TALK = (re.compile(r"talk(?:ed|ing)\s+(?:about|of)\b"), re.compile(r"spoke\s+about\b"),
         re.compile(r"let\s+it\s+(?:be\s+)?known\b"),
         re.compile(r"made\s+it\s+(?:be\s+)?known\b"))
# "welcomed the agreement on X as '…'": the words a thing is welcomed or praised as, tried
# after the others. Its first word is one of three: the regex has no literal start and tries
# every position, so it runs only in a text holding one of them.
_WELCOMED_AS = re.compile(r"(?:welcom|prais|greet)(?:ed|es|e|ing)\b[^\"“”«».;:!?\n]{0,80}?\sas"
                          r"(?=\s*[\"“«„])")
_WELCOMED_WORDS = ("welcom", "prais", "greet")
# "X put out a statement saying ...": the participle speaks for the clause's subject.
_STATEMENT_BEFORE = re.compile(
    r"\b(?:statement|post|message|letter|communiqu[eé]|note)\s+$", re.IGNORECASE
)
# The subject of a speech verb inside a transcript's turn, right before the verb.
_TURN_SUBJECT = re.compile(
    r"(?<![\w'’])(I|[Ww]e|[Yy]ou|[Hh]e|[Ss]he|[Tt]he\s+[A-Z][a-z]+)(?:['’](?:s|ve|d))?"
    r"(?:\s+(?:has|have|had|also|just|again|already|repeatedly))*\s+$"
)
_TITLE_SUBJECT = re.compile(r"\b[Tt]he\s+([A-Za-z][a-z]+)\s+(?=[a-z])")
_OF_THE_END = re.compile(r"\s+of(?:\s+the)?\s*$", re.IGNORECASE)
_QUESTION_TURN = re.compile(r"(?m)^Q(?:\.|:|\s{2,}|\t)")
_REPORTER = Speaker("reporter", None, "anonymous", None, "reporter")
# "in the words of X": X speaks the quotation next to it.
_IN_THE_WORDS = re.compile(r"\b[Ii]n the words of\b")
_IN_OPENING = re.compile(r"In\s+(?=\S)")
_IN_THE_WORDS_AFTER = re.compile(r"[\s,]*in the words of\b")
_PHRASE = re.compile(r"[^,;:\"“”‘’'.]*")
_THAT_CLAUSE = re.compile(r",\s+that\s+[^,;:\"“”‘’.]*")  # ", that this is " before the quotation
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d{3})")
# After a name that follows its verb: a word that carries on a clause of its own (not a time
# or place phrase): "said Europe had to ...".
_CLAUSE_GOES_ON = re.compile(
    r"\s+(?!(?:on|in|at|during|after|before|last|this|yesterday|earlier|later|today|from"
    r"|to|of|for|with|by|and|told)\b)[a-z]"
)
# An organisation written in full with its acronym in brackets, right before a verb.
_ACRONYM_ORG = re.compile(
    r"([A-Z][\w'’-]+(?:\s+(?:of|for|and|on|the|[A-Z][\w'’-]+))*\s+[A-Z][\w'’-]+)"
    r"\s+\(([A-Z]{2,6})\)\s*$"
)
_THE = re.compile(r"^The\s+")
# A prepositional phrase after a mention and before a name, with no comma: the name is
# inside the phrase that qualifies the mention.
# Where a name found by name_before can start: a capital or a particle ("de", "van").
_MAY_START_NAME = re.compile(r"[A-ZÀ-ÞĀ-ɏ]|(?:de|van|von|der|den|al|bin|la|le|da|du|di)\b")
# The rest of an apposition after its head noun, up to its closing comma ("in Kyiv, ").
_APPOSITION_END = re.compile(r"(?:\s+(?:in|at|from|with|based\s+in)\s+[^,;:\"“”]{1,40})?\s*,\s*")
_INSIDE_PHRASE = re.compile(r"\s+(?:of|at|from|in|with|for|near|on)\s+[^,;:\"“”]*$")
# Heads of an anonymous source who is one person ("a soldier", "a senior official"), whom
# "he" can mean next ("A senior Commission official is blunter. '...,' he says")
_PERSON_HEADS = frozenset(
    "soldier resident voter commander officer veteran trader banker executive economist analyst"
    " expert official diplomat lawmaker legislator mp mep senator negotiator adviser advisor"
    " aide envoy ambassador spokesman spokeswoman spokesperson source deputy".split()
)


def _one_person(sp: Speaker) -> bool:
    """An unnamed single person ("a soldier", "a local resident", "a senior official"),
    whom a later "he" or "she" can mean, unlike a plural source ("officials")."""
    return sp.kind == "anonymous" and sp.head in _PERSON_HEADS and (
        sp.name.endswith(sp.head) or f" {sp.head} " in f" {sp.name} "  # "source close to ..."
    )
# The writer meeting somebody: "I spoke on Monday to", "we met with", "I interviewed".
_WRITER_MET = re.compile(
    r"\b(?:I|[Ww]e)\s+(?:(?:also|first|later|then|once|recently|finally)\s+)?"
    r"(?:spoke|talked|met|interviewed|asked|visited|reached|called"
    r"|put\s+(?:it|that|this|the\s+question|the\s+point)\s+to)\b"
    r"(?:\s+(?:on|in|last|this|earlier|later)\s+\w+)*(?:\s+(?:to|with))?\s+"
)
# A verb whose complement says what its subject is: "Harrow was (a) US ambassador".
_IS_PREDICATE = re.compile(
    r"\s+(?:is|was|has\s+been|had\s+been|became|remains|remained)(?:\s+(?:a|an|the))?$")
# A house style's lead-in to a source's words: "Quote from a source in the Office of the
# President: '...'".
_QUOTE_FROM = re.compile(r"\s*(?:Quote|Quotation)\s+(?:from|of)\s+")
# A verb or an aside after the subject's name, a party tag between: "Sen. Jim Risch (R-Idaho)
# was more upbeat".
_SURNAME_OPENING = re.compile(r"([A-ZÀ-ÞĀ-ɏ][\w’'-]+)\s+[a-z]")
_SUBJECT_FOLLOWS = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:,|\s+[a-z])")
# ... or, before a colon, the colon itself or a tag: "Rep. Brian Fitzpatrick (R-Pa.), who ...:"
_LABEL_FOLLOWS = re.compile(r",|:|\s+[a-z]|\s*\(")
_BULLET = re.compile(r"[-•*–]\s+")
_LABEL = re.compile(  # 'Rubio:', and a page's own 'Quote from Rubio:' before a quotation
    r"\s*(?:(?:Quote|Quotation|Statement|Comment|Words)\s+(?:from|by|of)\s+)?"
    r"([A-ZÀ-ÞĀ-ɏ][\w’'.-]*(?:\s+[A-ZÀ-ÞĀ-ɏ][\w’'.-]*){0,3})\s*:\s*")
_TITLE_SMALL_WORDS = frozenset(
    "a an the of and or to in on for with at by from vs nor but as into".split()
)
_TITLE_BEFORE = re.compile(
    r"(?:\w['’]s|\b(?:on|in|to|told|with|program|programme|show|newspaper|magazine|"
    r"podcast|channel|broadcast)"
    r"|\b(?:the|his|her|its|their|an?)(?:\s+[a-z]+)?)$",  # 'his annual "Results of the Year"'
    re.IGNORECASE,
)
_SCARE_WORDS = re.compile(r"(?:so-called|so called|dubbed|known as|the term|the word)\s*$")
_SCARE_ENDS = ("so-called", "so called", "dubbed", "known as", "the term", "the word")
# Where the writer read it, not who said it: "..., according to Western media reports".
_PER_REPORTS = re.compile(
    r"according\s+to\s+(?:[\w-]+\s+){0,3}?(?:media|press|news)?\s*(?:reports?|reporting)\b",
    re.IGNORECASE,
)
# A conjunction that opens another clause right after a quotation ("...," while X said):
# a speech verb behind it has its own subject and quotation.
_OTHER_CLAUSE = re.compile(
    r"[\s,.!?—–-]*(?:;|(?:while|whilst|whereas|but|although|though|yet|and)\s)",
    re.IGNORECASE,
)


# A quoted term inside the writer's own noun phrase ('a demilitarised "free economic zone"').
_TERM_DETERMINERS = frozenset(
    "a an the this that these those its their his her our".split()
)
# Words that make a quoted phrase a clause or a description rather than a name for something.
_CLAUSE_WORDS = frozenset(
    """a an the this that these those its their his her our my your i we you he she they it
    is are was were be been being am will would can could should shall may might must do does
    did have has had not no never and or but very so too really more most quite""".split()
)
# Where a described source is from or stands: "near Kostiantynivka", "from Kharkiv"
_WHERE_FROM = re.compile(
    r"\s+(?:near|from|outside)\s+((?:the\s+)?[A-ZÀ-ÞĀ-ɏ][\w’'-]*(?:\s+[A-ZÀ-ÞĀ-ɏ][\w’'-]*)?)"
)
_ARTICLES = frozenset(("the", "a", "an"))
_OF_WORDS = frozenset(("of", "for", "in", "on", "at"))
_DESCRIBED = re.compile(
    r"\b(?:call(?:ed|s|ing)?|describ(?:ed|es|ing)|term(?:ed|s)|brand(?:ed|s)|label(?:l?ed|s)"
    r"|characteri[sz](?:ed|es)|hail(?:ed|s))\b(?:\s+[\w’'.-]+){0,3}?\s*$",
    re.IGNORECASE,
)
_ADJECTIVE_END = re.compile(r"[a-z-]{2,}(?:ed|i[sz]ed|ic|ive|ous|ful|less|able|ible|ary)$")
_NOUN_AFTER = re.compile(r"\s([a-z][a-z-]+)\b")
_NOT_A_NOUN = re.compile(
    r"[a-z-]*(?:ing|ly|ed)|(?:in|at|on|of|to|for|with|from|by|under|over|that|which|who|as"
    r"|than|after|before|between|into|across|near|without|amid|during|since|until|if|when"
    r"|while|where|said|says|told)"
)
_WORD_BEFORE = re.compile(r"([\w’'.-]+)\s+$")
# Somebody speaking, named by a verb or a noun that `scan_verbs` does not list.
_SPEECH_CUE = re.compile(
    r"\b(?:speak(?:s|ing)?|spoke|spoken|address(?:ed|es|ing)?|statement|interview(?:ed)?|remarks"
    r"|speech|briefing|(?:press|news) conference|message)\b",
    re.IGNORECASE,
)
# A sign, a banner or a T-shirt whose words are quoted: the words of whoever holds it.
_WRITTEN_ON = re.compile(r"\b(?:(?:that|which)\s+(?:read|reads)|reading)\s*[:,]?\s*$")


def _may_be_written_on(window: str) -> bool:
    """Whether _WRITTEN_ON can match at the end of `window`: its word must end it, before
    spaces and a colon or comma."""
    window = window.rstrip()
    if window.endswith((":", ",")):
        window = window[:-1].rstrip()
    return window.endswith(("read", "reads", "reading"))
_PASSIVE = re.compile(
    r"\s+(?:was|were|is|are|(?:has|have|had) been)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b"
)
_NOUN_CONTENT = re.compile(r"\s*(?:$|that\b|of\b|[:,—–])")
_PARTICIPLE = re.compile(r",\s*$")
# "with" and the titles before a name: a participle after them has that subject.
_WITH_BEFORE = re.compile(r"\bwith\s+(?:[A-Z][\w.'’-]*\s+){0,3}$")
# Someone's words named by a noun: "Trump's remark that ...", "his promise of ...".
_SPEECH_NOUN = re.compile(
    r"(?<![\w.'’-])((?:[A-ZÀ-ÞĀ-ɏ][\w.-]*\s+){0,3}[A-ZÀ-ÞĀ-ɏ][\w.-]*(?=['’]s\s)|[Hh]is|[Hh]er)"
    r"(?:['’]s)?\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?"
    r"(remarks?|comments?|words|statement|claims?|assertion|promises?|pledge|vow|warnings?"
    r"|assessment|description|characteri[sz]ation|insistence|argument|admission|suggestion"
    r"|boast|quip|prediction)\b"
)


# A sentence that opens with "nor" or "neither" puts its subject after the auxiliary.
_INVERTED_LEAD = re.compile(
    r"(?:Nor|Neither)\b[^.;:\"“]{0,60}?\b(?:did|does|do|has|have|had|was|is|were|would|could"
    r"|will|can)\s+")


@dataclass(frozen=True)
class QuoteMention:
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    actor: str | None
    actor_kind: str | None
    party: str | None
    sentence: int


# A headline's opening name, then (with no quotation mark) a colon or "says" before its
# quotation: "Stubb after Berlin talks: ", "Trump hosts Zelensky at Mar-a-Lago, says ".
_HEADLINE_LEAD = re.compile(
    r"\s*([A-ZÀ-ÞĀ-ɏ][\w’'-]+(?:\s+[A-ZÀ-ÞĀ-ɏ][\w’'-]+){0,2})\b[^:\"“”‘’\n]*?(?::|\bsays)\s+[^\"“”‘\n]*$"
)


@dataclass
class _Span:
    start: int
    end: int
    group: int  # pieces of one quotation that runs over paragraphs share a group
    paragraph: int


# -- finding the marks -------------------------------------------------------------------------
def _opening(text: str, i: int, lo: int, hi: int) -> bool:
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    return (not prev or prev.isspace() or prev in _OPEN_BEFORE) and bool(nxt) and not nxt.isspace()


def _closing(text: str, i: int, lo: int, hi: int) -> bool:
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    return bool(prev) and not prev.isspace() and (not nxt or nxt.isspace() or nxt in _CLOSE_AFTER)


def _scan_paragraph(text: str, lo: int, hi: int, no_single: set[int]):
    """Closed (start, end) spans, the open double quotation at the end (or None), a bad single."""
    spans: list[tuple[int, int]] = []
    state, opened = "", -1
    for m in _MARKS.finditer(text, lo, hi):
        i, c = m.start(), m.group(0)
        if state == "double":
            if (
                c in _DOUBLE_CLOSE
                or (c == "“" and text[opened] == "„")  # German „…“: its close is our open
                or (c == '"' and (_closing(text, i, lo, hi) or not _opening(text, i, lo, hi)))
            ):
                spans.append((opened + 1, i))
                state = ""
            elif c in _DOUBLE_OPEN or c == '"':
                opened = i  # an earlier mark was never closed: start again here
            continue
        if state == "single":
            if c in "’'" and _closing(text, i, lo, hi) and not (
                i + 1 < hi and text[i + 1].isalnum()
            ):
                spans.append((opened + 1, i))
                state = ""
            continue
        if c in _DOUBLE_OPEN or (c == '"' and _opening(text, i, lo, hi)):
            state, opened = "double", i
        elif (
            c in "‘'"
            and i not in no_single
            and _opening(text, i, lo, hi)
            and text[i + 1].isalnum()
        ):
            state, opened = "single", i
    if state == "single":
        return spans, None, opened
    return spans, (opened if state == "double" else None), None


def _goes_on(text: str, lo: int, hi: int, open_at: int, nxt: tuple[int, int] | None) -> bool:
    """Whether a quotation opened at `open_at` and not closed in its paragraph goes on in
    the next, as the next opens with the same kind of mark (the words' first paragraph is
    left open): it opens a sentence, or the paragraph."""
    if nxt is None:
        return False
    opens = ("‘", "'") if text[open_at] in "‘'" else ('"', *_DOUBLE_OPEN)
    return text[nxt[0] : nxt[1]].lstrip()[:1] in opens and (
        text[open_at + 1 : hi].lstrip()[:1].isupper() or not text[lo:open_at].strip())


def find_quote_spans(text: str) -> list[_Span]:
    """Every pair of quotation marks, paragraph by paragraph (see the module rules)."""
    return _quote_spans(text, _paragraphs(text))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def _quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[_Span]:
    """find_quote_spans, with the text's paragraphs found already."""
    marks = [m.start() for m in _MARKS.finditer(text)]  # a paragraph without any is passed
    out: list[_Span] = []
    group = 0
    carried = False  # the previous paragraph ended inside a quotation
    next_mark = 0  # index of the first mark not before the paragraph
    for pi, (lo, hi) in enumerate(paragraphs):
        next_mark = bisect.bisect_left(marks, lo, next_mark)
        if next_mark == len(marks) or marks[next_mark] >= hi:
            carried = False  # no quotation here, nor one going on
            continue
        nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
        no_single: set[int] = set()
        for _ in range(8):
            spans, open_at, bad_single = _scan_paragraph(text, lo, hi, no_single)
            if bad_single is None:
                break
            if _goes_on(text, lo, hi, bad_single, nxt):
                open_at = bad_single  # "‘The first year ...\n\n‘The second year ...’"
                break
            no_single.add(bad_single)
        pieces = list(spans)
        if open_at is not None:
            if _goes_on(text, lo, hi, open_at, nxt):
                end = hi
                while end > open_at + 1 and text[end - 1].isspace():
                    end -= 1
                pieces.append((open_at + 1, end))
            else:
                open_at = None  # unbalanced: dropped, the next paragraph starts afresh
        for n, (s, e) in enumerate(pieces):
            if not (n == 0 and carried and text[lo : s - 1].strip() == ""):
                group += 1
            out.append(_Span(s, e, group, pi))
        carried = open_at is not None
    return out


# A paragraph of dialogue in the Russian manner: a dash opens the words, and ", — Peskov
# said." closes them; a dash after the attribution opens more words to the paragraph's end.
_DASH_DIALOGUE = re.compile(
    r"[—–][^\S\n]+(?P<said>[^\n]+?[,.!?…])[^\S\n]+[—–][^\S\n]+(?=[A-ZÀ-ÞĀ-ɏ]|the\s)[^\n—–]+?[.!?:]"
    r"[\"”’»]*"
    r"(?:[^\S\n]+[—–][^\S\n]+(?P<more>[^\n—–]+))?[^\S\n]*$"
)


# A paragraph's opening dash before its words ("— For months Brussels tried ...").
_DASH_OPENS = re.compile(r"[—–][^\S\n]+(?=\S)")


def _dash_spans(text: str, paragraphs: list[tuple[int, int]], group: int) -> list[_Span]:
    """The words of each paragraph of dash dialogue ("— No such meeting is on the agenda,
    — Peskov said. — Dmitriev brought back information."), as quotations with groups from
    `group` on; not a line a dash merely opens ("— Explainer: What's in the plan")."""
    out = []
    for pi, (lo, hi) in enumerate(paragraphs):
        if text[lo] not in "—–":
            continue
        found = _DASH_DIALOGUE.match(text, lo, hi)
        if found is None:
            if pi and text[slice(*paragraphs[pi - 1])].rstrip().endswith(":") and (
                words := _DASH_OPENS.match(text, lo, hi)
            ):  # "Zakharova wrote on her Telegram channel:\n\n— For months Brussels ...":
                end = hi  # the paragraph is the words the colon introduced
                while text[end - 1].isspace():
                    end -= 1
                out.append(_Span(words.end(), end, group, pi))
                group += 1
            continue
        for part in ("said", "more"):
            if found[part]:
                end = found.end(part)
                while text[end - 1].isspace():
                    end -= 1
                out.append(_Span(found.start(part), end, group, pi))
                group += 1
    return out


# -- kind and words ------------------------------------------------------------------------------
def quote_kind(quote: str) -> str:
    m = _FIRST_WORD.search(quote)
    if not m:
        return "fragment"
    word = m.group(0)
    if word[0].isupper():
        return "full"
    base = _APOSTROPHE.split(quote[m.start() :].split(None, 1)[0])[0].casefold()
    return "full" if base in _SUBJECT_WORDS else "fragment"


def word_count(quote: str) -> int:
    return len(_WORDS.findall(quote))


def _words_up_to(text: str, start: int, end: int, most: int = 3) -> int:
    """min(word_count(text[start:end]), most), reading only the first words: whether a
    quotation is long enough to keep needs no more."""
    return len(list(islice(_WORDS.finditer(text, start, end), most)))


# -- attribution ---------------------------------------------------------------------------------
class _Article:
    """One article being attributed: its mentions, verbs and memory, walked in order."""

    def __init__(self, text: str, sentences, spans: list[_Span], codebook,
                 kept: list[_Span], home: str | None = None, captions: str = "") -> None:
        self.text = text
        self.home = home
        self.captions = captions
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        self.matcher = matcher_for(codebook)
        self.spans = spans
        skip = [(s.start - 1, s.end + 1) for s in spans]
        self.skip = skip
        # The quotations long enough to keep: a sentence holding one is heard through its
        # speaker; one holding only a short phrase in marks is heard like any other.
        self.kept = [(s.start - 1, s.end + 1) for s in kept]
        # Nothing after the last quotation's sentence can name its speaker.
        last = sentences[self.sentence_of(spans[-1].end)][1] if spans else 0
        limit = min(len(text), max(last, spans[-1].end + 1)) if spans else 0
        # the words outside the quotations: mentions and verbs inside them are not looked for
        words = words_outside(text, limit, skip)
        self.mentions = scan_mentions(text, self.matcher, [], words)
        self.mention_starts = [m.start for m in self.mentions]
        self.verbs = scan_verbs(words, text, limit, skip)
        talk_patterns = _TALK
        if any(w in text for w in _WELCOMED_WORDS):
            talk_patterns = (*_TALK, _WELCOMED_AS)
        talk = [
            Verb(m.start(), m.end())
            for pattern in talk_patterns
            for m in pattern.finditer(text, 0, limit)
            if not (m.start() and text[m.start() - 1].isalnum())
        ]
        if talk:  # "an official was talking about a deal '...'": speech too
            self.verbs = sorted(
                self.verbs + [v for v in talk if not _inside(skip, v.start())],
                key=Verb.start,
            )
        self.verb_starts = [v.start() for v in self.verbs]
        self.aside: dict[int, bool] = {}  # mention start → _in_aside's answer
        self.subjects = self._named_subjects(last)
        self.events = self._walk()
        self.reset()

    def _named_subjects(self, last: int) -> list[tuple[int, str, str]]:
        """(start, words, description) of persons named in full at the start of a sentence
        ("Estonian Prime Minister Kristen Michal was blunter."): who "he" or "she" means
        next, whatever the verb, even when the codebook does not know them. Codebook
        mentions are heard anyway."""
        out = []
        # where a mention starts that is a person or a source (a party's word opening a title,
        # "Rosatom Director General Alexey Likhachev", leaves the name to be heard)
        mentioned = {m.start for m in self.mentions if m.kind != "place"}
        full_names: dict = {}
        for si, (lo, hi) in enumerate(self.sentences):
            if lo >= last:
                break
            if self.text[lo : lo + 2].isupper():
                lo = self.clause_start(si)  # (not a dateline's place: "PALM BEACH, Fla. —")
            # subject_name, its costly test of a single word (a surname named in full
            # before?) made last, when nothing cheaper has ruled the words out
            found = subject_words(self.text, lo, min(hi, lo + 100))
            if found is None or found[1] in mentioned or _inside(self.skip, found[1]):
                continue
            words, at = found
            if _SUBJECT_FOLLOWS.match(self.text, at + len(words)) and named_enough(
                self.text, found, full_names
            ):
                out.append((at, words, ""))
        if "named " in self.text or "called " in self.text or ", who" in self.text:
            # a person a feature introduces by a given name alone: "a woman named Halyna,
            # 74, whom I met", "a woman in Kyiv's Obolon district, Halyna, who's 67"
            for pattern in _introductions(self.text, last):
                # (and "a former accountant from the neighbourhood named Oksana Melnyk,")
                for found in pattern.finditer(self.text, 0, last):
                    at, name = found.start(found.lastindex), found[found.lastindex]
                    if pattern is _NAMED_GIVEN and lone_name_gender(name) is None:
                        continue  # ("a ship named Moskva,": no given name the lists know)
                    if at not in mentioned and not _inside(self.skip, at):
                        lo = self.sentences[self.sentence_of(found.start())][0]
                        out.append((at, name, self.text[lo:at]))
            out.sort()
        if "call" in self.text:  # a soldier named by a call sign is heard where it is given,
            # described by the words before it ("a 31-year-old senior sergeant with the"): a
            # serviceman's, of the side the words or the story's home give; not in a quotation's
            # sentence ("'...,' said a drone operator ... who asked to be identified only by
            # his call sign, Bison"), where the attribution names its source
            for c in CALL_SIGN.finditer(self.text, 0, last):
                lo, hi = self.sentences[self.sentence_of(c.start())]
                if not any(lo <= a < hi for a, _ in self.kept):
                    out.append((c.start(1), c[1], "soldier " + self.text[lo : c.start()]))
            out.sort()
        return out

    def reset(self) -> None:
        """Forget everything heard (a second walk through the article)."""
        self.memory = SpeakerMemory(self.matcher, self.text, home=self.home,
                                    captions=self.captions)
        self.next_event = 0
        self.next_subject = 0
        self.owner_of_noun = False  # the last attribution was "Trump's remark that …"

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        i = bisect.bisect_left(self.mention_starts, lo)
        j = bisect.bisect_left(self.mention_starts, hi)
        return [m for m in self.mentions[i:j] if m.end <= hi]

    def verbs_in(self, lo: int, hi: int) -> list[re.Match]:
        i = bisect.bisect_left(self.verb_starts, lo)
        j = bisect.bisect_left(self.verb_starts, hi)
        return [v for v in self.verbs[i:j] if v.end() <= hi]

    # Memory: subjects of sentences before `pos` update who "he" and "the official" are.
    def _walk(self) -> list[tuple[int, int, Mention | Verb, int]]:
        """The mentions and speech verbs in the order `advance` hears them, worked out once:
        the two lists merged, a mention before a verb that ends after it starts. Each is
        (gate, at, what, sentence): heard once `pos` >= gate (a mention starting before
        `pos`, a verb ending by it), after the named subjects before `at`. One that tells
        the memory nothing (a verb in a quotation's sentence, "it", "the statement") is left
        out: hearing it did nothing, and the named subjects before it are heard before the
        next one or at `pos` all the same. `sentence` is sentence_of(its start), found by
        walking the sentences along each list (both are in text order) rather than by a
        search each."""
        mentions, verbs, starts = self.mentions, self.verbs, self.starts
        out: list[tuple[int, int, Mention | Verb, int]] = []
        n_mentions = len(mentions)
        i = 0
        msi = vsi = 0  # the sentences of the next mention and verb
        last = len(starts) - 1
        heard: dict[int, bool] = {}  # sentence → whether its verbs' subjects are heard
        for v in (*verbs, None):  # (None: the mentions after the last verb)
            v_end = v.end() if v is not None else len(self.text) + 1
            while i < n_mentions and mentions[i].start < v_end:
                m = mentions[i]
                i += 1
                if m.kind == "statement" or m.kind == "pronoun" and (
                    m.text.casefold() not in ("he", "she")
                    and not is_single_source(m.text)
                ):
                    continue
                while msi < last and starts[msi + 1] <= m.start:
                    msi += 1
                out.append((m.start + 1, m.start, m, msi))
            if v is None:
                break
            v_start = v.start()
            while vsi < last and starts[vsi + 1] <= v_start:
                vsi += 1
            subject_heard = heard.get(vsi)
            if subject_heard is None:
                subject_heard = heard[vsi] = self._subject_heard(vsi)
            if subject_heard:
                out.append((v_end, v_end, v, vsi))
        return out

    def advance(self, pos: int) -> None:
        """Hear, in text order, the subjects of mentions and of speech verbs before `pos`."""
        events, k = self.events, self.next_event
        n_events = len(events)
        subjects = self.subjects
        n_subjects = len(subjects)
        while k < n_events and events[k][0] <= pos:
            _, at, what, si = events[k]
            k += 1
            if self.next_subject < n_subjects and subjects[self.next_subject][0] < at:
                self._hear_subjects(at)
            if type(what) is Verb:
                self._hear_verb(what, si)
            else:
                self._hear_mention(what, si)
        self.next_event = k
        if self.next_subject < n_subjects:
            self._hear_subjects(pos)

    def _hear_subjects(self, pos: int) -> None:
        """Hear the named sentence subjects before `pos` (see _named_subjects)."""
        while self.next_subject < len(self.subjects) and self.subjects[self.next_subject][0] < pos:
            sp = self.memory.named(*self.subjects[self.next_subject][1:])
            self.next_subject += 1
            if sp is not None and sp.kind == "person":
                self.memory.heard(sp)

    def _apposed(self, m: Mention) -> bool:
        """Whether a source describes the person just named ("Anne-Laure Mercier, a defence
        analyst at ..."): "she" goes on meaning that person."""
        last = self.memory.last_person
        if last is None or last.kind != "person":
            return False
        before = self.text[max(0, m.start - 40) : m.start].rstrip()
        surname = last.name.split()[-1]
        if (said := _IS_PREDICATE.search(before)) and before[: said.start()].endswith(surname):
            return True  # "Harrow was US ambassador in Kyiv": what he was, nobody new
        if before.endswith(",") and before[:-1].endswith(surname):
            return True
        # "Jens Hollmann, a Christian Democrat member of the defence committee and a retired
        # Bundeswehr colonel": the second of the apposition's descriptions
        wider = self.text[max(0, m.start - 120) : m.start]
        at = wider.rfind(surname + ",")
        return at != -1 and bool(_APPOSITION_AND.fullmatch(wider, at + len(surname)))

    def _hear_mention(self, m: Mention, si: int) -> None:
        """Hear a mention in sentence `si`, if it is a subject (an anonymous one always)."""
        if m.kind == "pronoun":  # "he", "she" or a single source (see _walk)
            if is_single_source(m.text):
                self.memory.resolve(self.text, m)  # "Another, from ...": whom it means here
            else:
                self._hear_writers_contact(m.start, si)
            return
        if m.kind == "anon":
            if names_an_office(m.text) and not self._subject_like(m, si):
                return  # "voiced by the President of Ukraine": named in passing, unheard
            sp = self.memory.resolve(self.text, m)
            if sp is not None and sp.kind == "anonymous" and self._apposed(m):
                return  # the person just named, described: no source of its own
            if sp is not None:
                self.memory.heard(sp)
                if _one_person(sp) and self._subject_like(m, si) and not self._apposed(m):
                    self.memory.source_stands_in(sp)  # "A soldier ... stamped his feet. '...,'
                    # he said"
        elif self._subject_like(m, si):
            sp = self.memory.resolve(self.text, m)
            if sp is not None:
                self.memory.heard(sp)

    def _hear_writers_contact(self, pos: int, si: int) -> None:
        """"When I spoke to Olena Marchuk, ..., she was blunt": "he" or "she" after the
        writer met somebody in the same sentence is that person (a named one, or one
        described as a soldier or a resident), not whoever spoke before."""
        text = self.text
        lo = self.starts[si]
        if si > 0 and not text[lo:pos].strip():  # "I put that to a senior administration
            lo, pos = self.starts[si - 1], lo  # official. He did not dispute it": the
            # sentence before, when the pronoun opens its own
        if "I " not in text[lo:pos] and "we " not in text[lo:pos].casefold():
            return
        # the last one: the nearest to the pronoun
        met = max(_WRITER_MET.finditer(text, lo, pos), key=re.Match.start, default=None)
        if met is None:
            return
        for mention in self.mentions_in(met.end(), pos):
            if mention.start == met.end() and mention.kind == "anon":
                sp = self.memory.resolve(text, mention)
                if sp is not None and sp.kind == "anonymous" and sp.head in _PERSON_HEADS:
                    self.memory.last_person = sp
                return
            break
        found = _CLAUSE_NAME.match(text, met.end(), pos)
        sp = self.memory.named(found.group(), "") if found else None
        if sp is not None and sp.kind == "person":
            self.memory.heard(sp)

    def _subject_heard(self, si: int) -> bool:
        """Whether the subject of a speech verb in sentence `si` is heard: not in a
        quotation's sentence (that one is heard through its speaker), nor in a sentence a
        quotation from the sentence before ends in."""
        lo, hi = self.sentences[si]
        kept = self.kept
        q = bisect.bisect_left(kept, (lo, -1))
        if q > 0 and kept[q - 1][1] > lo:  # a quotation from the sentence before ends here
            return False
        return q >= len(kept) or kept[q][0] >= hi

    def _hear_verb(self, v, si: int) -> None:
        """The subject of the verb in sentence `si` is who "he" means next (a verb
        `_subject_heard` lets through)."""
        lo, hi = self.sentences[si]
        sp = None
        if self.text.startswith("according", v.start()):  # "..., according to X": X
            sp = self.subject_after(v, hi, inverted=True)
        sp = sp or self.subject_before(v, lo)
        self.memory.heard(sp)
        if sp is not None and _IN_A_STATEMENT.match(self.text, v.end(), hi):
            self.memory.last_statement = sp  # "Ukraine's foreign ministry said in a statement
            # Friday that ... '...,' the statement said": the ministry's, a statement before
        if sp is not None and _one_person(sp):  # "..., according to the Ukrainian official.
            self.memory.source_stands_in(sp)  # '...,' he said": the official

    def _in_aside(self, m: Mention) -> bool:
        """Whether a mention of the article is a possessive or a preposition's object ("in
        Kyiv's ...", "with Witkoff"): no subject. Asked of a third of them twice (as a
        subject heard, then before a verb), so remembered."""
        found = self.aside.get(m.start)
        if found is None:
            found = self.aside[m.start] = is_possessive(self.text, m.end) or after_preposition(
                self.text, m.start)
        return found

    def _subject_like(self, m: Mention, si: int | None = None) -> bool:
        """Whether a mention (in sentence `si`, if known) can be its clause's subject."""
        if self._in_aside(m):
            return False
        if si is None:
            si = self.sentence_of(m.start)
        s0 = self.starts[si]
        lead = self.text[s0 : m.start]
        if _PARTICIPLE_OPENER.match(lead):
            return False  # "Receiving the Danish Prime Minister, ...": the opener's object
        if len(lead.split(None, 3)) <= 3 and "“" not in lead and '"' not in lead and not (
            self._mention_between(s0, m.start)
        ):  # (not "Mr Zelensky met | Jared Kushner": a subject stands before)
            return True
        if after_scene(self.text, s0, m.start):  # "On a snowy road, a soldier ... stamped"
            return True
        if titled_name_at(self.text, s0, m.start):  # "Minister of Foreign Affairs of
            return True  # Ukraine Andrii Sybiha held a phone conversation with ..."
        if _INVERTED_LEAD.fullmatch(lead):  # "Nor, it should be said, did Dmitriev"
            return True
        i = bisect.bisect_left(self.verb_starts, m.end)
        end = self.starts[si + 1] if si + 1 < len(self.starts) else len(self.text)
        return (i < len(self.verbs) and self.verb_starts[i] < end  # (its own sentence's verb:
                and short_gap(self.text, m.end, self.verb_starts[i], 3))  # not "Kushner. He said")

    def _mention_between(self, lo: int, at: int) -> bool:
        """Whether a mention that is no possessive stands in text[lo:at]."""
        i = bisect.bisect_left(self.mention_starts, lo)
        if i == len(self.mention_starts) or self.mention_starts[i] >= at:
            return False  # (the usual case: no mention at all, found by one bisect)
        return any(not is_possessive(self.text, o.end) for o in self.mentions_in(lo, at))

    def _one_party(self, lo: int, hi: int) -> str | None:
        """The one party text[lo:hi] names, if it names only one ("including Britain's
        Keir Starmer, France's Emmanuel Macron ...": Europe)."""
        mt = self.matcher
        found = {mt.word_party.get(norm_key(m.group(0)))
                 for m in mt.party_words.finditer(self.text, lo, hi)}
        return found.pop() if len(found) == 1 else None

    def _described_speaker(self, described) -> Speaker:
        """The speaker a possessive description names (possessive_description's answer)."""
        role = self.matcher.role_to_actor.get(norm_key(_OWNER_S.sub("", described[0])))
        if role:  # "The Kremlin's spokesman said": the codebook's Kremlin spokesman
            return self.matcher.actor_speaker(role)
        return Speaker(described[0], None, "group" if described[3] else described[4],
                       described[2])

    def _antecedent(self, lo: int, end: int) -> Speaker | None:
        """The person, source or institution named right before `end` (a relative clause's
        comma)."""
        mentions = self.mentions_in(lo, end)
        if mentions and mentions[-1].end == end and mentions[-1].kind in ("actor", "role", "anon"):
            return self.memory.resolve(self.text, mentions[-1])
        if (named := institution_before(self.matcher, self.text, lo, end)) is not None:
            return named
        described = possessive_description(self.matcher, self.text, lo, end)
        if described and described[4] == "institution":  # "Ukraine's energy ministry, which"
            return self._described_speaker(described)
        found = name_before(self.text, lo, end)
        if found and found[1] + len(found[0]) == end:
            sp = self.memory.named(found[0], self.text[max(lo, found[1] - 50) : found[1]])
            return sp if sp is not None and sp.kind == "person" else None
        return None

    def _apposed_title(self, lo: int, vs: int, closed: bool) -> int | None:
        """Where a title in apposition after a person's name and before `vs` starts, if one
        does: ", the secretary of Ukraine's National Security and Defence Council" (`closed`:
        with its closing comma)."""
        if closed and "," not in self.text[max(lo, vs - 3) : vs]:
            return None  # (most verbs: no comma right before them)
        apposed = _APPOSED_TITLE.search(self.text, max(lo, vs - 160), vs)
        if apposed and bool(apposed[1]) == closed and _CAPITALISED_END.search(
            self.text, max(lo, apposed.start() - 40), apposed.start()
        ):
            return apposed.start()
        return None

    def _acronym_org(self, lo: int, vs: int) -> Speaker | None:
        """The organisation written in full with its initials in brackets right before `vs`
        ("The International Atomic Energy Agency (IAEA) said"), which the codebook does not
        know, if one is."""
        if not self.text[max(lo, vs - 3) : vs].rstrip().endswith(")"):
            return None
        org = _ACRONYM_ORG.search(self.text, max(lo, vs - 120), vs)
        name = org and _THE.sub("", org.group(1))
        return Speaker(name, None, "institution", None) if name and (
            _initials(name) == org.group(2)) else None

    # Subject of one speech verb.
    def subject_before(self, verb: re.Match, lo: int) -> Speaker | None:
        vs = verb.start()
        if self.text.endswith(") ", lo, vs) and (
                aside := _BRACKETS_BEFORE.search(self.text, max(lo, vs - 45), vs)) and (
                not self._acronym_org(lo, vs)):
            vs = aside.start()  # "the Ministry of Foreign Affairs (Itamaraty) said": the name
            # the brackets follow
        if self.text.find("-year-old", max(lo, vs - 40), vs) != -1 and (
            aged := _AGED_SUBJECT.search(self.text, max(lo, vs - 40), vs)
        ):  # '"...," the 54-year-old told reporters': the person named last before
            last = self.memory.person_named_before(aged.start()) or self.memory.last_person
            if last is not None and last.kind == "person":
                return last
        # "who" and "which" both hold "wh": one search tells most sentences hold neither
        relative_word = self.text.find("wh", lo, vs) != -1
        if relative_word and (self.text.find("who", max(lo, vs - 25), vs) != -1
                              or self.text.find("which", max(lo, vs - 25), vs) != -1) and (
            who := _WHO_SAID.search(self.text, max(lo, vs - 40), vs)
        ) and (
            sp := self._antecedent(lo, who.start())
        ):  # "a sharp response from Mr. Dmitriev, who said ...": whom "who" stands for;
            return sp  # "AFP contacted Ukraine's energy ministry, which said": the ministry
        if self.text.find("ead of", max(lo, vs - 40), vs) != -1 and (
            self.memory.last_person is not None
        ) and _HEAD_OF.search(self.text, max(lo, vs - 40), vs):
            # "Emmanuel Macron ... was more measured. '...,' the head of state declared", also
            # after a scene that names another ("Receiving the Danish Prime Minister, Mette
            # Frederiksen, at the Élysée, the head of state said")
            return self.memory.last_person
        described_to = None  # where the words describing a name before the verb end
        if relative_word and (
            self.text.find("who", lo, vs) != -1 or self.text.find("which", lo, vs) != -1
        ) and (
            relative := _relative_clause(self.text, lo, vs)
        ):
            # "Umerov, who leads the delegation in talks with Witkoff and Kushner, said", "The
            # United Arab Emirates, which has mediated between Russia and Ukraine, said": the
            # clause's own names are not the subject
            vs = relative[0]
            if relative[1].split(None, 2)[1] == "who" and (
                apposed := self._apposed_title(lo, vs, closed=False)
            ) is not None:  # "Rustem Umerov, the secretary of Ukraine's National Security and
                vs = apposed  # Defence Council, who joined the delegation, wrote": a person's
                # title in apposition before "who", the council no subject
        elif (apposed := self._apposed_title(lo, vs, closed=True)) is not None:
            # "Sofia Lindqvist, the World Bank's country director for Eastern Europe, said":
            # the person her title describes, not its Europe (the title still describes her)
            described_to, vs = vs, apposed
        listed = None
        if self.text.find(" including ", lo, vs) != -1 and (
            listed := _LISTED_BEFORE.search(self.text, lo, vs)
        ):  # "leaders including Britain's Keir Starmer ... and Poland's Donald Tusk said":
            vs = listed.start()  # the leaders, whom the list names
        elif self.text.find(" with ", lo, vs) != -1 and (
            joined := _JOINED_BY.search(self.text, lo, vs)
        ):  # "the leaders of Germany, France and others, along with ... António Costa,
            vs = joined.start()  # said": the subject before those who joined it, or the
            if of_list := _HEAD_OF_LIST.search(self.text, lo, vs):  # leaders of the
                return Speaker(of_list.group(1), None, "group",  # countries listed
                               self._one_party(of_list.end(1), of_list.end()))
        best: tuple[int, Speaker, int] | None = None  # start, speaker, end of the mention
        for m in reversed(self.mentions_in(lo, vs)):
            if self._in_aside(m):
                continue
            if m.kind == "place" and _VERB_BEFORE.search(self.text, max(lo, m.start - 20),
                                                         m.start):
                continue  # "European leaders left Berlin last night insisting": an object
            limit = 2 if m.kind == "place" else 5
            if not self.near(m.end, vs, limit) and not (
                m.kind == "anon"  # "a source in the delegation at the last round of talks
                # told": a phrase that places the source, however long
                and _INSIDE_PHRASE.match(self.text, m.end, vs)
                and self.near(m.end, vs, 9)
            ) and not (
                m.kind in ("anon", "actor", "role")  # "One European official who sat in on
                # the talks says": a relative clause between the subject and its verb
                and _WHO_CLAUSE.fullmatch(self.text, m.end, vs)
            ) and not (
                m.kind == "anon"  # "One of the sources, a European diplomat in Kyiv, said":
                # the apposition says who the source is
                and m.text.split(None, 1)[0].casefold() in ("a", "an")
                and self.text[max(lo, m.start - 2) : m.start].strip() == ","
                and _APPOSITION_END.fullmatch(self.text, m.end, vs)
            ):
                continue
            sp = self.memory.resolve(self.text, m)
            if sp is not None and listed and sp.party is None:
                sp = replace(sp, party=self._one_party(listed.start(), listed.end()))
            if sp is not None:
                best = (m.start, sp, m.end)
            break
        if best is None and (noun := _INSTITUTION_NOUN.search(self.text, max(lo, vs - 30), vs)):
            named = institution_named_before(self.matcher, self.text, noun.start(),
                                             noun.group(1))
            if named:  # "the Russian Defence Ministry reported ... '...,' the ministry said"
                return named
            if noun.group(1) in _BUSINESS_NOUNS and (firm := self._firm_before(noun.start())):
                return firm
            if self.memory.last_institution is not None:  # "Energoatom said ... '...,' the
                return self.memory.last_institution  # company said": the one named before
        if best is None and (named := institution_before(self.matcher, self.text, lo, vs)):
            return named  # "The Russian Defence Ministry said"
        if best is None and (org := self._acronym_org(lo, vs)):
            return org
        described = (best is None or best[1].kind == "anonymous") and possessive_description(
            self.matcher, self.text, lo, vs)
        if described and best is not None and best[0] <= described[1] < best[2]:
            described = None  # "a senior official in Zelenskyy's office": the source's own
        if described:  # not "adviser": a name stands before the verb
            return self._described_speaker(described)
        found = None
        if best is None or _name_may_count(self.text, lo, vs, best[0], best[2],
                                           best[1].kind == "anonymous"):
            found = name_before(self.text, lo, vs)
        if found and best is None and self.text[found[1] + len(found[0]) : vs].strip() == "," and (
            self.matcher.party_in(found[0])
        ) and (earlier := name_before(self.text, lo, found[1])) and self.text[
            earlier[1] + len(earlier[0]) : found[1]
        ].strip() == ",":  # "Sen. Jeanne Shaheen, New Hampshire Democrat, said": the words in
            found = earlier  # capitals that name a party describe the name before them
        if found and (
            best is None
            or found[1] >= best[2]  # a name after the mention, not one inside it
            or best[1].kind == "anonymous"  # "Yuri Ushakov, Putin's adviser, told": the name
            and self.text[found[1] + len(found[0]) : best[0]].lstrip().startswith(",")
        ):
            raw, at = found
            title = self.text[_word_start(self.text, max(lo, at - 50), lo) : at]
            if _SCENE_BEFORE.fullmatch(self.text, lo, at) or (
                title.rstrip().endswith(",") and not apposition_ends_at(self.text, at + len(raw))
            ):  # "... is achieved in Ukraine, Prime Minister Sanae Takaichi said": what was said
                title = ""  # "In phone calls with ... Ukrainian President Zelensky, Erdogan
                # said": the phrase sets the scene, it is not the speaker's title
            elif (comma := title.rfind(",")) != -1 and title[comma + 1 :].lstrip()[:1].isupper():
                title = title[comma + 1 :]  # "... between Russia and the U.S., Chinese
                # Foreign Ministry spokesperson Lin Jian said": a title right before the name
                # starts after the comma ("..., and Vollmer said": the clause is his context)
            inside = best is not None and found[1] >= best[2] and _INSIDE_PHRASE.match(
                self.text, best[2], found[1]
            ) and not titled_name_at(self.text, lo, at)  # "a soldier of the 93rd Brigade
            # said": the soldier, not the brigade; but "Deputy Prime Minister for European
            # and Euro-Atlantic Integration of Ukraine Taras Kachka said": Kachka
            if only_titles(raw.split()) and _THE_BEFORE.search(title):  # "the President
                raw = "the " + raw  # said": a description, read as the person it fits
            sp = None if inside else self.memory.named(
                raw, title + " " + self.text[at : described_to or vs])
            if sp is not None and (
                short_gap(self.text, at + len(raw), vs, 3)
                or _AUXILIARIES.fullmatch(self.text, at + len(raw), vs)  # "X, has said"
                or apposition_between(self.text, at + len(raw), vs)
                # "The Liberal Democrats' defence spokesperson, Helen Maguire, said"
                or best is not None and self.text[at + len(raw) : vs].strip() == ","
                or _OF_ORGANISATION_GAP.fullmatch(self.text, at + len(raw), vs)
                # "One of those MPs, Inna Sovsun of the opposition party Holos, told her"
                or best is not None and best[1].kind == "anonymous"
                and _OF_BODY_APPOSED.fullmatch(self.text, at + len(raw), vs)
            ):
                return sp
        return best[1] if best else None

    def subject_after(self, verb: re.Match, hi: int, inverted: bool = False,
                      alone: bool = False) -> Speaker | None:
        """The subject right after the verb ("said Zelensky"). `inverted`: the verb follows a
        quotation, so whatever follows it is the subject, a description included. `alone`:
        the name must end its phrase ("said Europe had to be ...": Europe is the reported
        clause's subject, not the speaker)."""
        ve = verb.end()
        if self.text.endswith("ing", verb.start(), ve):
            return None  # "..., noting the navy's experience": a participle's subject is the
            # sentence's, never the words after it
        for m in self.mentions_in(ve, hi):
            if short_gap(self.text, ve, m.start, 0) or m.kind == "role" and (
                _ONE_CAPITALISED.fullmatch(self.text, ve, m.start)
            ):  # (a country of no party before the title: "said Chinese foreign ministry
                # spokesman Guo Jiakun")
                if alone and _CLAUSE_GOES_ON.match(self.text, m.end):
                    return None
                if inverted and m.kind in ("anon", "role") and (
                    apposed := _APPOSED_NAME.match(self.text, ve, hi + 1)
                ):  # "said the minister for the economy, Roland Lescure,": the name
                    sp = self.memory.named(apposed.group(2), apposed.group(1))
                    if sp is not None:
                        return sp
                if m.kind == "anon" and self.text.startswith(" ", m.end) and (
                        follow := name_after(self.text, _OF_THE.match(self.text, m.end).end(),
                                             hi)) and not _WORD_STOP.search(
                        follow[0].rstrip(".")):
                    # "says Minister of Defence Tore O. Sandvik": the name after the title
                    sp = self.memory.named(follow[0], self.text[m.start : follow[1]])
                    if sp is not None and sp.kind == "person":
                        return sp
                named = name_after_title(self.text, m.end, hi) if m.kind == "place" else None
                if named is not None:  # "said Odesa governor Oleh Kiper": the place is the
                    # title's, not the speaker
                    sp = self.memory.named(named[0], self.text[m.start : named[1]])
                    if sp is not None:
                        return sp
                return self.memory.resolve(self.text, m)
            break
        found = name_after(self.text, ve, hi)
        titled = name_after_title(self.text, ve, hi)  # "said opposition lawmaker Inna Sovsun"
        if found and titled and titled[1] > found[1] and all(
            w.casefold() in _TITLE_WORDS
            for w in self.text[found[1] + len(found[0]) : titled[1]].split()
        ):
            found = None  # "said Green lawmaker Lea Sommerfeld": a party's member, named after
        if found and short_gap(self.text, ve, found[1], 0):
            if alone and _CLAUSE_GOES_ON.match(self.text, found[1] + len(found[0])):
                return None
            # "said Andrii, a 29-year-old drone operator with the 65th Brigade": who he is
            sp = self.memory.named(found[0], apposition_after(self.text, found[1] + len(found[0])))
            if sp is not None and not self._member(sp, found[1] + len(found[0])):
                return sp
        if titled and not (alone and _CLAUSE_GOES_ON.match(self.text, titled[1] + len(titled[0]))):
            sp = self.memory.named(titled[0], self.text[ve : titled[1]])
            if sp is not None and not self._member(sp, titled[1] + len(titled[0])):
                return sp
        return self.described_after(ve, hi) if inverted else None

    def _member(self, sp: Speaker, end: int) -> bool:
        """Whether a body the codebook does not know, named before `end`, is only what one of
        its people is called by ("said a Met Office spokesperson"): the person is described
        after it."""
        return sp.kind == "institution" and sp.actor is None and member_after(self.text, end)

    def near(self, start: int, end: int, limit: int) -> bool:
        """short_gap, where a number's thousands comma ("a 1,340-km border") is no clause
        break."""
        gap = self.text[start:end]
        if "," in gap and _DIGIT_COMMA.search(gap):
            gap = _DIGIT_COMMA.sub("", gap)
            return short_gap(gap, 0, len(gap), limit)
        return short_gap(self.text, start, end, limit)

    def described_after(self, ve: int, hi: int) -> Speaker | None:
        """'," said the city's mayor, Oleksandr Honcharenko,': the name in apposition;
        '," said a 34-year-old drone operator near X who ...': the description's head noun
        with its plain modifiers ("drone operator"), who "he" means next."""
        text = self.text
        named = _APPOSED_NAME.match(text, ve, hi + 1)
        if named:
            sp = self.memory.named(named.group(2), named.group(1))
            if sp is not None:
                return sp
        desc = _DESCRIPTION.match(text, ve, hi + 1)
        if not desc or _NOT_A_HEAD.fullmatch(desc.group(2)):
            return None
        if _THE_AGED.match(text, desc.start()):  # "When Olena Marchenko heard ... '...,'
            # said the 43-year-old pharmacist": the person just named
            last = self.memory.person_named_before(ve) or self.memory.last_person
            if last is not None and last.kind == "person":
                return last
        owner = next((w[:-2] for w in desc.group(1).split() if w[-2:] in ("'s", "’s")), None)
        if owner and desc.group(2) in DOCUMENT_WORDS:  # "according to the Kremlin's own
            key = norm_key(owner)  # readout": the Kremlin's words
            if key in self.matcher.word_party:
                return self.matcher.place_speaker(owner)
            return self.memory.named(owner, "")
        mods = [w for w in desc.group(1).split() if w.isalpha()]
        det = "a"
        if "same" in mods:  # "the same Ukrainian official": the one named before
            det, mods = "the", [w for w in mods if w != "same"]
        raw = " ".join([det, *mods[-3:], desc.group(2)])
        sp = self.memory.resolve(text, Mention(desc.start(2), desc.end(2), "anon", raw))
        if sp is not None and sp.kind == "anonymous" and sp.party is None:
            where = _WHERE_FROM.match(text, desc.end(2), hi + 1)  # "a drone operator near
            party = where and self.memory.matcher.party_in(where.group(1))  # Kostiantynivka"
            if party:
                sp = replace(sp, party=party)
        if sp is not None and sp.kind == "anonymous":
            self.memory.last_person = sp  # one person described: "he said" next is them
        return sp

    def view_holder(self, view: re.Match) -> Speaker | None:
        """Whose view a sentence opening "In Brandt's view," or "In her opinion," gives: the
        person it names, or the one the pronoun means."""
        if view["name"]:
            sp = self.memory.named(view["name"], "")
            return sp if sp is not None and sp.kind == "person" else None
        return self.memory.person_for("he" if view["pron"] == "his" else "she", view.start())

    def reporter_of(self, lo: int, agreed: re.Match) -> Speaker | None:
        """Who reports what others agreed: "He said they had agreed that '...'" is his
        account of it, so his words (the speech verb before "agreed" and its subject)."""
        before = [v for v in self.verbs_in(lo, agreed.start()) if not _AGREED.match(
            self.text, v.start())]
        if before and self.text.startswith(("According", "according"), before[-1].start()):
            # "According to Ushakov, the presidents agreed that ...": his account
            return self.subject_after(before[-1], agreed.start(), inverted=True)
        return self.subject_before(before[-1], lo) if before else None

    def words_of_whom(self, lo: int, q_start: int, q_end: int, hi: int) -> Speaker | None:
        """'..., in the words of one Ukrainian lawyer, "..."' (or after the quotation): the
        phrase names the speaker, whatever the sentence's verbs say."""
        text = self.text
        found = max(_IN_THE_WORDS.finditer(text, lo, q_start), key=re.Match.start, default=None)
        if found is not None and (
            _ONLY_PUNCTUATION.fullmatch(text, end := found.end() + len(
                _PHRASE.match(text, found.end(), q_start).group()), q_start)
            or _THAT_CLAUSE.fullmatch(text, end, q_start)  # ", in the words of one US
        ):  # official quoted after Mar-a-Lago, that this is '...'"
            return self.subject_after(_At(found.end()), q_start, inverted=True)
        after = _IN_THE_WORDS_AFTER.match(text, q_end, hi)
        if after is not None:
            return self.subject_after(_At(after.end()), hi, inverted=True)
        return None

    def attribute(self, lo: int, q_start: int, q_end: int, hi: int) -> Speaker | None:
        """The speaker of a quotation from its sentence: after it, before it, then trailing."""
        text = self.text
        if "words of" in text[lo:hi]:
            sp = self.words_of_whom(lo, q_start, q_end, hi)
            if sp is not None:
                return sp
        post_verbs = [v for v in self.verbs_in(q_end, hi)
                      if not _OTHER_CLAUSE.match(text, q_end, v.start())
                      and not _PER_REPORTS.match(text, v.start())
                      and text.find(";", q_end, v.start()) == -1]  # ('"..." in the area;
        # Zelensky said ...': a clause of its own)
        if post_verbs:
            v = post_verbs[0]
            vs = v.start()
            if _ONLY_PUNCTUATION.fullmatch(text, q_end, vs):  # ," said Zelensky
                sp = self.subject_after(v, hi, inverted=True)
                if sp:
                    return sp
            sp = self.subject_before(v, q_end)
            if sp is not None and short_gap(text, q_end, vs, 6):  # ," the official said
                return sp
        if ", who " in text[lo:q_start] and (
            clause := _IN_WHO_CLAUSE.search(text, lo, q_start)
        ) and (sp := self._antecedent(lo, clause.start())) is not None:
            return sp  # "Donald Tusk, who had framed the choice as '...'": Tusk's words
        if " by " in text[max(lo, q_start - 200) : q_start] and (
            by := _PASSIVE_BY_AS.search(text, max(lo, q_start - 200), q_start)
        ) and _PASSIVE_VERB.search(text, max(lo, by.start() - 200), by.end(1)):
            # "welcomed by European Council President Antonio Costa as '...'": the agent's
            sp = self.agent(by.start(1), by.end(1))
            if sp is not None:
                return sp
        if _may_be_written_on(text[max(lo, q_start - 24) : q_start]) and _WRITTEN_ON.search(
            text, max(lo, q_start - 24), q_start
        ):
            sp = self.main_subject(q_start)  # "X held a sign that read '…'": X's words
            if sp is not None:
                return sp
        owner = self.speech_owner(lo, q_start)
        if owner is not None:
            self.owner_of_noun = True
            return owner
        verbs = self.verbs_in(lo, q_start)
        if " — " in text[lo:q_start] or " – " in text[lo:q_start]:
            # "Moscow accused Kyiv of an attack — a claim Kyiv and US officials dismissed —
            # and threatened to 'revise its position'": a verb inside a dash's aside says
            # nothing of the words after it
            verbs = [v for v in verbs if not (_IN_DASH_ASIDE.fullmatch(text, v.end(), q_start)
                                              and _DASH.search(text, lo, v.start()))]
        for n, v in reversed(list(enumerate(verbs))):
            vs = v.start()
            if n and (_REPORTED_BY.match(text, verbs[0].end(), vs)
                      or _SAID_NAME.match(text, verbs[0].start(), vs)) and not text.startswith(
                    "ask", verbs[0].start()):  # ("When asked about reports that ..., X said")
                continue  # "Ushakov told journalists that Moscow still insisted on ...":
                # a verb of the reported clause, the first verb's subject the speaker
            if n and _TO_INFINITIVE.match(text, v.end()) and not short_gap(
                    text, v.end(), q_start, 4):
                continue  # "the force that Britain and France have pledged to lead, but that
                # any such force needed to know '...'": a pledge to act, not these words
            participle = text.endswith("ing", vs, v.end())
            if participle and _STATEMENT_BEFORE.search(text, max(lo, vs - 20), vs):
                sp = self.main_subject(vs)  # "X issued a statement saying ..."
                if sp is not None:
                    return sp
            if participle and (absolute := self._with_subject(lo, vs)) is not None:
                sp = absolute  # "Kyiv rejected the claim, with Zelensky calling it '…'"
            elif participle and _PARTICIPLE.search(text, max(0, vs - 3), vs):
                # ", calling it": the main clause's subject, not "it"
                sp = self.main_subject(vs)
            elif text.startswith("according", vs):  # "Moscow, according to X, '…'"
                sp = self.subject_after(v, q_start, inverted=True)
            else:
                inverted = lo > 0 and text[lo - 1] in _QUOTE_CLOSERS and bool(
                    _ONLY_PUNCTUATION.fullmatch(text, lo, vs)
                )  # '"If we leave," said the mayor, X, "then ...': the second piece
                sp = self.subject_before(v, lo) or (
                    None if not inverted and _OBJECT_FOLLOWS.match(text, vs)
                    else self.subject_after(v, q_start, inverted=inverted, alone=not inverted)
                )
                if (coordinated := _COORDINATED.search(text, max(lo, vs - 40), vs)) and (
                    sp is None or text[lo : coordinated.start()].rstrip(" ,").endswith(
                        sp.name.split()[-1])
                    or text[lo : coordinated.start()].rstrip().endswith(",")
                    or self.verbs_in(lo, coordinated.start())  # "X said he expected the
                    # Americans to brief Moscow within days and described ...": X again
                    or _OBJECT_BEFORE.search(text, max(lo, coordinated.start() - 40),
                                             coordinated.start())  # "X welcomed the
                    # statement but said": the statement is what X welcomed
                ):  # "X wants a deal and has said ...", "Zelensky thanked Britain and France
                    # but warned", "Trump spoke with Putin for two hours, and described it
                    # as": a name right before the conjunction is the object of the verb
                    # before, and the verb after it has the sentence's subject
                    sp = self.main_subject(vs) or sp
                if sp is not None and _AGREED.match(text, vs):
                    sp = self.reporter_of(lo, v) or sp
            if sp is not None:
                return sp
        for v in post_verbs:  # "...", that would deter aggression, said a second official.
            if text[q_end : v.start()].rstrip().endswith(",") and not _NOT_INVERTED.match(
                text, v.start()
            ):  # (what follows "told" is whom it was told: "X, told a conference")
                sp = self.subject_after(v, hi, inverted=True)
                if sp:
                    return sp
            sp = self.subject_before(v, q_end)
            if sp is not None:
                return sp
        return None

    def _with_subject(self, lo: int, vs: int) -> Speaker | None:
        """The subject a participle has of its own after "with" ("..., with Zelensky calling
        it", "with President Emmanuel Macron saying"), else None."""
        if self.text.find("with", max(lo, vs - 60), vs) == -1:
            return None
        found = self.mentions_in(max(lo, vs - 60), vs)
        m = found[-1] if found else None
        if m is None or self.text[m.end : vs].strip() or m.kind not in (
                "actor", "role", "anon") or not _WITH_BEFORE.search(
                self.text, max(lo, m.start - 40), m.start):
            return None
        return self.memory.resolve(self.text, m)

    def agent(self, lo: int, hi: int) -> Speaker | None:
        """Who text[lo:hi] names, a passive's agent: the first mention that opens it, or
        the name its capitalised words give."""
        for m in self.mentions_in(lo, hi):
            if m.kind in ("actor", "role", "anon", "place") and not self.text[lo : m.start].strip(
                    " ,"):
                return self.memory.resolve(self.text, m)
            break
        found = name_after(self.text, lo, hi)
        return self.memory.named(found[0], "") if found else None

    def says_right_before(self, lo: int, start: int, sp: Speaker) -> bool:
        """Whether the words right before the speech verb nearest `start` name `sp`
        ("Starmer urges allies to 'make Russia pay'"): the verb is theirs, not one further
        back ("Zelensky says ... as Taoiseach warns Russia 'has to show ...'")."""
        verbs = self.verbs_in(lo, start)
        if not verbs:
            return False
        vs = verbs[-1].start()
        return sp.name.split()[-1] in self.text[max(lo, vs - 40) : vs]  # (read, not heard:
        # the memory learns nothing from a headline's words here)

    # Transcripts: turns labelled with their speaker ("V. Putin:", "MS. LEAVITT:").
    def turn_label(self, plo: int, phi: int) -> Speaker | None:
        if self.text.find(":", plo, phi) == -1:
            return None  # a label ends with its colon
        label = _LABEL.match(self.text, plo, phi)
        return self.memory.known(label.group(1)) if label else None

    def turn_speaker(self, lo: int, q_start: int, turn: Speaker,
                     questions: bool) -> tuple[bool, Speaker | None]:
        """Who a quotation inside a labelled turn belongs to, when the speech verb before it
        has a subject the turn explains: "I"/"we" are the turn's speaker, "you" the
        questioner, "the President" the turn's party's president. (False, None): not such."""
        verbs = self.verbs_in(lo, q_start)
        if not verbs:
            return False, None
        vs = verbs[-1].start()
        m = _TURN_SUBJECT.search(self.text, max(lo, vs - 60), vs)
        if not m:
            return False, None
        who = m.group(1).casefold()
        if who in ("i", "we"):
            return True, turn
        if who == "you":
            return True, _REPORTER if questions else None
        if who in ("he", "she"):  # "The President has been clear, and he said it again:",
            # "..., the president has other options, and he's told me more than once, '...'":
            # the nearest title before it in the sentence that names an actor
            lo = self.sentences[self.sentence_of(vs)][0]
            for title in reversed(list(_TITLE_SUBJECT.finditer(self.text, lo, m.start()))):
                sp = self.titled(title.group(1), turn.party, vs)
                if sp is not None:
                    return True, sp
            return False, None
        sp = self.titled(who.split()[-1], turn.party, vs)
        return sp is not None, sp

    def titled(self, title: str, party: str | None, pos: int) -> Speaker | None:
        """'the President' / 'the Secretary' in a turn: the turn's party's only actor with
        exactly that title, else the actor with that title named last before `pos`."""
        mt = self.matcher
        title = title.casefold()
        exact, headed = set(), set()
        for actor in mt.actors.values():
            for role in actor.roles:
                bare = _OF_THE_END.sub("", mt.party_words.sub("", role)).strip().casefold()
                if bare == title and actor.party == party:
                    exact.add(actor.id)
                if title in role.casefold().split(" of ")[0].split():
                    headed.add(actor.id)
        if len(exact) == 1:
            return mt.actor_speaker(exact.pop())
        for m in reversed(self.mentions_in(0, pos)):
            if m.kind == "actor":
                sp = self.memory.resolve(self.text, m)
                if sp is not None and sp.actor in headed:
                    return sp
        return None

    def colon_subject(self, lo: int, colon: int) -> Speaker | None:
        """The subject of the clause a colon ends ("Asked whether Putin would agree, Peskov was
        categorical:"): the person opening the last comma-separated part that opens with one,
        else the sentence's main subject."""
        text = self.text
        sentence_lo = self.sentences[self.sentence_of(colon)][0]
        if lead := _QUOTE_FROM.match(text, max(sentence_lo, lo), colon):
            # "Quote from a source in the Office of the President: '...'" (a house style)
            for m in self.mentions_in(lead.end(), colon):
                if m.start == lead.end() and m.kind in ("actor", "role", "anon"):
                    return self.memory.resolve(text, m)
        cuts = [i + 1 for i in range(colon - 1, max(sentence_lo, lo) - 1, -1) if text[i] == ","]
        for start in (*cuts, sentence_lo):
            for m in self.mentions_in(start, colon):
                if (
                    m.kind in ("actor", "role", "anon", "place", "pronoun")
                    and not text[start : m.start].strip()
                    and not is_possessive(text, m.end)
                    and _SUBJECT_FOLLOWS.match(text, m.end)
                ):
                    sp = self.memory.resolve(text, m)
                    if sp is not None:
                        return sp
                break
            first = start + len(text[start:colon]) - len(text[start:colon].lstrip())
            if bullet := _BULLET.match(text, first, colon):  # "- Brian Fitzpatrick: '...'"
                first = bullet.end()
            found = _CLAUSE_NAME.match(text, first, colon)
            if found and _LABEL_FOLLOWS.match(text, found.end()):
                sp = self.memory.named(found.group(), "")
                if sp is not None:
                    return sp
            elif surname := _SURNAME.match(text, first, colon):
                sp = self.memory.known(surname.group())  # "Grossi, in a post on X: '...'"
                if sp is not None:
                    return sp
        if came := _CAME_FROM.search(text, max(sentence_lo, lo), colon):
            # "The Kremlin's response came from Dmitry Peskov: '...'": whose the words are
            found = _CLAUSE_NAME.match(text, came.end(), colon)
            if found and not text[found.end() : colon].strip():
                sp = self.memory.named(found.group(), "")
                if sp is not None:
                    return sp
        return self.main_subject(colon)

    def _firm_before(self, at: int) -> Speaker | None:
        """The business the sentence before `at` opens with, a name the codebook does not
        know: "Lukoil is racing to sell its assets ... The company said" is Lukoil's."""
        si = self.sentence_of(at)
        if si == 0:
            return None
        lo = self.clause_start(si - 1)
        found = _FIRM_SUBJECT.match(self.text, lo, self.sentences[si - 1][1])
        if found is None or self.mentions_in(lo, found.end(1)):
            return None  # (a codebook name: the memory's own institution)
        return Speaker(found.group(1), None, "institution", None)

    def clause_start(self, si: int) -> int:
        """Where sentence `si`'s words start: after a dateline that opens it."""
        lo = self.sentences[si][0]
        dateline = _DATELINE_LEAD.match(self.text, lo) if self.text[lo : lo + 2].isupper() else None
        return dateline.end() if dateline else lo

    def main_subject(self, vs: int) -> Speaker | None:
        """The subject of the clause before `vs` (a participle: "Peskov said Moscow saw X,
        calling it ..."): the first speech verb's subject in the sentence, else the mention
        the sentence opens with."""
        lo = self.clause_start(self.sentence_of(vs))
        for v in self.verbs_in(lo, vs):
            sp = self.subject_before(v, lo)
            if sp is not None:
                return sp
        mentions = self.mentions_in(lo, vs)
        opening = _CLAUSE_NAME.match(self.text, lo, vs)
        if opening and (titled := name_after_title(self.text, opening.end(), vs)
                        or _titled_in_run(self.text, opening)):
            # "Reform UK leader Nigel Farage went further, warning ...", "Kyiv Mayor Vitali
            # Klitschko went further": the name after the title its place or party opens with
            sp = self.memory.named(titled[0], self.text[lo : titled[1]])
            if sp is not None and sp.kind == "person":
                return sp
        if opening and _SUBJECT_FOLLOWS.match(self.text, opening.end()) and not any(
                m.start < opening.end() for m in mentions):
            # "Lithuanian President Gitanas Nausėda on Tuesday welcomed the talks with
            # Ukrainian President Volodymyr Zelensky, but warned": the person the clause
            # opens with, whom the codebook does not know, before a mention after him
            sp = self.memory.named(opening.group(), "")
            if sp is not None and sp.kind == "person":
                return sp
        if (lone := _SURNAME_OPENING.match(self.text, lo, vs)) and (
                known := self.memory.unknown_by_surname.get(lone[1])) is not None and not any(
                m.start < lone.end(1) for m in mentions):
            return known  # "Grossi is expected to brief the board in March, and told
            # reporters": a person named before, by the surname alone
        if _SUBORDINATE.match(self.text, lo) and (comma := self.text.find(",", lo, vs)) != -1:
            # "Before Zelenskyy arrived, Trump spoke with Putin ... and described it as": the
            # clause before the comma has a subject of its own, not the sentence's
            mentions = [m for m in mentions if m.start > comma]
        for m in mentions:
            if m.kind in ("actor", "role", "anon", "place") and self._subject_like(m):
                return self.memory.resolve(self.text, m)
        if mentions and mentions[0].start == lo and mentions[0].text in ("He", "She"):
            # "She did not rule out a referendum, but said ...": whom the pronoun means
            return self.memory.person_for(mentions[0].text.casefold(), lo)
        # "On Tuesday, Deputy Minister X went further, telling ...": the first person named
        # outside a prepositional phrase, known to the codebook or not.
        for m in mentions:
            if m.kind in ("actor", "role", "anon") and not (
                is_possessive(self.text, m.end) or after_preposition(self.text, m.start)
            ):
                return self.memory.resolve(self.text, m)
        for found in _CLAUSE_NAME.finditer(self.text, lo, vs):
            if not after_preposition(self.text, found.start()) and _SUBJECT_FOLLOWS.match(
                self.text, found.end()
            ):
                sp = self.memory.named(found.group(), self.text[lo : found.start()])
                if sp is not None:
                    return sp
        return None

    def speech_owner(self, lo: int, q_start: int) -> Speaker | None:
        """"Trump's remark that a deal was '…'": the owner of a speech noun before the
        quotation, when no speech verb stands between the noun and the quotation."""
        text = self.text
        window = text[lo:q_start]
        if not ("'s" in window or "’s" in window or "his " in window or "her " in window
                or "His " in window or "Her " in window):
            return None  # no possessive at all: the usual case
        found = None
        for match in _SPEECH_NOUN.finditer(text, lo, q_start):
            found = match  # the last one: the nearest to the quotation
        if found is None or self.verbs_in(found.end(), q_start):
            return None
        owner, at = found.group(1), found.start(1)
        opening = _IN_OPENING.match(owner)  # "In Merz's words, ...": "In" is no name
        if opening:
            owner, at = owner[opening.end() :], at + opening.end()
        content = text[found.end() : q_start]  # the quotation is what was said, not a
        # comment on it ("Trump's words were 'very important'" is somebody else's)
        if not _NOUN_CONTENT.match(content) or (
            len(content.split()) > 25
            and not (opening or text[lo:at].strip() in ("In", "in"))
        ):  # "In her words, <a long clause> '…'": the phrase covers the whole sentence
            return None
        if owner.casefold() in ("his", "her"):
            if self.verbs_in(lo, at):  # "Graham told this program that any deal without, in
                return None  # his words, '...'": the speaking subject's, whom the verb gives
            return self.memory.person_for("she" if owner.casefold() == "her" else "he")
        sp = self.memory.named(owner, text[max(lo, at - 50) : at])
        if sp is None and norm_key(owner) in self.matcher.word_party:  # "Russia's claim"
            sp = self.memory.resolve(text, Mention(at, found.end(1), "place", owner))
        return sp

    def paragraph_speaker(self, lo: int, hi: int) -> Speaker | None:
        """Whom a paragraph without quotations introduces as speaking ("In his address,
        Zelensky spoke to Ukrainians."): the subject of its last sentence with a speech verb
        or noun. A paragraph where nobody speaks introduces nobody."""
        first, last = self.sentence_of(lo), self.sentence_of(max(lo, hi - 1))
        for si in range(last, first - 1, -1):
            slo, shi = self.sentences[si]
            slo, shi = max(slo, lo), min(shi, hi)
            verbs = self.verbs_in(slo, shi)
            if not verbs and not _SPEECH_CUE.search(self.text, slo, shi):
                continue
            if owner := _OWNER_WORDS.match(self.text, slo, shi):  # "Her statement ran to
                # several minutes:": the person the pronoun means
                return self.memory.person_for("she" if owner[1] in ("Her", "her") else "he", slo)
            for v in verbs:
                sp = self.subject_before(v, slo) or self.subject_after(v, shi)
                if sp is not None:
                    return sp
            for m in self.mentions_in(slo, shi):
                if m.kind in ("actor", "role", "anon", "place", "pronoun") and not (
                    is_possessive(self.text, m.end) or after_preposition(self.text, m.start)
                ):
                    if _PASSIVE.match(self.text, m.end):  # "X was criticised in a speech
                        return None  # by Y": who spoke is not the subject
                    return self.memory.resolve(self.text, m)
            return None
        return None

    def paragraph_subject(self, lo: int, hi: int) -> Speaker | None:
        """The person a paragraph where nobody speaks ends on, named as its last sentence's
        subject and its only person ("Dmytro Lubinets, ..., has interviewed hundreds of
        returnees."): whose words stand alone in the paragraph after it. Not one that
        another person acts on ("was criticised ... by a senator") or acts with ("met
        Merz")."""
        slo = max(lo, self.sentences[self.sentence_of(max(lo, hi - 1))][0])
        found = name_after(self.text, slo, hi)
        if found is None or found[1] != slo:
            return None
        end = found[1] + len(found[0])
        if not _SUBJECT_FOLLOWS.match(self.text, end) or _PASSIVE.match(self.text, end) or any(
            m.kind in ("actor", "role", "anon") and m.start >= end
            for m in self.mentions_in(end, hi)
        ):
            return None
        sp = self.memory.named(found[0], "")
        return sp if sp is not None and sp.kind == "person" else None

    def credit_line(self, lo: int, hi: int) -> Speaker | None:
        """The person a credit line names (_CREDIT_STAMP, _CREDIT_REST): whose post or words
        the paragraph after it quotes, with nothing before them."""
        text = self.text
        stamp = _CREDIT_STAMP.match(text, lo, hi)
        found = name_after(text, stamp.end(), hi)
        if found is None or found[1] != stamp.end() or _WORD_STOP.search(found[0]):
            return None  # (not a sentence's words: "The Real Russia. Today.")
        end = found[1] + len(found[0])
        if not _CREDIT_REST.fullmatch(text, end, hi) or self.verbs_in(lo, hi):
            return None
        if " " not in found[0] and norm_key(found[0]) not in self.matcher.name_to_actor:
            return None  # (asked before `named`, which would remember "Quotes:" as a person)
        sp = self.memory.named(found[0], text[end:hi])
        # a person: a codebook actor, or one named in full ("Today" over a headline is not)
        return sp if sp is not None and sp.kind == "person" and (
            sp.actor is not None or " " in found[0]) else None

    def intro_speaker(self, si: int) -> Speaker | None:
        """Who a sentence ending in a colon introduces."""
        lo, hi = self.sentences[si]
        for v in reversed(self.verbs_in(lo, hi)):
            sp = self.subject_before(v, lo) or self.subject_after(v, hi)
            if sp:
                return sp
        for m in self.mentions_in(lo, hi):
            if m.kind in ("actor", "role", "anon", "statement") or (
                m.kind == "pronoun" and m.start == lo
            ):  # "He went on:": whom the pronoun means
                sp = self.memory.resolve(self.text, m)
                if sp:
                    return sp
        for at, words, description in self.subjects:  # "From a woman named Halyna, 74,
            if lo <= at < hi:  # whom I met in a heating point ...:"
                sp = self.memory.named(words, description)
                if sp is not None and sp.kind == "person":
                    return sp
        return None


def _titled_in_run(text: str, run: re.Match) -> tuple[str, int] | None:
    """The two or three words after the last title word of a capitalised run ("Kyiv Mayor
    Vitali Klitschko" → "Vitali Klitschko") and where they start, if there are such."""
    words = list(_WORD_RUN.finditer(run.group()))
    cut = max((i for i, w in enumerate(words)
               if w.group().casefold().rstrip(".") in _TITLE_WORDS), default=-1)
    if cut < 0 or not 2 <= len(words) - cut - 1 <= 3:
        return None
    start = run.start() + words[cut + 1].start()
    return text[start : run.end()], start


def _name_may_count(text: str, lo: int, vs: int, start: int, end: int, anonymous: bool
                    ) -> bool:
    """Whether subject_before can take a name that name_before(text, lo, vs) finds over the
    mention text[start:end] before the verb: only a name after the mention (a capital or a
    particle there), or one followed by a comma before an anonymous one ("Yuri Ushakov,
    Putin's adviser, told"). Tested first: most verbs have their subject mention right
    before them, and the name search is then wasted."""
    return bool(_MAY_START_NAME.search(text, end, vs)) or (
        anonymous and text.find(",", lo, start) != -1
    )


def _word_start(text: str, at: int, lo: int) -> int:
    """`at`, moved back to the start of the word it cuts (not before `lo`): a title read from
    50 characters back keeps its "Ukraine's", not "s Deputy Prime Minister"."""
    while at > lo and not text[at - 1].isspace():
        at -= 1
    return at


def _relative_clause(text: str, lo: int, vs: int) -> tuple[int, str] | None:
    """Where a relative clause that ends right before the verb at `vs` starts, and its words
    (from the comma before "who", "whose" or "which")."""
    if found := _RELATIVE_BEFORE.search(text, lo, vs):
        return found.start(), found[0]
    if found := _OPENING_RELATIVE.match(text, lo, vs):
        return found.start(1), found[1]
    return None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


class _At:
    """A position standing in for a speech verb that ends there ("in the words of|")."""

    def __init__(self, pos: int) -> None:
        self.pos = pos

    def start(self) -> int:
        return self.pos

    def end(self) -> int:
        return self.pos


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _scare_quote(text: str, mark: int) -> bool:
    """A phrase the writer distances himself from ("a so-called 'free zone'") is nobody's quote."""
    before = text[max(0, mark - 24) : mark].casefold()
    return before.rstrip().endswith(_SCARE_ENDS) and bool(_SCARE_WORDS.search(before))


def _title(text: str, span: _Span) -> bool:
    """A programme or publication named in marks (NBC's "Meet the Press."), not a quotation:
    a short title-cased phrase after an outlet's possessive or a word like "on" or "told"."""
    body = text[span.start : span.end].rstrip(".,!?… ")
    words = body.split(None, 6)  # (a seventh word already says no)
    if not 1 < len(words) <= 6 or any(c in body for c in ",;:!?.\n"):
        return False
    caps = 0
    for n, w in enumerate(words):
        if w[:1].isupper() or w[:1].isdigit():
            caps += 1
        elif n == 0 or w not in _TITLE_SMALL_WORDS:
            return False
    if caps < 2:
        return False
    before = text[max(0, span.start - 30) : span.start - 1].rstrip()
    return bool(_TITLE_BEFORE.search(before))


def _term(text: str, span: _Span) -> bool:
    """A quoted name for something inside the writer's own noun phrase, nobody's words: the
    determiner stands outside the marks, which hold a short phrase without a verb, and a noun
    of the writer's follows them: 'the "working level" basis'. 'called the plan "a recipe for
    war"' (determiner inside), 'described as a "friendly and substantive" conversation' (a
    description) and 'proposed a demilitarised "free economic zone"' (a phrase somebody put
    forward, the writer's adjectives before it) stay quotations."""
    body = text[span.start : span.end].rstrip(".,;:!?… ")
    words = body.split(None, 5)  # (a sixth says no)
    if not 1 <= len(words) <= 5:
        return False
    words = [w.casefold().strip(",;") for w in words]
    if any(
        w in _CLAUSE_WORDS and not (i and w in _ARTICLES and words[i - 1] in _OF_WORDS)
        for i, w in enumerate(words)
    ):  # (an article after a preposition is the name's own: "coalition of the willing")
        return False
    m = _WORD_BEFORE.search(text, max(0, span.start - 41), span.start - 1)
    if not m or m.group(1).casefold() not in _TERM_DETERMINERS:
        return False  # (with the writer's adjectives between: 'a demilitarised "free
        # economic zone"' is somebody's phrase)
    if _DESCRIBED.search(text, max(0, m.start() - 60), m.start()):
        return False
    noun = _NOUN_AFTER.match(text, span.end + 1)  # '"working level" basis'
    return bool(
        noun
        and text[span.end - 1].isalnum()
        and noun.group(1) not in _CLAUSE_WORDS
        and not _ADJECTIVE_END.fullmatch(words[-1])
        and not _NOT_A_NOUN.fullmatch(noun.group(1))
    )


def _heading(par: str) -> bool:
    """Whether a paragraph is a headline or subheading: no sentence's end, a few words (a
    headline's quotation and its colon may run longer: "'If we leave, they come': In
    Kramatorsk, soldiers and residents weigh the price of a deal")."""
    par = par.strip()
    words = len(par.split())
    return par.endswith("?") or not _ENDS_SENTENCE.search(par) and (
        words < 15 or words < 30 and ":" in par)


def extract_quotes(text: str, sentences: list[tuple[int, int]], codebook,
                   home: str | None = None, captions: tuple[str, ...] = ()
                   ) -> list[QuoteMention]:
    """Attributed direct quotations of three or more words, in text order (`home`: the
    party the article is about, whose offices its unplaced office holders hold; `captions`:
    the photo captions the cleaner took off, which may describe a person it names)."""
    paragraphs = _paragraphs(text)
    spans = [s for s in _quote_spans(text, paragraphs)
             if not _title(text, s) and not _term(text, s)]
    if "\n—" in text or "\n–" in text or text.startswith(("—", "–")):
        spans = sorted(spans + _dash_spans(text, paragraphs, 1 + max(
            (s.group for s in spans), default=0)), key=lambda s: s.start)
    if not spans:
        return []
    sentences = sentences or [(0, len(text))]
    words_by_group: dict[int, int] = {}
    for s in spans:  # only whether a group has three words matters
        words = _words_up_to(text, s.start, s.end)
        words_by_group[s.group] = words_by_group.get(s.group, 0) + words
    kept = [s for s in spans if words_by_group[s.group] >= 3]
    if not kept:
        return []  # only short phrases in marks: nobody's words to attribute
    art = _Article(text, sentences, spans, codebook, kept, home, "\n".join(captions))
    list_intro: dict[int, int] = {}  # paragraph → sentence introducing its list (a colon)
    intro, list_start = -1, 0
    quote_spans = [(s.start, s.end) for s in spans]
    for pi, (plo, phi) in enumerate(paragraphs):
        body = text[plo:phi]
        if intro >= 0 and (_heading(body) or pi - list_start > 10):
            intro = -1
        if intro >= 0:
            list_intro[pi] = intro
        if body.rstrip().endswith(":") and not _inside(quote_spans, phi - 1):
            intro, list_start = art.sentence_of(phi - 1), pi
    intro_cache: dict[int, Speaker | None] = {}
    group_speaker: dict[int, Speaker | None] = {}
    seen_groups: set[int] = set()
    multi = {s.group for s in spans if s.group in seen_groups or seen_groups.add(s.group)}
    out: list[QuoteMention] = []
    last: tuple[int, int, Speaker] | None = None  # paragraph, sentence, speaker of the last
    spans_pos = [(s.start, s.end) for s in spans]
    quoted_paragraphs = {s.paragraph for s in spans}
    turns: dict[int, Speaker | None] = {}  # paragraph → the speaker its label names
    questions = (text.startswith("Q") or "\nQ" in text) and bool(_QUESTION_TURN.search(text))
    # (a line opening with "Q": what the multiline regex needs first)
    headings: list[_Span] = []  # quotations standing as a headline or subheading
    headlines: list[_Span] = []  # quotations in a headline that says whose they are
    headline: dict[int, bool] = {}  # paragraph → whether it stands as one
    unended_paragraph: dict[int, bool] = {}  # paragraph → whether no sentence's end closes it
    for k, span in enumerate(spans):
        if words_by_group[span.group] < 3:
            continue
        art.advance(span.start)
        art.owner_of_noun = False
        si = art.sentence_of(span.start)
        ei = art.sentence_of(max(span.start, span.end - 1))
        prev_end = spans_pos[k - 1][1] + 1 if k and spans[k - 1].end <= span.start else 0
        lo = max(art.clause_start(si), prev_end)
        hi = sentences[ei][1]
        if k + 1 < len(spans) and spans[k + 1].start - 1 < hi:
            hi = spans[k + 1].start - 1
        if _scare_quote(text, span.start - 1):
            continue
        sp = group_speaker.get(span.group)
        turn = turns.get(span.paragraph, -1)
        if turn == -1:
            turns[span.paragraph] = turn = art.turn_label(*paragraphs[span.paragraph])
        if sp is None and turn is not None:
            handled, sp = art.turn_speaker(lo, span.start - 1, turn, questions)
            if handled and sp is None:
                continue  # "you asked me" with nobody to ask: nobody's words we can name
        if sp is None:
            sp = art.attribute(lo, span.start - 1, span.end + 1, hi)
        if sp is None and (view := _IN_VIEW.match(text, sentences[si][0], span.start)):
            sp = art.view_holder(view)  # "In Brandt's view, the weakest point ... '...'"
        if sp is None and text[lo : span.start - 1].rstrip().endswith(":"):
            # 'A senior diplomat in Brussels was more cautious: "..."': the clause's subject
            sp = art.colon_subject(lo, text.rindex(":", lo, span.start))
        if sp is None and lo > sentences[si][0]:  # ... agreed "in principle" and that the
            # date would be set "in the coming days": the verb stands before the first quote
            sp = art.attribute(sentences[si][0], span.start - 1, span.end + 1, hi)
        labelled = False  # a transcript line: 'Rubio: "We are prepared ..."'
        if sp is None:
            plo = paragraphs[span.paragraph][0]
            label = text.find(":", plo, span.start - 1) != -1 and _LABEL.fullmatch(
                text, plo, span.start - 1
            )
            if label:
                sp = art.memory.known(label.group(1))
                labelled = sp is None  # "Q:": somebody, but not whoever spoke before
        if sp is None and span.paragraph > 0 and not text[
                paragraphs[span.paragraph][0] : span.start - 1].strip():
            sp = art.credit_line(*paragraphs[span.paragraph - 1])
        if sp is None:  # '"We came here to listen," — Rustem Umerov, Ukraine's chief
            # negotiator.', or the credit on the line after the words ("— Umerov on Telegram")
            sp = _credited(art, span.end + 1, hi)
            plo, phi = paragraphs[span.paragraph]
            if sp is None and span.paragraph + 1 < len(paragraphs) and _ONLY_PUNCTUATION.fullmatch(
                    text, span.end + 1, phi):
                sp = _credited(art, *paragraphs[span.paragraph + 1])
        if sp is None and span.group in multi:  # a quotation over paragraphs: any piece's speaker
            for other in spans[k + 1 :]:
                if other.group != span.group:
                    break
                osi, oei = art.sentence_of(other.start), art.sentence_of(other.end - 1)
                ohi = sentences[oei][1]
                sp = art.attribute(max(sentences[osi][0], other.start - 1), other.start - 1,
                                   other.end + 1, ohi)
                if sp is not None:
                    break
        if sp is None and si > 0 and text[: sentences[si][0]].rstrip().endswith(":"):
            sp = art.intro_speaker(si - 1)
        if sp is None and last is not None and last[0] == span.paragraph and not labelled:
            sp = last[2]  # the paragraph's own speaker goes on, whatever introduced the list
        if sp is None and span.paragraph in list_intro:
            isi = list_intro[span.paragraph]
            if isi not in intro_cache:
                intro_cache[isi] = art.intro_speaker(isi)
            sp = intro_cache[isi]
        if sp is None and last is not None and span.paragraph - last[0] <= 1 and not labelled:
            lead = text[sentences[si][0] : span.start - 1].strip()
            if not lead or last[1] == si or quote_kind(text[span.start : span.end]) == "full":
                sp = last[2]
        if (
            sp is None
            and span.paragraph > 0
            and span.paragraph - 1 not in quoted_paragraphs
            and not text[paragraphs[span.paragraph][0] : span.start - 1].strip()
            and not any(
                art.verbs_in(*paragraphs[other.paragraph])
                for other in spans[k:]
                if other.group == span.group
            )
        ):  # a paragraph that introduces somebody speaking, then the words alone (an
            # attribution of their own that names nobody known does not fall back on it)
            sp = art.paragraph_speaker(*paragraphs[span.paragraph - 1]) or (
                art.paragraph_subject(*paragraphs[span.paragraph - 1]))
        heading = headline.get(span.paragraph)
        if heading is None:  # (asked once per paragraph, however many quotations it holds)
            heading = headline[span.paragraph] = _heading(
                text[slice(*paragraphs[span.paragraph])]
            ) and not art.verbs_in(*paragraphs[span.paragraph])
        if heading:
            headings.append(span)
        unended = unended_paragraph.get(span.paragraph)
        if unended is None:  # (as `headline`: once per paragraph)
            unended = unended_paragraph[span.paragraph] = not _ENDS_SENTENCE.search(
                text, *paragraphs[span.paragraph])
        if sp is None and unended:
            # "Stubb after Berlin talks: Ukraine offered 'most concrete guarantees so far'",
            # "Trump hosts Zelensky at Mar-a-Lago, says deal 'closer than ever'"
            sp = _headline_speaker(text, paragraphs[span.paragraph][0], span.start - 1, art)
        if unended and not heading and (sp is None or not art.says_right_before(
                paragraphs[span.paragraph][0], span.start - 1, sp)):
            headlines.append(span)  # a headline's "Zelensky says ... as Taoiseach warns
            # Russia 'has to show it wants peace'": Mr Martin's, said below
        if sp is None:
            if not (heading or labelled) and _said_by_somebody(text, span, sentences[si], art):
                out.append(_unattributed(text, span, si))  # shown, as nobody's words
            continue
        if "statement" in (said_in := text[sentences[si][0] : sentences[si][1]].casefold()):
            if "joint statement" in said_in:
                art.memory.joint_statement = sp
            if _SAID_IN_A_STATEMENT.search(text, sentences[si][0], span.start):
                art.memory.last_statement = sp  # "X said in a statement that ... '...'": X's,
                # whatever statement came before
            else:
                art.memory.last_statement = art.memory.last_statement or sp
        group_speaker[span.group] = sp
        art.memory.heard(sp)
        if _one_person(sp):
            art.memory.last_person = sp  # "a soldier said ... he told AFP": the soldier
        if art.owner_of_noun:  # "Zelensky was asked about Trump's remark": "he" is Zelensky
            art.memory.heard(art.main_subject(span.start))
        last = (span.paragraph, ei, sp)
        out.append(
            QuoteMention(
                start=span.start,
                end=span.end,
                text=text[span.start : span.end],
                kind=quote_kind(text[span.start : span.end]),
                speaker=sp.name,
                actor=sp.actor,
                actor_kind=sp.kind,
                party=sp.party,
                sentence=si,
            )
        )
    if headings or headlines:
        out = _headings_said_below(text, headings, headlines, out, art)
    return _one_party_each(out)


def _one_party_each(quotes: list[QuoteMention]) -> list[QuoteMention]:
    """A person the codebook does not know speaks for one party all through the article:
    the party a later mention gives them ("In Tallinn, Margus Tsahkna said ... Tsahkna,
    Estonia's foreign minister since 2023, said") is theirs in the quotations before it."""
    parties: dict[str, set[str]] = {}
    for q in quotes:
        if q.actor_kind == "person" and q.party:
            parties.setdefault(q.actor or q.speaker, set()).add(q.party)
    return [replace(q, party=next(iter(found))) if q.actor_kind == "person" and not q.party
            and len(found := parties.get(q.actor or q.speaker, ())) == 1 else q
            for q in quotes]


def _said_by_somebody(text: str, span: _Span, sentence: tuple[int, int], art) -> bool:
    """Whether a quotation whose speaker no rule finds is somebody's words all the same: a
    whole sentence in its marks ('Families were told in writing: "No decisions have been
    taken."'), or words in a sentence that reports speech ("the declaration said the force
    would be 'European-led'"). Not a name or a title in marks ("the 'coalition of the
    willing'")."""
    body = text[span.start : span.end].rstrip()
    return bool(quote_kind(body) == "full" and body[-1:] in ".?!,…" or art.verbs_in(*sentence))


def _unattributed(text: str, span: _Span, sentence: int) -> QuoteMention:
    """A quotation reported with no speaker: better shown unattributed than lost, or than
    credited to a guess."""
    body = text[span.start : span.end]
    return QuoteMention(start=span.start, end=span.end, text=body, kind=quote_kind(body),
                        speaker=None, actor=None, actor_kind=None, party=None,
                        sentence=sentence)


def _headings_said_below(text: str, headings: list[_Span], headlines: list[_Span],
                         out: list[QuoteMention], art: _Article) -> list[QuoteMention]:
    """A quotation standing as a headline or subheading ("- 'Very serious objections' -")
    is the words of whoever says them in the text ("... we will have very serious
    objections," Ushakov said), whatever the paragraph before it was; one said nowhere
    else keeps what the paragraphs gave it, if anything (_headline_speaker). So is one in a
    headline that names its speaker, when the text has them say nearly the same words ("has
    to show it wants peace" for "Russia has to show that it wants peace"): the headline's
    own words may name the speaker in a way not read ("Taoiseach warns")."""
    by_start = {q.start: n for n, q in enumerate(out)}
    headline_starts = {span.start for span in headlines}
    added = []
    for span in sorted(headings + headlines, key=lambda s: s.start):
        words = _folded(text[span.start : span.end]).split()
        near = span.start in headline_starts
        said = next((q for q in out if q.start > span.end
                     and _in_order(words, _folded(q.text), 1 if near else None)
                     and not _quoted_inside(q.text, words[0])), None)
        if said is None:
            continue
        n = by_start.get(span.start)
        own = QuoteMention(
            start=span.start, end=span.end, text=text[span.start : span.end],
            kind=quote_kind(text[span.start : span.end]), speaker=said.speaker,
            actor=said.actor, actor_kind=said.actor_kind, party=said.party,
            sentence=art.sentence_of(span.start),
        )
        if n is None:
            added.append(own)
        else:
            out[n] = own
    return sorted(out + added, key=lambda q: q.start) if added else out


def _introductions(text: str, last: int) -> list[re.Pattern[str]]:
    """Those of _GIVEN_NAME_INTRODUCED, _FULL_NAME_INTRODUCED and _NAMED_GIVEN that may match
    text[:last], in that order: each is left out when the text lacks what its matches hold."""
    out = []
    if _GIVEN_NAME_CUE.search(text, 0, last) or any(
            _KIN_BEFORE.search(text, max(0, c.start() - 12), c.start())
            for c in _NAME_IN_COMMAS.finditer(text, 0, last)):
        out.append(_GIVEN_NAME_INTRODUCED)
    named = "named" in text
    if named or _FULL_NAME_IN_COMMAS.search(text, 0, last):
        out.append(_FULL_NAME_INTRODUCED)
    if named:
        out.append(_NAMED_GIVEN)
    return out


def _quoted_inside(said: str, first: str) -> bool:
    """Whether a quotation's words from `first` on stand in marks of their own inside it:
    "I've been hearing 'closer than ever' since the spring", "The president likes to say
    that ‘we’re closer than ever’" quote somebody else. (A mark between letters is an
    apostrophe.)"""
    at, _ = next(after_name(said.casefold(), first, _WORD_ENDS), (0, None))
    inside = False
    for i in range(at):
        before = said[i - 1] if i else " "
        after = said[i + 1]
        if said[i] in _QUOTE_OPENERS and not before.isalnum() and after.isalnum():
            inside = True
        elif said[i] in _QUOTE_CLOSERS and not after.isalnum() and not before.isspace():
            inside = False
    return inside


def _headline_speaker(text: str, lo: int, start: int, art: _Article) -> Speaker | None:
    """The person a headline from `lo` opens with, when a colon or "says" stands between
    the name and the quotation mark at `start`: whose words a headline quotes."""
    lead = _HEADLINE_LEAD.match(text, lo, start)
    if lead is None or text[lead.end(1) : start].split(None, 1)[0].casefold() in _TITLE_WORDS:
        return None  # "IAEA chief says", "Turkish president ... says": whose title, not who
    sp = art.memory.named(lead[1], "")
    if sp is None or sp.kind != "person":
        return None
    # a codebook actor, or a person the story names in full with those words last
    return sp if sp.actor is not None or sp.name.endswith(" " + lead[1]) else None


def _credited(art: _Article, lo: int, hi: int) -> Speaker | None:
    """The person a dash credit from `lo` names, when the credit ends the span there (", their
    title", "(...)", "on Telegram" may follow the name)."""
    text = art.text
    credit = _DASH_CREDIT.match(text, lo, hi + 1)
    named = credit and name_after(text, credit.end(), hi + 1)
    if not named:
        return None
    rest = text[credit.end() + len(named[0]) : hi].strip()
    if rest and rest[0] not in ",(." and not _ON_PLATFORM.fullmatch(rest):
        return None
    return art.memory.named(named[0], text[credit.end() : hi])


_ON_PLATFORM = re.compile(r"on\s+[A-Z][\w.]*\.?")  # "— Umerov on Telegram"


def _in_order(words: list[str], said: str, gap: int | None = None) -> bool:
    """Whether the words stand in `said` in their order, others between them allowed (at
    most `gap` between two of them, if given): a subheading's "Closer than at any point" for
    "... closer to an end than at any point"."""
    if gap is None:
        rest = iter(said.split())
        return all(w in rest for w in words)
    said_words = said.split()
    for start, word in enumerate(said_words):
        if word != words[0]:
            continue
        at = start
        for w in words[1:]:
            window = said_words[at + 1 : at + 2 + gap]
            if w not in window:
                break
            at += 1 + window.index(w)
        else:
            return True
    return False


def _folded(words: str) -> str:
    """Words for comparing two quotations: case, punctuation and spacing folded."""
    return " ".join(_NON_WORDS.sub(" ", words.casefold()).split())
