"""What a build run shows: progress, each workbook's lines, the closing summary, the kabupaten recap."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import click

from iku import batch, writer
from iku.model import Catalogue
from iku.render import recap as render_recap

PROGRESS_LABEL = "Membuat dokumen"


def build_all(paths: list[Path], output: Path, catalogues: list[Catalogue], year: int | None, pdf: bool,
              quiet: bool, jobs: int | None, after: Callable[[], None] = lambda: None) -> int:
    """Build, report, write the recaps; the number of failures (workbooks and recaps)."""
    paths, dropped = batch.distinct(paths)  # the same file named twice (a link, another path) is built once
    if not quiet:
        for again, first in dropped.items():
            click.echo(f"{again} adalah file yang sama dengan {first}: dibuat sekali saja.")
    total = len(paths)
    shown = total > 1 and not quiet
    terminal = shown and _terminal()
    finished = 0

    def done(summary: batch.Summary) -> None:
        nonlocal finished
        finished += 1
        if terminal:
            bar.update(1)
        elif shown:  # a log or a pipe: one line per workbook instead of a bar
            click.echo(f"[{finished}/{total}] {summary.source.name}: {_state(summary)}")

    if terminal:
        with click.progressbar(length=total, label=PROGRESS_LABEL, show_pos=True) as bar:
            summaries = batch.run(paths, output, catalogues, year, pdf, jobs, done)
    else:
        summaries = batch.run(paths, output, catalogues, year, pdf, jobs, done)
    _same_folder(summaries)
    for summary in summaries:
        _details(summary, quiet)
    if shown:
        click.echo("\nRingkasan:")
        for summary in summaries:
            click.echo(f"  - {summary.source.name}: {_line(summary)}")
    recap_failures = _recaps(summaries, output, quiet)
    failed = sum(1 for s in summaries if not s.ok)
    click.echo(f"\nSelesai: {total - failed} buku kerja berhasil, {failed} gagal.")
    after()
    return failed + recap_failures


def _terminal() -> bool:
    return sys.stdout.isatty()


def _state(summary: batch.Summary) -> str:
    if not summary.ok:
        return "GAGAL"
    return f"selesai, {len(summary.written)} dokumen, {len(summary.warnings)} peringatan"


def _line(summary: batch.Summary) -> str:
    what = f"{summary.key.office} tahun {summary.key.year}" if summary.key else "kantor dan tahun tidak terbaca"
    if summary.key and summary.key.is_sample:
        what += " (CONTOH)"
    errors = f"{summary.problems} galat" if summary.problems else "tanpa galat"
    if not summary.ok:
        errors = f"GAGAL, {max(summary.problems, 1)} galat"
    return f"{what}; {len(summary.written)} dokumen ditulis, {len(summary.warnings)} peringatan, {errors}"


def _details(summary: batch.Summary, quiet: bool) -> None:
    if not summary.ok:
        click.echo(f"\n{summary.source.name}", err=True)
        click.echo("  " + summary.error.replace("\n", "\n  "), err=True)
        return
    if quiet:
        return
    click.echo(f"\n{summary.source.name}")
    for title, written in zip(summary.titles, summary.written, strict=False):
        click.echo(f"  Ditulis: {title}: {written}")
    for line in summary.warnings:
        click.echo(f"  Peringatan: {line}")


def _same_folder(summaries: list[batch.Summary]) -> None:
    """Workbooks whose office or year the quick look could not read are not kept apart before the build."""
    seen: dict[Path, batch.Summary] = {}
    for index, summary in enumerate(summaries):
        if summary.ok and summary.folder in seen:
            note = (f"{summary.folder} juga dipakai oleh {seen[summary.folder].source.name}; "
                    "dokumennya tertimpa oleh buku kerja ini.")
            summaries[index] = replace(summary, warnings=(*summary.warnings, note))
        if summary.ok and summary.folder is not None:
            seen[summary.folder] = summary


def recap_name(regency: str, year: int, is_sample: bool) -> str:
    # The kabupaten is free text (an imported catalogue): never a folder separator or a character Windows refuses.
    safe = re.sub(r"[^\w-]+", "_", regency).strip("_") or "Kabupaten"
    return f"{'CONTOH_' if is_sample else ''}Rekap_Kinerja_{safe}_{year}.xlsx"


def _recaps(summaries: list[batch.Summary], output: Path, quiet: bool) -> int:
    """One recap per kabupaten, year and status (CONTOH and RESMI figures are never mixed), when the run built
    workbooks of two or more offices for it and none failed: a recap missing an office would look complete.
    A recap of ours left from an earlier run for a group this run rebuilt is removed when it is not rewritten,
    so that no recap disagrees with the documents beside it."""
    groups: dict[tuple[str, int, bool], dict[str, render_recap.OfficeRecap]] = {}
    for summary in summaries:
        if summary.ok and summary.key is not None:
            group = groups.setdefault((summary.regency, summary.key.year, summary.key.is_sample), {})
            group[summary.key.code] = render_recap.OfficeRecap(summary.key.office, summary.rows)
    failed = [s.source.name for s in summaries if not s.ok]
    failures = 0
    for (regency, year, is_sample), offices in sorted(groups.items()):
        name = recap_name(regency, year, is_sample)
        if failed or len(offices) < 2:
            why = (f"{len(failed)} buku kerja gagal pada proses ini ({', '.join(failed)}); rekap tanpa kecamatannya "
                   "akan tampak lengkap padahal tidak. Perbaiki lalu jalankan lagi semua buku kerja bersama."
                   if failed else "proses ini hanya membuat dokumen satu kecamatan.")
            try:
                removed = writer.remove_owned(output, name)
            except (writer.OutputError, OSError):
                removed = False
            if failed and len(offices) >= 2:
                click.echo(f"\nRekap {name} tidak ditulis: {why}", err=True)
            if removed:
                click.echo(f"\nRekap lama {name} dihapus: angkanya tidak lagi sama dengan dokumen yang baru dibuat "
                           f"({why})", err=True)
            continue
        try:
            with writer.temp_space():  # openpyxl writes its worksheets to TMPDIR first
                content = render_recap.recap_workbook(regency, year, list(offices.values()), is_sample)
            path = writer.write_owned(output, name, content)
        except writer.OutputError as exc:
            failures += 1
            click.echo(f"\nRekap {name} GAGAL ditulis: {exc}", err=True)
            continue
        except OSError as exc:
            failures += 1
            click.echo(f"\nRekap {name} GAGAL ditulis: {writer.describe_os_error(exc)}.", err=True)
            continue
        if not quiet:
            click.echo(f"\nRekap kabupaten ({len(offices)} kecamatan) ditulis: {path}")
    return failures
