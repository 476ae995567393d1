"""Any value of any type in any input cell of the standard workbook gives either documents or an InputError
(issue 8): never another exception. The documents are rendered in memory, as `build` does before writing."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from iku import layout, pipeline
from iku.errors import InputError
from iku.measure import report
from iku.read.cell_values import EXCEL_ERRORS
from iku.xlsx_style import put_text

SHEETS = (layout.SHEET_IDENTITY, layout.SHEET_REALISATION, layout.SHEET_QUARTERS, layout.SHEET_BUDGET,
          layout.SHEET_ANALYSIS, layout.SHEET_NARRATIVE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _as_excel_text(text: str) -> str:
    """Control characters as Excel writes them in a file (_x0007_): openpyxl refuses them raw."""
    return _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


TEXTS = st.one_of(
    st.text(max_size=40).map(_as_excel_text),
    st.sampled_from(["=SUM(A1:A3)", "=1/0", "{{ nama }}", "²⁰²⁵", "２０２５", "NaN", "inf", "-0", "1.234,5", "46,67%",
                     "19851010 200602 1 001", "RESMI", "CONTOH", "_x000D_", "  ", "Rp 45.000.000", "31/12/2025"]),
    st.integers(min_value=1, max_value=6000).map(lambda n: "x" * n),
)
VALUES = st.one_of(
    TEXTS,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 12, 31)),
    st.sampled_from(sorted(EXCEL_ERRORS)),
    st.none(),
)
# The cells staff fill (half the draws, so that many examples get as far as the documents), and any cell of
# the six sheets, labels and headers included.
INPUT_CELLS = st.one_of(
    st.tuples(st.just(layout.SHEET_IDENTITY), st.integers(2, 17), st.just(2)),
    st.tuples(st.just(layout.SHEET_REALISATION), st.integers(5, 14), st.integers(4, 16)),
    st.tuples(st.just(layout.SHEET_QUARTERS), st.integers(5, 14), st.integers(3, 11)),
    st.tuples(st.just(layout.SHEET_BUDGET), st.integers(5, 8), st.integers(2, 10)),
    st.tuples(st.just(layout.SHEET_ANALYSIS), st.integers(5, 14), st.integers(3, 5)),
    st.tuples(st.just(layout.SHEET_NARRATIVE), st.integers(5, 8), st.just(2)),
)
ANY_CELL = st.tuples(st.sampled_from(SHEETS), st.integers(1, 25), st.integers(1, 12))
EDITS = st.lists(st.tuples(st.one_of(INPUT_CELLS, ANY_CELL), VALUES, st.booleans()), min_size=1, max_size=4)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_any_value_in_any_cell_builds_or_is_an_input_error(standard, edits):
    folder = Path(tempfile.mkdtemp(prefix="iku-prop-"))
    try:
        path = folder / "realisasi.xlsx"
        wb = load_workbook(standard)
        for (sheet, row, column), value, as_text in edits:
            cell = wb[sheet].cell(row=row, column=column)
            if isinstance(value, str) and as_text:
                put_text(cell, value)  # text staff typed; otherwise openpyxl's own typing (formulas, errors)
            else:
                cell.value = value
        wb.save(path)
        try:
            results = pipeline.check(path)
        except InputError as exc:
            assert exc.problems
            return
        pipeline.render(results, report.annual_report(results))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
