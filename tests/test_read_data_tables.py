"""The data sheets read through calamine while the form sheets are read (iku/read/data_tables.py): the same
tables as a plain read, the longest sheet in the background thread, no sheet handed to calamine before the scan
bounded it, and a failure of calamine in the background reported as a damaged workbook."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from python_calamine import CalamineWorkbook
from source_helpers import workbook_with

from iku import layout as L
from iku.errors import InputError
from iku.read import data_tables, limits, reader

D = dt.date
STANDARDS = [["Legalisasi Dokumen", 0], ["Surat Keterangan Tidak Mampu", 1]]
SERVICES = [[f"{i:04d}/PL/2025", "Surat Keterangan Tidak Mampu", D(2025, 3, 3), D(2025, 3, 4 + i % 3)]
            for i in range(400)]
SURVEY = [[D(2025, 5, 2), 1, 4, 3, 4, 3, 4, 4, 3, 4, 2]] * 30


class Recording:
    """CalamineWorkbook, noting which sheets were asked for and in which thread."""

    calls: list[tuple[str, str]] = []

    def __init__(self, book: CalamineWorkbook) -> None:
        self.book = book

    @classmethod
    def from_filelike(cls, filelike):
        return cls(CalamineWorkbook.from_filelike(filelike))

    def get_sheet_by_name(self, name: str):
        Recording.calls.append((name, threading.current_thread().name))
        return self.book.get_sheet_by_name(name)


@pytest.fixture
def recorded(monkeypatch):
    Recording.calls = []
    monkeypatch.setattr(data_tables, "CalamineWorkbook", Recording)
    return Recording.calls


def test_tables_are_those_of_a_plain_calamine_read(tmp_path, recorded):
    path = workbook_with(tmp_path, {L.SHEET_SERVICES: SERVICES, L.SHEET_STANDARDS: STANDARDS, L.SHEET_SKM: SURVEY})
    raw = reader.read(path)
    plain = CalamineWorkbook.from_path(str(path))
    for name in (L.SHEET_SERVICES, L.SHEET_STANDARDS, L.SHEET_SKM):
        assert raw.tables[name].rows == plain.get_sheet_by_name(name).to_python(skip_empty_area=False)
    assert raw.tables[L.SHEET_SERVICES].rows[4 + 399][0] == "0399/PL/2025"
    assert list(raw.tables) == [n for n in raw.sheet_names if n in L.DATA_SHEETS]  # the workbook's order
    # the register, the longest, went to the background thread first; the others were read in this one
    assert recorded[0] == (L.SHEET_SERVICES, recorded[0][1]) and recorded[0][1].startswith("iku-calamine")
    here = threading.current_thread().name
    assert {thread for name, thread in recorded[1:]} == {here}
    assert sorted(name for name, _ in recorded) == sorted(n for n in raw.tables if raw.tables[n].rows)


def test_a_sheet_beyond_the_limits_never_reaches_calamine(tmp_path, recorded, monkeypatch):
    monkeypatch.setattr(limits, "MAX_DATA_ROWS", 100)
    path = workbook_with(tmp_path, {L.SHEET_SERVICES: SERVICES, L.SHEET_STANDARDS: STANDARDS})
    with pytest.raises(InputError) as caught:
        reader.read(path)
    assert "Pelayanan!A101: ada isian di luar batas tabel (lembar ini dibaca sampai baris 100" in \
        str(caught.value.problems[0])
    assert L.SHEET_SERVICES not in [name for name, _ in recorded]


class Panic(BaseException):
    """Like pyo3's PanicException: a BaseException, not an Exception."""


def test_a_failure_of_calamine_in_the_background_is_a_damaged_workbook(tmp_path, monkeypatch):
    class Failing(Recording):
        def get_sheet_by_name(self, name: str):
            if name == L.SHEET_SERVICES:
                assert threading.current_thread().name.startswith("iku-calamine")
                raise Panic("panic in a native library")
            return super().get_sheet_by_name(name)

    monkeypatch.setattr(data_tables, "CalamineWorkbook", Failing)
    path = workbook_with(tmp_path, {L.SHEET_SERVICES: SERVICES, L.SHEET_STANDARDS: STANDARDS})
    with pytest.raises(InputError) as caught:
        reader.read(path)
    assert str(caught.value.problems[0]).startswith(
        "data.xlsx rusak: isinya tidak dapat dibaca sebagai buku kerja .xlsx (panic in a native library).")



def test_no_thread_outlives_a_read(tmp_path):
    path = workbook_with(tmp_path, {L.SHEET_SERVICES: SERVICES, L.SHEET_STANDARDS: STANDARDS})
    reader.read(path)
    assert [t.name for t in threading.enumerate() if t.name.startswith("iku-calamine")] == []
