"""Through the CLI: template -> fill -> build, then read the documents back."""

from __future__ import annotations

import datetime as dt
import zipfile

from conftest import run_cli, sha
from docx_text import full_text, tables
from openpyxl import load_workbook

from iku import layout

VALUES = {
    1: {2024: 85.76, 2025: 86.31},
    2: {2025: 3},
    8: {2021: 100, 2025: 100},
    10: {2024: 33.33, 2025: 40.00},
}


def build(make_workbook, tmp_path, **kwargs):
    source = make_workbook(VALUES, identity={layout.ID_DATE: dt.datetime(2026, 1, 30)}, **kwargs)
    before = sha(source)
    out = tmp_path / "hasil"
    result = run_cli("build", source, "--output", out)
    assert result.exit_code == 0, result.output
    assert sha(source) == before  # the input is never written
    return result, out / "mantup-2025"


def test_iku_document_content(make_workbook, tmp_path):
    result, folder = build(make_workbook, tmp_path)
    doc = folder / "IKU_Kecamatan_Mantup_2021-2026.docx"
    text = full_text(doc)
    assert "PEMERINTAH KABUPATEN LAMONGAN" in text and "KECAMATAN MANTUP" in text
    assert "INDIKATOR KINERJA UTAMA (IKU)" in text and "TAHUN 2021-2026" in text
    assert "13.\tPelaksanaan fungsi lain yang diberikan oleh Bupati" in text
    assert "a.\tPenyelenggaraan perencanaan dan efektivitas" in text
    # the formula of P2 as a stacked fraction, no LaTeX left
    assert "\\frac" not in text and "Jumlah Pelayanan Publik Tepat Waktu" in text
    # signature block: the IKU document is dated when it was set (a dotted line here), not on the build date
    for line in ("Mantup, " + "." * 30, "CAMAT MANTUP", "SUWANTO SASTRODIHARJO, S.STP., M.M", "Pembina",
                 "NIP. 19851010 200602 1 001"):
        assert line in text
    assert "CONTOH" not in text  # an official workbook is not marked
    target = next(t for t in tables(doc) if t[0][0] == "No" and "Target" in t[0])
    rows = {r[1]: r[2:] for r in target[2:]}
    assert rows["Persentase Desa Naik Kelas"] == ["20,00%", "26,67%", "33,33%", "40,00%", "46,67%", "53,33%", "53,33%"]
    assert rows["Persentase Konflik yang Tertangani"][:4] == ["0", "0", "0", "100%"]  # as the IKU writes it
    assert rows["Nilai IKM"] == ["\u2013"] * 7
    assert "Dokumen IKU" in result.output and "belum ditetapkan" in result.output


def test_name_of_signer_is_bold_and_underlined(make_workbook, tmp_path):
    from docx import Document

    _, folder = build(make_workbook, tmp_path)
    doc = Document(folder / "IKU_Kecamatan_Mantup_2021-2026.docx")
    runs = [r for t in doc.tables for c in t._cells for p in c.paragraphs for r in p.runs
            if r.text == "SUWANTO SASTRODIHARJO, S.STP., M.M"]
    assert runs and all(r.bold and r.underline for r in runs)


def test_measurement_workbook_numbers(make_workbook, tmp_path):
    _, folder = build(make_workbook, tmp_path)
    path = folder / "Pengukuran_Kinerja_Kecamatan_Mantup_2025.xlsx"
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "Pengukuran 2025"  # report year first
    ws = wb["Pengukuran 2025"]
    rows = {r[1].value: r for r in ws.iter_rows() if isinstance(r[0].value, int)}
    naik = rows["Persentase Desa Naik Kelas"]
    assert naik[3].value == 0.4667 and naik[4].value == 0.4 and naik[5].value == 0.8571  # 40 / 46,67 = 85,71 %
    assert naik[5].number_format == "0.00%" and naik[6].value == "Tinggi"
    assert naik[6].fill.fgColor.rgb.endswith("C6EFCE")
    ikm = rows["Nilai IKM"]
    assert ikm[3].value == "belum ditetapkan" and ikm[4].value == 86.31 and ikm[6].value == "target belum ditetapkan"
    assert rows["Nilai SAKIP Kecamatan"][4].value == "belum dilaporkan"
    recap = wb["Rekap 2021-2025"]
    konflik = [r for r in recap.iter_rows(values_only=True) if r[1] == "Persentase Konflik yang Tertangani"]
    assert [r[2] for r in konflik] == [2021, 2022, 2023, 2024, 2025]  # years ascending, as in every table
    assert konflik[0][5] == "-" and konflik[0][6] == "target 0, capaian tidak dihitung"
    with zipfile.ZipFile(path) as z:
        assert len([n for n in z.namelist() if n.startswith("xl/charts/chart")]) == 10


def test_year_option_overrides_identity(make_workbook, tmp_path):
    source = make_workbook(VALUES)
    result = run_cli("build", source, "--year", "2024", "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    wb = load_workbook(tmp_path / "hasil" / "mantup-2024" / "Pengukuran_Kinerja_Kecamatan_Mantup_2024.xlsx")
    assert wb.sheetnames[0] == "Pengukuran 2024"


def test_check_validates_without_writing(make_workbook, tmp_path, monkeypatch):
    source = make_workbook(VALUES)
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", source)
    assert result.exit_code == 0 and "buku kerja sah" in result.output
    assert not (tmp_path / "output").exists()


def test_rerun_replaces_outputs_without_leftovers(make_workbook, tmp_path):
    build(make_workbook, tmp_path)
    _, folder = build(make_workbook, tmp_path, name="lagi.xlsx")
    # The manifest names what the tool wrote; no staging folder or lock is left beside the folder.
    assert [p.name for p in folder.parent.iterdir()] == ["mantup-2025"]
    assert sorted(p.name for p in folder.iterdir()) == [
        ".iku-manifest.json", "IKU_Kecamatan_Mantup_2021-2026.docx", "LKjIP_Kecamatan_Mantup_2025.docx",
        "Pengukuran_Kinerja_Kecamatan_Mantup_2025.xlsx", "Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx",
        "Surat_Pengantar_Kecamatan_Mantup_2025.docx"]


def test_failed_render_leaves_previous_outputs_whole(make_workbook, tmp_path, monkeypatch):
    from iku.render import xlsx as render_xlsx

    _, folder = build(make_workbook, tmp_path)
    before = {p.name: sha(p) for p in folder.iterdir()}

    def broken(results, view):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(render_xlsx, "measurement_workbook", broken)
    source = make_workbook({10: {2025: 20}}, name="baru.xlsx")
    try:
        run_cli("build", source, "--output", tmp_path / "hasil")
    except RuntimeError:
        pass
    assert {p.name: sha(p) for p in folder.iterdir()} == before


def test_edited_target_in_the_workbook_is_named_not_used(make_workbook, tmp_path):
    def edit(wb):
        wb["Realisasi"]["L14"] = 0.9

    source = make_workbook({10: {2025: 40}}, edit=edit)
    result = run_cli("build", source, "--output", tmp_path / "hasil")
    assert result.exit_code == 0
    assert "Realisasi!L14: target 2025 'Persentase Desa Naik Kelas' di buku kerja berbeda" in result.output
    wb = load_workbook(tmp_path / "hasil" / "mantup-2025" / "Pengukuran_Kinerja_Kecamatan_Mantup_2025.xlsx")
    row = next(r for r in wb["Pengukuran 2025"].iter_rows(values_only=True) if r[1] == "Persentase Desa Naik Kelas")
    assert row[3] == 0.4667


def test_outputs_are_readable_by_colleagues_and_stale_files_go(make_workbook, tmp_path):
    import os

    source = make_workbook({10: {2025: 40}}, quarters={10: (20, 30, None, None)})
    run_cli("build", source, "--output", tmp_path / "hasil")
    folder = tmp_path / "hasil" / "mantup-2025"
    assert (folder / "Pengukuran_Triwulan_II_Kecamatan_Mantup_2025.docx").exists()
    umask = os.umask(0)
    os.umask(umask)
    assert all(p.stat().st_mode & 0o777 == 0o666 & ~umask for p in folder.iterdir())
    (folder / "catatan-staf.docx").write_text("milik staf")
    fewer = make_workbook({10: {2025: 40}}, quarters={10: (20, None, None, None)}, name="lagi.xlsx")
    result = run_cli("build", fewer, "--output", tmp_path / "hasil")
    assert "Dihapus: Pengukuran_Triwulan_II_Kecamatan_Mantup_2025.docx" in result.output
    assert not (folder / "Pengukuran_Triwulan_II_Kecamatan_Mantup_2025.docx").exists()
    assert (folder / "catatan-staf.docx").exists()  # only the tool's own files are removed
