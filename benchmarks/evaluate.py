"""Monitoring and self-evaluation speed on a synthetic province, with planted cases that
must be found.

Usage (from the repository root)::

    python benchmarks/evaluate.py [--units 2000] [--projects 40000] [--period 7]
                                  [--seed 1] [--json FILE] [--check] [--profile]
                                  [--repeat 1]

The province is the review benchmark's synthetic corpus (``benchmarks/synthetic/``,
:func:`generate_corpus` with no faults): one disclosure per unit, 5–30 projects a
document (≈17.5), so 40,000 projects make ≈2,290 units — ``--units`` is a floor that is
checked, not a size that is forced. For every unit, ``synthetic/actuals.py`` builds a
monitoring report at ``--period`` and a self-evaluation (period 12), with cases planted
on purpose (a target judged 有可能 without a reason, a missed target with no 偏差原因分析,
spending behind plan, …) and recorded.

Timing: generation is timed apart and not counted. Then, with ``time.perf_counter``,
:func:`jixiao.evaluate.monitoring.monitor` over every unit, and
:func:`jixiao.evaluate.scoring.evaluate` over every unit. Target (docs/benchmarks.md):
both together ≤ 30 s for ≥ 2,000 units and ≥ 40,000 projects on the 2-core reference
machine. ``--check`` exits 1 when over the target, when the province is smaller than
asked, or when a planted case is not handled as expected. The CPU seconds of each phase
(``time.process_time``) are printed beside the wall clock: on a shared machine they are
close to what a quiet one would show; ``--repeat N`` reports the fastest of N passes.
``--profile`` prints cProfile's top functions, timed in CPU seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import pstats
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
for _path in (REPO_ROOT, HERE):  # run from a checkout without installing; the siblings
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from review import machine_info  # noqa: E402
from synthetic import generate_corpus  # noqa: E402
from synthetic.actuals import (  # noqa: E402
    EXPECTED,
    RARE,
    Actuals,
    Situation,
    generate_actuals,
)

from jixiao.model import Finding  # noqa: E402
from jixiao.model.actuals import ActualsKind  # noqa: E402

__all__ = [
    "EXPECTED",
    "RARE",
    "Actuals",
    "Situation",
    "check_situations",
    "generate_actuals",
    "generate_corpus",
    "main",
    "run",
]

TARGET_SECONDS = 30.0
TARGET_UNITS = 2_000
TARGET_PROJECTS = 40_000


def _engines():
    from jixiao.evaluate.monitoring import monitor
    from jixiao.evaluate.scoring import evaluate

    return monitor, evaluate


# ================================================================== checking


@dataclass
class KindResult:
    """How the engines handled one kind of situation."""

    kind: str
    planted: int = 0
    passed: int = 0
    failed: list[Situation] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "ok" if self.passed == self.planted else "MISSED"


def _by_project(result) -> dict[int | None, list[Finding]]:
    """A unit's findings by project seq (``None``: about the report as a whole)."""
    out: dict[int | None, list[Finding]] = defaultdict(list)
    for f in result.findings:
        out[f.project_seq].append(f)
    return out


def check_situations(actuals: Actuals, monitoring: list, evaluation: list) -> list[KindResult]:
    """Per situation kind: how many were planted and how many the engines handled as
    :data:`EXPECTED` says (``monitoring[i]``/``evaluation[i]`` are the results of
    document ``i``). A finding is at a situation's place when it names the same project
    and, for an indicator case, the same indicator."""
    results = {kind: KindResult(kind) for kind in EXPECTED}
    indexed: dict[tuple[ActualsKind, int], dict] = {}
    for situation in actuals.situations:
        expect = EXPECTED[situation.kind]
        result = results[situation.kind]
        result.planted += 1
        key = (situation.report, situation.document)
        monitored = situation.report is ActualsKind.MONITORING
        unit = (monitoring if monitored else evaluation)[situation.document]
        if key not in indexed:
            indexed[key] = _by_project(unit)
        here = [
            f
            for f in indexed[key].get(situation.project_seq, ())
            if situation.indicator_index is None or f.indicator_index == situation.indicator_index
        ]
        ok = not expect.rules or any(f.rule in expect.rules for f in here)
        ok = ok and not any(f.rule in expect.absent for f in here)
        if expect.status is not None:
            (project,) = [p for p in unit.projects if p.project_seq == situation.project_seq]
            ok = ok and project.status is not None and project.status.value == expect.status
        if ok:
            result.passed += 1
        else:
            result.failed.append(situation)
    return list(results.values())


def unplanted(actuals: Actuals, monitoring: list, evaluation: list) -> Counter:
    """Findings at a place where nothing was planted, by rule: what the generator meant
    as clean and the engines did not (an empty counter when they agree)."""
    places: dict[tuple, set] = defaultdict(set)
    for s in actuals.situations:
        places[s.report, s.document].add((s.project_seq, s.indicator_index))
    out: Counter = Counter()
    for kind, results in (
        (ActualsKind.MONITORING, monitoring),
        (ActualsKind.SELF_EVALUATION, evaluation),
    ):
        for number, result in enumerate(results):
            planted = places[kind, number]
            for f in result.findings:
                place, project = (f.project_seq, f.indicator_index), (f.project_seq, None)
                if place not in planted and project not in planted:
                    out[f.rule] += 1
    return out


# ================================================================== timing


@dataclass
class Phase:
    """One timed pass of an engine over every unit: wall-clock seconds, CPU seconds
    (``time.process_time``, what the process itself used: on a shared machine close to
    what a quiet one would show), the CPU seconds spent in the cyclic garbage collector
    and its collections by generation, and the results."""

    seconds: float
    cpu: float
    gc_cpu: float
    collections: tuple[int, int, int]
    results: list


def time_phase(engine, documents, reports) -> Phase:
    """Run ``engine(document, report)`` over every unit, timed (see :class:`Phase`)."""
    spent = [0.0, 0.0]  # CPU seconds in collections, start of the current one
    collections = [0, 0, 0]

    def watch(phase: str, info: dict) -> None:
        if phase == "start":
            spent[1] = time.process_time()
        else:
            spent[0] += time.process_time() - spent[1]
            collections[info["generation"]] += 1

    results = []
    gc.callbacks.append(watch)
    start, cpu = time.perf_counter(), time.process_time()
    try:
        for document, report in zip(documents, reports, strict=True):
            results.append(engine(document, report))
    finally:
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        gc.callbacks.remove(watch)
    return Phase(seconds, cpu, spent[0], (collections[0], collections[1], collections[2]), results)


def profile_phases(documents, actuals: Actuals, top: int = 30) -> str:
    """cProfile (CPU time) of one monitoring and one scoring pass: the top functions by
    own time, by cumulative time, and own time summed by file."""
    monitor, evaluate = _engines()
    profiler = cProfile.Profile(time.process_time)  # CPU time: other processes' load
    profiler.enable()  # would otherwise land on whichever function was running
    for document, report in zip(documents, actuals.monitoring, strict=True):
        monitor(document, report)
    for document, report in zip(documents, actuals.evaluation, strict=True):
        evaluate(document, report)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    by_file: Counter = Counter()
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        by_file[_short(filename)] += tottime
    total = sum(by_file.values()) or 1.0
    out.write("own time by file:\n")
    for filename, seconds in by_file.most_common(15):
        out.write(f"  {seconds:8.2f} s {seconds / total:6.1%}  {filename}\n")
    return out.getvalue()


def _short(filename: str) -> str:
    for marker in ("/jixiao/", "/benchmarks/", "/lib/python"):
        if marker in filename:
            return marker.strip("/") + "/" + filename.split(marker, 1)[1]
    return filename


# ================================================================== reporting


def run(
    units: int,
    projects: int,
    period: int,
    seed: int,
    *,
    profile: bool = False,
    repeat: int = 1,
) -> dict:
    """Generate, monitor, score, check the planted cases; the report as a dict.

    With ``repeat`` > 1 each phase runs that many times and the fastest pass (by wall
    clock) is reported: on a shared machine the others mostly measure the neighbours."""
    monitor, evaluate = _engines()
    corpus = generate_corpus(projects, seed=seed, fault_rate=0.0)
    documents = corpus.documents
    actuals = generate_actuals(documents, period=period, seed=seed)
    monitor(documents[0], actuals.monitoring[0])  # warm-up: imports, caches
    evaluate(documents[0], actuals.evaluation[0])
    # The generated province (≈10 million objects at 40,000 projects) stands in for a
    # database: out of the collector's sight, as it would be on disk. Otherwise one
    # full collection walks all of it, several seconds charged to the engines.
    gc.collect()
    gc.freeze()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    best: tuple[Phase, Phase] | None = None
    every_pass = []
    for _ in range(max(repeat, 1)):
        this = (
            time_phase(monitor, documents, actuals.monitoring),
            time_phase(evaluate, documents, actuals.evaluation),
        )
        every_pass.append(
            {
                "seconds": round(this[0].seconds + this[1].seconds, 3),
                "cpu_seconds": round(this[0].cpu + this[1].cpu, 3),
                "gc_cpu_seconds": round(this[0].gc_cpu + this[1].gc_cpu, 3),
            }
        )
        if best is None or every_pass[-1]["seconds"] < best[0].seconds + best[1].seconds:
            best = this
        del this
        gc.collect()  # a slower pass's results go now, not during the next pass
    assert best is not None
    mon, score = best
    monitored, scored = mon.results, score.results
    n_units, n_projects, n_indicators = len(documents), corpus.projects, corpus.indicators

    def rates(*phases: Phase) -> dict:
        seconds = sum(p.seconds for p in phases)
        return {
            "seconds": round(seconds, 3),
            "cpu_seconds": round(sum(p.cpu for p in phases), 3),
            "gc_cpu_seconds": round(sum(p.gc_cpu for p in phases), 3),
            "gc_collections": [sum(p.collections[g] for p in phases) for g in range(3)],
            "projects_per_s": round(n_projects / seconds, 1),
            "indicators_per_s": round(n_indicators / seconds, 1),
        }

    total_s = mon.seconds + score.seconds

    findings = Counter(
        (f.rule, f.severity.value) for r in (*monitored, *scored) for f in r.findings
    )
    grades: Counter = Counter()
    statuses: Counter = Counter()
    for result in scored:
        grades.update({g.label: n for g, n in result.grade_counts().items()})
    for result in monitored:
        statuses.update({s.label: n for s, n in result.status_counts().items()})
    totals = [p.total for r in scored for p in r.projects]
    kinds = check_situations(actuals, monitored, scored)
    report = {
        "machine": {**machine_info(), "load_average_1min": load},
        "options": {
            "units": units,
            "projects": projects,
            "period": period,
            "seed": seed,
            "repeat": repeat,
        },
        "province": {
            "units": n_units,
            "distinct_unit_codes": len({d.unit_code for d in documents}),
            "projects": n_projects,
            "indicators": n_indicators,
            "situations": len(actuals.situations),
            "corpus_seconds": round(corpus.seconds, 3),
            "actuals_seconds": round(actuals.seconds, 3),
        },
        "monitoring": rates(mon),
        "scoring": rates(score),
        "total": {
            **rates(mon, score),
            "target_seconds": TARGET_SECONDS,
            "met": total_s <= TARGET_SECONDS,
            "size_met": n_units >= units and n_projects >= projects,
            "every_pass_seconds": every_pass,
        },
        "findings": [
            {"rule": rule, "severity": severity, "count": n}
            for (rule, severity), n in sorted(findings.items())
        ],
        "grades": dict(grades),
        "mean_total": round(float(sum(totals) / len(totals)), 2) if totals else None,
        "statuses": dict(statuses),
        "situations": [
            {
                "kind": k.kind,
                "planted": k.planted,
                "passed": k.passed,
                "status": k.status,
                "failed": [vars(s) | {"report": s.report.value} for s in k.failed[:20]],
            }
            for k in kinds
        ],
        "unplanted_findings": dict(unplanted(actuals, monitored, scored).most_common()),
    }
    if profile:
        report["profile"] = profile_phases(documents, actuals)
    gc.unfreeze()  # the caller (a test) goes on with an ordinary collector
    return report


def print_report(report: dict) -> None:
    m, p, t = report["machine"], report["province"], report["total"]
    load = m.get("load_average_1min")
    print(
        f"machine: {m['processor']}, {m['cpu_count']} CPUs, {m['python']}, {m['platform']}"
        + (f" (load {load:.2f} at start)" if load is not None else "")
    )
    print(
        f"province: {p['units']:,} units ({p['distinct_unit_codes']:,} distinct codes), "
        f"{p['projects']:,} projects, {p['indicators']:,} indicators, "
        f"{p['situations']:,} planted cases (generated in {p['corpus_seconds']:.1f} s + "
        f"{p['actuals_seconds']:.1f} s, not counted)"
    )
    for name in ("monitoring", "scoring", "total"):
        r = report[name]
        print(
            f"{name:10} {r['seconds']:8.2f} s (CPU {r['cpu_seconds']:.2f} s, of which "
            f"GC {r['gc_cpu_seconds']:.2f} s)  {r['projects_per_s']:>8,.0f} projects/s  "
            f"{r['indicators_per_s']:>9,.0f} indicators/s"
        )
    verdict = "met" if t["met"] else "MISSED"
    size = "" if t["size_met"] else " — province smaller than asked"
    passes = t["every_pass_seconds"]
    also = ""
    if len(passes) > 1:
        shown = ", ".join(
            f"{p['seconds']:.2f} s (CPU {p['cpu_seconds']:.2f}, GC {p['gc_cpu_seconds']:.2f})"
            for p in passes
        )
        also = f" — fastest of {len(passes)} passes: {shown}"
    print(f"target: ≤ {t['target_seconds']:.0f} s together: {verdict}{size}{also}")
    print()
    print("grades: " + ", ".join(f"{k} {v:,}" for k, v in report["grades"].items()))
    print(f"mean total: {report['mean_total']}")
    print("monitoring status: " + ", ".join(f"{k} {v:,}" for k, v in report["statuses"].items()))
    print()
    print(f"{'finding rule':40} {'severity':8} {'count':>9}")
    for f in report["findings"]:
        print(f"{f['rule']:40} {f['severity']:8} {f['count']:>9,}")
    print()
    print(f"{'planted case':40} {'planted':>8} {'passed':>8}  status")
    for k in report["situations"]:
        print(f"{k['kind']:40} {k['planted']:>8,} {k['passed']:>8,}  {k['status']}")
        for s in k["failed"][:3]:
            print(f"    failed: {s}")
    if report["unplanted_findings"]:
        print()
        print("findings where nothing was planted:")
        for rule, n in report["unplanted_findings"].items():
            print(f"  {rule:40} {n:>8,}")
    if "profile" in report:
        print()
        print(report["profile"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=TARGET_UNITS, help="at least this many")
    parser.add_argument("--projects", type=int, default=TARGET_PROJECTS)
    parser.add_argument("--period", type=int, default=7, help="monitoring month (1–12)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when over 30 s, smaller than asked, or a planted case is missed",
    )
    parser.add_argument("--profile", action="store_true", help="print the top functions (cProfile)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="time each phase N times and report the fastest pass (a shared machine)",
    )
    args = parser.parse_args(argv)
    if args.projects < 5 or args.units < 1 or not 1 <= args.period <= 12:
        parser.error("--projects must be ≥ 5, --units ≥ 1 and --period within 1–12")
    report = run(
        args.units,
        args.projects,
        args.period,
        args.seed,
        profile=args.profile,
        repeat=args.repeat,
    )
    print_report(report)
    if args.json:
        args.json.write_text(
            json.dumps(
                {k: v for k, v in report.items() if k != "profile"}, ensure_ascii=False, indent=2
            )
            + "\n",
            encoding="utf-8",
        )
    missed = [k["kind"] for k in report["situations"] if k["status"] == "MISSED"]
    total = report["total"]
    if args.check and (missed or not total["met"] or not total["size_met"]):
        if missed:
            print(f"check failed: planted cases missed: {', '.join(missed)}", file=sys.stderr)
        if not total["met"]:
            print("check failed: over the time target", file=sys.stderr)
        if not total["size_met"]:
            print("check failed: fewer units or projects than asked", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
