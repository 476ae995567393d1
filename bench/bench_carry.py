"""Time `python generate.py template --from` (the sample carried into 2026) beside a blank `template`: median and
max wall time, peak memory.

Not a test. Runs the CLI in a child process N times in a temporary folder; the repository is not touched. POSIX
only (os.wait4).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from bench_generate import GENERATE, SAMPLE, print_table, run_once


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mengukur waktu dan memori template --from pada buku kerja contoh.")
    parser.add_argument("--runs", type=int, default=5, help="jumlah pengulangan (bawaan: 5)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="iku-bench-") as tmp:
        scratch = Path(tmp)
        for label, extra in (("kosong", []), ("--from", ["--from", str(SAMPLE)])):
            runs = []
            for number in range(args.runs):
                target = scratch / f"{label.strip('-')}_{number}.xlsx"
                command = [sys.executable, str(GENERATE), "template", str(target), "--year", "2026", *extra]
                run = run_once(command, scratch)
                if run.returncode != 0:
                    print(run.stderr, file=sys.stderr)
                    return 1
                runs.append(run)
            print(f"\n{label}: median {statistics.median(r.seconds for r in runs):.2f} s")
            print_table(runs, command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
