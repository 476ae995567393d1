"""One workbook through the whole pipeline: read -> validate -> compute -> render -> write."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from iku import catalogue as catalogue_mod
from iku import output_lock, safe_names, writer
from iku.check import validate
from iku.errors import InputError, Problem
from iku.measure import compute, report
from iku.model import Catalogue, Results
from iku.read import reader
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
    results: Results | None = field(default=None, compare=False, repr=False)


def check(path: Path, catalogues: list[Catalogue] | None = None, year: int | None = None) -> Results:
    """Read, validate and compute; raises InputError listing every problem."""
    raw = reader.read(path)
    checked = validate.validate(raw, catalogues if catalogues is not None else catalogue_mod.load_all(), year)
    return compute.compute(checked.catalogue, checked.report, checked.warnings)


FolderKey = tuple[str, int, bool]  # office code, report year, sample: what names the output folder
Claims = Mapping[FolderKey, Path]  # in a batch: the folders its quick look gave out, and to which workbook


def folder_key(results: Results) -> FolderKey:
    return (results.catalogue.office.code, results.report_year, results.report.identity.is_sample)


def output_folder(results: Results, output_root: Path) -> Path:
    name = f"{results.catalogue.office.code}-{results.report_year}"
    if results.report.identity.is_sample:
        name += "-CONTOH"  # never overwrite the real documents of the same year
    return output_root / name


def _claimed(path: Path, results: Results, claims: Claims | None) -> None:
    """A workbook of a batch writes only a folder no other workbook of the batch was given: the quick look before
    the batch refused twins, and this holds even if a file changed since, or the look could not read one."""
    owner = claims.get(folder_key(results)) if claims else None
    if owner is None or owner == path:
        return
    sample = " (CONTOH)" if results.report.identity.is_sample else ""
    raise InputError(Problem(
        f"buku kerja ini ternyata untuk {results.catalogue.office.name} tahun {results.report_year}{sample}, sama "
        f"seperti {owner.name} pada proses ini. Tidak ditulis, agar dokumen {owner.name} tidak tertimpa; pindahkan "
        "yang bukan versi terakhir dari folder masukan, lalu jalankan lagi."), source=path.name)


def _name(results: Results, kind: str) -> str:
    office = results.catalogue.office
    prefix = "CONTOH_" if results.report.identity.is_sample else ""
    return f"{prefix}{kind}_{safe_names.office_part(office.name)}_{results.report_year}"


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


@dataclass
class Staged:
    """A workbook rendered and written to its staging folder, the output folder's lock held (see stage)."""

    path: Path
    results: Results
    view: report.AnnualReport
    folder: Path
    staging: Path
    written: list[Path]
    titles: list[str]
    warnings: list[str]
    hold: contextlib.ExitStack  # the lock and the staging folder; closed once the set is swapped in or given up


def stage(path: Path, output_root: Path, catalogues: list[Catalogue] | None = None,
          year: int | None = None, claims: Claims | None = None) -> Staged:
    results = check(path, catalogues, year)
    _claimed(path, results, claims)
    view = report.annual_report(results)  # computed once; the renderers only format it
    with writer.temp_space():  # openpyxl writes its worksheets to TMPDIR first
        documents = render(results, view)  # everything rendered in memory before anything is written
    folder = output_folder(results, output_root)
    names = [doc.filename for doc in documents]
    previous = list(writer.read_manifest(folder))
    for why in (safe_names.windows_path_problem(folder, names, previous), _same_in_case(names)):
        if why:
            raise writer.OutputError(f"Dokumen tidak dapat ditulis: {why}. Tidak ada dokumen yang diubah.")
    warnings = list(results.warnings) + list(filter(None, [render_pk.draft_warning(results)]))
    hold = contextlib.ExitStack()
    try:
        warnings += hold.enter_context(output_lock.locked(folder)).notes  # a stale lock taken over
        warnings += writer.recover(folder)  # what a killed run left: finished or discarded before anything else
        staging = hold.enter_context(writer.staged(folder))
        written = [_write(staging, doc) for doc in documents]
    except OSError as exc:
        hold.close()
        raise _unwritten(exc, folder) from None
    except BaseException:
        hold.close()
        raise
    return Staged(path, results, view, folder, staging, written, [d.title for d in documents], warnings, hold)


def _same_in_case(names: list[str]) -> str | None:
    pair = safe_names.distinct_in_case(names)
    return f"dua dokumen set ini, {pair}, hanya berbeda huruf besar/kecil (satu berkas di Windows)" if pair else None


def _unwritten(exc: OSError, folder: Path) -> writer.OutputError:
    return writer.OutputError(f"Dokumen tidak dapat ditulis: {writer.describe_os_error(exc)}. "
                              f"Isi {writer.shown_path(folder)} tetap seperti sebelumnya.")


def finish(staged: Staged) -> BuildOutcome:
    """Swap the staged set in, release the folder."""
    try:
        with staged.hold:
            removed = writer.swap(staged.staging, staged.folder, [p.name for p in staged.written])
    except OSError as exc:
        raise _unwritten(exc, staged.folder) from None
    warnings = staged.warnings + [f"Dihapus: {name} (sisa proses sebelumnya, tidak dibuat lagi kali ini)."
                                  for name in removed]
    return BuildOutcome(source=staged.path, folder=staged.folder,
                        written=tuple(staged.folder / p.name for p in staged.written),
                        titles=tuple(staged.titles), warnings=tuple(warnings), results=staged.results)


def build(path: Path, output_root: Path, catalogues: list[Catalogue] | None = None,
          year: int | None = None, pdf: bool = False, claims: Claims | None = None) -> BuildOutcome:
    outcome = build_many([path], output_root, catalogues, year, pdf, claims)[0]
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def build_many(paths: list[Path], output_root: Path, catalogues: list[Catalogue] | None = None,
               year: int | None = None, pdf: bool = False,
               claims: Claims | None = None) -> list[BuildOutcome | Exception]:
    """Several workbooks in stages, so that their PDFs take one LibreOffice start per stage, not two per
    workbook. Each workbook keeps its own all-or-nothing set: a failure (returned, not raised) touches no other."""
    outcomes: dict[int, BuildOutcome | Exception] = {}
    staged: list[tuple[int, Staged]] = []
    try:
        for index, path in enumerate(paths):
            try:
                staged.append((index, stage(path, output_root, catalogues, year, claims)))
            except Exception as exc:  # noqa: BLE001 - reported for this workbook; the others go on
                outcomes[index] = exc
        try:
            failed = _pdfs([s for _, s in staged]) if pdf else {}
        except OSError as exc:  # a full TMPDIR, for one: every PDF step fails, each output folder stays as it was
            failed = {id(item): pdf_mod.PdfError(f"PDF tidak dapat dibuat: {writer.describe_os_error(exc)}.")
                      for _, item in staged}
        for index, item in staged:
            if id(item) in failed:
                item.hold.close()  # the staging folder goes; the output folder keeps its previous set
                outcomes[index] = failed[id(item)]
                continue
            try:
                outcomes[index] = finish(item)
            except Exception as exc:  # noqa: BLE001
                outcomes[index] = exc
    finally:
        for _, item in staged:
            item.hold.close()
    return [outcomes[i] for i in range(len(paths))]


def _write(staging: Path, doc: Document) -> Path:
    target = staging / doc.filename
    writer.write_atomic(target, doc.content)
    return target


def _pdfs(staged: list[Staged]) -> dict[int, Exception]:
    """PDFs of the staged .docx, inside each staging folder: a failure leaves that output folder as it was.
    Two LibreOffice runs for all of them: the LKjIP page numbers, then every .docx."""
    if not staged:
        return {}
    failed: dict[int, Exception] = {}
    lkjips = [s.staging / lkjip_name(s.results) for s in staged]
    pages = toc_pages.find_many(lkjips)
    for item, path in zip(staged, lkjips, strict=True):
        if pages.get(path):  # the same layout again, now with page numbers in the table of contents
            try:
                writer.write_atomic(path, render_lkjip.lkjip_document(item.results, item.view, pages[path]))
            except OSError as exc:
                failed[id(item)] = _unwritten(exc, item.folder)
        else:
            item.warnings.append("Nomor halaman daftar isi LKjIP tidak dapat dibaca dari PDF; "
                                 "Word mengisinya saat dibuka.")
    todo = [s for s in staged if id(s) not in failed]
    made = pdf_mod.convert_groups([([p for p in s.written if p.suffix == ".docx"], s.staging) for s in todo])
    for item, pdfs in zip(todo, made, strict=True):
        if isinstance(pdfs, Exception):
            failed[id(item)] = pdfs
        else:
            item.titles += [f"PDF {p.stem}" for p in pdfs]
            item.written += pdfs
    return failed
