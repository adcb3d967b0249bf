"""The one benchmark command: speed and memory of parley, written as a table in the repo.

    python -m bench.run --scale 1000 [--scale 10000] [--out bench/RESULTS.md]

For the bundled seeds and for each scale: generate a synthetic corpus, build it, time the
dashboard's start-up against an empty Textual app, key presses, note saves and the ingest of
one more article, and measure peak memory. Each target is shown beside its figure.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench import machine, steps
from bench.generate import generate
from bench.report import render
from bench.steps import Row

HELD_OUT = 7  # articles added after the build: the first, then six in the steady state


def seeds_section(work: Path, runs: int) -> list[Row]:
    from store.codebook import bundled_seeds_dir

    seeds = bundled_seeds_dir()
    data = work / "data-seeds"
    count = len(list(seeds.glob("*.txt")))
    rows = guarded("extraction", steps.extraction, seeds)
    rows += guarded("build", steps.build, seeds, data, count)
    if (data / "corpus").exists():
        rows += guarded("start-up", steps.startup, data, runs, steps.STARTUP_RATIO_SEEDS)
    else:
        rows.append(steps.unavailable("start-up", "no corpus was built"))
    return rows


def scale_section(
    work: Path,
    scale: int,
    seed: int,
    runs: int,
    profile: bool,
    notes: tuple[int, int],
    presses: int,
) -> list[Row]:
    articles = work / f"articles-{scale}"
    t0 = time.perf_counter()
    paths = generate(articles, scale + HELD_OUT, seed)
    held_out = [work / f"ingest-{scale}" / p.name for p in paths[-HELD_OUT:]]
    held_out[0].parent.mkdir(parents=True, exist_ok=True)
    for path, kept in zip(paths[-HELD_OUT:], held_out, strict=True):
        path.rename(kept)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths[:-HELD_OUT])
    rows = [
        Row(
            "corpus: synthetic articles",
            f"{scale} articles, {words / scale:.0f} words each on "
            f"average, {steps.folder_bytes(articles) / 1e6:.1f} MB "
            f"(generated in {time.perf_counter() - t0:.1f} s, seed {seed})",
        )
    ]
    data = work / f"data-{scale}"
    prof = work / f"build-{scale}.prof" if profile else None
    rows += guarded("extraction", steps.extraction, articles)
    rows += guarded("build", steps.build, articles, data, scale, prof)
    if prof and prof.exists():
        print_profile(prof)
    if not (data / "corpus").exists():
        return rows + [steps.unavailable("dashboard, notes and ingest", "no corpus was built")]
    rows += guarded("start-up", steps.startup, data, runs, steps.STARTUP_RATIO_LARGE)
    rows += guarded("interaction and memory", steps.dashboard, data, presses)
    rows += guarded("notes", steps.notes, data, *notes)
    rows += guarded("ingest", steps.ingest, data, *held_out)
    return rows


def guarded(measure: str, step, *args) -> list[Row]:
    """A step's rows; a step that breaks on an unexpected result is reported, not fatal."""
    try:
        return step(*args)
    except Exception as e:  # noqa: BLE001 - the table must still be written
        return [steps.unavailable(measure, f"{type(e).__name__}: {e}")]


def print_profile(path: Path, top: int = 25) -> None:
    import pstats

    print(f"-- build profile ({path}), by own time --", file=sys.stderr)
    pstats.Stats(str(path), stream=sys.stderr).sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, action="append", help="articles (repeatable)")
    parser.add_argument("--out", type=Path, default=machine.REPO / "bench" / "RESULTS.md")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=5, help="start-up runs per app (median)")
    parser.add_argument("--notes", type=int, default=5000, help="notes in the file when saving")
    parser.add_argument("--saves", type=int, default=300, help="timed note saves")
    parser.add_argument("--presses", type=int, default=40, help="timed key presses per scenario")
    parser.add_argument("--no-seeds", action="store_true", help="skip the bundled seeds")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of each build")
    parser.add_argument("--work", type=Path, help="keep the corpora in this folder")
    args = parser.parse_args(argv)
    scales = args.scale or [1000]
    command = "python -m bench.run " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
    work = args.work or Path(tempfile.mkdtemp(prefix="parley-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    sections, conditions = [], []
    started = time.perf_counter()
    first_commit, first_dirty = machine.commit(), machine.dirty()
    try:
        if not args.no_seeds:
            load = machine.load()
            sections.append(("Bundled seeds", seeds_section(work, args.runs)))
            conditions.append(f"Bundled seeds: load average {load} before, {machine.load()} after.")
            print(f"seeds done ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        for scale in scales:
            load = machine.load()
            rows = scale_section(
                work,
                scale,
                args.seed,
                args.runs,
                args.profile,
                (args.notes, args.saves),
                args.presses,
            )
            sections.append((f"{scale:,} articles", rows))
            conditions.append(
                f"{scale:,} articles: load average {load} before, {machine.load()} after."
            )
            print(f"{scale} done ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    if machine.commit() != first_commit:
        conditions.append(
            f"The code changed during the run: commit {first_commit} at the start, "
            f"{machine.commit()} at the end; each step ran the code of its own start."
        )
    if first_dirty:
        conditions.append(
            "Uncommitted changes in the working tree at the start: " + ", ".join(first_dirty)
        )
    conditions.append(
        f"Whole run: {time.perf_counter() - started:.0f} s. The machine is shared with other "
        "work (tests, builds); load averages above 1 per core mean the timings are pessimistic."
    )
    text = render(machine.describe(), sections, conditions, command)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
