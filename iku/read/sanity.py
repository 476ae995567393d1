"""Checks on a workbook's bytes before any parser sees them, so that a damaged, encrypted or hostile file ends
as an Indonesian message, within the limits of iku/read/limits.py, instead of a traceback or a full memory."""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from iku.errors import InputError, Problem
from iku.read import limits, sheet_names
from iku.read.sheet_scan import Extent

__all__ = ["Archive", "ArchiveKind", "Extent", "check_archive", "damaged", "too_big"]

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # Compound File: an .xls, or an .xlsx encrypted with a password
ZIP_SIGNATURE = b"PK\x03\x04"
LOCAL_HEADER = 30
DOCTYPE = "<!DOCTYPE"  # no part of an Excel workbook has one; refusing it stops entity tricks in every part
CHUNK = 1024 * 1024
SAVE_AGAIN = "Buka di Excel lalu simpan ulang sebagai 'Excel Workbook (*.xlsx)', atau pakai salinan cadangannya."


@dataclass(frozen=True)
class ArchiveKind:
    """How messages name the file being checked: a workbook, or a Word document (office import)."""

    noun: str = "buku kerja .xlsx"
    save_again: str = SAVE_AGAIN
    program: str = "Excel"


WORKBOOK = ArchiveKind()


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


class Archive:
    """A workbook's zip archive, checked: its signature, part count, sizes and compression at once from the
    headers; then every part unpacked exactly once, in chunks, counting the real bytes (a header that understates a
    part's size cannot make a later parser unpack more than the limit), its checksum compared and its text, as
    decoded, searched for a DTD. `unpack` returns a part's bytes (the reader's sheets, scanned in memory instead of
    unpacked a second time); `verify` unpacks the rest."""

    def __init__(self, name: str, content: bytes, kind: ArchiveKind = WORKBOOK) -> None:
        if content.startswith(OLE_SIGNATURE):
            if "EncryptedPackage".encode("utf-16-le") in content:
                raise _fail(f"{name} dilindungi kata sandi, jadi tidak dapat dibaca. Buka di Excel, hapus kata "
                            "sandinya (File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi), lalu simpan.")
            raise _fail(f"{name} bukan buku kerja .xlsx: isinya buku kerja .xls lama (atau dilindungi kata sandi); "
                        "untuk .xls: simpan ulang sebagai .xlsx.")
        if not content.startswith(ZIP_SIGNATURE):
            raise _fail(f"{name} tidak dapat dibuka sebagai {kind.noun}: isinya bukan format Excel. {SAVE_AGAIN}")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(content))
            members = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
            raise _fail(damaged(name, exc, kind)) from None
        if len(members) > limits.MAX_MEMBERS:
            raise _fail(f"{name} berisi {_number(len(members))} bagian (batas {_number(limits.MAX_MEMBERS)}); "
                        f"bukan {kind.noun} yang wajar.")
        declared = sum(m.file_size for m in members)
        if declared > limits.MAX_UNCOMPRESSED_BYTES:
            raise _fail(f"{name} setelah dibuka berukuran {_mb(declared)} (batas "
                        f"{_mb(limits.MAX_UNCOMPRESSED_BYTES)}); file ini kemungkinan bom zip atau berisi data yang "
                        "tidak dipakai.")
        seen: set[str] = set()
        for member in members:
            _check_header(name, member, kind)
            if member.filename in seen:  # two parsers may each take another of the two
                raise _fail(f"{name} rusak: bagian {member.filename} tercatat dua kali. {kind.save_again}")
            seen.add(member.filename)
        self.name, self.content, self.kind = name, content, kind
        self._left = {m.filename: m for m in members}
        self._real = 0

    def unpack(self, part: str) -> bytes | None:
        """A part's bytes, unpacked and checked; None when the archive has no such part or it was unpacked already
        by verify."""
        member = self._left.pop(part, None)
        if member is None:
            return None
        data = _unpack(self.name, self.content, member, limits.MAX_UNCOMPRESSED_BYTES - self._real, self.kind,
                       keep=True)
        self._real += len(data)
        return data

    def verify(self, keep: frozenset[str] | set[str] = frozenset()) -> dict[str, bytes]:
        """Unpack and check every part not unpacked yet; the bytes of the parts named in `keep`."""
        kept = {}
        for part in list(self._left):
            if part in keep:
                kept[part] = self.unpack(part)
                continue
            member = self._left.pop(part)
            self._real += _unpack(self.name, self.content, member, limits.MAX_UNCOMPRESSED_BYTES - self._real,
                                  self.kind)
        return kept


def check_archive(name: str, content: bytes, kind: ArchiveKind = WORKBOOK,
                  kept: dict[str, bytes] | None = None) -> zipfile.ZipFile:
    """The workbook's zip archive, once every check of Archive passed on every part. `kept`, when given, receives
    the bytes of the parts holding the sheets the tool reads (iku/read/sheet_names.py), unpacked once here."""
    archive = Archive(name, content, kind)
    parts = archive.verify(keep=sheet_names.used_parts(archive) if kept is not None else frozenset())
    if kept is not None:
        kept.update(parts)
    return archive.zip


def _check_header(name: str, member: zipfile.ZipInfo, kind: ArchiveKind) -> None:
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


# How a part's text is written, from its first bytes (XML 1.0, appendix F). Every byte-compatible encoding is
# searched as bytes; UTF-16 is decoded; anything else is refused: the Open Packaging Conventions allow UTF-8 and
# UTF-16 only, and a parser that decodes another (libxml2 knows UTF-7, EBCDIC...) would see a DTD the bytes hide.
BYTES = "bytes"
_BYTE_CODECS = ("utf-8", "ascii", "latin-1", "iso8859-1", "cp1252")
_DECLARED = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']{0,40})[\"']")
_XML_NAMES = (".xml", ".rels", ".vml")


def _text_mode(name: str, part: str, first: bytes, kind: ArchiveKind) -> str | None:
    """BYTES, a codec to decode with, or None for a part that is not text (a picture)."""
    if first[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"<\x00\x00\x00", b"\x00\x00\x00<"):
        raise _encoding(name, part, "UTF-32", kind)
    if first[:2] == b"\xff\xfe" or (first[:1] == b"<" and first[1:2] == b"\x00"):
        return "utf-16-le"
    if first[:2] == b"\xfe\xff" or (first[:1] == b"\x00" and first[1:2] == b"<"):
        return "utf-16-be"
    if not part.lower().endswith(_XML_NAMES) and not first.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return None
    declared = _DECLARED.match(first)
    if declared:
        label = declared.group(1).decode("ascii", "replace")
        try:
            codec = codecs.lookup(label).name
        except LookupError:
            raise _encoding(name, part, label, kind) from None
        if codec not in _BYTE_CODECS:
            raise _encoding(name, part, label, kind)
    return BYTES


def _encoding(name: str, part: str, label: str, kind: ArchiveKind) -> InputError:
    return _fail(f"{name} rusak: bagian {part} memakai pengodean '{label}', padahal {kind.program} hanya menulis "
                 f"UTF-8 atau UTF-16 (atau pengodeannya tidak cocok dengan isinya). {kind.save_again}")


def _dtd(name: str, part: str, kind: ArchiveKind) -> InputError:
    return _fail(f"{name} rusak: bagian {part} memuat deklarasi DTD (<!DOCTYPE>), yang tidak pernah ditulis "
                 f"{kind.program} dan ditolak demi keamanan. {kind.save_again}")


def _unpack(name: str, content: bytes, member: zipfile.ZipInfo, budget: int, kind: ArchiveKind = WORKBOOK,
            keep: bool = False):
    """Unpack one part in chunks; its real size must equal the declared one, its CRC must match, its text must
    hold no DTD. The part's bytes when `keep`, else its size."""
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
    mode, decoder, tail, kept = "", None, "", []
    needle = DOCTYPE.encode()
    try:
        if member.compress_type == zipfile.ZIP_STORED:
            chunks = (bytes(packed[i:i + CHUNK]) for i in range(0, len(packed), CHUNK))
            ended = True
        else:
            inflater = zlib.decompressobj(-15)
            # A part kept is held whole anyway: unpacked in one piece, never more than its declared size + 1.
            chunks = _inflate(inflater, packed, limit + 1 if keep else CHUNK)
            ended = None
        for chunk in chunks:
            size += len(chunk)
            if size > limit:
                raise _fail(f"{name}: bagian {member.filename} lebih besar daripada yang tercatat di kepala "
                            "filenya; file ini rusak atau bom zip.")
            crc = zlib.crc32(chunk, crc)
            if keep:
                kept.append(chunk)
            if mode == "" and chunk:
                mode = _text_mode(name, member.filename, chunk, kind)
                decoder = codecs.getincrementaldecoder(mode)("replace") if mode not in (BYTES, None) else None
            if mode == BYTES:
                if needle in tail.encode("latin-1") + chunk[:len(needle)] or needle in chunk:
                    raise _dtd(name, member.filename, kind)
                tail = chunk[-len(needle):].decode("latin-1")
            elif decoder is not None:
                text = tail + decoder.decode(chunk)
                if DOCTYPE in text:
                    raise _dtd(name, member.filename, kind)
                tail = text[-len(DOCTYPE):]
        if ended is None:
            ended = inflater.eof
    except zlib.error as exc:
        raise _fail(damaged(name, exc, kind)) from None
    if not ended or size != member.file_size or crc != member.CRC:
        raise _fail(f"{name} rusak: bagian {member.filename} tidak utuh (ukuran atau checksum tidak cocok). "
                    f"{kind.save_again}")
    return b"".join(kept) if keep else size


def _inflate(inflater, packed: memoryview, piece: int):
    """The unpacked bytes in pieces of at most `piece` bytes (bounded whatever the part claims)."""
    step = CHUNK if piece <= CHUNK else len(packed)
    for i in range(0, len(packed), step):
        data = packed[i:i + step]
        while data:
            chunk = inflater.decompress(data, piece)
            yield chunk
            data = inflater.unconsumed_tail
            if inflater.eof:
                return
    yield inflater.flush()

