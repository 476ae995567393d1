"""The double-click runner for Windows (Buat_Dokumen.bat): cmd.exe cannot run here, so its text is checked."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "Buat_Dokumen.bat"


def _lines() -> list[str]:
    raw = RUNNER.read_bytes()
    # cmd.exe misreads labels and `goto` in a batch file saved with bare LF line ends.
    assert b"\n" not in raw.replace(b"\r\n", b""), "Buat_Dokumen.bat harus berakhir baris CRLF"
    return raw.decode("ascii").split("\r\n")


def test_every_goto_has_its_label():
    lines = _lines()
    labels = {line[1:].strip().lower() for line in lines if line.startswith(":")}
    targets = {m.group(1).lower() for line in lines for m in re.finditer(r"goto (\w+)", line, re.IGNORECASE)}
    assert targets, "no goto found"
    assert targets <= labels, targets - labels


def test_runner_sets_up_once_runs_the_main_job_and_keeps_the_window_open():
    text = "\r\n".join(_lines())
    assert 'cd /d "%~dp0"' in text  # double-clicked from Explorer, the working folder is not the tool's
    assert 'if exist ".venv\\Scripts\\python.exe" goto siap' in text
    assert "-m venv .venv" in text and "-m pip install -q -e ." in text
    run = text.index('".venv\\Scripts\\python.exe" generate.py')
    assert text.index(":siap") < run < text.index("pause", run)
    assert 'explorer "%~dp0output"' in text
    assert "exit /b %HASIL%" in text  # the tool's exit code, for a scheduler


def test_runner_tells_a_store_stub_or_old_python_from_a_real_one():
    text = "\r\n".join(_lines())
    assert "sys.version_info >= (3, 11)" in text
    # `if errorlevel N` means "at least N": the larger codes must be tested first.
    order = [text.index(f"if errorlevel {n} goto") for n in (4, 3, 1)]
    assert order == sorted(order)
    assert "python.org" in text and "Add python.exe to PATH" in text


def test_readme_gives_the_runner_and_both_windows_shells():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    windows = readme[readme.index("### Di Windows"):]
    assert windows.index("Buat_Dokumen.bat") < windows.index("```powershell")
    assert "py -m venv .venv" in windows and ".venv\\Scripts\\python generate.py" in windows
    powershell = windows[windows.index("```powershell"):]
    assert "&&" not in powershell[: powershell.index("```", 3)]  # Windows PowerShell 5.1 has no &&
