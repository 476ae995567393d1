"""`office import`: an IKU document (.docx) becomes an office catalogue that catalogue.load accepts."""

from __future__ import annotations

import datetime as dt
import tomllib
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import iku_doc_builder as seed_doc
import pytest
from conftest import identity_row, imported, png, run_cli, sha
from docx import Document
from docx_text import full_text, tables
from openpyxl import load_workbook

from iku import catalogue, layout
from iku.office_import.toml_out import string
from iku.read import limits
from iku.render import common
from iku.rules import rank_with_grade
from iku.workbook.template import fill

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
SHOWN_OFFICE_FIELDS = ("code", "name", "regency", "government", "superior", "address", "contact", "signing_place",
                       "first_year", "last_year", "paper", "task", "functions", "signatory", "iku_date",
                       "predicate_labels")
SHOWN_INDICATOR_FIELDS = ("number", "level", "objective", "name", "definition", "formula", "formula_fraction",
                          "unit", "targets", "end_target")



@pytest.fixture(scope="session")
def mantup_iku(tmp_path_factory) -> Path:
    """The tool's own IKU document of Mantup, built from the sample workbook with the real catalogue."""
    out = tmp_path_factory.mktemp("mantup")
    result = run_cli("build", SAMPLE, "--output", out)
    assert result.exit_code == 0, result.output
    return next(out.glob("*/*IKU_Kecamatan_Mantup_2021-2026.docx"))



def _graded(office):
    """The signatory with the rank as documents print it: 'Pembina Tk. I' reads back as 'Pembina Tingkat I'."""
    signer = office.signatory
    return replace(signer, rank=rank_with_grade(signer.rank)[0] or signer.rank)


def assert_same(expected, got) -> None:
    for name in SHOWN_OFFICE_FIELDS:
        if name == "signatory":
            assert _graded(got.office) == _graded(expected.office), name
            continue
        assert getattr(got.office, name) == getattr(expected.office, name), name
    assert [i.number for i in got.indicators] == [i.number for i in expected.indicators]
    for want, have in zip(expected.indicators, got.indicators, strict=True):
        for name in SHOWN_INDICATOR_FIELDS:
            assert getattr(have, name) == getattr(want, name), (want.number, name)


def test_own_iku_document_gives_back_the_mantup_catalogue(mantup_iku, offices, mantup):
    result = imported(mantup_iku)
    assert result.exit_code == 0, result.output
    assert_same(mantup, catalogue.load(offices / "mantup_2021-2026.toml"))
    out = result.output
    assert "Kantor: Kecamatan Mantup, Kabupaten Lamongan, periode 2021-2026" in out
    assert "Fungsi: 13 butir dan 2 sub-butir" in out
    assert "Indikator: 10 (2 tujuan, 2 sasaran, 2 program, 4 tabel target saja)" in out
    assert "2021: 4, 2022: 4, 2023: 4, 2024: 4, 2025: 4, 2026: 4; kondisi akhir: 4" in out
    assert "Camat Mantup, SUWANTO SASTRODIHARJO, S.STP., M.M, Pembina, NIP 19851010 200602 1 001" in out
    text = (offices / "mantup_2021-2026.toml").read_text(encoding="utf-8")
    assert "# ISI: nama Bupati tidak ada di dokumen IKU" in text
    assert "# ISI: daftar desa" in text and "desa = []" in text
    assert "jumlah_desa = " not in text.replace("# jumlah_desa = ", "")  # the village count is never invented


def test_seed_layout_of_another_office(tmp_path, offices):
    result = imported(seed_doc.build(tmp_path / "IKU_Contohjaya.docx"))
    assert result.exit_code == 0, result.output
    assert "tanpa judul kolom tahun; kolom angka dibaca sebagai target 2021-2026 lalu kondisi akhir" in result.output
    cat = catalogue.load(offices / "contohjaya_2021-2026.toml")
    office = cat.office
    assert (office.code, office.name, office.regency, office.government, office.superior) == (
        "contohjaya", "Kecamatan Contohjaya", "Lamongan", "Pemerintah Kabupaten Lamongan", "Bupati Lamongan")
    assert (office.first_year, office.last_year, office.task) == (2021, 2026, seed_doc.TASK)
    assert [(f.number, f.parent) for f in office.functions] == [("1", None), ("2", None), ("a", "2"), ("b", "2"),
                                                                ("3", None)]
    assert office.functions[2].text == "Pelayanan administrasi terpadu;"
    assert (office.signatory.position, office.signatory.name, office.signatory.rank, office.signatory.nip) == (
        "Camat Contohjaya", "BUDI CONTOH, S.Sos. (FIKTIF)", "Pembina Tk. I", "19700101 199001 1 001")
    assert (office.signing_place, office.iku_date) == ("Contohjaya", dt.date(2022, 1, 3))
    assert (office.address, office.contact, office.superior_name, office.village_count) == ("", "", "", 0)
    ikm, mandiri, maju, konflik = cat.indicators
    assert [i.level for i in cat.indicators] == ["tujuan", "sasaran", "program", None]
    assert [i.unit for i in cat.indicators] == ["nilai", "persen", "desa", "persen"]
    assert ikm.definition == seed_doc.DEFINITION_WITH_QUOTES
    assert ikm.targets[2021] == Decimal("80.50") and ikm.targets[2023] == Decimal("82.25")
    assert ikm.value_range == catalogue.OPEN_RANGE
    assert mandiri.formula_fraction == ("Jumlah Desa Mandiri", "Jumlah Desa", "\u00d7100%")
    assert mandiri.targets[2022] == Decimal("12.5") and mandiri.end_target == Decimal(25)
    assert mandiri.value_range == (Decimal(0), Decimal(100))
    assert maju.targets[2023] is None and maju.targets[2024] == Decimal(4)
    assert konflik.targets[2021] == Decimal(0) and konflik.targets[2023] == Decimal(100)


def test_target_table_with_a_header_row_reads_the_same(tmp_path, offices):
    assert imported(seed_doc.build(tmp_path / "a.docx"), "--code", "tanpa_judul").exit_code == 0
    # one office, two catalogues: refused
    (offices / "tanpa_judul_2021-2026.toml").rename(tmp_path / "tanpa_judul_2021-2026.toml")
    result = imported(seed_doc.build(tmp_path / "b.docx", target_header=True, place=False), "--code", "dengan_judul")
    assert result.exit_code == 0, result.output
    assert "tanpa judul kolom tahun" not in result.output
    assert "tempat penandatanganan tidak tertulis" in result.output
    without = catalogue.load(tmp_path / "tanpa_judul_2021-2026.toml")
    with_header = catalogue.load(offices / "dengan_judul_2021-2026.toml")
    assert [(i.targets, i.end_target) for i in with_header.indicators] == [
        (i.targets, i.end_target) for i in without.indicators]
    assert with_header.office.signing_place == ""


@pytest.mark.parametrize(("without", "named"), [
    ("target", "tabel target (No / Indikator Kinerja / target per tahun / kondisi akhir) tidak ditemukan"),
    ("fungsi", "tabel INSTANSI / TUGAS / FUNGSI tidak ditemukan"),
])
def test_missing_table_is_named_and_nothing_written(tmp_path, offices, without, named):
    result = imported(seed_doc.build(tmp_path / "iku.docx", without=without))
    assert result.exit_code == 1
    assert named in result.output
    assert "Galat: katalog tidak ditulis" in result.output
    assert list(offices.iterdir()) == []


def test_unreadable_target_is_named_by_table_and_row(tmp_path, offices):
    rows = [list(r) for r in seed_doc.TARGETS]
    rows[1] = ["2", rows[1][1], ["10%", "12.5%", "15%", "17,50%", "20%", "25%", "25%"]]
    rows[2] = ["3", rows[2][1], ["2", "3", "empat", "5", "6", "6", "6"]]
    result = imported(seed_doc.build(tmp_path / "iku.docx", targets=rows))
    assert result.exit_code == 1
    assert ("tabel 3 (target), baris 2, target 2022 'Persentase Desa Berstatus Mandiri': '12.5%' memakai titik "
            "sebagai tanda desimal; tulis dengan koma, misalnya '12,5'") in result.output
    assert "tabel 3 (target), baris 3, target 2023 'Jumlah Desa Maju': 'empat' bukan angka" in result.output
    assert list(offices.iterdir()) == []


def test_existing_catalogue_is_replaced_only_with_force(tmp_path, offices):
    document = seed_doc.build(tmp_path / "iku.docx")
    assert imported(document).exit_code == 0
    target = offices / "contohjaya_2021-2026.toml"
    target.write_text(target.read_text(encoding="utf-8") + "# diisi tangan\n", encoding="utf-8")
    before = sha(target)
    refused = imported(document)
    assert refused.exit_code == 1
    assert "sudah ada dan tidak ditimpa; tambahkan --force" in refused.output
    assert sha(target) == before
    forced = imported(document, "--force")
    assert forced.exit_code == 0, forced.output
    assert "# diisi tangan" not in target.read_text(encoding="utf-8")
    catalogue.load(target)


def test_code_option(tmp_path, offices):
    document = seed_doc.build(tmp_path / "iku.docx")
    bad = imported(document, "--code", "Contoh Jaya")
    assert bad.exit_code == 1 and "kode 'Contoh Jaya' tidak sah" in bad.output
    assert imported(document, "--code", "cj-01").exit_code == 0
    assert catalogue.load(offices / "cj-01_2021-2026.toml").office.code == "cj-01"


def test_template_and_build_pick_the_imported_office(tmp_path, offices):
    assert imported(seed_doc.build(tmp_path / "iku.docx")).exit_code == 0
    cat = catalogue.load(offices / "contohjaya_2021-2026.toml")
    workbook = tmp_path / "realisasi.xlsx"
    result = run_cli("template", workbook, "--office", "contohjaya", "--year", "2025")
    assert result.exit_code == 0, result.output
    wb = load_workbook(workbook)
    assert wb[layout.SHEET_IDENTITY].cell(row=identity_row(layout.ID_OFFICE), column=2).value == "Kecamatan Contohjaya"
    errors = {v.error for v in wb[layout.SHEET_REALISATION].data_validations.dataValidation if v.error}
    assert "Realisasi 'Indeks Kepuasan Masyarakat Kecamatan' harus angka 0 atau lebih." in errors  # rentang = []
    fill(wb, cat, {1: {2025: 82}, 2: {2025: 20}, 3: {2025: 4}, 4: {2025: 100}})
    wb.save(workbook)
    out = tmp_path / "hasil"
    result = run_cli("build", workbook, "--output", out)
    assert result.exit_code == 0, result.output
    document = next(out.glob("contohjaya-2025/IKU_Kecamatan_Contohjaya_2021-2026.docx"))
    assert "KECAMATAN CONTOHJAYA KABUPATEN LAMONGAN" in full_text(document)
    target_rows = {row[1]: row[2:] for row in tables(document)[-2] if row[0].isdigit()}
    assert target_rows["Persentase Desa Berstatus Mandiri"] == ["10%", "12,5%", "15%", "17,50%", "20%", "25%", "25%"]
    # and the tool's own document of the new office reads back as the same catalogue
    (offices / "contohjaya_2021-2026.toml").rename(tmp_path / "contohjaya_2021-2026.toml")
    assert imported(document).exit_code == 0
    assert_same(cat, catalogue.load(offices / "contohjaya_2021-2026.toml"))


def test_catalogue_without_signing_place_asks_for_it_in_the_workbook(tmp_path, offices):
    assert imported(seed_doc.build(tmp_path / "iku.docx", place=False)).exit_code == 0
    workbook = tmp_path / "realisasi.xlsx"
    assert run_cli("template", workbook, "--office", "contohjaya", "--year", "2025").exit_code == 0
    result = run_cli("build", workbook, "--output", tmp_path / "hasil")
    assert result.exit_code == 1
    assert "Tempat Penandatanganan kosong, dan katalog kantor tidak menyebutnya" in result.output


@pytest.mark.parametrize("text", ['say "hi"', "C:\\data\\x", "baris\nbaru\r\n", "tab\tdan\x01kontrol\x7f",
                                  "\u00bd \u00d7 100% \u2013 \u00e9\U0001f600", ""])
def test_toml_strings_round_trip(text):
    assert tomllib.loads(f"x = {string(text)}\n")["x"] == text


@pytest.mark.parametrize(("content", "fragment"), [
    (b"bukan dokumen", "tidak dapat dibuka sebagai dokumen Word .docx: isinya bukan format Word"),
    (bytes.fromhex("D0CF11E0A1B11AE1") + "EncryptedPackage".encode("utf-16-le"), "dilindungi kata sandi"),
    (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 64, "isinya dokumen Word .doc lama"),
])
def test_files_that_are_not_readable_documents(tmp_path, offices, content, fragment):
    path = tmp_path / "iku.docx"
    path.write_bytes(content)
    result = imported(path)
    assert result.exit_code == 1
    assert fragment in result.output
    assert list(offices.iterdir()) == []


def test_damaged_document_and_a_workbook_given_instead(tmp_path, offices):
    whole = seed_doc.build(tmp_path / "utuh.docx").read_bytes()
    damaged = tmp_path / "rusak.docx"
    damaged.write_bytes(whole[: len(whole) // 2])
    result = imported(damaged)
    assert result.exit_code == 1 and "rusak.docx rusak" in result.output and "simpan ulang" in result.output
    workbook = tmp_path / "buku.docx"
    workbook.write_bytes(SAMPLE.read_bytes())
    result = imported(workbook)
    assert result.exit_code == 1 and "bukan dokumen Word .docx (tidak ada bagian word/document.xml)" in result.output
    assert list(offices.iterdir()) == []


def test_kop_beside_a_lambang_is_read_too(tmp_path, offices, monkeypatch, mantup):
    """With the kabupaten's lambang the tool's kop is a table; its lines still give pemerintah, alamat, kontak."""
    lambang = tmp_path / "lambang"
    lambang.mkdir()
    (lambang / "mantup_lambang.png").write_bytes(png(60, 72, (200, 30, 30)))
    monkeypatch.setattr(common, "OFFICES_DIR", lambang)
    monkeypatch.setattr(catalogue, "OFFICES_DIR", ROOT / "iku" / "offices")
    result = run_cli("build", SAMPLE, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    document = next((tmp_path / "hasil").glob("*/*IKU_*.docx"))
    assert "PEMERINTAH KABUPATEN LAMONGAN" in tables(document)[0][0][1]  # the kop is the first table
    monkeypatch.setattr(catalogue, "OFFICES_DIR", offices)
    result = imported(document)
    assert result.exit_code == 0, result.output
    assert "tidak dikenali" not in result.output
    assert_same(mantup, catalogue.load(offices / "mantup_2021-2026.toml"))


def test_one_office_never_gets_two_catalogues(tmp_path, offices):
    document = seed_doc.build(tmp_path / "iku.docx")
    assert imported(document).exit_code == 0
    result = imported(document, "--code", "contoh2")
    assert result.exit_code == 1
    assert "Kecamatan Contohjaya sudah punya katalog contohjaya_2021-2026.toml" in result.output
    assert sorted(p.name for p in offices.iterdir()) == ["contohjaya_2021-2026.toml"]


def test_target_row_almost_named_like_an_indicator_is_refused(tmp_path, offices):
    rows = [list(r) for r in seed_doc.TARGETS]
    rows[0] = ["1", "Indeks Kepuasan Masyarakat Kecamatn", rows[0][2]]
    result = imported(seed_doc.build(tmp_path / "iku.docx", targets=rows))
    assert result.exit_code == 1
    assert ("tabel 3 (target), baris 1: 'Indeks Kepuasan Masyarakat Kecamatn' mirip indikator 1 'Indeks Kepuasan "
            "Masyarakat Kecamatan' tetapi tidak sama persis; samakan namanya") in result.output
    assert list(offices.iterdir()) == []


def test_kabupaten_from_the_title_when_instansi_names_only_the_office(tmp_path, offices):
    document = seed_doc.build(tmp_path / "iku.docx")
    doc = Document(document)
    doc.tables[0].cell(0, 1).text = "KECAMATAN CONTOHJAYA"
    doc.save(document)
    assert imported(document).exit_code == 0
    office = catalogue.load(offices / "contohjaya_2021-2026.toml").office
    assert (office.name, office.regency) == ("Kecamatan Contohjaya", "Lamongan")
    doc.paragraphs[1].clear()
    doc.paragraphs[1].add_run("INDIKATOR KINERJA UTAMA TAHUN 2021-2026")
    doc.save(document)
    result = imported(document, "--force")
    assert result.exit_code == 1
    assert "baris INSTANSI dan judul dokumen tidak menyebut kabupaten ('Kecamatan Contohjaya'" in result.output


def test_functions_typed_in_one_paragraph_are_split_by_their_numbers(tmp_path, offices):
    assert imported(seed_doc.build(tmp_path / "a.docx"), "--code", "a").exit_code == 0
    (offices / "a_2021-2026.toml").rename(tmp_path / "a_2021-2026.toml")
    assert imported(seed_doc.build(tmp_path / "b.docx", inline_functions=True), "--code", "b").exit_code == 0
    apart = catalogue.load(tmp_path / "a_2021-2026.toml").office.functions
    assert catalogue.load(offices / "b_2021-2026.toml").office.functions == apart
    assert len(apart) == 5


def test_document_over_the_size_cap_is_refused_before_reading(tmp_path, offices, monkeypatch):
    document = seed_doc.build(tmp_path / "iku.docx")
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    result = imported(document)
    assert result.exit_code == 1
    assert "iku.docx terlalu besar" in result.output
    assert list(offices.iterdir()) == []


def test_target_table_header_without_a_year_is_refused_naming_the_column(tmp_path, offices):
    document = seed_doc.build(tmp_path / "iku.docx", target_header=True)
    doc = Document(document)
    doc.tables[-1].cell(0, 2).text = "Target awal"  # the 2021 column loses its year
    doc.save(document)
    result = imported(document)
    assert result.exit_code == 1
    assert "tabel 3: kolom 'Target awal' tidak menyebut tahunnya" in result.output
    assert ("judul dokumen menyebut periode 2021-2026, tetapi tabel 3 memuat kolom target tahun 2022-2026"
            in result.output)
    assert list(offices.iterdir()) == []


@pytest.mark.parametrize(("style", "target_header"), [("1", True), ("(1)", False)])
def test_column_number_rows_under_the_headers_are_no_indicators(tmp_path, offices, style, target_header):
    assert imported(seed_doc.build(tmp_path / "a.docx", target_header=target_header), "--code", "a").exit_code == 0
    (offices / "a_2021-2026.toml").rename(tmp_path / "a_2021-2026.toml")
    numbered = seed_doc.build(tmp_path / "b.docx", target_header=target_header, column_numbers=style)
    result = imported(numbered, "--code", "b")
    assert result.exit_code == 0, result.output
    plain, got = catalogue.load(tmp_path / "a_2021-2026.toml"), catalogue.load(offices / "b_2021-2026.toml")
    assert [i.name for i in got.indicators] == [name for _, name, _ in seed_doc.TARGETS]
    assert [(i.number, i.level, i.objective, i.targets, i.end_target) for i in got.indicators] == [
        (i.number, i.level, i.objective, i.targets, i.end_target) for i in plain.indicators]


def test_row_with_a_number_for_an_indicator_name_is_named_by_table_and_row(tmp_path, offices):
    document = seed_doc.build(tmp_path / "iku.docx", column_numbers="1")
    doc = Document(document)
    doc.tables[1].cell(2, 2).text = "12"  # the tujuan's indicator, under the column-number row
    doc.tables[2].cell(1, 1).text = "7"
    doc.save(document)
    result = imported(document)
    assert result.exit_code == 1
    assert "tabel 2 (Tujuan), baris 3: nama indikator '12' tanpa huruf; baris ini bukan indikator" in result.output
    assert "tabel 3 (target), baris 2: nama indikator '7' tanpa huruf; baris ini bukan indikator" in result.output
    assert list(offices.iterdir()) == []


def test_target_rows_numbered_by_word_are_read(tmp_path, offices):
    result = imported(seed_doc.build(tmp_path / "iku.docx", target_header=True, word_numbered=True))
    assert result.exit_code == 0, result.output
    assert "tidak ada di tabel target" not in result.output
    ikm, mandiri, maju, konflik = catalogue.load(offices / "contohjaya_2021-2026.toml").indicators
    assert ikm.targets[2025] == Decimal(84) and ikm.end_target == Decimal(85)
    assert mandiri.targets[2022] == Decimal("12.5") and maju.targets[2023] is None
    assert (konflik.number, konflik.name, konflik.targets[2023]) == (
        4, "Persentase Konflik Sosial yang Tertangani", Decimal(100))


def test_target_table_without_written_targets_is_an_error(tmp_path, offices):
    rows = [list(r) for r in seed_doc.TARGETS]
    rows[2] = ["", rows[2][1], [""] * 7]
    result = imported(seed_doc.build(tmp_path / "a.docx", target_header=True, targets=rows))
    assert result.exit_code == 1
    assert ("tabel 3 (target), baris 4: 'Jumlah Desa Maju' tanpa target tertulis untuk tahun mana pun "
            "(2021-2026)") in result.output
    result = imported(seed_doc.build(tmp_path / "b.docx", target_header=True, targets=[]))
    assert result.exit_code == 1
    assert "tabel 3 (target): tidak ada baris indikator yang terbaca" in result.output
    assert list(offices.iterdir()) == []


def test_line_breaks_in_the_instansi_cell_are_spaces(tmp_path, offices):
    document = seed_doc.build(tmp_path / "iku.docx", instansi="KECAMATAN\nCONTOHJAYA KABUPATEN\nLAMONGAN")
    assert "KECAMATAN\nCONTOHJAYA" in Document(document).tables[0].cell(0, 1).text  # a real line break
    result = imported(document)
    assert result.exit_code == 0, result.output
    office = catalogue.load(offices / "contohjaya_2021-2026.toml").office
    assert (office.name, office.regency) == ("Kecamatan Contohjaya", "Lamongan")
    first = (offices / "contohjaya_2021-2026.toml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# Katalog IKU Kecamatan Contohjaya, Kabupaten Lamongan, 2021-2026."


def _rezipped(source: Path, target: Path, change) -> Path:
    """A copy of a .docx with its parts changed by `change(name, data) -> [(name, data), ...]`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            for name, data in change(info.filename, old.read(info.filename)):
                new.writestr(name, data)
    return target


def _macro(name: str, data: bytes) -> list[tuple[str, bytes]]:
    if name == "[Content_Types].xml":
        data = data.replace(b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
        return [(name, data), ("word/vbaProject.bin", b"\0" * 64)]
    return [(name, data)]


def _doctype(name: str, data: bytes) -> list[tuple[str, bytes]]:
    if name == "word/document.xml":
        head, _, rest = data.partition(b"?>")
        data = head + b'?><!DOCTYPE w [<!ENTITY x "x">]>' + rest
    return [(name, data)]


def _many(name: str, data: bytes) -> list[tuple[str, bytes]]:
    return [(name, data), *[(f"customXml/extra{n}.xml", b"<a/>") for n in range(40)]] if name == "word/document.xml" \
        else [(name, data)]


def _bomb(name: str, data: bytes) -> list[tuple[str, bytes]]:
    return [(name, data), ("word/media/kosong.xml", b" " * (3 * limits.MB))] if name == "word/document.xml" else \
        [(name, data)]


@pytest.mark.parametrize(("change", "suffix", "fragment"), [
    (None, ".docm", "iku.docm dokumen Word bermakro (.docm); alat ini hanya membaca dokumen tanpa makro. Buka di "
     "Word lalu simpan ulang sebagai 'Word Document (*.docx)' (tanpa makro)."),
    (_macro, ".docx", "iku.docx berisi makro (isinya dokumen Word bermakro); alat ini hanya membaca dokumen tanpa "
     "makro."),
    (_doctype, ".docx", "iku.docx rusak: bagian word/document.xml memuat deklarasi DTD (<!DOCTYPE>)"),
    (_many, ".docx", "bukan dokumen Word .docx yang wajar"),
    (_bomb, ".docx", "iku.docx: bagian word/media/kosong.xml mengembang"),
], ids=["docm", "makro-di-docx", "dtd", "terlalu-banyak-bagian", "bom-zip"])
def test_hostile_or_macro_documents_are_refused(tmp_path, offices, monkeypatch, change, suffix, fragment):
    monkeypatch.setattr(limits, "MAX_MEMBERS", 30)
    whole = seed_doc.build(tmp_path / "utuh.docx")
    path = tmp_path / f"iku{suffix}"
    if change is None:
        path.write_bytes(whole.read_bytes())
    else:
        _rezipped(whole, path, change)
    result = imported(path)
    assert result.exit_code == 1
    assert fragment in result.output
    assert list(offices.iterdir()) == []
