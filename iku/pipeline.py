"""One workbook through the whole pipeline: read -> validate -> compute -> render -> write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from iku import catalogue as catalogue_mod
from iku import compute, reader, report, validate, writer
from iku.model import Catalogue, Results
from iku.render import iku_doc as render_docx
from iku.render import letter as render_letter
from iku.render import lkjip as render_lkjip
from iku.render import pdf as pdf_mod
from iku.render import pk as render_pk
from iku.render import quarterly as render_quarterly
from iku.render import toc_pages
from iku.render import xlsx as render_xlsx
from iku.writer import Document


@dataclass(frozen=True)
class BuildOutcome:
    source: Path
    folder: Path
    written: tuple[Path, ...]
    titles: tuple[str, ...]
    warnings: tuple[str, ...]


def check(path: Path, catalogues: list[Catalogue] | None = None, year: int | None = None) -> Results:
    """Read, validate and compute; raises InputError listing every problem."""
    raw = reader.read(path)
    checked = validate.validate(raw, catalogues if catalogues is not None else catalogue_mod.load_all(), year)
    return compute.compute(checked.catalogue, checked.report, checked.warnings)


def output_folder(results: Results, output_root: Path) -> Path:
    name = f"{results.catalogue.office.code}-{results.report_year}"
    if results.report.identity.is_sample:
        name += "-CONTOH"  # never overwrite the real documents of the same year
    return output_root / name


def _name(results: Results, kind: str) -> str:
    office = results.catalogue.office
    prefix = "CONTOH_" if results.report.identity.is_sample else ""
    return f"{prefix}{kind}_{office.name.replace(' ', '_')}_{results.report_year}"


def lkjip_name(results: Results) -> str:
    return _name(results, "LKjIP") + ".docx"


def render(results: Results, view: report.AnnualReport, lkjip_pages: dict[str, str] | None = None) -> list[Document]:
    office = results.catalogue.office
    year = results.report_year
    iku_name = _name(results, "IKU").rsplit("_", 1)[0] + f"_{office.first_year}-{office.last_year}.docx"
    documents = [
        Document(lkjip_name(results), render_lkjip.lkjip_document(results, view, lkjip_pages), "LKjIP",
                 f"Laporan Kinerja Instansi Pemerintah (LKjIP) {office.name} Tahun {year}"),
        Document(_name(results, "Perjanjian_Kinerja") + ".docx", render_pk.pk_document(results, view),
                 "Perjanjian Kinerja", f"Perjanjian Kinerja {office.name} Tahun {year}"),
        Document(iku_name, render_docx.iku_document(results), "Dokumen IKU",
                 f"Indikator Kinerja Utama (IKU) {office.name} Tahun {office.first_year}-{office.last_year}"),
        Document(_name(results, "Pengukuran_Kinerja") + ".xlsx", render_xlsx.measurement_workbook(results, view),
                 "Tabel pengukuran kinerja", f"Tabel Pengukuran Kinerja {office.name} Tahun {year}"),
    ]
    for quarter, content in render_quarterly.quarter_documents(results, view):
        roman = render_quarterly.ROMAN[quarter - 1]
        documents.append(Document(_name(results, f"Pengukuran_Triwulan_{roman}") + ".docx", content,
                                  f"Pengukuran kinerja triwulan {roman}",
                                  f"Laporan Pengukuran Kinerja Triwulan {roman} {office.name} Tahun {year}"))
    attachments = [d.formal for d in documents if d.formal]  # the letter lists exactly what is written with it
    documents.append(Document(_name(results, "Surat_Pengantar") + ".docx",
                              render_letter.letter_document(results, attachments), "Surat pengantar"))
    return documents


def build(path: Path, output_root: Path, catalogues: list[Catalogue] | None = None,
          year: int | None = None, pdf: bool = False) -> BuildOutcome:
    results = check(path, catalogues, year)
    view = report.annual_report(results)  # computed once; the renderers only format it
    documents = render(results, view)  # everything rendered in memory before anything is written
    folder = output_folder(results, output_root)
    titles = [d.title for d in documents]
    warnings = list(results.warnings) + list(filter(None, [render_pk.draft_warning(results)]))
    try:
        with writer.locked(folder):
            writer.recover(folder)  # what a killed run left: finished or discarded before anything else
            with writer.staged(folder) as staging:
                written = [_write(staging, doc) for doc in documents]
                if pdf:
                    made = _pdf(results, view, staging, written, warnings)
                    titles += [f"PDF {p.stem}" for p in made]
                    written += made
                removed = writer.swap(staging, folder, [p.name for p in written])
    except OSError as exc:
        raise writer.OutputError(f"Dokumen tidak dapat ditulis: {writer.describe_os_error(exc)}. "
                                 f"Isi {folder} tetap seperti sebelumnya.") from None
    warnings += [f"Dihapus: {name} (sisa proses sebelumnya, tidak dibuat lagi kali ini)." for name in removed]
    return BuildOutcome(source=path, folder=folder, written=tuple(folder / p.name for p in written),
                        titles=tuple(titles), warnings=tuple(warnings))


def _write(staging: Path, doc: Document) -> Path:
    target = staging / doc.filename
    writer.write_atomic(target, doc.content)
    return target


def _pdf(results: Results, view: report.AnnualReport, staging: Path, written: list[Path],
         warnings: list[str]) -> list[Path]:
    """PDFs of the staged .docx, inside the staging folder: a failure here leaves the output folder as it was."""
    pages = toc_pages.find(staging / lkjip_name(results))
    if pages:  # the same layout again, now with page numbers in the table of contents
        writer.write_atomic(staging / lkjip_name(results), render_lkjip.lkjip_document(results, view, pages))
    else:
        warnings.append("Nomor halaman daftar isi LKjIP tidak dapat dibaca dari PDF; Word mengisinya saat dibuka.")
    docx = [p for p in written if p.suffix == ".docx"]
    return pdf_mod.convert(docx, staging)
