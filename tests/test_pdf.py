"""iku.render.pdf: .docx to PDF with LibreOffice headless."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pytest

from iku.render import pdf

LINES = ["CAMAT MANTUP", "NIP. 19851010 200602 1 001"]

# In CI LibreOffice and poppler must be installed (.ci/run does it): there these tests run and fail loudly.
_missing = pdf.find_soffice() is None or shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None
needs_libreoffice = pytest.mark.skipif(_missing and not os.environ.get("CI"),
                                       reason="LibreOffice atau poppler-utils tidak terpasang")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="skrip soffice palsu memakai /bin/sh")


def make_docx(path: Path, lines: list[str] = LINES) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split(":", 1)[1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in text.splitlines() if line.strip()]


def fake_soffice(tmp_path: Path, monkeypatch, body: str) -> None:
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(script))


@needs_libreoffice
def test_converts_docx_to_pdf_with_its_text(tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where the profile and staging folder go
    source = make_docx(tmp_path / "Dokumen IKU.docx")
    out_dir = tmp_path / "hasil"

    written = pdf.convert([source], out_dir)

    assert written == [out_dir / "Dokumen IKU.pdf"]
    assert page_count(written[0]) == 1
    assert pdf_text(written[0]) == LINES
    assert sorted(p.name for p in out_dir.iterdir()) == ["Dokumen IKU.pdf"]  # no temporary files left
    assert list(scratch.iterdir()) == []  # the private profile is removed


@needs_libreoffice
def test_several_files_in_one_call(tmp_path):
    first = make_docx(tmp_path / "satu.docx", ["SATU"])
    second = make_docx(tmp_path / "dua.docx", ["DUA"] * 3)

    written = pdf.convert([first, second], tmp_path / "out")

    assert [p.name for p in written] == ["satu.pdf", "dua.pdf"]
    assert pdf_text(written[0]) == ["SATU"]
    assert pdf_text(written[1]) == ["DUA"] * 3


@needs_libreoffice
def test_parallel_conversions_both_produce_their_pdf(tmp_path):
    jobs = []
    for name in ("kiri", "kanan"):
        folder = tmp_path / name
        folder.mkdir()
        jobs.append((make_docx(folder / f"{name}.docx", [*LINES, name.upper()]), folder / "out"))

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda job: pdf.convert([job[0]], job[1]), jobs))

    for (source, out_dir), written in zip(jobs, results, strict=True):
        assert written == [out_dir / f"{source.stem}.pdf"]
        assert page_count(written[0]) == 1
        assert pdf_text(written[0]) == [*LINES, source.stem.upper()]


def test_unavailable_when_libreoffice_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    out_dir = tmp_path / "out"

    with pytest.raises(pdf.PdfUnavailable) as info:
        pdf.convert([make_docx(tmp_path / "a.docx")], out_dir)

    assert isinstance(info.value, pdf.PdfError)
    assert "LibreOffice tidak terpasang" in str(info.value)
    assert "apt-get install libreoffice-writer-nogui" in str(info.value)
    assert not out_dir.exists()


def test_no_files_means_no_work(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    assert pdf.convert([], tmp_path) == []


def test_missing_source_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda: "/bin/true")
    with pytest.raises(pdf.PdfError, match="tidak ditemukan"):
        pdf.convert([tmp_path / "tidak-ada.docx"], tmp_path / "out")


def test_same_name_in_two_folders_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda: "/bin/true")
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    sources = [make_docx(tmp_path / "x" / "IKU.docx"), make_docx(tmp_path / "y" / "IKU.docx")]
    with pytest.raises(pdf.PdfError, match="bernama sama"):
        pdf.convert(sources, tmp_path / "out")


@posix_only
def test_missing_pdf_is_an_error_and_nothing_is_moved(tmp_path, monkeypatch):
    # soffice often exits 0 without writing the PDF; only the first of two is "converted" ($7 is --outdir's value).
    fake_soffice(tmp_path, monkeypatch, 'echo x > "$7/satu.pdf"')
    sources = [make_docx(tmp_path / "satu.docx"), make_docx(tmp_path / "dua.docx")]
    out_dir = tmp_path / "out"

    with pytest.raises(pdf.PdfError, match="tidak menghasilkan PDF untuk dua.docx"):
        pdf.convert(sources, out_dir)

    assert not out_dir.exists()


@posix_only
def test_soffice_failure_is_an_error(tmp_path, monkeypatch):
    fake_soffice(tmp_path, monkeypatch, "echo 'Error: source file could not be loaded' >&2\nexit 1")
    with pytest.raises(pdf.PdfError, match=r"kode keluar 1\)[^\n]*\n.*could not be loaded"):
        pdf.convert([make_docx(tmp_path / "a.docx")], tmp_path / "out")


@posix_only
def test_timeout_ends_soffice_and_its_helpers(tmp_path, monkeypatch):
    fake_soffice(tmp_path, monkeypatch, "sleep 30 &\nsleep 30")
    started = time.monotonic()
    with pytest.raises(pdf.PdfError, match="tidak selesai dalam 1 detik"):
        pdf.convert([make_docx(tmp_path / "a.docx")], tmp_path / "out", timeout=1)
    assert time.monotonic() - started < 10  # the background helper did not keep the pipe open
