"""An undated article's weekday pinned by a dated article's report of the same happening."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store.api import Store
from store.export import export_dict
from store.extract.dates import date_mentions, infer_published
from store.extract.sameday import REACH, KnownDays, name_units, pins
from store.extract.sentences import split_sentences

DATED_SUNDAY = (
    "Lavrov rules out a truce\n\n(Dec. 28, 2025)\n\n"
    "MOSCOW - Russia will not agree to a ceasefire, Foreign Minister Sergei Lavrov said, as "
    "U.S. President Donald Trump hosted Ukrainian President Volodymyr Zelensky at his "
    "Mar-a-Lago estate on Sunday.\n"
)
DATED_LATER = (
    "Coalition meets\n\nPublished: 2026-01-05\n\nEuropean leaders met in Paris on Monday to "
    "discuss a force for Ukraine.\n"
)
UNDATED = (
    "Zelensky says deal very close\n\n"
    'Zelensky said Monday that the meeting had brought a deal "very close to being done".\n\n'
    "Zelensky and Trump met for nearly three hours on Sunday, after Trump held a call with "
    "Putin the day before.\n\nDelegations are due to meet on Tuesday.\n"
)


def test_names_are_runs_of_capitalised_words_beyond_titles_and_calendar_words():
    found = name_units("On Sunday President Donald Trump hosted Zelensky at Mar-a-Lago, and "
                       "the United States and Ukrainian President Volodymyr Zelensky agreed.")
    assert found == [{"donald", "trump"}, {"zelensky"}, {"lago"}, {"united", "states"}]


def test_a_past_weekday_naming_a_dated_happening_is_pinned_to_its_day():
    sunday = date(2025, 12, 28)
    known = KnownDays.of([
        ("2025-12-28", "Trump hosted Zelensky at his Mar-a-Lago estate on Sunday."),
        ("2025-12-21", "Rubio met Umerov in Miami on Sunday."),  # another Sunday's happening
    ])
    mentions = date_mentions(UNDATED)
    found = pins(UNDATED, split_sentences(UNDATED), mentions, known, date(2026, 1, 5))
    assert found == [(sunday, sunday + timedelta(days=6))]  # the week from that Sunday
    corpus = [date(2025, 12, 28), date(2026, 1, 5), date(2026, 1, 9)]
    assert infer_published(UNDATED, corpus, mentions)[0] == "2026-01-05"  # nearest the median
    assert infer_published(UNDATED, corpus, mentions, found)[0] == "2025-12-29"


def test_a_weekday_whose_happening_shares_one_name_only_is_not_pinned():
    known = KnownDays.of([("2025-12-28", "Trump played golf in Florida on Sunday.")])
    mentions = date_mentions(UNDATED)
    assert pins(UNDATED, split_sentences(UNDATED), mentions, known, date(2026, 1, 5)) == []


def test_a_name_of_two_words_is_one_name():
    """"United States" in both sentences is one name in common, not two."""
    undated = "The United States said on Sunday that talks would go on.\n"
    known = KnownDays.of([("2025-12-28", "The United States sent envoys to Miami on Sunday.")])
    mentions = date_mentions(undated)
    assert pins(undated, split_sentences(undated), mentions, known, date(2026, 1, 5)) == []
    known = KnownDays.of([("2025-12-28", "Rubio met Witkoff in Miami on Sunday.")])
    undated = "Rubio and Witkoff met on Sunday, officials said.\n"
    assert pins(undated, split_sentences(undated), date_mentions(undated), known,
                date(2026, 1, 5)) == [(date(2025, 12, 28), date(2026, 1, 3))]


AHEAD = (
    "Talks end in Berlin\n\n"
    "The envoys met Zelensky on Monday. The focus shifts to Brussels, where EU leaders will "
    "decide on Thursday on a loan that Belgium has blocked.\n"
)


def test_a_weekday_still_to_come_is_pinned_with_publication_before_it():
    thursday = date(2025, 12, 18)
    known = KnownDays.of([("2025-12-18", "EU leaders met in Brussels on Thursday, where "
                                         "Belgium again blocked the loan.")])
    mentions = date_mentions(AHEAD)
    found = pins(AHEAD, split_sentences(AHEAD), mentions, known, date(2025, 12, 28))
    assert found == [(thursday - timedelta(days=7), thursday - timedelta(days=1))]
    corpus = [date(2025, 12, 19), date(2025, 12, 28), date(2026, 1, 6)]
    assert infer_published(AHEAD, corpus, mentions)[0] == "2025-12-29"  # near the median
    assert infer_published(AHEAD, corpus, mentions, found)[0] == "2025-12-17"


DATED = (("a.txt", DATED_SUNDAY), ("b.txt", DATED_LATER),
         ("c.txt", DATED_LATER.replace("2026-01-05", "2026-01-09")))


def _folder(tmp_path, articles) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in articles:
        (folder / name).write_text(text)
    return folder


def _add_undated_to_dated_library(tmp_path) -> Store:
    """The three dated articles extracted as a library, then the undated one added alone."""
    from store import ingest

    store = Store(tmp_path / "data")
    ingest.reextract(store, folder=_folder(tmp_path, DATED))
    added = tmp_path / "d.txt"
    added.write_text(UNDATED)
    ingest.add(store, [added])
    return store


def _published(store: Store) -> dict[str, str | None]:
    return {s["path"]: s["published"] for s in export_dict(store)["sources"]}


def test_a_build_dates_the_undated_article_from_the_dated_report_of_its_happening(tmp_path):
    store = Store(tmp_path / "data")
    store.build(_folder(tmp_path, (*DATED, ("d.txt", UNDATED))))
    assert _published(store)["d.txt"] == "2025-12-29"


LAST_MONTH = (
    "Starmer signs up to a force\n\n"
    "Starmer was speaking in Paris on Tuesday after the summit. The summit follows "
    "Zelensky's talks with Trump at Mar-a-Lago last month, at which security was discussed.\n"
)


def test_last_month_naming_a_dated_happening_puts_publication_in_the_month_after_it():
    known = KnownDays.of([("2025-12-28", "Trump hosted Zelensky at Mar-a-Lago on Sunday.")])
    mentions = date_mentions(LAST_MONTH)
    found = pins(LAST_MONTH, split_sentences(LAST_MONTH), mentions, known, date(2025, 12, 19))
    assert found == [(date(2026, 1, 1), date(2026, 1, 31))]
    corpus = [date(2025, 12, 16), date(2025, 12, 19), date(2025, 12, 29)]
    assert infer_published(LAST_MONTH, corpus, mentions)[0] == "2025-12-16"  # near the others
    assert infer_published(LAST_MONTH, corpus, mentions, found)[0] == "2026-01-06"


def test_a_build_dates_an_undated_article_from_a_happening_another_article_schedules(tmp_path):
    """A dated article's scheduled happening ("EU leaders meet in Brussels on Thursday") is
    a day too: the undated report of it in the past is published after it."""
    scheduling = ("Loan talks\n\nPublished: 2025-12-15\n\nEU leaders will meet in Brussels on "
                  "Thursday, where Belgium may block the loan.\n")
    later = [(f"{n}.txt", f"Other news\n\nPublished: {day}\n\nNothing happened.\n")
             for n, day in (("b", "2025-12-28"), ("c", "2025-12-29"))]
    undated = ("Loan agreed\n\nEU leaders met in Brussels on Thursday, and Belgium let the "
               "loan through.\n")
    store = Store(tmp_path / "data")
    store.build(_folder(tmp_path, (("a.txt", scheduling), *later, ("d.txt", undated))))
    assert _published(store)["d.txt"] == "2025-12-18"  # (not the 25th, near the others)


def test_an_added_article_is_dated_from_the_corpus_happening_as_a_build_dates_it(tmp_path):
    assert _published(_add_undated_to_dated_library(tmp_path))["d.txt"] == "2025-12-29"


def test_days_read_only_to_date_an_added_article_are_not_written(tmp_path, monkeypatch):
    import marshal

    from store import incremental as inc
    from store import ingest

    monkeypatch.setattr(ingest, "JOURNAL_SHARE", 1000.0)  # an add goes through a journal
    deltas = []
    plan = inc.plan_add
    monkeypatch.setattr(inc, "plan_add", lambda *a, **k: deltas.append(plan(*a, **k)) or
                        deltas[-1])
    _add_undated_to_dated_library(tmp_path)
    days = {k: marshal.loads(v) for k, v in deltas[-1].sections.items() if "eday+:" in k}
    assert days and all(any(part for part in changes) for changes in days.values())


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.integers(0, 40),
        st.lists(st.frozensets(st.sampled_from("abcdefg"), max_size=4), max_size=4),
        max_size=12,
    ),
    st.integers(0, 40), st.integers(0, 6),
    st.lists(st.frozensets(st.sampled_from("abcdefg"), min_size=1, max_size=2), max_size=4),
)
def test_days_sharing_finds_the_days_a_walk_over_every_happening_finds(by_day, at, wd, own):
    """The days found are those a walk over every happening finds, counting the names of
    which a happening has words."""
    start = date(2025, 12, 1)
    day = {start + timedelta(days=k): v for k, v in by_day.items()}
    known = KnownDays(lambda d: day.get(d, []))
    anchor = start + timedelta(days=at)
    walked = {d for d, happenings in day.items() for words in happenings
              if d.weekday() == wd and abs((d - anchor).days) <= REACH
              and len([name for name in own if name & words]) >= 2}
    assert known.days_sharing(anchor, wd, own) == walked
