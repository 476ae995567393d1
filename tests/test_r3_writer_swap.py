"""The swap a kill -9 can interrupt: every name holds a whole file at every moment, the window in which the folder
holds neither whole set is the new files' renames and nothing else, and the next run finishes it first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli, sha

from iku import writer

ROOT = Path(__file__).resolve().parent.parent
Q1 = "Pengukuran_Triwulan_I_Kecamatan_Mantup_2025.docx"


@pytest.fixture
def previous(make_workbook, tmp_path):
    out = tmp_path / "hasil"
    result = run_cli("build", make_workbook({10: {2025: 40}}, name="lama.xlsx"), "--output", out)
    assert result.exit_code == 0, result.output
    newer = make_workbook({10: {2025: 20}}, quarters={10: (10, None, None, None)}, name="baru.xlsx")
    return out, out / "mantup-2025", newer


def listed(folder: Path) -> dict[str, str]:
    return json.loads((folder / writer.MANIFEST).read_text())["berkas"]


def test_the_window_is_the_renames_alone_and_no_name_is_ever_missing(previous, monkeypatch):
    out, folder, newer = previous
    old = listed(folder)
    digests = set(old.values())
    trace: list[str] = []
    real_replace, real_sha, real_write = os.replace, writer.sha256, writer.write_atomic

    def replacing(src, dst):
        if Path(dst).parent != folder:
            return real_replace(src, dst)
        assert set(old) <= {p.name for p in folder.iterdir()}, "a name of the previous set is missing"
        trace.append("rename")
        digests.add(real_sha(Path(src)))
        real_replace(src, dst)
        for name in old:  # each name a whole file, the previous one or a new one, never a part
            assert real_sha(folder / name) in digests

    monkeypatch.setattr(os, "replace", replacing)
    monkeypatch.setattr(writer, "sha256", lambda path: trace.append("sha") or real_sha(path))
    monkeypatch.setattr(writer, "write_atomic", lambda path, data: trace.append("write") or real_write(path, data))
    monkeypatch.setattr(writer, "_keep", lambda src, dst, keep=writer._keep: trace.append("keep") or keep(src, dst))
    result = run_cli("build", newer, "--output", out)
    assert result.exit_code == 0, result.output
    first, last = trace.index("rename"), len(trace) - 1 - trace[::-1].index("rename")
    assert trace[first:last + 1] == ["rename"] * 7  # six documents and the manifest, nothing in between
    assert "keep" in trace[:first] and trace[first - 1] == "write"  # the journal: the last thing before the window
    assert Q1 in listed(folder)


KILLER = """
import os, sys
from pathlib import Path
from iku.cli import main
folder, stop = Path(sys.argv[1]), int(sys.argv[2])
real, count = os.replace, [0]
def dying(src, dst):
    if Path(dst).parent == folder:  # a new file placed in the output folder
        count[0] += 1
        if count[0] == stop:
            os.kill(os.getpid(), 9)
    real(src, dst)
os.replace = dying
main(["build", sys.argv[3], "--output", str(folder.parent)])
"""


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
@pytest.mark.parametrize("stop", range(1, 8))
def test_a_kill_at_any_rename_is_finished_by_the_next_run(previous, stop):
    out, folder, newer = previous
    old = listed(folder)
    killed = subprocess.run([sys.executable, "-c", KILLER, str(folder), str(stop), str(newer)], cwd=ROOT,
                            capture_output=True)
    assert killed.returncode == -9
    assert set(old) <= {p.name for p in folder.iterdir()}  # killed in the window: no name of the set is missing
    notes = writer.restore(folder)  # what `check` (or the next build) does first
    assert notes == [f"Penggantian dokumen di {folder} yang terhenti pada proses sebelumnya diselesaikan lebih dulu."]
    now = listed(folder)
    assert Q1 in now and {name: sha(folder / name) for name in now} == now  # the whole new set
    assert sorted(p.name for p in folder.iterdir()) == sorted([*now, writer.MANIFEST])
    assert sorted(p.name for p in out.iterdir()) == ["mantup-2025"]


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
def test_a_kill_before_the_window_leaves_the_previous_set(previous):
    out, folder, newer = previous
    before = {p.name: sha(p) for p in folder.iterdir()}
    script = KILLER.replace("if Path(dst).parent == folder:", "if Path(dst).name == writer.COMPLETE:").replace(
        "from iku.cli import main", "from iku.cli import main\nfrom iku import writer")
    killed = subprocess.run([sys.executable, "-c", script, str(folder), "1", str(newer)], cwd=ROOT,
                            capture_output=True)
    assert killed.returncode == -9
    assert {p.name: sha(p) for p in folder.iterdir()} == before  # the previous set, untouched
    assert writer.restore(folder) == []
    assert {p.name: sha(p) for p in folder.iterdir()} == before
    assert sorted(p.name for p in out.iterdir()) == ["mantup-2025"]


def test_without_hard_links_the_previous_set_is_copied_aside(previous, monkeypatch):
    out, folder, newer = previous

    def no_links(src, dst, *args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)  # FAT, exFAT, some network shares
    result = run_cli("build", newer, "--output", out)
    assert result.exit_code == 0, result.output
    assert Q1 in listed(folder) and sorted(p.name for p in out.iterdir()) == ["mantup-2025"]
