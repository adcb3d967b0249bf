"""The results table, in Markdown, as `bench/RESULTS.md` holds it."""

from __future__ import annotations

from bench.steps import Row

METHOD = """\
## How each figure is measured

- **Corpus**: `bench/generate.py` writes synthetic articles (about 1,000 words each, seeded):
  codebook speakers by name, alias or role, made-up officials and anonymous sources, curly and
  straight quotation marks, the speaker before, after or inside a quotation, fragments, stated
  dates, datelines and relative weekdays, issue terms, boilerplate lines; a quarter of the
  quotations are statements several outlets report with cosmetic differences.
- **Build**: `Store.build(folder)` in a child process. Wall time, and CPU time (user + system)
  of that process divided by the number of articles: the build runs on one core, and CPU time
  is what the machine's load disturbs least. Peak memory is the child's `ru_maxrss`. The size is
  that of the `corpus/` folder written, apart from the per-article analyses the build caches
  there so that a later `parley add` re-reads no article (shown beside it).
- **Extraction**: `store.extract.article.analyse` (cleaning, sentences, quotations and speakers,
  issues, parties, clauses, date mentions) on up to 300 of the articles, one at a time in a
  child process, CPU time (`time.process_time()`) per article; reading the file is not counted.
  This is the per-article part of a build; the build's figure adds the corpus-wide pass
  (publication dates, events, merging quotes and events across outlets, positions, statuses)
  and writing the corpus and view file.
- **Start-up**: a child process runs the app headless with `App.run_test(size=(160, 48))`. The
  clock starts when the parent launches the process (so interpreter start and imports count)
  and stops at the *first full frame*: the moment Textual rendered the first frame in which
  every table on screen shows the row count it then keeps for 250 ms (at least one table with
  rows). Frames are recorded as Textual renders them (headless, they are rendered and not
  written); the counts are polled every 5 ms after `pilot.pause()` to know they have settled.
  Work the app does after that frame (warming caches in workers) is not counted. An empty
  Textual app (one `Static`) is measured the same way in the same run, runs alternating, after
  one discarded run of each; medians are compared. The ratio is the figure that counts: it
  cancels the speed of the machine. Children keep compiled bytecode (in a temporary folder),
  as an installed parley does.
- **Interaction**: one child process opens the dashboard on the corpus, waits for the first
  full frame, then for each scenario presses keys with the pilot (`--presses` per scenario).
  The figure is the **CPU time of the process** (`time.process_time()`, threads included) from
  `pilot.press(key)` to the end of the following `pilot.pause()`: the key handled, the panes
  updated, layout and the frame rendered by the compositor (headless: only the final write of
  escape codes to a terminal is skipped). Wall time of the same span is shown too, but the
  pilot's idle detection sleeps in 20 ms steps, so it is mostly harness (see the bare
  `DataTable` reference row, measured the same way in the same process). On a single-threaded
  event loop with nothing else to do, the CPU time is the latency a user feels. Scenarios:
  moving (`j`/`k` in the quotes pane), switching issue (`j`/`k` in the issues pane, which
  refills the others), switching pane (`1`–`4`), filtering (`p` party cycle in quotes, `f`
  status cycle in issues), searching (typing a word into the `/` filter, then deleting it).
- **Memory**: `ru_maxrss` of that dashboard process after the interactions.
- **Notes**: a child process loads the corpus (`Store.load()`), fills the notes file with
  `--notes` notes (default 5,000, `bench.notes_bench.fill`), then times `--saves` (default 300)
  `NotesStore.add` calls (lock, read, write a temp file, fsync, replace): p50 and p99.
- **Ingest**: seven articles the build did not see are added one at a time with
  `store.ingest.add` in a child process, wall time of each call. The first add after a plain
  `Store.build` makes the library (the corpus it was built from becomes its base) and so
  assembles the corpus whole; it is shown for information (the build filled the analysis
  cache, so it analyses only the new article). The six after it are the steady state: each
  analyses its article and writes one journal beside the corpus (store.incremental). Their
  median, with the range, is the figure against the target. The held-out articles have random
  dates among the corpus's, so their mentions often fall among a happening's others.
"""


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(rows: list[Row]) -> list[str]:
    lines = ["| Measure | Figure | Target | Result |", "|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {cell(r.measure)} | {cell(r.figure)} | {cell(r.target)} | {r.verdict} |")
    return lines


def render(
    machine: dict[str, str],
    sections: list[tuple[str, list[Row]]],
    notes: list[str],
    command: str,
) -> str:
    out = ["# parley benchmark results", "", f"Written by `{command}`.", ""]
    out += ["| Machine and versions | |", "|---|---|"]
    out += [f"| {cell(k)} | {cell(v)} |" for k, v in machine.items()]
    for title, rows in sections:
        out += ["", f"## {title}", ""] + table(rows)
    if notes:
        out += ["", "## Conditions", ""] + [f"- {n}" for n in notes]
    out += ["", METHOD]
    return "\n".join(out)
