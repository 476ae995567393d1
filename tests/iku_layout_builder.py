"""IKU documents in the layouts real offices use, built with python-docx for the importer's tests: a document is a
list of parts, each a paragraph (a string) or a table (rows of cell texts). In a table, "<" merges a cell with the
one on its left and "^" with the one above, as Word's merged cells (a Sasaran over its indicators, "Target" over
the years).

Every name and figure here is made up (FIKTIF): Kecamatan Wanasari of Kabupaten Contoh does not exist."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Mm

FICTION = "DOKUMEN FIKTIF UNTUK PENGUJIAN: semua nama dan angkanya dikarang."
TASK = "Membantu Bupati dalam penyelenggaraan urusan pemerintahan umum di wilayah kecamatan."
FUNCTIONS = ["1. Perumusan kebijakan teknis kecamatan;", "2. Pelaksanaan pelayanan administrasi terpadu;",
             "3. Pelaksanaan fungsi lain yang diberikan oleh Bupati."]
NIP = "NIP. 19700101 199001 1 001"
NAME = "Drs. SLAMET RIYADI, M.Si"


def table(*rows: list[str]) -> list[list[str]]:
    return [list(row) for row in rows]


def office_table(instansi: str = "KECAMATAN WANASARI KABUPATEN CONTOH", colon: bool = False) -> list[list[str]]:
    """INSTANSI / TUGAS / FUNGSI; `colon`: a ':' column between label and value, as PDF conversions write it."""
    rows = [["INSTANSI", instansi], ["TUGAS", TASK], ["FUNGSI", "\n".join(FUNCTIONS)]]
    return [[label, ":", value] for label, value in rows] if colon else rows


def title(period: str = "TAHUN 2025-2029", office: str = "KECAMATAN WANASARI KABUPATEN CONTOH") -> list[str]:
    return ["INDIKATOR KINERJA UTAMA (IKU)", office, period]


def signer(*lines: str) -> list[str]:
    """The seed's block unless lines are given."""
    return list(lines) or ["Wanasari, 6 Januari 2025", "CAMAT WANASARI,", "", "", NAME, "Pembina Tk. I (IV/b)", NIP]


def build(path: Path, parts: list, paper_mm: tuple[int, int] = (330, 215)) -> Path:
    """`parts`: strings (paragraphs; a "\n" inside is a line break of the same paragraph) and tables. The page is
    landscape F4 unless `paper_mm` (height, width) says otherwise."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(paper_mm[0]), Mm(paper_mm[1])
    doc.add_paragraph(FICTION)
    for part in parts:
        if isinstance(part, str):
            lines = part.split("\n")
            paragraph = doc.add_paragraph(lines[0])
            for line in lines[1:]:
                paragraph.add_run().add_break()
                paragraph.add_run(line)
        else:
            _table(doc, part)
    doc.save(path)
    return path


def _table(doc, rows: list[list[str]]) -> None:
    width = max(len(row) for row in rows)
    grid = doc.add_table(rows=len(rows), cols=width)
    grid.style = doc.styles["Table Grid"]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text in ("<", "^"):
                continue
            cell = grid.cell(r, c)
            lines = text.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    for r, row in enumerate(rows):  # merges after the texts: a merged cell keeps the text of its first cell
        for c, text in enumerate(row):
            if text == "<":
                start = c
                while rows[r][start] == "<":
                    start -= 1
                grid.cell(r, start).merge(grid.cell(r, c))
            elif text == "^":
                start = r
                while rows[start][c] == "^":
                    start -= 1
                grid.cell(start, c).merge(grid.cell(r, c))


YEARS = [str(y) for y in range(2025, 2030)]
IKM = "Indeks Kepuasan Masyarakat"
ADUAN = "Persentase Aduan Masyarakat yang Tidak Tertangani"
DESA = "Jumlah Desa Mandiri"
SASARAN_1 = "Meningkatnya Kualitas Pelayanan Publik"
SASARAN_2 = "Meningkatnya Ketenteraman dan Ketertiban Umum"
TUJUAN = "Terwujudnya Tata Kelola Pemerintahan yang Baik"
# indicator -> kondisi awal, targets 2025-2029, kondisi akhir, as the document writes them
FIGURES = {
    IKM: ("80,50", ["82", "83", "84", "85", "86"], "86"),
    ADUAN: ("12%", ["10%", "9%", "8%", "7%", "6%"], "6%"),
    DESA: ("1", ["2", "3", "4", "5", "6"], "6"),
}
DEFINITIONS = {IKM: "Hasil survei kepuasan masyarakat atas pelayanan kecamatan.",
               ADUAN: "Aduan masyarakat yang tidak ditindaklanjuti dibanding seluruh aduan.",
               DESA: "Desa berstatus mandiri menurut Indeks Desa."}
FORMULAS = {IKM: "Nilai interval SKM x 25", ADUAN: "Aduan tidak tertangani / seluruh aduan x 100%",
            DESA: "Jumlah desa berstatus mandiri"}


def level_table(rows: list[tuple[str, str]] | None = None) -> list[list[str]]:
    """No | Sasaran | Indikator Kinerja | Definisi Operasional | Formulasi Perhitungan."""
    rows = rows or [(SASARAN_1, IKM), (SASARAN_2, ADUAN), (SASARAN_2, DESA)]
    return [["No", "Sasaran", "Indikator Kinerja", "Definisi Operasional", "Formulasi Perhitungan"],
            *[[str(n), objective, name, DEFINITIONS[name], FORMULAS[name]]
              for n, (objective, name) in enumerate(rows, start=1)]]


def target_table(years: list[str] | None = None, baseline: str | None = "Kondisi Awal (2024)",
                 end: str | None = "Kondisi Akhir", names: list[str] | None = None) -> list[list[str]]:
    """No | Indikator Kinerja | [baseline] | a column per year header | [end], one header row."""
    years = years if years is not None else YEARS
    head = ["No", "Indikator Kinerja", *([baseline] if baseline else []), *years, *([end] if end else [])]
    rows = [head]
    for n, name in enumerate(names or list(FIGURES), start=1):
        start, targets, last = FIGURES[name]
        rows.append([str(n), name, *([start] if baseline else []), *targets, *([last] if end else [])])
    return rows


def document(path: Path, *tables: list[list[str]], heading: list[str] | None = None,
             office: list[list[str]] | None = None, signature: list[str] | None = None) -> Path:
    """Title, INSTANSI / TUGAS / FUNGSI, the given tables under an IKU heading, the signature block."""
    parts: list = [*(heading if heading is not None else title()), office or office_table(),
                   "INDIKATOR KINERJA UTAMA (IKU)"]
    for grid in tables:
        parts += [grid, ""]
    return build(path, [*parts, *(signature if signature is not None else signer())])
