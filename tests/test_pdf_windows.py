"""LibreOffice where Windows installs it, and a hung one ended there too (issue 19). Run on Linux: a fake
soffice.exe (a shell script) in a Program Files folder named by the environment, and a fake taskkill on PATH."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from test_pdf import make_docx

from iku.render import pdf

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/bin/sh fakes, /proc")

# Shell built-ins only (PATH holds no soffice, and so no coreutils). Writes a four-byte "PDF" for each .docx
# into --outdir, and its arguments to args.txt beside itself.
FAKE_SOFFICE = """#!/bin/sh
printf '%s\\n' "$@" > "${0%/*}/args.txt"
out=""; take=0
for a in "$@"; do
  if [ "$take" = 1 ]; then out="$a"; take=0; fi
  [ "$a" = "--outdir" ] && take=1
done
for a in "$@"; do
  case "$a" in *.docx) b=${a##*/}; printf '%%PDF' > "$out/${b%.docx}.pdf";; esac
done
"""


def _program_files(tmp_path: Path, monkeypatch, variable: str) -> Path:
    root = tmp_path / variable.replace("(", "_").replace(")", "")
    exe = root.joinpath(*pdf.SOFFICE_IN_PROGRAM_FOLDER)
    exe.parent.mkdir(parents=True)
    exe.write_text(FAKE_SOFFICE)
    exe.chmod(0o755)
    for other in pdf.PROGRAM_FOLDERS:
        monkeypatch.delenv(other, raising=False)
    monkeypatch.delenv(pdf.SOFFICE_ENV, raising=False)
    monkeypatch.setenv(variable, str(root))
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))  # no soffice on PATH, as on a Windows PC
    return exe


@pytest.mark.parametrize("variable", ["ProgramFiles", "ProgramFiles(x86)"])
def test_soffice_exe_in_program_files_is_found_and_used(tmp_path, monkeypatch, variable):
    exe = _program_files(tmp_path, monkeypatch, variable)
    assert pdf.find_soffice() == str(exe) == pdf.find_soffice(windows=True)
    source = make_docx(tmp_path / "LKjIP.docx")
    written = pdf.convert([source], tmp_path / "hasil")
    assert written == [tmp_path / "hasil" / "LKjIP.pdf"] and written[0].read_bytes() == b"%PDF"
    args = (exe.parent / "args.txt").read_text().splitlines()
    profile = next(a for a in args if a.startswith("-env:UserInstallation="))
    url = urlparse(profile.split("=", 1)[1])  # Path.as_uri(): file:///C:/... on Windows
    assert url.scheme == "file" and Path(unquote(url.path)).name == "profile"


def test_the_path_on_path_comes_before_program_files(tmp_path, monkeypatch):
    _program_files(tmp_path, monkeypatch, "ProgramFiles")
    on_path = tmp_path / "bin" / "soffice"
    on_path.parent.mkdir()
    on_path.write_text("#!/bin/sh\n")
    on_path.chmod(0o755)
    monkeypatch.setenv("PATH", str(on_path.parent))
    assert pdf.find_soffice() == str(on_path)


def test_a_soffice_named_in_the_environment_comes_first(tmp_path, monkeypatch):
    _program_files(tmp_path, monkeypatch, "ProgramFiles")
    portable = tmp_path / "D" / "LibreOfficePortable" / "soffice.exe"
    portable.parent.mkdir(parents=True)
    portable.write_text(FAKE_SOFFICE)
    monkeypatch.setenv(pdf.SOFFICE_ENV, f'"{portable}"')  # as pasted from Explorer's "Copy as path"
    assert pdf.find_soffice() == str(portable)


def test_a_soffice_named_in_the_environment_that_is_not_there_is_said(tmp_path, monkeypatch):
    _program_files(tmp_path, monkeypatch, "ProgramFiles")
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(tmp_path / "tidak-ada.exe"))
    with pytest.raises(pdf.PdfUnavailable) as info:
        pdf.convert([make_docx(tmp_path / "a.docx")], tmp_path / "hasil")
    assert f"Variabel lingkungan IKU_SOFFICE menunjuk {tmp_path / 'tidak-ada.exe'}, tetapi di sana tidak ada berkas " \
        "soffice" in str(info.value)
    assert not (tmp_path / "hasil").exists()


def test_no_libreoffice_on_windows_says_where_to_get_it(tmp_path, monkeypatch):
    for other in pdf.PROGRAM_FOLDERS:
        monkeypatch.delenv(other, raising=False)
    monkeypatch.delenv(pdf.SOFFICE_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pdf, "WINDOWS_DEFAULTS", (str(tmp_path / "C" / "Program Files"),))
    assert pdf.find_soffice(windows=True) is None
    hint = pdf.install_hint(windows=True)
    assert "https://www.libreoffice.org/download/" in hint and "apt-get" not in hint
    assert "C:\\Program Files\\LibreOffice" in hint


def test_a_hung_soffice_is_ended_with_its_tree_by_taskkill(tmp_path, monkeypatch):
    """Windows has no process groups: taskkill /F /T /PID ends soffice.exe and soffice.bin."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    taskkill = bin_dir / "taskkill"
    taskkill.write_text('#!/bin/sh\necho "$@" > "$(dirname "$0")/taskkill.txt"\nkill -9 "-$4"\n')
    taskkill.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("SystemRoot", str(tmp_path / "Windows"))  # no System32\taskkill.exe there: PATH's
    hung = subprocess.Popen(["sh", "-c", "sleep 60 & sleep 60; wait"], start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    time.sleep(0.2)
    started = time.monotonic()
    pdf._kill(hung, windows=True)
    assert (bin_dir / "taskkill.txt").read_text().split() == ["/F", "/T", "/PID", str(hung.pid)]
    assert hung.poll() is not None and time.monotonic() - started < pdf.KILL_WAIT
    assert _living_in_group(hung.pid) == []  # the helper (the second sleep) went with it


def _living_in_group(group: int) -> list[int]:
    """Processes of the group that are not zombies (a killed orphan waits for init to reap it)."""
    living = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            living.append(int(stat.parent.name))
    return living
