"""The cover letter to the Bupati (surat pengantar, Tata Naskah Dinas). Built by make_templates.py."""

from __future__ import annotations

import docx_build as B
from template_parts import letterhead, marker_header, signer

WIDTH = 215 - 25 - 20  # usable width in mm (portrait F4)
BODY_INDENT = 25  # mm: the body starts under the value column of Nomor/Sifat/Lampiran/Hal


def letter_template(path) -> None:
    doc, section = B.new_document(12, False, (25, 20, 20, 20))
    marker_header(section, page_numbers=False)  # a one-page letter carries no page number
    letterhead(doc)
    B.para(doc, "{{ ttd.tempat_tanggal }}", align="right", space_before=12, space_after=12)

    head = B.table(doc, 4, [22, 4, WIDTH - 26], grid=False, align_center=False)
    rows = [("Nomor", "{{ surat.nomor }}"), ("Sifat", "{{ surat.sifat }}"), ("Lampiran", "{{ surat.lampiran }}"),
            ("Hal", "{{ surat.hal }}")]
    for row, (label, value) in zip(head.rows, rows, strict=True):
        B.cell_text(row.cells[0], label)
        B.cell_text(row.cells[1], ":")
        B.cell_text(row.cells[2], value, bold=label == "Hal")
        B.no_split(row)

    B.para(doc, "Yth. {{ surat.kepada }}", space_before=18)
    B.para(doc, "di")
    B.indent(B.para(doc, "{{ surat.tempat_tujuan }}", space_after=18), 8)

    B.indent(B.para(doc, "{{ surat.pembuka }}", align="justify", space_after=6), BODY_INDENT)
    B.para(doc, "{%p for d in surat.lampiran_daftar %}")
    B.indent(B.para(doc, "{{ d.nomor }}.\t{{ d.judul }}"), BODY_INDENT + 7, 7)
    B.para(doc, "{%p endfor %}")
    B.indent(B.para(doc, "{{ surat.penutup }}", align="justify", space_before=6, space_after=18), BODY_INDENT)

    block = B.table(doc, 1, [WIDTH - 90, 90], grid=False)
    B.no_split(block.rows[0])
    signer(block.rows[0].cells[1], with_place=False)

    B.para(doc, "{%p if surat.tembusan %}")
    B.para(doc, "Tembusan:", space_before=24, keep_next=True)
    B.para(doc, "{%p for t in surat.tembusan %}")
    B.indent(B.para(doc, "{{ t.nomor }}.\tYth. {{ t.kepada }}", keep_next=True), 6, 6)
    B.para(doc, "{%p endfor %}")
    B.para(doc, "{%p endif %}")
    doc.save(path)
