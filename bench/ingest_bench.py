"""Adding one article to a large corpus: milliseconds per add, and where the time goes.

Generates `scale + adds` synthetic articles (bench.generate), builds the library corpus from
the first `scale` (store.ingest.reextract, which also fills the analysis cache), then adds the
held-out articles one at a time through `store.ingest.add`, as `parley add` does. Prints the
median and each add with its phases (read and analyse, assemble, cache, write, history).

    python -m bench.ingest_bench --scale 1000 [--adds 3] [--workdir DIR] [--reuse]

Target: one add to a 10,000-article corpus in at most 300 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import time
from pathlib import Path

TARGET_MS = 300.0


def prepare(scale: int, adds: int, workdir: Path, seed: int = 7, reuse: bool = False):
    """(store, held-out article paths, build seconds or None when reused)."""
    from bench.generate import generate
    from store import ingest
    from store.api import Store

    base = workdir / f"articles-{scale}-{seed}"
    extra = workdir / f"extra-{scale}-{seed}"
    data = workdir / f"data-{scale}-{seed}"
    if not (reuse and base.is_dir() and extra.is_dir()):
        shutil.rmtree(base, ignore_errors=True)
        shutil.rmtree(extra, ignore_errors=True)
        paths = generate(base, scale + adds, seed)
        extra.mkdir(parents=True)
        for p in paths[scale:]:
            shutil.move(str(p), extra / p.name)
    store = Store(data)
    built = None
    if not (reuse and store.has_corpus()):
        shutil.rmtree(data, ignore_errors=True)
        store = Store(data)
        t = time.perf_counter()
        ingest.reextract(store, folder=base)
        built = time.perf_counter() - t
    return store, sorted(extra.iterdir())[:adds], built


def run(
    scale: int, adds: int = 3, workdir: Path | None = None, seed: int = 7, reuse: bool = False
) -> dict:
    """The figures: add_ms (median), each add's ms and phases, the build's seconds."""
    from store import ingest
    from store.ingest import Library

    workdir = Path(workdir or "/tmp/parley-ingest-bench")
    store, held_out, built = prepare(scale, adds, workdir, seed, reuse)
    lib = Library.load(store.data_dir)
    known = {e.origin for e in lib.entries}
    runs = []
    for path in held_out:
        if str(path.resolve()) in known:
            continue  # added by an earlier reused run
        t = time.perf_counter()
        report = ingest.add(store, [path])
        ms = (time.perf_counter() - t) * 1000
        runs.append(
            {
                "article": path.name,
                "ms": ms,
                "analysed": report.analysed,
                "cached": report.cached,
                "sources": report.sources,
                "phases_ms": {k: v * 1000 for k, v in report.timings.items()},
            }
        )
    median = statistics.median(r["ms"] for r in runs) if runs else None
    return {
        "scale": scale,
        "build_s": built,
        "add_ms": median,
        "target_ms": TARGET_MS,
        "pass": median is not None and median <= TARGET_MS,
        "runs": runs,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1000)
    parser.add_argument("--adds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", default="/tmp/parley-ingest-bench")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="reuse the generated articles and built corpus of an earlier run",
    )
    args = parser.parse_args(argv)
    r = run(args.scale, args.adds, Path(args.workdir), args.seed, args.reuse)
    if r["build_s"] is not None:
        print(f"build of {args.scale} articles: {r['build_s']:.1f} s")
    for x in r["runs"]:
        phases = ", ".join(f"{k} {v:.0f}" for k, v in x["phases_ms"].items())
        print(
            f"add {x['article']}: {x['ms']:.0f} ms ({x['analysed']} analysed, "
            f"{x['cached']} cached; {phases})"
        )
    if r["add_ms"] is not None:
        verdict = "pass" if r["pass"] else "miss"
        print(
            f"add one article to {args.scale}: median {r['add_ms']:.0f} ms "
            f"(target {TARGET_MS:.0f} ms: {verdict})"
        )


if __name__ == "__main__":
    main()
