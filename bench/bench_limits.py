"""Time and peak memory of `generate.py build` on hostile workbooks (issue 8: any input up to 20 MB is built or
rejected within 30 s and 500 MB peak). Not a test: prints the figures.

Builds, in a temporary folder, from the sample workbook: a stray "x" at the last row and column of sheets the tool
reads and of one it does not read, a zip bomb (500 MB of zeros packed small), the same bomb with a header that
claims 1 KB, a file over 20 MB, one with 5,000 parts, and a Pelayanan sheet of 26 columns of numbers just under
and over the cell limit. Each is built in a fresh child process that reports its
own peak resident memory (Linux: /proc/self/status).

Run: python bench/bench_limits.py
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
MB = 1024 * 1024

CHILD = r"""
import atexit, sys
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("PEAK_KB " + line.split()[1] + "\n")
atexit.register(peak)
sys.path.insert(0, sys.argv[1])
from iku.cli import main
main(["build", sys.argv[2], "--output", sys.argv[3]])
"""


def stray(folder: Path, cells: dict[str, str], name: str) -> Path:
    from openpyxl import load_workbook

    wb = load_workbook(SAMPLE)
    for where, coordinate in cells.items():
        ws = wb[where] if where in wb.sheetnames else wb.create_sheet(where)
        ws[coordinate] = "x"
    path = folder / name
    wb.save(path)
    return path


def bomb(folder: Path, name: str, size: int = 500 * MB) -> Path:
    path = folder / name
    path.write_bytes(SAMPLE.read_bytes())
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("xl/media/image1.png")
        info.compress_type, info.file_size = zipfile.ZIP_DEFLATED, size  # known size: plain 32-bit headers
        with archive.open(info, "w") as member:
            zeros = bytes(MB)
            for _ in range(size // MB):
                member.write(zeros)
    return path


def lying(folder: Path, name: str) -> Path:
    path = bomb(folder, name)
    content = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/media/image1.png")
    central = content.rindex(b"PK\x01\x02")
    while not content[central + 46:].startswith(b"xl/media/image1.png"):
        central = content.rindex(b"PK\x01\x02", 0, central)
    small = struct.pack("<I", 1024)
    content[central + 24:central + 28] = small
    content[info.header_offset + 22:info.header_offset + 26] = small
    path.write_bytes(bytes(content))
    return path


def too_big(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(SAMPLE.read_bytes())
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/media/image2.png", os.urandom(21 * MB))
    return path


def many_parts(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(SAMPLE.read_bytes())
    with zipfile.ZipFile(path, "a") as archive:
        for i in range(5000):
            archive.writestr(f"customXml/item{i}.xml", "<a/>")
    return path


def wide_register(folder: Path, name: str, rows: int, columns: int = 26) -> Path:
    """The sample with its Pelayanan sheet replaced by rows x columns numbers, written as XML directly (and
    without a <dimension> element, which made openpyxl parse the whole sheet when it loaded the workbook)."""
    import re

    from openpyxl.utils import get_column_letter

    path = folder / name
    with zipfile.ZipFile(SAMPLE) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        workbook = source.read("xl/workbook.xml").decode()
        rels = source.read("xl/_rels/workbook.xml.rels").decode()
        rid = re.search(r'<sheet[^>]*name="Pelayanan"[^>]*r:id="(rId\d+)"', workbook).group(1)
        found = re.search(rf'Target="([^"]+)"[^>]*Id="{rid}"', rels) or \
            re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"', rels)
        member = "xl/" + found.group(1).lstrip("/").removeprefix("xl/")
        letters = [get_column_letter(c) for c in range(1, columns + 1)]
        for info in source.infolist():
            if info.filename != member:
                target.writestr(info, source.read(info.filename))
                continue
            with target.open(member, "w", force_zip64=True) as sheet:
                sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
                for r in range(1, rows + 1):
                    cells = "".join(f'<c r="{letter}{r}"><v>{r % 997}</v></c>' for letter in letters)
                    sheet.write(f'<row r="{r}">{cells}</row>'.encode())
                sheet.write(b"</sheetData></worksheet>")
    return path


def run(path: Path, output: Path) -> tuple[int, str, float, float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(path), str(output)],
                          capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - start
    peak = next((int(line.split()[1]) / 1024 for line in done.stderr.splitlines() if line.startswith("PEAK_KB")), 0)
    lines = [line.strip() for line in (done.stdout + done.stderr).splitlines()
             if line.strip() and not line.startswith("PEAK_KB")]
    message = next((line for line in lines if "GAGAL" in line or "Galat" in line), "")
    index = lines.index(message) + 1 if message and message.startswith("GAGAL") else None
    if index is not None and index < len(lines):
        message = lines[index]
    return done.returncode, message[:150], seconds, peak


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        cases = [
            ("contoh (pembanding)", lambda: SAMPLE),
            ("sel liar: Identitas!A1048576, Pelayanan!XFD1048576",
             lambda: stray(folder, {"Identitas": "A1048576", "Pelayanan": "XFD1048576"}, "liar.xlsx")),
            ("sel liar di lembar yang tidak dibaca (Catatan!XFD1048576)",
             lambda: stray(folder, {"Catatan": "XFD1048576"}, "liar_lain.xlsx")),
            ("bom zip: 500 MB nol", lambda: bomb(folder, "bom.xlsx")),
            ("bom zip, kepala mengaku 1 KB", lambda: lying(folder, "bohong.xlsx")),
            ("lebih dari 20 MB", lambda: too_big(folder, "besar.xlsx")),
            ("5.000 bagian zip", lambda: many_parts(folder, "banyak.xlsx")),
            ("Pelayanan 110.000 x 26 angka (di bawah batas sel)", lambda: wide_register(folder, "lebar.xlsx", 110_000)),
            ("Pelayanan 150.000 x 26 angka (di atas batas sel)", lambda: wide_register(folder, "lebar2.xlsx", 150_000)),
        ]
        print(f"{'kasus':58} {'kode':>4} {'detik':>6} {'puncak MB':>9}  pesan")
        for title, make in cases:
            path = make()
            size = path.stat().st_size / MB
            code, message, seconds, peak = run(path, folder / "hasil")
            print(f"{title + f' ({size:.1f} MB)':58} {code:>4} {seconds:6.1f} {peak:9.0f}  {message}")


if __name__ == "__main__":
    main()
