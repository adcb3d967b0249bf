"""The benchmark steps, each a function from a prepared corpus to rows of the results table.

A step whose code has not landed (an import fails, a child process exits with an error) gives
rows that say "not available" and why, so the command always writes its table.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.machine import REPO

BUILD_MS_TARGET = 5.0
STARTUP_RATIO_SEEDS = 1.5
STARTUP_RATIO_LARGE = 2.5
INTERACTION_P95_MS = 50.0
NOTES_P99_MS = 15.0
INGEST_MS = 300.0
DASHBOARD_MB = 400.0


class Unavailable(RuntimeError):
    """A step cannot run yet: its code is missing or failed."""


@dataclass(frozen=True)
class Row:
    measure: str
    figure: str
    target: str = ""
    verdict: str = ""  # pass | miss | n/a | "" (no target)


def verdict(ok: bool) -> str:
    return "pass" if ok else "**miss**"


def unavailable(measure: str, why: object, target: str = "") -> Row:
    reason = " ".join(str(why).split())[:160]
    return Row(measure, f"not available ({reason})", target, "n/a")


# Children keep their bytecode, as an installed parley does (pip compiles it): with
# PYTHONDONTWRITEBYTECODE set, every launch would compile parley's own modules from source
# (~40 ms) while Textual's come precompiled from site-packages. Kept outside the repo.
PYCACHE = Path(tempfile.gettempdir()) / "parley-bench-pycache"


def child(*args: str, timeout: float = 3600, env: dict | None = None) -> dict:
    """Run `python -m bench.child ARGS` and return the JSON it prints last."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONPYCACHEPREFIX": str(PYCACHE),
                **(env or {})}
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    full_env["BENCH_LAUNCH"] = repr(time.time())
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "bench.child", *args],
            cwd=REPO,
            env=full_env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as e:
        raise Unavailable(f"timed out after {timeout:.0f} s") from e
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        errors = [x for x in proc.stderr.strip().splitlines() if x.strip()]
        raise Unavailable(errors[-1] if errors else f"exit status {proc.returncode}")
    return json.loads(lines[-1])


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def mb(kilobytes: float) -> float:
    return kilobytes / 1024


# -- steps ------------------------------------------------------------------------------------
def build(articles: Path, data: Path, count: int, profile: Path | None = None) -> list[Row]:
    env = {"BENCH_PROFILE": str(profile)} if profile else None
    target = f"≤ {BUILD_MS_TARGET:.0f} ms"
    try:
        got = child("build", str(articles), str(data), env=env)
    except Unavailable as e:
        return [unavailable("build", e, target)]
    per_article = got["cpu"] * 1000 / max(count, 1)
    from store.analysis_cache import CACHE_DIR

    cached = data / "corpus" / CACHE_DIR
    cache = folder_bytes(cached) if cached.is_dir() else 0
    size = folder_bytes(data / "corpus") - cache
    return [
        Row(
            "build: wall time", f"{got['seconds']:.1f} s ({count / got['seconds']:.0f} articles/s)"
        ),
        Row(
            "build: CPU per article (one core)",
            f"{per_article:.1f} ms",
            target,
            verdict(per_article <= BUILD_MS_TARGET),
        ),
        Row("build: peak RSS (child process)", f"{mb(got['maxrss_kb']):.0f} MB"),
        Row(
            "build: corpus on disk",
            f"{size / 1e6:.1f} MB, and {cache / 1e6:.1f} MB of cached per-article analyses",
        ),
        Row(
            "build: extracted",
            f"{got['sources']} sources, {got['quotes']} quotes, "
            f"{got['events']} events ({got['skipped']} skipped)",
        ),
    ]


def extraction(articles: Path, limit: int = 300) -> list[Row]:
    """Per-article extraction alone (the corpus-wide pass is in the build's figure)."""
    target = f"≤ {BUILD_MS_TARGET:.0f} ms"
    measure = "extraction: CPU per article (one core)"
    try:
        got = child("extract", str(articles), str(limit))
    except Unavailable as e:
        return [unavailable(measure, e, target)]
    return [
        Row(
            measure,
            f"mean {got['mean_ms']:.1f} ms, p50 {got['p50_ms']:.1f}, p95 {got['p95_ms']:.1f} "
            f"({got['articles']} articles, {got['words']:.0f} words each)",
            target,
            verdict(got["mean_ms"] <= BUILD_MS_TARGET),
        )
    ]


def startup(data: Path, runs: int, ratio_target: float) -> list[Row]:
    """Parley and an empty Textual app, alternately, `runs` times each; medians compared."""
    empty, parley = [], []
    target = f"≤ {ratio_target:.1f}×"
    try:
        child("startup", "empty", timeout=120)  # discarded: compiles and caches the bytecode
        child("startup", "parley", str(data), timeout=300)
        for _ in range(runs):
            empty.append(child("startup", "empty", timeout=120)["seconds"])
            parley.append(child("startup", "parley", str(data), timeout=300)["seconds"])
    except Unavailable as e:
        return [unavailable("start-up: launch to first full frame", e, target)]
    e, p = statistics.median(empty), statistics.median(parley)
    return [
        Row("start-up: empty Textual app (median)", f"{e * 1000:.0f} ms (n={runs})"),
        Row(
            "start-up: parley dashboard (median)",
            f"{p * 1000:.0f} ms (min {min(parley) * 1000:.0f}, max {max(parley) * 1000:.0f})",
        ),
        Row("start-up: parley / empty", f"{p / e:.2f}×", target, verdict(p / e <= ratio_target)),
    ]


def dashboard(data: Path, presses: int = 20) -> list[Row]:
    mem_target = f"≤ {DASHBOARD_MB:.0f} MB"
    key_target = f"p95 ≤ {INTERACTION_P95_MS:.0f} ms"
    try:
        got = child("dashboard", str(data), str(presses), timeout=900)
    except Unavailable as e:
        return [
            unavailable("interaction: key press to updated screen", e, key_target),
            unavailable("memory: peak RSS, dashboard open", e, mem_target),
        ]
    rows = []
    for name, times in got["interactions_ms"].items():
        if isinstance(times, str) or not times["cpu"]:
            rows.append(unavailable(f"interaction: {name}", times or "no presses", key_target))
            continue
        cpu, wall = times["cpu"], times["wall"]
        p50, p95 = percentile(cpu, 0.5), percentile(cpu, 0.95)
        rows.append(
            Row(
                f"interaction: {name}",
                f"p50 {p50:.1f} ms, p95 {p95:.1f} ms CPU (n={len(cpu)}; pilot wall p50 "
                f"{percentile(wall, 0.5):.0f} ms)",
                key_target,
                verdict(p95 <= INTERACTION_P95_MS),
            )
        )
    base = got["baseline_ms"]
    rows.append(
        Row(
            "interaction: bare DataTable, same harness (reference)",
            f"p50 {percentile(base['cpu'], 0.5):.1f} ms, p95 {percentile(base['cpu'], 0.95):.1f}"
            f" ms CPU (pilot wall p50 {percentile(base['wall'], 0.5):.0f} ms)",
        )
    )
    peak = mb(got["maxrss_kb"])
    rows.append(
        Row(
            "memory: peak RSS, dashboard open",
            f"{peak:.0f} MB",
            mem_target,
            verdict(peak <= DASHBOARD_MB),
        )
    )
    return rows


def notes(data: Path, count: int = 5000, saves: int = 300) -> list[Row]:
    target = f"p99 ≤ {NOTES_P99_MS:.0f} ms"
    try:
        got = child("notes", str(data), str(count), str(saves), timeout=600)
    except Unavailable as e:
        return [unavailable("notes: durable save", e, target)]
    return [
        Row(
            "notes: durable save, corpus loaded",
            f"p50 {got['p50']:.1f} ms, p99 {got['p99']:.1f} ms "
            f"(n={got['saves']}, {got['notes']} notes in the file)",
            target,
            verdict(got["p99"] <= NOTES_P99_MS),
        ),
    ]


def ingest(data: Path, *paths: Path) -> list[Row]:
    target = f"≤ {INGEST_MS:.0f} ms"
    try:
        got = child("ingest", str(data), *map(str, paths), timeout=3600)
    except Unavailable as e:
        return [unavailable("ingest: one article into the corpus", e, target)]
    ms = got["seconds"] * 1000
    return [
        Row("ingest: first add after a plain build (assembles the corpus whole)",
            f"{got['first'] * 1000:.0f} ms"),
        Row(
            "ingest: one article into the corpus",
            f"median {ms:.0f} ms, min {got['min'] * 1000:.0f}, max {got['max'] * 1000:.0f} "
            f"(n={got['adds']}, one journal each, {got['analysed']} article analysed each)",
            target,
            verdict(ms <= INGEST_MS),
        ),
    ]
