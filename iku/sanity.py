"""Checks on a workbook's bytes before any parser sees them, so that a damaged, encrypted or hostile file ends
as an Indonesian message, within the limits of iku/limits.py, instead of a traceback or a full memory."""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field

from defusedxml.ElementTree import iterparse
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple

from iku import limits
from iku.errors import InputError, Problem

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # Compound File: an .xls, or an .xlsx encrypted with a password
ZIP_SIGNATURE = b"PK\x03\x04"
LOCAL_HEADER = 30
CHUNK = 1024 * 1024
SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ROW_TAG, CELL_TAG, DATA_TAG = SHEET_NS + "row", SHEET_NS + "c", SHEET_NS + "sheetData"
VALUE_TAGS = (SHEET_NS + "v", SHEET_NS + "is", SHEET_NS + "f")
FORMULA_TAG = SHEET_NS + "f"
SAVE_AGAIN = "Buka di Excel lalu simpan ulang sebagai 'Excel Workbook (*.xlsx)', atau pakai salinan cadangannya."


@dataclass(frozen=True)
class Extent:
    """Where a sheet's values end (last row and column holding a value or formula), and its formula cells."""

    rows: int = 0
    columns: int = 0
    formulas: frozenset[tuple[int, int]] = field(default_factory=frozenset)


def _mb(size: int) -> str:
    return f"{size / limits.MB:.1f}".replace(".", ",") + " MB"


def too_big(name: str, size: int) -> str:
    return (f"{name} terlalu besar ({_mb(size)}; batas {_mb(limits.MAX_FILE_BYTES)}). Buku kerja standar "
            "berukuran jauh di bawah itu: hapus lembar atau gambar yang tidak dipakai.")


def damaged(name: str, exc: BaseException) -> str:
    detail = " ".join(str(exc).split())[:160] or type(exc).__name__
    return f"{name} rusak: isinya tidak dapat dibaca sebagai buku kerja .xlsx ({detail}). {SAVE_AGAIN}"


def _fail(message: str) -> InputError:
    return InputError(Problem(message))


def check_archive(name: str, content: bytes) -> zipfile.ZipFile:
    """The workbook's zip archive, once its signature, part count, sizes, compression and checksums are right.
    Every part is unpacked here once, in chunks, counting the real bytes: a header that understates a part's
    size cannot make a later parser unpack more than the limit."""
    if content.startswith(OLE_SIGNATURE):
        if "EncryptedPackage".encode("utf-16-le") in content:
            raise _fail(f"{name} dilindungi kata sandi, jadi tidak dapat dibaca. Buka di Excel, hapus kata "
                        "sandinya (File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi), lalu simpan.")
        raise _fail(f"{name} bukan buku kerja .xlsx: isinya buku kerja .xls lama (atau dilindungi kata sandi); "
                    "untuk .xls: simpan ulang sebagai .xlsx.")
    if not content.startswith(ZIP_SIGNATURE):
        raise _fail(f"{name} tidak dapat dibuka sebagai buku kerja .xlsx: isinya bukan format Excel. {SAVE_AGAIN}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise _fail(damaged(name, exc)) from None
    if len(members) > limits.MAX_MEMBERS:
        raise _fail(f"{name} berisi {len(members)} bagian (batas {limits.MAX_MEMBERS}); bukan buku kerja yang wajar.")
    declared = sum(m.file_size for m in members)
    if declared > limits.MAX_UNCOMPRESSED_BYTES:
        raise _fail(f"{name} setelah dibuka berukuran {_mb(declared)} (batas {_mb(limits.MAX_UNCOMPRESSED_BYTES)}); "
                    "file ini kemungkinan bom zip atau berisi data yang tidak dipakai.")
    real = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise _fail(f"{name} dilindungi kata sandi (bagian {member.filename} terenkripsi), jadi tidak dapat "
                        "dibaca. Hapus kata sandinya di Excel lalu simpan ulang.")
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _fail(f"{name} rusak: bagian {member.filename} dipadatkan dengan metode yang tidak dikenal "
                        f"(nomor {member.compress_type}). {SAVE_AGAIN}")
        if member.file_size > limits.RATIO_FLOOR_BYTES and \
                member.file_size > limits.MAX_RATIO * max(member.compress_size, 1):
            ratio = member.file_size // max(member.compress_size, 1)
            raise _fail(f"{name}: bagian {member.filename} mengembang {ratio}"
                        f" kali saat dibuka (batas {limits.MAX_RATIO}); file ini kemungkinan bom zip.")
        real += _unpack(name, content, member, limits.MAX_UNCOMPRESSED_BYTES - real)
    return archive


def _unpack(name: str, content: bytes, member: zipfile.ZipInfo, budget: int) -> int:
    """Unpack one part in chunks; its real size must equal the declared one, its CRC must match."""
    view = memoryview(content)
    start = member.header_offset
    header = bytes(view[start:start + LOCAL_HEADER])
    if len(header) < LOCAL_HEADER or not header.startswith(ZIP_SIGNATURE):
        raise _fail(f"{name} rusak: bagian {member.filename} terpotong. {SAVE_AGAIN}")
    offset = start + LOCAL_HEADER + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
    packed = view[offset:offset + member.compress_size]
    if len(packed) < member.compress_size:
        raise _fail(f"{name} rusak: bagian {member.filename} terpotong. {SAVE_AGAIN}")
    limit = min(member.file_size, budget)
    crc = size = 0
    try:
        if member.compress_type == zipfile.ZIP_STORED:
            chunks = (bytes(packed[i:i + CHUNK]) for i in range(0, len(packed), CHUNK))
            ended = True
        else:
            inflater = zlib.decompressobj(-15)
            chunks = _inflate(inflater, packed, limit)
            ended = None
        for chunk in chunks:
            size += len(chunk)
            if size > limit:
                raise _fail(f"{name}: bagian {member.filename} lebih besar daripada yang tercatat di kepala "
                            "filenya; file ini rusak atau bom zip.")
            crc = zlib.crc32(chunk, crc)
        if ended is None:
            ended = inflater.eof
    except zlib.error as exc:
        raise _fail(damaged(name, exc)) from None
    if not ended or size != member.file_size or crc != member.CRC:
        raise _fail(f"{name} rusak: bagian {member.filename} tidak utuh (ukuran atau checksum tidak cocok). "
                    f"{SAVE_AGAIN}")
    return size


def _inflate(inflater, packed: memoryview, limit: int):
    for i in range(0, len(packed), CHUNK):
        data = bytes(packed[i:i + CHUNK])
        while data:
            chunk = inflater.decompress(data, CHUNK)
            yield chunk
            data = inflater.unconsumed_tail
            if inflater.eof:
                return
    yield inflater.flush()


def scan_sheet(archive: zipfile.ZipFile, member: str, sheet: str, max_rows: int) -> Extent:
    """Stream a sheet's XML once: where its values end, and which cells hold formulas. A value beyond the limits
    is an error naming its cell, found without building anything for the empty cells before it. Some writers
    leave out row and cell references; positions then count on, as Excel and openpyxl read them."""
    formulas = set()
    row = column = last_row = last_column = 0
    data = None
    with archive.open(member) as source:
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == ROW_TAG:
                    row, column = int(element.get("r") or row + 1), 0
                elif tag == CELL_TAG:
                    reference = element.get("r")
                    column = coordinate_to_tuple(reference)[1] if reference else column + 1
                elif tag == DATA_TAG:
                    data = element
                continue
            if tag == CELL_TAG:
                if any(element.find(t) is not None for t in VALUE_TAGS):
                    if row > max_rows or column > limits.MAX_COLUMNS:
                        raise InputError(Problem(
                            f"ada isian di luar batas tabel (lembar ini dibaca sampai baris {max_rows:,} dan kolom "
                            f"{get_column_letter(limits.MAX_COLUMNS)}); hapus isian itu, atau pindahkan ke lembar "
                            "lain.".replace(",", "."),
                            sheet=sheet, cell=f"{get_column_letter(min(column, 16384))}{row}"))
                    last_row, last_column = max(last_row, row), max(last_column, column)
                    if element.find(FORMULA_TAG) is not None:
                        formulas.add((row, column))
                element.clear()
            elif tag == ROW_TAG:
                element.clear()
                if data is not None:
                    data.remove(element)
    return Extent(rows=last_row, columns=last_column, formulas=frozenset(formulas))
