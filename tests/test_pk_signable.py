"""Issue 7 point 2 and the document bullets of point 6: a PK that can be signed (DRAF while a target is missing,
cascade lampiran, signing place, no staff instruction), the IKU document's own targets and date, document
properties (language, author, title) and PDF/A."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run_cli
from docx import Document
from docx.oxml.ns import qn
from docx_text import full_text, tables

from iku import layout
from iku.render import pdf
from iku.render.pk import DRAFT_MARK
from iku.workbook.template import fill_targets

SAMPLE = Path(__file__).resolve().parents[1] / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
# Targets for the six indicators the IKU document leaves open (illustrative, as a Renstra would give them).
TYPED = {1: {2025: 85}, 2: {2025: 2}, 3: {2025: 70}, 4: {2025: 6}, 5: {2025: 83}, 6: {2025: 95}}
# Instructions to staff: they belong in the workbook and the build summary, never in a document that is signed.
STAFF_WORDS = ("tetapkan sebelum", "sebelum perjanjian ditandatangani", "diisi pada lembar", "isi sel",
               "lembar Anggaran", "buat ulang")


def build(make_workbook, tmp_path, mantup, targets=None, identity=None, name="realisasi.xlsx"):
    source = make_workbook({}, identity={layout.ID_DATE: dt.datetime(2026, 1, 30), **(identity or {})}, name=name,
                           edit=(lambda wb: fill_targets(wb, mantup, targets)) if targets else None)
    result = run_cli("build", source, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    return tmp_path / "hasil" / "mantup-2025", " ".join(result.output.split())


def pk_path(folder: Path) -> Path:
    return folder / "Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx"


def test_pk_is_a_draft_while_a_target_is_missing_and_the_summary_names_it(make_workbook, tmp_path, mantup):
    folder, output = build(make_workbook, tmp_path, mantup, targets={k: v for k, v in TYPED.items() if k != 4})
    text = full_text(pk_path(folder))
    # above the agreement and above its lampiran
    assert [p.text for p in Document(pk_path(folder)).paragraphs].count(DRAFT_MARK) == 2
    assert "Perjanjian Kinerja ditandai DRAF: target tahun 2025 belum ada untuk 4. Jumlah Desa Maju." in output
    assert "Nilai IKM" not in output.split("ditandai DRAF")[1].split(".")[0]  # typed on the workbook: not missing
    lkjip = full_text(folder / "LKjIP_Kecamatan_Mantup_2025.docx")
    assert DRAFT_MARK in lkjip  # Lampiran 1 is the same agreement
    assert "PIHAK PERTAMA" in text


def test_pk_without_draft_when_every_target_exists(make_workbook, tmp_path, mantup):
    folder, output = build(make_workbook, tmp_path, mantup, targets=TYPED)
    assert DRAFT_MARK not in full_text(pk_path(folder))
    assert "DRAF" not in full_text(folder / "LKjIP_Kecamatan_Mantup_2025.docx")
    assert "ditandai DRAF" not in output


def test_sample_pk_has_no_draft(tmp_path):
    result = run_cli("build", SAMPLE, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "hasil" / "mantup-2025-CONTOH"
    assert "DRAF" not in full_text(folder / "CONTOH_Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx")
    assert "ditandai DRAF" not in result.output


def test_pk_lampiran_follows_the_cascade(make_workbook, tmp_path, mantup):
    folder, _ = build(make_workbook, tmp_path, mantup, targets=TYPED)
    lkjip = folder / "LKjIP_Kecamatan_Mantup_2025.docx"
    cascades = [t for t in tables(lkjip) if t[0] == ["No", "Indikator Kinerja", "Satuan", "Target 2025"]]
    assert len(cascades) == 2  # Bab II C and Lampiran 1 both show the agreement's own table
    for path, rows in ((pk_path(folder), next(t for t in tables(pk_path(folder)) if t[0][-1] == "Target 2025")),
                       (lkjip, cascades[0]), (lkjip, cascades[1])):
        firsts = [r[0] for r in rows[1:]]
        assert firsts == [
            "Tujuan: Meningkatkan Pelayanan Publik yang Inovatif", "1",
            "Tujuan: Meningkatkan Kemandirian Desa", "2",
            "Sasaran: Meningkatnya Manajemen Internal Perangkat Daerah", "3",
            "Sasaran: Meningkatnya Pemberdayaan Desa", "4",
            "Program penunjang Urusan Pemerintahan daerah Kabupaten/Kota", "5",
            "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "6",
            "Indikator Kinerja Lainnya", "7", "8", "9", "10"], path.name
        assert ["1", "Nilai IKM", "nilai", "85,00"] in rows
        assert ["8", "Persentase Konflik yang Tertangani", "persen", "100,00%"] in rows
        assert not any(cell == "\u2013" for row in rows for cell in row)  # no level shown as a dash


def test_lkjip_lampiran_1_is_the_agreement_with_both_signatures(make_workbook, tmp_path, mantup):
    folder, _ = build(make_workbook, tmp_path, mantup, targets=TYPED)
    doc = Document(folder / "LKjIP_Kecamatan_Mantup_2025.docx")
    texts = [p.text for p in doc.paragraphs]
    start = texts.index("LAMPIRAN 1. PERJANJIAN KINERJA TAHUN 2025")
    after = texts[start:texts.index("LAMPIRAN 2. INDIKATOR KINERJA UTAMA 2021-2026")]
    assert any(t.startswith("Dalam rangka mewujudkan manajemen pemerintahan") for t in after)
    assert any(t.startswith("PIHAK PERTAMA berjanji") for t in after)
    assert any(t.startswith("PIHAK KEDUA akan memberikan supervisi") for t in after)
    blocks = [t for t in tables(folder / "LKjIP_Kecamatan_Mantup_2025.docx") if "PIHAK KEDUA," in t[0][0]]
    assert len(blocks) == 2  # under the agreement and under its lampiran


def test_pk_signed_at_the_kabupatens_seat_and_the_place_is_editable(make_workbook, tmp_path, mantup):
    folder, _ = build(make_workbook, tmp_path, mantup, targets=TYPED)
    assert "Lamongan, " + "." * 25 + " 2025" in full_text(pk_path(folder))
    folder, _ = build(make_workbook, tmp_path / "b", mantup, targets=TYPED, name="b.xlsx",
                      identity={layout.ID_PK_PLACE: "Mantup", layout.ID_PK_DATE: dt.datetime(2025, 1, 6)})
    assert "Mantup, 6 Januari 2025" in full_text(pk_path(folder))


def test_no_staff_instruction_in_any_signable_document(make_workbook, tmp_path, mantup):
    folder, _ = build(make_workbook, tmp_path, mantup)  # targets missing, no budget: the worst case
    pk = full_text(pk_path(folder))
    iku = full_text(folder / "IKU_Kecamatan_Mantup_2021-2026.docx")
    doc = Document(folder / "LKjIP_Kecamatan_Mantup_2025.docx")
    texts = [p.text for p in doc.paragraphs]
    lampiran = "\n".join(texts[texts.index("LAMPIRAN 1. PERJANJIAN KINERJA TAHUN 2025"):])
    for name, text in (("PK", pk), ("IKU", iku), ("LKjIP Lampiran 1", lampiran)):
        for words in STAFF_WORDS:
            assert words.casefold() not in text.casefold(), (name, words)


def test_iku_document_prints_its_targets_as_written_and_no_build_date(make_workbook, tmp_path, mantup):
    folder, _ = build(make_workbook, tmp_path, mantup, targets=TYPED)
    path = folder / "IKU_Kecamatan_Mantup_2021-2026.docx"
    rows = {r[0]: r for t in tables(path) for r in t if len(r) == 9}
    assert rows["8"][2:] == ["0", "0", "0", "100%", "100%", "100%", "100%"]
    assert rows["7"][2:] == ["100%"] * 7
    assert rows["10"][2:4] == ["20,00%", "26,67%"]
    assert rows["1"][2:] == ["\u2013"] * 7  # typed on the workbook only: not the IKU document's own target
    text = full_text(path)
    assert "Mantup, " + "." * 30 in text
    assert "\u2013 = target tidak ditetapkan dalam dokumen ini." in text  # not "belum tercantum dalam dokumen IKU"
    assert "30 Januari 2026" not in text, text[text.find("30 Januari") - 300:]


def test_every_docx_is_indonesian_with_the_office_as_author_and_its_title(make_workbook, tmp_path, mantup):
    folder, _ = build(make_workbook, tmp_path, mantup, targets=TYPED, identity={})
    titles = {
        "Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx": "Perjanjian Kinerja Kecamatan Mantup Tahun 2025",
        "IKU_Kecamatan_Mantup_2021-2026.docx": "Indikator Kinerja Utama (IKU) Kecamatan Mantup Tahun 2021-2026",
        "LKjIP_Kecamatan_Mantup_2025.docx":
            "Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Mantup Tahun 2025",
    }
    documents = sorted(folder.glob("*.docx"))
    assert len(documents) >= 4
    for path in documents:
        doc = Document(path)
        assert doc.core_properties.author == "Kecamatan Mantup", path.name
        assert doc.core_properties.title and "python-docx" not in doc.core_properties.title, path.name
        if path.name in titles:
            assert doc.core_properties.title == titles[path.name]
        default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        assert default.find(qn("w:lang")).get(qn("w:val")) == "id-ID", path.name
        assert {lang.get(qn("w:val")) for lang in doc.styles.element.iter(qn("w:lang"))} == {"id-ID"}


_missing = pdf.find_soffice() is None or shutil.which("pdfinfo") is None
needs_libreoffice = pytest.mark.skipif(_missing and not os.environ.get("CI"),
                                       reason="LibreOffice atau poppler-utils tidak terpasang")


@needs_libreoffice
def test_pdf_is_pdf_a_with_title_and_author(make_workbook, tmp_path, mantup):
    folder, _ = build(make_workbook, tmp_path, mantup, targets=TYPED)
    written = pdf.convert([pk_path(folder)], tmp_path)
    meta = subprocess.run(["pdfinfo", "-meta", str(written[0])], capture_output=True, text=True, check=True).stdout
    assert "<pdfaid:part>2</pdfaid:part>" in meta
    info = subprocess.run(["pdfinfo", str(written[0])], capture_output=True, text=True, check=True).stdout
    assert "Perjanjian Kinerja Kecamatan Mantup Tahun 2025" in info and "Kecamatan Mantup" in info
