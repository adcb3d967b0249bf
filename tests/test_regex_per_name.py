"""Extraction makes no regular expression out of an article's names: `re` keeps 512 compiled
patterns, so a pattern per name is compiled afresh in nearly every article (and pushes the
fixed ones out of that cache), which cost about a tenth of extraction's time."""

from __future__ import annotations

import re._compiler
from pathlib import Path

from store.articles import RawArticle
from store.codebook import default_codebook_path, load_codebook
from store.extract.article import analyse


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
