"""The quarterly measurement template (templates/triwulan.docx). Built by make_templates.py."""

from __future__ import annotations

import docx_build as B
from template_lkjip import loop_table
from template_parts import letterhead, marker_header, signature

WIDTH = 330 - 25 - 20  # landscape F4: the table needs the width
SIZE = 10  # points, tables
# No, Indikator, Target tahun, Target s.d. TW, Realisasi TW, Realisasi s.d. TW, Capaian, Keterangan
COLUMNS = [10, WIDTH - 10 - 4 * 25 - 27 - 56, 25, 25, 25, 25, 27, 56]
TW = "TW\u00a0{{ triwulan }}"  # never "TW" at a line's end and the numeral on the next
HEADS = ["No", "Indikator Kinerja", "Target Tahun {{ tahun }}", f"Target s.d. {TW}", f"Realisasi {TW}",
         f"Realisasi s.d. {TW}", f"Capaian s.d. {TW}", "Predikat / Keterangan"]


def _tag_row(table, index: int, tag: str) -> None:
    B.cell_text(table.rows[index].cells[0], tag)


def _indicator_row(table, index: int, one_figure: bool) -> None:
    """One indicator; with one_figure the two realisation cells are one (realisasi TW = s.d. TW)."""
    row = table.rows[index]
    cells = row.cells
    values = ["{{ r.no }}", "{{ r.nama }}", "{{ r.target }}", "{{ r.target_tw }}", "{{ r.realisasi }}",
              "{{ r.kumulatif }}", "{{ r.capaian }}", "{{ r.predikat }}"]
    aligns = ["center", "left", "center", "center", "center", "center", "center", "left"]
    for col, (text, align) in enumerate(zip(values, aligns, strict=True)):
        if one_figure and col == 5:
            continue
        B.cell_text(cells[col], text, align=align, size=SIZE)
    B.cell_text(cells[7], "{{ r.dasar }}", align="left", size=SIZE, first=False)
    if one_figure:
        cells[4].merge(cells[5])
    B.no_split(row)


def measurement_table(doc) -> None:
    """Header repeated on every page; a heading row per tujuan / sasaran / program; a row per indicator."""
    t = B.table(doc, 11, COLUMNS)
    for cell, text in zip(t.rows[0].cells, HEADS, strict=True):
        B.cell_text(cell, text, bold=True, align="center", size=SIZE)
        B.shade(cell)
    B.repeat_header(t.rows[0])
    _tag_row(t, 1, "{%tr for g in kelompok %}")
    heading = t.rows[2].cells
    merged = heading[0].merge(heading[-1])
    B.cell_text(merged, "{{ g.judul }}", bold=True, size=SIZE).paragraph_format.keep_with_next = True
    B.shade(merged, "F2F2F2")
    B.no_split(t.rows[2])
    _tag_row(t, 3, "{%tr for r in g.baris %}")
    _tag_row(t, 4, "{%tr if r.satu %}")
    _indicator_row(t, 5, one_figure=True)
    _tag_row(t, 6, "{%tr else %}")
    _indicator_row(t, 7, one_figure=False)
    _tag_row(t, 8, "{%tr endif %}")
    _tag_row(t, 9, "{%tr endfor %}")
    _tag_row(t, 10, "{%tr endfor %}")
    B.para(doc, "", space_after=4)


def heading(doc, text: str) -> None:
    B.para(doc, text, bold=True, size=11, space_before=10, space_after=6, keep_next=True)


def quarter_template(path) -> None:
    doc, section = B.new_document(11, True, (25, 20, 20, 20))
    marker_header(section)
    letterhead(doc)
    B.para(doc, "LAPORAN PENGUKURAN KINERJA TRIWULAN {{ triwulan }} TAHUN {{ tahun }}", bold=True, size=12,
           align="center", space_before=12)
    B.para(doc, "{{ instansi_judul }}", bold=True, size=12, align="center", space_after=8)

    heading(doc, "A. Capaian Kinerja s.d. Triwulan {{ triwulan }}")
    measurement_table(doc)
    B.para(doc, "{%p for c in catatan %}")
    B.para(doc, "{{ c }}", italic=True, size=10, align="justify", space_after=2)
    B.para(doc, "{%p endfor %}")

    heading(doc, "B. Realisasi Anggaran s.d. Triwulan {{ triwulan }}")
    B.para(doc, "{%p if anggaran %}")
    loop_table(doc, [10, WIDTH - 10 - 3 * 50, 50, 50, 50],
               ["No", "Program", "Pagu (Rp)", f"Realisasi s.d. {TW} (Rp)", "Serapan"],
               ["{{r r.no }}", "{{r r.program }}", "{{r r.pagu }}", "{{r r.realisasi }}", "{{r r.serapan }}"],
               "anggaran", ["center", "left", "right", "right", "center"])
    B.para(doc, "{%p endif %}")
    B.para(doc, "{{ catatan_anggaran }}", size=10, align="justify", space_after=2)

    heading(doc, "C. Permasalahan dan Tindak Lanjut")
    B.para(doc, "{%p if masalah %}")
    loop_table(doc, [10, 75, (WIDTH - 85) / 2, (WIDTH - 85) / 2],
               ["No", "Indikator Kinerja", "Faktor Penghambat", "Upaya / Rencana Tindak Lanjut"],
               ["{{ r.no }}", "{{ r.nama }}", "{{ r.penghambat }}", "{{ r.tindak_lanjut }}"], "masalah",
               ["center", "left", "left", "left"])
    B.para(doc, "{%p endif %}")
    B.para(doc, "{{ catatan_masalah }}", size=10, align="justify", space_after=12)
    signature(doc, WIDTH - 110, 110)
    doc.save(path)
