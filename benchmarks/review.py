"""Review speed on a synthetic corpus of disclosures, with planted faults that must be found.

Usage (from the repository root)::

    python benchmarks/review.py [--projects 10000] [--seed 1] [--fault-rate 0.02]
                                [--json FILE] [--check] [--profile] [--no-families]

The corpus comes from the ``synthetic`` package beside this script
(``benchmarks/synthetic/``): :class:`jixiao.model.Disclosure` records built directly (no
text is parsed while timing), in the seeds' vocabulary, with the standard budget tables
consistent to the cent, department goals and a narrative quoting the tables.

Faults are planted at ``--fault-rate`` (per project, and per budget table for the
document-level kinds), one kind after another, and recorded (document, project seq,
indicator index or row code, the rule ids expected to find it). After the review every
plant must be found: a finding of one of its rules at its place. A kind whose rules are
not registered (yet) is reported as such, never counted as found.

Timing: every document is reviewed with all rules (:func:`jixiao.review.review`), timed
with ``time.perf_counter``; generating is timed apart and not counted. A second pass
reviews the corpus once per family (``select=[family]``) for each family's share.
Target (docs/benchmarks.md): 10,000 projects in ≤ 10 s on the 2-core reference machine;
``--check`` exits 1 when the target is missed or a plant is not found.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
for _path in (REPO_ROOT, HERE):  # run from a checkout without installing; the siblings
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from synthetic import (  # noqa: E402
    PLANT_RULES,
    TARGET_PROJECTS,
    Corpus,
    KindResult,
    Plant,
    check_plants,
    found,
    generate_corpus,
    rules_for,
)

from jixiao.model import Disclosure  # noqa: E402

__all__ = [  # the generator's names stay reachable here (tests load this file by path)
    "PLANT_RULES",
    "TARGET_PROJECTS",
    "Corpus",
    "KindResult",
    "Plant",
    "check_plants",
    "found",
    "generate_corpus",
    "main",
    "rules_for",
    "run",
]

TARGET_SECONDS = 10.0  # for 10,000 projects

# ================================================================== reviewing


def _review():
    from jixiao.review import review  # imported late: the families register on import

    return review


def time_review(documents: list[Disclosure], select: tuple[str, ...] = ()):
    """Seconds to review every document, and the findings of each."""
    review = _review()
    findings = []
    start = time.perf_counter()
    for doc in documents:
        findings.append(review(doc, select=select).findings)
    return time.perf_counter() - start, findings


def family_times(documents: list[Disclosure]) -> list[tuple[str, int, float]]:
    """(family, rules, seconds) for every family with rules, reviewed alone."""
    from jixiao.review import FAMILIES, RULES

    out = []
    for family in FAMILIES:
        count = sum(1 for r in RULES if r.family == family)
        if count:
            seconds, _ = time_review(documents, (family,))
            out.append((family, count, seconds))
    return out


def profile_review(documents: list[Disclosure], top: int = 30) -> str:
    """cProfile of one review pass: the top functions by cumulative time."""
    review = _review()
    profiler = cProfile.Profile()
    profiler.enable()
    for doc in documents:
        review(doc)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


# ================================================================== reporting


def machine_info() -> dict[str, str]:
    processor = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                processor = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "processor": processor or platform.processor() or platform.machine() or "unknown",
        "cpu_count": str(os.cpu_count()),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
    }


def run(
    projects: int, seed: int, fault_rate: float, *, families: bool = True, profile: bool = False
) -> dict:
    """Generate, review, check the plants; everything the report prints, as a dict."""
    from jixiao.review import RULES

    corpus = generate_corpus(projects, seed=seed, fault_rate=fault_rate)
    _review()(corpus.documents[0])  # warm-up: imports, compiled patterns, caches
    seconds, findings = time_review(corpus.documents)
    kinds = check_plants(corpus, findings)
    by_severity = Counter(f.severity.value for fs in findings for f in fs)
    by_rule = Counter((f.rule, f.severity.value) for fs in findings for f in fs)
    scaled = seconds * TARGET_PROJECTS / corpus.projects
    report = {
        "machine": machine_info(),
        "options": {"projects": projects, "seed": seed, "fault_rate": fault_rate},
        "corpus": {
            "documents": len(corpus.documents),
            "projects": corpus.projects,
            "indicators": corpus.indicators,
            "plants": len(corpus.plants),
            "generation_seconds": round(corpus.seconds, 3),
        },
        "rules": len(RULES),
        "review": {
            "seconds": round(seconds, 3),
            "projects_per_s": round(corpus.projects / seconds, 1),
            "indicators_per_s": round(corpus.indicators / seconds, 1),
            "seconds_per_10000_projects": round(scaled, 3),
            "target_seconds": TARGET_SECONDS,
            "met": scaled <= TARGET_SECONDS,
        },
        "findings": {
            "by_severity": dict(by_severity),
            "by_rule": [
                {"rule": r, "severity": s, "count": n} for (r, s), n in by_rule.most_common()
            ],
        },
        "plants": [
            {
                "kind": k.kind,
                "rules": list(k.rules),
                "planted": k.planted,
                "found": k.found,
                "status": k.status,
                "missed": [vars(p) for p in k.missed[:20]],
            }
            for k in kinds
        ],
    }
    if families:
        rows = family_times(corpus.documents)
        total = sum(s for _, _, s in rows) or 1.0
        report["families"] = [
            {
                "family": f,
                "rules": n,
                "seconds": round(s, 3),
                "share": round(s / total, 3),
                "us_per_indicator": round(s / corpus.indicators * 1e6, 2),
            }
            for f, n, s in rows
        ]
    if profile:
        report["profile"] = profile_review(corpus.documents)
    return report


def print_report(report: dict) -> None:
    m, c, r = report["machine"], report["corpus"], report["review"]
    print(f"machine: {m['processor']}, {m['cpu_count']} CPUs, {m['python']}")
    print(
        f"corpus: {c['documents']} documents, {c['projects']} projects, {c['indicators']} "
        f"indicators, {c['plants']} plants (generated in {c['generation_seconds']:.2f} s, "
        f"not counted)"
    )
    verdict = "met" if r["met"] else "MISSED"
    print(
        f"review, all {report['rules']} rules: {r['seconds']:.2f} s — "
        f"{r['projects_per_s']:,.0f} projects/s, {r['indicators_per_s']:,.0f} indicators/s; "
        f"{r['seconds_per_10000_projects']:.2f} s per 10,000 projects "
        f"(target ≤ {r['target_seconds']:.0f} s: {verdict})"
    )
    sev = report["findings"]["by_severity"]
    print("findings: " + ", ".join(f"{k} {sev.get(k, 0)}" for k in ("error", "warning", "info")))
    print()
    print(f"{'plant kind':32} {'planted':>7} {'found':>6}  rules / status")
    for k in report["plants"]:
        rules = ", ".join(k["rules"]) or "—"
        print(
            f"{k['kind']:32} {k['planted']:>7} {k['found'] if k['rules'] else '—':>6}  "
            f"{rules} [{k['status']}]"
        )
        for plant in k["missed"][:3]:
            print(f"    missed: {plant}")
    if "families" in report:
        print()
        print(
            f"{'family (select=[family])':26} {'rules':>5} {'seconds':>8} {'share':>6} "
            f"{'µs/indicator':>12}"
        )
        for f in report["families"]:
            print(
                f"{f['family']:26} {f['rules']:>5} {f['seconds']:>8.2f} {f['share']:>6.0%} "
                f"{f['us_per_indicator']:>12.2f}"
            )
    if "profile" in report:
        print()
        print(report["profile"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=TARGET_PROJECTS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--fault-rate",
        type=float,
        default=0.02,
        help="share of projects and of budget tables given a fault",
    )
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when over the time target or a plant is not found",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="print the top functions by cumulative time (cProfile)",
    )
    parser.add_argument(
        "--no-families", action="store_true", help="skip the per-family second pass"
    )
    args = parser.parse_args(argv)
    if args.projects < 1 or not 0 <= args.fault_rate <= 1:
        parser.error("--projects must be ≥ 1 and --fault-rate within 0–1")
    report = run(
        args.projects,
        args.seed,
        args.fault_rate,
        families=not args.no_families,
        profile=args.profile,
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
    missed = [k["kind"] for k in report["plants"] if k["status"] == "MISSED"]
    if args.check and (missed or not report["review"]["met"]):
        if missed:
            print(f"check failed: plants not found: {', '.join(missed)}", file=sys.stderr)
        if not report["review"]["met"]:
            print("check failed: over the time target", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
