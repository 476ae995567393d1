"""Page flow outside tables (iku/render/page_flow.py): what must not stand alone at the foot of a page."""

from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn

from iku.render import page_flow


def _flags(paragraph) -> set[str]:
    ppr = paragraph._p.find(qn("w:pPr"))
    return {child.tag.split("}")[1] for child in ppr} if ppr is not None else set()


def test_lead_in_heading_and_table_note_are_kept_with_what_follows():
    doc = Document()
    heading = doc.add_heading("G. Sistematika Penulisan", 2)
    lead = doc.add_paragraph("Laporan ini disusun dengan sistematika sebagai berikut.")
    plain = doc.add_paragraph("Kalimat biasa yang tidak mengantar apa pun.")
    table = doc.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    spacer = doc.add_paragraph("")
    note = doc.add_paragraph("Sumber data: Hasil Survei Kepuasan Masyarakat 2025.")
    note.paragraph_format.keep_with_next = True
    long = doc.add_paragraph("kata " * 400)
    page_flow.finish(doc)
    assert "keepNext" in _flags(heading) and "keepNext" in _flags(lead)
    assert "keepNext" not in _flags(plain) and "keepLines" in _flags(plain)
    assert "keepNext" in _flags(spacer)  # the table's spacer line holds the table to its note
    last_row = table.rows[-1].cells[0].paragraphs[0]
    assert "keepNext" in _flags(last_row)
    assert "keepLines" not in _flags(long)  # longer than a page could hold whole: it may split
    order = [child.tag.split("}")[1] for child in lead._p.find(qn("w:pPr"))]
    assert order.index("keepNext") < order.index("keepLines")  # the schema's order


def test_a_source_note_stays_with_its_table():
    doc = Document()
    table = doc.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    doc.add_paragraph("Sumber data: Register Pelayanan Kecamatan Mantup 2025.")
    page_flow.finish(doc)
    assert "keepNext" in _flags(table.rows[-1].cells[0].paragraphs[0])


def test_a_table_without_a_kept_note_is_left_alone():
    doc = Document()
    table = doc.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    doc.add_paragraph("")
    doc.add_paragraph("Paragraf berikutnya, bukan catatan tabel.")
    page_flow.finish(doc)
    assert "keepNext" not in _flags(table.rows[-1].cells[0].paragraphs[0])


def test_a_signature_block_takes_the_paragraph_before_it():
    doc = Document()
    closing = doc.add_paragraph("Demikian laporan ini disusun.")
    spacer = doc.add_paragraph("")
    block = doc.add_table(rows=2, cols=1)
    block.rows[0].cells[0].text = "CAMAT MANTUP"
    block.rows[1].cells[0].text = "NIP. 19851010 200602 1 001"
    page_flow.finish(doc)
    assert "keepNext" in _flags(closing) and "keepNext" in _flags(spacer)
    assert "keepNext" in _flags(block.rows[0].cells[0].paragraphs[0])
