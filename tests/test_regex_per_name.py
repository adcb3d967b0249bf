"""Extraction makes no regular expression out of an article's names: `re` keeps 512 compiled
patterns, so a pattern per name is compiled afresh in nearly every article (and pushes the
fixed ones out of that cache), which cost about a tenth of extraction's time."""

from __future__ import annotations

import re
import re._compiler
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store.articles import RawArticle
from store.codebook import default_codebook_path, load_codebook
from store.extract.article import analyse
from store.extract.speakers.memory import _courtesy_title


def _raw(name: str, text: str) -> RawArticle:
    return RawArticle(Path(name), name, text.encode(), text, None)


ARTICLE = """Warsaw weighs its part in a reassurance force

WARSAW, Dec 16 (Reuters) - Poland will not send troops to Ukraine, an envoy said on Tuesday.

"We will help, but not with soldiers on the ground," said Tadeusz Wrzosowski after a meeting
in Berlin. Wrzosowski, the deputy head of the foreign ministry, has led the talks since May.

Wrzosowski was Polish ambassador in Kyiv until 2023. Mr Wrzosowski said the president had
asked him to stay. "The president made him our envoy," said Anna Wrzosowska, his deputy.
Wrzosowska made him laugh. "He is the right man," she said.

Asked about the talks, Wrzosowski said: "They are going in a good direction."
"""


def test_no_pattern_is_compiled_from_an_articles_names(monkeypatch):
    codebook = load_codebook(default_codebook_path())
    # the fixed patterns are compiled once, on another article (other names)
    analyse(_raw("warm.txt", ARTICLE.replace("Wrzosowsk", "Kowalsk")), codebook)
    compiled: list[str] = []
    compile_ = re._compiler.compile

    def recording(pattern, flags=0):
        compiled.append(str(pattern))
        return compile_(pattern, flags)

    monkeypatch.setattr(re._compiler, "compile", recording)
    analysis = analyse(_raw("a.txt", ARTICLE), codebook)
    assert any(q.speaker == "Tadeusz Wrzosowski" for q in analysis.quotes)
    assert [p for p in compiled if "Wrzosowsk" in p or "Kowalsk" in p] == []


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["Mr", "Mrs", "Ms", "Sir", "Dame", ".", " ", "\n", "Kos", "Kosa",
                                 "_", "a", "’s", "-"]), max_size=12).map("".join),
       st.sampled_from(["Kos", "Kosa", "a"]))
def test_a_courtesy_title_is_the_first_one_written_before_the_surname(text, surname):
    plain = re.search(rf"\b(Mr|Mrs|Ms|Sir|Dame)\.?\s+{re.escape(surname)}\b", text)
    assert _courtesy_title(text, surname) == (plain[1] if plain else None)
