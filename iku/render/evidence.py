"""Lay out the evidence of an indicator (iku/evidence_view.py) in Word and in Excel."""

from __future__ import annotations

import io
from decimal import Decimal

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docxtpl import DocxTemplate, InlineImage
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from iku import formatting as fmt
from iku.render.evidence_view import Cell, EvidenceBlock, EvidenceTable
from iku.xlsx_style import BOLD, BORDER, CENTER, DECIMAL_FORMAT, INTEGER_FORMAT, TOP, WRAP, header, put_text

FONT = "Arial"
SIZE = Pt(10)  # no table text under 10 pt (issue 7)
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
CHART_WIDTH = Mm(150)
NUMBER_HEADERS = ("No", "Tahun")  # columns of row numbers and years: integers without a thousands dot
TEXT_WIDTH = 50  # characters: longer text in an xlsx evidence table wraps


def shown(value: Cell) -> str:
    if isinstance(value, Decimal):
        places = max(2, min(4, -value.as_tuple().exponent)) if value != value.to_integral_value() else 2
        return fmt.number(value, places)
    if isinstance(value, int):
        return fmt.number(Decimal(value), 0)
    return value


def _run(paragraph, text: str, bold: bool = False, italic: bool = False, size=SIZE):
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = size
    run.font.name = FONT
    return run


def _shade(cell) -> None:
    shd = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "D9E1F2")):
        shd.set(qn(key), value)
    cell._tc.get_or_add_tcPr().append(shd)


def _row_flag(row, tag: str) -> None:
    flag = OxmlElement(tag)
    if tag == "w:tblHeader":
        flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _table(sub, spec: EvidenceTable) -> None:
    caption = sub.add_paragraph()
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_before = Pt(4)
    caption.paragraph_format.space_after = Pt(2)
    _run(caption, spec.title, bold=True)
    table = sub.add_table(rows=1 + len(spec.rows), cols=len(spec.headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, spec.widths, strict=True):
        column.width = Mm(width)
    for r, values in enumerate([spec.headers, *spec.rows]):
        row = table.rows[r]
        _row_flag(row, "w:cantSplit")
        bold = r == 0 or (spec.bold_last and r == len(spec.rows))
        for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Mm(spec.widths[c])
            paragraph = cell.paragraphs[0]
            paragraph.alignment = ALIGN["center" if r == 0 else spec.aligns[c]]
            _run(paragraph, shown(value), bold=bold)
            if r == 0:
                _shade(cell)
        if r == 0:
            _row_flag(row, "w:tblHeader")
    sub.add_paragraph().paragraph_format.space_after = Pt(4)


def subdoc(template: DocxTemplate, block: EvidenceBlock):
    """Sentences and tables of the evidence as a sub-document placed in the LKjIP."""
    sub = template.new_subdoc()
    for sentence in block.sentences:
        paragraph = sub.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.space_after = Pt(4)
        _run(paragraph, sentence, size=Pt(11))
    for spec in block.tables:
        _table(sub, spec)
    return sub


def chart(template: DocxTemplate, block: EvidenceBlock) -> InlineImage | None:
    return InlineImage(template, io.BytesIO(block.chart), width=CHART_WIDTH) if block.chart else None


def write_table(ws: Worksheet, row: int, spec: EvidenceTable, source: list[str] | None = None) -> int:
    """An evidence table on a sheet of the measurement workbook from `row`; returns the next free row.
    `source` adds a column naming the input sheet and row of each line, for tracing."""
    put_text(ws.cell(row=row, column=1), spec.title).font = BOLD
    row += 1
    headers = list(spec.headers) + (["Sumber"] if source else [])
    for c, title in enumerate(headers, start=1):
        header(ws.cell(row=row, column=c), title)
    _height(ws, row, headers)
    for r, values in enumerate(spec.rows, start=row + 1):
        line = list(values) + ([source[r - row - 1]] if source else [])
        for c, value in enumerate(line, start=1):
            trace = bool(source) and c == len(line)
            cell = ws.cell(row=r, column=c)
            if headers[c - 1] in NUMBER_HEADERS and isinstance(value, str) and value.isdigit():
                value = int(value)  # a row number or a year is a number in Excel, not text
                cell.alignment = CENTER
            if isinstance(value, int) and headers[c - 1] in NUMBER_HEADERS:
                cell.value = value
                cell.number_format = INTEGER_FORMAT
            elif isinstance(value, Decimal):
                cell.value = float(value)
                cell.number_format = DECIMAL_FORMAT if -value.as_tuple().exponent <= 2 else "0.0000"
            elif isinstance(value, int):
                cell.value = value
                cell.number_format = "#,##0"
            else:
                put_text(cell, value).alignment = TOP if trace else WRAP
            cell.border = BORDER
            if spec.bold_last and r == row + len(spec.rows):
                cell.font = BOLD
        _height(ws, r, line)
    return row + len(spec.rows) + 2


def widths(ws: Worksheet, spec: EvidenceTable, source: list[str] | None = None) -> None:
    """Column widths in characters: the table's millimetres (about 2,2 mm per character) or the longest text
    of the column up to TEXT_WIDTH, never narrower than now; the trace column as wide as its longest entry."""
    columns = list(zip(*spec.rows, strict=False)) if spec.rows else [()] * len(spec.widths)
    chars = [max(round(mm / 2.2) + 2, min(TEXT_WIDTH, _longest(values) + 2))
             for mm, values in zip(spec.widths, columns, strict=False)]
    if source:
        chars.append(max(map(len, source), default=8) + 2)
    for c, width in enumerate(chars, start=1):
        letter = get_column_letter(c)
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, width)


def _longest(values) -> int:
    return max((len(v) for v in values if isinstance(v, str)), default=0)


def _height(ws: Worksheet, row: int, values: list) -> None:
    """Rows whose text wraps get the height of their lines: LibreOffice keeps the default height otherwise."""
    lines = 1
    for c, value in enumerate(values, start=1):
        if isinstance(value, str) and value:
            width = ws.column_dimensions[get_column_letter(c)].width or 10
            lines = max(lines, -(-len(value) // max(1, int(width) - 1)))
    if lines > 1:
        ws.row_dimensions[row].height = 15 * lines
