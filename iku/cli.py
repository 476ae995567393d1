"""Command line: parses arguments and prints; the work is done in iku.pipeline."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import re
import signal
import sys
import warnings
from pathlib import Path

import click

from iku import batch_cli, pipeline, writer
from iku import catalogue as catalogue_mod
from iku.batch import not_regular
from iku.carry import forward as carry_forward
from iku.errors import STOP_SIGNALS, Cancelled, InputError, crash_line, os_error_of, signals_cancel
from iku.office_import.command import office as office_command
from iku.read import reader
from iku.workbook import period as workbook_period
from iku.workbook import template as workbook_template
from iku.writer import describe_os_error, write_atomic

ROOT = Path(__file__).resolve().parent.parent
INPUT_DIR = ROOT / "input"
OUTPUT_DIR = ROOT / "output"


def _parameter(param: click.Parameter | None) -> str:
    if param is None:
        return "parameter"
    if isinstance(param, click.Option):
        return f"opsi {param.opts[0]}"
    return {"workbooks": "nama file buku kerja", "workbook": "nama file buku kerja",
            "path": "nama file buku kerja yang akan ditulis",
            "document": "nama file dokumen IKU"}.get(param.name or "", f"argumen {param.name}")


PATH_STATES = {"is a file": "adalah file, bukan folder", "is a directory": "adalah folder, bukan file",
               "does not exist": "tidak ada", "is not writable": "tidak dapat ditulis",
               "is not readable": "tidak dapat dibaca"}


def _path_message(message: str) -> str:
    """click.Path's English checks ("Directory 'x' is a file.") in Indonesian."""
    found = re.match(r"(?:File|Directory|Path) (.*) (is a file|is a directory|does not exist|is not writable|"
                     r"is not readable)\.$", message)
    return f"{found.group(1)} {PATH_STATES[found.group(2)]}." if found else message


def indonesian(exc: click.ClickException) -> str:
    """Click's own messages (English) said in Indonesian; ours are Indonesian already."""
    if isinstance(exc, click.NoSuchOption):
        hint = f" (mungkin maksudnya {', '.join(sorted(exc.possibilities))})" if exc.possibilities else ""
        return f"opsi {exc.option_name} tidak dikenal{hint}."
    if isinstance(exc, click.MissingParameter):
        return f"{_parameter(exc.param)} wajib diisi."
    if isinstance(exc, click.BadParameter):
        return f"nilai {_parameter(exc.param)} tidak sah: {_path_message(exc.message)}"
    if isinstance(exc, click.BadOptionUsage):
        if "requires an argument" in exc.message or "requires" in exc.message:
            return f"opsi {exc.option_name} perlu diberi nilai."
        return f"opsi {exc.option_name} dipakai dengan salah."
    if isinstance(exc, click.UsageError):
        message = exc.message
        if found := re.match(r"No such command '(.*)'", message):
            known = ", ".join(sorted(main.commands))
            return f"perintah '{found.group(1)}' tidak dikenal; pilihan: {known}."
        if found := re.match(r"Got unexpected extra arguments? \((.*)\)", message):
            return f"argumen berlebih: {found.group(1)}."
        return f"perintah tidak dapat dipahami ({message})."
    return exc.format_message()


class Cli(click.Group):
    """The command group, with every error in Indonesian and no bare traceback."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        # openpyxl warns in English about what it drops or cannot read (a date serial out of range becomes an
        # error value, an unsupported extension); our own checks report the cells that matter, in Indonesian.
        warnings.filterwarnings("ignore", module="openpyxl")
        console_proof()
        hook, sys.unraisablehook = sys.unraisablehook, _quiet  # restored after: the tests run many commands
        code = 1
        try:
            with signals_cancel():
                code = self._guarded(args, prog_name, complete_var, **extra)
        finally:
            gc.collect()  # what failed is finalised now, under the quiet hook
            if not _cancelled(code):
                sys.unraisablehook = hook
        # after a signal the quiet hook stays to the end: the executor's exit hook may still write to the pipe of
        # a pool the signal already shut down, which Python reports as "Exception ignored ..." with a traceback
        sys.exit(code)

    def _guarded(self, args, prog_name, complete_var, **extra) -> int:
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            click.echo(f"Galat: {indonesian(exc)}", err=True)
            if isinstance(exc, click.UsageError):
                path = exc.ctx.command_path if exc.ctx else "python generate.py"
                click.echo(f"Lihat bantuan: {path} --help", err=True)
            return exc.exit_code
        except (click.Abort, KeyboardInterrupt) as exc:
            cause = exc if isinstance(exc, KeyboardInterrupt) else exc.__cause__ or exc.__context__
            signum = cause.signum if isinstance(cause, Cancelled) else signal.SIGINT
            how = "Ctrl+C" if signum == signal.SIGINT else f"sinyal {signal.Signals(signum).name}"
            click.echo(f"Dibatalkan ({how}). {CANCELLED}", err=True)
            return 128 + signum  # the shell's code for a run ended by that signal (130 for Ctrl+C)
        except Exception as exc:  # noqa: BLE001 - a bug: one line and a log file, never a bare traceback
            refused = os_error_of(exc)  # or the system refused (disk full, file too large, no permission)
            click.echo(f"GAGAL: {describe_os_error(refused)}." if refused else f"GAGAL. {crash_line(exc)}", err=True)
            return 1
        return code if isinstance(code, int) else 0


CANCELLED = ("Setiap folder hasil berisi satu set dokumen yang utuh, tidak campuran: yang baru bila buku kerjanya "
             "sudah selesai, selain itu yang sebelumnya.")


def _cancelled(code: object) -> bool:
    return isinstance(code, int) and code - 128 in STOP_SIGNALS


def _quiet(unraisable) -> None:
    """An error Python cannot raise, in a finaliser: a library object collected after its file failed (openpyxl's
    sheet writer on a full disk) would print "Exception ignored in ..." with a traceback, beside the failure the
    run has already reported in Indonesian."""


def console_proof() -> None:
    """A console or a redirected output that cannot hold a character (cp1252 on Windows, for a workbook name in
    Chinese, an emoji, '№') shows it as \\uXXXX instead of stopping the run with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError, TypeError):
                reconfigure(errors="backslashreplace")


class Year(click.ParamType):
    name = "TAHUN"

    def convert(self, value, param, ctx):
        if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
            return value
        text = str(value).strip()
        if not (text.isascii() and text.isdigit() and len(text) == 4 and text[0] != "0"):
            self.fail(f"'{value}' bukan tahun; tulis empat angka, misalnya 2025.", param, ctx)
        return int(text)


YEAR = Year()


class Jobs(click.ParamType):
    name = "JUMLAH"

    def convert(self, value, param, ctx):
        text = str(value).strip()
        if not (text.isascii() and text.isdigit() and int(text) >= 1):
            self.fail(f"'{value}' bukan jumlah proses; tulis bilangan bulat 1 atau lebih, misalnya 2.", param, ctx)
        return int(text)


JOBS = Jobs()


def _catalogues():
    try:
        return catalogue_mod.load_all()
    except InputError as exc:
        raise click.ClickException(exc.describe()) from None


def _warn(lines) -> None:
    for line in lines:
        click.echo(f"  Peringatan: {line}")


def _build_all(paths: list[Path], output: Path, year: int | None, pdf: bool = False,
               skipped: tuple[str, ...] = (), quiet: bool = False, jobs: int | None = None) -> None:
    catalogues = _catalogues()
    failed = batch_cli.build_all(paths, output, catalogues, year, pdf, quiet, jobs,
                                 after=lambda: None if quiet else _list_skipped(skipped))
    if failed:
        raise SystemExit(1)


PDF_HELP = "Tulis juga PDF dari setiap .docx (perlu LibreOffice)."
QUIET_HELP = "Tampilkan hanya kesalahan dan baris ringkasan terakhir."
JOBS_HELP = "Jumlah proses yang bekerja bersamaan (bawaan: jumlah inti prosesor)."


SKIP_REASONS = {
    ".xlsm": "buku kerja bermakro (.xlsm); simpan ulang sebagai 'Excel Workbook (*.xlsx)'",
    ".xls": "format .xls lama; simpan ulang sebagai .xlsx",
    ".csv": "file CSV, bukan buku kerja; pakai buku kerja standar .xlsx (python generate.py template)",
    ".ods": "format OpenDocument; simpan ulang sebagai .xlsx",
}


def _skip_reason(path: Path) -> str | None:
    if (why := not_regular(path)) is not None:  # a pipe or a device is never opened: reading it would not end
        return why
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return None
    return SKIP_REASONS.get(suffix, "bukan buku kerja .xlsx")


def _list_skipped(skipped: tuple[str, ...]) -> None:
    if skipped:
        click.echo(f"Dilewati: {len(skipped)} file di {INPUT_DIR}:")
        for line in skipped:
            click.echo(f"  - {line}")


@click.group(cls=Cli, invoke_without_command=True)
@click.option("--pdf", is_flag=True, help=PDF_HELP)
@click.option("--quiet", "-q", is_flag=True, help=QUIET_HELP)
@click.pass_context
def main(ctx: click.Context, pdf: bool, quiet: bool) -> None:
    """Membuat dokumen kinerja (IKU, LKjIP, Perjanjian Kinerja, pengukuran) dari buku kerja realisasi.

    Tanpa perintah: memproses setiap buku kerja .xlsx di folder input/ ke folder output/.
    """
    if ctx.invoked_subcommand is not None:
        return
    # Hidden files (.gitkeep, .DS_Store), folders and the owner file Excel keeps beside an open workbook (~$...)
    # are not the staff's workbooks: passed over in silence. Anything else that is not an .xlsx is named with the
    # reason, so that no workbook is ignored unseen.
    entries = sorted(p for p in INPUT_DIR.glob("*") if not p.name.startswith(".") and not reader.is_lock_file(p)
                     and not p.is_dir())
    skipped = tuple(f"{p.name}: {_skip_reason(p)}" for p in entries if _skip_reason(p))
    paths = [p for p in entries if not _skip_reason(p)]
    if not paths:
        _list_skipped(skipped)
        raise click.ClickException(f"Tidak ada buku kerja .xlsx di {INPUT_DIR}. "
                                   "Buat dengan: python generate.py template input/NAMA.xlsx")
    _build_all(paths, OUTPUT_DIR, None, pdf, skipped, quiet)


@main.command()
@click.argument("workbooks", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--year", type=YEAR, help="Tahun laporan (menggantikan isian Identitas).")
@click.option("--output", type=click.Path(path_type=Path, file_okay=False), default=OUTPUT_DIR,
              show_default=True, help="Folder hasil.")
@click.option("--pdf", is_flag=True, help=PDF_HELP)
@click.option("--quiet", "-q", is_flag=True, help=QUIET_HELP)
@click.option("--jobs", "-j", type=JOBS, default=None, help=JOBS_HELP)
@click.pass_context
def build(ctx: click.Context, workbooks: tuple[Path, ...], year: int | None, output: Path, pdf: bool, quiet: bool,
          jobs: int | None) -> None:
    """Membuat dokumen dari buku kerja yang disebut (beberapa buku kerja: bersamaan, satu proses per inti)."""
    quiet = quiet or bool(ctx.find_root().params.get("quiet"))
    _build_all(list(workbooks), output, year, pdf or bool(ctx.find_root().params.get("pdf")), (), quiet, jobs)


@main.command()
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option("--year", type=YEAR, help="Tahun laporan (menggantikan isian Identitas).")
def check(workbook: Path, year: int | None) -> None:
    """Memeriksa buku kerja saja, tanpa menulis dokumen."""
    try:
        results = pipeline.check(workbook, _catalogues(), year)
    except InputError as exc:
        raise click.ClickException(exc.describe()) from None
    click.echo(f"{workbook.name}: buku kerja sah ({results.catalogue.office.name}, tahun {results.report_year}, "
               f"periode Renstra {catalogue_mod.period_text(results.catalogue)}).")
    _warn(results.warnings)
    _warn(writer.restore(pipeline.output_folder(results, OUTPUT_DIR)))  # a swap a killed run left, finished


class Period(click.ParamType):
    name = "AWAL-AKHIR"

    def convert(self, value, param, ctx):
        found = catalogue_mod.parse_period(value)
        if found is None or found[0] > found[1]:
            self.fail(f"'{value}' bukan periode; tulis tahun awal dan akhir, misalnya 2025-2029.", param, ctx)
        return found


@main.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--office", default=None, help="Kode kantor di iku/offices/ (bawaan: satu-satunya yang ada).")
@click.option("--year", type=YEAR, help="Tahun laporan yang diisikan.")
@click.option("--period", type=Period(), default=None,
              help="Periode Renstra, misalnya 2025-2029 (wajib bila tahunnya masuk dua periode kantor).")
@click.option("--from", "previous", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Buku kerja tahun lalu: identitas, target, realisasi dan riwayat dibawa ke buku kerja baru.")
def template(path: Path, office: str | None, year: int | None, period: tuple[int, int] | None,
             previous: Path | None) -> None:
    """Menulis buku kerja standar ke PATH (kosong, atau diisi dari buku kerja tahun lalu dengan --from)."""
    catalogues = _catalogues()
    try:
        chosen, report_year = workbook_period.choose(catalogues, office, year, period, dt.date.today())
    except InputError as exc:
        raise click.ClickException(exc.describe()) from None
    if path.suffix.lower() != ".xlsx":
        raise click.ClickException("Nama file buku kerja harus berakhiran .xlsx")
    if path.exists():
        raise click.ClickException(f"{path} sudah ada; pilih nama lain agar isinya tidak tertimpa.")
    if previous is None:
        write_atomic(path, workbook_template.to_bytes(workbook_template.build(chosen, report_year)))
        click.echo(f"Buku kerja standar ditulis: {path} ({chosen.office.name}, tahun {report_year}, periode "
                   f"Renstra {catalogue_mod.period_text(chosen)})")
        return
    try:
        carried = carry_forward.carry(previous, path, chosen, report_year, catalogues)
    except InputError as exc:
        raise click.ClickException(exc.describe()) from None
    write_atomic(path, workbook_template.to_bytes(carried.workbook))
    click.echo(f"Buku kerja ditulis: {path} ({chosen.office.name}, tahun {report_year}, periode Renstra "
               f"{catalogue_mod.period_text(chosen)}), diisi dari {previous.name}:")
    for line in carried.summary:
        click.echo(f"  {line}")


main.add_command(office_command)
