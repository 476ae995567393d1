"""The quarterly measurement template. Built by make_templates.py."""

from __future__ import annotations

import docx_build as B
from template_lkjip import loop_table
from template_parts import marker_header, signature


def quarter_template(path) -> None:
    doc, section = B.new_document(11, True, (25, 20, 20, 20))
    marker_header(section)
    width = 330 - 45
    B.para(doc, "PENGUKURAN KINERJA TRIWULAN {{ triwulan }} TAHUN {{ tahun }}", bold=True, size=12,
           align="center", space_before=12)
    B.para(doc, "{{ instansi_judul }}", bold=True, size=12, align="center", space_after=12)
    loop_table(doc, [10, width - 198, 34, 34, 40, 30, 50],
               ["No", "Indikator Kinerja", "Target {{ tahun }}", "Realisasi TW {{ triwulan }}",
                "Realisasi s.d. TW {{ triwulan }}", "Capaian s.d. TW {{ triwulan }}", "Predikat / Keterangan"],
               ["{{ r.no }}", "{{ r.nama }}", "{{ r.target }}", "{{ r.realisasi }}", "{{ r.kumulatif }}",
                "{{ r.capaian }}", "{{ r.predikat }}"], "baris",
               ["center", "left", "center", "center", "center", "center", "left"])
    B.para(doc, "{{ catatan }}", italic=True, size=9, space_after=12)
    signature(doc, width - 100, 100)
    doc.save(path)
