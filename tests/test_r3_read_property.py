"""The reader's property test (tests/test_property_cells.py) with formulas: any value or formula in any input cell of
a form sheet or a data sheet, a formula with or without its cached value. The read refuses exactly the formulas
without a value, by sheet!cell, and reads every other cell; the quick and the exact scan of each data sheet agree."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from test_property_cells import INPUT_CELLS, VALUES

from iku import layout
from iku.errors import InputError
from iku.read import limits, reader, sheet_scan
from iku.xlsx_style import put_text

UNCACHED, CACHED = "uncached", "cached"
DATA_CELLS = st.one_of(
    st.tuples(st.just(layout.SHEET_SKM), st.integers(5, 12), st.integers(1, 11)),
    st.tuples(st.just(layout.SHEET_SERVICES), st.integers(5, 12), st.integers(1, 4)),
)
CONTENT = st.one_of(VALUES.map(lambda v: ("value", v)), st.just((UNCACHED, None)), st.just((CACHED, None)))
EDITS = st.lists(st.tuples(st.one_of(INPUT_CELLS, DATA_CELLS), CONTENT, st.booleans()), min_size=1, max_size=6)


def _cache(path: Path, cached: dict[tuple[str, str], int], parts_of: dict[str, str]) -> None:
    """Give each formula `=<n>+0` its cached value n, as Excel would on saving."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    for (sheet, coordinate), number in cached.items():
        name = parts_of[sheet]
        pattern = rb'(<c r="' + coordinate.encode() + rb'"[^>]*>)<f>' + str(number).encode() + rb"\+0</f><v></v>"
        parts[name], count = re.subn(pattern, rb"\g<1><f>" + str(number).encode() + rb"+0</f><v>" +
                                     str(number).encode() + b"</v>", parts[name])
        assert count == 1, (sheet, coordinate)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def _sheet_parts(path: Path) -> dict[str, str]:
    wb = load_workbook(path, read_only=True)
    try:
        return {ws.title: f"xl/worksheets/sheet{i}.xml" for i, ws in enumerate(wb.worksheets, start=1)}
    finally:
        wb.close()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_formulas_without_value_are_refused_exactly(standard, edits):
    folder = Path(tempfile.mkdtemp(prefix="iku-prop-"))
    try:
        path = folder / "realisasi.xlsx"
        wb = load_workbook(standard)
        final: dict[tuple[str, str], tuple[str, object]] = {}
        for number, ((sheet, row, column), (kind, value), as_text) in enumerate(edits, start=1):
            cell = wb[sheet].cell(row=row, column=column)
            if kind == "value" and isinstance(value, str) and as_text:
                put_text(cell, value)
                kind = "text"
            elif kind == "value":
                cell.value = value
                kind = "formula" if cell.data_type == "f" else "value"  # '=SUM(A1:A3)': openpyxl's formula
            else:
                cell.value = f"={number}+0"
            final[(sheet, cell.coordinate)] = (kind, number)
        wb.save(path)
        cached = {key: number for key, (kind, number) in final.items() if kind == CACHED}
        if cached:
            _cache(path, cached, _sheet_parts(path))
        expected = {f"{sheet}!{coordinate}" for (sheet, coordinate), (kind, _) in final.items()
                    if kind in (UNCACHED, "formula")}
        try:
            raw = reader.read(path)
        except InputError as exc:
            named = {f"{p.sheet}!{p.cell}" for p in exc.problems}
            assert named == expected, [str(p) for p in exc.problems]
            return
        assert not expected
        for (sheet, coordinate), (kind, number) in final.items():
            if kind == CACHED:  # its value, as Excel saved it (a date in a date column)
                row, column = coordinate_to_tuple(coordinate)
                value = raw.tables[sheet].value(row, column) if sheet in raw.tables else \
                    raw.cell(sheet, row, column).value
                assert value == number or isinstance(value, dt.date), (sheet, coordinate, value)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(1, 40), st.integers(1, 12), CONTENT), min_size=0, max_size=12),
       odd=st.booleans())
def test_quick_and_exact_scans_agree(edits, odd):
    """On any data sheet as openpyxl writes it, or with references moved (odd): the quick scan gives the exact
    scan's extent, formulas without value and error cells, or gives way to it."""
    rows = {}
    for row, column, (kind, value) in edits:
        rows.setdefault(row, {})[column] = (kind, value)
    xml = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for row in sorted(rows):
        xml.append(f'<row r="{row}">')
        for column in sorted(rows[row]):
            kind, value = rows[row][column]
            ref = f'r="{get_column_letter(column)}{row}"'
            attributes = f' s="1" {ref}' if odd else f' {ref} s="1"'
            inner = {UNCACHED: "<f>1+1</f><v></v>", CACHED: "<f>1+1</f><v>2</v>"}.get(kind)
            if inner is None:
                inner = "" if value is None else ('<v>#N/A</v>' if value == "#N/A" else "<v>1</v>")
                attributes += ' t="e"' if value == "#N/A" else ""
            xml.append(f"<c{attributes}>{inner}</c>" if inner else f"<c{attributes}/>")
        xml.append("</row>")
    data = ("".join(xml) + "</sheetData></worksheet>").encode()
    exact = sheet_scan.exact_scan(data, "SKM", limits.MAX_DATA_ROWS, limits.MAX_DATA_CELLS)
    quick = sheet_scan.quick_scan(data, "SKM", limits.MAX_DATA_ROWS, limits.MAX_DATA_CELLS)
    if odd and edits:  # a reference that is not the first attribute: the quick scan gives way
        assert quick is None
    if quick is not None:
        assert (quick.rows, quick.columns, quick.uncached, quick.errors) == \
            (exact.rows, exact.columns, exact.uncached, exact.errors)
