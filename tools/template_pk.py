"""The Perjanjian Kinerja template. Built by make_templates.py."""

from __future__ import annotations

import docx_build as B
from template_lkjip import loop_table, page_break
from template_parts import letterhead, marker_header, signature, two_signatures  # noqa: F401

WIDTH = 215 - 25 - 20


def pk_template(path) -> None:
    doc, section = B.new_document(12, False, (25, 20, 20, 20))
    marker_header(section)
    letterhead(doc)
    B.para(doc, "PERJANJIAN KINERJA TAHUN {{ tahun }}", bold=True, size=13, align="center", space_before=12)
    B.para(doc, "{{ instansi_judul }}", bold=True, size=13, align="center", space_after=12)
    B.para(doc, "{{ pembuka }}", align="justify", space_after=8)
    table = B.table(doc, 4, [10, 35, 5, WIDTH - 50], grid=False)
    rows = [("", "Nama", ":", "{{ ttd.nama }}"), ("", "Jabatan", ":", "{{ ttd.jabatan_biasa }}"),
            ("", "", "", "selanjutnya disebut PIHAK PERTAMA."), ("", "", "", "")]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            B.cell_text(cell, text)
    table2 = B.table(doc, 3, [10, 35, 5, WIDTH - 50], grid=False)
    rows = [("", "Nama", ":", "{{ atasan.nama_isian }}"), ("", "Jabatan", ":", "{{ atasan.jabatan_biasa }}"),
            ("", "", "", "selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA.")]
    for row, values in zip(table2.rows, rows, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            B.cell_text(cell, text)
    B.para(doc, "", space_after=6)
    B.para(doc, "{%p for t in isi %}")
    B.para(doc, "{{ t }}", align="justify", space_after=6)
    B.para(doc, "{%p endfor %}")
    B.para(doc, "", space_after=6)
    two_signatures(doc, WIDTH)
    page_break(doc)

    B.para(doc, "LAMPIRAN PERJANJIAN KINERJA TAHUN {{ tahun }}", bold=True, size=12, align="center")
    B.para(doc, "{{ instansi_judul }}", bold=True, size=12, align="center", space_after=12)
    loop_table(doc, [10, 55, 70, WIDTH - 135], ["No", "Sasaran / Program", "Indikator Kinerja", "Target"],
               ["{{ r.no }}", "{{ r.sasaran }}", "{{ r.indikator }}", "{{ r.target }}"], "pk",
               ["center", "left", "left", "center"])
    B.para(doc, "{{ catatan_target }}", italic=True, size=9, space_after=8)
    loop_table(doc, [10, WIDTH - 55, 45], ["No", "Program", "Anggaran (Rp)"],
               ["{{r r.no }}", "{{r r.program }}", "{{r r.pagu }}"], "pk_program", ["center", "left", "right"])
    B.para(doc, "{{ catatan_anggaran }}", italic=True, size=9, space_after=8)
    two_signatures(doc, WIDTH)
    doc.save(path)
