"""Small openpyxl helpers shared by the workbooks we write."""

from __future__ import annotations

import io
import re
import weakref
import zipfile
from copy import copy

from openpyxl.cell.cell import Cell
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.drawing.text import Font as TextFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.workbook import Workbook

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
FONT = "Calibri"  # the workbook default; named, or LibreOffice prints bold cells in a serif face
BOLD = Font(name=FONT, bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

PERCENT_FORMAT = "0.00%"
DECIMAL_FORMAT = "#,##0.00"
COUNT_FORMAT = "#,##0"
TEXT_FORMAT = "@"  # a predicate cell: "BB" stays text


def put_text(cell: Cell, value: str) -> Cell:
    """Write text that stays text: a leading '=' must never become a formula."""
    cell.value = value
    cell.data_type = "s"
    return cell


# Per workbook: a combination of style objects -> the cell style openpyxl made of it, and the objects themselves
# (kept alive, so that their id() in the key is never reused by another object).
_STYLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def style(cell: Cell, *, font: Font | None = None, fill: PatternFill | None = None, border: Border | None = None,
          alignment: Alignment | None = None, number_format: str | None = None) -> Cell:
    """Give an unstyled cell several style attributes at once.

    openpyxl hashes the whole style object at every assignment (a third of the measurement workbook's time);
    here each combination is assigned once per workbook and later cells copy the result."""
    objects = (font, fill, border, alignment)
    key = (*map(id, objects), number_format)
    known = _STYLES.setdefault(cell.parent.parent, {})
    if key not in known:
        for name, value in zip(("font", "fill", "border", "alignment", "number_format"), (*objects, number_format),
                               strict=True):
            if value is not None:
                setattr(cell, name, value)
        known[key] = (copy(cell._style), objects)
    else:
        cell._style = copy(known[key][0])
    return cell


def header(cell: Cell, value: str) -> Cell:
    return style(put_text(cell, value), font=BOLD, fill=HEADER_FILL, alignment=CENTER, border=BORDER)

# ECMA-376 paperSize 14 is Folio, 8,5 x 13 in: the F4 sheet of Indonesian offices (A4 is 9).
PAPER_F4 = 14
INTEGER_FORMAT = "0"  # numbers and years: no thousands dot in "2025"


def _props(size: int, bold: bool = False) -> CharacterProperties:
    return CharacterProperties(latin=TextFont(typeface=FONT), sz=size * 100, b=bold)


def _rich(size: int) -> RichText:
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=_props(size)), endParaRPr=_props(size))])


def _title_font(title, size: int) -> None:
    for paragraph in title.tx.rich.p:
        paragraph.pPr = ParagraphProperties(defRPr=_props(size, bold=True))
        for run in paragraph.r or []:
            run.rPr = _props(size, bold=True)


def chart_text(chart, size: int = 9) -> None:
    """Every text of a chart (title, axes, legend) in the workbook's font, not the application's default.
    Call after the titles are set."""
    _title_font(chart.title, size + 2)
    for axis in (chart.x_axis, chart.y_axis):
        axis.txPr = _rich(size)
        if axis.title is not None:
            _title_font(axis.title, size)
    if chart.legend is not None:
        chart.legend.txPr = _rich(size)


MAX_PROPERTY = 255  # the longest document property value Office keeps
LANGUAGE = "id-ID"
# CT_Font's children in the order of the Open XML SDK (ISO 29500 allows any order; the SDK and Excel's own files
# use this one). openpyxl writes name first and color before sz.
_FONT_ORDER = ("b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color",
               "name", "family", "charset", "scheme")
_FONT = re.compile(r"<font>((?:<[A-Za-z]+(?: [^<>]*)?/>)+)</font>")
_CHILD = re.compile(r"<([A-Za-z]+)(?: [^<>]*)?/>")


def _capped(text: str) -> str:
    return text if len(text) <= MAX_PROPERTY else text[:MAX_PROPERTY - 1].rstrip() + "\u2026"


def set_author(wb: Workbook, author: str, title: str | None = None) -> None:
    """The workbook's document properties: the office (or kabupaten) as author instead of "openpyxl", Indonesian,
    and every value within Office's 255 characters."""
    props = wb.properties
    props.creator = props.lastModifiedBy = _capped(author)
    props.language = LANGUAGE
    if title is not None:
        props.title = _capped(title)


def _ordered_font(match: re.Match) -> str:
    children = _CHILD.findall(match.group(1))
    pieces = [m.group(0) for m in _CHILD.finditer(match.group(1))]
    rank = {name: i for i, name in enumerate(_FONT_ORDER)}
    ordered = sorted(zip(children, pieces, strict=True), key=lambda pair: rank.get(pair[0], len(rank)))
    return "<font>" + "".join(piece for _, piece in ordered) + "</font>"


APP_XML = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           b'<Application>iku</Application><DocSecurity>0</DocSecurity></Properties>')


def workbook_bytes(wb: Workbook) -> bytes:
    """Save the workbook, with its styles part in the SDK's element order and the application named honestly in
    docProps/app.xml (openpyxl writes "Microsoft Excel Compatible / Openpyxl"); the other parts are copied as
    they are."""
    if wb.properties.creator == "openpyxl":  # openpyxl's default author: nobody's name
        wb.properties.creator = ""
    buffer = io.BytesIO()
    wb.save(buffer)
    written = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/styles.xml":
                data = _FONT.sub(_ordered_font, data.decode("utf-8")).encode("utf-8")
            elif info.filename == "docProps/app.xml":
                data = APP_XML
            target.writestr(info, data)
    return written.getvalue()
