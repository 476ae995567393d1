"""Small openpyxl helpers shared by the workbooks we write."""

from __future__ import annotations

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

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


def put_text(cell: Cell, value: str) -> Cell:
    """Write text that stays text: a leading '=' must never become a formula."""
    cell.value = value
    cell.data_type = "s"
    return cell


def header(cell: Cell, value: str) -> Cell:
    put_text(cell, value)
    cell.font = BOLD
    cell.fill = HEADER_FILL
    cell.alignment = CENTER
    cell.border = BORDER
    return cell
