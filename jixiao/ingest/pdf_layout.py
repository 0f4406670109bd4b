"""Glyphs → lines → paragraphs: how the PDF reader puts characters back into text.

A born-digital PDF knows where each character is printed, not which words,
lines or paragraphs it belongs to. This module rebuilds them from positions:

- **lines**: glyphs whose vertical middles agree (within ~half the font size),
  left to right; a gap wider than about a third of the font size is a space
  (PDFs often print no space glyph, only move the pen), and Chinese characters
  are joined without one.
- **paragraphs**: a line is continued on the next one when the next line's first
  word (one Chinese character with the punctuation that may not start or end a
  line, or a run of Latin letters and digits; see :func:`first_word_width` for
  what else Chinese line breaking keeps together) would not have fitted at the
  end of it — that is why the text broke there. Otherwise the paragraph ended. A
  line opening with a list number after a line ending a sentence starts a
  paragraph whatever the room left; so do a change of font size or weight and a
  first-line indent (``pdf_reader``). The test needs only the width the text
  could fill (a table cell's width less its padding, the page's text column), so
  it holds for text aligned left, centred or right alike. Wrapped lines are
  joined without a space, except between two Latin words.

Where the test cannot tell (a paragraph whose last line ends at the margin), a
cell comes out with one paragraph too few or too many; the Word-export parser
joins the lines of one-line fields (names, targets) anyway, so that costs only
multi-paragraph cells such as 绩效目标, whose numbered lines are recognised.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence
from typing import NamedTuple

from jixiao.ingest.pdf_page import Glyph

# Punctuation a line may not start with (it stays with the character before it)
# and may not end with (it goes down with the character after it): Chinese line
# breaking moves these together with their neighbour, so they are part of the word.
_NO_START = frozenset("，。、；：？！）》」』】〕〉％‰℃,.;:?!)]}>/%…—·～")
_NO_END = frozenset("（《「『【〔〈([{<")
_QUOTES = frozenset("“”‘’\"'")
_SENTENCE_END = frozenset("。；！？：;!?:")
_LIST_ITEM = re.compile(
    r"(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)"
    r"|[一二三四五六七八九十]+、|\d+(、|[.．](?!\d))|[①-⑳])"
)
_CLOSING = frozenset("）》」』】〕〉)]}>")


class Line(NamedTuple):
    """One printed line: its text, box (points from the top-left), dominant font size,
    whether every glyph is bold, and the glyphs themselves."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    glyphs: tuple[Glyph, ...]

    @property
    def width(self) -> float:
        return self.x1 - self.x0


def group_lines(glyphs: Sequence[Glyph]) -> list[Line]:
    """The lines the glyphs form, top to bottom (see the module docstring)."""
    if not glyphs:
        return []
    # Runs of glyphs on one level in the order they were printed (most producers print
    # line by line), then runs on the same level merged: sorting runs, not glyphs.
    runs: list[list] = []  # [middle, reach, glyphs]
    middle = reach = -1e9
    current: list[Glyph] = []
    for glyph in glyphs:
        mid = (glyph[2] + glyph[4]) / 2
        if -reach <= mid - middle <= reach or abs(mid - middle) <= glyph[5] * 0.45:
            current.append(glyph)
        else:
            current = [glyph]
            middle, reach = mid, glyph[5] * 0.45
            runs.append([mid, reach, current])
    if len(runs) > 1:
        runs.sort(key=_first)
        merged = [runs[0]]
        for run in runs[1:]:
            last = merged[-1]
            if run[0] - last[0] <= max(last[1], run[1]):
                last[2].extend(run[2])
            else:
                merged.append(run)
        runs = merged
    return [_line(run[2]) for run in runs]


def _first(run: list) -> float:
    return run[0]


def _line(glyphs: list[Glyph]) -> Line:
    """A row of glyphs as a line, left to right. A gap wider than a third of the font
    size is a space; a glyph printed twice at the same place (a cheap bold effect
    some producers use) is kept once. (Once per line: tuple indices, no attributes.)"""
    glyphs.sort(key=_X0)
    parts: list[str] = []
    kept: list[Glyph] = []
    previous = glyphs[0]
    top, x1, bottom = previous[2], previous[3], previous[4]
    sizes: dict[float, int] = {}
    bold = True
    for glyph in glyphs:
        text = glyph[0]
        if kept:
            if text == previous[0] and -0.3 < glyph[1] - previous[1] < 0.3:
                continue
            size = glyph[5] if glyph[5] > previous[5] else previous[5]
            if glyph[1] - previous[3] > size * 0.35 and text != " " and previous[0] != " ":
                parts.append(" ")
        parts.append(text)
        kept.append(glyph)
        previous = glyph
        if glyph[2] < top:
            top = glyph[2]
        if glyph[3] > x1:
            x1 = glyph[3]
        if glyph[4] > bottom:
            bottom = glyph[4]
        if text != " ":
            sizes[glyph[5]] = sizes.get(glyph[5], 0) + 1
            bold = bold and glyph[6]
    joined = "".join(parts)
    if " " in joined:
        joined = " ".join(joined.split())
    if not sizes:
        return Line(joined, kept[0][1], top, x1, bottom, kept[0][5], False, tuple(kept))
    size = next(iter(sizes)) if len(sizes) == 1 else max(sizes, key=sizes.__getitem__)
    return Line(joined, kept[0][1], top, x1, bottom, size, bold, tuple(kept))


_X0 = operator.itemgetter(1)


def first_word_width(line: Line) -> float:
    """Width (points) of what the line breaker would have had to fit on the line
    before: the first character or Latin word, with what LibreOffice and Word keep
    with it — the punctuation that may not start or end a line, quotation marks
    (tied to both neighbours), a short bracketed group (``（元/度）``), and digits
    right after Chinese punctuation (``，2008``)."""
    glyphs = [g for g in line.glyphs if g.text != " "]
    if not glyphs:
        return 0.0
    last = len(glyphs) - 1
    index = 0
    if glyphs[0].text in _NO_END:
        closing = _short_group_end(glyphs)
        if closing is not None:
            index = closing
    while index < last and (glyphs[index].text in _NO_END or glyphs[index].text in _QUOTES):
        index += 1
    index = _word_end(glyphs, index)
    while index < last:
        following = glyphs[index + 1].text
        if following in _QUOTES and index + 1 < last:
            index = _word_end(glyphs, index + 2)
        elif following in _NO_START:
            index += 1
            if index < last and not glyphs[index].text.isascii() and _latin(glyphs[index + 1].text):
                index = _word_end(glyphs, index + 1)
        elif following in _QUOTES:
            index += 1
        else:
            break
    if index < last:  # up to where the next glyph starts: the pen's advance
        return max(glyphs[index + 1].x0, glyphs[index].x1) - glyphs[0].x0
    return glyphs[index].x1 - glyphs[0].x0


def _short_group_end(glyphs: Sequence[Glyph]) -> int | None:
    """The closing bracket of a bracketed group of at most six characters opening
    the line, ``None`` when there is none."""
    for index in range(1, min(len(glyphs), 8)):
        if glyphs[index].text in _CLOSING:
            return index
        if glyphs[index].text in _NO_END:
            return None
    return None


def _word_end(glyphs: Sequence[Glyph], index: int) -> int:
    """The last glyph of the character or Latin word starting at ``index``."""
    if _latin(glyphs[index].text):
        while index + 1 < len(glyphs) and _latin(glyphs[index + 1].text):
            if glyphs[index + 1].x0 - glyphs[index].x1 > glyphs[index].size * 0.2:
                break  # a space between: the word ended
            index += 1
    return index


def _latin(char: str) -> bool:
    """Letters, digits and the ASCII signs that stick to them in a word."""
    return char.isascii() and char.isprintable() and char not in " ([{<\"'"


def continues(previous: Line, line: Line, available: float) -> bool:
    """Whether ``line`` continues the paragraph of ``previous``, a line that had
    ``available`` points to fill: the first word of ``line`` would not have fitted.
    A line opening with a list number (``（二）``, ``2、``, ``3.``) after a line ending a
    sentence starts a paragraph even so: a sentence that happens to end at the margin."""
    if previous.text[-1:] in _SENTENCE_END and _LIST_ITEM.match(line.text):
        return False
    extra = first_word_width(line)
    if _joins_with_space(previous.text, line.text):
        extra += line.size * 0.25
    return previous.width + extra > available - line.size * 0.1


def join_lines(texts: Sequence[str]) -> str:
    """Wrapped lines of one paragraph as one string (a space only between Latin words)."""
    out = ""
    for text in texts:
        if out and _joins_with_space(out, text):
            out += " "
        out += text
    return out


def _joins_with_space(before: str, after: str) -> bool:
    return bool(before and after) and _latin(before[-1]) and _latin(after[0])


def paragraphs_in_box(lines: Sequence[Line], x0: float, x1: float) -> list[str]:
    """The paragraphs of lines printed in a box from ``x0`` to ``x1`` (a table cell
    less its padding), top to bottom; a paragraph's wrapped lines are joined."""
    paragraphs: list[list[str]] = []
    previous: Line | None = None
    for line in lines:
        if not line.text:
            continue
        if previous is not None and continues(previous, line, x1 - x0):
            paragraphs[-1].append(line.text)
        else:
            paragraphs.append([line.text])
        previous = line
    return [join_lines(p) for p in paragraphs]
