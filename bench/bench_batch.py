"""Time a kabupaten run: N copies of the sample workbook, each for its own office, serial and in parallel.

Not a test. In a temporary folder: N office catalogues copied from iku/offices/mantup_2021-2026.toml under other
codes and names (k01 ... kNN, "Kecamatan Uji 01" ...; the figures stay the sample's CONTOH figures), N copies of the
sample workbook each naming one of them, then the same build twice in a fresh child process: one worker (serial) and
one worker per core. Prints both wall times, their ratio, the peak memory of each worker, and with --pdf the
number of LibreOffice starts. The repository's input/, output/ and iku/offices/ are not touched. POSIX only.

    python bench/bench_batch.py [--count 27] [--pdf]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
MANTUP = ROOT / "iku" / "offices" / "mantup_2021-2026.toml"


def offices(folder: Path, count: int) -> list[str]:
    """N catalogues like Mantup's under other codes and names; returns the names."""
    folder.mkdir(parents=True)
    text = MANTUP.read_text(encoding="utf-8")
    names = []
    for number in range(1, count + 1):
        name = f"Kecamatan Uji {number:02d}"
        copy = text.replace('kode = "mantup"', f'kode = "k{number:02d}"', 1)
        copy = copy.replace('nama = "Kecamatan Mantup"', f'nama = "{name}"', 1)
        (folder / f"k{number:02d}.toml").write_text(copy, encoding="utf-8")
        names.append(name)
    return names


def workbooks(folder: Path, names: list[str]) -> list[Path]:
    from openpyxl import load_workbook

    folder.mkdir(parents=True)
    paths = []
    for name in names:
        wb = load_workbook(SAMPLE)
        wb["Identitas"]["B2"] = name
        path = folder / f"CONTOH_Realisasi_{name.replace(' ', '_')}_2025.xlsx"
        wb.save(path)
        paths.append(path)
    return paths


def counting_soffice(folder: Path) -> Path:
    """A soffice that notes each start in a file, then runs the real one."""
    from iku.render import pdf

    real = pdf.find_soffice()
    if real is None:
        raise SystemExit("LibreOffice tidak terpasang; jalankan tanpa --pdf.")
    folder.mkdir(parents=True)
    script = folder / "soffice"
    script.write_text(f'#!/bin/sh\necho start >> "{folder / "starts"}"\nexec "{real}" "$@"\n')
    script.chmod(0o755)
    return script


def child(args: argparse.Namespace) -> None:
    """One measured run, in a fresh process: imports, catalogues and the whole batch."""
    from iku import batch, catalogue

    catalogue.OFFICES_DIR = Path(args.offices)
    if args.soffice:
        from iku.render import pdf

        pdf.find_soffice = lambda: args.soffice
    paths = sorted(Path(args.inbox).glob("*.xlsx"))
    summaries = batch.run(paths, Path(args.output), catalogue.load_all(), pdf=args.pdf, jobs=args.jobs)
    failed = [s.source.name + ": " + s.error for s in summaries if not s.ok]
    peaks: dict[int, int] = {}
    for s in summaries:
        peaks[s.worker] = max(peaks.get(s.worker, 0), s.peak_rss_kb)
    print(json.dumps({"failed": failed, "peaks_mib": sorted(round(kb / 1024) for kb in peaks.values())}))


def measure(scratch: Path, inbox: Path, office_dir: Path, jobs: int | None, pdf: bool, label: str) -> dict:
    output = scratch / f"hasil-{label}"
    command = [sys.executable, __file__, "--child", "--inbox", str(inbox), "--offices", str(office_dir),
               "--output", str(output)] + (["--jobs", str(jobs)] if jobs else [])
    soffice = None
    if pdf:
        soffice = counting_soffice(scratch / f"lo-{label}")
        command += ["--pdf", "--soffice", str(soffice)]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{label} gagal:\n{done.stderr[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["failed"]:
        raise SystemExit(f"{label}: buku kerja gagal: {result['failed'][:3]}")
    result["seconds"] = seconds
    if soffice is not None:
        starts = soffice.parent / "starts"
        result["soffice"] = len(starts.read_text().splitlines()) if starts.exists() else 0
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Mengukur pembuatan dokumen banyak kecamatan: serial dan paralel.")
    parser.add_argument("--count", type=int, default=27, help="jumlah buku kerja (bawaan: 27)")
    parser.add_argument("--pdf", action="store_true", help="tulis juga PDF (perlu LibreOffice)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    for hidden in ("--inbox", "--offices", "--output", "--soffice"):
        parser.add_argument(hidden, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args)
        return
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="iku-bench-batch-") as tmp:
        scratch = Path(tmp)
        office_dir = scratch / "offices"
        inbox = scratch / "input"
        paths = workbooks(inbox, offices(office_dir, args.count))
        serial = measure(scratch, inbox, office_dir, 1, args.pdf, "serial")
        parallel = measure(scratch, inbox, office_dir, None, args.pdf, "paralel")
    cores = os.cpu_count()
    print(f"{len(paths)} buku kerja{' dengan PDF' if args.pdf else ''}, {cores} inti prosesor")
    print(f"  serial (1 proses):     {serial['seconds']:7.1f} s, memori puncak {serial['peaks_mib']} MiB"
          + (f", LibreOffice dijalankan {serial['soffice']} kali" if args.pdf else ""))
    print(f"  paralel ({len(parallel['peaks_mib'])} proses):   {parallel['seconds']:7.1f} s, memori puncak per proses "
          f"{parallel['peaks_mib']} MiB" + (f", LibreOffice dijalankan {parallel['soffice']} kali" if args.pdf else ""))
    ratio = parallel["seconds"] / serial["seconds"]
    print(f"  rasio paralel/serial:  {ratio:.2f}".replace(".", ",") + " (sasaran: paling banyak 0,6)")


if __name__ == "__main__":
    main()
