"""python-docx helpers for building the .docx templates in templates/ (run by make_templates.py)."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

FONT = "Arial"  # Liberation Sans on Linux has the same metrics (shared/domain)
F4 = (Mm(215), Mm(330))


def base_styles(doc, size: int = 11) -> None:
    for name in ("Normal", "Table Grid"):
        style = doc.styles[name]
        style.font.name = FONT
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(size)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for level in (1, 2, 3):
        heading = doc.styles[f"Heading {level}"]
        heading.font.name = FONT
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading.font.size = Pt({1: 13, 2: 12, 3: 11}[level])
        heading.font.bold = True
        heading.font.italic = False
        heading.paragraph_format.space_before = Pt(12)
        heading.paragraph_format.space_after = Pt(6)
        rfonts = heading.element.get_or_add_rPr().find(qn("w:rFonts"))
        if rfonts is not None:
            for attr in list(rfonts.attrib):
                del rfonts.attrib[attr]
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                rfonts.set(qn(attr), FONT)


def page(section, landscape: bool, margins_mm=(25, 20, 20, 20)) -> None:
    """F4 paper; the renderer switches to A4 when the office catalogue says so."""
    width, height = F4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    left, right, top, bottom = margins_mm
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)


def new_document(size: int, landscape: bool, margins_mm: tuple[int, int, int, int]):
    """A Document with our styles and F4 page; returns (document, its first section)."""
    from docx import Document

    doc = Document()
    base_styles(doc, size=size)
    section = doc.sections[0]
    page(section, landscape=landscape, margins_mm=margins_mm)
    return doc, section


def para(container, text: str = "", bold=False, size=None, align=None, italic=False, underline=False,
         space_after=0, space_before=0, keep_next=False, style=None, color=None):
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.italic = italic
        run.underline = underline
        if size:
            run.font.size = Pt(size)
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
    if align:
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                       "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
    p.paragraph_format.space_after = Pt(space_after)
    p.paragraph_format.space_before = Pt(space_before)
    if keep_next:
        p.paragraph_format.keep_with_next = True
    return p


def cell_text(cell, text: str, bold=False, align=None, size=None, first=True):
    """Write into a table cell: reuse its empty first paragraph, else add one."""
    p = cell.paragraphs[0] if first and not cell.paragraphs[0].text else cell.add_paragraph()
    run = p.add_run(text)
    if size and not text:  # an empty line keeps the block's size
        p.paragraph_format.line_spacing = Pt(size * 1.15)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if align:
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                       "left": WD_ALIGN_PARAGRAPH.LEFT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    return p


def table(doc, rows: int, widths_mm: list[float], grid=True, align_center=True):
    t = doc.add_table(rows=rows, cols=len(widths_mm))
    if grid:
        t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER if align_center else WD_TABLE_ALIGNMENT.LEFT
    t.autofit = False
    for column, width in zip(t.columns, widths_mm, strict=False):
        column.width = Mm(width)
    for row in t.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)
    return t


def shade(cell, fill: str = "D9E1F2") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def no_split(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def bottom_rule(paragraph, style: str = "thickThinSmallGap", size: int = 18) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), style)
    bottom.set(qn("w:sz"), str(size))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    border.append(bottom)
    later = {qn(t) for t in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc", "w:rPr")}
    successor = next((child for child in ppr if child.tag in later), None)  # OOXML order: Word rejects others
    if successor is not None:
        successor.addprevious(border)
    else:
        ppr.append(border)


def field(paragraph, instruction: str, placeholder: str = "1") -> None:
    """A Word field such as PAGE; Word and LibreOffice compute it when opening. Only a table of contents is marked
    for update (w:dirty): on any other field Word would ask to update fields each time the document opens."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    if instruction.strip().startswith("TOC"):
        begin.set(qn("w:dirty"), "true")
    run._r.append(begin)
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run = paragraph.add_run()
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run._r.append(sep)
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def field_begin(paragraph, instruction: str) -> None:
    """Open a field whose result spans the following paragraphs (a table of contents); close with field_end."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None)):
        run = paragraph.add_run()
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                el.set(qn("w:dirty"), "true")
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        run._r.append(el)


def field_end(paragraph) -> None:
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(el)


def indent(paragraph, left_mm: float, hanging_mm: float = 0) -> None:
    fmt = paragraph.paragraph_format
    fmt.left_indent = Mm(left_mm)
    if hanging_mm:
        fmt.first_line_indent = Mm(-hanging_mm)


def page_numbering(section, fmt: str = "decimal", start: int | None = 1) -> None:
    """Number the pages of a section in `fmt` (decimal, lowerRoman), restarting at `start`."""
    sectpr = section._sectPr
    el = sectpr.find(qn("w:pgNumType"))
    if el is None:
        el = OxmlElement("w:pgNumType")
        later = {qn(t) for t in ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                                 "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")}
        successor = next((child for child in sectpr if child.tag in later), None)
        if successor is not None:
            successor.addprevious(el)
        else:
            sectpr.append(el)
    el.set(qn("w:fmt"), fmt)
    if start is not None:
        el.set(qn("w:start"), str(start))
