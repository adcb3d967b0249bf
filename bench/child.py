"""What a benchmark runs in its own process, so its peak memory and start-up are its own.

    python -m bench.child build ARTICLES DATA        build a corpus; time, CPU, peak RSS
    python -m bench.child extract ARTICLES [N]       per-article extraction CPU (analyse)
    python -m bench.child startup empty|parley DATA  launch to first full frame (headless)
    python -m bench.child dashboard DATA [PRESSES]   key press to updated screen; peak RSS
    python -m bench.child notes DATA [N] [SAVES]     durable note saves, corpus loaded
    python -m bench.child ingest DATA FILE1 FILE2     add two articles, one at a time

Each prints one JSON object as its last line of output. `BENCH_LAUNCH` (a `time.time()` taken
by the parent just before it started this process) makes start-up include interpreter start
and imports, as a user launching the dashboard would feel it.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time

POLL = 0.005  # seconds between looks at the panes while waiting for the first full frame
SETTLE = 0.25  # the panes' row counts must hold this long to count as final
TIMEOUT = 120.0
SIZE = (160, 48)


def _usage() -> dict:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": ru.ru_utime + ru.ru_stime, "maxrss_kb": ru.ru_maxrss}


def _emit(result: dict) -> None:
    print(json.dumps(result), flush=True)


def build(articles: str, data: str) -> dict:
    from store.api import Store

    t0 = time.perf_counter()
    report = Store(data).build(articles)
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "sources": report.sources,
        "quotes": report.quotes,
        "events": report.events,
        "skipped": len(report.skipped),
        **_usage(),
    }


def extract(articles: str, limit: str = "300") -> dict:
    """CPU time of the per-article extraction (clean, sentences, quotes and speakers, issues,
    parties, clauses, dates) of up to `limit` articles, each read first: the part of a build
    that is done once per article, apart from the corpus-wide pass that merges them."""
    from pathlib import Path

    from store.articles import RawArticle, article_files, read_article
    from store.codebook import default_codebook_path, load_codebook
    from store.extract.article import analyse
    from store.extract.countries import world
    from store.extract.speakers.matcher import matcher_for

    folder = Path(articles)
    codebook = load_codebook(default_codebook_path(folder))
    raws = [r for r in map(read_article, article_files(folder)[: int(limit)])
            if isinstance(r, RawArticle)]
    analyse(raws[0], codebook)  # warm: the codebook's matchers are built once per process,
    world(matcher_for(codebook))  # as is the world's countries (read on first need)
    times, words = [], 0
    for raw in raws:
        t0 = time.process_time()
        analyse(raw, codebook)
        times.append((time.process_time() - t0) * 1000)
        words += len(raw.text.split())
    ordered = sorted(times)
    return {
        "articles": len(times),
        "mean_ms": sum(times) / len(times),
        "p50_ms": ordered[len(ordered) // 2],
        "p95_ms": ordered[round(0.95 * (len(ordered) - 1))],
        "words": words / len(times),
    }


def _row_counts(app) -> tuple[int, ...]:
    """Rows of every list on screen: parley's virtual lists and any DataTable."""
    from textual.widgets import DataTable

    from tui.components.entry_table import EntryTable

    tables = [*app.screen.query(EntryTable), *app.screen.query(DataTable)]
    return tuple(t.row_count for t in tables)


def record_frames(app) -> list[tuple[float, tuple[int, ...]]]:
    """(`time.time()`, row counts) of every frame the app renders from now on.

    Headless, Textual renders each frame (`App._display`) but writes it nowhere; the moment it
    is rendered is when a terminal would receive it."""
    frames: list[tuple[float, tuple[int, ...]]] = []
    display = app._display

    def recorded(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None and not app._batch_count:
            frames.append((time.time(), _row_counts(app)))

    app._display = recorded
    return frames


async def wait_first_full_frame(app, pilot, frames=None) -> float:
    """`time.time()` of the first frame that showed the rows the panes then kept.

    A frame is full when the row counts of every table on screen have stopped changing and at
    least one table has rows; an app without tables is full once mounted. With `frames`
    (record_frames), the figure is when that frame was rendered; without, when the pilot
    first saw the counts (after the app went idle, so any work that follows the frame counts).
    """
    deadline = time.monotonic() + TIMEOUT
    await pilot.pause()
    state, since, stamp = None, time.monotonic(), time.time()
    while time.monotonic() < deadline:
        counts = _row_counts(app)
        if counts != state:
            state, since, stamp = counts, time.monotonic(), time.time()
        elif (not counts or any(counts)) and time.monotonic() - since >= SETTLE:
            return _first_frame_with(frames, state, stamp)
        await asyncio.sleep(POLL)
        await pilot.pause()
    raise TimeoutError(f"the panes did not settle within {TIMEOUT:.0f} s (rows: {state})")


def _first_frame_with(frames, counts: tuple[int, ...], seen: float) -> float:
    """When the first frame of the final run of frames with `counts` was rendered."""
    first = None
    for at, shown in frames or ():
        if shown == counts:
            first = at if first is None else first
        else:
            first = None
    return first if first is not None and first <= seen else seen


def _make_app(kind: str, data: str | None):
    if kind == "empty":
        from textual.app import App
        from textual.widgets import Static

        class EmptyApp(App):
            def compose(self):
                yield Static("ready")

        return EmptyApp()
    from store.api import Store
    from tui.app import ParleyApp

    return ParleyApp(Store(data))


async def _startup(kind: str, data: str | None) -> dict:
    launch = float(os.environ.get("BENCH_LAUNCH", time.time()))
    app = _make_app(kind, data)
    frames = record_frames(app)
    async with app.run_test(size=SIZE) as pilot:
        stamp = await wait_first_full_frame(app, pilot, frames)
        rows = _row_counts(app)
    return {"seconds": stamp - launch, "rows": list(rows), **_usage()}


# Each scenario: (name, keys that set it up, the cycle of timed keys, keys that tidy up).
SCENARIOS = (
    ("move (j/k in the quotes pane)", ["3"], ["j", "j", "k"], []),
    ("switch issue (j/k in the issues pane)", ["1"], ["j", "k"], []),
    ("switch pane (1-4)", [], ["1", "2", "3", "4"], []),
    ("filter (party cycle in quotes)", ["3"], ["p"], []),
    ("filter (status cycle in issues)", ["1"], ["f"], []),
    (
        "search (type in the filter)",
        ["3", "slash"],
        list("ukraine") + ["backspace"] * 7,
        ["escape"],
    ),
)


async def _timed_presses(pilot, keys: list[str]) -> tuple[list[float], list[float]]:
    """Per key: wall ms and process CPU ms from `press` to the end of the next `pause`.

    The pilot's idle detection sleeps in steps of 20 ms, so the wall figure carries that
    overhead; the CPU figure is the work the process did for the key (handling, refresh,
    layout and render of the frame), threads included.
    """
    wall, cpu = [], []
    for key in keys:
        t0, c0 = time.perf_counter(), time.process_time()
        await pilot.press(key)
        await pilot.pause()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


async def _dashboard(data: str, presses: int) -> dict:
    app = _make_app("parley", data)
    results: dict[str, object] = {}
    async with app.run_test(size=SIZE) as pilot:
        await wait_first_full_frame(app, pilot)
        for name, setup, cycle, tidy in SCENARIOS:
            keys = (cycle * (presses // len(cycle) + 1))[:presses]
            try:
                for key in setup:
                    await pilot.press(key)
                await pilot.pause()
                wall, cpu = await _timed_presses(pilot, keys)
                for key in tidy:
                    await pilot.press(key)
                await pilot.pause()
                results[name] = {"wall": wall, "cpu": cpu}
            except Exception as e:  # noqa: BLE001 - a missing key is reported, not fatal
                results[name] = f"{type(e).__name__}: {e}"
        rows = _row_counts(app)
    baseline = await _baseline(presses)
    return {"interactions_ms": results, "baseline_ms": baseline, "rows": list(rows), **_usage()}


async def _baseline(presses: int) -> dict:
    """The same measure on a bare DataTable of 1,000 rows: the harness's own share."""
    from textual.app import App
    from textual.widgets import DataTable

    class TableApp(App):
        def compose(self):
            yield DataTable()

        def on_mount(self):
            table = self.query_one(DataTable)
            table.add_columns("n", "text")
            for n in range(1000):
                table.add_row(str(n), f"row {n} " * 8)
            table.focus()

    app = TableApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        wall, cpu = await _timed_presses(pilot, (["down", "down", "up"] * presses)[:presses])
    return {"wall": wall, "cpu": cpu}


def notes(data: str, count: str = "5000", saves: str = "300") -> dict:
    """Durable note saves with the corpus loaded and a full notes file, as in the dashboard."""
    import random

    from bench.notes_bench import fill, sentence
    from store.api import Store

    store = Store(data)
    store.load()
    rng = random.Random(5)
    fill(store.notes_path, int(count), rng)
    notes = store.notes
    notes.notes()
    kinds = ("issue", "quote", "event")
    times = []
    for i in range(int(saves)):
        text = sentence(rng, 6, 30)
        t0 = time.perf_counter()
        notes.add(kinds[i % 3], f"{i:016x}", text)
        times.append((time.perf_counter() - t0) * 1000)
    ordered = sorted(times)
    return {
        "p50": ordered[round(0.5 * (len(ordered) - 1))],
        "p99": ordered[round(0.99 * (len(ordered) - 1))],
        "saves": len(times),
        "notes": int(count),
        **_usage(),
    }


def ingest(data: str, *paths: str) -> dict:
    """Articles added one at a time through the ingest engine (`store.ingest.add`).

    The first add after a plain build assembles the corpus whole (it becomes the library's
    base); the others are the steady state a user adding articles lives in, one journal
    each: their median and range are the figure (articles differ: one that joins a quote
    a thousand outlets reported costs more than one that starts its own).
    """
    from store.api import Store

    try:
        from store.ingest import add
    except ImportError as e:
        raise SystemExit(f"the ingest engine has not landed ({e})") from e
    store = Store(data)
    times, analysed = [], 0
    for path in paths:
        t0 = time.perf_counter()
        report = add(store, [path])
        times.append(time.perf_counter() - t0)
        if not report.added:
            raise SystemExit(f"{path}: not added ({'; '.join(report.lines())})")
        analysed = max(analysed, report.analysed)
    steady = sorted(times[1:])
    return {"first": times[0], "seconds": steady[len(steady) // 2], "min": steady[0],
            "max": steady[-1], "adds": len(steady), "analysed": analysed, **_usage()}


def main(argv: list[str]) -> None:
    command, *args = argv
    if command == "build":
        profile = os.environ.get("BENCH_PROFILE")
        if profile:  # a cProfile dump of the build, to find where its time goes
            import cProfile

            with cProfile.Profile() as prof:
                result = build(*args)
            prof.dump_stats(profile)
            _emit(result)
        else:
            _emit(build(*args))
    elif command == "extract":
        _emit(extract(*args))
    elif command == "startup":
        kind, *rest = args
        _emit(asyncio.run(_startup(kind, rest[0] if rest else None)))
    elif command == "ingest":
        _emit(ingest(*args))
    elif command == "notes":
        _emit(notes(*args))
    elif command == "dashboard":
        presses = int(args[1]) if len(args) > 1 else 20
        _emit(asyncio.run(_dashboard(args[0], presses)))
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
