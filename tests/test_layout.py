"""Print layout of every generated .docx: table fonts, rows kept whole, header rows, page numbering, lambang."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import png, run_cli
from docx import Document
from docx.oxml.ns import qn

from iku.render import common, toc_pages

SAMPLE = Path(__file__).resolve().parent.parent / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
KOP = "PEMERINTAH KABUPATEN LAMONGAN"
DEFAULT_MARGIN = 108  # twips: Word's cell margin when a table names none


@pytest.fixture(scope="module")
def sample_docs(tmp_path_factory) -> dict[str, Path]:
    """Every .docx the sample workbook gives (evidence tables, charts, budget and quarterly reports included)."""
    out = tmp_path_factory.mktemp("layout")
    source = out / SAMPLE.name
    shutil.copy(SAMPLE, source)
    result = run_cli("build", source, "--output", out / "hasil")
    assert result.exit_code == 0, result.output
    docs = {p.name: p for p in (out / "hasil").glob("*/*.docx")}
    assert len(docs) == 8, sorted(docs)
    return docs


def _tables(path: Path):
    return list(Document(path).element.body.iter(qn("w:tbl")))


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def _is_data_table(tbl) -> bool:
    style = tbl.find(qn("w:tblPr") + "/" + qn("w:tblStyle"))
    return style is not None and style.get(qn("w:val")) == "TableGrid"


def test_every_table_is_10_pt_with_whole_rows_and_a_repeated_header(sample_docs):
    for name, path in sample_docs.items():
        found = _tables(path)
        assert found, name
        for tbl in found:
            where = f"{name}: table starting {_text(tbl)[:40]!r}"
            sizes = [int(sz.get(qn("w:val"))) for sz in tbl.iter(qn("w:sz")) if sz.getparent().tag == qn("w:rPr")]
            assert min(sizes, default=20) >= 20, where
            for row in tbl.findall(qn("w:tr")):
                assert row.find(qn("w:trPr") + "/" + qn("w:cantSplit")) is not None, where
            if _is_data_table(tbl):
                first = tbl.find(qn("w:tr"))
                assert first.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None, where


def test_short_table_moves_whole_and_keeps_its_caption(sample_docs):
    lkjip = sample_docs["CONTOH_LKjIP_Kecamatan_Mantup_2025.docx"]
    scale = next(t for t in _tables(lkjip) if _text(t).startswith("CapaianPredikat"))
    rows = scale.findall(qn("w:tr"))
    for row in rows[:-1]:
        for p in row.iter(qn("w:p")):
            assert p.find(qn("w:pPr") + "/" + qn("w:keepNext")) is not None
    lead = scale.getprevious()
    assert lead.find(qn("w:pPr") + "/" + qn("w:keepNext")) is not None, _text(lead)


def _estimated_mm(word: str, points: float, bold: bool) -> float:
    """Character count times an average Arial advance (0.55 em; bold 0.6 em)."""
    return len(word) * points * (0.6 if bold else 0.55) * 25.4 / 72


def test_bab2_words_fit_their_columns(sample_docs):
    lkjip = sample_docs["CONTOH_LKjIP_Kecamatan_Mantup_2025.docx"]
    tbl = next(t for t in _tables(lkjip) if "Kondisi Akhir" in _text(t.find(qn("w:tr"))))
    widths = [int(c.get(qn("w:w"))) / 1440 * 25.4 for c in tbl.iter(qn("w:gridCol"))]
    margins = tbl.find(qn("w:tblPr") + "/" + qn("w:tblCellMar"))
    sides = [margins.find(qn(s)) if margins is not None else None for s in ("w:left", "w:right")]
    pad = sum(int(s.get(qn("w:w"))) if s is not None else DEFAULT_MARGIN for s in sides) / 1440 * 25.4
    for index, row in enumerate(tbl.findall(qn("w:tr"))):
        for column, tc in enumerate(row.findall(qn("w:tc"))):
            for run in tc.iter(qn("w:r")):
                sz = run.find(qn("w:rPr") + "/" + qn("w:sz"))
                points = int(sz.get(qn("w:val"))) / 2 if sz is not None else 12
                bold = index == 0 or run.find(qn("w:rPr") + "/" + qn("w:b")) is not None
                for word in _text(run).split():
                    assert _estimated_mm(word, points, bold) + pad <= widths[column], (word, widths[column])
    figures = [_text(row.findall(qn("w:tc"))[-1]) for row in tbl.findall(qn("w:tr"))[1:]]
    assert "4\u00a0desa" in figures  # a figure and its unit never part


def _sections(path: Path):
    """(paragraph texts, sectPr) of each section of the document, in order."""
    body = Document(path).element.body
    texts: list[str] = []
    found = []
    for child in body:
        if child.tag == qn("w:p"):
            texts.append(_text(child))
            sect = child.find(qn("w:pPr") + "/" + qn("w:sectPr"))
            if sect is not None:
                found.append((texts, sect))
                texts = []
        elif child.tag == qn("w:sectPr"):
            found.append((texts, child))
    return found


def _footer_has_page_field(path: Path, sect) -> bool:
    doc = Document(path)
    for ref in sect.findall(qn("w:footerReference")):
        part = doc.part.related_parts[ref.get(qn("r:id"))]
        if "PAGE" in "".join(t.text or "" for t in part.element.iter(qn("w:instrText"))):
            return True
    return False


def test_lkjip_cover_unnumbered_front_matter_roman_bab1_from_one(sample_docs):
    path = sample_docs["CONTOH_LKjIP_Kecamatan_Mantup_2025.docx"]
    sections = _sections(path)
    assert len(sections) == 3
    (cover, cover_sect), (front, front_sect), (body, body_sect) = sections
    assert "LAPORAN KINERJA" in cover and "KATA PENGANTAR" not in cover
    assert not _footer_has_page_field(path, cover_sect)
    assert {"KATA PENGANTAR", "DAFTAR ISI", "IKHTISAR EKSEKUTIF"} <= set(front)
    numbering = front_sect.find(qn("w:pgNumType"))
    assert numbering.get(qn("w:fmt")) == "lowerRoman" and numbering.get(qn("w:start")) == "1"
    assert _footer_has_page_field(path, front_sect)
    assert next(t for t in body if t.strip()) == "BAB I PENDAHULUAN"
    numbering = body_sect.find(qn("w:pgNumType"))
    assert numbering.get(qn("w:fmt")) == "decimal" and numbering.get(qn("w:start")) == "1"


def test_table_of_contents_takes_the_printed_page_number():
    pages = ["LAPORAN KINERJA", "KATA PENGANTAR\nHalaman i", "DAFTAR ISI\nKATA PENGANTAR i\nHalaman ii",
             "IKHTISAR EKSEKUTIF\nHalaman iii", "BAB I PENDAHULUAN\nA. Latar Belakang\nHalaman 1",
             "lanjutan\nHalaman 2", "BAB II PERENCANAAN KINERJA\nHalaman 3"]
    found = toc_pages.locate(pages, ["KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN",
                                     "A. Latar Belakang", "BAB II PERENCANAAN KINERJA"])
    assert found == {"KATA PENGANTAR": "i", "IKHTISAR EKSEKUTIF": "iii", "BAB I PENDAHULUAN": "1",
                     "A. Latar Belakang": "1", "BAB II PERENCANAAN KINERJA": "3"}


def test_table_of_contents_passes_over_the_sistematika_line():
    """Bab I's Sistematika names every chapter ("Bab II Perencanaan Kinerja: ..."): not where Bab II starts."""
    pages = ["DAFTAR ISI\nHalaman ii", "BAB I PENDAHULUAN\nG. Sistematika\nBab II Perencanaan Kinerja: ringkasan\n"
             "Halaman 4", "BAB II PERENCANAAN KINERJA\nA. Rencana Strategis\nHalaman 5",
             "Sasaran Strategis 1: Meningkatnya Pelayanan\n  Publik yang Inovatif\nHalaman 9"]
    found = toc_pages.locate(pages, ["BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA",
                                     "Sasaran Strategis 1: Meningkatnya Pelayanan Publik yang Inovatif"])
    assert found == {"BAB I PENDAHULUAN": "4", "BAB II PERENCANAAN KINERJA": "5",
                     "Sasaran Strategis 1: Meningkatnya Pelayanan Publik yang Inovatif": "9"}


def _drawings_before_kop(path: Path) -> tuple[int, bool]:
    """Pictures placed before the kop's first line, and whether that line sits in a table beside them."""
    body = Document(path).element.body
    count = 0
    for child in body:
        count += len(list(child.iter(qn("w:drawing"))))
        if KOP in _text(child):
            return count, child.tag == qn("w:tbl")
    raise AssertionError(f"no kop in {path.name}")


def test_lambang_beside_the_kop_and_on_the_cover_when_supplied(tmp_path, monkeypatch):
    offices = tmp_path / "offices"
    offices.mkdir()
    (offices / "mantup_lambang.png").write_bytes(png(60, 72, (200, 30, 30)))
    monkeypatch.setattr(common, "OFFICES_DIR", offices)
    source = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, source)
    result = run_cli("build", source, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "hasil" / "mantup-2025-CONTOH"
    with_kop = [p for p in folder.glob("*.docx") if "LKjIP" not in p.name]
    assert len(with_kop) == 7  # IKU, PK, four quarterly reports, cover letter
    for path in with_kop:
        assert _drawings_before_kop(path) == (1, True), path.name
    assert _cover_pictures(folder / "CONTOH_LKjIP_Kecamatan_Mantup_2025.docx") == 1


def _cover_pictures(path: Path) -> int:
    count = 0
    for child in Document(path).element.body:
        count += len(list(child.iter(qn("w:drawing"))))
        if child.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None:
            return count
    raise AssertionError("the LKjIP has no cover section")


def test_without_lambang_the_kop_is_text_only(sample_docs):
    for name, path in sample_docs.items():
        if name.startswith("CONTOH_LKjIP"):
            assert _cover_pictures(path) == 0
            continue
        body = Document(path).element.body
        first = next(child for child in body if _text(child).strip())
        assert first.tag == qn("w:p") and _text(first) == KOP, name
        assert not list(first.iter(qn("w:drawing")))


def test_long_table_splits_but_never_leaves_its_last_row_alone():
    from docx.shared import Mm

    from iku.render import tables

    doc = Document()
    table = doc.add_table(rows=20, cols=2)
    table.style = doc.styles["Table Grid"]
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Mm(10), Mm(100)
        row.cells[0].text, row.cells[1].text = "1", "Persentase Penyelenggaraan Pelayanan Publik 3 desa"
    tables.finish(doc)
    rows = doc.tables[0].rows

    def kept(index: int) -> bool:
        return all(p.paragraph_format.keep_with_next for p in rows[index].cells[0].paragraphs)

    assert [kept(i) for i in range(20)] == [True, True] + [False] * 15 + [True, True, False]
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert rows[5].cells[1].text.endswith("3\u00a0desa")
