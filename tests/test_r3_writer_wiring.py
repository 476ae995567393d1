"""The writer's guards as the build uses them (iku/pipeline.py calls safe_names.office_part, writer.temp_space, and
shows what output_lock.locked and writer.recover found)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from types import SimpleNamespace

import pytest
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from iku import catalogue, output_lock, pipeline, safe_names, writer
from iku.render import xlsx as render_xlsx


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.booleans())
def test_the_pipeline_names_are_already_safe(office, sample):
    """So that the name the PDF step looks for (lkjip_name) is the name the writer wrote."""
    results = SimpleNamespace(catalogue=SimpleNamespace(office=SimpleNamespace(name=office)), report_year=2025,
                              report=SimpleNamespace(identity=SimpleNamespace(is_sample=sample)))
    name = pipeline.lkjip_name(results)
    assert writer.Document(name, b"", "t").filename == name == safe_names.file_name(name)


def _office(mantup, monkeypatch, name):
    hostile = dataclasses.replace(mantup, office=dataclasses.replace(mantup.office, name=name))
    monkeypatch.setattr(catalogue, "load_all", lambda: [hostile])


def test_a_240_character_office_name_builds(make_workbook, mantup, tmp_path, monkeypatch):
    """The report's ValueError: a document property over 255 characters."""
    office = "Kecamatan " + "Wilayah Pesisir Utara " * 10 + "Mantup Ray"
    assert len(office) == 240
    _office(mantup, monkeypatch, office)
    result = run_cli("build", make_workbook({10: {2025: 40}}, identity={"Instansi": office}), "--output",
                     tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    names = [p.name for p in (tmp_path / "hasil" / "mantup-2025").iterdir()]
    assert all(len(n) <= safe_names.MAX_NAME_CHARS for n in names) and len(names) == 6


def test_a_hostile_office_name_gives_tidy_names(make_workbook, mantup, tmp_path, monkeypatch):
    _office(mantup, monkeypatch, "Kecamatan A/../../x")
    result = run_cli("build", make_workbook({10: {2025: 40}}, identity={"Instansi": "Kecamatan A/../../x"}),
                     "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "hasil" / "mantup-2025" / "LKjIP_Kecamatan_A-x_2025.docx").is_file()


def test_a_full_temporary_folder_during_a_build_is_a_message(make_workbook, tmp_path, monkeypatch):
    from lxml import etree

    def filling(*args, **kwargs):
        raise etree.SerialisationError("IO_ENOSPC")  # openpyxl's worksheet file in TMPDIR could not be written

    monkeypatch.setattr(render_xlsx, "measurement_workbook", filling)
    result = run_cli("build", make_workbook({10: {2025: 40}}), "--output", tmp_path / "hasil")
    assert result.exit_code != 0
    assert "GAGAL menulis: Dokumen tidak dapat dibuat di folder sementara: ruang disk penuh (" in result.output
    assert "Kesalahan tak terduga" not in result.output and not (tmp_path / "hasil").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_a_stale_lock_taken_over_is_said(make_workbook, tmp_path, monkeypatch):
    out = tmp_path / "hasil"
    out.mkdir()
    stranger = subprocess.Popen(["sleep", "60"])
    try:
        (out / ".mantup-2025.lock").write_text(str(stranger.pid))
        monkeypatch.setattr(output_lock, "LOCK_WAIT", 0.3)
        result = run_cli("build", make_workbook({10: {2025: 40}}), "--output", out)
    finally:
        stranger.kill()
        stranger.wait()
    assert result.exit_code == 0, result.output
    assert f"menyebut pid {stranger.pid}, tetapi nomor itu kini dipakai program lain" in result.output


def test_a_damaged_marker_discarded_is_said(make_workbook, tmp_path):
    out = tmp_path / "hasil"
    leftover = out / ".mantup-2025.staging-4242"
    leftover.mkdir(parents=True)
    (leftover / writer.COMPLETE).write_text('{"baru": [', encoding="utf-8")
    result = run_cli("build", make_workbook({10: {2025: 40}}), "--output", out)
    assert result.exit_code == 0, result.output
    assert f"Folder sementara {leftover.name} dari proses yang terhenti dibuang" in result.output
