"""Formula cells without a cached value (a workbook written by a script, never opened in Excel) are refused by
sheet!cell in every sheet the tool reads, never read as empty; a formula with its cached value reads as before."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from source_helpers import workbook_with

from iku import layout as L
from iku.errors import InputError
from iku.read import reader, sheet_scan
from iku.sources import pelayanan

D = dt.date
STANDARDS = [["Legalisasi Dokumen", 0], ["Surat Keterangan Tidak Mampu", 1]]
MESSAGE = "rumus tanpa nilai tersimpan"


def _services(count: int) -> list[list]:
    return [[f"{i:03d}/PL/2025", "Surat Keterangan Tidak Mampu", D(2025, 3, 3), D(2025, 3, 4)] for i in range(count)]


def _refusal(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        reader.read(path)
    return [str(p) for p in caught.value.problems]


def _rewrite(path: Path, change) -> Path:
    """The workbook with each sheet part passed through change(xml) (bytes -> bytes); other parts as they are."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, change(data) if name.startswith("xl/worksheets/sheet") else data)
    path.write_bytes(buffer.getvalue())
    return path


def test_completion_dates_as_formulas_without_value_are_refused_by_cell(tmp_path):
    # 35 finished requests whose Tanggal Selesai is =C5+1 (openpyxl writes no cached value): they once counted as
    # unfinished and indicator 6 printed 0.
    def formulas(wb):
        ws = wb[L.SHEET_SERVICES]
        for row in range(5, 40):
            ws.cell(row=row, column=4).value = f"=C{row}+1"

    path = workbook_with(tmp_path, {L.SHEET_SERVICES: _services(35), L.SHEET_STANDARDS: STANDARDS}, edit=formulas)
    problems = _refusal(path)
    assert problems[0] == (f"Pelayanan!D5: {MESSAGE}: sel ini berisi rumus yang hasilnya belum tersimpan (file "
                           "dibuat atau diubah oleh program lain dan belum dibuka di Excel), jadi nilainya tidak "
                           "dapat dibaca. Buka dan simpan file di Excel, lalu ulangi.")
    assert [p.split(":")[0] for p in problems[:20]] == [f"Pelayanan!D{r}" for r in range(5, 25)]
    assert problems[20] == f"Lembar 'Pelayanan': 15 sel lain di lembar ini juga berisi {MESSAGE}"
    assert len(problems) == 21


def test_survey_answers_as_formulas_without_value_are_refused(tmp_path):
    answers = [[D(2025, 2, 3), 1, 4, 3, 3, 2, 4, 3, 4, 3, 3], [D(2025, 2, 4), 1, 3, 3, 4, 3, 3, 4, 4, 3, 2]]

    def formulas(wb):
        for column in range(3, 12):  # U1..U9 of the second respondent, row 6
            wb[L.SHEET_SKM].cell(row=6, column=column).value = "=3+1"

    path = workbook_with(tmp_path, {L.SHEET_SKM: answers}, edit=formulas)
    problems = _refusal(path)
    assert [p.split(": ")[0] for p in problems] == [f"SKM!{c}6" for c in "CDEFGHIJK"]
    assert all(MESSAGE in p for p in problems)


def test_form_sheet_formula_without_value_is_refused_by_the_reader(tmp_path):
    def formula(wb):
        wb[L.SHEET_IDENTITY]["B3"] = '="Kecamatan "&"Mantup"'

    problems = _refusal(workbook_with(tmp_path, {}, edit=formula))
    assert len(problems) == 1 and problems[0].startswith(f"Identitas!B3: {MESSAGE}")


def test_formula_with_cached_value_reads_its_value(tmp_path, mantup):
    def formulas(wb):
        wb[L.SHEET_SERVICES]["D5"] = "=C5+1"
        wb[L.SHEET_REALISATION]["M5"] = "=80+6"

    path = workbook_with(tmp_path, {L.SHEET_SERVICES: _services(1), L.SHEET_STANDARDS: STANDARDS}, edit=formulas)
    cached = {b"<f>C5+1</f><v></v>": b"<f>C5+1</f><v>45720</v>", b"<f>80+6</f><v></v>": b"<f>80+6</f><v>86</v>"}
    _rewrite(path, lambda xml: re.sub(b"|".join(map(re.escape, cached)), lambda m: cached[m.group()], xml))
    raw = reader.read(path)
    assert raw.tables[L.SHEET_SERVICES].value(5, 4) == D(2025, 3, 4)  # serial 45720, a date cell
    cell = raw.cell(L.SHEET_REALISATION, 5, 13)
    assert (cell.value, cell.is_formula) == (86, True)
    problems, warnings = [], []
    requests = pelayanan.read(raw, mantup, problems, warnings)
    assert problems == []
    assert list(requests.finished) == [D(2025, 3, 4).toordinal()]


def test_formula_with_an_empty_text_result_is_a_value():
    # Excel writes a formula whose result is "" as t="str" with an empty <v>: computed, not missing.
    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
    text = head + b'<c r="A1" t="str"><f>""</f><v></v></c><c r="B1"><f>1+1</f><v></v></c></row></sheetData></worksheet>'
    for scan in (sheet_scan.quick_scan, sheet_scan.exact_scan):
        assert scan(text, "SKM", 10, 100).uncached == ((1, 2),), scan


def test_formula_without_value_in_a_sheet_written_unlike_excel(tmp_path):
    # References left out (some writers do): the exact scan decides, and still finds the formula.
    def formulas(wb):
        wb[L.SHEET_SKM]["C5"] = "=1+1"

    path = workbook_with(tmp_path, {L.SHEET_SKM: [[D(2025, 2, 3), 1, 4, 3, 3, 2, 4, 3, 4, 3, 3]]}, edit=formulas)
    _rewrite(path, lambda xml: re.sub(rb'<c r="C5"([^>]*)>', rb'<c\1 r="C5">', xml))
    assert [p.split(": ")[0] for p in _refusal(path)] == ["SKM!C5"]
