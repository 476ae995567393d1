"""Render the .docx documents from templates/ with docxtpl. Receives computed values only."""

from __future__ import annotations

from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docxtpl import DocxTemplate

from iku import formatting as fmt
from iku.model import Indicator, Results
from iku.render.common import common_context, render, signature

LEVEL_TITLES = {"tujuan": ("Tujuan", "Indikator Kinerja"), "sasaran": ("Sasaran", "Indikator"),
                "program": ("Program", "Indikator")}
NOT_SET_MARK = "\u2013"  # en dash in the target table; the note under it explains


def _formula(template: DocxTemplate, ind: Indicator):
    """The formula cell: plain text, or a stacked fraction (a small borderless table) when the
    catalogue gives numerator and denominator. A table shows the same in Word and LibreOffice."""
    sub = template.new_subdoc()
    if not ind.formula_fraction:
        sub.add_paragraph(ind.formula).alignment = WD_ALIGN_PARAGRAPH.CENTER
        return sub
    numerator, denominator, multiplier = ind.formula_fraction
    table = sub.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, (Mm(78), Mm(18)), strict=False):
        column.width = width
        for cell in column.cells:
            cell.width = width
    top, bottom = table.rows[0].cells, table.rows[1].cells
    top[0].text, bottom[0].text = numerator, denominator
    for cell in (top[0], bottom[0]):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _rule_below(top[0])
    side = top[1].merge(bottom[1])
    side.text = multiplier.replace(" ", "\u00a0")  # keep "× 100%" on one line
    side.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    sub.add_paragraph()  # a table cell must end with a paragraph, not a nested table
    return sub


def _rule_below(cell) -> None:
    borders = OxmlElement("w:tcBorders")
    line = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:color", "000000")):
        line.set(qn(key), value)
    borders.append(line)
    cell._tc.get_or_add_tcPr().append(borders)


def _target_cell(ind: Indicator, value) -> str:
    return NOT_SET_MARK if value is None else fmt.as_written(ind, value)


def iku_context(results: Results, template: DocxTemplate) -> dict:
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
                 "definisi": ind.definition, "rumus": _formula(template, ind)}
                for i, ind in enumerate(rows, start=1)
            ],
        })
    return {
        **common_context(results),
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
    """The IKU target table 2021-2026 with kondisi akhir, as the IKU document sets them (targets staff typed from
    the Renstra are left out); an unset target shows as a dash, explained below."""
    cat = results.catalogue
    years = list(cat.years)
    missing = any(ind.iku_target(y) is None for ind in cat.indicators for y in years) or any(
        ind.iku_end_target is None for ind in cat.indicators)
    return {
        "tahun_renstra": [str(y) for y in years],
        "target": [
            {"no": str(ind.number), "nama": ind.name,
             "target": [_target_cell(ind, ind.iku_target(y)) for y in years],
             "akhir": _target_cell(ind, ind.iku_end_target)}
            for ind in cat.indicators
        ],
        "catatan_target": (
            (f"Keterangan: {NOT_SET_MARK} = target tidak ditetapkan dalam dokumen ini." if in_iku_document else
             f"Keterangan: {NOT_SET_MARK} = target tidak tercantum dalam dokumen IKU; target dari Renstra yang "
             "dipakai untuk pengukuran disajikan pada Bab III.")
            if missing else ""
        ),
    }


def iku_document(results: Results) -> bytes:
    return render("iku.docx", lambda template: iku_context(results, template), results.catalogue.office.paper)
