"""Who is speaking: codebook names and titles, anonymous sources, pronouns and unknown names.

The patterns are built once per codebook (`matcher_for`) and a whole article is scanned once
(`scan_mentions`); `SpeakerMemory` then follows the article in order so "he", "the official"
or "the statement" mean whoever the article last named that way. Lowest first: `words`,
`vocabulary`, `matcher`, then `verbs`, `anonymous`, `mentions`, `names`, `full_names`,
`subjects`, `descriptions`, and `memory` on top. Here: what the quotation finder uses.
"""

from store.extract.speakers.matcher import Speaker, matcher_for, norm_key
from store.extract.speakers.memory import SpeakerMemory, names_an_office
from store.extract.speakers.mentions import Mention, scan_mentions
from store.extract.speakers.names import (
    after_preposition,
    apposition_between,
    apposition_ends_at,
    institution_before,
    institution_named_before,
    is_possessive,
    member_after,
    name_after,
    name_after_title,
    name_before,
    possessive_description,
    short_gap,
)
from store.extract.speakers.subjects import (
    CALL_SIGN,
    after_scene,
    named_enough,
    subject_words,
    titled_name_at,
)
from store.extract.speakers.verbs import Verb, scan_verbs
from store.extract.speakers.vocabulary import DOCUMENT_WORDS, is_single_source, only_titles
from store.extract.speakers.words import words_outside

__all__ = [
    "CALL_SIGN",
    "DOCUMENT_WORDS",
    "names_an_office",
    "Mention",
    "Speaker",
    "SpeakerMemory",
    "Verb",
    "after_preposition",
    "after_scene",
    "apposition_between",
    "apposition_ends_at",
    "institution_before",
    "institution_named_before",
    "is_possessive",
    "is_single_source",
    "matcher_for",
    "member_after",
    "name_after",
    "name_after_title",
    "name_before",
    "named_enough",
    "norm_key",
    "only_titles",
    "possessive_description",
    "scan_mentions",
    "scan_verbs",
    "short_gap",
    "subject_words",
    "titled_name_at",
    "words_outside",
]
