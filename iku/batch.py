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

import multiprocessing
import os
import stat
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from iku import catalogue as catalogue_mod
from iku import errors, pipeline
from iku import layout as L
from iku.check import validate
from iku.check.cells import norm
from iku.errors import FATAL, InputError, crash_line, os_error_of
from iku.model import Catalogue, Results
from iku.read import reader
from iku.render.pdf import PdfError
from iku.writer import OutputError, describe_os_error


@dataclass(frozen=True)
class Key:
    """What a workbook is for: one office, one year, sample or official (its output folder)."""

    code: str
    office: str
    year: int
    is_sample: bool
    period: str = field(default="", compare=False)  # the Renstra period, e.g. "2021-2026"

    @property
    def folder(self) -> pipeline.FolderKey:
        """What names its output folder (pipeline.output_folder): two workbooks with one are twins."""
        return (self.code, self.year, self.is_sample)


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
    errors.worker_signals()


def identify(path: Path, catalogues: list[Catalogue] | None = None, year: int | None = None) -> Key | None:
    """Office, year, status and period as the build will find them: the build's own read (iku/read/reader.py,
    bounded and guarded) and its own rules for the Identitas labels, the catalogue and the Renstra period
    (iku/check/validate.py). None when they cannot be resolved: the build then fails on the same cells, and
    says why."""
    catalogues = _CATALOGUES if catalogues is None else catalogues
    try:
        raw = reader.read(path)
        if L.SHEET_IDENTITY not in raw.sheets:
            return None
        problems: list = []
        labels = validate._identity_cells(raw, problems)
        office_cell = labels.get(norm(L.ID_OFFICE))
        candidates = catalogue_mod.of_office(str(office_cell.value or ""), catalogues) if office_cell else []
        chosen = validate.period_catalogue(raw, labels, candidates, problems) if candidates else None
        identity = validate._identity(labels, chosen, year, problems) if chosen else None
    except FATAL:
        raise
    except BaseException:  # noqa: BLE001 - unreadable here (a panic too) means: leave it to the build, which says why
        return None
    if chosen is None or identity is None:
        return None
    return Key(chosen.office.code, chosen.office.name, identity.report_year, identity.is_sample,
               catalogue_mod.period_text(chosen))


FILE_KINDS = ((stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "pipa bernama (FIFO)"), (stat.S_ISSOCK, "soket"),
              (stat.S_ISCHR, "perangkat karakter"), (stat.S_ISBLK, "perangkat blok"))


def not_regular(path: Path) -> str | None:
    """What a path is when it is not an ordinary file (a pipe, a device, a socket, a folder), told from os.stat
    alone: such a file is never opened (reading a pipe or /dev/zero would never end). None for a regular file, and
    for a path that cannot be looked at (the build says why)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in FILE_KINDS if test(mode)), "berkas khusus")
    via = f" (tautan ke {os.path.realpath(path)})" if os.path.islink(path) else ""
    return f"bukan file biasa melainkan {kind}{via}; dilewati tanpa dibaca"


def distinct(paths: list[Path]) -> tuple[list[Path], dict[Path, Path]]:
    """The paths naming different files, in order; and each path dropped -> the one kept for the same file (a
    symlink, a hard link, './x.xlsx' beside 'x.xlsx', a relative and an absolute name): one file is built once."""
    kept: list[Path] = []
    dropped: dict[Path, Path] = {}
    seen: dict[object, Path] = {}
    for path in paths:
        try:
            info = os.stat(path)
            identity: object = (info.st_dev, info.st_ino) if info.st_ino else os.path.realpath(path)
        except (OSError, ValueError):  # a missing file: the build says so, once per name
            identity = os.path.normcase(os.path.abspath(path))
        if identity in seen:
            if path != seen[identity]:
                dropped[path] = seen[identity]
            continue
        seen[identity] = path
        kept.append(path)
    return kept, dropped


def duplicates(keys: dict[Path, Key | None]) -> dict[Path, str]:
    """Workbooks for one output folder (office, year and status): an error for each, naming all of them."""
    groups: dict[pipeline.FolderKey, list[Path]] = {}
    for path, key in keys.items():
        if key is not None:
            groups.setdefault(key.folder, []).append(path)
    found = {}
    for paths in groups.values():
        if len(paths) > 1:
            key = keys[paths[0]]
            assert key is not None
            names = ", ".join(p.name for p in paths[:-1]) + f" dan {paths[-1].name}"
            sample = " (CONTOH)" if key.is_sample else ""
            period = f", periode Renstra {key.period}" if key.period else ""
            message = (f"GAGAL, tidak ada dokumen yang ditulis: {names} sama-sama buku kerja {key.office} tahun "
                       f"{key.year}{sample}{period}. Tidak satu pun diproses, agar dokumen yang satu tidak menimpa "
                       "yang lain; pindahkan yang bukan versi terakhir dari folder masukan, lalu jalankan lagi.")
            found.update({path: message for path in paths})
    return found


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
    if (refused := os_error_of(exc)) is not None:  # by the system (disk full, file too large): not a bug
        return (f"GAGAL, tidak ada dokumen yang diubah: {describe_os_error(refused)}. Folder hasilnya tetap seperti "
                "sebelumnya.", 1)
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


Claims = dict[pipeline.FolderKey, Path]  # the output folders the run's quick look gave out, and to whom


def build_one(path: Path, output: Path, year: int | None, claims: Claims | None = None) -> Summary:
    try:
        outcome = pipeline.build(path, output, _CATALOGUES, year, claims=claims)
    except FATAL:
        raise
    except BaseException as exc:  # noqa: BLE001 - a bug (or a panic) on one workbook must not stop the others
        return summarise(path, exc)
    return summarise(path, outcome)


def build_share(paths: list[Path], output: Path, year: int | None, pdf: bool,
                claims: Claims | None = None) -> list[Summary]:
    outcomes = pipeline.build_many(paths, output, _CATALOGUES, year, pdf=pdf, claims=claims)
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
STOP_WAIT = 20.0  # seconds a stopped worker has to unwind (remove its staging folder, end LibreOffice)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Ctrl+C or SIGTERM in the parent: no task not yet started is started; each worker gets SIGTERM, unwinds the
    workbook in hand (errors.run_task) and leaves; one that does not within STOP_WAIT is killed."""
    processes = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(STOP_WAIT)
        if process.is_alive():
            process.kill()
            process.join()


def _pooled(calls: list[Call], workers: int, catalogues: list[Catalogue]) -> Iterator[tuple[int, object]]:
    """(index of the call, its result or the exception it raised) as each finishes; BrokenProcessPool for each
    call left unfinished when a worker died (the caller runs those again with _alone)."""
    pool = _pool(workers, catalogues)
    try:
        futures = {pool.submit(errors.run_task, fn, *args): index for index, (fn, args) in enumerate(calls)}
        for future in as_completed(futures):
            exc = future.exception()
            if isinstance(exc, FATAL):
                raise exc
            yield futures[future], future.result() if exc is None else exc
    except BaseException:  # Ctrl+C, SIGTERM (also while the caller holds a result: GeneratorExit)
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _alone(calls: list[Call], catalogues: list[Catalogue]) -> Iterator[tuple[int, object]]:
    """Like _pooled, one call at a time in a single worker, a fresh one after each death: a call that kills it
    gives WorkerDied, and it alone was at fault (not a neighbour, not the memory the other workers took)."""
    pool = None
    try:
        for index, (fn, args) in enumerate(calls):
            if pool is None:
                pool = _pool(1, catalogues)
            future = pool.submit(errors.run_task, fn, *args)
            exc = future.exception()
            if isinstance(exc, BrokenProcessPool):
                pool.shutdown(wait=True)
                pool, exc = None, WorkerDied()
            elif isinstance(exc, FATAL):
                raise exc
            yield index, future.result() if exc is None else exc
    except BaseException:
        if pool is not None:
            _stop(pool)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True)


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
    """Build every workbook; the summaries in the order of `paths`. `done` is called as each one finishes.
    What is not a regular file is refused before anything opens it; with more than one workbook, twins (one output
    folder) are refused before any is built, and each build checks it writes only the folder it was given."""
    _init_parent(catalogues)
    original = list(paths)
    finished: dict[Path, Summary] = {}
    keys: dict[Path, Key | None] = {}

    def record(summary: Summary) -> None:
        if summary.key is None and keys.get(summary.source):  # a failed build still shows what it was for
            summary = replace(summary, key=keys[summary.source])
        finished[summary.source] = summary
        done(summary)

    for path in paths:
        if (why := not_regular(path)) is not None:
            record(Summary(path, error=f"GAGAL, tidak ada dokumen yang ditulis: {path.name} {why}. Pakai "
                                      "file buku kerja .xlsx yang disimpan dari Excel.", problems=1))
    paths = [path for path in paths if path not in finished]
    workers = workers_for(len(paths), jobs)
    claims: Claims | None = None
    if len(paths) > 1:
        if workers == 1:
            keys.update({path: identify(path, year=year) for path in paths})
        else:
            calls: list[Call] = [(identify, (path, None, year)) for path in paths]
            for index, outcome in _surviving(calls, workers, catalogues):
                keys[paths[index]] = None if isinstance(outcome, BaseException) else outcome
        keys = {path: keys.get(path) for path in paths}  # in the order given, whichever look ended first
        paths = _without_duplicates(paths, keys, record)
        claims = {key.folder: path for path, key in keys.items() if key is not None and path in paths}
    if workers == 1:
        _serial(paths, output, year, pdf, claims, record)
    else:
        _parallel(paths, output, year, pdf, workers_for(len(paths), workers), catalogues, claims, record)
    return [finished[path] for path in original]


def _init_parent(catalogues: list[Catalogue]) -> None:
    global _CATALOGUES
    _CATALOGUES = catalogues


def _without_duplicates(paths: list[Path], keys: dict[Path, Key | None], record) -> list[Path]:
    twice = duplicates(keys)
    for path in paths:
        if path in twice:
            record(Summary(path, key=keys[path], error=twice[path]))
    return [path for path in paths if path not in twice]


def _serial(paths: list[Path], output: Path, year: int | None, pdf: bool, claims: Claims | None, record) -> None:
    if pdf:
        for summary in build_share(paths, output, year, pdf, claims):
            record(summary)
        return
    for path in paths:
        record(build_one(path, output, year, claims))


def _parallel(paths: list[Path], output: Path, year: int | None, pdf: bool, workers: int,
              catalogues: list[Catalogue], claims: Claims | None, record) -> None:
    if pdf:  # one share per worker: two LibreOffice starts each
        shares = [share for share in (paths[i::workers] for i in range(workers)) if share]
        calls: list[Call] = [(build_share, (share, output, year, pdf, claims)) for share in shares]
    else:  # one workbook per task: the faster worker takes more
        shares = [[path] for path in paths]
        calls = [(build_one, (path, output, year, claims)) for path in paths]
    lost = set()
    for index, outcome in _pooled(calls, workers, catalogues):
        if isinstance(outcome, BrokenProcessPool):
            lost.update(shares[index])
        else:
            _record(shares[index], outcome, record)
    again = [path for path in paths if path in lost]  # alone, so one at a time even with --pdf
    calls = [(build_share, ([path], output, year, pdf, claims)) if pdf else (build_one, (path, output, year, claims))
             for path in again]
    for index, outcome in _alone(calls, catalogues):
        _record([again[index]], outcome, record)


def _record(paths: list[Path], outcome: object, record) -> None:
    if isinstance(outcome, BaseException):  # the task itself failed, outside the per-workbook guard
        outcome = [summarise(path, outcome) for path in paths]
    for summary in outcome if isinstance(outcome, list) else [outcome]:
        record(summary)
