"""Issue 18: a Nomor of the service register has a length cap, as Uraian has; a cell of Excel's 32,767 characters
used to be accepted and printed in the lists of late requests."""

from __future__ import annotations

import datetime as dt

from source_helpers import raw_with

from iku import layout as L
from iku.errors import Problem
from iku.sources import pelayanan
from iku.sources.pelayanan.model import NUMBER_LIMIT

D = dt.date
LEGAL = "Legalisasi Dokumen"


def test_a_nomor_of_32767_characters_is_refused(tmp_path, mantup):
    longest = "7" * 32767  # the most an Excel cell holds
    services = [["503/1/414.415/2025", LEGAL, D(2025, 6, 2), None], [longest, LEGAL, D(2025, 6, 2), None],
                ["N" * NUMBER_LIMIT, LEGAL, D(2025, 6, 3), None]]
    raw = raw_with(tmp_path, {L.SHEET_SERVICES: services, L.SHEET_STANDARDS: [[LEGAL, 1]]})
    problems: list[Problem] = []
    rows = pelayanan.read(raw, mantup, problems, [], signed=D(2026, 1, 30))
    assert [str(p) for p in problems] == [
        f"Pelayanan!A6: Nomor terlalu panjang (32767 karakter, paling banyak {NUMBER_LIMIT}); ringkas isinya"]
    assert NUMBER_LIMIT == 100
    assert list(rows.numbers) == ["503/1/414.415/2025", "N" * 100]  # 100 characters are still a Nomor
