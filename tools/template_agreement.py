"""The Perjanjian Kinerja text, its lampiran and both signature blocks: one builder for templates/pk.docx and
Lampiran 1 of templates/lkjip.docx, which must be the same agreement. Built by make_templates.py.

Context (under `perjanjian`): draf, pembuka, isi, ttd, lampiran (rows with judul, or no/indikator/satuan/target),
program (rows no/program/pagu), catatan_anggaran; `atasan`, `tahun` and `instansi_judul` from the common context.
"""

from __future__ import annotations

import docx_build as B
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from template_parts import two_signatures

from iku.render.docx_package import SEPARATOR

KEY = "perjanjian"
SIZE = 10  # points, lampiran tables


def agreement(doc, width: float, title: bool = True) -> None:
    """The agreement page, a page break, then the lampiran page; `title` False where a heading already names it."""
    draft_line(doc)
    if title:
        B.para(doc, "PERJANJIAN KINERJA TAHUN {{ tahun }}", bold=True, size=13, align="center", space_before=12)
        B.para(doc, "{{ instansi_judul }}", bold=True, size=13, align="center", space_after=12)
    B.para(doc, f"{{{{ {KEY}.pembuka }}}}", align="justify", space_after=8)
    parties(doc, width, [("Nama", f"{{{{ {KEY}.ttd.nama }}}}"), ("Jabatan", f"{{{{ {KEY}.ttd.jabatan_biasa }}}}"),
                         ("", "selanjutnya disebut PIHAK PERTAMA.")])
    separator(doc)  # two tables with nothing between them are one table to Word
    parties(doc, width, [("Nama", "{{ atasan.nama_isian }}"), ("Jabatan", "{{ atasan.jabatan_biasa }}"),
                         ("", "selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA.")])
    B.para(doc, f"{{%p for t in {KEY}.isi %}}")
    B.para(doc, "{{ t }}", align="justify", space_after=6)
    B.para(doc, "{%p endfor %}")
    B.para(doc, "", space_after=6)
    two_signatures(doc, width, key=f"{KEY}.ttd")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    draft_line(doc)
    B.para(doc, "LAMPIRAN PERJANJIAN KINERJA TAHUN {{ tahun }}", bold=True, size=12, align="center")
    B.para(doc, "{{ instansi_judul }}", bold=True, size=12, align="center", space_after=12)
    cascade_table(doc, width)
    program_table(doc, width)
    B.para(doc, f"{{{{ {KEY}.catatan_anggaran }}}}", italic=True, size=10, space_after=8)
    two_signatures(doc, width, key=f"{KEY}.ttd")


def separator(doc) -> None:
    paragraph = doc.add_paragraph()
    paragraph._p.getparent().replace(paragraph._p, parse_xml(SEPARATOR))


def draft_line(doc) -> None:
    """DRAF mark while a target of the year is missing; the paragraph disappears when there is none."""
    B.para(doc, f"{{%p if {KEY}.draf %}}")
    B.para(doc, f"{{{{ {KEY}.draf }}}}", bold=True, size=14, align="center", color="C00000", space_after=6)
    B.para(doc, "{%p endif %}")


def parties(doc, width: float, rows: list[tuple[str, str]]) -> None:
    table = B.table(doc, len(rows) + 1, [10, 35, 5, width - 50], grid=False)
    for row, (label, value) in zip(table.rows, rows + [("", "")], strict=True):
        for cell, text in zip(row.cells, ("", label, ":" if label else "", value), strict=True):
            B.cell_text(cell, text)


def _header(table, heads: list[str]) -> None:
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        B.cell_text(cell, text, bold=True, align="center", size=SIZE)
        B.shade(cell)
    B.repeat_header(table.rows[0])


def _tag_row(row, tag: str) -> None:
    B.cell_text(row.cells[0], tag)


def cascade_table(doc, width: float) -> None:
    """Tujuan, sasaran, program (and the other indicators) as full-width heading rows, each followed by its
    indicators and the target of the year."""
    widths = [10, width - 72, 24, 38]
    t = B.table(doc, 8, widths)
    _header(t, ["No", "Indikator Kinerja", "Satuan", "Target {{ tahun }}"])
    _tag_row(t.rows[1], f"{{%tr for r in {KEY}.lampiran %}}")
    _tag_row(t.rows[2], "{%tr if r.judul %}")
    heading = t.rows[3].cells[0].merge(t.rows[3].cells[3])
    B.cell_text(heading, "{{ r.judul }}", bold=True, size=SIZE)
    B.shade(heading, "F2F2F2")
    B.no_split(t.rows[3])
    _tag_row(t.rows[4], "{%tr else %}")
    for cell, text, align in zip(t.rows[5].cells, ["{{ r.no }}", "{{ r.indikator }}", "{{ r.satuan }}",
                                                   "{{ r.target }}"], ["center", "left", "center", "center"],
                                 strict=True):
        B.cell_text(cell, text, align=align, size=SIZE)
    B.no_split(t.rows[5])
    _tag_row(t.rows[6], "{%tr endif %}")
    _tag_row(t.rows[7], "{%tr endfor %}")
    B.para(doc, "", space_after=6)


def program_table(doc, width: float) -> None:
    t = B.table(doc, 4, [10, width - 55, 45])
    _header(t, ["No", "Program", "Anggaran (Rp)"])
    _tag_row(t.rows[1], f"{{%tr for r in {KEY}.program %}}")
    for cell, text, align in zip(t.rows[2].cells, ["{{r r.no }}", "{{r r.program }}", "{{r r.pagu }}"],
                                 ["center", "left", "right"], strict=True):
        B.cell_text(cell, text, align=align, size=SIZE)
    B.no_split(t.rows[2])
    _tag_row(t.rows[3], "{%tr endfor %}")
