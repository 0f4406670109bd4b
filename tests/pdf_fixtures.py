"""Hand-made PDF files, written byte by byte — not by LibreOffice, not by jixiao's
writer — so the PDF reader is tested against what another office's PDF printer
draws: text placed glyph by glyph with no space glyphs, every cell border a
stroked rectangle of its own, bold as "fake bold" (the outline stroked over the
fill), page numbers in the footer.

The Chinese font is Adobe's STSong-Light named, not embedded, with the
``UniGB-UTF16-H`` encoding: text is written as UTF-16 and every reader maps it
back to Unicode from the encoding's name. Chinese characters are one em wide,
ASCII half an em, so the builder knows where each line ends.

Each builder writes one file and returns its path. Run as a script to write them
all into a folder::

    .venv/bin/python tests/pdf_fixtures.py /tmp/pdf_fixtures

What they hold, and why:

- ``county_project``: the county unit of ``docx_fixtures`` as a three-page PDF.
  The goals section with headings in fake bold and indented paragraphs wrapping
  over several lines; the 项目支出绩效目标表 from page 1 to page 2, where it goes
  on without a header: 产出指标 merged down over five rows and broken by the page
  end (three rows on page 1, two on page 2), 10月底/75%/指标值确定依据 merged
  across two grid columns, a 资金用途 cell and a 绩效目标 cell whose text wraps
  (the second holds two numbered paragraphs); the 部门预算收入总表 from page 2 to
  page 3, its four header rows (unit line, a two-level header merged both ways,
  栏次) repeated at the top of page 3, a 科目名称 that wraps, a note below.
- ``encrypted``: an RC4-encrypted PDF (standard security handler, revision 2) that
  needs the user password to open; with ``user_password=""`` only the owner
  password is set (copying/printing restricted), which opens without one.
- ``scanned``: an image-only page, as a scanner writes it (Pillow).
- ``blank``: a valid PDF with an empty page.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path

PAGE = (595.0, 842.0)  # A4, points
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_FILE_ID = hashlib.md5(b"jixiao pdf fixture").digest()
_NO_START = set("，。、；：？！）》％%")


class PdfBuilder:
    """Pages of text and stroked lines, in points from the page's top-left corner."""

    def __init__(self, *, turned: bool = False) -> None:
        self.pages: list[list[bytes]] = []
        # turned: each page is stored landscape and shown turned by /Rotate 90, its
        # content drawn turned the other way, so it looks exactly as the upright one
        self.turned = turned

    def new_page(self) -> None:
        self.pages.append([b"0.5 w 0 G\n"])

    def text(self, x: float, top: float, text: str, size: float = 10.5, bold: bool = False):
        """One line of text whose em box starts at ``top``; ``bold`` strokes the outline."""
        baseline = PAGE[1] - top - size * 0.88
        mode = b"2 Tr 0.3 w " if bold else b""
        hexed = text.encode("utf-16-be").hex().encode()
        self.pages[-1].append(
            b"BT %s/F1 %.2f Tf %.2f %.2f Td <%s> Tj ET 0 Tr 0.5 w\n"
            % (mode, size, x, baseline, hexed)
        )

    def rectangle(self, x0: float, top: float, x1: float, bottom: float) -> None:
        """A stroked rectangle (a cell border)."""
        self.pages[-1].append(
            b"%.2f %.2f %.2f %.2f re S\n" % (x0, PAGE[1] - bottom, x1 - x0, bottom - top)
        )

    def save(self, path: Path, *, user_password: str | None = None, owner: str = "owner") -> Path:
        """Write the file; with ``user_password`` (``""`` for none) it is RC4-encrypted."""
        objects: list[bytes] = [b"", b"", _TYPE0, _CID_FONT]
        kids = []
        for content in self.pages:
            stream = b"".join(content)
            box, turn = b"0 0 %d %d" % PAGE, b""
            if self.turned:
                stream = b"0 1 -1 0 %d 0 cm\n" % PAGE[1] + stream
                box, turn = b"0 0 %d %d" % (PAGE[1], PAGE[0]), b" /Rotate 90"
            objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
            objects.append(
                b"<< /Type /Page /Parent 2 0 R /MediaBox [%s]%s "
                b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                % (box, turn, len(objects))
            )
            kids.append(len(objects))
        objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
        refs = b" ".join(b"%d 0 R" % kid for kid in kids)
        objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))
        trailer = b""
        if user_password is not None:
            key, encrypt = _standard_security(user_password, owner)
            objects = [_encrypt_streams(key, n, o) for n, o in enumerate(objects, start=1)]
            objects.append(encrypt)
            trailer = b" /Encrypt %d 0 R" % len(objects)
        path.write_bytes(_file(objects, trailer))
        return path


_TYPE0 = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H "
    b"/DescendantFonts [4 0 R] >>"
)
_CID_FONT = (
    b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
    b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
    b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
    b"/CapHeight 880 /StemV 93 >> /DW 1000 /W [1 95 500] >>"
)


def _file(objects: Sequence[bytes], trailer: bytes) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        _FILE_ID.hex().encode(),
        _FILE_ID.hex().encode(),
        trailer,
        xref,
    )
    return bytes(out)


# --- encryption: the standard security handler, revision 2 (RC4, 40-bit key) -------------


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _padded(password: str) -> bytes:
    return (password.encode("latin-1") + _PAD)[:32]


def _standard_security(user: str, owner: str) -> tuple[bytes, bytes]:
    """The file key and the /Encrypt dictionary (PDF 1.7 §7.6.3, algorithms 2–4)."""
    permissions = -44  # print and copy not allowed
    o_value = _rc4(hashlib.md5(_padded(owner or user)).digest()[:5], _padded(user))
    key = hashlib.md5(
        _padded(user) + o_value + permissions.to_bytes(4, "little", signed=True) + _FILE_ID
    ).digest()[:5]
    u_value = _rc4(key, _PAD)
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
        o_value.hex().encode(),
        u_value.hex().encode(),
        permissions,
    )
    return key, encrypt


def _encrypt_streams(key: bytes, number: int, body: bytes) -> bytes:
    """The object with its stream encrypted by the object's key (no strings elsewhere)."""
    if b"stream\n" not in body:
        return body
    head, rest = body.split(b"stream\n", 1)
    data = rest.rsplit(b"\nendstream", 1)[0]
    object_key = hashlib.md5(key + number.to_bytes(3, "little") + bytes(2)).digest()[:10]
    return head + b"stream\n" + _rc4(object_key, data) + b"\nendstream"


# --- text and tables ------------------------------------------------------------------------


def width(text: str, size: float) -> float:
    """Printed width: Chinese one em, ASCII half an em."""
    return sum(size / 2 if c.isascii() else size for c in text)


def wrap(text: str, room: float, size: float, indent: float = 0.0) -> list[str]:
    """Lines as a line breaker fills them, character by character; punctuation that
    may not start a line goes down with the character before it."""
    lines: list[str] = []
    line = ""
    for char in text:
        if line and width(line + char, size) > room - (indent if not lines else 0.0):
            if char in _NO_START:
                char, line = line[-1] + char, line[:-1]
            lines.append(line)
            line = char
        else:
            line += char
    return [*lines, line] if line else lines


class Table:
    """A bordered table on a grid: ``xs`` column edges (points); each cell is
    ``(row, column, rowspan, colspan, paragraphs)``; rows are as tall as their text."""

    LINE = 14.0
    PAD = 3.0
    SIZE = 10.5

    def __init__(self, xs: Sequence[float]) -> None:
        self.xs = list(xs)
        self.cells: list[tuple[int, int, int, int, list[str]]] = []

    def cell(self, row: int, column: int, text, *, rows: int = 1, columns: int = 1) -> None:
        paragraphs = [text] if isinstance(text, str) else list(text)
        self.cells.append((row, column, rows, columns, paragraphs))

    def lines(self, column: int, columns: int, paragraphs: list[str]) -> list[str]:
        room = self.xs[column + columns] - self.xs[column] - 2 * self.PAD
        return [line for p in paragraphs for line in (wrap(p, room, self.SIZE) if p else [])]

    def draw(self, pdf: PdfBuilder, top: float, first: int, last: int) -> float:
        """Draw rows ``first``..``last`` (inclusive) from ``top``; a merged cell broken
        by ``first`` is drawn empty (its text was on the page before). Returns the
        bottom."""
        heights: dict[int, float] = {}
        for row, column, rows, columns, paragraphs in self.cells:
            if rows == 1:
                count = max(len(self.lines(column, columns, paragraphs)), 1)
                heights[row] = max(heights.get(row, 0), count * self.LINE + 2 * self.PAD)
        tops = {}
        y = top
        for row in range(first, last + 1):
            tops[row] = y
            y += heights.get(row, self.LINE + 2 * self.PAD)
        bottom = y
        for row, column, rows, columns, paragraphs in self.cells:
            end = row + rows - 1
            if end < first or row > last:
                continue
            x0, x1 = self.xs[column], self.xs[column + columns]
            cell_top = tops[max(row, first)]
            cell_bottom = tops[end + 1] if end + 1 <= last else bottom
            pdf.rectangle(x0, cell_top, x1, cell_bottom)
            if row < first:
                continue
            for number, line in enumerate(self.lines(column, columns, paragraphs)):
                pdf.text(x0 + self.PAD, cell_top + self.PAD + number * self.LINE, line, self.SIZE)
        return bottom


# --- the county unit's project table ----------------------------------------------------------

LEFT, RIGHT = 72.0, 523.0
_PROSE = 12.0

INDICATORS = [
    # 一级, 二级, 三级, 描述, 指标值, 依据 — "" in 一级/二级: merged with the row above
    ("产出指标", "数量指标", "保障公务用车数量", "保障公务用车正常运行的数量", "≥25辆", "计划标准"),
    ("", "", "车辆年检率", "按期年检车辆占比", "100%", "行业标准"),
    ("", "质量指标", "车辆完好率", "车辆完好的比例", "≥95%", "历史标准"),
    ("", "时效指标", "维修及时率", "报修后及时维修的比例", "≥90%", "计划标准"),
    ("", "成本指标", "单车运行维护费", "每辆车的年运行维护费用", "≤1.8万元/辆", "计划标准"),
    ("效益指标", "社会效益指标", "公务出行保障", "保障公务出行", "有效保障", "计划标准"),
    ("", "可持续影响指标", "车辆使用年限", "延长车辆使用年限", "长效提升", "计划标准"),
    (
        "满意度指标",
        "服务对象满意度指标",
        "用车单位满意度",
        "用车单位对保障的满意程度",
        "≥90%",
        "计划标准",
    ),
]
PURPOSE = "用于公务用车的燃油、维修、保险、年检、停车及过路过桥等运行维护支出，保障机关公务出行"
GOALS = (
    "1.保障公务用车安全正常运行，车辆完好率保持在百分之九十五以上，全年无重大安全责任事故。",
    "2.控制运行维护成本。",
)
OVERALL = (
    "保障机关高效运转，降低行政运行成本，全面落实过紧日子要求，"
    "严格控制一般性支出，提高财政资金使用效益，为全县经济社会发展提供有力保障。"
)
HEADER_ROW = 7  # 一级指标 … (repeated at the top of page 2)
SPLIT_AFTER = 3  # indicator rows on page 1


def _project_table() -> Table:
    """The 项目支出绩效目标表 on a 7-column grid (see the module docstring)."""
    table = Table([LEFT, 139.0, 199.0, 283.0, 373.0, 430.0, 476.0, RIGHT])
    table.cell(0, 0, "430001某某县机关事务服务中心本级", columns=5)
    table.cell(0, 5, "单位：万元", columns=2)
    table.cell(1, 0, "项目编码")
    table.cell(1, 1, "13052424P0000021001", columns=2)
    table.cell(1, 3, "项目名称")
    table.cell(1, 4, "公务用车运行维护经费", columns=3)
    table.cell(2, 0, "预算规模及资金用途", rows=2)
    for column, text in enumerate(
        ["预算数", "20.00", "其中：财政资金", "20.00", "其他资金", ""], 1
    ):
        table.cell(2, column, text)
    table.cell(3, 1, PURPOSE, columns=6)
    table.cell(4, 0, "资金支出计划（%）", rows=2)
    table.cell(4, 1, "3月底")
    table.cell(4, 2, "6月底")
    table.cell(4, 3, "10月底", columns=2)
    table.cell(4, 5, "12月底", columns=2)
    table.cell(5, 1, "25%")
    table.cell(5, 2, "50%")
    table.cell(5, 3, "75%", columns=2)
    table.cell(5, 5, "100%", columns=2)
    table.cell(6, 0, "绩效目标")
    table.cell(6, 1, list(GOALS), columns=6)
    for column, label in enumerate(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"]):
        table.cell(HEADER_ROW, column, label)
    table.cell(HEADER_ROW, 5, "指标值确定依据", columns=2)
    first = HEADER_ROW + 1
    for offset, row in enumerate(INDICATORS):
        number = first + offset
        for column in (0, 1):
            if row[column]:
                span = 1
                while offset + span < len(INDICATORS) and not INDICATORS[offset + span][column]:
                    span += 1
                table.cell(number, column, row[column], rows=span)
        for column, text in enumerate(row[2:5], start=2):
            table.cell(number, column, text)
        table.cell(number, 5, row[5], columns=2)
    return table


def _paragraph(pdf: PdfBuilder, top: float, text: str) -> float:
    """A body paragraph with a two-character first-line indent; returns the next top."""
    for number, line in enumerate(wrap(text, RIGHT - LEFT, _PROSE, indent=2 * _PROSE)):
        x = LEFT + (2 * _PROSE if number == 0 else 0.0)
        pdf.text(x, top, line, _PROSE)
        top += _PROSE * 1.5
    return top


def _heading(pdf: PdfBuilder, top: float, text: str, size: float = 14.0) -> float:
    pdf.text(LEFT, top, text, size, bold=True)
    return top + size * 1.8


def _page_number(pdf: PdfBuilder, number: int, *, bordered: bool = False) -> None:
    """The page number in the footer; ``bordered`` also frames the page and prints a
    running header, as many units do on every page."""
    text = f"- {number} -"
    pdf.text((PAGE[0] - width(text, 10.5)) / 2, PAGE[1] - 50, text, 10.5)
    if bordered:
        pdf.rectangle(40.0, 40.0, PAGE[0] - 40.0, PAGE[1] - 30.0)
        pdf.text(LEFT, 46.0, "某某县机关事务服务中心2024年部门预算", 9.0)


INCOME_ROWS = [
    ["1", "201", "一般公共服务支出", "1,200.50", "1,200.50", "1,000.50", "200.00", ""],
    [
        "2",
        "20103",
        "政府办公厅（室）及相关机构事务",
        "1,200.50",
        "1,200.50",
        "1,000.50",
        "200.00",
        "",
    ],
    ["3", "2010301", "行政运行", "400.50", "400.50", "200.50", "200.00", ""],
    ["4", "2010350", "事业运行", "800.00", "800.00", "800.00", "", ""],
    ["5", "208", "社会保障和就业支出", "96.00", "96.00", "96.00", "", "12.00"],
]
INCOME_HEADER_ROWS = 4  # unit line, two header rows, 栏次: repeated on every page


def _income_table() -> Table:
    """部门预算收入总表 in 万元: a two-level header merged both ways, 栏次, five rows."""
    table = Table([LEFT, 100.0, 160.0, 250.0, 305.0, 360.0, 415.0, 470.0, RIGHT])
    table.cell(0, 0, "430001某某县机关事务服务中心", columns=4)
    table.cell(0, 4, "预算年度：2024", columns=2)
    table.cell(0, 6, "单位：万元", columns=2)
    table.cell(1, 0, "序号", rows=2)
    table.cell(1, 1, "功能分类科目", columns=2)
    table.cell(1, 3, "合计", rows=2)
    table.cell(1, 4, "本年收入", columns=3)
    table.cell(1, 7, "上年结转", rows=2)
    for column, label in zip(
        (1, 2, 4, 5, 6), ("科目编码", "科目名称", "小计", "财政拨款收入", "事业收入"), strict=True
    ):
        table.cell(2, column, label)
    for column, label in enumerate(["栏次", "1", "2", "3", "4", "5", "6", "7"]):
        table.cell(3, column, label)
    for row, values in enumerate(INCOME_ROWS, start=INCOME_HEADER_ROWS):
        for column, value in enumerate(values):
            table.cell(row, column, value)
    return table


def _centred(pdf: PdfBuilder, top: float, text: str, size: float = 14.0) -> float:
    pdf.text((PAGE[0] - width(text, size)) / 2, top, text, size, bold=True)
    return top + size * 1.8


def county_project(path: Path, *, turned: bool = False, bordered: bool = False) -> Path:
    """The goals section, the project table over pages 1–2, the income table over
    pages 2–3 with its header repeated (see the module docstring); ``turned`` stores
    every page landscape, shown upright by ``/Rotate 90``; ``bordered`` draws a
    frame around every page and a running header at its top."""
    pdf = PdfBuilder(turned=turned)
    pdf.new_page()
    top = _heading(pdf, 72.0, "第一部分 部门整体绩效目标", 16.0)
    top = _heading(pdf, top, "一、总体绩效目标")
    top = _paragraph(pdf, top, OVERALL)
    top = _heading(pdf, top, "二、分项绩效目标")
    top = _paragraph(pdf, top, "1、公务用车保障")
    top = _paragraph(pdf, top, "绩效目标：保障公务出行。")
    top = _paragraph(pdf, top, "绩效指标：车辆完好率≥95%。")
    top = _heading(pdf, top, "三、工作保障措施")
    top = _paragraph(pdf, top, "1、完善制度建设。")
    top = _paragraph(pdf, top, "2、加强支出管理。")
    top = _heading(pdf, top + 6, "第二部分 预算项目绩效目标", 16.0)
    top = _centred(pdf, top, "1.公务用车运行维护经费绩效目标表")
    project = _project_table()
    project.draw(pdf, top, 0, HEADER_ROW + SPLIT_AFTER)
    _page_number(pdf, 1, bordered=bordered)

    pdf.new_page()  # the project table goes on, without its header
    top = project.draw(pdf, 72.0, HEADER_ROW + SPLIT_AFTER + 1, HEADER_ROW + len(INDICATORS))
    top = _heading(pdf, top + 12, "第三部分 部门预算公开表格", 16.0)
    top = _centred(pdf, top, "部门预算收入总表")
    income = _income_table()
    income.draw(pdf, top, 0, INCOME_HEADER_ROWS + 2)
    _page_number(pdf, 2, bordered=bordered)

    pdf.new_page()  # the income table goes on, its header rows repeated
    top = income.draw(pdf, 72.0, 0, INCOME_HEADER_ROWS - 1)
    top = income.draw(pdf, top, INCOME_HEADER_ROWS + 3, INCOME_HEADER_ROWS + len(INCOME_ROWS) - 1)
    _paragraph(pdf, top + 4, "注：本表反映部门本年度收入预算。")
    _page_number(pdf, 3, bordered=bordered)
    return pdf.save(path)


def encrypted(path: Path, *, user_password: str = "secret") -> Path:
    """One page with a line of text, RC4-encrypted; ``user_password=""`` sets only
    the owner password (the file opens without one)."""
    pdf = PdfBuilder()
    pdf.new_page()
    pdf.text(LEFT, 72.0, "部门预算绩效目标表", 14.0)
    return pdf.save(path, user_password=user_password)


def scanned(path: Path) -> Path:
    """A page as a scanner writes it: one image, no text layer."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (595, 842), 255)
    draw = ImageDraw.Draw(image)
    for row in range(10):
        draw.rectangle((72, 100 + row * 30, 523, 130 + row * 30), outline=0)
    image.save(path, "PDF", resolution=72.0)
    return path


def blank(path: Path) -> Path:
    """A valid PDF whose only page is empty."""
    pdf = PdfBuilder()
    pdf.new_page()
    return pdf.save(path)


BUILDERS = {
    "county_project.pdf": county_project,
    "encrypted.pdf": encrypted,
    "scanned.pdf": scanned,
    "blank.pdf": blank,
}


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "pdf_fixtures")
    folder.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        print(build(folder / name))
