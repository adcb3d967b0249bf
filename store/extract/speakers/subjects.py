"""Who a sentence opens with (`subject_words`): its first capitalised words, after a scene
setter ("In Kyiv, ") or a title in apposition if any.
"""

from __future__ import annotations

import functools
import re

from store.extract.speakers.full_names import _full_name_up_to
from store.extract.speakers.names import name_after
from store.extract.speakers.vocabulary import (
    _ANON_HEADS,
    _DET_WORDS,
    _PREPOSITIONS,
    _TITLE_WORDS,
    only_titles,
)

# A short phrase that sets the scene before a sentence's subject: "On a grey afternoon last
# Thursday, ", "Back in Warren, ", "In Kyiv, ".
_SCENE_SETTER = re.compile(
    r"(?:(?:back|later|earlier|meanwhile|elsewhere|there|here)\s+)?"
    r"(?:on|in|at|by|after|before|during|over|across|inside|outside|near|from|until|within"
    r"|when|as|while|once|asked)\b"  # ("Asked whether he had set a deadline, Trump ...")
    r"(?:[^,;:.!?\"“”‘’]|’(?=s\b)){0,60},\s+"  # ("In Kyiv’s Obolon district, ")
    r"|(?:back|later|earlier|meanwhile|elsewhere)\s*,\s+",
    re.IGNORECASE,
)


# A title the sentence opens with, then the person's name as an apposition: "The Dutch
# foreign minister, ...", "Estonia's defence minister, ...".
_TITLE_APPOSED = re.compile(  # (or a relation: "Her neighbor, Serhii Bondar, 44, ...")
    r"(?:(?:[Tt]he|[Hh]er|[Hh]is|[Tt]heir|[Oo]ur|[Mm]y)\s+|[A-ZÀ-ÞĀ-ɏ][\w-]*['’]s\s+)"
    r"(?:[A-Z][\w-]*\s+)?[a-z][^,;:.!?\"“”]{0,80},\s+"
)
# The writer's colleague with a title before the name: "Our Moscow correspondent Katie Morrow".
_OUR_TITLED = re.compile(
    r"\s*(?:Our|My)\s+(?:[A-Z][\w.-]*\s+){0,2}(?:[a-z][\w-]*\s+){1,3}"
    r"([A-ZÀ-ÞĀ-ɏ][\w’'-]+\s+[A-ZÀ-ÞĀ-ɏ][\w’'-]+)(?=\s+[a-z])")
# words that open a scene, not a subject ("Earlier in the day, Foreign Minister X had ...")
_SCENE_OPENERS = _PREPOSITIONS | {"back", "earlier", "later", "meanwhile", "elsewhere"}
_OF_TITLED = re.compile(
    r"\s*(?:[A-Z][\w-]*\s+){0,3}(?:Minister|Spokesperson|Spokesman|Spokeswoman|Head|Chairman"
    r"|Chairwoman|Chair|Director|Secretary|Ambassador|Commissioner|Governor|Mayor|Speaker"
    r"|Representative|Adviser|Advisor|Envoy|Member)\s+(?:of|for)\s+"
    r"(?:(?:[A-Z][\w'’.-]*|of|for|the|and|on)\s+)*?"
    r"(?:([A-ZÀ-ÞĀ-ɏ][\w'’-]+\s+[A-ZÀ-ÞĀ-ɏ][\w'’-]+)"
    r"(?:,\s+(?=[a-z])|\s+(?=(?!(?:of|for|the|and|on)\b)[a-z]))"
    # (or a second title after a comma, then the name and its comma: "... on International
    # Affairs, LDPR leader Leonid Slutsky, wrote")
    r"|[A-Z][\w'’.-]*,\s+(?:[A-Z][\w'’.-]*\s+){0,2}[a-z]+\s+"
    r"([A-ZÀ-ÞĀ-ɏ][\w'’-]+\s+[A-ZÀ-ÞĀ-ɏ][\w'’-]+),)"
)
_VIEW_OF = re.compile(r"(?:For|According to)\s+([A-ZÀ-ÞĀ-ɏ][\w’'-]+(?:\s+[A-ZÀ-ÞĀ-ɏ][\w’'-]+)*)$")
# A soldier's call sign, the name the article gives them: 'with the call sign "Hrim"', 'his
# call sign, Grek,'. (Opening with the word itself, its word break looked at after it, `re`
# skips to each "call" at once instead of trying every word break: twenty times quicker.)
CALL_SIGN = re.compile(r"call(?<!\wcall)[- ]?sign\s*,?\s*[\"“'‘]?([A-ZÀ-ÞĀ-ɏ][\w’'-]+)")


@functools.lru_cache(maxsize=4)
def call_signs(text: str) -> dict[str, int]:
    """Each call sign the text gives and where it first does (read once per article)."""
    found: dict[str, int] = {}
    if "call" in text:
        for c in CALL_SIGN.finditer(text):
            found.setdefault(c[1], c.start())
    return found


def _titled_name(titled: re.Match) -> tuple[str, int]:
    """The name an _OF_TITLED match holds (after one title, or after a second one) and where
    it starts."""
    n = 1 if titled.group(1) else 2
    return titled.group(n), titled.start(n)


def titled_name_at(text: str, lo: int, at: int) -> bool:
    """Whether the sentence from `lo` opens with a title and its complements and the name at
    `at` ("Minister of Foreign Affairs of Ukraine | Andrii Sybiha held ...")."""
    if text.find("of", lo, at) == -1 and text.find("for", lo, at) == -1:
        return False  # (the title's complement, "of" or "for", stands before the name)
    titled = _OF_TITLED.match(text, lo, at + 80)
    return titled is not None and _titled_name(titled)[1] == at


def after_scene(text: str, lo: int, at: int) -> bool:
    """Whether text[lo:at] is a scene-setting phrase and nothing else ("On a snowy road
    outside the city, "): what stands at `at` is the sentence's subject."""
    if not (at > lo and text[at - 1].isspace() and text[lo:at].rstrip().endswith(",")):
        return False  # (each way of the regex ends in a comma and spaces)
    scene = _SCENE_SETTER.match(text, lo, at)
    if scene is not None and scene.end() < at and (which := _SCENE_WHICH.match(text, scene.end(),
                                                                                 at)):
        return which.end() == at  # "On the plant, which Washington has proposed to run, "
    return scene is not None and scene.end() == at


# A relative clause about the scene's place or thing, closing with its comma.
_SCENE_WHICH = re.compile(r"(?<=,\s)which\s[^,;:.!?\"“”‘’]{1,80},\s+")


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
            return _titled_name(titled)
    if found is not None and found[0].startswith(("For", "According")) and (
        view := _VIEW_OF.match(found[0])
    ) and (
        text[found[1] + len(found[0]) : found[1] + len(found[0]) + 1] == ","
    ):  # "For Pierre Haroche, a researcher ..., the meeting marks ...": whose view it is
        return view[1], found[1] + view.start(1)
    head = found[0].split(None, 1)[0] if found is not None else ""  # (asked three times)
    if found is not None and head.casefold() in _SCENE_OPENERS:
        found = None
    if found is not None and head in ("Our", "My") and (
        ours := _OUR_TITLED.match(text, lo, hi)
    ):  # "Our Moscow correspondent Katie Morrow has been reading": the writer's colleague
        return ours[1], ours.start(1)
    if found is not None and head in ("The", "Her", "His", "Their"):
        found = None  # "The head of ...", "The Dutch foreign minister, ...", "Her neighbor,
        # Serhii Bondar, ...": no name yet
    if found is not None and (found[0].endswith(("'s", "’s")) or "'s " in found[0]
                              or "’s " in found[0]):
        found = _after_owner(found)  # "Estonia's defence minister, ...", "Ukraine's
        # Ambassador to Australia, Vasyl Myroshnychenko, ...": whose title, not who; but
        # "Hungary's Foreign Minister Péter Szijjártó used ...": the title holder named
    if found is None:
        if text.find(",", lo, hi) == -1:
            return None  # both ways on below end with a comma (a scene, an apposition)
        scene = _SCENE_SETTER.match(text, lo, hi)
        start = scene.end() if scene else lo
        found = name_after(text, start, hi) if scene else None
        if found is None and scene and (lower := _LOWER_TITLE.match(text, start - 1, hi)):
            # "At a deli in West Hollywood, owner Andriy Hrytsak, 61, was selling": a title
            # in lower case before the name, its apposition after it
            found = name_after(text, lower.end() - 1, hi)
            if found is not None and text[found[1] + len(found[0]) : hi][:1] != ",":
                found = None
        if found is None:  # "(In Moscow,) the head of the committee, Leonid Slutsky, was"
            titled = _TITLE_APPOSED.match(text, start, hi)
            found = name_after(text, titled.end(), hi) if titled else None
            if found is None or text[found[1] + len(found[0]) : hi][:1] != ",":
                return None
    return found


def _after_owner(found: tuple[str, int]) -> tuple[str, int] | None:
    """The titled name after the owner of the title ("Hungary's Foreign Minister Péter
    Szijjártó" → "Foreign Minister Péter Szijjártó"), or None when no name follows it."""
    words, at = found
    cut = max(words.rfind("'s "), words.rfind("’s ")) + 3
    rest = words[cut:].split() if cut > 2 else []
    if len(rest) < 2 or only_titles(rest) or rest[-1].casefold() in _TITLE_WORDS:
        return None
    return words[cut:], at + cut


_AGE_APPOSED = re.compile(r",\s+(?:an?\s+)?\d{1,3}(?:-year-old\b|,)")


def named_enough(text: str, found: tuple[str, int], full_names: dict | None = None) -> bool:
    """Whether subject words name somebody: several words do; a single one followed by an
    age, or as the surname of a person the article named in full before it (`full_names`:
    the memo of _full_name_up_to, which answers the same whichever sentences asked before)."""
    words, at = found
    if len(words.split()) == 1:
        if not words[:1].isupper():
            return False
        if _AGE_APPOSED.match(text, at + len(words)):
            return True  # "Serhii, a 34-year-old machine gunner, said": a person's first name
        before = text.find(words + ",", 0, at)
        if before != -1 and _AGE_APPOSED.match(text, before + len(words)):
            return True  # "Back at the position, Serhii packed away the drone" after "said
            # Serhii, a 34-year-old drone operator"
        if call_signs(text).get(words, at) < at:
            return True  # "For Hrim, the talks are ..." after 'the call sign "Hrim"'
        # a naming through `at` can only pass a word that stands after a space
        limit = at if text[at - 1 : at].isspace() else len(text)
        full = _full_name_up_to(text, words, limit, {} if full_names is None else full_names)
        if full is None or full.start() >= at:
            return False
    return True


_LOWER_TITLE = re.compile(r"\s+((?:[a-z][\w-]*\s+){1,3})(?=[A-ZÀ-ÞĀ-ɏ])")
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
