"""What the article says of a person the codebook does not know, and the party it gives them:
the words around the first full naming, an office and the scene it is held in, "its foreign
minister", an observer or a reporter (who speaks for no party).
"""

from __future__ import annotations

import re

_JOURNALIST = re.compile(
    r"\b(?:reporting\s+(?:from|in)|correspondent|reporter|journalist|columnist|anchor"
    r"|presenter)\b",
    re.IGNORECASE,
)

# Where a sentence may end inside a short stretch of text: a stop, then a capital.
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')]*\s+(?=[A-Z\"“‘']|$)|\n")
# A word whose dot is not a sentence's end: "Sen.", "Gen.", "D-Mich.", "U.S.".
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|[\w.]*[-.][\w]*|\b[A-Z]{1,3})\.$")


def _sentence_breaks(text: str) -> list[int]:
    return [
        m.start() for m in _SENTENCE_BREAK.finditer(text)
        if not _ABBREVIATION.search(text, max(0, m.start() - 12), m.start() + 1)
    ]


# A public office: its holder speaks for the country the article places them in.
_OFFICE = re.compile(
    r"\b(?:minister|ministry|spokes\w*|ambassador|governor|mayor|envoy|official|diplomat"
    r"|premier|president|chancellor|secretary|adviser|aide|negotiator)\b",
    re.IGNORECASE,
)
_REGION = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:region|oblast|Oblast|province)\b"
                     r"|\bregion\s+of\s+([A-Z][\w'’-]+)")
_PLACE_SCENE = re.compile(r"(?:In|From|Back in)\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)\s*,")

# The words right before a name that can be its title: back to a mark or a comma.
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
# ", who travelled to Kyiv ...," / ", whose son serves ...": about what the person does.
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
