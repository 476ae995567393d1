"""Checks on a workbook's bytes before any parser sees them, so that a damaged, encrypted or hostile file ends
as an Indonesian message, within the limits of iku/read/limits.py, instead of a traceback or a full memory."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.parsers import expat

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple

from iku.errors import InputError, Problem
from iku.read import limits

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # Compound File: an .xls, or an .xlsx encrypted with a password
ZIP_SIGNATURE = b"PK\x03\x04"
LOCAL_HEADER = 30
DOCTYPE = b"<!DOCTYPE"  # no part of an Excel workbook has one; refusing it stops entity tricks in every part
CHUNK = 1024 * 1024
SAVE_AGAIN = "Buka di Excel lalu simpan ulang sebagai 'Excel Workbook (*.xlsx)', atau pakai salinan cadangannya."


@dataclass(frozen=True)
class ArchiveKind:
    """How messages name the file being checked: a workbook, or a Word document (office import)."""

    noun: str = "buku kerja .xlsx"
    save_again: str = SAVE_AGAIN
    program: str = "Excel"


WORKBOOK = ArchiveKind()


@dataclass(frozen=True)
class Extent:
    """Where a sheet's values end (last row and column holding a value or formula), and its formula cells."""

    rows: int = 0
    columns: int = 0
    formulas: frozenset[tuple[int, int]] = field(default_factory=frozenset)


def _mb(size: int) -> str:
    return f"{size / limits.MB:.1f}".replace(".", ",") + " MB"


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def too_big(name: str, size: int) -> str:
    return (f"{name} terlalu besar ({_mb(size)}; batas {_mb(limits.MAX_FILE_BYTES)}). Buku kerja standar "
            "berukuran jauh di bawah itu: hapus lembar atau gambar yang tidak dipakai.")


def damaged(name: str, exc: BaseException, kind: ArchiveKind = WORKBOOK) -> str:
    detail = " ".join(str(exc).split())[:160] or type(exc).__name__
    return f"{name} rusak: isinya tidak dapat dibaca sebagai {kind.noun} ({detail}). {kind.save_again}"


def _fail(message: str) -> InputError:
    return InputError(Problem(message))


def check_archive(name: str, content: bytes, kind: ArchiveKind = WORKBOOK) -> zipfile.ZipFile:
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
        raise _fail(f"{name} tidak dapat dibuka sebagai {kind.noun}: isinya bukan format Excel. {SAVE_AGAIN}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise _fail(damaged(name, exc, kind)) from None
    if len(members) > limits.MAX_MEMBERS:
        raise _fail(f"{name} berisi {_number(len(members))} bagian (batas {_number(limits.MAX_MEMBERS)}); bukan "
                    f"{kind.noun} yang wajar.")
    declared = sum(m.file_size for m in members)
    if declared > limits.MAX_UNCOMPRESSED_BYTES:
        raise _fail(f"{name} setelah dibuka berukuran {_mb(declared)} (batas {_mb(limits.MAX_UNCOMPRESSED_BYTES)}); "
                    "file ini kemungkinan bom zip atau berisi data yang tidak dipakai.")
    real = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise _fail(f"{name} dilindungi kata sandi (bagian {member.filename} terenkripsi), jadi tidak dapat "
                        f"dibaca. Hapus kata sandinya di {kind.program} lalu simpan ulang.")
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _fail(f"{name} rusak: bagian {member.filename} dipadatkan dengan metode yang tidak dikenal "
                        f"(nomor {member.compress_type}). {kind.save_again}")
        if member.file_size > limits.RATIO_FLOOR_BYTES and \
                member.file_size > limits.MAX_RATIO * max(member.compress_size, 1):
            ratio = member.file_size // max(member.compress_size, 1)
            raise _fail(f"{name}: bagian {member.filename} mengembang {ratio}"
                        f" kali saat dibuka (batas {limits.MAX_RATIO}); file ini kemungkinan bom zip.")
        real += _unpack(name, content, member, limits.MAX_UNCOMPRESSED_BYTES - real, kind)
    return archive


def _unpack(name: str, content: bytes, member: zipfile.ZipInfo, budget: int, kind: ArchiveKind = WORKBOOK) -> int:
    """Unpack one part in chunks; its real size must equal the declared one, its CRC must match."""
    view = memoryview(content)
    start = member.header_offset
    header = bytes(view[start:start + LOCAL_HEADER])
    if len(header) < LOCAL_HEADER or not header.startswith(ZIP_SIGNATURE):
        raise _fail(f"{name} rusak: bagian {member.filename} terpotong. {kind.save_again}")
    offset = start + LOCAL_HEADER + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
    packed = view[offset:offset + member.compress_size]
    if len(packed) < member.compress_size:
        raise _fail(f"{name} rusak: bagian {member.filename} terpotong. {kind.save_again}")
    limit = min(member.file_size, budget)
    crc = size = 0
    xml = member.filename.lower().endswith((".xml", ".rels", ".vml"))
    tail = b""
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
            if xml:
                if DOCTYPE in tail + chunk[:len(DOCTYPE)] or DOCTYPE in chunk:
                    raise _fail(f"{name} rusak: bagian {member.filename} memuat deklarasi DTD (<!DOCTYPE>), yang "
                                f"tidak pernah ditulis {kind.program} dan ditolak demi keamanan. {kind.save_again}")
                tail = chunk[-len(DOCTYPE):]
        if ended is None:
            ended = inflater.eof
    except zlib.error as exc:
        raise _fail(damaged(name, exc, kind)) from None
    if not ended or size != member.file_size or crc != member.CRC:
        raise _fail(f"{name} rusak: bagian {member.filename} tidak utuh (ukuran atau checksum tidak cocok). "
                    f"{kind.save_again}")
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


CELL_TAGS = (b"<c ", b"<c>", b"<c/", b"<c\t", b"<c\n", b"<c\r")
REFERENCE_FIRST = b'<c r="'
PREFIXED_CELL = re.compile(rb"<[A-Za-z_][\w.-]*:c[\s>/]")  # <x:c ...>: a cell tag with a namespace prefix
BAD_REFERENCE = re.compile(rb'<c r="(?![A-Z]{1,3}[0-9]{1,7}")')
VALUED_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*(?<!/)>(?!</c>)')  # not <c .../> nor <c ...></c>


def _column(letters: bytes) -> int:
    return column_index_from_string(letters.decode())


def _beyond(sheet: str, max_rows: int, column: int, row: int) -> InputError:
    return InputError(Problem(
        f"ada isian di luar batas tabel (lembar ini dibaca sampai baris {_number(max_rows)} dan "
        f"kolom {get_column_letter(limits.MAX_COLUMNS)}); hapus isian itu, atau pindahkan ke lembar lain.",
        sheet=sheet, cell=f"{get_column_letter(min(column, 16384))}{row}"))


def _too_many(sheet: str, rows: int, columns: int, max_cells: int) -> InputError:
    return InputError(Problem(
        f"tabel terlalu besar untuk dibaca (sampai baris {_number(rows)} dan kolom {get_column_letter(columns)}; "
        f"batas {_number(max_cells)} sel untuk lembar sejenis bersama-sama). Hapus baris atau kolom yang tidak "
        "dipakai.", sheet=sheet))


def quick_extent(archive: zipfile.ZipFile, member: str, sheet: str, max_rows: int, max_cells: int,
                 used: int = 0) -> Extent | None:
    """Where a data sheet's values end, from a regular-expression pass over its XML as Excel writes it (every
    cell tag `<c r="A1" ...>` with its reference first; a cell without content closes at once): several times
    faster than scan_sheet on a 100,000-row register. Formulas are not collected (data sheets are read as
    values). None when any cell tag is written otherwise: then scan_sheet, exact, decides."""
    rows = columns = 0
    carry = b""
    with archive.open(member) as source:
        while True:
            chunk = source.read(CHUNK)
            text = carry + chunk
            cut = text.rfind(b"<") if chunk else -1  # a tag cut by the chunk's end waits for the next chunk
            cut = cut if cut >= 0 else len(text)
            text, carry = text[:cut], text[cut:]
            if sum(text.count(tag) for tag in CELL_TAGS) != text.count(REFERENCE_FIRST) or \
                    BAD_REFERENCE.search(text) or PREFIXED_CELL.search(text):
                return None
            valued = VALUED_CELL.findall(text)
            if valued:
                letters, digits = zip(*valued, strict=True)
                wide = max(map(_column, set(letters)))
                deep = max(map(int, digits))
                if deep > max_rows or wide > limits.MAX_COLUMNS:
                    column, row = next((_column(a), int(b)) for a, b in valued
                                       if int(b) > max_rows or _column(a) > limits.MAX_COLUMNS)
                    raise _beyond(sheet, max_rows, column, row)
                rows, columns = max(rows, deep), max(columns, wide)
                if used + rows * columns > max_cells:
                    raise _too_many(sheet, rows, columns, max_cells)
            if not chunk:
                break
    return Extent(rows=rows, columns=columns)


class _Refused(ValueError):
    """A DTD or entity declaration in a sheet: refused, as defusedxml does (billion laughs, XXE)."""


def scan_sheet(archive: zipfile.ZipFile, member: str, sheet: str, max_rows: int, max_cells: int,
               used: int = 0) -> Extent:
    """Stream a sheet's XML once with expat: where its values end, and which cells hold formulas. A value beyond
    the limits is an error naming its cell, found without building anything for the empty cells before it (only
    element starts are seen: about 1 microsecond a cell). Some writers leave out row and cell references;
    positions then count on, as Excel and openpyxl read them. `used`: cells of sheets of the same kind so far."""
    formulas = set()
    state = {"row": 0, "column": 0, "last_row": 0, "last_column": 0}

    def start(name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        if local == "c":
            reference = attributes.get("r")
            if reference:  # the cell's own reference wins over its row's, as in openpyxl and calamine
                state["row"], state["column"] = coordinate_to_tuple(reference)
            else:
                state["column"] += 1
        elif local in ("v", "is", "f"):
            row, column = state["row"], state["column"]
            if local == "f":
                formulas.add((row, column))
            if row <= state["last_row"] and column <= state["last_column"]:
                return
            if row > max_rows or column > limits.MAX_COLUMNS:
                raise _beyond(sheet, max_rows, column, row)
            state["last_row"], state["last_column"] = max(state["last_row"], row), max(state["last_column"], column)
            if used + state["last_row"] * state["last_column"] > max_cells:
                raise _too_many(sheet, state["last_row"], state["last_column"], max_cells)
        elif local == "row":
            state["row"], state["column"] = int(attributes.get("r") or state["row"] + 1), 0

    def refuse(*_args) -> None:
        raise _Refused("deklarasi DTD atau entitas tidak diizinkan")

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    with archive.open(member) as source:
        while chunk := source.read(CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    return Extent(rows=state["last_row"], columns=state["last_column"], formulas=frozenset(formulas))
