"""Many workbooks in one run: one process per core, each failure kept to its own workbook.

The workers send back a small Summary per workbook (what the run summary and the kabupaten recap need), never
the rendered documents. With --pdf each worker takes a share of the workbooks and builds them in stages
(pipeline.build_many), so LibreOffice starts twice per worker, not twice per workbook; each worker's soffice
has its own profile (iku/render/pdf.py).

A worker that dies (killed for memory, a crash in a native library) breaks the whole pool: every unfinished
workbook then runs again alone, one at a time in a fresh worker, so that only a workbook that kills its own
worker fails.
"""

from __future__ import annotations

import io
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from iku import catalogue as catalogue_mod
from iku import layout as L
from iku import pipeline
from iku.check.cells import norm
from iku.errors import FATAL, InputError, crash_line
from iku.model import Catalogue, Results
from iku.read import limits, sanity
from iku.render.pdf import PdfError
from iku.writer import OutputError


@dataclass(frozen=True)
class Key:
    """What a workbook is for: one office, one year, sample or official (its output folder)."""

    code: str
    office: str
    year: int
    is_sample: bool


@dataclass(frozen=True)
class RecapRow:
    """One indicator of one office in the report year, as the recap shows it."""

    number: int
    name: str
    level: str  # "tujuan", "sasaran", "program", or "" outside the IKU tables
    unit: str
    is_percent: bool
    is_count: bool
    target: Decimal | None
    realisation: Decimal | None
    capaian: Decimal | None
    band: str | None
    note: str  # the predicate, or why there is no capaian
    is_predicate: bool = False  # target and realisation are predicate ranks (rules.predicate_rank)
    attained: bool | None = None  # a predicate target: met or not; never part of a mean capaian


@dataclass(frozen=True)
class Summary:
    """One workbook's outcome, small and picklable: sent from a worker to the parent."""

    source: Path
    key: Key | None = None
    regency: str = ""
    folder: Path | None = None
    written: tuple[Path, ...] = ()
    titles: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str = ""  # the message, "" when the set was written
    problems: int = 0  # how many errors the message holds
    rows: tuple[RecapRow, ...] = ()
    worker: int = 0  # pid of the process that built it
    peak_rss_kb: int = 0  # that process's peak resident memory so far

    @property
    def ok(self) -> bool:
        return not self.error


class WorkerDied(Exception):
    """The process building a workbook ended without an answer, with the workbook built alone in it."""


_CATALOGUES: list[Catalogue] = []


def _init(catalogues: list[Catalogue]) -> None:
    global _CATALOGUES
    _CATALOGUES = catalogues


def identify(path: Path, catalogues: list[Catalogue] | None = None, year: int | None = None) -> Key | None:
    """Office, year and status from the Identitas sheet alone; None when they cannot be read (the build then
    reports why). Guarded like the full read: size and zip checks before any parser sees the file."""
    catalogues = _CATALOGUES if catalogues is None else catalogues
    try:
        if path.suffix.lower() != ".xlsx" or path.stat().st_size > limits.MAX_FILE_BYTES:
            return None
        content = path.read_bytes()
        sanity.check_archive(path.name, content)
        from python_calamine import CalamineWorkbook

        rows = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_name(L.SHEET_IDENTITY) \
            .to_python(nrows=60)
        labels = {norm(row[0]): row[1] for row in rows if len(row) >= 2}
        found = catalogue_mod.find(str(labels.get(norm(L.ID_OFFICE)) or ""), catalogues)
        report_year = year if year is not None else int(float(str(labels.get(norm(L.ID_YEAR))).strip()))
    except FATAL:
        raise
    except BaseException:  # noqa: BLE001 - unreadable here (a panic too) means: leave it to the build, which says why
        return None
    if found is None:
        return None
    status = str(labels.get(norm(L.ID_STATUS)) or "").strip().upper()
    return Key(found.office.code, found.office.name, report_year, status == L.STATUS_SAMPLE)


def duplicates(keys: dict[Path, Key | None]) -> dict[Path, str]:
    """Workbooks of the same office, year and status: an error for each, naming all of them."""
    groups: dict[Key, list[Path]] = {}
    for path, key in keys.items():
        if key is not None:
            groups.setdefault(key, []).append(path)
    errors = {}
    for key, paths in groups.items():
        if len(paths) > 1:
            names = ", ".join(p.name for p in paths[:-1]) + f" dan {paths[-1].name}"
            sample = " (CONTOH)" if key.is_sample else ""
            message = (f"GAGAL, tidak ada dokumen yang ditulis: {names} sama-sama buku kerja {key.office} tahun "
                       f"{key.year}{sample}. Tidak satu pun diproses, agar dokumen yang satu tidak menimpa yang "
                       "lain; pindahkan yang bukan versi terakhir dari folder masukan, lalu jalankan lagi.")
            errors.update({path: message for path in paths})
    return errors


def _peak_rss_kb() -> int:
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if os.uname().sysname == "Darwin" else peak  # bytes on macOS, KiB on Linux


def _rows(results: Results) -> tuple[RecapRow, ...]:
    return tuple(RecapRow(a.indicator.number, a.indicator.name, a.indicator.level or "", a.indicator.unit,
                          a.indicator.is_percent, a.indicator.is_count, a.target, a.realisation, a.capaian, a.band,
                          a.predicate or a.note, a.indicator.is_predicate, a.attained)
                 for a in results.for_year(results.report_year))


def describe_failure(exc: BaseException) -> tuple[str, int]:
    """The message for a workbook that failed, and how many errors it holds."""
    if isinstance(exc, PdfError):
        return ("GAGAL pada langkah PDF, tidak ada dokumen yang diubah (dokumen sebelumnya tetap utuh): "
                f"{exc}", 1)
    if isinstance(exc, OutputError):
        return f"GAGAL menulis: {exc}", 1
    if isinstance(exc, InputError):
        return f"GAGAL, tidak ada dokumen yang ditulis.\n{exc.describe()}", len(exc.problems)
    if isinstance(exc, WorkerDied):
        return ("GAGAL, tidak ada dokumen yang ditulis: proses yang membuat buku kerja ini berhenti tiba-tiba "
                "(misalnya karena memori komputer habis), juga saat dicoba lagi sendirian. Buku kerja lain tetap "
                "dibuat. Tutup program lain lalu jalankan lagi buku kerja ini saja; bila tetap gagal, kirimkan "
                "buku kerja ini kepada pengelola alat ini.", 1)
    return f"GAGAL. {crash_line(exc)}", 1


def summarise(path: Path, outcome: pipeline.BuildOutcome | BaseException) -> Summary:
    if isinstance(outcome, BaseException):
        error, count = describe_failure(outcome)
        return Summary(path, error=error, problems=count, worker=os.getpid(), peak_rss_kb=_peak_rss_kb())
    results = outcome.results
    office = results.catalogue.office if results is not None else None
    key = Key(office.code, office.name, results.report_year, results.report.identity.is_sample) if office else None
    return Summary(path, key=key, regency=office.regency if office else "", folder=outcome.folder,
                   written=outcome.written, titles=outcome.titles, warnings=outcome.warnings,
                   rows=_rows(results) if results is not None else (), worker=os.getpid(),
                   peak_rss_kb=_peak_rss_kb())


def build_one(path: Path, output: Path, year: int | None) -> Summary:
    try:
        outcome = pipeline.build(path, output, _CATALOGUES, year)
    except FATAL:
        raise
    except BaseException as exc:  # noqa: BLE001 - a bug (or a panic) on one workbook must not stop the others
        return summarise(path, exc)
    return summarise(path, outcome)


def build_share(paths: list[Path], output: Path, year: int | None, pdf: bool) -> list[Summary]:
    outcomes = pipeline.build_many(paths, output, _CATALOGUES, year, pdf=pdf)
    return [summarise(path, outcome) for path, outcome in zip(paths, outcomes, strict=True)]


def workers_for(count: int, jobs: int | None = None) -> int:
    return max(1, min(jobs or os.cpu_count() or 1, count))


def _context():
    # fork where there is one: the workers start at once with everything imported (and, in the tests, with
    # what the test changed); elsewhere spawn, with the catalogues passed to each worker.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _pool(workers: int, catalogues: list[Catalogue]) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init, initargs=(catalogues,))


Call = tuple[Callable, tuple]


def _pooled(calls: list[Call], workers: int, catalogues: list[Catalogue]) -> Iterator[tuple[int, object]]:
    """(index of the call, its result or the exception it raised) as each finishes; BrokenProcessPool for each
    call left unfinished when a worker died (the caller runs those again with _alone)."""
    with _pool(workers, catalogues) as pool:
        try:
            futures = {pool.submit(fn, *args): index for index, (fn, args) in enumerate(calls)}
            for future in as_completed(futures):
                exc = future.exception()
                if isinstance(exc, FATAL):
                    raise exc
                yield futures[future], future.result() if exc is None else exc
        except BaseException:  # Ctrl+C: no workbook not yet started is started now
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _alone(calls: list[Call], catalogues: list[Catalogue]) -> Iterator[tuple[int, object]]:
    """Like _pooled, one call at a time in a single worker, a fresh one after each death: a call that kills it
    gives WorkerDied, and it alone was at fault (not a neighbour, not the memory the other workers took)."""
    pool = None
    try:
        for index, (fn, args) in enumerate(calls):
            if pool is None:
                pool = _pool(1, catalogues)
            future = pool.submit(fn, *args)
            exc = future.exception()
            if isinstance(exc, BrokenProcessPool):
                pool.shutdown(wait=True)
                pool, exc = None, WorkerDied()
            elif isinstance(exc, FATAL):
                raise exc
            yield index, future.result() if exc is None else exc
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _surviving(calls: list[Call], workers: int, catalogues: list[Catalogue]) -> Iterator[tuple[int, object]]:
    """_pooled, then _alone for the calls a dead worker took down with it."""
    lost = []
    for index, outcome in _pooled(calls, workers, catalogues):
        if isinstance(outcome, BrokenProcessPool):
            lost.append(index)
        else:
            yield index, outcome
    lost.sort()
    for index, outcome in _alone([calls[i] for i in lost], catalogues):
        yield lost[index], outcome


def run(paths: list[Path], output: Path, catalogues: list[Catalogue], year: int | None = None, pdf: bool = False,
        jobs: int | None = None, done: Callable[[Summary], None] = lambda summary: None) -> list[Summary]:
    """Build every workbook; the summaries in the order of `paths`. `done` is called as each one finishes."""
    _init(catalogues)
    original = list(paths)
    workers = workers_for(len(paths), jobs)
    finished: dict[Path, Summary] = {}

    keys: dict[Path, Key | None] = {}

    def record(summary: Summary) -> None:
        if summary.key is None and keys.get(summary.source):  # a failed build still shows what it was for
            summary = replace(summary, key=keys[summary.source])
        finished[summary.source] = summary
        done(summary)

    if workers == 1:
        if len(paths) > 1:
            keys.update({path: identify(path, year=year) for path in paths})
            paths = _without_duplicates(paths, keys, record)
        _serial(paths, output, year, pdf, record)
    else:
        calls: list[Call] = [(identify, (path, None, year)) for path in paths]
        for index, outcome in _surviving(calls, workers, catalogues):
            keys[paths[index]] = None if isinstance(outcome, BaseException) else outcome
        todo = _without_duplicates(paths, keys, record)
        _parallel(todo, output, year, pdf, workers_for(len(todo), workers), catalogues, record)
    return [finished[path] for path in original]


def _without_duplicates(paths: list[Path], keys: dict[Path, Key | None], record) -> list[Path]:
    twice = duplicates(keys)
    for path in paths:
        if path in twice:
            record(Summary(path, key=keys[path], error=twice[path]))
    return [path for path in paths if path not in twice]


def _serial(paths: list[Path], output: Path, year: int | None, pdf: bool, record) -> None:
    if pdf:
        for summary in build_share(paths, output, year, pdf):
            record(summary)
        return
    for path in paths:
        record(build_one(path, output, year))


def _parallel(paths: list[Path], output: Path, year: int | None, pdf: bool, workers: int,
              catalogues: list[Catalogue], record) -> None:
    if pdf:  # one share per worker: two LibreOffice starts each
        shares = [share for share in (paths[i::workers] for i in range(workers)) if share]
        calls: list[Call] = [(build_share, (share, output, year, pdf)) for share in shares]
    else:  # one workbook per task: the faster worker takes more
        shares = [[path] for path in paths]
        calls = [(build_one, (path, output, year)) for path in paths]
    lost = set()
    for index, outcome in _pooled(calls, workers, catalogues):
        if isinstance(outcome, BrokenProcessPool):
            lost.update(shares[index])
        else:
            _record(shares[index], outcome, record)
    again = [path for path in paths if path in lost]  # alone, so one at a time even with --pdf
    calls = [(build_share, ([path], output, year, pdf)) if pdf else (build_one, (path, output, year))
             for path in again]
    for index, outcome in _alone(calls, catalogues):
        _record([again[index]], outcome, record)


def _record(paths: list[Path], outcome: object, record) -> None:
    if isinstance(outcome, BaseException):  # the task itself failed, outside the per-workbook guard
        outcome = [summarise(path, outcome) for path in paths]
    for summary in outcome if isinstance(outcome, list) else [outcome]:
        record(summary)
