"""Command line: parses arguments and prints; the work is done in iku.pipeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from iku import catalogue as catalogue_mod
from iku import pipeline, reader
from iku.errors import InputError
from iku.render.pdf import PdfError
from iku.workbook import template as workbook_template
from iku.writer import OutputError, write_atomic

ROOT = Path(__file__).resolve().parent.parent
INPUT_DIR = ROOT / "input"
OUTPUT_DIR = ROOT / "output"


def _catalogues():
    try:
        return catalogue_mod.load_all()
    except InputError as exc:
        raise click.ClickException(exc.describe()) from None


def _warn(lines) -> None:
    for line in lines:
        click.echo(f"  Peringatan: {line}")


def _build_all(paths: list[Path], output: Path, year: int | None, pdf: bool = False) -> None:
    catalogues = _catalogues()
    failed = 0
    done: dict[Path, Path] = {}
    for path in paths:
        click.echo(f"\n{path.name}")
        try:
            outcome = pipeline.build(path, output, catalogues, year, pdf=pdf)
        except PdfError as exc:
            failed += 1
            click.echo(f"  GAGAL pada langkah PDF, tidak ada dokumen yang diubah (dokumen sebelumnya tetap utuh): "
                       f"{exc}", err=True)
            continue
        except OutputError as exc:
            failed += 1
            click.echo(f"  GAGAL menulis: {exc}", err=True)
            continue
        except InputError as exc:
            failed += 1
            click.echo(f"  GAGAL, tidak ada dokumen yang ditulis.\n  {exc.describe().replace(chr(10), chr(10) + '  ')}",
                       err=True)
            continue
        if outcome.folder in done:
            click.echo(f"  Peringatan: {outcome.folder} juga dipakai oleh {done[outcome.folder].name}; "
                       "dokumennya tertimpa oleh buku kerja ini.")
        done[outcome.folder] = path
        for title, written in zip(outcome.titles, outcome.written, strict=False):
            click.echo(f"  Ditulis: {title}: {written}")
        _warn(outcome.warnings)
    click.echo(f"\nSelesai: {len(paths) - failed} buku kerja berhasil, {failed} gagal.")
    if failed:
        raise SystemExit(1)


PDF_HELP = "Tulis juga PDF dari setiap .docx (perlu LibreOffice)."


@click.group(invoke_without_command=True)
@click.option("--pdf", is_flag=True, help=PDF_HELP)
@click.pass_context
def main(ctx: click.Context, pdf: bool) -> None:
    """Membuat dokumen kinerja (IKU, LKjIP, Perjanjian Kinerja, pengukuran) dari buku kerja realisasi.

    Tanpa perintah: memproses setiap buku kerja .xlsx di folder input/ ke folder output/.
    """
    if ctx.invoked_subcommand is not None:
        return
    paths = sorted(p for p in INPUT_DIR.glob("*") if p.is_file() and p.suffix.lower() == ".xlsx")
    for lock in [p for p in paths if reader.is_lock_file(p)]:
        click.echo(f"Peringatan: {lock.name} dilewati: itu file kunci Excel. Buku kerja aslinya sedang dibuka; "
                   "simpan dan tutup Excel agar perubahan terakhir ikut terbaca.")
    paths = [p for p in paths if not reader.is_lock_file(p)]
    if not paths:
        raise click.ClickException(f"Tidak ada buku kerja .xlsx di {INPUT_DIR}. "
                                   "Buat dengan: python generate.py template input/NAMA.xlsx")
    _build_all(paths, OUTPUT_DIR, None, pdf)


@main.command()
@click.argument("workbooks", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--year", type=int, help="Tahun laporan (menggantikan isian Identitas).")
@click.option("--output", type=click.Path(path_type=Path, file_okay=False), default=OUTPUT_DIR,
              show_default=True, help="Folder hasil.")
@click.option("--pdf", is_flag=True, help=PDF_HELP)
def build(workbooks: tuple[Path, ...], year: int | None, output: Path, pdf: bool) -> None:
    """Membuat dokumen dari buku kerja yang disebut."""
    _build_all(list(workbooks), output, year, pdf)


@main.command()
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option("--year", type=int, help="Tahun laporan (menggantikan isian Identitas).")
def check(workbook: Path, year: int | None) -> None:
    """Memeriksa buku kerja saja, tanpa menulis dokumen."""
    try:
        results = pipeline.check(workbook, _catalogues(), year)
    except InputError as exc:
        raise click.ClickException(exc.describe()) from None
    click.echo(f"{workbook.name}: buku kerja sah ({results.catalogue.office.name}, tahun {results.report_year}).")
    _warn(results.warnings)


@main.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--office", default=None, help="Kode kantor di iku/offices/ (bawaan: satu-satunya yang ada).")
@click.option("--year", type=int, help="Tahun laporan yang diisikan.")
def template(path: Path, office: str | None, year: int | None) -> None:
    """Menulis buku kerja standar yang kosong ke PATH."""
    catalogues = _catalogues()
    chosen = catalogue_mod.find(office, catalogues) if office else (catalogues[0] if len(catalogues) == 1 else None)
    if chosen is None:
        names = ", ".join(c.office.code for c in catalogues)
        raise click.ClickException(f"Sebutkan kantor dengan --office (pilihan: {names}).")
    if path.suffix.lower() != ".xlsx":
        raise click.ClickException("Nama file buku kerja harus berakhiran .xlsx")
    if path.exists():
        raise click.ClickException(f"{path} sudah ada; pilih nama lain agar isinya tidak tertimpa.")
    report_year = year or workbook_template.default_report_year(chosen, dt.date.today())
    if report_year not in chosen.years:
        raise click.ClickException(f"Tahun {report_year} di luar periode {chosen.office.first_year}-"
                                   f"{chosen.office.last_year}.")
    write_atomic(path, workbook_template.to_bytes(workbook_template.build(chosen, report_year)))
    click.echo(f"Buku kerja standar ditulis: {path}")
