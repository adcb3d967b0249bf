"""extract_events judges a tense only where it is read: `resolve` of the other kinds, and
`_scheduled` of a day plainly before or after publication, answer the same whatever it is."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.dates import DateExpr, Resolved, resolve
from store.extract.events import _resolve_reads_tense, _scheduled, _scheduled_reads_tense

_KINDS = ("ymd md dom ym m y weekday weekend week month year rel ahead ago holiday yearend"
          " anaphor").split()
_MODIFIERS = (None, "last", "next", "this", "the", "over the", "by", "until", "in", "since",
              "end of", "day", "overnight", "later this", "swap", "month", "week", "year",
              "the year", "next year", "the month", "this month")
_TENSES = (None, "past", "future")


@st.composite
def _exprs(draw) -> DateExpr:
    kind = draw(st.sampled_from(_KINDS))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    return DateExpr(0, 5, kind, year=draw(st.integers(2020, 2027)), month=month, day=day,
                    weekday=draw(st.integers(0, 6)), modifier=draw(st.sampled_from(_MODIFIERS)),
                    offset=draw(st.integers(-3, 3)))


_DAYS = st.dates(date(2024, 1, 1), date(2027, 12, 31))


@settings(max_examples=800, deadline=None)
@given(_exprs(), st.one_of(st.none(), _DAYS), st.one_of(st.none(), _DAYS))
def test_resolve_reads_the_tense_only_where_it_is_said_to(ex, pub, previous):
    if _resolve_reads_tense(ex):
        return
    try:
        results = {resolve(ex, pub, tense, previous) for tense in _TENSES}
    except (KeyError, ValueError):
        return  # an impossible combination (no such holiday, day or modifier)
    assert len(results) == 1


@settings(max_examples=400, deadline=None)
@given(_DAYS, st.one_of(st.none(), _DAYS), st.sampled_from(["day", "month", "year"]))
def test_scheduled_reads_the_tense_only_where_it_is_said_to(day, pub, precision):
    value = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}
    r = Resolved(value[precision], precision, "stated")
    if not _scheduled_reads_tense(r, pub):
        assert len({_scheduled(r, pub, tense) for tense in _TENSES}) == 1
    assert _scheduled_reads_tense(Resolved(None, "unknown", "relative"), pub)
