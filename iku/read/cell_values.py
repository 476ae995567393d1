"""Values Excel stores that must never reach a document as they are: error values (#N/A, #REF!, ...),
Excel's `_x000D_` escapes, control characters, digits that only look like digits (superscripts)."""

from __future__ import annotations

import re
import unicodedata

from openpyxl.utils import get_column_letter

from iku import layout as L
from iku.errors import Problem

# Every error value Excel writes into a cell (the cached result of a failed formula, or typed by hand).
EXCEL_ERRORS = frozenset({
    "#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA",
    "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
})
# The form sheets the tool reads; an error value anywhere in them, or in a data sheet, stops the build.
FORM_SHEETS = (L.SHEET_IDENTITY, L.SHEET_REALISATION, L.SHEET_QUARTERS, L.SHEET_ANALYSIS, L.SHEET_BUDGET,
               L.SHEET_NARRATIVE, L.SHEET_STRUCTURE, L.SHEET_STAFF, L.SHEET_FACILITIES, L.SHEET_FOLLOW_UP)

MAX_ERRORS_PER_SHEET = 20

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def excel_error(value: object) -> str | None:
    """The error value a cell holds ('#N/A'), or None."""
    if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
        return value.strip().upper()
    return None


def error_message(code: str) -> str:
    return f"berisi galat Excel {code}; perbaiki rumusnya atau ketik nilainya"


def error_cells(raw, problems: list[Problem]) -> None:
    """One problem per cell holding an Excel error value, in the form sheets and the data sheets; past
    MAX_ERRORS_PER_SHEET in one sheet, a count (one broken formula copied down a column is one mistake)."""
    for sheet in FORM_SHEETS:
        found = [(cell.coordinate, code) for row in raw.sheets.get(sheet, ()) for cell in row
                 if (code := excel_error(cell.value))]
        _report(sheet, found, problems)
    for name, table in raw.tables.items():
        found = [(f"{get_column_letter(c)}{r}", code)
                 for r, row in enumerate(table.rows, start=1) for c, value in enumerate(row, start=1)
                 if isinstance(value, str) and value[:1] == "#" and (code := excel_error(value))]
        _report(name, found, problems)


def _report(sheet: str, found: list[tuple[str, str]], problems: list[Problem], message: str | None = None,
            what: str = "galat Excel") -> None:
    for coordinate, code in found[:MAX_ERRORS_PER_SHEET]:
        problems.append(Problem(message or error_message(code), sheet=sheet, cell=coordinate))
    if len(found) > MAX_ERRORS_PER_SHEET:
        problems.append(Problem(f"{len(found) - MAX_ERRORS_PER_SHEET} sel lain di lembar ini juga berisi {what}",
                                sheet=sheet))


def clean_text(text: str) -> str:
    """Excel's escapes decoded (_x000D_ -> carriage return), line ends unified, and every control character
    other than line feed and tab removed, with lone surrogates and the noncharacters U+FFFE/U+FFFF (which an
    escape like _xFFFF_ can produce): they print as boxes or break the document's XML."""
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or (unicodedata.category(ch) not in ("Cc", "Cs")
                                                           and ch not in "\ufffe\uffff"))


def ascii_int(text: str) -> int | None:
    """A whole number written with the digits 0-9 only; '²⁰²⁵' or '２０２５' is None (str.isdigit accepts the
    first and int() then fails; isdecimal accepts the second)."""
    text = text.strip()
    if text and text.isascii() and text.isdecimal():
        return int(text)
    return None


def restore_errors(rows: list[list[object]], errors) -> None:
    """python-calamine reads an error cell as '' (python-calamine issue #105): put the error value back, as the
    sheet's scan found it (row, column, value), so that it is reported instead of read as an empty cell."""
    for r, c, value in errors:
        while len(rows) < r:
            rows.append([])
        row = rows[r - 1]
        row.extend([""] * (c - len(row)))
        row[c - 1] = value


UNCACHED = ("rumus tanpa nilai tersimpan: sel ini berisi rumus yang hasilnya belum tersimpan (file dibuat atau "
            "diubah oleh program lain dan belum dibuka di Excel), jadi nilainya tidak dapat dibaca. Buka dan simpan "
            "file di Excel, lalu ulangi.")


def uncached_problems(found) -> list[Problem]:
    """One problem per formula cell without a cached value, by sheet ([(sheet, ((row, column), ...))]); past
    MAX_ERRORS_PER_SHEET in one sheet, a count (one formula copied down a column is one mistake)."""
    problems: list[Problem] = []
    for sheet, cells in found:
        _report(sheet, [(f"{get_column_letter(c)}{r}", "") for r, c in sorted(cells)], problems, UNCACHED,
                "rumus tanpa nilai tersimpan")
    return problems
