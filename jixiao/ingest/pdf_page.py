"""What a PDF page holds for the reader: glyphs with their boxes, and ruling lines.

PDFium (``pypdfium2``) decodes the page. Each printed character becomes a
:class:`Glyph` — its text, its box in points from the page's top-left corner
(``y`` grows downwards), its font size and whether its font is bold. The spaces
and line ends PDFium invents between text runs are left out: the layout code
decides where words and lines break from the boxes themselves.

Table borders are drawn as path objects — thin stroked lines, thin filled
rectangles, or rectangles around cells — and come out as :class:`Rule` segments,
horizontal or vertical, in the same coordinates. Curves, diagonals and large
filled areas (backgrounds, shading) are not rulings and are skipped.

A page shown turned (``/Rotate``) is turned back: coordinates are those of the
page as displayed. Font sizes are as printed (the size set in the text times the
scale of its matrix).

The calls go to PDFium's C API (``pypdfium2.raw``) directly: this loop runs once
per character of the document, and the helper objects of the high-level API cost
more than the calls themselves.
"""

from __future__ import annotations

import ctypes
import re
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as raw

#: A path thinner than this (points) is a line, whatever way it is drawn.
THIN = 2.5
#: Shortest ruling kept (points); shorter strokes are glyph parts or dots.
MIN_RULE = 3.0
_BOLD_NAMES = ("bold", "heavy", "black", "semibold", "demibold", "-b", ",b")
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag ForceBold (bit 19)
_IGNORED = frozenset("\x00\x02\x03\r\n\ufffe\uffff\xad\u200b\ufeff")
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_DEPTH = 4  # nesting of form XObjects followed for rulings


class Glyph(NamedTuple):
    """One printed character: text, box (points, from the top-left), size, boldness."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool


class Rule(NamedTuple):
    """A ruling segment: ``at`` is its y (horizontal) or x (vertical), ``start``–``end``
    the extent along it (points, ``start`` < ``end``)."""

    horizontal: bool
    at: float
    start: float
    end: float


class PageContent(NamedTuple):
    """A decoded page: number (1-based), size in points, glyphs, rulings, and whether
    it shows any image (a scanned page has images and no glyphs)."""

    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    rules: list[Rule]
    has_images: bool


def read_page(document: pdfium.PdfDocument, index: int) -> PageContent:
    """Decode page ``index`` (0-based) of an open document, in the page's coordinates
    as displayed (a page turned by ``/Rotate`` is turned back upright).

    Raises PDFium's own error when the page cannot be loaded; the caller turns it
    into an :class:`~jixiao.ingest.errors.IngestError`.
    """
    page = document[index]
    try:
        width, height = page.get_size()  # as displayed, rotation applied
        rotation = page.get_rotation() % 360
        user_width, user_height = (height, width) if rotation in (90, 270) else (width, height)
        textpage = page.get_textpage()
        try:
            glyphs = _glyphs(textpage.raw, user_height)
        finally:
            textpage.close()
        rules: list[Rule] = []
        images = _walk(
            page.raw,
            raw.FPDFPage_CountObjects,
            raw.FPDFPage_GetObject,
            rules,
            user_height,
            None,
            0,
        )
        if rotation:
            glyphs, rules = _upright(glyphs, rules, rotation, user_width, user_height)
        return PageContent(index + 1, width, height, glyphs, rules, images)
    finally:
        page.close()


def _upright(
    glyphs: list[Glyph], rules: list[Rule], rotation: int, w: float, h: float
) -> tuple[list[Glyph], list[Rule]]:
    """Glyphs and rulings of a page shown turned clockwise by ``rotation`` degrees,
    from the page's own top-down coordinates (``w`` × ``h``) to those displayed."""
    new = tuple.__new__
    if rotation == 90:
        turned = [new(Glyph, (g[0], h - g[4], g[1], h - g[2], g[3], g[5], g[6])) for g in glyphs]
        lines = [
            Rule(False, h - r.at, r.start, r.end)
            if r.horizontal
            else Rule(True, r.at, h - r.end, h - r.start)
            for r in rules
        ]
    elif rotation == 180:
        turned = [
            new(Glyph, (g[0], w - g[3], h - g[4], w - g[1], h - g[2], g[5], g[6])) for g in glyphs
        ]
        lines = [
            Rule(True, h - r.at, w - r.end, w - r.start)
            if r.horizontal
            else Rule(False, w - r.at, h - r.end, h - r.start)
            for r in rules
        ]
    elif rotation == 270:
        turned = [new(Glyph, (g[0], g[2], w - g[3], g[4], w - g[1], g[5], g[6])) for g in glyphs]
        lines = [
            Rule(False, r.at, w - r.end, w - r.start)
            if r.horizontal
            else Rule(True, w - r.at, r.start, r.end)
            for r in rules
        ]
    else:
        return glyphs, rules
    return turned, lines


def _glyphs(textpage, height: float) -> list[Glyph]:
    """The page's characters in PDFium's order, generated spaces and line ends left out."""
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    text = _page_text(textpage, count)
    handle = ctypes.cast(textpage, ctypes.c_void_p).value
    calls = _calls()
    rect = raw.FS_RECTF()
    pointer = ctypes.byref(rect)
    get_box, get_object, is_generated = calls.box, calls.text_object, calls.generated
    styles: dict[int | None, tuple[float, bool]] = {}  # text object → (size, bold)
    fonts: dict[int, bool] = {}  # font → bold, on this page
    out: list[Glyph] = []
    append = out.append
    new = tuple.__new__
    last_object: int | None = -1
    style = (0.0, False)
    for index in range(count):
        char = text[index] if text is not None else _unicode(textpage, index)
        if char in _IGNORED:
            continue
        if char == " " and is_generated(handle, index):
            continue
        obj = get_object(handle, index)
        if obj != last_object:
            last_object = obj
            style = styles.get(obj) or styles.setdefault(
                obj, _style(calls, handle, index, obj, fonts)
            )
        get_box(handle, index, pointer)
        size, bold = style
        append(  # tuple.__new__: the named tuple without its Python-level constructor
            new(
                Glyph,
                (char, rect.left, height - rect.top, rect.right, height - rect.bottom, size, bold),
            )
        )
    return out


class _Calls(NamedTuple):
    """PDFium functions called once per character, taking and returning plain
    addresses (``c_void_p``): no pointer objects made and cast on every call."""

    box: object
    text_object: object
    generated: object
    font_size: object
    font: object
    render_mode: object
    matrix: object


_CALLS: list[_Calls] = []


def _calls() -> _Calls:
    if not _CALLS:
        void, integer = ctypes.c_void_p, ctypes.c_int

        def fast(function, restype, *argtypes):
            prototype = ctypes.CFUNCTYPE(restype, *argtypes)
            return prototype(ctypes.cast(function, ctypes.c_void_p).value)

        _CALLS.append(
            _Calls(
                fast(raw.FPDFText_GetLooseCharBox, integer, void, integer, void),
                fast(raw.FPDFText_GetTextObject, void, void, integer),
                fast(raw.FPDFText_IsGenerated, integer, void, integer),
                fast(raw.FPDFText_GetFontSize, ctypes.c_double, void, integer),
                fast(raw.FPDFTextObj_GetFont, void, void),
                fast(raw.FPDFTextObj_GetTextRenderMode, integer, void),
                fast(raw.FPDFText_GetMatrix, integer, void, integer, void),
            )
        )
    return _CALLS[0]


def _page_text(textpage, count: int) -> str | None:
    """All characters of the page in one call (one UTF-16 unit per character), or
    ``None`` when the page holds characters outside the BMP (then each is asked for)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(textpage, 0, count, buffer)
    data = bytes(memoryview(buffer).cast("B")[: max(written - 1, 0) * 2])
    text = data.decode("utf-16-le", errors="surrogatepass")
    if len(text) != count or _SURROGATE.search(text):
        return None
    return text


def _unicode(textpage, index: int) -> str:
    code = raw.FPDFText_GetUnicode(textpage, index)
    return chr(code) if 0 <= code <= 0x10FFFF else "\ufffd"


def _style(calls: _Calls, textpage: int, index: int, obj, fonts: dict) -> tuple[float, bool]:
    """Font size (points, as printed) and boldness of the text object a character
    belongs to. The size PDFium gives is the one set in the text (``Tf``); some
    producers (WPS) set 239 and scale the text matrix down to 0.034, so the matrix's
    scale is applied."""
    size = calls.font_size(textpage, index)
    matrix = raw.FS_MATRIX()
    if calls.matrix(textpage, index, ctypes.byref(matrix)):
        scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        if scale > 0:
            size *= scale
    if not obj:
        return size, False
    if calls.render_mode(obj) == raw.FPDF_TEXTRENDERMODE_FILL_STROKE:
        return size, True  # "fake bold": the outline stroked over the fill
    font = calls.font(obj)
    if not font:
        return size, False
    bold = fonts.get(font)
    if bold is None:
        bold = fonts[font] = _bold_font(ctypes.cast(font, raw.FPDF_FONT))
    return size, bold


def _bold_font(font) -> bool:
    if raw.FPDFFont_GetWeight(font) >= 600 or raw.FPDFFont_GetFlags(font) & _FORCE_BOLD:
        return True
    buffer = ctypes.create_string_buffer(128)
    raw.FPDFFont_GetBaseFontName(font, buffer, len(buffer))
    name = buffer.value.decode("latin-1").lower()
    return any(mark in name for mark in _BOLD_NAMES)


# --- rulings -------------------------------------------------------------------------------


def _walk(parent, count_objects, get_object, rules: list[Rule], height: float, matrix, depth):
    """Collect the rulings of the objects under ``parent`` (a page or a form XObject);
    returns whether any image was seen. ``matrix`` maps a form's space to the page's
    (``None`` on the page itself), ``depth`` counts the forms around ``parent``."""
    images = False
    left, bottom = ctypes.c_float(), ctypes.c_float()
    right, top = ctypes.c_float(), ctypes.c_float()
    for index in range(count_objects(parent)):
        obj = get_object(parent, index)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                continue
            box = (left.value, bottom.value, right.value, top.value)
            if matrix is not None:
                box = _transform_box(matrix, box)
            _path_rules(obj, box, rules, height, matrix)
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            images = True
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < _MAX_DEPTH:
            own = raw.FS_MATRIX()
            raw.FPDFPageObj_GetMatrix(obj, own)
            images |= _walk(
                obj,
                raw.FPDFFormObj_CountObjects,
                raw.FPDFFormObj_GetObject,
                rules,
                height,
                _compose(own, matrix),
                depth + 1,
            )
    return images


def _path_rules(obj, box, rules: list[Rule], height: float, matrix) -> None:
    """The rulings a path draws: a thin path is one line; a stroked path of straight
    segments gives its horizontal and vertical segments (cell rectangles)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if h <= THIN and w >= MIN_RULE:
        rules.append(Rule(True, height - (y0 + y1) / 2, x0, x1))
        return
    if w <= THIN and h >= MIN_RULE:
        rules.append(Rule(False, (x0 + x1) / 2, height - y1, height - y0))
        return
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, fill, stroke) or not stroke.value:
        return  # a filled area: background or shading, not a border
    segments = raw.FPDFPath_CountSegments(obj)
    if segments <= 1 or segments > 64:
        return
    own = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, own)
    full = _compose(own, matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float]] = []
    start: tuple[float, float] | None = None
    for number in range(segments):
        segment = raw.FPDFPath_GetPathSegment(obj, number)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_BEZIERTO:
            return  # a curve: not a table border
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = _apply(full, x.value, y.value)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        elif points and kind == raw.FPDF_SEGMENT_LINETO:
            _segment_rule(points[-1], point, rules, height)
        points.append(point)
        if raw.FPDFPathSegment_GetClose(segment) and start is not None:
            _segment_rule(point, start, rules, height)


def _segment_rule(a, b, rules: list[Rule], height: float) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= 0.5 and abs(ax - bx) >= MIN_RULE:
        rules.append(Rule(True, height - (ay + by) / 2, min(ax, bx), max(ax, bx)))
    elif abs(ax - bx) <= 0.5 and abs(ay - by) >= MIN_RULE:
        rules.append(Rule(False, (ax + bx) / 2, height - max(ay, by), height - min(ay, by)))


# Matrices are (a, b, c, d, e, f) tuples: x' = a·x + c·y + e, y' = b·x + d·y + f.


def _compose(own, outer):
    """The matrix applying ``own`` (an ``FS_MATRIX``) and then ``outer`` (or nothing)."""
    m = (own.a, own.b, own.c, own.d, own.e, own.f)
    if outer is None:
        return m
    a, b, c, d, e, f = m
    oa, ob, oc, od, oe, of = outer
    return (
        a * oa + b * oc,
        a * ob + b * od,
        c * oa + d * oc,
        c * ob + d * od,
        e * oa + f * oc + oe,
        e * ob + f * od + of,
    )


def _apply(matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _transform_box(matrix, box):
    x0, y0, x1, y1 = box
    corners = [_apply(matrix, x, y) for x in (x0, x1) for y in (y0, y1)]
    xs = [p[0] for p in corners]
    ys = [p[1] for p in corners]
    return min(xs), min(ys), max(xs), max(ys)
