"""The quarterly measurement template (templates/triwulan.docx). Built by make_templates.py."""

from __future__ import annotations

import docx_build as B
from template_lkjip import loop_table
from template_parts import letterhead, marker_header, signature

WIDTH = 330 - 25 - 20  # landscape F4: the table needs the width
SIZE = 10  # points, tables
TW = "TW\u00a0{{ triwulan }}"  # never "TW" at a line's end and the numeral on the next
# No, Indikator, Target tahun, Target s.d. TW, [Realisasi TW,] Realisasi s.d. TW, Capaian, Keterangan
HEADS = ["No", "Indikator Kinerja", "Target Tahun {{ tahun }}", f"Target s.d. {TW}", f"Realisasi {TW}",
         f"Realisasi s.d. {TW}", f"Capaian s.d. {TW}", "Predikat / Keterangan"]
VALUES = ["{{ r.no }}", "{{ r.nama }}", "{{ r.target }}", "{{ r.target_tw }}", "{{ r.realisasi }}",
          "{{ r.kumulatif }}", "{{ r.capaian }}", "{{ r.predikat }}"]
ALIGNS = ["center", "left", "center", "center", "center", "center", "center", "left"]
QUARTER_ALONE = 4  # the column "Realisasi TW", left out where it is the realisation s.d. TW on every row


def _columns(one_column: bool) -> list[int]:
    figures = 3 if one_column else 4
    return [10, WIDTH - 10 - figures * 25 - 27 - 56] + [25] * figures + [27, 56]


def _tag_row(table, index: int, tag: str) -> None:
    B.cell_text(table.rows[index].cells[0], tag)


def _indicator_row(table, index: int, one_figure: bool, one_column: bool) -> None:
    """One indicator; with one_figure the two realisation cells are one (realisasi TW = s.d. TW)."""
    row = table.rows[index]
    cells = row.cells
    keep = [c for c in range(len(VALUES)) if not (one_column and c == QUARTER_ALONE)]
    for cell, col in zip(cells, keep, strict=True):
        if one_figure and col == QUARTER_ALONE + 1:
            continue
        B.cell_text(cell, VALUES[col], align=ALIGNS[col], size=SIZE)
    B.cell_text(cells[-1], "{{ r.dasar }}", align="left", size=SIZE, first=False)
    if one_figure:
        cells[QUARTER_ALONE].merge(cells[QUARTER_ALONE + 1])
    B.no_split(row)


def measurement_table(doc, one_column: bool) -> None:
    """Header repeated on every page; a heading row per tujuan / sasaran / program; a row per indicator.
    one_column: the quarter's realisation is the realisation s.d. the quarter on every row, shown once."""
    rows = 7 if one_column else 11
    t = B.table(doc, rows, _columns(one_column))
    heads = [h for c, h in enumerate(HEADS) if not (one_column and c == QUARTER_ALONE)]
    for cell, text in zip(t.rows[0].cells, heads, strict=True):
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
    if one_column:
        _indicator_row(t, 4, one_figure=False, one_column=True)
    else:
        _tag_row(t, 4, "{%tr if r.satu %}")
        _indicator_row(t, 5, one_figure=True, one_column=False)
        _tag_row(t, 6, "{%tr else %}")
        _indicator_row(t, 7, one_figure=False, one_column=False)
        _tag_row(t, 8, "{%tr endif %}")
    _tag_row(t, rows - 2, "{%tr endfor %}")
    _tag_row(t, rows - 1, "{%tr endfor %}")


def problems_table(doc) -> None:
    """The quarter's indicators under target, and those staff wrote about, with figures and staff's text."""
    text = (WIDTH - 10 - 60 - 25 - 28 - 25) / 2
    heads = ["No", "Indikator Kinerja", f"Realisasi s.d. {TW}", "Target", f"Capaian s.d. {TW}",
             "Faktor Penghambat", "Upaya / Rencana Tindak Lanjut"]
    values = ["{{ r.no }}", "{{ r.nama }}", "{{ r.realisasi }}", "{{ r.target }}", "{{ r.capaian }}",
              "{{ r.penghambat }}", "{{ r.tindak_lanjut }}"]
    aligns = ["center", "left", "center", "center", "center", "left", "left"]
    t = B.table(doc, 4, [10, 60, 25, 28, 25, text, text])
    for cell, head in zip(t.rows[0].cells, heads, strict=True):
        B.cell_text(cell, head, bold=True, align="center", size=SIZE)
        B.shade(cell)
    B.repeat_header(t.rows[0])
    _tag_row(t, 1, "{%tr for r in masalah %}")
    cells = t.rows[2].cells
    for cell, value, align in zip(cells, values, aligns, strict=True):
        B.cell_text(cell, value, align=align, size=SIZE)
    B.cell_text(cells[3], "{{ r.dasar }}", align="center", size=SIZE, first=False)
    B.no_split(t.rows[2])
    _tag_row(t, 3, "{%tr endfor %}")


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
    B.para(doc, "{%p if satu_kolom %}")
    measurement_table(doc, one_column=True)
    B.para(doc, "{%p else %}")
    measurement_table(doc, one_column=False)
    B.para(doc, "{%p endif %}")
    B.para(doc, "{{ sumber }}", italic=True, size=10, align="justify", space_before=4, space_after=2)

    heading(doc, "B. Realisasi Anggaran s.d. Triwulan {{ triwulan }}")
    B.para(doc, "{%p if anggaran %}")
    loop_table(doc, [10, WIDTH - 10 - 3 * 50, 50, 50, 50],
               ["No", "Program", "Pagu (Rp)", f"Realisasi s.d. {TW} (Rp)", "Serapan"],
               ["{{r r.no }}", "{{r r.program }}", "{{r r.pagu }}", "{{r r.realisasi }}", "{{r r.serapan }}"],
               "anggaran", ["center", "left", "right", "right", "center"])
    B.para(doc, "{%p endif %}")
    B.para(doc, "{{ catatan_anggaran }}", size=10, align="justify", space_after=2)

    heading(doc, "C. Permasalahan dan Tindak Lanjut Triwulan {{ triwulan }}")
    B.para(doc, "{{ masalah_pengantar }}", size=10, align="justify", space_after=4, keep_next=True)
    B.para(doc, "{%p if masalah %}")
    problems_table(doc)
    B.para(doc, "{%p endif %}")
    B.para(doc, "{%p if masalah_belum %}")
    B.para(doc, "{{ masalah_belum }}", size=10, align="justify", space_before=4)
    B.para(doc, "{%p endif %}")
    B.para(doc, "", space_after=12)
    signature(doc, WIDTH - 110, 110)
    doc.save(path)
