"""The plain objects the store API returns: what the dashboard and the exports work with.

They are frozen dataclasses of plain values (str, int, tuples), so a consumer can neither
mutate the store through them nor needs TinyDB to read them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

STATUSES = ("agreed", "narrowing", "disputed", "open")
STANCES = ("demands", "offers", "accepts", "rejects", "conditional", "supports", "unclear")
DATE_BASES = ("stated", "relative", "inferred")


@dataclass(frozen=True)
class Party:
    id: str
    name: str


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    party: str | None
    kind: str = "person"  # person | institution | group | anonymous | unknown
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """One article: its metadata and where its cleaned text lives."""

    id: str
    path: str
    title: str
    outlet: str | None
    published: str | None  # YYYY-MM-DD
    published_basis: str | None  # stated | inferred | None
    url: str | None = None
    content_hash: str = ""
    words: int = 0


@dataclass(frozen=True)
class Sentence:
    """A sentence of a cleaned article: the provenance of every fact."""

    id: str
    source: str
    start: int
    end: int
    text: str
    issues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    """One outlet's report of a quotation (merged quotes keep every report)."""

    id: str
    source: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    speaker: str | None
    actor: str | None
    party: str | None
    source: str
    also_in: tuple[str, ...] = ()
    issues: tuple[str, ...] = ()
    kind: str = "full"  # full | fragment
    sentence: str | None = None
    date: str | None = None  # the publication date of the earliest report
    reports: tuple[Report, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """A quote or sentence backing a position or a status, with its source and date."""

    kind: str  # quote | sentence
    id: str
    source: str
    text: str
    date: str | None
    stance: str | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Position:
    id: str
    issue: str
    party: str
    stance: str
    summary: str
    evidence: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    contested: bool = False  # reports that contradict each other
    updated: str | None = None  # date of the latest evidence


@dataclass(frozen=True)
class Issue:
    id: str
    title: str
    status: str
    status_basis: tuple[str, ...] = ()  # sentence ids
    sources: int = 0
    quotes: int = 0
    last_reported: str | None = None


@dataclass(frozen=True)
class Event:
    id: str
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY
    date_basis: str  # stated | relative | inferred
    precision: str  # day | month | year | unknown
    title: str
    issues: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()
    scheduled: bool = False  # in the future at the time of reporting


@dataclass(frozen=True)
class Note:
    id: str
    target_kind: str
    target_id: str
    text: str
    author: str
    created: str
    updated: str | None = None
    call: str | None = None
    deleted: bool = False
    context: str = ""  # the text of the entry when the note was written

    @property
    def target(self) -> dict[str, str]:
        return {"kind": self.target_kind, "id": self.target_id}


def to_dict(obj) -> dict:
    """A JSON-ready dict of a model object."""
    return asdict(obj)


__all__ = [
    "Actor",
    "DATE_BASES",
    "Event",
    "Evidence",
    "Issue",
    "Note",
    "Party",
    "Position",
    "Quote",
    "Report",
    "STANCES",
    "STATUSES",
    "Sentence",
    "Source",
    "to_dict",
]
