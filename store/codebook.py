"""The codebook: parties, issues and actors of one negotiation, loaded from TOML data.

A user who follows another negotiation writes another codebook; no code changes.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from store.model import Actor


class CodebookError(ValueError):
    """The codebook file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class IssueDef:
    id: str
    title: str
    terms: tuple[str, ...]
    # Words that name the issue only in an article about it ("troops" in a story on the
    # reassurance force, "the money" in one on the frozen assets).
    context_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class PartyDef:
    id: str
    name: str
    adjectives: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


def term_pattern(terms: tuple[str, ...] | list[str]) -> re.Pattern[str] | None:
    """One case-insensitive regex for a list of terms; a trailing `*` matches any word ending."""
    parts = []
    for term in sorted(set(terms), key=len, reverse=True):
        star = term.endswith("*")
        body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
        parts.append(body + (r"[\w-]*" if star else ""))
    if not parts:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


@dataclass
class Codebook:
    name: str
    parties: list[PartyDef]
    issues: list[IssueDef]
    actors: list[Actor]
    path: str | None = None
    _derived: dict = field(default_factory=dict, repr=False, compare=False)

    def derived(self, key: str, build):
        """What extraction builds from this codebook (matchers, lexicons), built once and kept
        with it: a codebook is read once per build and used for every article."""
        found = self._derived.get(key)
        if found is None:
            found = self._derived[key] = build(self)
        return found

    @cached_property
    def party_by_id(self) -> dict[str, PartyDef]:
        return {p.id: p for p in self.parties}

    @cached_property
    def issue_by_id(self) -> dict[str, IssueDef]:
        return {i.id: i for i in self.issues}

    @cached_property
    def issue_patterns(self) -> dict[str, re.Pattern[str]]:
        """Issue id → compiled regex of its terms, built once per codebook."""
        return {i.id: p for i in self.issues if (p := term_pattern(i.terms)) is not None}

    def party_named(self, name: str | None) -> str | None:
        """The party id for a party's name or id (case-insensitive), else None."""
        if not name:
            return None
        key = name.casefold()
        for p in self.parties:
            if key in (p.id.casefold(), p.name.casefold()):
                return p.id
        return None


def _strings(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CodebookError(f"{where}: expected a list of strings")
    return tuple(value)


def _require(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CodebookError(f"{where}: missing '{key}'")
    return value


def parse_codebook(data: dict, path: str | None = None) -> Codebook:
    """Validate a parsed TOML document and build the codebook from it."""
    where = path or "codebook"
    parties = []
    for n, p in enumerate(data.get("parties", []), 1):
        w = f"{where}: parties #{n}"
        parties.append(
            PartyDef(
                id=_require(p, "id", w),
                name=_require(p, "name", w),
                adjectives=_strings(p.get("adjectives"), w + " adjectives"),
                places=_strings(p.get("places"), w + " places"),
            )
        )
    if not parties:
        raise CodebookError(f"{where}: no [[parties]]")
    party_ids = {p.id for p in parties}
    issues = []
    for n, i in enumerate(data.get("issues", []), 1):
        w = f"{where}: issues #{n}"
        issues.append(
            IssueDef(
                id=_require(i, "id", w),
                title=_require(i, "title", w),
                terms=_strings(i.get("terms"), w + " terms"),
                context_terms=_strings(i.get("context_terms"), w + " context_terms"),
            )
        )
    if not issues:
        raise CodebookError(f"{where}: no [[issues]]")
    actors = []
    for n, a in enumerate(data.get("actors", []), 1):
        w = f"{where}: actors #{n}"
        party = a.get("party")
        if party is not None and party not in party_ids:
            raise CodebookError(f"{w}: unknown party '{party}'")
        actors.append(
            Actor(
                id=_require(a, "id", w),
                name=_require(a, "name", w),
                party=party,
                kind=a.get("kind", "person"),
                aliases=_strings(a.get("aliases"), w + " aliases"),
                roles=_strings(a.get("roles"), w + " roles"),
            )
        )
    for kind, items in (("parties", parties), ("issues", issues), ("actors", actors)):
        ids = [x.id for x in items]
        if len(ids) != len(set(ids)):
            raise CodebookError(f"{where}: duplicate ids in [[{kind}]]")
    negotiation = data.get("negotiation", {})
    return Codebook(
        name=negotiation.get("name", "Negotiation"),
        parties=parties,
        issues=issues,
        actors=actors,
        path=path,
    )


def load_codebook(path: str | Path) -> Codebook:
    """Read a codebook TOML file; a clear one-line CodebookError on any problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
    except OSError as e:
        raise CodebookError(f"{path}: cannot read codebook ({e.strerror or e})") from e
    except UnicodeDecodeError as e:
        raise CodebookError(f"{path}: not valid TOML (not UTF-8: {e.reason})") from e
    except tomllib.TOMLDecodeError as e:
        raise CodebookError(f"{path}: not valid TOML ({e})") from e
    codebook = parse_codebook(data, str(path))
    codebook._derived = _derived_for(hashlib.sha256(raw).digest())
    return codebook


_DERIVED_KEPT = 4
_derived_by_content: dict[bytes, dict] = {}


def _derived_for(digest: bytes) -> dict:
    """The derived tables of an earlier load of the same codebook text, else a new table.

    Each `parley add` of a running dashboard loads the codebook again; its matchers depend
    on the text alone, so they are built once (about 50 ms of regexes) instead of per add.
    A few texts are kept, so a user switching codebooks does not grow the process."""
    found = _derived_by_content.get(digest)
    if found is None:
        if len(_derived_by_content) >= _DERIVED_KEPT:
            del _derived_by_content[next(iter(_derived_by_content))]
        found = _derived_by_content[digest] = {}
    return found


def bundled_seeds_dir() -> Path:
    """The folder of bundled seed articles and codebook (installed or in the source tree)."""
    from importlib.resources import files

    return Path(str(files("seeds")))


def default_codebook_path(articles_dir: str | Path | None = None) -> Path:
    """A codebook beside the articles wins; otherwise the bundled one."""
    if articles_dir is not None:
        local = Path(articles_dir) / "codebook.toml"
        if local.is_file():
            return local
    return bundled_seeds_dir() / "codebook.toml"
