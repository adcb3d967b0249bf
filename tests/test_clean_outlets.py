"""The outlet a page shows its reader: its masthead, byline and own lines, over its owner's."""

from __future__ import annotations

import pytest

from store.extract.clean import clean_article

BODY = "The envoys met on Sunday and talked for five hours, officials said."
HEADLINE = "Envoys narrow the gaps on security guarantees after Sunday talks"


@pytest.mark.parametrize(("top", "outlet"), [
    # a newspaper's word after a hyphen
    ("By Anna Berg\nHarbourtown Post-Gazette", "Harbourtown Post-Gazette"),
    # a broadcaster's masthead, before a section ("Polskie Radio - English Section")
    ("Radio Lakeland - English Section", "Radio Lakeland"),
    ("Baltic Radio - English Section", "Baltic Radio"),
    ("NRT World\nWORLD | POLITICS", "NRT World"),
])
def test_a_masthead_of_a_paper_or_a_broadcaster(top, outlet):
    c = clean_article(f"{top}\n\n{HEADLINE}\n\n{BODY}", "a.txt")
    assert (c.outlet, c.title, c.text) == (outlet, HEADLINE, BODY)


@pytest.mark.parametrize("top", ["Europe World", "The World", "Radio"])
def test_a_section_or_a_short_title_is_no_broadcaster(top):
    c = clean_article(f"{top}\n\n{HEADLINE}\n\n{BODY}", "a.txt")
    assert c.outlet is None
