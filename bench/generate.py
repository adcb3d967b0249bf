"""Synthetic news articles about the negotiation, at any scale, for the benchmarks.

The articles look like the ones parley reads in real use, so the benchmarks exercise every
extraction path: many outlets, codebook speakers under name, alias or role, made-up officials
and anonymous sources, curly and straight quotation marks, the speaker before, after or in the
middle of a quotation, fragments, stated dates, datelines and relative weekdays, issue terms
from the codebook, boilerplate lines. Some statements are quoted by several outlets with
cosmetic differences, as in real coverage, so the cross-outlet merge has work to do.

Everything is drawn from `random.Random` seeded per article, so a seed gives the same folder,
and from a frozen vocabulary (`vocabulary.toml`, not the bundled codebook), so a codebook edit
does not change the corpus the figures are measured on.

    python -m bench.generate --count 1000 --seed 7 --out /tmp/articles
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from store.codebook import Codebook, load_codebook

START = date(2025, 11, 20)
VOCABULARY = Path(__file__).with_name("vocabulary.toml")
DAYS_PER_1000 = 120  # a thousand articles span about four months of coverage

OUTLETS = (
    ("Reuters", "reuters"),
    ("Associated Press", "ap"),
    ("The Northern Ledger", "ledger"),
    ("Baltic Courier", "courier"),
    ("Kyiv Morning Post", "kmp"),
    ("Continental Review", "review"),
    ("The Atlantic Wire", "wire"),
    ("Danube Daily", "danube"),
    ("Harbour Times", "harbour"),
    ("Evening Meridian", "meridian"),
    ("Global Dispatch", "dispatch"),
    ("The Capital Star", "star"),
)
CITIES = ("KYIV", "BERLIN", "MOSCOW", "WASHINGTON", "BRUSSELS", "PARIS", "LONDON", "WARSAW")
FIRST = (
    "Anna",
    "Oleh",
    "Marta",
    "Pavel",
    "Ingrid",
    "Tomas",
    "Elena",
    "Jakub",
    "Sofia",
    "Henrik",
    "Iryna",
    "Lukas",
    "Nadia",
    "Piotr",
    "Claire",
    "Dmytro",
    "Katrin",
    "Viktor",
    "Laura",
    "Mikko",
)
LAST = (
    "Kovalenko",
    "Brandt",
    "Lindqvist",
    "Novak",
    "Moreau",
    "Petrenko",
    "Vogel",
    "Sokolov",
    "Halvorsen",
    "Kowalski",
    "Rossi",
    "Tkachenko",
    "Berg",
    "Leclerc",
    "Ivanova",
    "Nieminen",
)
UNKNOWN_ROLES = (
    ("deputy foreign minister", "ukraine"),
    ("deputy defence minister", "europe"),
    ("Kremlin adviser", "russia"),
    ("senior State Department official", "us"),
    ("lawmaker", "ukraine"),
    ("member of the Duma", "russia"),
    ("EU diplomat", "europe"),
    ("Pentagon adviser", "us"),
    ("regional governor", "ukraine"),
    ("presidential aide", "russia"),
)
ANONYMOUS = (
    "a U.S. official",
    "a senior European diplomat",
    "a Ukrainian official",
    "a person familiar with the talks",
    "a Russian source",
    "one European official",
    "a senior administration official",
    "a Western diplomat",
)
PARTY_WORDS = {
    "us": ("Washington", "the U.S. side", "the White House", "American negotiators"),
    "ukraine": ("Kyiv", "Ukraine", "the Ukrainian delegation", "Ukrainian officials"),
    "russia": ("Moscow", "the Kremlin", "Russia", "Russian officials"),
    "europe": ("European leaders", "Brussels", "the Europeans", "Berlin and Paris"),
}
BOILERPLATE = (
    "Sign up for our daily briefing on the war in Ukraine",
    "Advertisement",
    "Read more: what we know about the peace plan so far",
    "Unlock this newsletter for free",
    "Share this article",
    "Listen to this article · 6 min",
    "Reporting by {reporter}; editing by {editor}",
    "© {year} {outlet}. All rights reserved.",
    "PHOTO: Delegations meet in {city_title}, {stated}.",
    "Most read",
)
OPENERS = (
    "We believe",
    "Our position is clear:",
    "Let me be very clear,",
    "Frankly,",
    "In our view,",
    "Nobody should doubt that",
    "I can tell you that",
    "As of today,",
    "The truth is that",
    "I think",
    "We are convinced that",
    "It is obvious that",
)
CLAIMS = (
    "there will be no deal without {term}",
    "{term} must be part of any agreement",
    "we are not ready to discuss {term} yet",
    "{term} is the hardest question on the table",
    "we made real progress on {term} this week",
    "{term} cannot be decided over our heads",
    "the other side keeps moving the goalposts on {term}",
    "{term} remains a red line for us",
    "we are very close on {term}",
    "there is still a long way to go on {term}",
    "any settlement has to address {term}",
    "we will never accept their terms on {term}",
)
TAILS = (
    "and everyone at the table knows it",
    "whatever Moscow says",
    "and we said so in Berlin",
    "and that will not change",
    "but we remain open to talks",
    "and time is running out",
    "no matter how long it takes",
    "and our partners agree",
    "before the end of the year",
    "",
    "",
    "",
)
BACKGROUND = (
    "The talks in {place} lasted {hours} hours, according to people briefed on them.",
    "{party} has repeatedly said that {term} is not negotiable.",
    "Officials from {party} and {party2} met again {when} to discuss {term}.",
    "Analysts say {term} will decide whether any agreement holds.",
    "The draft reportedly runs to {points} points, several of them about {term}.",
    "{party} did not respond to a request for comment on {term}.",
    "Diplomats described the mood in {place} as tense but constructive.",
    "The war, which began with the full-scale invasion on February 24, 2022, is now in its "
    "{ordinal} year.",
    "Markets reacted cautiously to reports of progress on {term}.",
    "A further round of talks is expected {future}, officials said.",
    "Negotiators were due to meet {future} to continue work on {term}.",
    "Separately, {party} announced new measures on {term} {when}.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
VERBS_AFTER = ("said", "told reporters", "said in a statement", "wrote on X", "added", "insisted")
ORDINALS = ("fourth", "fifth", "sixth")
NUMBERS = ("three", "five", "seven", "nine", "11", "14")


@dataclass(frozen=True)
class Speaker:
    """How an article may name a speaker: full name, short name, role; and their party."""

    full: str
    short: str
    role: str | None
    party: str | None


@dataclass(frozen=True)
class Statement:
    """Something said once and reported by several outlets."""

    speaker: Speaker
    text: str
    day: date


def _surface(term: str) -> str | None:
    """A codebook term as an article would write it (a `*` stem only if it reads as a word)."""
    if not term.endswith("*"):
        return term
    stem = term[:-1]
    return stem if stem[-1:] in tuple("tnhdxe") else None


def issue_terms(codebook: Codebook) -> list[str]:
    return [s for i in codebook.issues for t in i.terms if (s := _surface(t)) and len(s) > 3]


def codebook_speakers(codebook: Codebook) -> list[Speaker]:
    out = []
    for a in codebook.actors:
        if a.kind not in ("person", "institution"):
            continue
        short = a.aliases[0] if a.aliases else a.name.split()[-1]
        out.append(Speaker(a.name, short, a.roles[0] if a.roles else None, a.party))
    return out


def made_up_speaker(rng: random.Random) -> Speaker:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    role, party = rng.choice(UNKNOWN_ROLES)
    adjective = {"us": "U.S.", "ukraine": "Ukrainian", "russia": "Russian", "europe": "Latvian"}
    return Speaker(f"{first} {last}", last, f"{adjective[party]} {role}", party)


def quotation(rng: random.Random, terms: list[str]) -> str:
    """One or two sentences of speech, varied enough that unrelated quotes rarely share 4-grams."""
    parts = []
    for _ in range(rng.choice((1, 1, 2))):
        claim = rng.choice(CLAIMS).format(term=rng.choice(terms))
        tail = rng.choice(TAILS)
        sentence = f"{rng.choice(OPENERS)} {claim}{' ' + tail if tail else ''}"
        parts.append(sentence[0].upper() + sentence[1:] + ".")
    return " ".join(parts)


def _cosmetic(text: str, rng: random.Random) -> str:
    """Another outlet's rendering of the same words (spelling, apostrophes, per cent)."""
    if rng.random() < 0.5:
        text = text.replace("'", "’")
    if rng.random() < 0.3:
        text = text.replace("Zelensky", "Zelenskyy")
    return text


class _Article:
    """The writer of one article: picks its outlet, date, speakers and style."""

    def __init__(self, rng, index, day, terms, speakers, statements):
        self.rng = rng
        self.day = day
        self.terms = terms
        self.speakers = speakers
        self.statements = statements
        self.outlet, self.slug = rng.choice(OUTLETS)
        self.curly = rng.random() < 0.6
        self.focus = rng.sample(terms, k=4)
        self.words = 0
        self.index = index
        self.used: set[str] = set()  # body sentences already written: an article rarely repeats one

    # -- pieces of text --------------------------------------------------------------------
    def marks(self, text: str) -> str:
        return f"“{text}”" if self.curly else f'"{text}"'

    def stated(self, d: date) -> str:
        styles = (
            f"{d:%B} {d.day}, {d.year}",
            f"{d.day} {d:%B} {d.year}",
            f"{d:%b}. {d.day}, {d.year}",
            f"{d.isoformat()}",
            f"{d:%a} {d.day} {d:%b} {d.year} 14.02 GMT",
        )
        return self.rng.choice(styles)

    def when(self) -> str:
        r = self.rng.random()
        if r < 0.4:
            return f"on {WEEKDAYS[(self.day.weekday() - self.rng.randint(1, 3)) % 7]}"
        if r < 0.7:
            past = self.day - timedelta(days=self.rng.randint(1, 40))
            return f"on {past:%B} {past.day}"
        return self.rng.choice(("last week", "earlier this month", "at the weekend"))

    def future(self) -> str:
        ahead = self.day + timedelta(days=self.rng.randint(2, 60))
        return self.rng.choice(
            (
                f"on {ahead:%B} {ahead.day}",
                "next week",
                f"in {ahead:%B}",
                "before Christmas",
                f"on {WEEKDAYS[(self.day.weekday() + 2) % 7]}",
            )
        )

    def term(self) -> str:
        pool = self.focus if self.rng.random() < 0.7 else self.terms
        return self.rng.choice(pool)

    def name(self, sp: Speaker, first: bool) -> str:
        if first and sp.role and self.rng.random() < 0.6:
            return f"{sp.role} {sp.full}"
        if first or self.rng.random() < 0.3:
            return sp.full
        if sp.role and self.rng.random() < 0.3:
            return f"the {sp.role}"
        return sp.short

    def speaker(self) -> Speaker | str:
        r = self.rng.random()
        if r < 0.6:
            return self.rng.choice(self.speakers)
        if r < 0.8:
            return made_up_speaker(self.rng)
        return self.rng.choice(ANONYMOUS)

    def quote_paragraph(self, seen: set) -> str:
        rng = self.rng
        if self.statements and rng.random() < 0.25:
            st = rng.choice(self.statements)
            who, words = st.speaker, _cosmetic(st.text, rng)
        else:
            who, words = self.speaker(), quotation(rng, [self.term(), self.term()])
        if isinstance(who, Speaker):
            first = who.full not in seen
            seen.add(who.full)
            said_by = self.name(who, first)
        else:
            said_by = who
        verb = rng.choice(VERBS_AFTER)
        style = rng.randrange(6)
        body = words.rstrip(".")
        if style == 0:  # quotation, then speaker
            return f"{self.marks(body + ',')} {said_by} {verb}."
        if style == 1:  # speaker, then quotation
            return f"{said_by[0].upper() + said_by[1:]} {verb} {self.when()}: {self.marks(words)}"
        if style == 2:  # interrupted
            cut = body.split()
            k = max(2, len(cut) // 2)
            head, tail = " ".join(cut[:k]), " ".join(cut[k:]) or "that is all"
            return f"{self.marks(head + ',')} {said_by} said, {self.marks(tail + '.')}"
        if style == 3:  # fragment inside reported speech
            frag = " ".join(body.split()[-rng.randint(3, 6) :])
            return (
                f"{said_by[0].upper() + said_by[1:]} said {self.when()} that the proposals were "
                f"{self.marks(frag)} and that more work was needed on {self.term()}."
            )
        if style == 4:  # said-inversion
            return f"{self.marks(body + ',')} said {said_by}."
        return f"{said_by[0].upper() + said_by[1:]} {verb} that {self.marks(words)}"

    def background(self) -> str:
        """A sentence of context, not one this article already has."""
        for _ in range(20):
            text = self._background()
            if text not in self.used:
                break
        self.used.add(text)
        return text

    def _background(self) -> str:
        rng = self.rng
        party, party2 = rng.sample(sorted(PARTY_WORDS), 2)
        text = rng.choice(BACKGROUND).format(
            place=rng.choice(("Berlin", "Geneva", "Miami", "Istanbul", "Abu Dhabi", "Moscow")),
            hours=rng.randint(3, 12),
            party=rng.choice(PARTY_WORDS[party]),
            party2=rng.choice(PARTY_WORDS[party2]),
            term=self.term(),
            when=self.when(),
            future=self.future(),
            points=rng.choice((12, 20, 28)),
            ordinal=rng.choice(ORDINALS),
        )
        return text[0].upper() + text[1:]

    def boilerplate(self) -> str:
        rng = self.rng
        return rng.choice(BOILERPLATE).format(
            reporter=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            editor=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            year=self.day.year,
            outlet=self.outlet,
            city_title=rng.choice(CITIES).title(),
            stated=self.stated(self.day),
        )

    # -- the whole article -----------------------------------------------------------------
    def headline(self) -> str:
        party = self.rng.choice(sorted(PARTY_WORDS))
        subject = self.rng.choice(PARTY_WORDS[party])
        return self.rng.choice(
            (
                f"{subject[0].upper() + subject[1:]} signals movement on {self.focus[0]}",
                f"Talks stall over {self.focus[0]} as envoys meet again",
                f"What we know about {self.focus[0]} and {self.focus[1]}",
                f"Peace push: {self.focus[0]} back on the table",
            )
        )

    def text(self, target_words: int) -> str:
        rng = self.rng
        title = self.headline()
        lines = [title]
        if rng.random() < 0.3:
            lines.append(title)  # scraped pages often repeat the headline
        if rng.random() < 0.4:
            lines.append(f"By {rng.choice(FIRST)} {rng.choice(LAST)}")
        dating = rng.randrange(3)
        if dating == 0:
            lines.append(f"Published {self.stated(self.day)}")
        lead = self.background()
        if dating == 1:
            city = rng.choice(CITIES)
            lead = f"{city}, {self.day:%b} {self.day.day} ({self.outlet}) - {lead}"
        lines.append(lead)
        seen: set[str] = set()
        words = sum(len(x.split()) for x in lines)
        while words < target_words:
            r = rng.random()
            if r < 0.45:
                para = self.quote_paragraph(seen)
            elif r < 0.93:
                para = " ".join(self.background() for _ in range(rng.randint(1, 3)))
            else:
                para = self.boilerplate()
            lines.append(para)
            words += len(para.split())
        if rng.random() < 0.5:
            lines.append(self.boilerplate())
        return "\n\n".join(lines) + "\n"


def _statements(rng: random.Random, count: int, days: int, terms, speakers) -> list[Statement]:
    return [
        Statement(
            rng.choice(speakers),
            quotation(rng, [rng.choice(terms), rng.choice(terms)]),
            START + timedelta(days=rng.randrange(days)),
        )
        for _ in range(count)
    ]


def generate(
    out: str | Path,
    count: int,
    seed: int = 0,
    codebook: Codebook | None = None,
    words: int = 1000,
) -> list[Path]:
    """Write `count` articles of about `words` words into `out`; the same seed, the same files."""
    codebook = codebook or load_codebook(VOCABULARY)
    terms = issue_terms(codebook)
    speakers = codebook_speakers(codebook)
    days = max(7, count * DAYS_PER_1000 // 1000)
    pool_rng = random.Random(f"{seed}:statements")
    pool = _statements(pool_rng, max(5, count // 4), days, terms, speakers)
    by_day: dict[date, list[Statement]] = {}
    for st in pool:
        by_day.setdefault(st.day, []).append(st)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        rng = random.Random(f"{seed}:{index}")
        day = START + timedelta(days=rng.randrange(days))
        recent = [st for d in range(3) for st in by_day.get(day - timedelta(days=d), ())]
        article = _Article(rng, index, day, terms, speakers, recent)
        target = max(200, int(rng.gauss(words, words * 0.2)))
        path = out / f"{index:05d}_{article.slug}.txt"
        path.write_text(article.text(target), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--words", type=int, default=1000, help="mean words per article")
    parser.add_argument("--out", required=True, help="folder to write the .txt files into")
    args = parser.parse_args(argv)
    paths = generate(args.out, args.count, args.seed, words=args.words)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
