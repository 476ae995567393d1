"""An IKU document of an invented office in the seed's layout, built with python-docx for the importer's tests.

Every name and figure here is made up (FIKTIF): Kecamatan Contohjaya does not exist."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import parse_xml

MATH_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
FICTION = "DOKUMEN FIKTIF UNTUK PENGUJIAN: Kecamatan Contohjaya dan semua angkanya dikarang."
TASK = "Memimpin dan mengoordinasikan penyelenggaraan urusan pemerintahan umum di wilayah Kecamatan Contohjaya."
FUNCTIONS = [
    "1. Perumusan rencana kerja Kecamatan;",
    "2. Penyelenggaraan urusan pemerintahan yang dilimpahkan, antara lain:",
    "a. Pelayanan administrasi terpadu;",
    "b. Pembinaan ketenteraman dan ketertiban umum.",
    "3. Pelaksanaan fungsi lain yang diberikan oleh Bupati.",
]
DEFINITION_WITH_QUOTES = 'Hasil survei "kepuasan" masyarakat; berkas di \\\\arsip\\skm (contoh: ½ tahun)'
# (level header, objective, indicator, definition, formula or None for the stacked fraction)
LEVELS = [
    (["No", "Tujuan", "INDIKATOR  KINERJA", "Definisi Operasional", "Formulasi Perhitungan"],
     "Meningkatkan Mutu Pelayanan", "Indeks Kepuasan Masyarakat Kecamatan", DEFINITION_WITH_QUOTES,
     "Nilai Interval SKM"),
    (["No", "Sasaran", "Indikator", "definisi operasional", "Formula"],
     "Meningkatnya Kemandirian Desa", "Persentase Desa Berstatus Mandiri",
     "Desa berstatus mandiri dibanding seluruh desa.", None),
    (["No.", "PROGRAM", "Indikator", "Definisi  Operasional", "Formulasi Perhitungan"],
     "Program Pemberdayaan Masyarakat Desa", "Jumlah Desa Maju", "Jumlah desa berstatus maju.", "Jumlah Desa Maju"),
]
TARGETS = [
    ("1", "Indeks Kepuasan Masyarakat Kecamatan", ["80,50", "81", "82,25", "83", "84", "85", "85"]),
    ("2", "Persentase Desa Berstatus Mandiri", ["10%", "12,5%", "15%", "17,50%", "20%", "25%", "25%"]),
    ("3", "Jumlah Desa Maju", ["2", "3", "\u2013", "4", "5", "6", "6"]),
    ("4", "Persentase Konflik Sosial yang Tertangani", ["0", "0", "100%", "100%", "100%", "100%", "100%"]),
]
SIGNER = ["CAMAT CONTOHJAYA", "", "BUDI CONTOH, S.Sos. (FIKTIF)", "Pembina Tk. I", "NIP. 19700101 199001 1 001"]


def _fraction(paragraph, numerator: str, denominator: str, multiplier: str) -> None:
    paragraph._p.append(parse_xml(
        f'<m:oMath xmlns:m="{MATH_NS}"><m:f><m:num><m:r><m:t>{numerator}</m:t></m:r></m:num>'
        f"<m:den><m:r><m:t>{denominator}</m:t></m:r></m:den></m:f><m:r><m:t>{multiplier}</m:t></m:r></m:oMath>"))


def _column_numbers(table, style: str) -> None:
    for n, cell in enumerate(table.add_row().cells, start=1):
        cell.text = style.replace("1", str(n))


def build(path: Path, *, target_header: bool = False, without: str = "", place: bool = True,
          targets: list | None = None, inline_functions: bool = False, column_numbers: str = "",
          word_numbered: bool = False, instansi: str = "KECAMATAN CONTOHJAYA KABUPATEN LAMONGAN",
          period: tuple[int, int] = (2021, 2026)) -> Path:
    """`without`: "fungsi" or "target" leaves that table out; `targets` replaces the target rows;
    `inline_functions` types the whole list of functions in one paragraph; `column_numbers` ("1" or "(1)") puts
    a row of column numbers in that style under the first header of the indicator table and of the target table;
    `word_numbered` leaves the target table's No cells empty, numbered by Word's list style; a "\n" in `instansi`
    is a manual line break; `period` the Renstra period (with `targets` of that many years)."""
    doc = Document()
    doc.core_properties.comments = FICTION
    doc.add_paragraph(FICTION)
    title = doc.add_paragraph()
    title.add_run("INDIKATOR KINERJA UTAMA (IKU)").bold = True
    title.add_run().add_break()
    title.add_run(instansi.replace("\n", " ")).bold = True
    title.add_run().add_break()
    title.add_run(f"TAHUN {period[0]}-{period[1]}").bold = True
    if without != "fungsi":
        office = doc.add_table(rows=3, cols=2)
        office.cell(0, 0).text, office.cell(0, 1).text = "INSTANSI", instansi
        office.cell(1, 0).text, office.cell(1, 1).text = "TUGAS", TASK
        office.cell(2, 0).text = "FUNGSI"
        cell = office.cell(2, 1)
        cell.text = " ".join(FUNCTIONS) if inline_functions else FUNCTIONS[0]
        for line in [] if inline_functions else FUNCTIONS[1:]:
            cell.add_paragraph(line)
    doc.add_paragraph("INDIKATOR KINERJA UTAMA (IKU)")
    table = doc.add_table(rows=0, cols=5)  # one table, a header row before each level, as in the seed
    for level, (header, objective, name, definition, formula) in enumerate(LEVELS):
        cells = table.add_row().cells
        for cell, text in zip(cells, header, strict=True):
            cell.text = text
        if column_numbers and level == 0:
            _column_numbers(table, column_numbers)
        cells = table.add_row().cells
        for cell, text in zip(cells, ["1.", objective, name, definition, formula or ""], strict=True):
            cell.text = text
        if formula is None:
            _fraction(cells[4].paragraphs[0], "Jumlah Desa Mandiri", "Jumlah Desa", "\u00d7100%")
    if without != "target":
        rows = targets if targets is not None else TARGETS
        target = doc.add_table(rows=0, cols=3 + period[1] - period[0] + 1)
        if target_header:
            head = ["No", "Indikator Kinerja", *[str(y) for y in range(period[0], period[1] + 1)], "Kondisi Akhir"]
            for cell, text in zip(target.add_row().cells, head, strict=True):
                cell.text = text
        if column_numbers:
            _column_numbers(target, column_numbers)
        for number, name, values in rows:
            cells = target.add_row().cells
            for cell, text in zip(cells, ["" if word_numbered else number, name, *values], strict=True):
                cell.text = text
            if word_numbered:
                cells[0].paragraphs[0].style = doc.styles["List Number"]
    if place:
        doc.add_paragraph("Contohjaya, 3 Januari 2022")
    for line in SIGNER:
        doc.add_paragraph(line)
    doc.save(path)
    return path
