"""Reading PDF and DOCX: pages per second and cells read right, on the five seeds.

Usage (from the repository root)::

    python benchmarks/formats.py [--seeds DIR] [--rounds 3] [--cache DIR]
                                 [--readers pdf,docx,pdfplumber] [--json FILE] [--check]

Each seed is read (text) into a model and written once as DOCX
(``write_disclosure_docx``) and as PDF (``write_disclosure_pdfs``: the DOCX converted
by LibreOffice, one run for all five); ``--cache DIR`` keeps the files and reuses
them. Writing is timed apart and not counted. Then, over the same files:

- ``pdf`` — our reader: ``parse_disclosure`` on the PDF's bytes (``pdf_text``, the
  Word-export parse, the model); ``pdf_text`` alone is timed too;
- ``docx`` — the DOCX reader, ``parse_disclosure`` on the DOCX's bytes (its speed in
  pages per second counts the pages of the same document's PDF);
- ``pdfplumber`` — the baseline: ``page.extract_tables()`` on every page of the PDFs.

Every reader runs once before timing (warm-up), then ``--rounds`` times; the best and
the median round are reported as pages/s (wall clock), and pages per CPU-second of
the median round — what other processes on a shared machine leave unchanged.

Cells right: for every indicator row of every project and every data row of every
budget table in the model, the texts its cells print in the standard layout
(``jixiao.publish.standard_tables``; empty cells and the blank continuation of a
merged name left out) must appear, whitespace aside, in one row of what the reader
extracted: our readers' rows are their Word-export text's tables (``word_cells``),
pdfplumber's are its table rows. A row is matched to the extracted row holding the
most of its cells; the score is cells found / cells expected.

Targets (docs/benchmarks.md): our PDF reader ≥ 30 pages/s on the 2-core reference
machine, every cell right; ``--check`` exits 1 when either is missed.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
if str(REPO_ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(REPO_ROOT))

from jixiao.model import Disclosure  # noqa: E402

SEED_NAMES = ("000", "001", "002", "003", "004")
DEFAULT_SEEDS = REPO_ROOT.parent / "shared" / "seeds"
TARGET_PAGES_PER_S = 30.0
READERS = ("pdf", "docx", "pdfplumber")


# ================================================================== documents


class Document:
    """One seed: its model, its DOCX and PDF bytes, the PDF's page count."""

    def __init__(self, name: str, model: Disclosure, docx: Path, pdf: Path) -> None:
        self.name = name
        self.model = model
        self.docx = docx.read_bytes()
        self.pdf = pdf.read_bytes()
        self.pages = pdf_pages(self.pdf)


def pdf_pages(data: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def seed_files(folder: Path) -> list[Path]:
    """The seed documents ``000_….txt`` … ``004_….txt`` in ``folder``."""
    found = []
    for name in SEED_NAMES:
        matches = sorted(folder.glob(f"{name}_*.txt"))
        if matches:
            found.append(matches[0])
    return found


def render(seeds: Sequence[Path], cache: Path) -> tuple[list[Document], float]:
    """Models of the seeds and their DOCX/PDF files in ``cache`` (written when missing);
    returns the documents and the seconds spent writing."""
    from jixiao.ingest import read_disclosure
    from jixiao.publish.disclosure_docx import write_disclosure_docx
    from jixiao.publish.disclosure_pdf import write_disclosure_pdfs

    cache.mkdir(parents=True, exist_ok=True)
    models = {path.name.split("_")[0]: read_disclosure(path) for path in seeds}
    started = time.perf_counter()
    missing = [
        (m, cache / f"{n}.pdf") for n, m in models.items() if not (cache / f"{n}.pdf").exists()
    ]
    if missing:
        write_disclosure_pdfs(missing)
    for name, model in models.items():
        if not (cache / f"{name}.docx").exists():
            write_disclosure_docx(model, cache / f"{name}.docx")
    seconds = time.perf_counter() - started
    documents = [
        Document(name, model, cache / f"{name}.docx", cache / f"{name}.pdf")
        for name, model in models.items()
    ]
    return documents, seconds


# ================================================================== cells right


def _squeeze(text: str) -> str:
    return "".join(text.split())


def expected_rows(model: Disclosure) -> list[list[str]]:
    """The printed cell texts of every indicator row and every budget data row (a
    side-by-side table such as the 收支总表 prints an income and an expenditure row
    on one line: that line is one row here)."""
    from jixiao.publish.standard_tables import budget_rows, project_rows

    rows: list[list[str]] = []
    for table in model.budget_tables:
        printed, header = budget_rows(table)  # the two sides of 收支总表 share a row
        rows.extend(_texts(row) for row in printed[header:])
    for project in model.projects:
        printed = project_rows(project)
        header = next(i for i, row in enumerate(printed) if row[0].text == "一级指标")
        data = printed[header + 1 :]
        assert len(data) == len(project.indicators), project.title
        rows.extend(_texts(row) for row in data)
    return [row for row in rows if row]


def _texts(row) -> list[str]:
    return [_squeeze(c.text) for c in row if c.merge != "continue" and _squeeze(c.text)]


def word_text_rows(text: str) -> list[list[str]]:
    """The table rows of Word-export text: each blank-line group of cells is a row."""
    from jixiao.ingest.word_cells import TableBlock, scan_blocks

    return [
        [_squeeze(cell.text) for cell in group]
        for block in scan_blocks(text)
        if isinstance(block, TableBlock)
        for group in block.groups
    ]


def cells_right(
    expected: Sequence[Sequence[str]], found: Sequence[Sequence[str]]
) -> tuple[int, int]:
    """Cells of ``expected`` rows present in their best-matching ``found`` row, and the
    number of cells expected."""
    rows_with: dict[str, list[set[str]]] = {}
    for row in found:
        cells = {cell for cell in row if cell}
        for cell in cells:
            rows_with.setdefault(cell, []).append(cells)
    matched = total = 0
    for row in expected:
        total += len(row)
        candidates = [c for cell in row for c in rows_with.get(cell, ())]
        matched += max((sum(cell in c for cell in row) for c in candidates), default=0)
    return matched, total


# ================================================================== readers


def read_pdf(document: Document) -> Disclosure:
    from jixiao.ingest import parse_disclosure

    return parse_disclosure(document.pdf, path=f"{document.name}.pdf")


def read_docx(document: Document) -> Disclosure:
    from jixiao.ingest import parse_disclosure

    return parse_disclosure(document.docx, path=f"{document.name}.docx")


def pdf_text_only(document: Document) -> str:
    from jixiao.ingest.pdf_reader import pdf_text

    return pdf_text(document.pdf, path=f"{document.name}.pdf")


def pdfplumber_tables(document: Document) -> list[list[list[str | None]]]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(document.pdf)) as pdf:
        return [table for page in pdf.pages for table in page.extract_tables()]


def extracted_rows(reader: str, document: Document) -> list[list[str]]:
    """What ``reader`` extracts from ``document`` as table rows of squeezed texts."""
    if reader == "pdf":
        return word_text_rows(pdf_text_only(document))
    if reader == "docx":
        from jixiao.ingest.docx_reader import docx_text

        return word_text_rows(docx_text(document.docx, path=f"{document.name}.docx"))
    return [
        [_squeeze(cell or "") for cell in row]
        for table in pdfplumber_tables(document)
        for row in table
    ]


def time_rounds(
    function: Callable[[Document], object], documents: Sequence[Document], rounds: int
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each round over all documents (after one warm-up
    round). CPU time is what other processes on a shared machine do not change."""
    for document in documents:
        function(document)
    wall, cpu = [], []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        for document in documents:
            function(document)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return wall, cpu


def _speed(reader: str, pages: int, wall: list[float], cpu: list[float]) -> dict:
    return {
        "reader": reader,
        "pages": pages,
        "best_seconds": round(min(wall), 4),
        "median_seconds": round(statistics.median(wall), 4),
        "pages_per_s_best": round(pages / min(wall), 1),
        "pages_per_s_median": round(pages / statistics.median(wall), 1),
        "pages_per_cpu_s": round(pages / statistics.median(cpu), 1),
    }


# ================================================================== the run


def machine_info() -> dict[str, str]:
    processor = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                processor = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for package in ("pypdfium2", "pdfplumber"):
        try:
            from importlib.metadata import version

            versions[package] = version(package)
        except Exception:  # not installed: reported as such
            versions[package] = "-"
    from jixiao.publish.disclosure_pdf import find_soffice

    soffice = find_soffice()
    office = "-"
    if soffice:
        try:
            office = subprocess.run(
                [soffice, "--version"], capture_output=True, text=True, timeout=60, check=False
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            office = soffice
    return {
        "processor": processor or platform.processor() or platform.machine() or "unknown",
        "cpu_count": str(os.cpu_count()),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "libreoffice": office,
        **versions,
    }


_TIMED = {"pdf": read_pdf, "docx": read_docx, "pdfplumber": pdfplumber_tables}


def run(documents: Sequence[Document], readers: Sequence[str], rounds: int) -> dict:
    """Speed and cells right of each reader; everything the report prints, as a dict."""
    pages = sum(d.pages for d in documents)
    expected = {d.name: expected_rows(d.model) for d in documents}
    results = []
    for reader in readers:
        result = _speed(reader, pages, *time_rounds(_TIMED[reader], documents, rounds))
        matched = total = 0
        for document in documents:
            m, t = cells_right(expected[document.name], extracted_rows(reader, document))
            matched, total = matched + m, total + t
        result["cells_matched"], result["cells_expected"] = matched, total
        result["cells_right"] = round(matched / total, 4) if total else None
        results.append(result)
    if "pdf" in readers:
        results.append(
            _speed("pdf_text only", pages, *time_rounds(pdf_text_only, documents, rounds))
        )
    ours = next((r for r in results if r["reader"] == "pdf"), None)
    return {
        "machine": machine_info(),
        "documents": [
            {"name": d.name, "pages": d.pages, "pdf_bytes": len(d.pdf)} for d in documents
        ],
        "rounds": rounds,
        "results": results,
        "target_pages_per_s": TARGET_PAGES_PER_S,
        "met": None
        if ours is None
        else ours["pages_per_s_median"] >= TARGET_PAGES_PER_S and ours["cells_right"] == 1.0,
    }


def print_report(report: dict) -> None:
    m = report["machine"]
    print(f"machine: {m['processor']}, {m['cpu_count']} CPUs, {m['python']}")
    print(
        f"LibreOffice: {m['libreoffice']}; pypdfium2 {m['pypdfium2']}, pdfplumber {m['pdfplumber']}"
    )
    docs = report["documents"]
    listed = ", ".join(f"{d['name']}: {d['pages']} p." for d in docs)
    print(
        f"documents: {len(docs)} ({listed}), {sum(d['pages'] for d in docs)} pages; "
        f"{report['rounds']} rounds after a warm-up"
    )
    if "render_seconds" in report:
        print(f"writing DOCX + PDF (not counted): {report['render_seconds']:.1f} s")
    print()
    print(
        f"{'reader':16} {'pages':>5} {'best s':>7} {'pages/s best':>12} {'median':>7} "
        f"{'pages/CPU-s':>11} {'cells right':>20}"
    )
    for r in report["results"]:
        cells = (
            f"{r['cells_matched']}/{r['cells_expected']} {100 * r['cells_right']:.1f}%"
            if r.get("cells_expected")
            else "-"
        )
        print(
            f"{r['reader']:16} {r['pages']:5} {r['best_seconds']:7.3f} "
            f"{r['pages_per_s_best']:12.1f} {r['pages_per_s_median']:7.1f} "
            f"{r['pages_per_cpu_s']:11.1f} {cells:>20}"
        )
    if report["met"] is not None:
        print()
        print(
            f"target: our PDF reader ≥ {report['target_pages_per_s']:g} pages/s (median) "
            f"and every cell right — {'met' if report['met'] else 'NOT met'}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of the seeds")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cache", type=Path, help="keep the written DOCX/PDF files here")
    parser.add_argument(
        "--readers", default=",".join(READERS), help=f"comma-separated, of {', '.join(READERS)}"
    )
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when our PDF reader misses its target"
    )
    args = parser.parse_args(argv)
    readers = [r.strip() for r in args.readers.split(",") if r.strip()]
    if args.rounds < 1 or not readers or any(r not in READERS for r in readers):
        parser.error(f"--rounds must be ≥ 1 and --readers a list of {', '.join(READERS)}")
    seeds = seed_files(args.seeds)
    if not seeds:
        parser.error(f"no seed documents (000_….txt …) in {args.seeds}")
    with tempfile.TemporaryDirectory(prefix="jixiao-formats-") as folder:
        documents, seconds = render(seeds, args.cache or Path(folder))
    report = run(documents, readers, args.rounds)
    report["render_seconds"] = round(seconds, 2)
    print_report(report)
    if args.json:
        args.json.write_text(
            json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    if args.check and report["met"] is False:
        print("check failed: our PDF reader misses its target", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
