"""Read a workbook's cells, read-only, without judging them (validate.py and iku/sources do that).

Two readers over the same bytes, each for what it does best:
- the form sheets (Identitas, Realisasi, Triwulan, ...) through openpyxl in read-only mode, which keeps
  number formats (a percent cell holds 0.4667) and tells formulas from values;
- the data sheets (survey answers, service register, ...), which may hold 100,000 rows, through
  python-calamine: values only, several times faster (bench/bench_sources.py has the figures).
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.reader.excel import ExcelReader
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from iku import layout as L
from iku.errors import FATAL, InputError, Problem
from iku.read import cell_values, limits, sanity, sheet_names, sheet_scan
from iku.read.data_tables import DataTables, Table
from iku.read.sheet_scan import Extent

LOCK_PREFIX = "~$"
FORM_SHEETS = (L.SHEET_IDENTITY, L.SHEET_REALISATION, L.SHEET_QUARTERS, L.SHEET_ANALYSIS, L.SHEET_BUDGET,
               L.SHEET_NARRATIVE, L.SHEET_STRUCTURE, L.SHEET_STAFF, L.SHEET_FACILITIES, L.SHEET_FOLLOW_UP)


@dataclass(frozen=True)
class RawCell:
    sheet: str
    coordinate: str
    row: int
    column: int
    value: object  # the cached value, as Excel stored it
    number_format: str
    is_formula: bool


@dataclass(frozen=True)
class RawWorkbook:
    path: Path
    sheets: dict[str, list[list[RawCell]]]  # form sheet name -> rows of cells
    tables: dict[str, Table] = field(default_factory=dict)  # data sheet name -> values
    sheet_names: tuple[str, ...] = ()  # every sheet of the workbook, in order

    def cell(self, sheet: str, row: int, column: int) -> RawCell | None:
        rows = self.sheets.get(sheet, [])
        if row - 1 < len(rows) and column - 1 < len(rows[row - 1]):
            return rows[row - 1][column - 1]
        return None


def is_lock_file(path: Path) -> bool:
    return path.name.startswith(LOCK_PREFIX)


def read(path: Path) -> RawWorkbook:
    """Read the sheets the tool uses. The file is read into memory once, bounded, and never opened for writing;
    each part is unpacked once by the checks, and the sheets the tool reads are scanned from those bytes.
    Whatever is wrong with it (damaged, encrypted, too big, not a workbook, a formula never computed, a sheet
    named almost as one the tool reads) ends as an InputError."""
    if is_lock_file(path):
        raise InputError(Problem(
            f"{path.name} adalah file kunci Excel (dibuat saat buku kerja sedang dibuka), bukan buku kerja. "
            "Tutup Excel lalu pakai file aslinya."
        ))
    if path.suffix.lower() == ".xls":
        raise InputError(Problem(
            f"{path.name} bukan buku kerja .xlsx; untuk .xls: buka di Excel lalu simpan ulang sebagai "
            "'Excel Workbook (*.xlsx)'."
        ))
    if path.suffix.lower() != ".xlsx":
        raise InputError(Problem(
            f"{path.name} bukan buku kerja .xlsx. Simpan ulang dari Excel sebagai 'Excel Workbook (*.xlsx)'."
        ))
    content = read_bounded(path)
    kept: dict[str, bytes] = {}
    archive = sanity.check_archive(path.name, content, kept=kept)
    try:
        with DataTables(content) as data:
            sheets, names, extents = _form_sheets(content, archive, kept, data)
            del kept
            tables = data.tables(extents)
    except (InputError, *FATAL):
        raise
    except BaseException as exc:  # noqa: BLE001 - any failure of the parsers (a panic too) means the file is damaged
        raise InputError(Problem(sanity.damaged(path.name, exc))) from None
    return RawWorkbook(path=path, sheets=sheets, tables=tables, sheet_names=tuple(names))


_KINDS = ((stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "pipa bernama (FIFO)"), (stat.S_ISSOCK, "soket"),
          (stat.S_ISCHR, "perangkat"), (stat.S_ISBLK, "perangkat"))


def not_regular(path: Path, mode: int) -> str:
    kind = next((name for test, name in _KINDS if test(mode)), "jenis khusus")
    return (f"{path.name} bukan file biasa melainkan {kind}, jadi tidak dibuka ({path}). Pakai file buku kerja "
            ".xlsx.")


def read_bounded(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes, at most `limit` (limits.MAX_FILE_BYTES): opened without waiting (a FIFO or a device
    never blocks the run), refused unless it is a regular file once open, and read in bounded pieces."""
    limit = limits.MAX_FILE_BYTES if limit is None else limit
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        before = os.stat(path)
        if not stat.S_ISREG(before.st_mode):
            raise InputError(Problem(not_regular(path, before.st_mode)))
        handle = os.open(path, flags)
        try:
            info = os.fstat(handle)  # what was opened, should the name now point elsewhere
            if not stat.S_ISREG(info.st_mode):
                raise InputError(Problem(not_regular(path, info.st_mode)))
            if info.st_size > limit:
                raise InputError(Problem(sanity.too_big(path.name, info.st_size)))
            pieces, size = [], 0
            while size <= limit and (piece := os.read(handle, min(limit + 1 - size, 4 * limits.MB))):
                pieces.append(piece)
                size += len(piece)
        finally:
            os.close(handle)
    except FileNotFoundError:
        raise InputError(Problem(f"file {path} tidak ditemukan")) from None
    except OSError as exc:
        raise InputError(Problem(f"file {path} tidak dapat dibaca: {exc.strerror}")) from None
    if size > limit:  # the file grew after stat
        raise InputError(Problem(sanity.too_big(path.name, size)))
    return b"".join(pieces)


_read_bounded = read_bounded  # the earlier name


def _used(name: str) -> bool:
    return name in FORM_SHEETS or name in L.DATA_SHEETS


class _UsedSheets(ExcelReader):
    """openpyxl's read-only reader, making worksheets only for the form sheets, each after our scan bounded it.
    openpyxl's own load makes one for every sheet, and parses in full each sheet that lacks a <dimension>
    element, even one the tool never reads.

    The data sheets come first, even before openpyxl reads the shared strings (which it reads before the
    workbook part): each is measured (sheet_scan.quick_bound) and handed to `data` (calamine), the longest
    first, so that calamine parses it in the background while this thread scans its formulas and error cells
    and reads everything else. The cell limits count each kind of sheet apart."""

    def __init__(self, content: bytes, archive: zipfile.ZipFile, kept: dict[str, bytes], data: DataTables) -> None:
        super().__init__(io.BytesIO(content), read_only=True, data_only=True)
        self.checked = archive
        self.kept = kept
        self.data = data
        self.names: list[str] = []
        self.used: list = []  # (sheet, relation) of each sheet the tool reads, in the workbook's order
        self.extents: dict[str, Extent] = {}

    def read_strings(self) -> None:
        super().read_workbook()
        found = list(self.parser.find_sheets())
        self.names = [sheet.name for sheet, _rel in found]
        sheet_names.refuse_near_misses(self.names)
        self.used = [(sheet, rel) for sheet, rel in found
                     if _used(sheet.name) and rel.target in self.valid_files and "chartsheet" not in rel.Type]
        data = [(sheet.name, rel.target.lstrip("/")) for sheet, rel in self.used if sheet.name in L.DATA_SHEETS]
        data.sort(key=lambda found: -self._size(found[1]))  # the longest read first
        cells = 0  # cells of the data sheets so far
        bounds = (limits.MAX_DATA_ROWS, limits.MAX_DATA_CELLS)
        for name, member in data:
            xml = self._part(member)
            size = sheet_scan.quick_bound(xml, *bounds, cells)
            if size is not None:
                self.data.start(name, size[0])
            extent = (sheet_scan.quick_details(xml, *size) if size else None) or \
                sheet_scan.exact_scan(xml, name, *bounds, cells)
            if size is None:
                self.data.start(name, extent.rows)
            del xml
            self.extents[name] = extent
            cells += extent.rows * extent.columns
        super().read_strings()

    def read_workbook(self) -> None:
        pass  # read by read_strings, first

    def read_worksheets(self) -> None:
        cells = 0  # cells of the form sheets so far
        for sheet, rel in self.used:
            if sheet.name in L.DATA_SHEETS:
                continue
            xml = self._part(rel.target.lstrip("/"))
            extent = sheet_scan.exact_scan(xml, sheet.name, limits.MAX_FORM_ROWS, limits.MAX_FORM_CELLS, cells)
            del xml
            self.extents[sheet.name] = extent
            cells += extent.rows * extent.columns
            ws = ReadOnlyWorksheet(self.wb, sheet.name, rel.target, self.shared_strings)
            ws.sheet_state = sheet.state
            self.wb._sheets.append(ws)
        self.extents = {sheet.name: self.extents[sheet.name] for sheet, _rel in self.used}  # the workbook's order
        uncached = [(name, extent.uncached) for name, extent in self.extents.items() if extent.uncached]
        if uncached:
            raise InputError(cell_values.uncached_problems(uncached))

    def _part(self, member: str) -> bytes:
        xml = self.kept.pop(member, None)
        if xml is None:  # a part where the workbook's relations did not say (already checked)
            xml = self.checked.read(member)
        return xml

    def _size(self, member: str) -> int:
        try:
            return self.checked.getinfo(member).file_size
        except KeyError:
            return 0


def _form_sheets(content: bytes, archive: zipfile.ZipFile, kept: dict[str, bytes], data: DataTables,
                 ) -> tuple[dict[str, list[list[RawCell]]], list[str], dict[str, Extent]]:
    # One openpyxl load for the cached values and number formats; the formula cells come from a scan of each
    # used sheet's own XML, which also finds where its data ends (iku/read/sheet_scan.py) and refuses a formula
    # whose value was never computed (a file saved by a program, never opened in Excel).
    loader = _UsedSheets(content, archive, kept, data)
    loader.read()
    values = loader.wb
    sheets: dict[str, list[list[RawCell]]] = {}
    try:
        for ws in values.worksheets:
            extent = loader.extents[ws.title]
            rows = ws.iter_rows(min_row=1, min_col=1, max_row=extent.rows, max_col=extent.columns) \
                if extent.rows else ()
            sheets[ws.title] = [
                [
                    RawCell(
                        sheet=ws.title,
                        coordinate=f"{get_column_letter(c)}{r}",
                        row=r,
                        column=c,
                        value=cell.value,
                        number_format=getattr(cell, "number_format", None) or "General",
                        is_formula=(r, c) in extent.formulas,
                    )
                    for c, cell in enumerate(row, start=1)
                ]
                for r, row in enumerate(rows, start=1)
            ]
    finally:
        values.close()
    return sheets, loader.names, loader.extents
