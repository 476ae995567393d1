"""Time `python generate.py build` on the sample workbook: median and max wall time, peak memory.

Not a test. Runs the CLI in a child process N times on a copy of the sample workbook in a temporary
folder (the repository's input/ and output/ are not touched). POSIX only (os.wait4).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
GENERATE = ROOT / "generate.py"


@dataclass(frozen=True)
class Run:
    seconds: float
    max_rss_mib: float  # largest resident set of the child or any process it waited for (e.g. soffice)
    returncode: int
    stderr: str  # stdout instead when stderr is empty, so a failure always shows something


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Mengukur waktu dan memori generate.py build pada buku kerja contoh.")
    parser.add_argument("--runs", type=int, default=5, help="jumlah pengulangan (bawaan: 5)")
    parser.add_argument("--pdf", action="store_true", help="teruskan --pdf ke perintah build")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs harus 1 atau lebih")
    return args


def rss_mib(ru_maxrss: int) -> float:
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024  # bytes vs KiB


def run_once(command: list[str], scratch: Path) -> Run:
    with tempfile.TemporaryFile(dir=scratch) as out, tempfile.TemporaryFile(dir=scratch) as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # rusage of this child alone, descendants included
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        message = err.read().decode(errors="replace") or out.read().decode(errors="replace")
        return Run(seconds, rss_mib(usage.ru_maxrss), proc.returncode, message)


def print_table(runs: list[Run], command: list[str]) -> None:
    times = [r.seconds for r in runs]
    print(f"perintah: {' '.join(command)}")
    print(f"{'ulangan':>8} | {'waktu (s)':>9} | {'RSS maks (MiB)':>14}")
    print(f"{'-' * 8}-+-{'-' * 9}-+-{'-' * 14}")
    for number, run in enumerate(runs, 1):
        print(f"{number:>8} | {run.seconds:>9.2f} | {run.max_rss_mib:>14.1f}")
    print(f"{'-' * 8}-+-{'-' * 9}-+-{'-' * 14}")
    print(f"{'median':>8} | {statistics.median(times):>9.2f} |")
    print(f"{'maks':>8} | {max(times):>9.2f} | {max(r.max_rss_mib for r in runs):>14.1f}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="iku-bench-") as tmp:
        scratch = Path(tmp)
        workbook = scratch / SAMPLE.name
        shutil.copyfile(SAMPLE, workbook)
        command = [sys.executable, str(GENERATE), "build", str(workbook), "--output", str(scratch / "out")]
        if args.pdf:
            command.append("--pdf")
        runs = []
        for _ in range(args.runs):
            run = run_once(command, scratch)
            if run.returncode != 0:
                print(f"Perintah gagal (kode keluar {run.returncode}): {' '.join(command)}", file=sys.stderr)
                print(run.stderr, file=sys.stderr, end="")
                return run.returncode if run.returncode > 0 else 1
            runs.append(run)
        print_table(runs, command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
