"""A disclosure as a Word document (DOCX) in the standard layout of the 公开 tables.

What the seeds print, regenerated from the model: section headings and narrative
paragraphs; each budget table with its title, its caption row (unit line,
预算年度, 单位：万元), its header with merged cells where the header has two
levels, its 栏次 row, its rows and its note; the 部门整体绩效目标; and one
项目支出绩效目标表 per project, merged where the standard table merges (unit line
and 单位, 预算规模及资金用途 over the budget and purpose rows, 资金支出计划 over its
two rows, 一级/二级 names over the indicator rows they head).

Every cell and paragraph prints a raw string of the model, nothing else, so
reading the file back (``jixiao.ingest``) gives the same raw strings and the same
parsed values — the round trip the tests hold. Parts are printed in the order
their locations give (the source document's order); a model without locations
gets budget tables, narrative, goals, projects. Fonts are set on every run
(宋体 for Chinese, 黑体 for headings), the page is A4, wide budget tables get a
landscape section.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from jixiao.model import Disclosure
from jixiao.publish.layout import TableBlock, TextStyle, disclosure_blocks
from jixiao.publish.wordml import (
    A4_MM,
    BODY_FONT,
    HEADING_FONT,
    LATIN_FONT,
    MARGIN_MM,
    PROSE,
    W_NS,
    Bookmarks,
    page_width_twips,
    paragraph,
    section_break,
    table_xml,
)


def write_disclosure_docx(disclosure: Disclosure, path: str | Path) -> Path:
    """Write ``disclosure`` as a .docx at ``path`` (parents created); returns the path."""
    import docx  # python-docx: the package, styles and page set-up
    from docx.oxml import parse_xml

    path = Path(path)
    document = docx.Document()
    _set_up(document, disclosure)
    body = document.element.body
    writer = _Writer(disclosure)
    fragments = "".join(writer.fragments())
    new_body = parse_xml(f'<w:body xmlns:w="{W_NS}">{fragments}</w:body>')
    new_body.append(body[-1])  # the body's own sectPr (page set-up) stays last
    document.element.replace(body, new_body)
    if writer.landscape:  # the document ends with a wide table: its last section turns
        from docx.enum.section import WD_ORIENT

        last = document.sections[-1]
        last.orientation = WD_ORIENT.LANDSCAPE
        last.page_width, last.page_height = last.page_height, last.page_width
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _set_up(document, disclosure: Disclosure) -> None:
    """A4 portrait, margins, fonts of the styles, the title in the file's properties."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    section = document.sections[0]
    section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    footer = section.footer.paragraphs[0]
    footer.alignment = 1  # centred page number
    footer._p.append(
        parse_xml(
            f'<w:fldSimple xmlns:w="{W_NS}" w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
    for name, font, size in (
        ("Normal", BODY_FONT, 12),
        ("Title", HEADING_FONT, 18),
        ("Heading 1", HEADING_FONT, 16),
        ("Heading 2", HEADING_FONT, 14),
        ("Heading 3", HEADING_FONT, 12),
    ):
        style = document.styles[name]
        style.font.name = LATIN_FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), font)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
    properties = document.core_properties
    properties.title = f"{disclosure.unit_name}{disclosure.fiscal_year}年部门预算公开"
    properties.author = "jixiao"


# --- the document, block by block ----------------------------------------------------------

_HEADING_LEVEL = {TextStyle.PART: 1, TextStyle.HEADING: 2, TextStyle.SUBHEADING: 3}


class _Writer:
    """Turns a disclosure's blocks into body XML fragments, in document order."""

    def __init__(self, disclosure: Disclosure) -> None:
        self.blocks = disclosure_blocks(disclosure)
        self.bookmarks = Bookmarks()
        self.landscape = False

    def fragments(self) -> Iterator[str]:
        for number, block in enumerate(self.blocks):
            wide = self._wide_from(number)
            if wide is not None and wide != self.landscape:
                yield section_break(self.landscape)
                self.landscape = wide
            if isinstance(block, TableBlock):
                width = page_width_twips(self.landscape)
                yield table_xml(block.rows, width_twips=width, header_rows=block.header_rows)
            elif block.style in _HEADING_LEVEL:
                yield paragraph(
                    block.text,
                    style=f"Heading{_HEADING_LEVEL[block.style]}",
                    font=HEADING_FONT,
                    bookmarks=self.bookmarks,
                    keep_next=True,
                )
            elif block.style is TextStyle.TITLE:
                yield paragraph(
                    block.text,
                    align="center",
                    bold=True,
                    size=14,
                    font=HEADING_FONT,
                    bookmarks=self.bookmarks,
                    keep_next=True,
                )
            elif block.style is TextStyle.NOTE:
                yield paragraph(block.text, size=10, spacing=PROSE)
            else:
                yield paragraph(block.text, indent=True, spacing=PROSE)

    def _wide_from(self, number: int) -> bool | None:
        """Whether the page turns at block ``number``: a wide table turns it with its
        title, its note keeps it, anything else turns it back to portrait."""
        block = self.blocks[number]
        if isinstance(block, TableBlock):
            return block.wide
        if block.style is TextStyle.TITLE:
            following = self.blocks[number + 1] if number + 1 < len(self.blocks) else None
            return isinstance(following, TableBlock) and following.wide
        return None if block.style is TextStyle.NOTE else False
