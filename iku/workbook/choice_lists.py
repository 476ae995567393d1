"""Dropdown lists of the standard workbook. Excel keeps an inline list ("a,b,c") only up to 255 characters (past
that it reports "We found a problem with some content" and removes the validation), and a comma or quote inside an
item splits or breaks it; such lists are written on a hidden, protected sheet and the dropdown reads that range."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from iku.xlsx_style import put_text

SHEET = "Daftar Pilihan"
INLINE_LIMIT = 255  # characters of formula1 between its quotes, as Excel counts them


def inline_ok(items: list[str]) -> bool:
    return len(",".join(items)) <= INLINE_LIMIT and not any("," in item or '"' in item for item in items)


def list_validation(wb: Workbook, items: list[str], **options) -> DataValidation:
    """A list validation offering items (repeats dropped, order kept): inline when Excel allows it, else a column
    of the hidden list sheet."""
    items = list(dict.fromkeys(item for item in items if item))
    if inline_ok(items):
        return DataValidation(type="list", formula1='"' + ",".join(items) + '"', **options)
    if SHEET in wb.sheetnames:
        ws = wb[SHEET]
        col = ws.max_column + 1 if ws.max_row > 1 or ws["A1"].value is not None else 1
    else:
        ws = wb.create_sheet(SHEET)
        ws.sheet_state = "hidden"
        ws.protection.sheet = True  # staff choose from the lists; they change them in the catalogue
        col = 1
    for row, item in enumerate(items, start=1):
        put_text(ws.cell(row=row, column=col), item)
    letter = get_column_letter(col)
    return DataValidation(type="list", formula1=f"'{SHEET}'!${letter}$1:${letter}${max(len(items), 1)}", **options)
