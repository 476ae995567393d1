"""One workbook through the whole pipeline: read -> validate -> compute -> render -> write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from iku import catalogue as catalogue_mod
from iku import compute, reader, render_docx, render_xlsx, validate
from iku.model import Catalogue, Results
from iku.writer import Document, write_documents


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


def render(results: Results) -> list[Document]:
    office = results.catalogue.office
    slug = office.name.replace(" ", "_")
    prefix = "CONTOH_" if results.report.identity.is_sample else ""
    return [
        Document(f"{prefix}IKU_{slug}_{office.first_year}-{office.last_year}.docx",
                 render_docx.iku_document(results), "Dokumen IKU"),
        Document(f"{prefix}Pengukuran_Kinerja_{slug}_{results.report_year}.xlsx",
                 render_xlsx.measurement_workbook(results), "Tabel pengukuran kinerja"),
    ]


def build(path: Path, output_root: Path, catalogues: list[Catalogue] | None = None,
          year: int | None = None) -> BuildOutcome:
    results = check(path, catalogues, year)
    documents = render(results)  # everything rendered in memory before anything is written
    folder = output_folder(results, output_root)
    written = write_documents(folder, documents)
    return BuildOutcome(
        source=path, folder=folder, written=tuple(written),
        titles=tuple(d.title for d in documents), warnings=results.warnings,
    )
