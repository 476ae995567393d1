"""A sheet named almost like one the tool reads ('SKM ', 'pelayanan', 'SKM (2)', 'Pelayanán') is refused, never
skipped (its indicator once printed "belum dilaporkan"); a hidden sheet is still read."""

from __future__ import annotations

import datetime as dt

import pytest
from source_helpers import workbook_with

from iku import layout as L
from iku.errors import InputError
from iku.read import reader

ANSWERS = [[dt.date(2025, 2, 3), 1, 4, 3, 3, 2, 4, 3, 4, 3, 3]]


def _renamed(tmp_path, old: str, new: str):
    def rename(wb):
        wb[old].title = "sementara"  # openpyxl, like Excel, would keep 'skm' apart from the sheet's own 'SKM'
        wb["sementara"].title = new

    return workbook_with(tmp_path, {L.SHEET_SKM: ANSWERS}, edit=rename)


@pytest.mark.parametrize(("name", "meant"), [
    ("SKM ", L.SHEET_SKM),
    ("skm", L.SHEET_SKM),
    ("pelayanan", L.SHEET_SERVICES),
    ("Pelayanán", L.SHEET_SERVICES),
    ("SKM (2)", L.SHEET_SKM),
    ("SKM2", L.SHEET_SKM),
    ("Status  Desa", L.SHEET_VILLAGES),
    ("identitas", L.SHEET_IDENTITY),
])
def test_near_miss_name_is_refused(tmp_path, name, meant):
    with pytest.raises(InputError) as caught:
        reader.read(_renamed(tmp_path, meant, name))
    assert [str(p) for p in caught.value.problems] == [
        f"lembar '{name}' mirip '{meant}': ganti namanya menjadi '{meant}' persis, agar isinya dibaca."]


def test_copy_beside_the_sheet_is_refused(tmp_path):
    def copy(wb):
        wb.copy_worksheet(wb[L.SHEET_SKM]).title = "SKM (2)"

    with pytest.raises(InputError) as caught:
        reader.read(workbook_with(tmp_path, {L.SHEET_SKM: ANSWERS}, edit=copy))
    assert str(caught.value) == ("lembar 'SKM (2)' mirip 'SKM': lembar 'SKM' juga ada dan hanya lembar itu yang "
                                 "dibaca; hapus lembar 'SKM (2)' bila hanya salinan, atau beri nama yang jelas "
                                 "berbeda.")


def test_other_names_and_hidden_sheets_are_read_as_before(tmp_path):
    def edit(wb):
        wb.create_sheet("Catatan SKM")["A1"] = "catatan staf"
        wb[L.SHEET_SKM].sheet_state = "hidden"

    raw = reader.read(workbook_with(tmp_path, {L.SHEET_SKM: ANSWERS}, edit=edit))
    assert raw.tables[L.SHEET_SKM].value(5, 3) == 4
    assert "Catatan SKM" in raw.sheet_names
