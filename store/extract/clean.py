"""Cleaning: raw article text → the reporting only, plus the metadata the boilerplate carried.

Cleaning removes whole lines and never edits inside a line, so every quotation keeps its
exact text and every offset refers to the cleaned text. Metadata lines (front matter,
"Source:", "Published:", "The post ... appeared first on ...") are read before they go.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from store.extract.dates import agreeing_reading, date_readings, dateline, parse_date
from store.extract.scan import first_chars, trie_pattern

# Well-known news domains → outlet names; other domains are shown as the domain itself.
OUTLETS = {
    "ft.com": "Financial Times",
    "washingtonpost.com": "Washington Post",
    "nytimes.com": "New York Times",
    "wsj.com": "Wall Street Journal",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "bloomberg.com": "Bloomberg",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "theguardian.com": "The Guardian",
    "cnn.com": "CNN",
    "abcnews.go.com": "ABC News",
    "cbsnews.com": "CBS News",
    "nbcnews.com": "NBC News",
    "foxnews.com": "Fox News",
    "npr.org": "NPR",
    "politico.com": "Politico",
    "politico.eu": "Politico Europe",
    "axios.com": "Axios",
    "economist.com": "The Economist",
    "aljazeera.com": "Al Jazeera",
    "dw.com": "Deutsche Welle",
    "france24.com": "France 24",
    "euronews.com": "Euronews",
    "kyivindependent.com": "Kyiv Independent",
    "kyivpost.com": "Kyiv Post",
    "pravda.com.ua": "Ukrainska Pravda",
    "ukrinform.net": "Ukrinform",
    "themoscowtimes.com": "Moscow Times",
    "tass.com": "TASS",
    "rt.com": "RT",
    "meduza.io": "Meduza",
    "lemonde.fr": "Le Monde",
    "spiegel.de": "Der Spiegel",
    "telegraph.co.uk": "The Telegraph",
    "independent.co.uk": "The Independent",
    "thetimes.co.uk": "The Times",
    "time.com": "Time",
    "newsweek.com": "Newsweek",
    "thehill.com": "The Hill",
    "usatoday.com": "USA Today",
    "latimes.com": "Los Angeles Times",
    "cnbc.com": "CNBC",
    "rferl.org": "Radio Free Europe/Radio Liberty",
    "aa.com.tr": "Anadolu",
    "news.sky.com": "Sky News",
    "sky.com": "Sky News",
    "irishtimes.com": "The Irish Times",
    "theglobeandmail.com": "The Globe and Mail",
    "nationalpost.com": "National Post",
    "financialpost.com": "Financial Post",
    "thestar.com": "Toronto Star",
    "cbc.ca": "CBC News",
    "ctvnews.ca": "CTV News",
    "scmp.com": "South China Morning Post",
    "theatlantic.com": "The Atlantic",
    "newyorker.com": "The New Yorker",
    "foreignpolicy.com": "Foreign Policy",
    "foreignaffairs.com": "Foreign Affairs",
    "chicagotribune.com": "Chicago Tribune",
    "miamiherald.com": "Miami Herald",
    "bostonglobe.com": "The Boston Globe",
    "japantimes.co.jp": "The Japan Times",
    "asia.nikkei.com": "Nikkei Asia",
    "thehindu.com": "The Hindu",
    "hindustantimes.com": "Hindustan Times",
    "timesofindia.indiatimes.com": "The Times of India",
    "smh.com.au": "The Sydney Morning Herald",
    "abc.net.au": "ABC News",
    "theaustralian.com.au": "The Australian",
    "nzherald.co.nz": "The New Zealand Herald",
    "straitstimes.com": "The Straits Times",
    "koreaherald.com": "The Korea Herald",
    "haaretz.com": "Haaretz",
    "timesofisrael.com": "The Times of Israel",
    "thenationalnews.com": "The National",
    "dailysabah.com": "Daily Sabah",
    "al-monitor.com": "Al-Monitor",
    "dailymail.co.uk": "Daily Mail",
    "mirror.co.uk": "Daily Mirror",
    "standard.co.uk": "Evening Standard",
    "lefigaro.fr": "Le Figaro",
    "faz.net": "Frankfurter Allgemeine Zeitung",
    "sueddeutsche.de": "Süddeutsche Zeitung",
    "welt.de": "Die Welt",
    "nzz.ch": "Neue Zürcher Zeitung",
    "elpais.com": "El País",
    "corriere.it": "Corriere della Sera",
    "kommersant.ru": "Kommersant",
    "novayagazeta.eu": "Novaya Gazeta Europe",
    "pbs.org": "PBS",
    "voanews.com": "Voice of America",
}
# Wire agencies named in a dateline "KYIV, Dec 24 (Reuters) -".
AGENCIES = {
    "Reuters": "Reuters",
    "AP": "Associated Press",
    "AFP": "AFP",
    "dpa": "dpa",
    "Bloomberg": "Bloomberg",
    "UPI": "UPI",
    "TASS": "TASS",
    "Interfax": "Interfax",
    "CNN": "CNN",
    "Kyodo": "Kyodo News",
    "Xinhua": "Xinhua",
    "Interfax-Ukraine": "Interfax-Ukraine",
    "RIA Novosti": "RIA Novosti",
    "ANSA": "ANSA",
    "EFE": "EFE",
    "PAP": "PAP",
    "Yonhap": "Yonhap",
    "Anadolu": "Anadolu",
    "UNIAN": "UNIAN",
    "Ukrinform": "Ukrinform",
    "IANS": "IANS",
    "ANI": "ANI",
    "BelTA": "BelTA",
    "Jiji": "Jiji Press",
    "PTI": "PTI",
    "AAP": "AAP",
    "Belga": "Belga",
    "Lusa": "Lusa",
    "Europa Press": "Europa Press",
    "WAM": "WAM",
}
# Short names an outlet's own copy uses for it ("... told DW").
OUTLET_SHORT_NAMES = ("DW", "FT", "BBC", "CNN", "AP", "AFP", "NPR", "RFE/RL")


@dataclass(frozen=True)
class CleanArticle:
    text: str  # the cleaned article; every offset in parley refers to it
    title: str
    outlet: str | None
    published: str | None  # YYYY-MM-DD only where the text or sidecar states it
    published_basis: str | None  # "stated" or None
    url: str | None
    # The short lines in capitals or of a name alone at the top ("DAILY SABAH", "ISTANBUL",
    # a byline's "Abu Dhabi"), most taken off as a masthead or a page's furniture: a
    # dateline's place may be among them (store.extract.parties.home_party).
    capitals_at_top: tuple[str, ...] = ()
    # The photo captions taken off: not reporting, but they may describe a person the text
    # names with no title ("Taras Kachka, Ukraine's deputy prime minister for European
    # integration, has led ...": store.extract.speakers.memory).
    captions: tuple[str, ...] = ()


_KEYS = (
    r"(?:Original Title|Title|Headline|Source|Published|Publication date|Date|Updated"
    r"|Tags|Author|Authors|Byline|Edited by|URL|Link|Category|Categories|Section|Outlet"
    r"|Publisher)"
)
_FIELD = re.compile(r"^(?P<key>" + _KEYS + r")\s*:\s*(?P<value>.*)$", re.IGNORECASE)
# Several fields on one line: "Published: 18 December 2025 | Source: www.theguardian.com".
# A separator only splits where another field's key follows it, so a value keeps its own
# dashes and slashes ("Title: Kyiv — a city waits", "URL: https://x.com/a/b").
_FIELD_SEP = re.compile(r"(?:\s*[|·•]\s*|\s+[—–/-]\s+)(?=" + _KEYS + r"\s*:)", re.IGNORECASE)
# A writer's note under the story: "Bella Hartigan is Europe correspondent for The Age and
# The Sydney Morning Herald.", "Keith Alvarado covers ... for The Palm Beach Post."
_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s+){1,3}(?:"
    # "... is The Australian's Europe correspondent"
    r"(?:is|was)\s+(?P<owner>(?:The\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})['’]s\s+"
    r"(?:[\w-]+\s+){0,3}?(?:correspondent|reporter|editor|writer|columnist)\b"
    # "... is Europe correspondent for The Age", "... covers ... for The Palm Beach Post"
    r"|(?:(?:is|was)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:correspondent|reporter|editor|writer|columnist|journalist|contributor|producer)"
    r"|covers|has\s+covered)\s[^.\n]{0,100}?\bfor\s+"
    r"(?P<outlet>(?:The\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&-]*){0,4})(?=\s+and\s|[.,;]|$))"
)
_PUBLISHED_IN = re.compile(
    r"(?:Published in |This report by )(?P<outlet>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3})"
    r"(?:,|\s+was\s+first\s+published)\s+(?P<date>[^|]{6,40}?)\.?$")
_POST = re.compile(r"^The post (?P<title>.+) appeared first on (?P<outlet>.+?)\.?$")
# "Copyright 2025 The Associated Press. All rights reserved.", "© 2026 Kyiv Independent.":
# the outlet that owns the text (a company's suffix left out); with a year or the rights
# reserved, so that a photo credit ("© AFP") names no outlet.
_COPYRIGHT = re.compile(
    r"^(?:Copyright\s*(?:©\s*)?|©\s*(?:Copyright\s+)?)(?P<year>\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?"
    r"(?P<outlet>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|the|and|from|&)){0,5}?)"
    r"(?:\s+(?:Newspapers?|Productions))?"
    r"(?P<co>,?\s+(?:Company|Co\.|Inc\.?|Ltd\.?|Limited|LLC|plc|PLC|GmbH|AG|SRL|S\.?A\.?|SpA|SAS"
    r"|B\.?V\.?))?"
    r"(?:,\s+an?\s+(?:division|unit|subsidiary|part|member)\s+of\s+[^.]*?)?"  # "..., a division of"
    r"(?P<after>,?\s+\d{4})?\.?\s*(?:(?i:All rights reserved)\b|$|(?<=\d\.)\s*[A-Z]|\|"
    # the owner's name, then the paper's: "Copyright 2026 Hearst Newspapers, LLC. Houston
    # Chronicle."
    r"|(?<=\.)\s*(?P<brand>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\.?$)"
)
# The wires a "Source:" line credits after the site: "Source: SBS News, AAP", "Source: TRT
# World and agencies".
_WIRES_AFTER = re.compile(r"(?:\s+and\s+agencies|\s*[,/]\s*(?:" + "|".join(AGENCIES) + r"))+\s*$")
# An outlet's own prompt or note about itself, at its page's foot: "Sign up to the Irish
# Examiner's Europe Briefing newsletter", "Follow Khaleej Times on WhatsApp Channels",
# "Subscribe to News24 for full access", "Download the Lakeside Post app".
_OWN_PROMPT = re.compile(
    r"(?:Sign up (?:to|for)|Subscribe to|Follow|Download) (?:the )?"
    r"(?P<own>[A-Z][\w-]*(?: (?:[A-Z][\w-]*|from|of)){0,3}?)(?:['’]s? | (?:on|for|app)\b)")
# ... "The Winnipeg Free Press is committed to open and respectful discussion. Comments are
# moderated.", "News24 is a member of the Press Council", "Notes from Poland is run by a small
# editorial team", "The Baltic Times, founded in 1996, is the only English-language newspaper"
# (what it says about itself is a newspaper's: a country "is a member of" NATO).
_SELF_DESCRIBED = re.compile(
    r"(?P<own>(?:The )?[A-Z][\w-]*(?: (?:[A-Z][\w-]*|from|of)){0,3}),? "
    r"(?:is (?:committed to|a member of|run by|published by|owned by)|founded in \d{4}, is)\b"
    r"(?=.*\b(?:[Pp]ress [Cc]ouncil|editorial|[Cc]omments|newspaper|journalism|readers)\b)")
_FOOT_LINES = 12  # lines of an article's foot: its prompts, its notes, its copyright
# A company that owns outlets, named in a copyright where the page shows its outlet's own
# name elsewhere: "© 2026 BellMedia", "Copyright 2025 Nexstar Media Inc.", "©2026 Boston
# Globe Media Partners, LLC".
_OWNER = re.compile(r"(?:[Mm]edia|Publishing|Partners|Corporation|Group|Holdings|Enterprises"
                    r"|Communications)$")  # (and "Postmedia is committed to ...": no outlet)
# Boilerplate, in three cheap tests (one big case-insensitive regex costs ~10x more).
_ANYWHERE = (
    "newsletter", "automatically curated", "visit the original source", "©", "copyright",
    "all rights reserved", "terms of use", "terms of service", "privacy policy", "cookie",
    "contributed to this report", "contributed to this story", "contributed to this article",
    "contributed reporting",
)  # fmt: skip
_ANYWHERE_CASED = (
    "Distributed By",
    "Designed By",
    "Powered by",
    "PHOTO:",
    "AP Photo",
    "Getty Images",
)
_AT_START = re.compile(
    r"advertisement$|story continues|most (?:read|popular)|related(?: stories| articles"
    r"| coverage)?\s*:|recommended\b|read (?:more|also|next)\b|see also\b|more\s*:|also read\b"
    r"|this (?:article|story|report|piece) (?:was |has been |first )?(?:originally )?"
    r"(?:published|appeared|updated)|\(?(?:with )?(?:additional|further) reporting by"
    r"|\(?(?:reporting|writing|editing|compiled|edited) by\b|photo(?:graph)?s?\s*(?:by\b|:)"
    r"|(?:image|picture|credit|caption)s?\s*:"
)
_PROMPT = re.compile(
    r"(?:sign up|subscribe|unlock|get|click|tap|download|follow|join|listen|watch|read|share"
    r"|support)\b.*\b(?:newsletter|for free|here|now|app|us on|today|article|journalism|more"
    r"|podcast)\b"
)
_PAREN_CREDIT = re.compile(r"\((?:Photo|Image|Credit|Photograph|Picture)\b[^()]*\)\s*$")
_SLASH_CREDIT = re.compile(
    r"/\s*(?:Pool\s+via\s+|via\s+)?(?:AP|AFP|Reuters|EPA|Getty|Bloomberg|Anadolu|Sputnik"
    r"|Shutterstock|Alamy|TASS|Pool)\b"
)
_END_CREDIT = re.compile(r"[.!?]\s+(?:Photo|Picture|Image|Credit|Photograph)s?: [^.:]{1,60}$")
_EMAIL_END = re.compile(r"\s[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?$")
_DASH_PHOTO = re.compile(r"\s[-–]\s(?:PHOTO|Photo|Image):")


def _is_caption(s: str, needles: bool = True) -> bool:
    """A photo caption or credit: "Name/Pool via AP - PHOTO: ...", "... (Photo by X/AFP)".
    `needles`: whether the line may hold a word of _needle_lines (False: it holds none)."""
    if needles and ("PHOTO:" in s or "AP Photo" in s or "Getty Images" in s):
        return True
    if "@" in s[-60:] and _EMAIL_END.search(s):  # "... on Friday. Pedro Portal
        return True  # pportal@miamiherald.com": a photo's credit, a reporter's address
    if s.endswith(")") and _PAREN_CREDIT.search(s):
        return True
    if ": " in s[-70:] and _END_CREDIT.search(s):  # "... arrives for talks in Miami on Dec.
        return True  # 20, 2025. Credit: AP/Marta Lavandier", "... last year. Picture: PA"
    slash = s.find("/")
    if (
        0 < slash <= 60
        and s[0].isupper()
        and _SLASH_CREDIT.match(s, slash)
        and not _AGENCY_TAG.match(s, slash)  # "MOSCOW, December 22. /TASS/. ...": a dateline
    ):
        return True
    # ("PHOTO:" is taken above: a dash credit has one of the other two)
    return needles and ("Photo:" in s or "Image:" in s) and bool(_DASH_PHOTO.search(s))


# The cased list as one search (a regex of words opening with a capital, which `re` skips
# ahead to: quicker than a test per word).
_ANYWHERE_CASED_WORDS = re.compile("|".join(map(re.escape, _ANYWHERE_CASED)))


def _is_boilerplate(s: str, needles: bool = True) -> bool:
    """Whether a short line is boilerplate. The words of _ANYWHERE by str searches: a regex of
    them stops at every "a", "c", "t" of the line to try them, and is slower. `needles`:
    whether the line may hold a word of _needle_lines (False: it holds none)."""
    low = s.casefold()
    if needles:
        for word in _ANYWHERE:
            if word in low:
                return True
        if _ANYWHERE_CASED_WORDS.search(s):
            return True
    if _AT_START.match(low):
        return True
    return bool(_PROMPT.match(low)) and _at_most_words(s, 15)


# What the caption and boilerplate tests look for anywhere in a line, in its case.
# ... and in lower case: a part of each word of _ANYWHERE, fewer parts than words (a line
# holding a part but not its word is only tested in full).
_NEEDLE_STEMS = (
    "newsletter", "automatically curated", "visit the original source", "©", "copyright",
    "all rights reserved", "terms of ", "privacy policy", "cookie", "contributed ",
)  # fmt: skip
_CASED_NEEDLES = re.compile("|".join(map(re.escape, (*_ANYWHERE_CASED, "Photo:", "Image:"))))


def _needle_lines(body: str) -> set[int] | None:
    """The indices of the lines of `body` (split at "\n") that hold a word _is_caption or
    _is_boilerplate looks for anywhere in a line (_ANYWHERE in any case, the cased ones):
    one search per word over the whole body instead of one per line, and most lines hold
    none. None when case folding changes the body's length (its places would not match the
    text's): then every line may hold one."""
    low = body.casefold()
    if len(low) != len(body):
        return None
    spots = [m.start() for m in _CASED_NEEDLES.finditer(body)]
    for word in _NEEDLE_STEMS:
        i = low.find(word)
        while i != -1:
            spots.append(i)
            nxt = low.find("\n", i)  # one hit marks its line: on from the next one
            i = -1 if nxt == -1 else low.find(word, nxt)
    out, line, at = set(), 0, 0
    for spot in sorted(spots):
        line += body.count("\n", at, spot)
        at = spot
        out.add(line)
    return out


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
# (a top-level domain is letters: "6.58am" after a date is a time)
_DOMAIN = re.compile(
    r"(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})", re.I)
_END_PUNCT = ".!?…:;\"'”’»)]"
_LONE_DATE = re.compile(r"^\(?(?:[A-Z][a-z]+day,?\s+)?[A-Za-z0-9.,/ -]{6,30}\)?$")
# The time after a date alone on its line: "at 9:02 a.m. EST", "- 18:05 GMT", ", 09:02",
# "10:41:00", a zone with its offset ("GMT+1", "UTC-05:00"), and the place a transcript adds
# after it (", 12:40, The Kremlin, Moscow": capitalised names).
_TIME_AFTER = re.compile(
    r"(?:\s*[-–,|]\s*|\s+)(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?"
    r"(?:\s+[A-Z]{2,5}(?:[+−-]\d{1,2}(?::?\d{2})?)?)?"
    r"(?-i:(?:\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}){0,3})(?=\)?$)",
    re.IGNORECASE,
)
# "(Reuters) -" after a dateline, or TASS's "MOSCOW, December 22. /TASS/.". Every form opens
# with "(", "/" or a month's capital: a look ahead for them passes over the other places
# quickly (a "\b" alternative is tried at every one).
_AGENCY_TAG = re.compile(
    first_chars("(/JFMASOND") + r"(?:"
    r"\((?P<a>" + "|".join(AGENCIES) + r")\)\s*[-–—]|/(?P<s>" + "|".join(AGENCIES) + r")/"
    # "Kyiv. January 17. INTERFAX-UKRAINE - ": an agency in capitals after the day
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\.\s+"
    r"(?P<c>[A-Z]{3,}(?:-[A-Z]{3,})?)\s+[-–—]\s"
    # "MOSCOW, Dec 23 - RIA Novosti. ...": the agency after the day and a dash
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s+[-–—]\s+"
    r"(?P<r>" + "|".join(AGENCIES) + r")\.)"
)
# A newspaper's print note, however long: "A version of this article appears in print on
# Dec. 22, 2025, Section A, Page 1 of the New York edition with the headline: ...".
_PRINT_NOTE = re.compile(
    r"an? (?:version|edition) of this (?:article|story|report|review|piece|interview)"
    r" (?:appears|appeared|was published|will appear) in print\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'’-]+(?:,?\s+(?:[A-Z][\w.'’-]+|and|&|,))*\s*$")
# Any agency's tag after a dateline that opens a paragraph (a place in capitals, or a place
# and a day): "ROME, January 7 (ANSA) -", "SEOUL, Jan. 12 (Yonhap) --", "Madrid, 12 Jan
# (EFE).-" (the listed agencies: _AGENCY_TAG).
_DATELINE_TAG = re.compile(
    r"(?m)^(?:[A-Z]{3,}\b[^\n()]{0,30}?|[A-Z][^\n()]{0,30}?\d[^\n()]{0,12}?)\s\("
    r"(?P<t>(?!(?i:update|updated|lead|live|video|photo|wires?|agencies|staff)\))"
    r"[A-Z][A-Za-z]{1,11})\)\s*(?:(?:[-–—]{1,2}|\.-|:)\s|(?P<bare>(?=[A-Z])))"
)  # (a known agency's tag needs no dash: "Berlin, Dec 15 (IANS) Ukrainian President ...")
# A byline that credits an outlet: "By Maggie Kowalczyk | Chicago Tribune", "Murray Drummond
# · CBC News", "Special to The Globe and Mail", "By Anna Berg for The Baltic Times".
_CREDITED = re.compile(
    r"^(?:(?:[Bb]y\s+)?[A-Z][\w.'’-]+(?:,?\s+(?:[A-Z][\w.'’-]+|and|&)){1,7}\s+[|·•]"
    r"|(?:.{0,60}\s)?[Ss]pecial to|[Bb]y\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+for)"
    r"\s+(?P<outlet>[^|·•]{3,50})$"
)


def outlet_from_source(value: str | None) -> str | None:
    """'www.ft.com' → 'Financial Times'; an unknown domain → the domain; a name stays a name."""
    if not value or not value.strip():
        return None
    value = value.strip()
    m = _DOMAIN.fullmatch(value.split()[0].rstrip("/")) or _DOMAIN.match(value)
    if m and ("." in value.split()[0]) and " " not in value.strip():
        host = m["host"].casefold()
        parts = host.split(".")
        for n in range(len(parts) - 1):
            key = ".".join(parts[n:])
            if key in OUTLETS:
                return OUTLETS[key]
        return host
    value = _EDITION.sub("", value)  # "EL PAÍS English", "LRT English": the outlet's edition
    return _KNOWN_OUTLET_NAMES.get(value.casefold(), value)  # "AL JAZEERA": Al Jazeera


_EDITION = re.compile(r"(?<=\S)\s+English$")


def _is_heading(line: str) -> bool:
    """A short title-like line without final punctuation: a headline or a related-story link."""
    if not line or len(line) > 120 or line[-1] in _END_PUNCT:
        return False  # (most lines: a paragraph ends in a full stop)
    words = line.split()
    if not words or len(words) > 16:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return caps >= 1


def _at_most_words(line: str, n: int) -> bool:
    """len(line.split()) <= n, without splitting all of a long paragraph."""
    return len(line.split(None, n)) <= n


_CLOSING = "\"'”’»"


def _is_quoted_headline(line: str, lines: list[str], n: int) -> bool:
    """A first line standing alone that ends in a quotation or a question mark:
    `Ukraine, US narrow gaps on "prosperity plan"`, `Is a deal close?`. A quotation that
    closes a sentence ends `."`, so a headline is one whose quotation holds no final stop;
    the blank line after it keeps a short opening paragraph from being taken for one."""
    if n + 1 < len(lines) and lines[n + 1].strip():
        return False
    body = line.rstrip(_CLOSING)
    if body == line and line.endswith("?"):
        body = line[:-1]
    return body != line and bool(body) and _is_heading(body)


def _front_matter(raw: str) -> tuple[dict[str, str], str]:
    m = _FRONT_MATTER.match(raw)
    if not m:
        return {}, raw
    fields = {}
    for line in m["body"].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().casefold()] = value.strip().strip("\"'")
    return fields, raw[m.end() :]


_CAPITALS_LINE = re.compile(r"[A-Z][A-Z'’. -]{2,30}")  # "ISTANBUL", "NEW YORK"
# A name alone on a line, a byline's place among them: "Abu Dhabi" under "Hamza Al Tamimi".
_NAME_LINE = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}")
_TOP_LINES = 20  # lines of an article's top: its masthead, headline, byline, dateline


def clean_article(raw: str, name: str, meta: dict | None = None) -> CleanArticle:
    """The cleaned text and the metadata of one article; `meta` (a sidecar's fields) wins."""
    if not isinstance(raw, str):
        raw = str(raw or "")
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    fields, body = _front_matter(raw)
    found: dict[str, str] = {}
    for key in ("title", "outlet", "source", "published", "date", "url", "link"):
        if fields.get(key):
            found.setdefault(_canonical(key), fields[key])

    lines = body.split("\n")
    needled = _needle_lines(body)
    keep: list[str] = []
    capitals: list[str] = []
    headline: str | None = None
    first_content = True
    for n, line in enumerate(lines):
        s = line.strip()
        if not s:
            keep.append("")
            continue
        if n < _TOP_LINES and (_CAPITALS_LINE.fullmatch(s) or _NAME_LINE.fullmatch(s)):
            capitals.append(s)
        if _drop_line(s, found, needled is None or n in needled):
            continue
        if (len(s) <= 80 or (len(s) <= 160 and first_content)) and (dated := _date_line(s)):
            for key, value in dated.items():
                found.setdefault(key, value)
            continue
        if first_content and headline is not None and _yearless_dateline(s):
            keep.append(s)  # "Aired Thursday, Dec. 18 | 24 minutes": its year is inferred later
            first_content = False
            continue
        if _CLOCK_LINE.match(s):
            keep.append(s)  # a live page's entry time: the entries are of the page's day
            continue
        if (n < _TOP_LINES and (headline is not None or not first_content)
                and (credit := _byline_outlet(s, lines, n, body))):
            found.setdefault("outlet", credit)  # "CTV News Ottawa Bureau" under the reporter's
            continue  # name, "NL Times" over the date: the outlet the byline names
        if first_content and headline is None and (known := _known_outlet(s)):
            found.setdefault("outlet", known)  # "THE WALL STREET JOURNAL.", "Sky News" over
            continue  # the page's menu: the masthead, whatever follows it
        if first_content and headline is None and (own := _masthead_named_again(body, s)):
            found.setdefault(_MASTHEAD, own)  # "Radio Prague International" over the page
            # and in its footer: a name the page gives itself twice
        if first_content and headline is None and _MENU_LINE.fullmatch(s):
            continue  # "Home | UK | World | Politics | US | Climate": a site's menu
        if first_content and (_is_heading(s) or _is_quoted_headline(s, lines, n) or (
                headline is None and len(s) <= 200 and _next_line(lines, n) == s)):
            # (a long headline too, printed twice: "Paris summit: allies pledge ...; Brazil
            # calls for talks with both sides at the table")
            after = _next_line(lines, n)
            if (name := _masthead_name(s)) and (headline is not None or _is_heading(after)):
                found.setdefault("outlet", name)  # "The Grand River Ledger" over the headline
                continue
            if headline is None and _is_label(s, lines, n):
                continue  # "The long read", "Analysis | Europe": a section, not the title
            if s != headline and _quotes_someone(s):
                keep.append(line.rstrip())  # "'We are not there yet': Witkoff says ...":
                keep.append("")  # a quotation the reader sees, kept (once) as its own line
            headline = headline or s
            continue
        if headline is not None and s == headline:
            continue  # the headline printed twice
        if _is_heading(s) and not _near_list(lines, n) and not _credits_quotation(s, lines, n):
            if _quotes_someone(s):  # "Moscow: „We have not seen the documents“": a section
                keep.append(line.rstrip())  # heading quoting words said in the text below
                keep.append("")
            continue  # a related-story headline or a section heading
        first_content = False
        keep.append(line.rstrip())
    text = _join(keep)

    if "published" not in found and headline and (on := _HEADLINE_DATE.search(headline)):
        if day := parse_date(on[1]):  # "Transcript: ... 'Face the Nation,' Jan. 4, 2026"
            found["published"] = day.isoformat()
    if "published" not in found and (aired := _AIRED.search(text, 0, 400)):
        if day := parse_date(aired[1]):  # "an interview that aired on Sunday, Jan. 4, 2026"
            found["published"] = day.isoformat()
    if "published" not in found:
        dl = dateline(text)
        if dl and dl[0] is not None:
            found["published"] = f"{dl[0]:04d}-{dl[1]:02d}-{dl[2]:02d}"
    if "published" not in found and _EITHER in found:
        readings = tuple(date.fromisoformat(v) for v in found[_EITHER].split())
        if agreed := agreeing_reading(readings, text):
            found["published"] = agreed.isoformat()
    if "outlet" not in found and "source" not in found and (
        own := found.get(_OWN_LINE) or _own_line(lines)
    ):
        found["outlet"] = own  # (its own line over the wire whose copy it ran)
    if "outlet" not in found and "source" not in found and (
        m := _AGENCY_TAG.search(text[:600])
    ):  # (a site's own name, stated, wins over the wire it ran: France 24's "(AFP)")
        found["outlet"] = (AGENCIES[m["a"] or m["s"] or m["r"]] if not m["c"]
                           else _agency_named(m["c"]))
    if "outlet" not in found and "source" not in found and (
        m := _DATELINE_TAG.search(text, 0, 600)
    ) and (m["bare"] is None or m["t"] in AGENCIES):
        found["outlet"] = (_agency_named(m["t"]) if len(m["t"]) > 5 and m["t"].isupper()
                           else m["t"])  # ("(NewsNation) —": a name as its outlet writes it)
    if "outlet" not in found and _OWNED_BY in found:  # an owner, after the outlet's names
        found["outlet"] = found[_OWNED_BY]
    if "outlet" not in found and (told := _told_outlet(text)):
        found["outlet"] = told
    if "outlet" not in found and _MASTHEAD in found:  # the page's own name, last: a known
        found["outlet"] = found[_MASTHEAD]  # outlet or agency is named as readers know it

    meta = {k.casefold(): v for k, v in (meta or {}).items() if isinstance(k, str)}
    sidecar_outlet = None
    for key, value in meta.items():
        if value and isinstance(value, str) and _canonical(key):
            found[_canonical(key)] = value.strip()
            if _canonical(key) == "outlet":
                sidecar_outlet = value.strip()

    # The date the article shows: its publication stamp, else its update stamp.
    shown = found.get("published") or found.get("updated")
    published = parse_date(shown) if shown else None
    title = found.get("title") or headline or PurePath(str(name)).stem or "untitled"
    url = found.get("url")
    # A stated "Source:" (a page's site name) before the outlet the text's lines suggest
    # (a wire's copyright on a site that ran its story: "© 2025 AFP" on France 24)
    outlet = outlet_from_source(sidecar_outlet) or outlet_from_source(
        found.get("source")) or outlet_from_source(found.get("outlet"))
    if not outlet and url:
        outlet = outlet_from_source(url.split("/")[2] if "//" in url else url.split("/")[0])
    return CleanArticle(
        text=text,
        title=title.strip(),
        outlet=outlet,
        published=published.isoformat() if published else None,
        published_basis="stated" if published else None,
        url=url,
        capitals_at_top=tuple(capitals),
        captions=tuple(found.get(_CAPTIONS, ())),
    )


def _canonical(key: str) -> str | None:
    key = key.casefold().strip()
    return {
        "title": "title", "original title": "title", "headline": "title",
        "outlet": "outlet", "publisher": "outlet", "source": "source",
        "published": "published", "date": "published", "publication date": "published",
        "updated": "updated", "last updated": "updated",
        "url": "url", "link": "url",
    }.get(key)  # fmt: skip


# "Published December 14, 2025 at 9:02 a.m. EST", "Updated 22 Dec 2025, 14.05 GMT", "Issued
# on: 08/01/2026 - 19:42": a stamp, its value starting as a date does (a digit, a month or a
# weekday).
_STAMP_LINE = re.compile(
    r"^(?P<k>(?:first |originally )?(?:published|publish|posted|issued)"
    r"|(?:last )?(?:updated|update|modified))"
    r"(?:\s+(?:on|date|time))?\s*:?\s+"  # ("Posted : 2025-12-29 10:05", "Publish : 25 Jan
    # 2026", "Published date: 24 January 2026 17:40 GMT")
    r"(?P<v>(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat"
    r"|sun)[a-z]*\.?[\s,]).*)$",
    re.IGNORECASE,
)
# The day a parliament's record says a debate took place, which its page publishes.
_DEBATED = re.compile(r"\bdebated\s+on\s+(?P<v>[\w ,]{6,40})$")
# A full date ending the headline, or the day a broadcast aired, stated near the top.
_HEADLINE_DATE = re.compile(
    r"[,|–—-][\"”’']?\s*((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+)\d{4})\s*$"
)
_AIRED = re.compile(
    r"\b(?:aired|broadcast)\s+(?:on\s+)?(?:[A-Z][a-z]+day,?\s+)?"
    r"((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+)\d{4})\b"
)
_MASTHEAD = "masthead named again"  # the name a page gives itself, kept for the end
_OWN_LINE = "named in its own prompt"  # "Sign up to the Mirror's ... newsletter" (_OWN_PROMPT)
_CAPTIONS = "captions taken off"  # (a list, CleanArticle.captions)
_OWNED_BY = "copyright owner"  # a company owning outlets (_OWNER), after the outlet's names
_EITHER = "published either"  # the readings of an ambiguous slash date line (no field name)
# "Dec 27, 2025 - World", "World / Asia", "Mar 5th 2026|BRUSSELS AND KYIV|5 min read", a
# section set apart by spaces ("12 January 2026   Peace and Security"), a breadcrumb
# ("Ukrainska Pravda › News › War")
_MASTHEAD_SEP = re.compile(r"\s*\|\s*|\s+[·•●▪—–/›»-]\s+|[^\S\n]{3,}|\t")
_KNOWN_OUTLET_NAMES = {o.casefold(): o for o in (*OUTLETS.values(), *AGENCIES.values())}
_KNOWN_OUTLETS = frozenset(_KNOWN_OUTLET_NAMES)
_KNOWN_NEWSPAPERS = frozenset(o.casefold() for o in OUTLETS.values()) - frozenset(
    a.casefold() for a in AGENCIES.values())



# A site's menu: three or more short items between bars.
_MENU_LINE = re.compile(r"[^|]{1,25}(?:\s\|\s[^|]{1,25}){2,}")


def _known_outlet(line: str) -> str | None:
    """The known outlet a line is the name of alone, as the line writes it ("THE WALL
    STREET JOURNAL." → "The Wall Street Journal", "DW")."""
    name = line.strip().rstrip(".")
    if name in OUTLET_SHORT_NAMES:
        return AGENCIES.get(name, name)  # "AP": the Associated Press; "DW"
    key = name.casefold()
    if key in _KNOWN_OUTLET_NAMES:
        known = _KNOWN_OUTLET_NAMES[key]
    elif key.startswith("the ") and key[4:] in _KNOWN_OUTLET_NAMES:
        known = "The " + _KNOWN_OUTLET_NAMES[key[4:]]
    else:
        return None
    return known if name.isupper() else name  # (capitals: as the outlet writes itself)


_DIGIT = re.compile(r"\d")


def _date_line(line: str) -> dict[str, str] | None:
    """The fields of a line that only dates the article, or None: a stamp without a colon
    ("Published December 14, 2025 at 9:02 a.m. EST", "Updated ..."), a date alone under the
    headline ("(Dec. 28, 2025)", "Ukrinform, 21.12.2025"), a masthead ("Kyiv Post |
    27.12.2025")."""
    if not _DIGIT.search(line):
        return None  # every date a stamp, a lone date or a masthead gives is written with digits
    return _date_fields(line)


def _date_fields(line: str) -> dict[str, str] | None:
    """_date_line of a line with a digit."""
    line = _unemphasised(line)
    if "–" in line or "-" in line:  # a weekly's edition: "February 14 – 20, 2026 | No. 592"
        line = _DAY_RANGE.sub(r"\1", line)  # is dated by its first day
    if line.isupper():  # "UPDATED MARCH 14, 2026 7:05 PM": months as dates write them
        line = _CAPS_MONTH.sub(lambda m: m.group().capitalize(), line)
    if stamp := _STAMP_LINE.match(line):
        key = stamp["k"].casefold()
        return _dated(stamp["v"], line,
                      "updated" if "update" in key or "modified" in key else "published")
    if debated := _DEBATED.search(line):  # Hansard: "Volume 777: debated on Thursday 18 ..."
        return _dated(debated["v"], line)
    bare = _TIME_AFTER.sub("", _UPDATED_AFTER.sub("", _TIME_BEFORE.sub("", line, 1), 1))
    bare = _WEEKDAY_AFTER_COMMA.sub("", bare, 1)
    if len(bare) <= 40 and _LONE_DATE.match(bare) and (dated := _dated(bare, line, either=True)):
        lead = bare.split(",", 1)[0].strip()
        known = lead.casefold() in _KNOWN_OUTLETS
        return {**dated, **({"outlet": lead} if known else {})}
    return _masthead(line)


_DAY_RANGE = re.compile(r"\b(\d{1,2})\s*[–-]\s*\d{1,2}\b(?=,?\s+(?:\d{4}\b|[A-Z][a-z]))")
# The day's name between an outlet and its date: "Ahram Online , Thursday 19 Feb 2026".
_WEEKDAY_AFTER_COMMA = re.compile(r"(?<=,)\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b,?")
# A time in a zone of the United States: "6:12 PM ET". Its dates are written month first.
_CAPS_MONTH = re.compile(r"\b(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\b")
_US_TIME = re.compile(
    r"\d[:.]\d{2}\s*(?:(?i:[ap]\.?m\.?)\s+)?(?:ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT)\b")


def _dated(value: str, line: str, key: str = "published", either: bool = False
           ) -> dict[str, str] | None:
    """The date a date value of `line` gives, as {key: ...}. A slash date valid both ways
    ("12/05/2025") is month first when the line's time is in a U.S. zone; else day first, or
    with `either` (a date line with no field name) both readings, for the article's own
    dates to decide (clean_article)."""
    readings = date_readings(value)
    if not readings:
        return None
    if len(readings) == 2 and _US_TIME.search(line):
        return {key: readings[1].isoformat()}
    if len(readings) == 2 and either:
        return {_EITHER: " ".join(d.isoformat() for d in readings)}
    return {key: readings[0].isoformat()}


def _masthead(line: str) -> dict[str, str] | None:
    """A short line of a few parts, one a date, the others an outlet or a byline: "Kyiv Post
    | 27.12.2025", "Reuters · December 27, 2025", "December 23, 2025, 6.02 p.m. • Interview
    conducted by ...". The date and a known outlet or a domain."""
    parts = [p.strip() for p in _MASTHEAD_SEP.split(line)]
    # a time a dash sets apart is its date's, no part of its own: "Keystone-SDA | Published:
    # 18.02.2026 – 20:41 | Updated: 18.02.2026 – 21:15"
    times = sum(1 for p in parts if _TIME_ONLY.fullmatch(p))
    if not 2 <= len(parts) <= 4 + times or any(  # (nor a part's time words: "10:21 pm IST")
        not p or (len(_TIME_AFTER.sub("", p).split()) > 6 and not _BYLINE_PART.search(p))
        for p in parts
    ):
        return None
    found: dict[str, str] = {}
    for part in parts:
        bare = _TIME_AFTER.sub("", part)
        key = "published"
        if (field := _FIELD.match(bare)) and (key := _canonical(field["key"])) in _STAMPS:
            bare = field["value"].strip()  # "Press release | Date: 06.01.2026 | No: 002/26",
            # "World News | Edited by Ritika Sharma | Updated: February 05, 2026 10:21 pm IST"
        if (not found.keys() & _DATES and key in _STAMPS and _LONE_DATE.match(bare)
                and (dated := _dated(bare, part, key, either=True))):
            found.update(dated)
        elif part.casefold() in _KNOWN_OUTLETS or (
            " " not in part and "." in part and _DOMAIN.fullmatch(part.rstrip("/"))
        ):
            found.setdefault("outlet", part)
    return found if found.keys() & _DATES else None


_TIME_ONLY = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,5})?")
_STAMPS = ("published", "updated")  # the fields a masthead's date may be given in
_DATES = frozenset((*_STAMPS, _EITHER))  # what a masthead's date is found as
# A byline part of a masthead line: a few words, "by", names ("Interview conducted by A and B").
_BYLINE_PART = re.compile(
    r"^(?:[A-Za-z]+\s+){0,3}[Bb]y\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&))*$"
)
# A time before a date alone on its line, and an update stamp after it: "14:32 17.12.2025
# (updated: 15:10 17.12.2025)".
_TIME_BEFORE = re.compile(  # "12:40 22.12.2025", "4:18 pm, December 22, 2025"
    r"^\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?,?\s+(?:on\s+)?(?=\d|[A-Z][a-z])")
_UPDATED_AFTER = re.compile(  # "(Updated ...)", "Updated 4 hours ago" after the stamp
    r"\s*(?:\((?:last\s+)?(?:updated|modified)\b[^()]{0,40}\)"
    r"|\[\s*(?:last\s+)?updated?\b[^\[\]]{0,60}\]"  # "[ Last Update: Wednesday, ... ]"
    r"|[|·–-]?\s*(?:last\s+)?(?:updated|modified)\s+(?:an?|\d{1,2})\s+"
    r"(?:min(?:ute)?s?|hours?|days?)\s+ago"
    # "07:12, Mon, Dec 29, 2025 | UPDATED: 09:45, Mon, Dec 29, 2025", and glued to the stamp
    # as a page's two lines become one: "11:35, 7 Jan 2026Updated 12:02, 7 Jan 2026", or
    # after a space ("17:45, 06 Jan 2026 Updated 21:10, 06 Jan 2026")
    r"|(?:\s*[|·•]\s*|(?<=\d)|(?<=\d\s))(?:last\s+)?(?:updated|modified)\b:?\s[^|]{4,40})$",
    re.IGNORECASE,
)
# A date line without a year under the headline: "Aired Thursday, Dec. 18 | 24 minutes".
_YEARLESS = re.compile(
    r"^(?:[A-Z][a-z]+\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"\s*(?:$|[|•·]\s)"
)


def _unemphasised(line: str) -> str:
    """A line without the Markdown emphasis around it ("*December 23, 2025 • ...*")."""
    bare = line.strip("*_")
    return bare.strip() if bare != line and len(line) - len(bare) <= 4 else line


def _yearless_dateline(line: str) -> bool:
    """Whether a line under the headline only dates the article, without its year: kept,
    so the publication date is inferred from it (the year from the other articles)."""
    return len(line) <= 80 and bool(_YEARLESS.match(_unemphasised(line)))


# The last word of a newspaper's or a broadcaster's name.
_PAPER_WORDS = frozenset(
    "news times post review journal herald gazette tribune chronicle observer independent"
    " guardian telegraph standard register courier inquirer mail express record monitor press"
    " dispatch bulletin examiner ledger sentinel mirror daily weekly digest magazine opinion"
    " radio".split()  # ("Polskie Radio")
)
# A broadcaster's name opens with "Radio" ("Radio Sweden") or ends in "World" after letters in
# capitals ("TRT World"): not a newspaper's word at the end.
_BROADCASTER = re.compile(r"Radio\s+[A-Z]\w+|[A-Z]{2,5}\s+World")
# A site's sections that end in "News" ("World News | Russia-Ukraine war"): not an outlet.
_SECTIONS = frozenset(
    "world breaking latest top local business politics sport sports international global"
    " live tech science health money uk us u.s. europe european foreign home domestic".split()
)
_DESK = re.compile(r"\s+(?:news\s+)?(?:desk|newsroom|staff)$", re.IGNORECASE)
# A credit line: a known outlet with the agency its copy draws on ("Le Monde with AFP").
_WITH_AGENCY = re.compile(r"(.{2,40}?)\s+with\s+(?:" + "|".join(AGENCIES) + r")$")
# How a credit line ends (no line holds "\n", before which "$" also matches): the regex, which
# tries forty starts, runs only on a line ending so.
_AGENCY_ENDINGS = tuple(AGENCIES)


def _masthead_name(line: str) -> str | None:
    """The outlet a masthead line names ("MERIDIAN REVIEW", "The Grand River Ledger", "BBC
    News", "The Kyiv Independent news desk"), or None: a short capitalised name ending in a
    newspaper's word, or a known outlet; before a section ("THE TIMES | WORLD", "The Kyiv
    Independent | Analysis")."""
    parts = _MASTHEAD_SEP.split(line.strip())
    if len(parts) == 2 and len(parts[1].split()) <= 3:
        line = parts[0]
    name = _DESK.sub("", line.strip())
    if known := _KNOWN_OUTLET_NAMES.get(name.casefold()):
        return known
    words = name.split()
    if not 1 <= len(words) <= 5:
        return None
    if _BROADCASTER.fullmatch(name):
        return name
    if name.casefold() not in _KNOWN_OUTLETS and (
        len(words) < 2
        or words[-1].rpartition("-")[2].casefold() not in _PAPER_WORDS  # "Post-Gazette"
        or (words[-1].casefold() == "news" and {w.casefold() for w in words[:-1]} <= _SECTIONS)
        or not all(w[:1].isupper() or w.casefold() in _NAME_LINKS for w in words)
    ):
        return None
    return " ".join(w.capitalize() if w.isupper() and len(w) > 3 else w for w in words)


# The last word of a reporter's role at an outlet: "CTV News Ottawa Bureau", "ITV News Europe
# Team", "CTVNews.ca Writer".
_ROLE_WORDS = frozenset("reporter correspondent writer bureau team staff editor".split())
# Beats that are also outlets' names ("Foreign Affairs Writer": a role, no outlet).
_BEATS = frozenset(("foreign affairs", "foreign policy"))


def _role_outlet(credit: str) -> str | None:
    """The outlet a byline's role opens with, the longest name that is one ("CTV News Ottawa
    Bureau" → "CTV News", "CTVNews.ca Writer" → its domain's outlet), or None ("Senior
    Foreign Affairs Writer", "Defence Correspondent")."""
    words = credit.split()
    if not 2 <= len(words) <= 6 or words[-1].casefold() not in _ROLE_WORDS:
        return None
    if "." in words[0] and _DOMAIN.fullmatch(words[0]):
        return outlet_from_source(words[0])
    for k in range(len(words) - 1, 1, -1):  # (a name of one word is a place or a beat)
        name = " ".join(words[:k])
        if name.casefold() not in _BEATS and (outlet := _masthead_name(name)):
            return outlet
    return None


def _byline_outlet(line: str, lines: list[str], n: int, body: str) -> str | None:
    """The outlet a line of the byline (line n) names: a reporter's role there (_role_outlet),
    or the outlet's name alone over the date or the dateline ("NL Times" over "Monday, 29
    December 2025 - 09:40", "The Baltic Times" over "RIGA, Feb 5 (LETA) – ..."); with its
    "The" where the page writes it so elsewhere ("Palm Beach Post" under the reporter's
    name, "for The Palm Beach Post." in the note on him)."""
    if len(line) > 60 or line[-1] in _END_PUNCT:
        return None
    if outlet := _role_outlet(line.split(",", 1)[0]):
        return outlet
    if not (outlet := _masthead_name(line)):
        return None
    after = _next_line(lines, n)
    if not (_date_line(after[:160]) or _DATELINE_TAG.match(after)):
        return None
    return "The " + outlet if not outlet.startswith("The ") and (
        "The " + outlet in body) else outlet


def _masthead_named_again(body: str, line: str) -> str | None:
    """The name a page's first line gives itself ("TVP World", "SWI swissinfo.ch", "Radio
    Prague International | News"), when the page names itself so again below (a byline's
    "TVP World / PAP", a footer's "Radio Prague International – Czech Radio's ..."): a name
    of two or more words, or a site's, and no section's."""
    name, *sections = (p.strip() for p in _MASTHEAD_SEP.split(line))
    if any(len(p.split()) > 3 for p in sections):
        return None  # "The Morning Dispatch - Episode 412: Money, ...": a headline
    if credit := _WITH_AGENCY.match(name):
        name = credit[1]  # "Le Monde with AFP — International — War in Ukraine"
    if known := _KNOWN_OUTLET_NAMES.get(name.casefold()):
        return known  # a known outlet over its page's sections
    words = name.split()
    if "edition" in name.casefold():
        return None  # "First Edition", "English Edition": a newsletter's or an edition's name
    if not (2 <= len(words) <= 4 or len(words) == 1 and "." in name) or not all(
        w[:1].isupper() or "." in w for w in words
    ) or {w.casefold() for w in words} <= _SECTIONS or name[-1] in ".!?:":
        return None
    again = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)(?!\s+[A-Z])",
                      body[body.find(line) + len(line) :], re.IGNORECASE if name.isupper() else 0)
    return name if again else None  # (as written, unless in capitals over the page; and not
    # inside a longer name: "National Security" in "the National Security Council")


def _is_label(line: str, lines: list[str], n: int) -> bool:
    """A section label over the headline (line n): a line of three words or less, or a
    breadcrumb of short parts ("Analysis | Europe & Eurasia", "World / Asia"), followed by a
    longer heading, perhaps under another label or two ("NATIONAL / POLITICS\nINTERVIEW")."""
    for _ in range(3):
        if not _is_short_label(line):
            return False
        n, after = _next_at(lines, n)  # (a headline may ask, or end in a quotation)
        if _is_heading(after.rstrip("?’'\"”")) and len(after.split()) >= 5:
            return True
        line = after
    return False


def _is_short_label(line: str) -> bool:
    """A line of three words or less, or of short parts ("World / Russia & Central Asia"):
    the shape of a section label."""
    parts = [p.split() for p in _MASTHEAD_SEP.split(line)]
    return len(parts[0]) <= 3 if len(parts) == 1 else all(len(p) <= 4 for p in parts)


def _next_line(lines: list[str], n: int) -> str:
    """The next non-blank line after line n, stripped ("" at the end)."""
    return _next_at(lines, n)[1]


def _next_at(lines: list[str], n: int) -> tuple[int, str]:
    """The index and the stripped text of the next non-blank line after line n."""
    for k in range(n + 1, len(lines)):
        if line := lines[k].strip():
            return k, line
    return len(lines), ""


def _quotes_someone(headline: str) -> bool:
    """Whether a headline holds a quotation of three or more words (its speaker named in
    it: "'We are not there yet': Witkoff says ..."), found as the article's quotations are."""
    from store.extract.quotes import find_quote_spans, word_count

    return any(word_count(headline[q.start : q.end]) >= 3 for q in find_quote_spans(headline))


_NAME_LINKS = frozenset(("of", "the", "and", "&", "via", "de", "du", "la", "le", "der", "die"))


def _names_a_site(value: str) -> bool:
    """Whether a "Source:" value names a site or an outlet ("www.ft.com", "Kyiv Post"), not a
    live page's entry headline ("Source: U.S. wants framework finalized ...")."""
    words = value.split()
    if not words or len(words) > 6:
        return False
    if len(words) == 1 and _DOMAIN.match(words[0]):
        return True
    return all(w[:1].isupper() or w[:1].isdigit() or w.casefold() in _NAME_LINKS for w in words)


# The words every form of an outlet mention holds (no two of them open at one place).
_TOLD_ANCHORS = ("told ", "reporting from", " reports.", " reported earlier",
                 " reported previously", " understands ", "Subscribe to ")
_TOLD_REACH = 160  # characters an outlet mention may run before or after its anchor word


@functools.cache
def _told_pattern() -> re.Pattern:
    """The outlet mentions. The names are one trie, which tries the longest name that fits
    first as a list of them longest first does, and a match opens with one of a few letters,
    which `re` skips ahead to."""
    outlets = {*OUTLETS.values(), *AGENCIES, *OUTLET_SHORT_NAMES}
    names = trie_pattern([re.escape(c) for c in name] for name in outlets)
    return re.compile(
        first_chars({name[0] for name in outlets} | {"t", "T"})
        # a news agency told is cited, and so is another outlet's programme or station whose
        # name a known one opens ("told BBC Radio Devon", in a local paper)
        + rf"(?:\btold (?:the )?({names})\b(?! news agency)(?![^\S\n]+[A-Z0-9])"
        rf"|\b({names})['’]s(?: \w+){{1,3}}, reporting from"
        rf"|\b({names}) reports\.|\b({names}) (?:has |had )?reported (?:earlier|previously)\b"
        rf"|\b(?:The )?({names}) understands\b"  # "Sky News understands that ..."
        rf"|\bSubscribe to (?:the )?({names})\b)")  # the outlet's own prompt


def _told_anchors(text: str) -> list[tuple[int, int]]:
    """The spans of the anchor words in `text`, from the left, none inside the one before (as
    one regex of them would find them): a few str.find are quicker than a regex that cannot
    skip to a letter of its own."""
    spots = []
    for word in _TOLD_ANCHORS:
        i = text.find(word)
        while i != -1:
            spots.append((i, i + len(word)))
            i = text.find(word, i + 1)
    spots.sort()
    out: list[tuple[int, int]] = []
    for start, end in spots:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def _told_outlet(text: str) -> str | None:
    """The outlet an article's own sources talk to ("..., he told the Financial Times", "the
    diplomat told DW"), whose correspondent reports ("Al Jazeera's Zein Basravi, reporting
    from Kyiv, said") or that names itself as an agency does ("..., Ukrinform reports.", "As
    Ukrinform reported earlier"), as the text names it: the one most often named so, if any.
    "Reuters reported" alone is another outlet's report, cited."""
    counts: dict[str, int] = {}
    found: set[int] = set()
    pattern = _told_pattern()
    # The outlet pattern is a long alternation with no literal start, slow over a whole
    # article; it runs only around the few words every form of it holds.
    for a0, a1 in _told_anchors(text):
        for m in pattern.finditer(text, max(0, a0 - _TOLD_REACH), a1 + _TOLD_REACH):
            if m.start() not in found:
                found.add(m.start())
                name = m[1] or m[2] or m[3] or m[4] or m[5] or m[6]
                counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _own_line(lines: list[str]) -> str | None:
    """The outlet a page's foot names as its own (_OWN_PROMPT, _SELF_DESCRIBED), the last
    line's first."""
    for line in reversed(lines[-_FOOT_LINES:]):
        s = line.strip()
        if s[:1].isupper() and (m := _OWN_PROMPT.match(s) or _SELF_DESCRIBED.match(s)) and (
                not _OWNER.search(m["own"])):
            return m["own"]
    return None


def _agency_named(caps: str) -> str:
    """An agency's name as written in capitals: the known spelling, else each part
    capitalised ("INTERFAX-UKRAINE" → "Interfax-Ukraine")."""
    known = _AGENCY_BY_NAME.get(caps.casefold())
    return known or "-".join(p.capitalize() for p in caps.split("-"))


_AGENCY_BY_NAME = {name.casefold(): full for name, full in AGENCIES.items()}


def _credited_outlet(s: str) -> str | None:
    """The outlet a byline credits (_CREDITED), or None; a few str tests first."""
    if len(s) > 100 or not (s[:3] in ("By ", "by ") or " | " in s or " · " in s
                            or " • " in s or "pecial to " in s):
        return None
    credit = _CREDITED.match(s)
    return _masthead_name(credit["outlet"]) if credit else None


def _copyright(s: str) -> re.Match[str] | None:
    """The copyright a line states, if it is one, or one of its " | " fields is: "© 2026
    The Kyiv Independent", "NZ Herald | nzherald.co.nz | © 2025 NZME Publishing Limited",
    written "(c)", or with the name first ("The Brussels Times © 2026 – All rights
    reserved"). With a year, a company's suffix or the rights reserved, or a newspaper's own
    name ("© The Japan Times"), so that a photo's credit ("© AFP") is none."""
    if "©" not in s and not s.startswith(("C", "(c)", "(C)")):
        if s.endswith(("reserved", "reserved.")) and (rights := _NAME_THEN_RIGHTS.match(s)):
            s = f"© {rights['name']}. All rights reserved"  # "Polish Radio English Service
        else:  # – All rights reserved"
            return None  # (most lines)
    fields = (s, *s.split(" | ")) if " | " in s else (s,)
    if (at := s.find(". ©")) > 0 and "reserved" in s[at:]:  # "Turkish Minute is an
        fields = (*fields, s[at + 2 :])  # independent news website covering Turkey. ©
        # Turkish Minute. All rights reserved." (not a newsletter's "© 2026 Oksana Lind.")
    for field in fields:
        field = field.strip()
        if field.startswith(("(c) ", "(C) ")):
            field = "©" + field[3:]
        elif (named := _NAME_THEN_COPYRIGHT.match(field)) is not None and (
            "reserved" in named["rest"].casefold() or _OWNER_AFTER.fullmatch(named["rest"])
            or named["rest"].startswith(". ")  # "RBC-Ukraine © 2026. Use of materials is ..."
        ):  # "Belfast Telegraph © 2025 Independent News & Media": the paper, its owner after
            # (not a blog theme's "COSMO MAG © 2015", the year alone)
            field = f"© {named['year']} {named['name']}"
        if field[:1] in "C©" and (m := _COPYRIGHT.match(field)) and (
            m["year"] or m["after"] or m["co"] or "reserved" in field.casefold()
            or m["outlet"].rstrip(".").casefold() in _KNOWN_NEWSPAPERS
        ):
            return m
    return None


_NAME_THEN_RIGHTS = re.compile(
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,5})\s+[-–—|]\s+All rights reserved\.?$")
_OWNER_AFTER = re.compile(r"\s+[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|&))*\.?\s*")
_NAME_THEN_COPYRIGHT = re.compile(
    r"(?!Copyright\b)(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})"
    r"\s+©\s*(?P<year>\d{4})(?P<rest>.*)$")


def _drop_line(s: str, found: dict[str, str], needles: bool = True) -> bool:
    """Whether a (stripped) line is boilerplate; metadata it carries goes into `found`.
    `needles`: whether the line may hold a word of _needle_lines (False: it holds none)."""
    if ":" in s and (m := _FIELD.match(s)) and (
        _canonical(m["key"]) != "source"
        or not m["value"].strip()
        or _names_a_site(_WIRES_AFTER.sub("", m["value"]))
        or _FIELD_SEP.search(s)
    ):
        for part in _FIELD_SEP.split(s):
            field = _FIELD.match(part.strip())
            key = _canonical(field["key"]) if field else None
            value = field["value"].strip() if field else ""
            if key == "source":
                value = _WIRES_AFTER.sub("", value)  # "SBS News, AAP": the site, its wires
                if value.casefold().startswith("agencies"):
                    continue  # "Source: Agencies/lk": the wires alone, no site
            if key and value:
                found.setdefault(key, value)
        return True
    if (m := _BIO.match(s)) and _at_most_words(s, 40):
        # "Keith Alvarado covers Palm Beach County ... for The Palm Beach Post. Email him
        # at ...", "... is The Australian's Europe correspondent": the writer's note names
        # the outlet (the line stays, as it always has)
        found.setdefault("outlet", m["owner"] or m["outlet"].rstrip("."))  # ("... for Vox.")
        return False
    if s.startswith(("Published in ", "This report by ")) and (m := _PUBLISHED_IN.match(s)):
        # a paper's footer: "Published in Dawn, December 20th, 2025", "This report by The
        # Canadian Press was first published Dec. 15, 2025."
        found.setdefault("outlet", m["outlet"])
        if dated := _dated(m["date"], s):
            for key, value in dated.items():
                found.setdefault(key, value)
        return True
    if m := _POST.match(s):
        found.setdefault("title", m["title"].strip())
        found.setdefault("outlet", m["outlet"].strip())
        return True
    if (m := _copyright(s)) is not None:
        name = m["brand"] or m["outlet"].rstrip(".")
        found.setdefault(_OWNED_BY if _OWNER.search(name) else "outlet", name)
        return True
    if _is_caption(s, needles):
        found.setdefault(_CAPTIONS, []).append(s)
        return True
    # (the word count last: without needles the boilerplate test is the cheaper one)
    if _is_boilerplate(s, needles) and (_at_most_words(s, 25) or _is_heading(s)):
        if s.startswith("Subscribe to ") and (m := _told_pattern().match(s)) and m[6]:
            found.setdefault(_MASTHEAD, m[6])  # "Subscribe to The Economist today."
        if (m := _OWN_PROMPT.match(s)) and not _OWNER.search(m["own"]):
            found.setdefault(_OWN_LINE, m["own"])  # "Sign up to the Mirror's free politics
            # newsletter" among the paragraphs
        return True
    if s[:1] in "Aa" and _PRINT_NOTE.match(s):
        return True
    if s.endswith(_AGENCY_ENDINGS) and (credit := _WITH_AGENCY.match(s)) and (
        outlet := _KNOWN_OUTLET_NAMES.get(credit[1].casefold())
    ):
        found.setdefault("outlet", outlet)
        return True
    if outlet := _credited_outlet(s):
        found.setdefault("outlet", outlet)  # "By Maggie Kowalczyk | Chicago Tribune"
        return True
    if _BYLINE.match(s):
        if "," in s and (outlet := _masthead_name(s.rsplit(",", 1)[1])
                         or _role_outlet(s.rsplit(",", 1)[1])):
            found.setdefault("outlet", outlet)  # "By Oksana Levchenko, Kyiv Post", "By Sophie
            # Redmond, ITV News Europe Reporter"
        return True
    return False


_BULLET = re.compile(r"[-•*–]\s")
_CLOCK_LINE = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?$", re.IGNORECASE)


def _credits_quotation(line: str, lines: list[str], n: int) -> bool:
    """Whether a line is a dash credit for the quotation ending the line before it ("— Umerov
    on Telegram" under the words in marks): the speaker's name, no heading."""
    if not line.startswith(("— ", "– ")):
        return False
    before = next((b.rstrip() for b in reversed(lines[:n]) if b.strip()), "")
    return before.endswith(('"', "”", "’"))


def _near_list(lines: list[str], n: int) -> bool:
    """A short line after a line ending in ':', or a bullet in a run of bullets after one, is a
    list item, not a stray headline."""
    bullet = _BULLET.match(lines[n].strip()) is not None
    for prev in reversed(lines[:n]):
        prev = prev.strip()
        if not prev:
            continue
        if bullet and _BULLET.match(prev):
            continue
        return prev.endswith(":")
    return False


def _join(lines: list[str]) -> str:
    """Lines back into text: runs of blank lines become one, no blank start or end."""
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
