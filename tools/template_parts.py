"""Parts shared by the .docx templates: letterhead, page header/footer, signature blocks."""

from __future__ import annotations

import docx_build as B
from docx.enum.table import WD_ALIGN_VERTICAL

SIZE = 11  # points, signature blocks


LAMBANG_MM = 30  # column of the coat of arms left of the kop text


def _kop_lines(container) -> object:
    B.cell_text(container, "{{ kop.pemerintah }}", bold=True, size=14, align="center")
    B.cell_text(container, "{{ kop.kantor }}", bold=True, size=18, align="center", first=False)
    B.cell_text(container, "{{ kop.alamat }}", size=10, align="center", first=False)
    return B.cell_text(container, "{{ kop.kontak }}", size=10, align="center", first=False)


def letterhead(doc) -> None:
    """The kop; with the kabupaten's lambang (iku/offices/<kode>_lambang.png) to the left of its text."""
    section = doc.sections[-1]
    width = (section.page_width - section.left_margin - section.right_margin) / 36000  # EMU to mm
    B.para(doc, "{%p if lambang %}")
    # an empty column as wide as the lambang's keeps the kop text centred on the page, as without it
    t = B.table(doc, 1, [LAMBANG_MM, width - 2 * LAMBANG_MM, LAMBANG_MM], grid=False)
    logo, text, _ = t.rows[0].cells
    B.cell_text(logo, "{{ lambang }}", align="center")
    logo.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    _kop_lines(text)
    rule = B.para(doc, "", space_after=2)
    rule.paragraph_format.line_spacing = B.Pt(3)
    B.bottom_rule(rule)
    B.para(doc, "{%p else %}")
    B.para(doc, "{{ kop.pemerintah }}", bold=True, size=14, align="center")
    B.para(doc, "{{ kop.kantor }}", bold=True, size=18, align="center")
    B.para(doc, "{{ kop.alamat }}", size=10, align="center")
    last = B.para(doc, "{{ kop.kontak }}", size=10, align="center", space_after=2)
    B.bottom_rule(last)
    B.para(doc, "{%p endif %}")


def page_number_footer(section) -> None:
    """"Halaman n" centred in the footer of `section` (and of the sections after it)."""
    section.footer.is_linked_to_previous = False
    fp = section.footer.paragraphs[0]
    fp.alignment = B.WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Halaman ")
    B.field(fp, "PAGE")


def marker_header(section, page_numbers: bool = True) -> None:
    """The CONTOH marker at the top of every page (empty for official data) and page numbers."""
    p = section.header.paragraphs[0]
    run = p.add_run("{{ penanda }}")
    run.bold = True
    run.font.color.rgb = B.RGBColor.from_string("C00000")
    p.alignment = B.WD_ALIGN_PARAGRAPH.CENTER
    if page_numbers:
        page_number_footer(section)


def signer(cell, key: str = "ttd", heading: str | None = None, with_place: bool = True) -> None:
    """Place and date, jabatan, room to sign and stamp, name bold underlined, rank, NIP (11 pt, so that a
    long name with degrees stays on one line in half a page)."""
    # The first line holds place and date, or stays blank so two blocks side by side line up.
    B.cell_text(cell, f"{{{{ {key}.tempat_tanggal }}}}" if with_place else " ", align="center", size=SIZE)
    first = False
    if heading:
        B.cell_text(cell, heading, align="center", first=first, size=SIZE)
        first = False
    B.cell_text(cell, f"{{{{ {key}.jabatan }}}}", bold=True, align="center", first=first, size=SIZE)
    for _ in range(4):
        B.cell_text(cell, "", first=False, size=SIZE)
    p = B.cell_text(cell, f"{{{{ {key}.nama }}}}", bold=True, align="center", first=False, size=SIZE)
    p.runs[0].underline = True
    B.cell_text(cell, f"{{{{ {key}.pangkat }}}}", align="center", first=False, size=SIZE)
    B.cell_text(cell, f"{{{{ {key}.nip_baris }}}}", align="center", first=False, size=SIZE)


def signature(doc, left_width: float, right_width: float) -> None:
    """Right-hand signature block of the head of office."""
    t = B.table(doc, 1, [left_width, right_width], grid=False)
    B.no_split(t.rows[0])
    signer(t.rows[0].cells[1])


def two_signatures(doc, width: float, key: str = "ttd") -> None:
    """PK: the superior (pihak kedua) on the left, the head of office (pihak pertama) on the right."""
    t = B.table(doc, 1, [width * 0.42, width * 0.58], grid=False)  # the right block holds the longer name
    B.no_split(t.rows[0])
    left, right = t.rows[0].cells
    signer(left, key="atasan", heading="PIHAK KEDUA,", with_place=False)
    signer(right, key=key, heading="PIHAK PERTAMA,")
