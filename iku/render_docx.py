"""Render the .docx documents from templates/ with docxtpl. Receives computed values only."""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from docx.shared import Mm
from docxtpl import DocxTemplate, RichText
from markupsafe import Markup

from iku import formatting as fmt
from iku.model import Indicator, Results

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SAMPLE_MARK = "CONTOH — ANGKA ILUSTRATIF, BUKAN DATA RESMI"
LEVEL_TITLES = {"tujuan": ("Tujuan", "Indikator Kinerja"), "sasaran": ("Sasaran", "Indikator"),
                "program": ("Program", "Indikator")}
FONT = "Arial"
NOT_SET_MARK = "\u2013"  # en dash in the target table; the note under it explains
PAPER_MM = {"F4": (215, 330), "A4": (210, 297)}


def fraction(numerator: str, denominator: str, multiplier: str = "") -> Markup:
    """A stacked fraction as a Word equation (OMML), shown as a real fraction in Word and LibreOffice."""

    def run(text: str) -> str:
        return (
            f'<m:r><m:rPr><m:sty m:val="p"/></m:rPr><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/>'
            f'<w:sz w:val="20"/></w:rPr><m:t xml:space="preserve">{escape(text)}</m:t></m:r>'
        )

    tail = run(f" {multiplier}") if multiplier else ""
    return Markup(
        f"<m:oMath><m:f><m:num>{run(numerator)}</m:num><m:den>{run(denominator)}</m:den></m:f>{tail}</m:oMath>"
    )


def _formula(ind: Indicator):
    if ind.formula_fraction:
        return fraction(*ind.formula_fraction)
    return RichText(ind.formula)


def _target_cell(ind: Indicator, value) -> str:
    return NOT_SET_MARK if value is None else fmt.target(ind, value)


def signature(results: Results) -> dict[str, str]:
    ident = results.report.identity
    return {
        "tempat_tanggal": f"{ident.signing_place}, {fmt.date(ident.signing_date)}",
        "jabatan": ident.signatory.position.upper(),
        "nama": ident.signatory.name,
        "pangkat": ident.signatory.rank,
        "nip": ident.signatory.nip,
    }


def common_context(results: Results) -> dict:
    office = results.catalogue.office
    return {
        "penanda": SAMPLE_MARK if results.report.identity.is_sample else "",
        "kop": {
            "pemerintah": office.government.upper(),
            "kantor": office.name.upper(),
            "alamat": office.address,
            "kontak": office.contact,
        },
        "judul_instansi": f"{office.name} Kabupaten {office.regency}".upper(),
        "periode": f"{office.first_year}-{office.last_year}",
        "ttd": signature(results),
    }


def iku_context(results: Results) -> dict:
    cat = results.catalogue
    office = cat.office
    years = list(cat.years)
    if len(years) != 6:
        raise ValueError("templates/iku.docx has six target columns; the catalogue period must be six years")
    tables = []
    for level in ("tujuan", "sasaran", "program"):
        rows = [ind for ind in cat.indicators if ind.level == level]
        if not rows:
            continue
        title, indicator_column = LEVEL_TITLES[level]
        tables.append({
            "judul": title,
            "kolom_indikator": indicator_column,
            "baris": [
                {"no": str(i), "uraian": ind.objective, "indikator": ind.name,
                 "definisi": ind.definition, "rumus": _formula(ind)}
                for i, ind in enumerate(rows, start=1)
            ],
        })
    missing = any(t is None for ind in cat.indicators for t in list(ind.targets.values()) + [ind.end_target])
    return {
        **common_context(results),
        "instansi": f"{office.name} Kabupaten {office.regency}".upper(),
        "tugas": office.task,
        "fungsi": [{"nomor": f.number, "teks": f.text, "sub": f.parent is not None} for f in office.functions],
        "tabel_iku": tables,
        "tahun": [str(y) for y in years],
        "target": [
            {"no": str(ind.number), "nama": ind.name,
             "target": [_target_cell(ind, ind.targets[y]) for y in years],
             "akhir": _target_cell(ind, ind.end_target)}
            for ind in cat.indicators
        ],
        "catatan_target": (
            f"Keterangan: {NOT_SET_MARK} = target belum ditetapkan (belum tercantum dalam dokumen IKU)."
            if missing else ""
        ),
    }


def render(template_name: str, context: dict, paper: str) -> bytes:
    template = DocxTemplate(TEMPLATES / template_name)
    template.render(context, autoescape=True)
    width, height = (Mm(v) for v in PAPER_MM[paper])
    for section in template.docx.sections:
        landscape = section.page_width > section.page_height
        section.page_width, section.page_height = (height, width) if landscape else (width, height)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def iku_document(results: Results) -> bytes:
    return render("iku.docx", iku_context(results), results.catalogue.office.paper)
