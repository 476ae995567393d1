"""Context pieces shared by the .docx documents: letterhead, signatures, PK rows, budget rows."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from contextvars import ContextVar
from decimal import Decimal
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage, RichText
from jinja2 import Environment
from markupsafe import Markup

from iku import formatting as fmt
from iku.catalogue import OFFICES_DIR
from iku.measure.report import ProgramBudget, total_budget
from iku.model import Results
from iku.render import docx_package, page_flow, tables

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
SAMPLE_MARK = "CONTOH — ANGKA ILUSTRATIF, BUKAN DATA RESMI"
PAPER_MM = {"F4": (215, 330), "A4": (210, 297)}
BLANK_NAME = "(" + "." * 40 + ")"
LEVEL_NAMES = {"tujuan": "Tujuan", "sasaran": "Sasaran", "program": "Program"}
LANGUAGE = docx_package.LANGUAGE  # Word checks spelling against Indonesian, not English
# Core property "title" of each document (the PDF export carries it over), filled from common_context's "properti".
TITLES = {
    "iku.docx": "Indikator Kinerja Utama (IKU) {instansi} Tahun {periode}",
    "lkjip.docx": "Laporan Kinerja Instansi Pemerintah (LKjIP) {instansi} Tahun {tahun}",
    "pk.docx": "Perjanjian Kinerja {instansi} Tahun {tahun}",
    "triwulan.docx": "Laporan Pengukuran Kinerja Triwulan {triwulan} {instansi} Tahun {tahun}",
    "surat_pengantar.docx": "Surat Pengantar Dokumen Kinerja {instansi} Tahun {tahun}",
}
LAMBANG_HEIGHT_MM = {"lambang": 24, "lambang_sampul": 45}  # kop, LKjIP cover


def lambang_file(office_code: str, folder: Path | None = None) -> Path | None:
    """The kabupaten's coat of arms staff may place beside the catalogue: iku/offices/<kode>_lambang.png."""
    path = (folder or OFFICES_DIR) / f"{office_code}_lambang.png"
    return path if path.is_file() else None


def signature(results: Results, for_pk: bool = False) -> dict[str, str]:
    """The head of office's block. A PK is signed with the Bupati at the kabupaten's seat, on its own date or on
    a line to write it on."""
    ident = results.report.identity
    place = ident.signing_place
    if not for_pk:
        date = fmt.date(ident.signing_date)
    else:
        place = ident.pk_place or place
        date = fmt.date(ident.pk_date) if ident.pk_date else f"{'.' * 25} {ident.report_year}"
    return {
        "tempat_tanggal": f"{place}, {date}",
        "jabatan": ident.signatory.position.upper(),
        "jabatan_biasa": ident.signatory.position,
        "nama": ident.signatory.name,
        "pangkat": ident.signatory.rank,
        "nip": ident.signatory.nip,
        "nip_baris": f"NIP. {ident.signatory.nip}",
    }


def superior(results: Results) -> dict[str, str]:
    office = results.catalogue.office
    name = results.report.identity.superior_name or office.superior_name
    return {
        "jabatan": office.superior.upper(),
        "jabatan_biasa": office.superior,
        "nama": name or BLANK_NAME,
        "nama_isian": name or "." * 50,
        "pangkat": "",
        "nip_baris": "",
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
        "lambang_file": str(lambang_file(office.code) or ""),
        "ejaan": office.spelling,
        "judul_instansi": f"{office.name} Kabupaten {office.regency}".upper(),
        "instansi_judul": office.name.upper(),
        "periode": f"{office.first_year}-{office.last_year}",
        "tahun": str(results.report_year),
        "ttd": signature(results),
        "atasan": superior(results),
        "properti": {"instansi": office.name, "tahun": str(results.report_year),
                     "periode": f"{office.first_year}-{office.last_year}"},
    }


def rupiah(amount: Decimal) -> str:
    return fmt.number(amount, 0)


def program_rows(budgets: list[ProgramBudget]) -> list[dict]:
    """Programs with their budget ceiling, and a bold total row."""
    def cell(text: str, bold: bool = False) -> RichText:
        return RichText(text, bold=bold, size=20)  # 10 pt, as the table's other cells

    rows: list[dict] = [{"no": cell(str(i)), "program": cell(b.program), "pagu": cell(rupiah(b.ceiling))}
                        for i, b in enumerate(budgets, start=1)]
    if budgets:
        ceiling, _, _ = total_budget(budgets)
        rows.append({"no": cell(""), "program": cell("Jumlah", bold=True), "pagu": cell(rupiah(ceiling), bold=True)})
    return rows


_SPELLING: ContextVar[tuple[tuple[re.Pattern, str], ...]] = ContextVar("spelling", default=())


class Quoted(Markup):
    """Text quoted from the IKU document as it is written (its misspellings kept): the IKU target table."""


def _spelled(value):
    """Every printed value with the office's spelling corrections (catalogue [ejaan]), except quoted text."""
    corrections = _SPELLING.get()
    if not corrections or isinstance(value, Quoted) or not isinstance(value, str):
        return value
    text = str(value)
    for pattern, right in corrections:
        text = pattern.sub(right, text)
    return Markup(text) if isinstance(value, Markup) else text


def spelling_patterns(spelling: dict[str, str]) -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(rf"\b{re.escape(wrong)}\b"), right) for wrong, right in spelling.items())


class _CompiledOnce(Environment):
    """Jinja compiles each template part once per process: the four quarterly reports, and every workbook of a
    batch, render the same template XML, and compiling it cost more than rendering it."""

    def __init__(self) -> None:
        super().__init__(autoescape=True, finalize=_spelled)
        self._compiled: dict[str, object] = {}

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        if source not in self._compiled:
            self._compiled[source] = super().from_string(source)
        return self._compiled[source]


class _Template(DocxTemplate):
    """docxtpl's tag clean-up (regular expressions over the whole part) done once per distinct part."""

    _patched: dict[str, str] = {}

    def patch_xml(self, src_xml: str) -> str:
        if src_xml not in self._patched:
            self._patched[src_xml] = super().patch_xml(src_xml)
        return self._patched[src_xml]


_JINJA = _CompiledOnce()


def render(template_name: str, context: Callable[[DocxTemplate], dict], paper: str, update_fields=False,
           finish: Callable[[DocxTemplate], None] | None = None) -> bytes:
    """Fill a template (with the lambang when the office has one), then apply the print rules to every table,
    including tables the `finish` step adds (iku/render/tables.py), and the office's paper size."""
    template = _Template(TEMPLATES / template_name)
    values = context(template)
    lambang = values.get("lambang_file")
    for key, height in LAMBANG_HEIGHT_MM.items():
        values.setdefault(key, InlineImage(template, lambang, height=Mm(height)) if lambang else None)
    token = _SPELLING.set(spelling_patterns(values.get("ejaan", {})))
    try:
        template.render(values, _JINJA, autoescape=True)
    finally:
        _SPELLING.reset(token)
    if finish:
        finish(template)
    tables.finish(template.docx)
    page_flow.finish(template.docx)
    title = _properties(template, template_name, values)
    width, height = (Mm(v) for v in PAPER_MM[paper])
    for section in template.docx.sections:
        landscape = section.page_width > section.page_height
        section.page_width, section.page_height = (height, width) if landscape else (width, height)
    docx_package.finish(template.docx, title, values.get("properti", {}).get("instansi", ""), update_fields)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def _properties(template: DocxTemplate, template_name: str, values: dict) -> str:
    """The document's title, and Indonesian as the language of its styles (the other document properties:
    iku/render/docx_package.py)."""
    facts = values.get("properti", {})
    title = TITLES.get(template_name, "{instansi}").format(triwulan=values.get("triwulan", ""), **facts)
    styles = template.docx.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    for tag in ("w:rPrDefault", "w:rPr"):
        child = defaults.find(qn(tag))
        if child is None:
            child = OxmlElement(tag)
            defaults.insert(0, child) if tag == "w:rPrDefault" else defaults.append(child)
        defaults = child
    if defaults.find(qn("w:lang")) is None:
        defaults.append(OxmlElement("w:lang"))
    for lang in styles.iter(qn("w:lang")):  # the default run and any style that names a language
        lang.set(qn("w:val"), LANGUAGE)
    return title
