"""Names taken from data (an office name from an imported IKU document, a catalogue edited by hand) made safe for
the file system in one place, and the checks that refuse such names at the source.

A file name made here is one plain component on every system the tool runs on: no folder separator, no '..', no
character Windows refuses, no control character, no trailing dot or space, no device name Windows reserves, not
hidden (a leading dot would also clash with the tool's own .iku-manifest.json), and short enough that a path in an
ordinary output folder stays under Windows' 260 characters and every name under the 255 bytes of Linux file systems.
Here too: what a path is (one file under two spellings) and what the OS said about one, in Indonesian.
"""

from __future__ import annotations

import errno
import os
import re
import sys
import unicodedata
from pathlib import Path

MAX_NAME_CHARS = 150  # a whole file name, extension included
MAX_NAME_BYTES = 200  # its UTF-8 form: ext4 allows 255, and write_atomic's temporary name adds 14
OFFICE_PART_CHARS = 100  # what an office name contributes: the kind, year and extension fit in the rest
OFFICE_PART_BYTES = 150
MAX_OFFICE_NAME = 200  # = layout.NAME_LIMIT, the length of a name in one cell
WINDOWS_FORBIDDEN = '<>:"/\\|?*'
SEPARATORS = "/\\"
_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"}
RESERVED = frozenset(_DEVICES | {f"{port}{n}" for port in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]})
FALLBACK = "dokumen"
SHOWN_PATH = 200  # characters of a path quoted in a message; a longer one is shown by its two ends


def _is_control(char: str) -> bool:
    """Control, format, surrogate, private and unassigned code points (U+0000-U+001F, U+007F, U+200E...)."""
    return unicodedata.category(char)[0] == "C"


def _clean(text: str, space: str) -> str:
    text = unicodedata.normalize("NFKC", text)  # fullwidth '／' and '＜' become '/' and '<', and are caught below
    out = []
    for char in text:
        if char in SEPARATORS:
            out.append("-")
        elif char in WINDOWS_FORBIDDEN:
            out.append("_")
        elif char.isspace():
            out.append(space)
        elif not _is_control(char):
            out.append(char)
    cleaned = "".join(out)
    while ".." in cleaned:
        cleaned = cleaned.replace("..", ".")
    return cleaned


def _cut(text: str, chars: int, size: int) -> str:
    text = text[:chars]
    while len(text.encode("utf-8")) > size:
        text = text[:-1]
    return text


def is_reserved(name: str) -> bool:
    """A name Windows gives to a device: CON, nul.txt, Com1.tar.gz, 'AUX .docx' (any case, any extension)."""
    return name.split(".", 1)[0].rstrip(" ").upper() in RESERVED


def file_name(name: str) -> str:
    """`name` as one safe file name; a name that is already safe comes back unchanged (safe(safe(x)) == safe(x))."""
    for _ in range(4):  # removing a character can let the normal form compose its neighbours: until nothing moves
        safer = _file_name_once(name)
        if safer == name:
            break
        name = safer
    return name


def _file_name_once(name: str) -> str:
    cleaned = _clean(name, " ").lstrip(". ").rstrip(". ")
    if len(cleaned) > MAX_NAME_CHARS or len(cleaned.encode("utf-8")) > MAX_NAME_BYTES:
        stem, dot, suffix = cleaned.rpartition(".")
        if not dot or len(suffix) > 10 or not stem:
            stem, dot, suffix = cleaned, "", ""
        tail = dot + suffix
        stem = _cut(stem, MAX_NAME_CHARS - len(tail), MAX_NAME_BYTES - len(tail.encode("utf-8"))).rstrip(". ")
        cleaned = (stem + tail) if stem else _cut(cleaned, MAX_NAME_CHARS, MAX_NAME_BYTES).rstrip(". ")
    if not cleaned:
        return FALLBACK
    return "_" + cleaned if is_reserved(cleaned) else cleaned


def office_part(name: str) -> str:
    """What an office name contributes to a file name: 'Kecamatan Mantup' -> 'Kecamatan_Mantup', 'Kota/Utara' ->
    'Kota-Utara'; at most OFFICE_PART_CHARS characters, so that 'CONTOH_Pengukuran_Triwulan_III_<office>_2025.docx'
    stays within MAX_NAME_CHARS."""
    cleaned = re.sub(r"[-_.]*-[-_.]*", "-", _clean(name, "_")).strip("-._ ")
    cleaned = _cut(cleaned, OFFICE_PART_CHARS, OFFICE_PART_BYTES).rstrip("._ ")
    return cleaned or "Instansi"


def inside(folder: Path, name: str) -> Path:
    """folder / file_name(name); raises ValueError (a bug, never the user's input) if it were anywhere else."""
    path = folder / file_name(name)
    if path.parent != folder or path.name in ("", ".", ".."):
        raise ValueError(f"file name {name!r} leaves {folder}")
    return path


# ---- refused at the source: the catalogue loader and `office import` --------------------------------------

def _shown(char: str) -> str:
    return f"U+{ord(char):04X}" if _is_control(char) or char.isspace() else f"'{char}'"


def refuse_unsafe_office_name(name: str) -> str | None:
    """Why an office name cannot be used (it names every output file and heads every document), or None."""
    if not name.strip():
        return "nama kantor kosong"
    controls = sorted({char for char in name if _is_control(char) and char != " "})
    if controls:
        return (f"nama kantor memuat karakter kendali yang tidak terlihat ({', '.join(map(_shown, controls))}); "
                "hapus karakter itu (ketik ulang namanya)")
    if any(char.isspace() and char != " " for char in name):
        return "nama kantor memuat tab, baris baru atau spasi khusus; tulis dalam satu baris dengan spasi biasa"
    bad = sorted({char for char in unicodedata.normalize("NFKC", name) if char in WINDOWS_FORBIDDEN})
    if bad:
        plain = " ".join(re.sub(r"\.{2,}", " ", "".join(" " if c in WINDOWS_FORBIDDEN else c for c in name)).split())
        return (f"nama kantor '{name}' memuat {', '.join(map(_shown, bad))}: tanda yang tidak boleh ada dalam nama "
                f"berkas (nama kantor menjadi bagian nama setiap dokumen); tulis tanpa tanda itu, misalnya '{plain}'")
    if ".." in name:
        return f"nama kantor '{name}' memuat '..'; tulis tanpa titik ganda"
    if name != name.strip(" ") or name.rstrip(" ").endswith("."):
        return f"nama kantor '{name}' diawali atau diakhiri spasi atau titik; hapus spasi atau titik itu"
    if len(name) > MAX_OFFICE_NAME:
        return f"nama kantor terlalu panjang ({len(name)} karakter; paling banyak {MAX_OFFICE_NAME})"
    if is_reserved(name):
        return (f"nama kantor '{name}' adalah nama perangkat yang dicadangkan Windows (CON, PRN, AUX, NUL, "
                "COM1-COM9, LPT1-LPT9); tulis nama lengkapnya, misalnya 'Kecamatan ...'")
    return None


def refuse_reserved_code(code: str) -> str | None:
    """Why a KODE cannot be used because Windows keeps it for a device (con, aux, nul, prn, com1...), or None."""
    if is_reserved(code):
        return (f"kode '{code}' adalah nama perangkat yang dicadangkan Windows (CON, PRN, AUX, NUL, COM1-COM9, "
                f"LPT1-LPT9) sehingga tidak dapat dipakai sebagai nama berkas; pilih kode lain, misalnya "
                f"'kec_{code.lower()}'")
    return None


# ---- paths Windows accepts --------------------------------------------------------------------------------

WINDOWS = sys.platform == "win32"
WINDOWS_MAX_PATH = 259  # MAX_PATH less its closing NUL: Explorer, Word and Excel open no longer path
TEMP_NAME_EXTRA = 14  # write_atomic's temporary file: "." + name + "." + 8 random characters + ".tmp"
KEPT_FOLDER = ".sebelumnya"  # = writer.PREVIOUS, in the staging folder
# The longest path (folder and file name) each program opens (Microsoft support: Excel 218 characters, Word 255).
OPEN_LIMITS = {".xlsx": (218, "Excel"), ".docx": (255, "Word")}


def windows_path_problem(folder: Path, names: list[str], previous: list[str] | tuple[str, ...] = ()) -> str | None:
    """Why a set of files cannot be written to `folder` on Windows (as under a long OneDrive folder), or None.
    Measured on every path the write makes: each temporary file in the staging folder beside `folder`
    (writer.staged), each previous file kept there (`previous`, writer.PREVIOUS), and each document where it
    ends up, which Excel and Word must still open."""
    if not WINDOWS or not names:
        return None
    absolute = os.path.abspath(folder)
    staging = os.path.join(os.path.dirname(absolute), f".{os.path.basename(absolute)}.staging-{os.getpid()}")
    paths = [(len(staging) + 1 + len(name) + TEMP_NAME_EXTRA, WINDOWS_MAX_PATH, name, "") for name in names]
    paths += [(len(staging) + 2 + len(KEPT_FOLDER) + len(name), WINDOWS_MAX_PATH, name, "") for name in previous]
    for name in names:
        limit, program = OPEN_LIMITS.get(os.path.splitext(name)[1].lower(), (WINDOWS_MAX_PATH, ""))
        paths.append((len(absolute) + 1 + len(name), limit, name, program))
    length, limit, name, program = max(paths, key=lambda path: path[0] - path[1])
    if length <= limit:
        return None
    root = os.path.dirname(absolute)
    allowed = len(root) - (length - limit)
    shown = shown_path(absolute)
    counted = f" ({len(absolute)} karakter)" if shown == absolute else ""  # shown_path counts a long one itself
    why = (f"{name} di sana akan berjalur {length} karakter, sedangkan {program} hanya membuka berkas yang jalurnya "
           f"paling panjang {limit} karakter" if program else
           f"menulis {name} ke sana memerlukan berkas sementara berjalur {length} karakter, sedangkan Windows hanya "
           f"menerima {limit}")
    size = f"yang jalurnya paling banyak {allowed} karakter" if allowed >= 10 else "dengan jalur pendek"
    return (f"jalur folder hasil {shown}{counted} terlalu panjang untuk Windows: {why}. Pakai folder hasil (--output) "
            f"{size}, misalnya C:\\SAKIP\\output, atau pindahkan folder alat ini lebih dekat ke akar drive")


def distinct_in_case(names: list[str]) -> str | None:
    """Two names of one set that differ only in case are one file on Windows and macOS: the first such pair."""
    seen: dict[str, str] = {}
    for name in names:
        other = seen.setdefault(name.casefold(), name)
        if other != name:
            return f"{other} dan {name}"
    return None


# ---- one file under two names ------------------------------------------------------------------------------

def file_identity(path: Path) -> tuple[int, int] | None:
    """What a path names, whatever the spelling: (st_dev, st_ino) after following symlinks ('x.xlsx', './x.xlsx',
    a symlink and a hard link all give the same); None when it cannot be read (the build then says why)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino) if info.st_ino else None


def distinct_files(paths: list[Path]) -> tuple[list[Path], dict[Path, Path]]:
    """The paths with each file once (its first spelling), and every other spelling -> the first one."""
    first: dict[tuple[int, int], Path] = {}
    kept: list[Path] = []
    again: dict[Path, Path] = {}
    for path in paths:
        key = file_identity(path)
        if key is None or key not in first:
            if key is not None:
                first[key] = path
            kept.append(path)
        else:
            again[path] = first[key]
    return kept, again


# ---- what the OS said about a path, in Indonesian ----------------------------------------------------------

_REASONS = {
    "ENOSPC": "ruang disk penuh",
    "EDQUOT": "kuota disk pengguna ini habis",
    "EFBIG": "berkas melebihi batas ukuran yang diizinkan; batas itu dapat berasal dari proses ini (misalnya "
             "ulimit -f) atau dari sistem berkas (misalnya 4 GB pada FAT32)",
    "ENAMETOOLONG": "jalurnya terlalu panjang untuk sistem berkas; pakai folder dengan jalur yang lebih pendek",
    "EACCES": "tidak ada izin menulis",
    "EPERM": "tidak ada izin menulis",
    "EROFS": "disk hanya-baca",
    "EISDIR": "nama itu dipakai oleh sebuah folder",
    "ENOTDIR": "bagian jalurnya adalah berkas, bukan folder",
    "ENOENT": "folder atau berkas itu tidak ada (lagi)",
    "EEXIST": "nama itu sudah dipakai",
    "ENOTEMPTY": "folder itu tidak kosong",
    "EIO": "galat baca/tulis pada perangkat (disk rusak, terlepas, atau sambungan jaringan terputus)",
    "EBUSY": "sedang dipakai program lain",
    "ETXTBSY": "sedang dipakai program lain",
    "EMFILE": "terlalu banyak berkas terbuka sekaligus",
    "ENFILE": "terlalu banyak berkas terbuka sekaligus",
    "ELOOP": "tautan simbolik di jalurnya berputar",
    "EXDEV": "folder sementara dan folder tujuan berada di disk yang berbeda",
    "EINVAL": "nama itu tidak diterima sistem berkas",
    "EILSEQ": "nama itu memuat karakter yang tidak diterima sistem berkas",
    "ENOMEM": "memori komputer habis",
    "EAGAIN": "sumber daya sistem sedang habis; coba lagi sebentar lagi",
    "ETIMEDOUT": "disk jaringan tidak menjawab",
    "ESTALE": "disk jaringan tidak lagi tersedia",
    "ENODEV": "perangkatnya tidak ada",
    "ENXIO": "perangkatnya tidak ada",
}
REASONS = {getattr(errno, name): text for name, text in _REASONS.items() if hasattr(errno, name)}


def shown_path(path: object) -> str:
    """A path for a message: whole when it is of a readable length, else its two ends and its length."""
    text = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path)
    if len(text) <= SHOWN_PATH:
        return text
    count = f"{len(text):,}".replace(",", ".")
    return f"{text[:90]}…{text[-90:]} ({count} karakter)"


# Windows: another program holds the file open without sharing it (Word or Excel on an open document, a PDF reader,
# an antivirus scan of a new file). Its errno is EACCES, which would say "no permission" falsely.
HELD_OPEN = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
HELD_OPEN_REASON = ("berkas itu sedang dibuka di program lain, misalnya Word, Excel atau pembaca PDF; tutup berkas itu "
                    "di sana, lalu jalankan lagi")


def held_open(exc: OSError) -> bool:
    return getattr(exc, "winerror", None) in HELD_OPEN


def describe_os_error(exc: OSError) -> str:
    """What went wrong and where, in Indonesian: 'ruang disk penuh (/srv/hasil/mantup-2025/LKjIP_...docx)'. Never
    the OS's English text: an errno without a sentence here is named by its symbol (EIO, ENOLINK...)."""
    code = exc.errno or 0
    if held_open(exc):
        reason = HELD_OPEN_REASON
    elif code in REASONS:
        reason = REASONS[code]
    elif code in errno.errorcode:
        reason = f"sistem operasi menolak (galat {errno.errorcode[code]})"
    else:
        reason = "sistem operasi menolak tanpa menyebut sebabnya"
    where = exc.filename2 if exc.filename2 is not None else exc.filename  # os.replace: the destination
    head, sep, advice = reason.partition("; ")  # the path right after what went wrong, before any advice
    return f"{head} ({shown_path(where)}){sep}{advice}" if where is not None else reason
