"""Output names from data made safe in one place (iku/safe_names.py): no office name puts a file outside --output,
and the checks the catalogue loader and `office import` use refuse such names in Indonesian."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iku import catalogue, output_lock, pipeline, safe_names, writer
from iku.safe_names import file_name, office_part

# Any text, with the characters an attack would use drawn often.
HOSTILE = st.lists(st.one_of(st.sampled_from(list('/\\.:*?"<>| \t\n\x00\x7f\u200e\u202e／＼‥℀') + ["..", "CON", "nul"]),
                             st.characters()), max_size=300).map("".join)


def _safe(name: str) -> None:
    assert file_name(name) == name  # already safe: unchanged
    assert name not in ("", ".", "..") and not name.startswith(".") and name == name.rstrip(". ")
    assert not set(name) & set(safe_names.WINDOWS_FORBIDDEN)
    assert not any(safe_names._is_control(c) for c in name)
    assert not safe_names.is_reserved(name)
    assert len(name) <= safe_names.MAX_NAME_CHARS and len(name.encode("utf-8")) <= safe_names.MAX_NAME_BYTES


@settings(max_examples=300, deadline=None)
@given(HOSTILE)
def test_no_name_leaves_the_folder(text):
    out = Path("/srv/hasil/mantup-2025")
    name = file_name(text)
    _safe(name)
    assert os.path.normpath(out / name) == str(out / name) and (out / name).parent == out
    assert Path(os.path.abspath(out / name)).parent == out


@settings(max_examples=200, deadline=None)
@given(HOSTILE, st.booleans())
def test_no_office_name_leaves_the_folder_through_the_pipeline_names(office, sample):
    """The names pipeline builds from the office name, as the Document the writer gets them: one plain name."""
    results = SimpleNamespace(catalogue=SimpleNamespace(office=SimpleNamespace(name=office)), report_year=2025,
                              report=SimpleNamespace(identity=SimpleNamespace(is_sample=sample)))
    for kind in ("LKjIP", "Pengukuran_Triwulan_III", "Surat_Pengantar"):
        built = pipeline._name(results, kind) + ".docx"
        _safe(writer.Document(built, b"", "t").filename)
    # and what safe_names gives the pipeline for the office stays whole inside the longest name it builds
    longest = f"CONTOH_Pengukuran_Triwulan_III_{office_part(office)}_2025.docx"
    assert file_name(longest) == longest


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(HOSTILE, min_size=1, max_size=4))
def test_a_set_named_by_hostile_text_is_written_inside_its_folder(tmp_path_factory, names):
    root = tmp_path_factory.mktemp("swap")
    folder = root / "hasil" / "x-2025"
    documents = {writer.Document(f"LKjIP_{n}_2025.docx", n.encode("utf-8", "replace"), "t").filename for n in names}
    with output_lock.locked(folder), writer.staged(folder) as staging:
        for name in documents:
            writer.write_atomic(staging / name, b"isi")
        writer.swap(staging, folder, sorted(documents))
    everything = [p for p in root.rglob("*") if p.is_file()]
    assert sorted(p.name for p in everything) == sorted({*documents, writer.MANIFEST})
    assert all(p.parent == folder for p in everything)


@pytest.mark.parametrize(("office", "start", "end"), [("Kecamatan A/../../x", "LKjIP_Kecamatan_A-", "x_2025.docx"),
                                                      ("Kota/Utara", "LKjIP_Kota-Utara_2025.docx", "")])
def test_office_names_with_separators_build_inside_output(make_workbook, mantup, tmp_path, monkeypatch, office, start,
                                                          end):
    """The catalogue of the test (Mantup's, renamed) reaches the build as a hand-edited one would."""
    hostile = dataclasses.replace(mantup, office=dataclasses.replace(mantup.office, name=office))
    monkeypatch.setattr(catalogue, "load_all", lambda: [hostile])
    workbook = make_workbook({10: {2025: 40}}, identity={"Instansi": office})
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    result = run_cli("build", workbook, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "hasil" / "mantup-2025"
    outside = sorted(str(p) for p in tmp_path.rglob("*") if not p.is_relative_to(tmp_path / "hasil"))
    assert outside == [p for p in before if not Path(p).is_relative_to(tmp_path / "hasil")]
    written = sorted(p.name for p in folder.iterdir())
    assert len(written) == 6 and writer.MANIFEST in written, written  # five documents and the manifest
    assert [p for p in (tmp_path / "hasil").rglob("*") if p.parent != folder] == [folder]
    for name in set(written) - {writer.MANIFEST}:
        _safe(name)
    lkjip = [n for n in written if n.startswith("LKjIP_")]
    assert len(lkjip) == 1 and lkjip[0].startswith(start) and lkjip[0].endswith(end), written
    assert "GAGAL" not in result.output and "disk" not in result.output


def test_office_part_keeps_the_year_and_fits_the_longest_name():
    office = "Kecamatan " + "Sangat Panjang " * 20  # 310 characters
    part = office_part(office)
    assert len(part) <= safe_names.OFFICE_PART_CHARS and part.startswith("Kecamatan_Sangat_Panjang")
    name = f"CONTOH_Pengukuran_Triwulan_III_{part}_2025.docx"
    assert file_name(name) == name and name.endswith("_2025.docx")
    assert office_part("漢字" * 100).encode("utf-8").__len__() <= safe_names.OFFICE_PART_BYTES


@pytest.mark.parametrize("name", ["CON", "con.docx", "Aux.tar.gz", "NUL ", "com1.pdf", "LPT9", "COM¹.txt", "prn"])
def test_reserved_device_names_are_never_file_names(name):
    assert safe_names.is_reserved(name)
    assert not safe_names.is_reserved(file_name(name))
    assert file_name(name).startswith("_")


def test_long_names_are_cut_in_the_stem_keeping_the_extension():
    name = file_name("LKjIP_" + "ğ" * 300 + "_2025.docx")
    assert name.endswith(".docx") and len(name.encode("utf-8")) <= safe_names.MAX_NAME_BYTES
    assert file_name(name) == name


@pytest.mark.parametrize(("name", "fragment"), [
    ("Kota/Utara", "memuat '/': tanda yang tidak boleh ada dalam nama berkas"),
    ("Kecamatan A/../../x", "misalnya 'Kecamatan A x'"),
    ("Kecamatan\x7fMantup", "karakter kendali yang tidak terlihat (U+007F)"),
    ("Kecamatan\tMantup", "karakter kendali yang tidak terlihat (U+0009)"),
    ("Kecamatan A..B", "memuat '..'"),
    ("Kecamatan Mantup.", "diakhiri spasi atau titik"),
    ("K" * 240, "nama kantor terlalu panjang (240 karakter; paling banyak 200)"),
    ("CON", "nama perangkat yang dicadangkan Windows"),
    ("Kecamatan <Mantup>", "memuat '<', '>'"),
    ("   ", "nama kantor kosong"),
])
def test_unsafe_office_names_are_refused_in_indonesian(name, fragment):
    assert fragment in (safe_names.refuse_unsafe_office_name(name) or "")


@pytest.mark.parametrize("name", ["Kecamatan Mantup", "Kecamatan Kota Utara", "Kelurahan Sidoarjo-Kidul",
                                  "Kecamatan Ngimbang (Lamongan)"])
def test_ordinary_office_names_pass(name):
    assert safe_names.refuse_unsafe_office_name(name) is None


@pytest.mark.parametrize("code", ["con", "aux", "nul", "prn", "com1", "LPT3"])
def test_reserved_codes_are_refused(code):
    message = safe_names.refuse_reserved_code(code)
    assert message is not None and f"kode '{code}' adalah nama perangkat yang dicadangkan Windows" in message
    assert safe_names.refuse_reserved_code("mantup") is None and safe_names.refuse_reserved_code("console") is None


def test_one_workbook_under_two_spellings_is_one_file(tmp_path, monkeypatch):
    book = tmp_path / "realisasi.xlsx"
    book.write_bytes(b"PK")
    (tmp_path / "tautan.xlsx").symlink_to(book)
    other = tmp_path / "lain.xlsx"
    other.write_bytes(b"PK")
    monkeypatch.chdir(tmp_path)
    paths = [Path("realisasi.xlsx"), Path("./realisasi.xlsx").absolute(), tmp_path / "tautan.xlsx", other,
             Path("hilang.xlsx")]
    kept, again = safe_names.distinct_files(paths)
    assert kept == [Path("realisasi.xlsx"), other, Path("hilang.xlsx")]
    assert again == {paths[1]: Path("realisasi.xlsx"), paths[2]: Path("realisasi.xlsx")}
