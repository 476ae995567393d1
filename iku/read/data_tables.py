"""The data sheets through python-calamine; the longest one in a background thread while the rest are read.

Each data sheet is handed over only once the scan has bounded it (iku/read/sheet_scan.py): calamine builds a
dense table, so it never sees a sheet the scan has not measured. python-calamine lets go of the interpreter while
it unpacks and parses a sheet, so the longest sheet (the service register, 100,000 rows) is parsed on another
core while this thread scans the other sheets, reads the form sheets through openpyxl and then the shorter data
sheets through calamine: never more than two threads at work, which a two-core office PC runs side by side. Each
thread opens the workbook in calamine once, from the bytes already read and checked; the values come back into
Python (to_python) in the caller's thread, in the workbook's order of the sheets.
"""

from __future__ import annotations

import io
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook

from iku import layout as L
from iku.read import cell_values, gc_pause
from iku.read.sheet_scan import Extent


@dataclass(frozen=True)
class Table:
    """A data sheet as values: rows[i][j] is row i + 1, column j + 1 of the sheet; empty cells are ''."""

    name: str
    rows: list[list[object]]
    merged: tuple[tuple[int, int, int, int], ...] = ()  # (first row, first column, last row, last column), 1-based

    def value(self, row: int, column: int) -> object:
        if row - 1 < len(self.rows) and column - 1 < len(self.rows[row - 1]):
            return self.rows[row - 1][column - 1]
        return ""

    def merged_at(self, row: int, column: int) -> str | None:
        """The merged range covering a cell, as 'A5:C5', or None."""
        for r1, c1, r2, c2 in self.merged:
            if r1 <= row <= r2 and c1 <= column <= c2:
                return f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
        return None


class DataTables:
    def __init__(self, content: bytes) -> None:
        self._content = content
        self._pool: ThreadPoolExecutor | None = None
        self._longest: tuple[str, Future] | None = None
        self._here: set[str] = set()

    def __enter__(self) -> DataTables:
        return self

    def __exit__(self, kind, *_exc) -> None:
        # Read through: the thread has nothing left and is ended here (no thread outlives the read, so a batch
        # can fork its workers). On a refusal or Ctrl+C: not waited for; the sheet in hand (bounded by the scan)
        # finishes in the background.
        if self._pool is not None:
            self._pool.shutdown(wait=kind is None)

    def start(self, name: str, rows: int) -> None:
        """A data sheet the scan has bounded: the first one started (the caller starts the longest first) is read
        at once in the background, the others by tables(); an empty one needs no reading."""
        if not rows:
            return
        if self._longest is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="iku-calamine")
            self._longest = (name, self._pool.submit(self._open().get_sheet_by_name, name))
        else:
            self._here.add(name)

    def _open(self) -> CalamineWorkbook:
        return CalamineWorkbook.from_filelike(io.BytesIO(self._content))

    def tables(self, extents: dict[str, Extent]) -> dict[str, Table]:
        """Every data sheet among `extents` (the scan's, in the workbook's order) as a Table.
        A failure of calamine (a panic too) is raised here, in the caller's thread."""
        book = self._open() if self._here else None
        sheets = {name: book.get_sheet_by_name(name) for name in extents if name in self._here}
        if self._longest is not None:
            name, future = self._longest
            sheets[name] = future.result()
        tables = {}
        with gc_pause.paused():
            for name, extent in extents.items():
                if name not in L.DATA_SHEETS:
                    continue
                sheet = sheets.get(name)
                if sheet is None:
                    tables[name] = Table(name=name, rows=[])
                    continue
                merged = tuple((r1 + 1, c1 + 1, r2 + 1, c2 + 1)
                               for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or ()))
                rows = sheet.to_python(skip_empty_area=False)
                cell_values.restore_errors(rows, extent.errors)
                tables[name] = Table(name=name, rows=rows, merged=merged)
        return tables
