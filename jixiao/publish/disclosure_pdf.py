"""A disclosure as a PDF: the DOCX of ``disclosure_docx`` converted by LibreOffice.

Why through Word and LibreOffice rather than HTML and a CSS renderer: the DOCX is
the reference rendering (merged cells, header rows repeated on every page of a
long table, rows never split across pages, landscape sections for wide tables,
page numbers), and LibreOffice lays it out as Word would, with real line breaking
for Chinese (no line opening with ``，``/``。``). A PDF produced this way looks
like the documents units publish, which are Word files printed to PDF; one layout
serves both formats, so the PDF cannot drift from the DOCX. WeasyPrint would need
its own stylesheet for page-spanning tables and another dependency; LibreOffice is
an ordinary system package (``libreoffice-writer``) found on ``PATH``.

Fonts: the DOCX asks for 宋体 (body) and 黑体 (headings), which a Linux machine does
not have. The conversion runs with a fontconfig file that maps them (and SimSun,
SimHei, 仿宋, 楷体) to Noto Serif CJK SC and Noto Sans CJK SC (``fonts-noto-cjk``),
so the PDF embeds a serif Chinese font for the body, a sans one for headings, and
simplified-Chinese glyph forms. Every font is embedded (LibreOffice embeds subsets).

Each conversion runs in its own temporary folder with its own LibreOffice profile
(``-env:UserInstallation``), so conversions in parallel processes do not share a
running LibreOffice and do not clash.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from jixiao.model import Disclosure
from jixiao.publish.errors import PublishError

#: Names of the LibreOffice program, tried in this order on ``PATH``.
SOFFICE_NAMES = ("soffice", "libreoffice")
_INSTALL_HINT = "请安装 libreoffice-writer（Debian/Ubuntu：apt-get install libreoffice-writer）"

# Chinese font names a document asks for → the Noto CJK family that stands in for it.
_FONT_ALIASES = {
    "宋体": "Noto Serif CJK SC",
    "SimSun": "Noto Serif CJK SC",
    "新宋体": "Noto Serif CJK SC",
    "NSimSun": "Noto Serif CJK SC",
    "仿宋": "Noto Serif CJK SC",
    "FangSong": "Noto Serif CJK SC",
    "仿宋_GB2312": "Noto Serif CJK SC",
    "楷体": "Noto Serif CJK SC",
    "KaiTi": "Noto Serif CJK SC",
    "楷体_GB2312": "Noto Serif CJK SC",
    "黑体": "Noto Sans CJK SC",
    "SimHei": "Noto Sans CJK SC",
    "微软雅黑": "Noto Sans CJK SC",
    "Microsoft YaHei": "Noto Sans CJK SC",
}


def find_soffice() -> str | None:
    """The path of LibreOffice's ``soffice`` on ``PATH``, ``None`` when not installed."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def write_disclosure_pdf(
    disclosure: Disclosure, path: str | Path, *, timeout_s: float = 180
) -> Path:
    """Write ``disclosure`` as a PDF at ``path`` (parents created); returns the path.

    The document is the DOCX of ``write_disclosure_docx`` (A4, 宋体/黑体, page
    numbers, header rows repeated on each page) converted by LibreOffice headless.
    ``timeout_s`` (seconds) bounds the conversion. Raises :class:`PublishError`
    (Chinese) when LibreOffice is not installed, fails, times out or writes no PDF,
    or when ``path`` cannot be written.
    """
    return write_disclosure_pdfs([(disclosure, path)], timeout_s=timeout_s)[0]


def write_disclosure_pdfs(
    items: Sequence[tuple[Disclosure, str | Path]], *, timeout_s: float = 180
) -> list[Path]:
    """Write several disclosures as PDFs, each ``(disclosure, path)``, with one start of
    LibreOffice (it costs about as much as converting a document); returns the paths.

    ``timeout_s`` bounds the whole conversion. Raises :class:`PublishError` as
    :func:`write_disclosure_pdf` does.
    """
    from jixiao.publish.disclosure_docx import write_disclosure_docx

    soffice = find_soffice()
    if soffice is None:
        raise PublishError(f"未找到 LibreOffice（soffice），无法生成 PDF；{_INSTALL_HINT}。")
    paths = [Path(path) for _, path in items]
    with tempfile.TemporaryDirectory(prefix="jixiao-pdf-") as folder:
        work = Path(folder)
        sources = [
            write_disclosure_docx(disclosure, work / "docx" / f"{number}.docx")
            for number, (disclosure, _) in enumerate(items)
        ]
        produced = convert_to_pdf(soffice, sources, work, timeout_s=timeout_s)
        for made, path in zip(produced, paths, strict=True):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(made, path)
            except OSError as error:
                raise PublishError(
                    f"无法写入 PDF 文件 {path}（{error.strerror or error}）。"
                ) from error
    return paths


def convert_to_pdf(
    soffice: str, sources: Sequence[Path], work: Path, *, timeout_s: float = 180
) -> list[Path]:
    """Convert documents (``sources``, distinct file names) to PDF with one run of
    LibreOffice inside folder ``work`` (its profile and fontconfig file are made
    there); returns the PDFs' paths in ``work``, in the order of ``sources``.
    Raises :class:`PublishError` when the conversion fails or times out.
    """
    profile = work / "profile"
    out = work / "pdf"
    out.mkdir(exist_ok=True)
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(_fontconfig_file(work))
    env.setdefault("HOME", str(work))  # LibreOffice wants a home even with its own profile
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(out),
        *(str(source) for source in sources),
    ]
    try:  # its own process group: on a timeout, soffice.bin goes with its launcher
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=work,
            start_new_session=True,
        )
    except OSError as error:
        raise PublishError(
            f"无法运行 LibreOffice（{soffice}：{error.strerror or error}）；{_INSTALL_HINT}。"
        ) from error
    try:
        stdout, stderr = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired as error:
        _kill_group(process)
        raise PublishError(
            f"LibreOffice 转换 PDF 超时（超过 {timeout_s:g} 秒）；文档过大或 LibreOffice 无响应。"
        ) from error
    produced = [out / f"{source.stem}.pdf" for source in sources]
    if process.returncode != 0 or not all(p.is_file() and p.stat().st_size for p in produced):
        detail = (stderr or stdout).decode("utf-8", "replace").strip()
        detail = "；".join(line for line in detail.splitlines() if line and "javaldx" not in line)[
            -300:
        ]
        raise PublishError(
            f"LibreOffice 未能把文档转换为 PDF（退出码 {process.returncode}）"
            + (f"：{detail}" if detail else "。")
        )
    return produced


def _kill_group(process: subprocess.Popen) -> None:
    """Stop a timed-out conversion: its whole process group where the system has them."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            process.kill()
    except OSError:
        pass  # it ended meanwhile
    process.communicate()


def _fontconfig_file(work: Path) -> Path:
    """A fontconfig file: the system's configuration plus the Chinese font aliases."""
    aliases = "".join(
        f'<alias binding="same"><family>{name}</family>'
        f"<prefer><family>{family}</family></prefer></alias>"
        for name, family in _FONT_ALIASES.items()
    )
    config = work / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"{aliases}</fontconfig>",
        encoding="utf-8",
    )
    return config
