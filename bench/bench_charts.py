"""Time the chart step of the sample build alone: what each LKjIP chart costs, inside a real build.

Not a test. Builds the sample workbook N times in this process (the first build pays the imports and is left
out of the median) and adds up the time spent in the chart functions: what each chart shows
(iku/render/charts.py), the organisation chart, and placing them in the document (docx_chart.NativeChart,
org_chart.OrgChart). Also times, in a fresh interpreter, importing the chart modules and whether matplotlib
gets imported at all.

Works on older trees too (PYTHONPATH=/path/to/tree): whatever of these functions exists is timed, so the
matplotlib charts of before and the native charts of now are measured the same way.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
TIMED = {  # module -> functions or "Class.method" whose time is the chart step
    "iku.render.charts": ("indicator_chart", "nrr_chart", "status_chart"),
    "iku.render.org_chart": ("chart",),
    "iku.render.docx_chart": ("NativeChart.__html__",),
}
SPENT = {"seconds": 0.0, "calls": 0}


def _timed(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT["seconds"] += time.perf_counter() - started
            SPENT["calls"] += 1
    return wrapper


def _instrument() -> None:
    for name, attributes in TIMED.items():
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for attribute in attributes:
            owner_name, _, method = attribute.rpartition(".")
            owner = getattr(module, owner_name) if owner_name else module
            if hasattr(owner, method or attribute):
                setattr(owner, method or attribute, _timed(getattr(owner, method or attribute)))
    # OrgChart.__html__ calls org_chart.chart, already timed; lkjip_bab1 of before called org_chart.chart too.


def import_seconds() -> tuple[float, bool]:
    """Seconds to import the LKjIP renderer in a fresh interpreter, and whether matplotlib came with it."""
    code = ("import sys, time; t = time.perf_counter(); import iku.render.lkjip; "
            "print(time.perf_counter() - t, 'matplotlib' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, loaded = done.stdout.split()
    return float(seconds), loaded == "True"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mengukur waktu langkah grafik LKjIP pada buku kerja contoh.")
    parser.add_argument("--runs", type=int, default=6, help="jumlah pembuatan (bawaan: 6; yang pertama tidak "
                                                           "dihitung karena memuat modul)")
    args = parser.parse_args(argv)
    from click.testing import CliRunner

    from iku.cli import main as cli

    _instrument()
    steps, builds = [], []
    with tempfile.TemporaryDirectory(prefix="iku-bench-charts-") as tmp:
        source = Path(tmp) / SAMPLE.name
        shutil.copyfile(SAMPLE, source)
        for n in range(max(2, args.runs)):
            SPENT.update(seconds=0.0, calls=0)
            started = time.perf_counter()
            result = CliRunner().invoke(cli, ["build", str(source), "--output", f"{tmp}/out{n}"])
            if result.exit_code != 0:
                print(result.output, file=sys.stderr)
                return 1
            if n:
                builds.append(time.perf_counter() - started)
                steps.append(SPENT["seconds"])
    seconds, loaded = import_seconds()
    print(f"grafik per build: {SPENT['calls']} panggilan; median {statistics.median(steps) * 1000:.1f} ms "
          f"(min {min(steps) * 1000:.1f}, maks {max(steps) * 1000:.1f}) dari build dalam proses "
          f"median {statistics.median(builds):.2f} s")
    print(f"impor iku.render.lkjip: {seconds:.2f} s; matplotlib ikut dimuat: {'ya' if loaded else 'tidak'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
