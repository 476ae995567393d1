"""The full set of the sample against the floor of its own stack, measured side by side in one run.

The floor (issue 9): start Python, import openpyxl, docxtpl and Babel, load the sample workbook, open and save
each template in templates/ once and the workbook once; nothing rendered. The full set is
`generate.py build <sample> --output <tmp>` without PDF. Runs alternate (floor, build, floor, build, ...) so that
a busy machine slows both alike; the goal is a ratio of medians of at most 2,0.

Not a test. POSIX only (os.wait4, via bench_generate.run_once).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_generate import GENERATE, ROOT, SAMPLE, run_once  # noqa: E402

FLOOR = """
import io, sys
from pathlib import Path
import openpyxl, docxtpl, babel.numbers
babel.numbers.format_decimal(1.5, locale="id_ID")
workbook = openpyxl.load_workbook(sys.argv[1])
out = Path(sys.argv[2])
for template in sorted(Path(sys.argv[3]).glob("*.docx")):
    docxtpl.DocxTemplate(template).save(out / template.name)
workbook.save(out / "workbook.xlsx")
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Membandingkan satu set lengkap dengan lantai tumpukannya.")
    parser.add_argument("--runs", type=int, default=7, help="pasangan pengulangan (bawaan: 7)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="iku-floor-") as tmp:
        scratch = Path(tmp)
        workbook = scratch / SAMPLE.name
        shutil.copyfile(SAMPLE, workbook)
        (scratch / "floor").mkdir()
        floor = [sys.executable, "-c", FLOOR, str(workbook), str(scratch / "floor"), str(ROOT / "templates")]
        build = [sys.executable, str(GENERATE), "build", str(workbook), "--output", str(scratch / "out")]
        times: dict[str, list[float]] = {"lantai": [], "set lengkap": []}
        memory: dict[str, float] = {"lantai": 0.0, "set lengkap": 0.0}
        for _ in range(args.runs):
            for name, command in (("lantai", floor), ("set lengkap", build)):
                run = run_once(command, scratch)
                if run.returncode != 0:
                    print(f"Gagal ({name}, kode {run.returncode}):\n{run.stderr}", file=sys.stderr)
                    return 1
                times[name].append(run.seconds)
                memory[name] = max(memory[name], run.max_rss_mib)
        print(f"{'':>12} | {'median (s)':>10} | {'min (s)':>7} | {'RSS maks (MiB)':>14}")
        for name, values in times.items():
            print(f"{name:>12} | {statistics.median(values):>10.2f} | {min(values):>7.2f} | {memory[name]:>14.1f}")
        ratio = statistics.median(times["set lengkap"]) / statistics.median(times["lantai"])
        print(f"rasio median set lengkap / lantai: {ratio:.2f} (sasaran: paling banyak 2,0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
