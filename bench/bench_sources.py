"""Read and compute the big data sheets: 100,000 service requests and 10,000 survey answers.

Not a test. Builds the standard workbook with those rows (in a temporary folder), then times, each in a fresh
child process so that peak memory is its own:
- calamine: a bare python-calamine read of the two sheets (the floor the issue measures against);
- openpyxl-ro: the same sheets through openpyxl's read-only mode (what we would use without calamine);
- iku: iku.read.reader.read of the whole workbook plus validation and computing of the two sources.
Prints the median of N rounds (7 by default: three let one busy moment of a shared machine move the ratio by
0,2), each running the three once in turn (imports timed apart: paid once per run,
for one workbook or a kabupaten's) and the peak resident memory of each (Linux: /proc/self/status). About one
request in ten is late, as in a real register.

Run: python bench/bench_sources.py [--services 100000] [--survey 10000] [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
mode, path = sys.argv[1], Path(sys.argv[2])
SHEETS = ("Pelayanan", "SKM")
begin = time.perf_counter()
if mode == "calamine":
    from python_calamine import CalamineWorkbook
elif mode == "openpyxl-ro":
    from openpyxl import load_workbook
else:
    import datetime as dt
    import holidays.countries  # noqa: F401  (the calendar's data: an import, counted with the imports)
    from iku import catalogue
    from iku.read import reader
    from iku.sources import pelayanan, skm
    sys.path.insert(0, {tests!r})
    from source_helpers import report_for
imported = time.perf_counter()
if mode == "calamine":
    book = CalamineWorkbook.from_path(str(path))
    rows = sum(len(book.get_sheet_by_name(s).to_python()) for s in SHEETS)
elif mode == "openpyxl-ro":
    book = load_workbook(path, read_only=True, data_only=True)
    rows = sum(sum(1 for _ in book[s].iter_rows(values_only=True)) for s in SHEETS)
else:
    cat = catalogue.load(catalogue.OFFICES_DIR / "mantup_2021-2026.toml")
    raw = reader.read(path)
    problems, warnings = [], []
    report = report_for(2025, signed=dt.date(2026, 1, 30), population=5000)
    for module in (pelayanan, skm):
        data = module.read(raw, cat, problems, warnings)
        assert not problems, problems[:3]
        module.evaluate(data, cat, report)
    rows = sum(len(raw.tables[s].rows) for s in SHEETS)
seconds = time.perf_counter() - imported
# VmHWM: this process's own peak (ru_maxrss would carry over the parent's peak across fork and exec).
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")) / 1024
print(f"{{seconds:.3f}} {{imported - begin:.3f}} {{peak:.0f}} {{rows}}")
"""

def build(path: Path, services: int, survey: int) -> None:
    from openpyxl import load_workbook

    from iku import catalogue
    from iku import layout as L
    from iku.workbook import template as workbook_template

    rng = random.Random(7)
    cat = catalogue.load(catalogue.OFFICES_DIR / "mantup_2021-2026.toml")
    wb = workbook_template.build(cat, 2025)
    kinds = [("Legalisasi Dokumen", 0), ("Surat Keterangan Tidak Mampu", 1), ("Surat Keterangan Ahli Waris", 3),
             ("Rekomendasi Izin Usaha Mikro", 5)]
    standards = wb[L.SHEET_STANDARDS]
    for i, (kind, days) in enumerate(kinds, start=L.DATA_HEADER_ROW + 1):
        standards.cell(row=i, column=1, value=kind)
        standards.cell(row=i, column=2, value=days)
    first = dt.date(2025, 1, 2)
    ws = wb[L.SHEET_SERVICES]
    for i in range(services):
        received = first + dt.timedelta(days=rng.randint(0, 355))
        row = L.DATA_HEADER_ROW + 1 + i
        ws.cell(row=row, column=1, value=f"{i + 1:06d}/PL/2025")
        ws.cell(row=row, column=2, value=kinds[i % len(kinds)][0])
        ws.cell(row=row, column=3, value=received).number_format = "DD/MM/YYYY"
        standard = kinds[i % len(kinds)][1]
        taken = rng.randint(0, standard) if rng.random() < 0.9 else standard + rng.randint(1, 5)  # ~1 in 10 late
        ws.cell(row=row, column=4, value=received + dt.timedelta(days=taken)).number_format = "DD/MM/YYYY"
    ws = wb[L.SHEET_SKM]
    for i in range(survey):
        row = L.DATA_HEADER_ROW + 1 + i
        ws.cell(row=row, column=1, value=first + dt.timedelta(days=rng.randint(0, 355))).number_format = "DD/MM/YYYY"
        ws.cell(row=row, column=2, value=1 if i % 2 else 5)
        for c in range(9):
            ws.cell(row=row, column=3 + c, value=rng.choice((2, 3, 3, 4, 4)))
    wb.save(path)
    load_workbook(path, read_only=True).close()  # fail here, not in the timed children, if the file is bad


MODES = ("calamine", "openpyxl-ro", "iku")


def run(mode: str, path: Path) -> tuple[float, float, float]:
    code = CHILD.format(root=str(ROOT), tests=str(ROOT / "tests"))
    out = subprocess.run([sys.executable, "-c", code, mode, str(path)], capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"{mode} failed:\n{out.stderr}")
    seconds, imports, peak, _rows = out.stdout.split()
    return float(seconds), float(imports), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--survey", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "besar.xlsx"
        build(path, args.services, args.survey)
        print(f"buku kerja: {args.services:,} permohonan layanan, {args.survey:,} jawaban SKM, "
              f"{path.stat().st_size / 1e6:.1f} MB")
        results = {}
        # Rounds of one run of each mode, so that a busy moment of the machine slows all three alike.
        rounds = [{mode: run(mode, path) for mode in MODES} for _ in range(args.runs)]
        for mode in MODES:
            runs = [r[mode] for r in rounds]
            seconds = statistics.median(r[0] for r in runs)
            imports = statistics.median(r[1] for r in runs)
            peak = max(r[2] for r in runs)
            results[mode] = seconds
            print(f"{mode:12s} median {seconds:6.2f} s (+ impor {imports:4.2f} s)   puncak memori {peak:5.0f} MB")
        # The ratio of each round (the three modes run side by side), then their median: a busy moment of the
        # machine slows one round, not the figure.
        ratio = statistics.median(r["iku"][0] / r["calamine"][0] for r in rounds)
        print(f"iku / calamine = {ratio:.2f} (median {args.runs} putaran; tujuan: <= 1,5)")


if __name__ == "__main__":
    main()
