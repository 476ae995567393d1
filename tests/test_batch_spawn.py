"""The batch under the spawn start method, as on Windows (no fork): same progress, summary and documents."""

from __future__ import annotations

import multiprocessing

from conftest import run_cli
from openpyxl import load_workbook
from test_batch import RECAP, UJI, two_offices  # noqa: F401  (fixture)

from iku import batch


def test_batch_under_spawn_matches_fork(two_offices, tmp_path, monkeypatch):  # noqa: F811
    started = []

    def spawn():
        started.append("spawn")
        return multiprocessing.get_context("spawn")

    monkeypatch.setattr(batch, "_context", spawn)
    out = tmp_path / "hasil"
    result = run_cli("build", *two_offices, "--output", out, "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert started, "the pool was not made through batch._context"
    progress = sorted(line[:5] for line in result.output.splitlines() if line.startswith("["))
    assert progress == ["[1/2]", "[2/2]"], result.output
    summary = result.output[result.output.index("Ringkasan:"):]
    # the second office exists only in the test's catalogue folder: a spawned worker knows it from the
    # catalogues handed to it, not from a module variable the test changed in this process
    assert f"uji.xlsx: {UJI} tahun 2025; 5 dokumen ditulis," in summary
    assert "Selesai: 2 buku kerja berhasil, 0 gagal." in summary
    rows = {row[1]: row for row in load_workbook(out / RECAP)["Ringkasan"].iter_rows(min_row=6, values_only=True)}
    assert rows["Kecamatan Mantup"][-1] == 0.8857 and rows[UJI][-1] == 0.55
