"""Ctrl+C and SIGTERM during a batch (issue 18): one "Dibatalkan" line, no traceback from any process, no staging
folder or lock left, every output folder holding one whole set, no worker left running; LibreOffice started by
the tool runs in its own session and is ended with the run, its profile folder removed."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from iku import writer

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(sys.platform == "win32" or not Path("/proc/self/stat").exists(),
                                reason="sinyal POSIX dan /proc")


def session_members(sid: int) -> list[int]:
    """Processes of a session still running (zombies, already ended, are not counted)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def start(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, Path]:
    """generate.py in its own session (so that a signal to its group reaches it and its workers only, as Ctrl+C
    in a terminal does), stdout read line by line, stderr to a file."""
    err = cwd / "stderr.txt"
    proc = subprocess.Popen([sys.executable, str(ROOT / "generate.py"), *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=err.open("wb"), start_new_session=True, env={**os.environ, **(env or {})})
    return proc, err


@pytest.fixture
def reaped():
    """Whatever a failed test left running (the run, its workers, a stand-in LibreOffice) is ended afterwards."""
    sessions: list[int] = []
    yield sessions
    for sid in sessions:
        for pid in session_members(sid):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def finish(proc: subprocess.Popen, err: Path, seen: list[str]) -> str:
    rest, _ = proc.communicate(timeout=300)
    return "".join(seen) + rest.decode("utf-8") + err.read_text(encoding="utf-8")


def workbooks(make_workbook) -> list[Path]:
    """Twelve workbooks of twelve different output folders: Mantup, each year of its period, RESMI and CONTOH."""
    return [make_workbook(name=f"mantup_{year}_{status}.xlsx", year=year, identity={"Status Data": status})
            for year in range(2021, 2027) for status in ("RESMI", "CONTOH")]


def assert_whole(out: Path) -> None:
    """No staging folder or lock beside the sets, and each set whole: every file the manifest names, unchanged."""
    names = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert not [n for n in names if ".staging-" in n or n.endswith(".lock")], names
    for folder in (p for p in out.iterdir() if p.is_dir()) if out.exists() else ():
        manifest = writer.read_manifest(folder)
        assert len(manifest) >= 5, (folder, manifest)
        assert sorted(writer.ours(folder)) == sorted(manifest)


@posix_only
@pytest.mark.parametrize(("signum", "to_group"), [(signal.SIGINT, True), (signal.SIGTERM, False),
                                                  (signal.SIGTERM, True)],
                         ids=["ctrl-c", "sigterm-to-the-run", "sigterm-to-its-group"])
def test_a_signal_during_a_batch_ends_it_with_one_line(make_workbook, tmp_path, signum, to_group, reaped):
    paths = workbooks(make_workbook)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    out = tmp_path / "hasil"
    proc, err = start(["build", *map(str, paths), "--output", str(out), "--jobs", "2"], tmp_path,
                      {"TMPDIR": str(scratch)})
    reaped.append(proc.pid)
    seen = []
    for line in iter(proc.stdout.readline, b""):  # wait for the first finished workbook: the batch is under way
        seen.append(line.decode("utf-8"))
        if line.startswith(b"[1/12]"):
            break
    assert seen and seen[-1].startswith("[1/12]"), seen
    if to_group:
        os.killpg(proc.pid, signum)
    else:
        os.kill(proc.pid, signum)
    output = finish(proc, err, seen)

    assert proc.returncode == 128 + signum, output
    cancelled = [line for line in output.splitlines() if "Dibatalkan" in line]
    how = "Ctrl+C" if signum == signal.SIGINT else "sinyal SIGTERM"
    assert cancelled == [f"Dibatalkan ({how}). Setiap folder hasil berisi satu set dokumen yang utuh, tidak "
                         "campuran: yang baru bila buku kerjanya sudah selesai, selain itu yang sebelumnya."], output
    assert "Traceback" not in output and "Error" not in output, output
    assert "Selesai:" not in output  # the run was stopped, not finished
    assert_whole(out)
    assert 1 <= sum(1 for p in out.iterdir() if p.is_dir()) < 12
    assert session_members(proc.pid) == []  # no worker left running
    assert list(scratch.iterdir()) == []  # no crash log, no temporary folder


FAKE_SOFFICE = """#!/bin/sh
for arg in "$@"; do
  case "$arg" in -env:UserInstallation=file://*) echo "${arg#-env:UserInstallation=file://}" > "$IKU_UJI/profile.$$";;
  esac
done
sleep 300 &
echo $! > "$IKU_UJI/helper.$$"
echo $$ > "$IKU_UJI/pid.tmp.$$" && mv "$IKU_UJI/pid.tmp.$$" "$IKU_UJI/pid.$$"
wait
"""


def session_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[3])


def stand_in(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    """A LibreOffice that never finishes, first on PATH, with a helper process of its own; what it started is
    recorded in info/ (pid.N, helper.N, profile.N for the stand-in of pid N)."""
    bin_dir, info, scratch = tmp_path / "bin", tmp_path / "info", tmp_path / "tmp"
    for folder in (bin_dir, info, scratch):
        folder.mkdir()
    (bin_dir / "soffice").write_text(FAKE_SOFFICE)
    (bin_dir / "soffice").chmod(0o755)
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "TMPDIR": str(scratch), "IKU_UJI": str(info)}
    return env, info, scratch


def started(proc: subprocess.Popen, err: Path, info: Path, count: int) -> list[int]:
    """The pids of the stand-ins, once `count` of them are converting."""
    while len(found := sorted(info.glob("pid.[0-9]*"))) < count:
        assert proc.poll() is None, finish(proc, err, [])
        time.sleep(0.05)
    return [int(p.read_text()) for p in found]


@posix_only
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_libreoffice_runs_in_its_own_session_and_ends_with_the_run(make_workbook, tmp_path, signum, reaped):
    """The signal ends the run, LibreOffice and its helper, and removes its profile and work folder."""
    path = make_workbook(name="realisasi.xlsx")
    env, info, scratch = stand_in(tmp_path)
    out = tmp_path / "hasil"
    proc, err = start(["build", str(path), "--output", str(out), "--pdf"], tmp_path, env)
    reaped.append(proc.pid)
    [soffice] = started(proc, err, info, 1)
    reaped.append(soffice)
    profile = Path((info / f"profile.{soffice}").read_text().strip())
    assert profile.parent.parent == scratch and profile.parent.name.startswith(f"iku-pdf-{proc.pid}-")
    assert session_of(soffice) == soffice != session_of(proc.pid)  # its own session, not the run's group
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signum)  # Ctrl+C: the terminal signals the run's group, which LibreOffice is not in
    else:
        os.kill(proc.pid, signum)
    output = finish(proc, err, [])

    assert proc.returncode == 128 + signum, output
    assert len([line for line in output.splitlines() if "Dibatalkan" in line]) == 1, output
    assert "Traceback" not in output, output
    assert session_members(soffice) == []  # LibreOffice and its helper are gone
    assert not profile.exists() and list(scratch.iterdir()) == []  # profile and work folder removed
    assert not out.exists() or [p.name for p in out.iterdir()] == []


@posix_only
def test_sigterm_to_a_pdf_batch_ends_each_workers_libreoffice(make_workbook, tmp_path, reaped):
    paths = [make_workbook(name=f"mantup_{year}.xlsx", year=year) for year in (2024, 2025)]
    env, info, scratch = stand_in(tmp_path)
    out = tmp_path / "hasil"
    proc, err = start(["build", *map(str, paths), "--output", str(out), "--pdf", "--jobs", "2"], tmp_path, env)
    reaped.append(proc.pid)
    soffices = started(proc, err, info, 2)  # one per worker
    reaped.extend(soffices)
    assert len({session_of(pid) for pid in soffices} | {session_of(proc.pid)}) == 3
    os.kill(proc.pid, signal.SIGTERM)  # to the run alone: it stops its workers, each ends its LibreOffice
    output = finish(proc, err, [])

    assert proc.returncode == 128 + signal.SIGTERM, output
    assert len([line for line in output.splitlines() if "Dibatalkan" in line]) == 1, output
    assert "Traceback" not in output, output
    assert [pid for pid in soffices if session_members(pid)] == []
    assert session_members(proc.pid) == []
    assert list(scratch.iterdir()) == []
    assert not out.exists() or [p.name for p in out.iterdir()] == []


def descendants_named(root: int, name: str) -> list[int]:
    """Processes below `root` (by parent pid, any session) whose command line holds `name`."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    below, changed = {root}, True
    while changed:
        grown = below | {pid for pid, parent in parents.items() if parent in below}
        changed, below = grown != below, grown
    found = []
    for pid in below - {root}:
        with contextlib.suppress(OSError):
            if name in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"):
                found.append(pid)
    return found


@posix_only
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice tidak terpasang")
def test_real_libreoffice_is_ended_with_the_run(make_workbook, tmp_path, reaped):
    path = make_workbook(name="realisasi.xlsx")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    out = tmp_path / "hasil"
    proc, err = start(["build", str(path), "--output", str(out), "--pdf"], tmp_path, {"TMPDIR": str(scratch)})
    reaped.append(proc.pid)
    while not (running := descendants_named(proc.pid, "soffice.bin")):  # LibreOffice proper, not its launcher
        assert proc.poll() is None, finish(proc, err, [])
        time.sleep(0.02)
    sessions = {session_of(pid) for pid in running}
    reaped.extend(sessions)
    assert proc.pid not in sessions
    assert [p.name for p in scratch.iterdir() if p.name.startswith(f"iku-pdf-{proc.pid}-")]
    os.kill(proc.pid, signal.SIGTERM)
    output = finish(proc, err, [])

    assert proc.returncode == 128 + signal.SIGTERM, output
    assert "Traceback" not in output, output
    assert [sid for sid in sessions if session_members(sid)] == []
    assert list(scratch.iterdir()) == []  # profile, work folder, toc folder: all removed


@posix_only
def test_work_folders_of_a_run_killed_with_9_are_removed_by_the_next(tmp_path, monkeypatch):
    """A run killed with -9 cannot clean up: the next conversion removes the work folder (profile and all) of a
    process that is gone, and never one of a process still running."""
    from iku.render import pdf

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    dead = tmp_path / f"iku-pdf-{gone.pid}-abc"
    (dead / "profile" / "user").mkdir(parents=True)
    (dead / "profile" / "user" / "registrymodifications.xcu").write_text("<x/>")
    alive = tmp_path / f"iku-pdf-{os.getppid()}-def"  # pytest's parent: alive for the whole test
    alive.mkdir()
    other = tmp_path / "iku-pdf-bukan-angka"
    other.mkdir()
    script = tmp_path / "soffice"
    script.write_text('#!/bin/sh\nwhile [ $# -gt 0 ]; do case "$1" in --outdir) shift; out="$1";; *.docx) '
                      'echo "%PDF-1.4" > "$out/$(basename "$1" .docx).pdf";; esac; shift; done\n')
    script.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(script))
    source = tmp_path / "a.docx"
    source.write_bytes(b"docx")
    assert pdf.convert([source], tmp_path / "out") == [tmp_path / "out" / "a.pdf"]
    assert not dead.exists()
    assert alive.is_dir() and other.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.docx", "out", "soffice", alive.name, other.name])


def test_a_worker_stopped_while_writing_a_sheet_leaves_no_openpyxl_file(tmp_path, monkeypatch):
    """openpyxl's sheet files are removed by atexit, which a worker's os._exit skips; the task removes them."""
    from openpyxl import Workbook
    from openpyxl.worksheet import _writer

    from iku import errors

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    original = _writer.WorksheetWriter.write_rows

    def stopped(self):  # SIGTERM arrives while the sheet's temporary file is being written
        original(self)
        raise errors.Cancelled(signal.SIGTERM)

    monkeypatch.setattr(_writer.WorksheetWriter, "write_rows", stopped)

    def leave(code):
        raise SystemExit(code)

    monkeypatch.setattr(errors.os, "_exit", leave)
    book = Workbook()
    book.active["A1"] = "isi"
    with pytest.raises(SystemExit) as ended:
        errors.run_task(book.save, tmp_path / "hasil.xlsx")
    assert ended.value.code == 128 + signal.SIGTERM
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("openpyxl.")) == []
