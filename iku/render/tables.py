"""Print rules applied to every table of a rendered .docx, whichever renderer or template made it.

Run once after rendering (common.render), so tables that later renderers add inherit them:
- text at least 10 pt; no hyphenation; a figure and its unit kept together ("3 desa", "Rp 1.000");
- columns at least as wide as their longest word, taken from columns with room to spare, so Word and
  LibreOffice never break a word or a figure ("Kondis/i", "100,00/%") inside a cell;
- rows never split across pages; the header row repeats on every page;
- a short table moves whole to the next page; a long one keeps its header with its first row and never leaves
  its last row alone; the caption just before a table stays with it.
"""

from __future__ import annotations

import re
from functools import cache

from docx.oxml import OxmlElement
from docx.oxml.ns import qn as _qn

MIN_HALF_POINTS = 20  # 10 pt
CELL_MARGIN = 57  # twips (1 mm) left and right of a data table's cell text
SLACK = 28  # twips: rounding of the width estimate
SHORT_TABLE = 12  # rows: a table this short moves whole rather than split
CAPTION_CHARS = 200  # a paragraph before a table up to this long (or ending in ":") is its caption or lead-in
TWIPS_PER_POINT = 20

# Advance widths (1/1000 em) of ASCII 32-126 in Arial, the same as Liberation Sans (metric-compatible).
_REGULAR = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
            556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
            500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
            556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
            278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]
_BOLD = [278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
         556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722,
         611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556,
         611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778,
         556, 556, 500, 389, 280, 389, 584]
qn = cache(_qn)  # called for every element of every table: python-docx's qn splits the name each time
_WIDE = 1000  # anything outside ASCII (en dash, ×, ≥): counted wide, never too narrow

# "3 desa", "12 orang", "95 %": a figure and a short unit word stay on one line; so do "Rp" and its amount.
_UNIT = re.compile(r"(?<=\d) (?=(?:%|[A-Za-z]{1,8})(?:\W|$))")
_RUPIAH = re.compile(r"\bRp (?=\d)")
NBSP = "\u00a0"

# Children of w:pPr / w:trPr / w:tblPr that come after the one we add (OOXML requires this order).
_AFTER_HYPHENS = ("w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                  "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                  "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                  "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
AFTER_KEEP_NEXT = ("w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
                    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", *_AFTER_HYPHENS)
_AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del",
                     "w:trPrChange")
_AFTER_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")
_AFTER_CELL_MARGIN = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def char_width(char: str, bold: bool) -> int:
    code = ord(char)
    if code == 0xA0:
        code = 32
    if 32 <= code <= 126:
        return (_BOLD if bold else _REGULAR)[code - 32]
    return _WIDE


def text_width(text: str, half_points: int, bold: bool) -> float:
    """Width in twips of `text` in Arial at `half_points` (Word's w:sz)."""
    return sum(char_width(c, bold) for c in text) * half_points / 2 * TWIPS_PER_POINT / 1000


def finish(document) -> None:
    """Apply the print rules to every table of the document body (nested tables too)."""
    default = _default_size(document)
    for tbl in list(document.element.body.iter(qn("w:tbl"))):
        _finish_table(tbl, default)


def _default_size(document) -> int:
    size = document.styles["Normal"].font.size
    return int(size.pt * 2) if size is not None else 22


def is_data_table(tbl) -> bool:
    """A bordered table of figures, as opposed to a layout table (signature blocks, kop with lambang)."""
    style = tbl.find(qn("w:tblPr") + "/" + qn("w:tblStyle"))
    return style is not None and style.get(qn("w:val")) == "TableGrid"


def _finish_table(tbl, default: int) -> None:
    rows = tbl.findall(qn("w:tr"))
    if not rows:
        return
    for sz in [*tbl.iter(qn("w:sz")), *tbl.iter(qn("w:szCs"))]:
        if sz.getparent().tag == qn("w:rPr") and int(sz.get(qn("w:val"), "0")) < MIN_HALF_POINTS:
            sz.set(qn("w:val"), str(MIN_HALF_POINTS))
    for row in rows:
        _flag(row, "w:cantSplit", _AFTER_CANT_SPLIT)
    for paragraph in tbl.iter(qn("w:p")):
        ppr_flag(paragraph, "w:suppressAutoHyphens", _AFTER_HYPHENS)
    for text in tbl.iter(qn("w:t")):
        if text.text:
            text.text = _RUPIAH.sub("Rp" + NBSP, _UNIT.sub(NBSP, text.text))
    if not is_data_table(tbl):
        return
    if not any(row.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None for row in rows):
        _flag(rows[0], "w:tblHeader", _AFTER_HEADER)
    headers = sum(1 for row in rows if row.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None)
    _keep_together(rows, headers)
    _caption_keeps(tbl)
    after = tbl.getnext()
    if after is not None and after.find(qn("w:pPr") + "/" + qn("w:keepNext")) is not None:
        for paragraph in rows[-1].iter(qn("w:p")):  # the notes and chart after it are kept with the table
            ppr_flag(paragraph, "w:keepNext", AFTER_KEEP_NEXT)
    _cell_margins(tbl)
    _fit_columns(tbl, rows, default, headers)


def _keep_together(rows, headers: int) -> None:
    """keepNext on the paragraphs of the rows that must stay with the row after them."""
    last = len(rows) - 1
    if len(rows) <= SHORT_TABLE:
        keep = range(last)
    else:
        keep = [*range(min(headers + 1, last)), *range(max(last - 2, 0), last)]
    for index in keep:
        for paragraph in rows[index].iter(qn("w:p")):
            ppr_flag(paragraph, "w:keepNext", AFTER_KEEP_NEXT)


def _caption_keeps(tbl) -> None:
    before = tbl.getprevious()
    if before is not None and before.tag == qn("w:p"):
        text = "".join(t.text or "" for t in before.iter(qn("w:t")))
        if text.strip() and (len(text) <= CAPTION_CHARS or text.rstrip().endswith(":")):
            ppr_flag(before, "w:keepNext", AFTER_KEEP_NEXT)


def _cell_margins(tbl) -> None:
    tblpr = tbl.find(qn("w:tblPr"))
    margins = tblpr.find(qn("w:tblCellMar"))
    if margins is None:
        margins = OxmlElement("w:tblCellMar")
        _insert(tblpr, margins, _AFTER_CELL_MARGIN)
    for side in ("w:left", "w:right"):
        el = margins.find(qn(side))
        if el is None:
            el = OxmlElement(side)
            margins.append(el)
        el.set(qn("w:w"), str(CELL_MARGIN))
        el.set(qn("w:type"), "dxa")
    order = {qn(t): i for i, t in enumerate(("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"))}
    for child in sorted(margins, key=lambda c: order.get(c.tag, 9)):
        margins.append(child)


def _cells(rows):
    """(first grid column, span, tc) of every cell."""
    for row in rows:
        column = 0
        before = row.find(qn("w:trPr") + "/" + qn("w:gridBefore"))
        if before is not None:
            column = int(before.get(qn("w:val")))
        for tc in row.findall(qn("w:tc")):
            span_el = tc.find(qn("w:tcPr") + "/" + qn("w:gridSpan"))
            span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
            yield column, span, tc
            column += span


def longest_word(tc, default: int, bold_row: bool) -> float:
    """Width in twips of the widest word in a cell (words split at spaces, not at no-break spaces)."""
    widest = 0.0
    for paragraph in tc.iter(qn("w:p")):
        word = 0.0
        for run in paragraph.iter(qn("w:r")):
            rpr = run.find(qn("w:rPr"))
            size, bold = default, bold_row
            if rpr is not None:
                sz = rpr.find(qn("w:sz"))
                size = int(sz.get(qn("w:val"))) if sz is not None else default
                b = rpr.find(qn("w:b"))
                if b is not None:
                    bold = b.get(qn("w:val"), "true") not in ("0", "false")
            breaks, text_tag = (qn("w:tab"), qn("w:br")), qn("w:t")
            for child in run:
                if child.tag in breaks:
                    widest, word = max(widest, word), 0.0
                if child.tag != text_tag or not child.text:
                    continue
                for char in child.text:
                    if char in " \t\n":
                        widest, word = max(widest, word), 0.0
                    else:
                        word += char_width(char, bold) * size / 2 * TWIPS_PER_POINT / 1000  # text_width of one
        widest = max(widest, word)
    return widest


def _fit_columns(tbl, rows, default: int, headers: int) -> None:
    grid = tbl.findall(qn("w:tblGrid") + "/" + qn("w:gridCol"))
    widths = [int(col.get(qn("w:w"), "0")) for col in grid]
    if not widths:
        return
    need = [0.0] * len(widths)
    for index, row in enumerate(rows):
        for column, span, tc in _cells([row]):
            if span == 1 and column < len(need):
                need[column] = max(need[column], longest_word(tc, default, index < headers))
    need = [round(n + 2 * CELL_MARGIN + SLACK) if n else 0 for n in need]
    short = [max(0, n - w) for n, w in zip(need, widths, strict=True)]
    spare = [max(0, w - max(n, 2 * CELL_MARGIN + SLACK)) for n, w in zip(need, widths, strict=True)]
    wanted, available = sum(short), sum(spare)
    if not wanted or not available:
        return
    moved = min(wanted, available)
    new = [w + round(s * moved / wanted) - round(p * moved / available)
           for w, s, p in zip(widths, short, spare, strict=True)]
    for col, width in zip(grid, new, strict=True):
        col.set(qn("w:w"), str(width))
    for column, span, tc in _cells(rows):
        tcw = tc.find(qn("w:tcPr") + "/" + qn("w:tcW"))
        if tcw is not None:
            tcw.set(qn("w:w"), str(sum(new[column:column + span])))
            tcw.set(qn("w:type"), "dxa")


def _flag(row, tag: str, successors) -> None:
    trpr = row.find(qn("w:trPr"))
    if trpr is None:
        trpr = OxmlElement("w:trPr")
        tblpr_ex = row.find(qn("w:tblPrEx"))
        (tblpr_ex.addnext if tblpr_ex is not None else lambda el: row.insert(0, el))(trpr)
    if trpr.find(qn(tag)) is None:
        el = OxmlElement(tag)
        if tag == "w:tblHeader":
            el.set(qn("w:val"), "true")
        _insert(trpr, el, successors)


def ppr_flag(paragraph, tag: str, successors) -> None:
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        paragraph.insert(0, ppr)
    existing = ppr.find(qn(tag))
    if existing is not None:
        if existing.get(qn("w:val")) in ("0", "false"):
            del existing.attrib[qn("w:val")]
        return
    _insert(ppr, OxmlElement(tag), successors)


@cache
def _names(successors: tuple[str, ...]) -> frozenset[str]:
    return frozenset(qn(t) for t in successors)


def _insert(parent, el, successors) -> None:
    names = _names(successors)
    for child in parent:
        if child.tag in names:
            child.addprevious(el)
            return
    parent.append(el)
