"""Ingest throughput: parse alone, and parse + store into a fresh SQLite file.

Usage (from the repository root)::

    python benchmarks/ingest.py [--seeds DIR] [--count 500] [--db URL]
                                [--include-example] [--only parse|store]
                                [--json FILE] [--check]

The seed documents (``../shared/seeds/*.txt`` relative to the repository root by
default; ``examples/demo-999001-2025.txt`` too with ``--include-example``) are
read once into memory and repeated until there are at least ``--count`` documents
(every seed the same number of times). Copy ``k`` of a seed is its bytes followed
by ``k`` extra newlines: the text parses the same, but the sha256 differs, so the
store — which skips bytes it already holds — really writes every copy. Copies of
one seed share its unit code and fiscal year, so from the second copy on the store
records a *new version* of that disclosure: the "parse + store" figure therefore
exercises the versioning path, which is what re-importing corrected files does.

Modes:
  parse          ``jixiao.ingest.parse_disclosure(data, path=...)`` over in-memory bytes.
  parse + store  the same, then ``jixiao.store.save_disclosure(engine, disclosure)``
                 into a database opened once with ``jixiao.store.connect(url)``
                 (opening and migrating are timed separately, not in the rate).

Without ``--db`` a fresh SQLite file in a temporary folder is used and removed at
the end. A ``--db`` you give should name an empty database.

Targets (docs/benchmarks.md): parse >= 5 MB/s; parse + store >= 100 documents/s on
the 2-core reference machine. ``--check`` makes the exit status 1 when a measured
mode misses its target. MB = 10**6 bytes of input.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = REPO_ROOT.parent / "shared" / "seeds"
EXAMPLE = REPO_ROOT / "examples" / "demo-999001-2025.txt"

TARGET_PARSE_MB_S = 5.0
TARGET_STORE_DOCS_S = 100.0

if str(REPO_ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(REPO_ROOT))


@dataclass(frozen=True)
class Document:
    path: str  # a distinct name per copy, used in locations and errors
    data: bytes


@dataclass
class Result:
    mode: str
    documents: int
    megabytes: float
    seconds: float
    setup_seconds: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else math.inf

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else math.inf


# ------------------------------------------------------------------ inputs


def load_sources(seeds: Path, include_example: bool) -> list[tuple[str, bytes]]:
    """(name, bytes) of every ``*.txt`` in ``seeds`` (sorted), plus the example if asked."""
    if not seeds.is_dir():
        raise SystemExit(f"seed folder not found: {seeds} (use --seeds DIR)")
    files = sorted(p for p in seeds.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
    if include_example:
        if not EXAMPLE.is_file():
            raise SystemExit(f"example not found: {EXAMPLE}")
        files.append(EXAMPLE)
    if not files:
        raise SystemExit(f"no .txt documents in {seeds}")
    return [(p.name, p.read_bytes()) for p in files]


def make_corpus(sources: list[tuple[str, bytes]], count: int) -> list[Document]:
    """At least ``count`` documents: every source repeated the same number of times.

    Copy ``k`` (0-based) is the source followed by ``k`` newlines — identical text
    to the parser, a different sha256 to the store.
    """
    rounds = max(1, math.ceil(count / len(sources)))
    return [
        Document(path=f"{name}#copy{k}", data=data + b"\n" * k)
        for k in range(rounds)
        for name, data in sources
    ]


# ------------------------------------------------------------------ measuring


def warm_up(sources: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Parse every source once (imports, compiled patterns); drop those that fail."""
    from jixiao import ingest

    kept = []
    for name, data in sources:
        try:
            ingest.parse_disclosure(data, path=name)
        except Exception as exc:  # report and leave out; the benchmark is not a test
            print(
                f"warning: {name} does not parse, left out: {type(exc).__name__}: {exc}",
                file=sys.stderr,
            )
        else:
            kept.append((name, data))
    return kept


def total_mb(corpus: list[Document]) -> float:
    return sum(len(doc.data) for doc in corpus) / 1e6


def bench_parse(corpus: list[Document]) -> Result:
    from jixiao import ingest

    parse = ingest.parse_disclosure
    start = time.perf_counter()
    for doc in corpus:
        parse(doc.data, path=doc.path)
    seconds = time.perf_counter() - start
    return Result("parse", len(corpus), total_mb(corpus), seconds)


def bench_store(corpus: list[Document], url: str) -> Result:
    from jixiao import ingest, store

    parse = ingest.parse_disclosure
    t0 = time.perf_counter()
    engine = store.connect(url)
    setup = time.perf_counter() - t0
    try:
        save = store.save_disclosure
        start = time.perf_counter()
        for doc in corpus:
            save(engine, parse(doc.data, path=doc.path))
        seconds = time.perf_counter() - start
    finally:
        dispose = getattr(engine, "dispose", None)
        if dispose is not None:
            dispose()
    return Result("parse + store", len(corpus), total_mb(corpus), seconds, setup)


# ------------------------------------------------------------------ reporting


def machine_info() -> dict[str, str]:
    processor = platform.processor()
    if not processor:  # empty on most Linux systems
        try:
            for line in Path("/proc/cpuinfo").read_text().splitlines():
                if line.startswith("model name"):
                    processor = line.split(":", 1)[1].strip()
                    break
        except OSError:
            pass
    try:
        import sqlalchemy

        sa_version = sqlalchemy.__version__
    except ImportError:
        sa_version = "-"
    import sqlite3

    return {
        "processor": processor or platform.machine() or "unknown",
        "cpu_count": str(os.cpu_count()),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "sqlalchemy": sa_version,
        "sqlite": sqlite3.sqlite_version,
    }


def target_of(result: Result) -> tuple[str, bool]:
    if result.mode == "parse":
        return f">= {TARGET_PARSE_MB_S:g} MB/s", result.mb_per_s >= TARGET_PARSE_MB_S
    return f">= {TARGET_STORE_DOCS_S:g} docs/s", result.docs_per_s >= TARGET_STORE_DOCS_S


def print_report(
    results: list[Result], info: dict[str, str], sources: int, url: str | None
) -> None:
    print()
    for key, value in info.items():
        print(f"{key:>10}: {value}")
    print(f"{'sources':>10}: {sources} documents, repeated (copy k = source + k newlines)")
    if url:
        print(f"{'database':>10}: {url}")
    print()
    header = ("mode", "documents", "MB", "seconds", "docs/s", "MB/s", "target", "")
    rows = []
    for r in results:
        target, ok = target_of(r)
        rows.append(
            (
                r.mode,
                str(r.documents),
                f"{r.megabytes:.2f}",
                f"{r.seconds:.3f}",
                f"{r.docs_per_s:.1f}",
                f"{r.mb_per_s:.2f}",
                target,
                "ok" if ok else "MISSED",
            )
        )
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    for row in (header, *rows):
        print(
            "  ".join(
                cell.ljust(w) if i in (0, 6, 7) else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
    for r in results:
        if r.setup_seconds:
            print(f"\n{r.mode}: connect + migrate took {r.setup_seconds:.3f} s (not in the rate).")
    if any(r.mode != "parse" for r in results):
        print(
            "Every copy after the first of a seed is saved as a new version of that "
            "unit's disclosure (same unit code and year, new bytes)."
        )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--seeds",
        type=Path,
        default=DEFAULT_SEEDS,
        help=f"folder of .txt documents (default: {DEFAULT_SEEDS})",
    )
    ap.add_argument(
        "--count",
        type=int,
        default=500,
        help="at least this many documents per mode (default: 500)",
    )
    ap.add_argument(
        "--db",
        default=None,
        help="database URL for parse + store (default: a fresh SQLite file "
        "in a temporary folder); it should be empty",
    )
    ap.add_argument(
        "--include-example",
        action="store_true",
        help="add examples/demo-999001-2025.txt to the seeds",
    )
    ap.add_argument("--only", choices=("parse", "store"), default=None, help="run one mode only")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    ap.add_argument(
        "--check", action="store_true", help="exit with status 1 when a mode misses its target"
    )
    args = ap.parse_args(argv)
    if args.count < 1:
        ap.error("--count must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sources = load_sources(args.seeds.resolve(), args.include_example)
    sources = warm_up(sources)
    if not sources:
        print("error: no document parses; nothing to measure", file=sys.stderr)
        return 2
    corpus = make_corpus(sources, args.count)
    print(f"{len(corpus)} documents, {total_mb(corpus):.2f} MB, from {len(sources)} sources")

    results: list[Result] = []
    if args.only in (None, "parse"):
        results.append(bench_parse(corpus))
    url = None
    if args.only in (None, "store"):
        tmp = None
        if args.db:
            url = args.db
        else:
            tmp = tempfile.mkdtemp(prefix="jixiao-bench-")
            url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        try:
            results.append(bench_store(corpus, url))
        finally:
            if tmp:
                shutil.rmtree(tmp, ignore_errors=True)
                url = "fresh SQLite file in a temporary folder (removed)"

    info = machine_info()
    print_report(results, info, len(sources), url)
    if args.json:
        payload = {
            "machine": info,
            "sources": [name for name, _ in sources],
            "results": [
                {
                    **asdict(r),
                    "docs_per_s": r.docs_per_s,
                    "mb_per_s": r.mb_per_s,
                    "target": target_of(r)[0],
                    "met": target_of(r)[1],
                }
                for r in results
            ],
        }
        args.json.write_text(
            json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    if args.check and not all(target_of(r)[1] for r in results):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
