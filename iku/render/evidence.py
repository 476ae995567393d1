"""Lay out the evidence of an indicator (iku/evidence_view.py) in Word and in Excel."""

from __future__ import annotations

from decimal import Decimal

from docx.shared import Mm
from docxtpl import DocxTemplate
from markupsafe import Markup
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from iku import formatting as fmt
from iku.render.docx_chart import NativeChart
from iku.render.evidence_view import Cell, EvidenceBlock, EvidenceTable
from iku.render.wordxml import paragraph, run
from iku.xlsx_style import BOLD, BORDER, CENTER, DECIMAL_FORMAT, INTEGER_FORMAT, TOP, WRAP, header, put_text, style

# Table text 10 pt (20 half-points; no table text under 10 pt, issue 7), sentences 11 pt.
TWIPS_PER_MM = 1440 / 25.4
CHART_WIDTH = Mm(160)
CHART_HEIGHTS = {False: Mm(80), True: Mm(96)}  # columns 16 x 8 cm; horizontal bars (nine unsur) taller
NUMBER_HEADERS = ("No", "Tahun")  # columns of row numbers and years: integers without a thousands dot
TEXT_WIDTH = 50  # characters: longer text in an xlsx evidence table wraps


def shown(value: Cell) -> str:
    if isinstance(value, Decimal):
        places = max(2, min(4, -value.as_tuple().exponent)) if value != value.to_integral_value() else 2
        return fmt.number(value, places)
    if isinstance(value, int):
        return fmt.number(Decimal(value), 0)
    return value


def _table(spec: EvidenceTable) -> str:
    twips = [round(width * TWIPS_PER_MM) for width in spec.widths]
    caption = paragraph(run(spec.title, bold=True), '<w:keepNext/><w:spacing w:before="80" w:after="40"/>')
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    rows = []
    for r, values in enumerate([spec.headers, *spec.rows]):
        bold = r == 0 or (spec.bold_last and r == len(spec.rows))
        flags = '<w:cantSplit/><w:tblHeader w:val="true"/>' if r == 0 else "<w:cantSplit/>"
        shade = '<w:shd w:val="clear" w:color="auto" w:fill="D9E1F2"/>' if r == 0 else ""
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{w}"/>{shade}</w:tcPr>'
            + paragraph(run(shown(value), bold=bold), f'<w:jc w:val="{"center" if r == 0 else align}"/>') + "</w:tc>"
            for value, w, align in zip(values, twips, spec.aligns, strict=True))
        rows.append(f"<w:tr><w:trPr>{flags}</w:trPr>{cells}</w:tr>")
    table = (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/>'
             f'<w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" '
             f'w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
             f'{"".join(rows)}</w:tbl>')
    return caption + table + paragraph("", '<w:spacing w:after="80"/>')


def word_xml(block: EvidenceBlock) -> Markup:
    """Sentences and tables of the evidence as Word XML placed in the LKjIP ({{p ...}}).

    Written as XML text, not through python-docx objects and a docxtpl sub-document: that cost a third of a
    second per LKjIP. Only the template's own styles are used (TableGrid), so no style needs merging."""
    sentences = "".join(paragraph(run(sentence, size=24), '<w:spacing w:after="80"/><w:jc w:val="both"/>')
                        for sentence in block.sentences)
    return Markup(sentences + "".join(_table(spec) for spec in block.tables))


def chart(template: DocxTemplate, block: EvidenceBlock) -> NativeChart | None:
    if not block.chart:
        return None
    return NativeChart(template, block.chart, CHART_WIDTH, CHART_HEIGHTS[block.chart.horizontal])


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
            font = BOLD if spec.bold_last and r == row + len(spec.rows) else None
            alignment, number_format = None, None
            if headers[c - 1] in NUMBER_HEADERS and isinstance(value, str) and value.isdigit():
                value = int(value)  # a row number or a year is a number in Excel, not text
                alignment = CENTER
            if isinstance(value, int) and headers[c - 1] in NUMBER_HEADERS:
                cell.value = value
                number_format = INTEGER_FORMAT
            elif isinstance(value, Decimal):
                cell.value = float(value)
                number_format = DECIMAL_FORMAT if -value.as_tuple().exponent <= 2 else "0.0000"
            elif isinstance(value, int):
                cell.value = value
                number_format = "#,##0"
            else:
                put_text(cell, value)
                alignment = TOP if trace else WRAP
            style(cell, font=font, border=BORDER, alignment=alignment, number_format=number_format)
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
