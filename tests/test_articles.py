"""Reading article files: formats, sidecars and the problems reported for bad files."""

from __future__ import annotations

import json

from store.articles import Skipped, article_files, read_article
from store.extract.clean import clean_article


def test_markdown_markup_is_gone_and_its_date_is_stated(tmp_path):
    path = tmp_path / "brief.md"
    path.write_text(
        "# Ministers meet in Warsaw\n\n*Published 21 January 2026*\n\n"
        'Kallas said the fund "will **not** wait for [Washington](https://x.test)," '
        "before leaving.\n\n- Ministers agreed to **study** the options.\n"
    )
    raw = read_article(path)
    assert not isinstance(raw, Skipped)
    assert "*" not in raw.text and "](" not in raw.text and "#" not in raw.text
    clean = clean_article(raw.text, raw.name, raw.meta)
    assert clean.title == "Ministers meet in Warsaw"
    assert (clean.published, clean.published_basis) == ("2026-01-21", "stated")
    assert '"will not wait for Washington,"' in clean.text
    assert "Ministers agreed to study the options." in clean.text


def test_front_matter_survives_markdown(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Talks\noutlet: Example Times\npublished: 2026-01-05\n---\n"
                    "Negotiators met again on Monday.\n")
    raw = read_article(path)
    clean = clean_article(raw.text, raw.name, raw.meta)
    assert (clean.title, clean.outlet, clean.published) == ("Talks", "Example Times", "2026-01-05")


def test_sidecar_metadata_wins(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Negotiators met again on Monday in Geneva.\n")
    (tmp_path / "a.txt.meta.json").write_text(
        json.dumps({"outlet": "Wire", "published": "2026-02-02", "url": "https://w.test/a"})
    )
    raw = read_article(path)
    clean = clean_article(raw.text, raw.name, raw.meta)
    assert (clean.outlet, clean.published, clean.url) == ("Wire", "2026-02-02", "https://w.test/a")


def test_only_articles_are_listed(tmp_path):
    for name in ("a.txt", "b.md", "c.html", "codebook.toml", "README.md", ".hidden.txt",
                 "x.meta.json", "img.png"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in article_files(tmp_path)] == ["a.txt", "b.md", "c.html"]


def test_oversized_file_is_skipped(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * (1_100_000))
    got = read_article(path)
    assert isinstance(got, Skipped) and "larger than 5 MB" in str(got) and "huge.txt" in str(got)


def test_markdown_footnotes_are_paragraphs_without_their_markers(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(
        "Envoys left Geneva on Monday.[^1] Talks may resume.[^note]\n\n"
        "[^1]: An official speaking in Geneva on 3 March.\n"
        "[^note]: The minister said so on 4 March.\n"
    )
    raw = read_article(path)
    paragraphs = raw.text.strip().split("\n\n")
    assert paragraphs == [
        "Envoys left Geneva on Monday. Talks may resume.",
        "An official speaking in Geneva on 3 March.",
        "The minister said so on 4 March.",
    ]


def test_an_html_pages_footer_copyright_names_its_outlet(tmp_path):
    """The extractor drops a page's footer; its copyright line is kept for the outlet."""
    from store.articles import read_article
    from store.extract.clean import clean_article

    body = "".join(f"<p>Paragraph {n} of the story about the summit in Brussels, told at "
                   "length so that the extractor keeps it as the article.</p>" for n in range(8))
    page = tmp_path / "a.html"
    page.write_text(f"<html><head><title>Macron backs the loan</title></head><body>"
                    f"<div class='logo'>Le Monde</div><article><h1>Macron backs the loan</h1>"
                    f"{body}</article><footer><p>© Le Monde 2025</p></footer></body></html>",
                    encoding="utf-8")
    raw = read_article(page)
    assert clean_article(raw.text, raw.name).outlet == "Le Monde"


def test_an_html_pages_title_names_its_site_after_the_headline(tmp_path):
    from store.articles import read_article
    from store.extract.clean import clean_article

    body = "".join(f"<p>Paragraph {n} of the story about the truce appeal, told at length so "
                   "that the extractor keeps it as the article.</p>" for n in range(8))
    page = tmp_path / "a.html"
    page.write_text("<html><head><title>Pope renews appeal for Christmas truce - Vatican News"
                    f"</title></head><body><article><h1>Pope renews appeal for a truce</h1>{body}"
                    "</article></body></html>", encoding="utf-8")
    raw = read_article(page)
    assert clean_article(raw.text, raw.name).outlet == "Vatican News"


def test_an_html_live_pages_entry_times_are_kept(tmp_path):
    from store.articles import read_article

    entries = "".join(
        f"<section><p class='LiveBlogPost-timestamp'>{n}:05 PM ET</p><h2>Entry {n}</h2>"
        f"<p>Paragraph {n} of the live page about the talks in Berlin, told at length so that "
        "the extractor keeps it as the article.</p></section>" for n in range(1, 7)
    ) + "<section><p><time datetime='2025-12-15T19:20:00Z'>19.20 GMT</time></p><p>Last entry "
    "of the live page about the talks, told at length so that it is kept.</p></section>"
    page = tmp_path / "live.html"
    page.write_text(f"<html><head><title>Live updates: talks in Berlin</title></head><body>"
                    f"<article><h1>Live updates: talks in Berlin</h1>{entries}</article>"
                    "</body></html>", encoding="utf-8")
    lines = read_article(page).text.splitlines()
    assert "3:05 PM ET" in lines and "19.20 GMT" in lines
