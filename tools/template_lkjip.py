"""The LKjIP template (PermenPANRB 53/2014 order): cover, kata pengantar, daftar isi, ikhtisar,
Bab I-IV, lampiran. Built by make_templates.py."""

from __future__ import annotations

import docx_build as B
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from template_agreement import agreement, cascade_table
from template_parts import letterhead, marker_header, page_number_footer, signature

WIDTH = 215 - 30 - 20  # usable width in mm (portrait F4, margins 30 left, 20 right)
TOC_PLACEHOLDER = "[daftar isi]"


def heading(doc, text: str, level: int) -> None:
    p = doc.add_paragraph(text, style=f"Heading {level}")
    p.paragraph_format.keep_with_next = True
    if level == 1:
        p.alignment = B.WD_ALIGN_PARAGRAPH.CENTER


def loop_paragraphs(doc, items: str, indent_mm: float = 0, justify: bool = True) -> None:
    """One paragraph per string in `items`."""
    B.para(doc, "{%p for t in " + items + " %}")
    p = B.para(doc, "{{ t }}", align="justify" if justify else None, space_after=6)
    p.paragraph_format.first_line_indent = B.Mm(indent_mm) if indent_mm else None
    B.para(doc, "{%p endfor %}")


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def loop_table(doc, widths, heads, cells, loop: str, aligns=None, size=10):
    """A grid table: a shaded header row repeated on every page, then one row per item of `loop`."""
    t = B.table(doc, 4, widths)
    for cell, text in zip(t.rows[0].cells, heads, strict=True):
        B.cell_text(cell, text, bold=True, align="center", size=size)
        B.shade(cell)
    B.repeat_header(t.rows[0])
    B.cell_text(t.rows[1].cells[0], "{%tr for r in " + loop + " %}")
    aligns = aligns or ["left"] * len(cells)
    for cell, text, align in zip(t.rows[2].cells, cells, aligns, strict=True):
        B.cell_text(cell, text, align=align, size=size)
    B.no_split(t.rows[2])
    B.cell_text(t.rows[3].cells[0], "{%tr endfor %}")
    B.para(doc, "", space_after=6)
    return t


def fungsi_list(doc) -> None:
    B.para(doc, "{%p for f in fungsi %}")
    B.para(doc, "{%p if f.sub %}")
    B.indent(B.para(doc, "{{ f.nomor }}.\t{{ f.teks }}", align="justify"), 16, 6)
    B.para(doc, "{%p else %}")
    B.indent(B.para(doc, "{{ f.nomor }}.\t{{ f.teks }}", align="justify"), 8, 8)
    B.para(doc, "{%p endif %}")
    B.para(doc, "{%p endfor %}")


def indicator_heading_style(doc) -> None:
    """Heading 4 (one indicator under its tujuan/sasaran) looks like Heading 3, a size smaller."""
    style = doc.styles["Heading 4"]
    base = doc.styles["Heading 3"]
    style.font.name = base.font.name
    style.font.color.rgb = B.RGBColor(0, 0, 0)
    style.font.size = B.Pt(11)
    style.font.bold = True
    style.font.italic = True
    style.paragraph_format.space_before = B.Pt(10)
    style.paragraph_format.space_after = B.Pt(4)
    rfonts = style.element.get_or_add_rPr().find(B.qn("w:rFonts"))
    if rfonts is not None:
        for attr in list(rfonts.attrib):
            del rfonts.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(B.qn(attr), base.font.name)


def summary_table(doc, loop: str) -> None:
    loop_table(doc, [10, WIDTH - 120, 27, 27, 26, 30], ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian",
                                                        "Predikat"],
               ["{{ r.no }}", "{{ r.nama }}", "{{ r.target }}", "{{ r.realisasi }}", "{{ r.capaian }}",
                "{{ r.predikat }}"], loop, ["center", "left", "center", "center", "center", "center"])


def bab1(doc) -> None:
    """Bab I: latar belakang, dasar hukum, tugas dan fungsi, struktur, sumber daya, isu, sistematika."""
    heading(doc, "A. Latar Belakang", 2)
    loop_paragraphs(doc, "bab1.latar_belakang", indent_mm=10)
    heading(doc, "B. Dasar Hukum", 2)
    B.para(doc, "{{ bab1.dasar_hukum_pengantar }}", align="justify", space_after=4)
    B.para(doc, "{%p for t in bab1.dasar_hukum %}")
    B.indent(B.para(doc, "{{ loop.index }}.\t{{ t }}{{ '.' if loop.last else ';' }}", align="justify",
                    space_after=3), 8, 8)
    B.para(doc, "{%p endfor %}")
    heading(doc, "C. Tugas dan Fungsi", 2)
    B.para(doc, "{{ bab1.tugas }}", align="justify", space_after=6)
    B.para(doc, "Untuk melaksanakan tugas tersebut, Kecamatan menyelenggarakan fungsi:", space_after=4)
    fungsi_list(doc)
    heading(doc, "D. Struktur Organisasi", 2)
    loop_paragraphs(doc, "bab1.struktur.teks", indent_mm=10)
    B.para(doc, "{%p if bab1.struktur.ada %}")
    B.para(doc, "{{ bab1.struktur.bagan }}", align="center", space_before=6, keep_next=True)
    B.para(doc, "{{ bab1.struktur.keterangan }}", italic=True, size=10, align="center", space_after=6)
    B.para(doc, "{%p else %}")
    B.para(doc, "{{ bab1.struktur.kosong }}", italic=True, align="justify", space_after=6)
    B.para(doc, "{%p endif %}")
    heading(doc, "E. Sumber Daya", 2)
    B.para(doc, "1. Sumber daya manusia", bold=True, space_after=4, keep_next=True)
    B.para(doc, "{%p if bab1.pegawai.ada %}")
    B.para(doc, "{{ bab1.pegawai.pengantar }}", align="justify", space_after=6)
    for key, title in (("golongan", "Pangkat/Golongan"), ("pendidikan", "Pendidikan"), ("jabatan", "Jabatan")):
        loop_table(doc, [10, 110, 25], ["No", title, "Jumlah (orang)"],
                   ["{{ r.no }}", "{{ r.uraian }}", "{{ r.jumlah }}"], "bab1.pegawai." + key,
                   ["center", "left", "center"], size=10)
    B.para(doc, "{%p else %}")
    B.para(doc, "{{ bab1.pegawai.kosong }}", italic=True, align="justify", space_after=6)
    B.para(doc, "{%p endif %}")
    B.para(doc, "2. Sarana dan prasarana", bold=True, space_after=4, keep_next=True)
    B.para(doc, "{%p if bab1.sarana.ada %}")
    B.para(doc, "{{ bab1.sarana.pengantar }}", align="justify", space_after=6)
    loop_table(doc, [10, 95, 25, 35], ["No", "Jenis Sarana", "Jumlah", "Kondisi"],
               ["{{ r.no }}", "{{ r.jenis }}", "{{ r.jumlah }}", "{{ r.kondisi }}"], "bab1.sarana.baris",
               ["center", "left", "center", "center"], size=10)
    B.para(doc, "{%p else %}")
    B.para(doc, "{{ bab1.sarana.kosong }}", italic=True, align="justify", space_after=6)
    B.para(doc, "{%p endif %}")
    heading(doc, "F. Isu Strategis", 2)
    loop_paragraphs(doc, "bab1.isu", indent_mm=10)
    heading(doc, "G. Sistematika Penulisan", 2)
    B.para(doc, "{{ bab1.sistematika_pengantar }}", align="justify", space_after=4)
    labelled_loop(doc, "t", "bab1.sistematika", "isi", space_after=3)


def labelled_loop(doc, item: str, items: str, text: str, space_after: int) -> None:
    """One justified paragraph per item: its bold "judul:" then its text."""
    B.para(doc, f"{{%p for {item} in {items} %}}")
    p = B.para(doc, "", align="justify", space_after=space_after)
    p.add_run(f"{{{{ {item}.judul }}}}: ").bold = True
    p.add_run(f"{{{{ {item}.{text} }}}}")
    B.para(doc, "{%p endfor %}")


def cover(doc) -> None:
    for _ in range(6):
        B.para(doc, "")
    B.para(doc, "LAPORAN KINERJA", bold=True, size=22, align="center")
    B.para(doc, "INSTANSI PEMERINTAH", bold=True, size=22, align="center")
    B.para(doc, "(LKjIP)", bold=True, size=18, align="center", space_after=24)
    B.para(doc, "{{ instansi_judul }}", bold=True, size=18, align="center")
    B.para(doc, "TAHUN {{ tahun }}", bold=True, size=18, align="center")
    B.para(doc, "{%p if lambang_sampul %}")  # the kabupaten's lambang, when staff supply one
    B.para(doc, "{{ lambang_sampul }}", align="center", space_before=24)
    B.para(doc, "{%p endif %}")
    for _ in range(12):
        B.para(doc, "")
    B.para(doc, "{{ kop.pemerintah }}", bold=True, size=14, align="center")
    B.para(doc, "{{ kop.kantor }}", bold=True, size=14, align="center")
    B.para(doc, "{{ kop.alamat }}", size=10, align="center")
    B.para(doc, "{{ tahun_terbit }}", bold=True, size=12, align="center")


def bab3_indicator(doc) -> None:
    B.para(doc, "{%p for g in kelompok %}")
    heading(doc, "{{ g.judul }}", 3)
    B.para(doc, "{{ g.pengantar }}", align="justify", space_after=6, keep_next=True)  # with its first indicator
    B.para(doc, "{%p for s in g.indikator %}")
    heading(doc, "{{ s.judul }}", 4)
    loop_table(doc, [14, 27, 27, 22, 36, WIDTH - 126], ["Tahun", "Target", "Realisasi", "Capaian",
                                                        "Predikat / Keterangan", "Sumber Realisasi"],
               ["{{ r.tahun }}", "{{ r.target }}", "{{ r.realisasi }}", "{{ r.capaian }}", "{{ r.predikat }}",
                "{{ r.sumber }}"],
               "s.tahun", ["center", "center", "center", "center", "left", "left"])
    B.para(doc, "{%p if s.sumber %}")
    B.para(doc, "{{ s.sumber }}", italic=True, size=10, space_after=4, keep_next=True)  # table, notes, chart: one block
    B.para(doc, "{%p endif %}")
    B.para(doc, "{%p for b in s.pembanding %}")
    B.indent(B.para(doc, "{{ b }}", align="justify", keep_next=True), 4)
    B.para(doc, "{%p endfor %}")
    B.para(doc, "{%p if s.grafik %}")
    B.para(doc, "{{ s.grafik }}", align="center", space_before=6, keep_next=True)
    B.para(doc, "{{ s.keterangan_grafik }}", italic=True, size=10, align="center", space_after=6)
    B.para(doc, "{%p endif %}")
    B.para(doc, "{{ s.paragraf }}", align="justify", space_after=6)
    B.para(doc, "{%p if s.data_dukung %}")
    B.para(doc, "Data dukung dan cara perhitungan", bold=True, space_after=4, keep_next=True)
    B.para(doc, "{{p s.data_dukung }}")
    B.para(doc, "{%p endif %}")
    B.para(doc, "{%p if s.grafik_data %}")
    B.para(doc, "{{ s.grafik_data }}", align="center", space_before=6, keep_next=True)
    B.para(doc, "{{ s.keterangan_grafik_data }}", italic=True, size=10, align="center", space_after=6)
    B.para(doc, "{%p endif %}")
    labelled_loop(doc, "a", "s.analisis", "teks", space_after=4)
    B.para(doc, "{%p endfor %}")
    B.para(doc, "{%p endfor %}")


def budget(doc) -> None:
    B.para(doc, "{%p if anggaran.ada %}")
    B.para(doc, "{{ anggaran.pengantar }}", align="justify", space_after=6)
    loop_table(doc, [10, WIDTH - 94, 32, 32, 20], ["No", "Program / Kegiatan", "Pagu (Rp)", "Realisasi (Rp)",
                                                  "Serapan"],
               ["{{r r.no }}", "{{r r.uraian }}", "{{r r.pagu }}", "{{r r.realisasi }}", "{{r r.serapan }}"],
               "anggaran.baris", ["center", "left", "right", "right", "right"])
    B.para(doc, "Efisiensi penggunaan anggaran", bold=True, space_after=4, keep_next=True)
    loop_table(doc, [WIDTH - 92, 20, 26, 18, 28], ["Program", "Serapan", "Rata-rata Capaian", "Rasio",
                                                    "Keterangan"],
               ["{{ r.program }}", "{{ r.serapan }}", "{{ r.capaian }}", "{{ r.rasio }}", "{{ r.keterangan }}"],
               "anggaran.efisiensi", ["left", "right", "right", "right", "center"])
    B.para(doc, "{{ anggaran.catatan_efisiensi }}", italic=True, size=10, space_after=6)
    B.para(doc, "{%p for t in anggaran.kalimat %}")
    B.para(doc, "{{ t }}", align="justify", space_after=6)
    B.para(doc, "{%p endfor %}")
    B.para(doc, "Anggaran dan capaian per tujuan/sasaran", bold=True, space_after=4, keep_next=True)
    loop_table(doc, [WIDTH - 117, 28, 28, 19, 20, 22], ["Tujuan / Sasaran", "Pagu (Rp)", "Realisasi (Rp)",
                                                        "Serapan", "Capaian", "Efisiensi"],
               ["{{ r.uraian }}", "{{ r.pagu }}", "{{ r.realisasi }}", "{{ r.serapan }}", "{{ r.capaian }}",
                "{{ r.keterangan }}"], "anggaran.sasaran", ["left", "right", "right", "right", "right", "center"],
               size=10)
    B.para(doc, "{{ anggaran.catatan_sasaran }}", italic=True, size=10, space_after=6)
    B.para(doc, "{%p else %}")
    B.para(doc, "{{ anggaran.kosong }}", align="justify")
    B.para(doc, "{%p endif %}")


def follow_up(doc) -> None:
    """Bab III C: recommendations of last year's evaluation and their follow-up; the Bukti column when any row has
    one (iku/render/lkjip_follow_up.py)."""
    heading(doc, "C. Tindak Lanjut Rekomendasi Hasil Evaluasi", 2)
    B.para(doc, "{%p if tindak_lanjut.ada %}")
    B.para(doc, "{{ tindak_lanjut.pengantar }}", align="justify", space_after=6)
    B.para(doc, "{%p if tindak_lanjut.bukti %}")
    loop_table(doc, [10, 46, 50, 24, WIDTH - 130], ["No", "Rekomendasi", "Tindak Lanjut", "Status", "Bukti"],
               ["{{ r.no }}", "{{ r.rekomendasi }}", "{{ r.tindak_lanjut }}", "{{ r.status }}", "{{ r.bukti }}"],
               "tindak_lanjut.baris", ["center", "left", "left", "center", "left"])
    B.para(doc, "{%p else %}")
    loop_table(doc, [10, 62, WIDTH - 102, 30], ["No", "Rekomendasi", "Tindak Lanjut", "Status"],
               ["{{ r.no }}", "{{ r.rekomendasi }}", "{{ r.tindak_lanjut }}", "{{ r.status }}"],
               "tindak_lanjut.baris", ["center", "left", "left", "center"])
    B.para(doc, "{%p endif %}")
    B.para(doc, "{{ tindak_lanjut.ringkasan }}", align="justify", space_after=6)
    B.para(doc, "{%p else %}")
    B.para(doc, "{{ tindak_lanjut.kosong }}", align="justify")
    B.para(doc, "{%p endif %}")


def lkjip_template(path) -> None:
    doc, section = B.new_document(12, False, (30, 20, 25, 25))
    indicator_heading_style(doc)
    marker_header(section, page_numbers=False)  # the cover carries no page number

    cover(doc)
    front = doc.add_section(WD_SECTION.NEW_PAGE)  # kata pengantar to ikhtisar: pages i, ii, ...
    page_number_footer(front)
    B.page_numbering(front, "lowerRoman", start=1)

    heading(doc, "KATA PENGANTAR", 1)
    loop_paragraphs(doc, "kata_pengantar", indent_mm=10)
    signature(doc, WIDTH - 100, 100)
    page_break(doc)

    B.para(doc, "DAFTAR ISI", bold=True, size=13, align="center", space_after=12)
    B.field_begin(B.para(doc, ""), 'TOC \\o "1-2" \\h \\z \\u')
    B.para(doc, TOC_PLACEHOLDER)  # replaced by the entries after rendering (iku/render/lkjip.py)
    B.field_end(B.para(doc, ""))
    page_break(doc)

    heading(doc, "IKHTISAR EKSEKUTIF", 1)
    loop_paragraphs(doc, "ikhtisar.pembuka", indent_mm=10)
    summary_table(doc, "ikhtisar.baris")
    loop_paragraphs(doc, "ikhtisar.penutup", indent_mm=10)
    body = doc.add_section(WD_SECTION.NEW_PAGE)  # Bab I starts at page 1
    B.page_numbering(body, "decimal", start=1)

    heading(doc, "BAB I PENDAHULUAN", 1)
    bab1(doc)
    page_break(doc)

    heading(doc, "BAB II PERENCANAAN KINERJA", 1)
    heading(doc, "A. Rencana Strategis {{ periode }}", 2)
    B.para(doc, "{{ bab2.renstra }}", align="justify", space_after=6)
    loop_table(doc, [10, 20, 50, 45, 18, WIDTH - 143], ["No", "Tingkat", "Tujuan / Sasaran / Program",
                                                        "Indikator", "Satuan", "Kondisi Akhir"],
               ["{{ r.no }}", "{{ r.tingkat }}", "{{ r.uraian }}", "{{ r.indikator }}", "{{ r.satuan }}",
                "{{ r.akhir }}"], "bab2.renstra_baris", ["center", "left", "left", "left", "center", "center"])
    heading(doc, "B. Indikator Kinerja Utama", 2)
    B.para(doc, "{{ bab2.iku }}", align="justify", space_after=6)
    loop_table(doc, [10, 50, 60, WIDTH - 120], ["No", "Indikator Kinerja", "Definisi Operasional",
                                                "Formulasi Perhitungan"],
               ["{{ r.no }}", "{{ r.nama }}", "{{ r.definisi }}", "{{ r.formula }}"], "iku",
               ["center", "left", "left", "left"])
    heading(doc, "C. Perjanjian Kinerja Tahun {{ tahun }}", 2)
    B.para(doc, "{{ bab2.pk }}", align="justify", space_after=6)
    cascade_table(doc, WIDTH)  # the same table as the PK's lampiran
    page_break(doc)

    heading(doc, "BAB III AKUNTABILITAS KINERJA", 1)
    heading(doc, "A. Capaian Kinerja Organisasi", 2)
    loop_paragraphs(doc, "bab3.metode", indent_mm=10)
    loop_table(doc, [50, 50], ["Capaian", "Predikat"], ["{{ r.rentang }}", "{{ r.predikat }}"], "bab3.skala",
               ["center", "center"], size=10)
    B.para(doc, "{{ bab3.ringkasan }}", align="justify", space_after=6)
    summary_table(doc, "bab3.ringkasan_baris")
    bab3_indicator(doc)
    heading(doc, "B. Realisasi Anggaran", 2)
    budget(doc)
    follow_up(doc)
    page_break(doc)

    heading(doc, "BAB IV PENUTUP", 1)
    heading(doc, "A. Kesimpulan", 2)
    loop_paragraphs(doc, "penutup.kesimpulan", indent_mm=10)
    heading(doc, "B. Langkah Perbaikan", 2)
    B.para(doc, "{%p for t in penutup.langkah %}")
    B.indent(B.para(doc, "{{ loop.index }}.\t{{ t }}", align="justify", space_after=3), 8, 8)
    B.para(doc, "{%p endfor %}")
    B.para(doc, "", space_after=12)
    signature(doc, WIDTH - 100, 100)
    page_break(doc)

    heading(doc, "LAMPIRAN 1. PERJANJIAN KINERJA TAHUN {{ tahun }}", 1)
    letterhead(doc)  # the PK as it was signed: its kop, title, text, lampiran and signatures
    agreement(doc, WIDTH)
    page_break(doc)

    heading(doc, "LAMPIRAN 2. INDIKATOR KINERJA UTAMA {{ periode }}", 1)
    B.para(doc, "{{p tabel_target }}")  # one column per year of the period (iku/render/target_table.py)
    B.para(doc, "{{ catatan_target }}", italic=True)
    doc.save(path)
