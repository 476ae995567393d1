"""Build the .docx templates in templates/ from code, so their layout is reviewable in git.

Run: python tools/make_templates.py. The files it writes are ordinary Word documents with
docxtpl tags ({{ }}, {%tr %}, {%p %}); they may also be edited in Word afterwards, as long as
each tag stays within one run.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document

sys.path.insert(0, str(Path(__file__).parent))
import docx_build as B  # noqa: E402
from template_letter import letter_template  # noqa: E402
from template_lkjip import lkjip_template  # noqa: E402
from template_parts import letterhead, marker_header, signature  # noqa: E402
from template_pk import pk_template  # noqa: E402
from template_quarterly import quarter_template  # noqa: E402

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def title_block(doc) -> None:
    B.para(doc, "INDIKATOR KINERJA UTAMA (IKU)", bold=True, size=12, align="center", space_before=12)
    B.para(doc, "{{ judul_instansi }}", bold=True, size=12, align="center")
    B.para(doc, "TAHUN {{ periode }}", bold=True, size=12, align="center", space_after=12)


def iku_template() -> Path:
    doc = Document()
    B.base_styles(doc, size=11)
    section = doc.sections[0]
    B.page(section, landscape=True)
    marker_header(section)
    width = 330 - 25 - 20  # usable width in mm (landscape F4)

    letterhead(doc)
    title_block(doc)

    office = B.table(doc, 3, [45, width - 45])
    for row, label in zip(office.rows, ("INSTANSI", "TUGAS", "FUNGSI"), strict=False):
        B.cell_text(row.cells[0], label, bold=True)
    B.cell_text(office.rows[0].cells[1], "{{ instansi }}")
    B.cell_text(office.rows[1].cells[1], "{{ tugas }}", align="justify")
    cell = office.rows[2].cells[1]
    B.cell_text(cell, "{%p for f in fungsi %}")
    B.cell_text(cell, "{%p if f.sub %}", first=False)
    B.indent(B.cell_text(cell, "{{ f.nomor }}.\t{{ f.teks }}", align="justify", first=False), 16, 6)
    B.cell_text(cell, "{%p else %}", first=False)
    B.indent(B.cell_text(cell, "{{ f.nomor }}.\t{{ f.teks }}", align="justify", first=False), 8, 8)
    B.cell_text(cell, "{%p endif %}", first=False)
    B.cell_text(cell, "{%p endfor %}", first=False)

    doc.add_page_break()
    title_block(doc)
    B.para(doc, "{%p for t in tabel_iku %}")
    # one table per level, its columns as the catalogue gives them (iku/render/indicator_table.py)
    B.para(doc, "{{p t.tabel }}")
    B.para(doc, "", space_after=10)
    B.para(doc, "{%p endfor %}")

    B.para(doc, "TARGET INDIKATOR KINERJA TAHUN {{ periode }}", bold=True, align="center",
           space_before=6, space_after=6, keep_next=True)
    B.para(doc, "{{p tabel_target }}")  # one column per year of the period (iku/render/target_table.py)
    B.para(doc, "{{ catatan_target }}", italic=True, size=10, space_before=4, space_after=12, keep_next=True)

    signature(doc, width - 110, 110)
    path = TEMPLATES / "iku.docx"
    doc.save(path)
    return path


if __name__ == "__main__":
    TEMPLATES.mkdir(exist_ok=True)
    print(iku_template())
    lkjip_template(TEMPLATES / "lkjip.docx")
    pk_template(TEMPLATES / "pk.docx")
    quarter_template(TEMPLATES / "triwulan.docx")
    letter_template(TEMPLATES / "surat_pengantar.docx")
    print(TEMPLATES / "lkjip.docx", TEMPLATES / "pk.docx", TEMPLATES / "triwulan.docx",
          TEMPLATES / "surat_pengantar.docx")
