"""Render the .docx documents from templates/ with docxtpl. Receives computed values only."""

from __future__ import annotations

from xml.sax.saxutils import escape

from docxtpl import DocxTemplate
from markupsafe import Markup

from iku import formatting as fmt
from iku.model import Indicator, Results
from iku.render import indicator_table
from iku.render import target_table as target_table_xml
from iku.render.common import Quoted, common_context, render, signature
from iku.render.wordxml import paragraph, run_content

LEVEL_TITLES = {"tujuan": ("Tujuan", "Indikator Kinerja"), "sasaran": ("Sasaran", "Indikator"),
                "program": ("Program", "Indikator")}
FRACTION_MM = (78, 18)  # numerator/denominator column, multiplier column
NOT_SET_MARK = "\u2013"  # en dash in the target table; the note under it explains


def _centred(text: str) -> str:
    return paragraph(f"<w:r>{run_content(text)}</w:r>" if text else "", '<w:jc w:val="center"/>')


def _formula(ind: Indicator, fraction_mm: tuple[float, float] = FRACTION_MM) -> Markup:
    """The formula cell as Word XML: plain text, or a stacked fraction (a small borderless table) when the
    catalogue gives numerator and denominator. A table shows the same in Word and LibreOffice."""
    if not ind.formula_fraction:
        return Markup(_centred(ind.formula))
    numerator, denominator, multiplier = ind.formula_fraction
    wide, narrow = (round(mm * 1440 / 25.4) for mm in fraction_mm)
    multiplier = escape(multiplier.replace(" ", "\u00a0"))  # keep "× 100%" on one line
    return Markup(
        '<w:tbl><w:tblPr><w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" '
        f'w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="{wide}"/><w:gridCol w:w="{narrow}"/></w:tblGrid>'
        f'<w:tr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{wide}"/><w:tcBorders><w:bottom w:val="single" w:sz="6" '
        f'w:color="000000"/></w:tcBorders></w:tcPr>{_centred(numerator)}</w:tc>'
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{narrow}"/><w:vMerge w:val="restart"/><w:vAlign w:val="center"/>'
        f'</w:tcPr><w:p><w:r><w:t>{multiplier}</w:t></w:r></w:p></w:tc></w:tr>'
        f'<w:tr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{wide}"/></w:tcPr>{_centred(denominator)}</w:tc>'
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{narrow}"/><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>'
        "<w:p/>")  # a table cell must end with a paragraph, not a nested table


def _target_cell(ind: Indicator, value) -> str:
    return NOT_SET_MARK if value is None else fmt.as_written(ind, value)


def iku_context(results: Results, template: DocxTemplate) -> dict:
    cat = results.catalogue
    office = cat.office
    tables = []
    for level in ("tujuan", "sasaran", "program"):
        rows = [ind for ind in cat.indicators if ind.level == level]
        if not rows:
            continue
        title, indicator_column = LEVEL_TITLES[level]
        # the office's own IKU document has these columns when any indicator fills them
        extra = [key for key, attr in (("satuan", "unit_written"), ("sumber", "data_origin"), ("pj", "responsible"))
                 if any(getattr(ind, attr, "") for ind in cat.indicators)]
        fraction_mm = indicator_table.formula_mm(extra) if extra else FRACTION_MM
        baris = [{"no": str(i), "uraian": ind.objective, "indikator": ind.name, "definisi": ind.definition,
                  "rumus": _formula(ind, fraction_mm), "satuan": getattr(ind, "unit_written", ""),
                  "sumber": ind.data_origin, "pj": ind.responsible}
                 for i, ind in enumerate(rows, start=1)]
        tables.append({"tabel": Quoted(indicator_table.word_xml(title, indicator_column, baris, extra))})
    return {
        **common_context(results),
        "ejaan": {},  # the IKU document as it was set, misspellings included
        "instansi": f"{office.name} Kabupaten {office.regency}".upper(),
        "tugas": office.task,
        "fungsi": [{"nomor": f.number, "teks": f.text, "sub": f.parent is not None} for f in office.functions],
        "tabel_iku": tables,
        **target_table(results),
        "ttd": {**signature(results), "tempat_tanggal": _set_on(results)},
    }


def _set_on(results: Results) -> str:
    """Place and date of the IKU document's signature: the date it was set (catalogue [iku] ditetapkan), or a
    dotted line to write it on; never the day the files were built."""
    office = results.catalogue.office
    date = fmt.date(office.iku_date) if office.iku_date else "." * 30
    return f"{results.report.identity.signing_place}, {date}"


def target_table(results: Results, in_iku_document: bool = True) -> dict:
    """The IKU target table of the period (any number of years) with kondisi akhir, as the IKU document sets
    them (targets staff typed from the Renstra are left out); an unset target shows as a dash, explained below."""
    cat = results.catalogue
    years = list(cat.years)
    missing = any(ind.iku_target(y) is None for ind in cat.indicators for y in years) or any(
        ind.iku_end_target is None for ind in cat.indicators)
    rows = [{"no": str(ind.number), "nama": ind.name,
             "target": [_target_cell(ind, ind.iku_target(y)) for y in years],
             "akhir": _target_cell(ind, ind.iku_end_target)}
            for ind in cat.indicators]
    layout = target_table_xml.IKU_DOCUMENT if in_iku_document else target_table_xml.LKJIP_APPENDIX
    return {
        "tahun_renstra": [str(y) for y in years],
        "target": rows,
        "tabel_target": Quoted(target_table_xml.word_xml(layout, [str(y) for y in years], rows)),
        "catatan_target": (
            (f"Keterangan: {NOT_SET_MARK} = target tidak ditetapkan dalam dokumen ini." if in_iku_document else
             f"Keterangan: {NOT_SET_MARK} = target tidak tercantum dalam dokumen IKU; target dari Renstra yang "
             "dipakai untuk pengukuran disajikan pada Bab III.")
            if missing else ""
        ),
    }


def iku_document(results: Results) -> bytes:
    return render("iku.docx", lambda template: iku_context(results, template), results.catalogue.office.paper)
