"""An IKU document (.docx) as plain blocks: paragraphs and tables of cell texts, in document order. The file is
checked like a workbook first (size, zip sanity, password) so that a damaged or hostile file ends as an
Indonesian message."""

from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from iku.errors import InputError, Problem
from iku.read import limits, sanity

SAVE_AGAIN = "Buka di Word lalu simpan ulang sebagai 'Word Document (*.docx)', atau pakai salinan cadangannya."
MACROS = "Buka di Word lalu simpan ulang sebagai 'Word Document (*.docx)' (tanpa makro)."
DOCX = sanity.ArchiveKind(noun="dokumen Word .docx", save_again=SAVE_AGAIN, program="Word")
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


@dataclass(frozen=True)
class Cell:
    paragraphs: tuple[str, ...]
    fraction: tuple[str, str, str] | None = None  # numerator, denominator, multiplier of a stacked formula
    # (row, column) where this cell starts: a merged cell repeats in every row and column it spans, with the
    # origin of its first one
    origin: tuple[int, int] = (0, 0)

    @property
    def text(self) -> str:
        return " ".join(p for p in self.paragraphs if p)


@dataclass(frozen=True)
class Block:
    """A paragraph line (`text`) or a table (`rows`); `number` counts tables from 1, as the messages name them."""

    text: str = ""
    rows: tuple[tuple[Cell, ...], ...] = ()
    number: int = 0

    @property
    def is_table(self) -> bool:
        return self.number > 0


@dataclass(frozen=True)
class Source:
    blocks: tuple[Block, ...]
    page_mm: tuple[float, float]  # the first section's paper, width x height
    header: str = ""  # the page headers' text (the tool marks a sample's documents there)


def _fail(message: str) -> InputError:
    return InputError(Problem(message))


def read_bytes(path: Path) -> bytes:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise _fail(f"{path.name} bukan file biasa; sebutkan file dokumen IKU .docx.")
        if info.st_size > limits.MAX_FILE_BYTES:
            raise _fail(_too_big(path.name, info.st_size))
        with open(path, "rb") as source:
            content = source.read(limits.MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise _fail(f"file {path} tidak ditemukan") from None
    except OSError as exc:
        raise _fail(f"file {path} tidak dapat dibaca: {exc.strerror}") from None
    if len(content) > limits.MAX_FILE_BYTES:
        raise _fail(_too_big(path.name, len(content)))
    return content


def _too_big(name: str, size: int) -> str:
    mb = f"{size / limits.MB:.1f}".replace(".", ",")
    cap = f"{limits.MAX_FILE_BYTES / limits.MB:.1f}".replace(".", ",")
    return f"{name} terlalu besar ({mb} MB; batas {cap} MB) untuk sebuah dokumen IKU."


def read_document(path: Path) -> Source:
    """The document's body, in order; tables nested in a cell are read as part of that cell."""
    if path.suffix.lower() == ".doc":
        raise _fail(f"{path.name} berformat .doc lama; buka di Word lalu simpan ulang sebagai .docx.")
    if path.suffix.lower() in (".docm", ".dotm"):
        raise _fail(f"{path.name} dokumen Word bermakro ({path.suffix.lower()}); alat ini hanya membaca dokumen "
                    f"tanpa makro. {MACROS}")
    content = read_bytes(path)
    if content.startswith(sanity.OLE_SIGNATURE):
        if "EncryptedPackage".encode("utf-16-le") in content:
            raise _fail(f"{path.name} dilindungi kata sandi, jadi tidak dapat dibaca. Buka di Word, hapus kata "
                        "sandinya (File > Info > Lindungi Dokumen > Enkripsi dengan Kata Sandi), lalu simpan.")
        raise _fail(f"{path.name} bukan dokumen .docx: isinya dokumen Word .doc lama (atau dilindungi kata sandi); "
                    "simpan ulang sebagai .docx.")
    if not content.startswith(sanity.ZIP_SIGNATURE):
        raise _fail(f"{path.name} tidak dapat dibuka sebagai dokumen Word .docx: isinya bukan format Word. "
                    f"{SAVE_AGAIN}")
    archive = sanity.check_archive(path.name, content, DOCX)
    names = archive.namelist()
    types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    if "word/vbaProject.bin" in names or b"macroEnabled" in types:
        raise _fail(f"{path.name} berisi makro (isinya dokumen Word bermakro); alat ini hanya membaca dokumen tanpa "
                    f"makro. {MACROS}")
    if "word/document.xml" not in names:
        raise _fail(f"{path.name} bukan dokumen Word .docx (tidak ada bagian word/document.xml); mungkin buku kerja "
                    "atau presentasi. Sebutkan file dokumen IKU.")
    try:
        document = Document(io.BytesIO(content))
        return _source(document)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure of python-docx on this file means the file is damaged
        raise _fail(sanity.damaged(path.name, exc, DOCX)) from None


def _source(document) -> Source:
    section = document.sections[0]
    page = (section.page_width.mm if section.page_width else 0.0,
            section.page_height.mm if section.page_height else 0.0)
    blocks: list[Block] = []
    tables = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            for line in _paragraph_text(child, Paragraph(child, document)).split("\n"):
                blocks.append(Block(text=line))
        elif child.tag == qn("w:tbl"):
            tables += 1
            blocks.append(Block(rows=_rows(Table(child, document)), number=tables))
    header = " ".join(p.text for s in document.sections for p in s.header.paragraphs)
    return Source(blocks=tuple(blocks), page_mm=page, header=header)


def _rows(table: Table) -> tuple[tuple[Cell, ...], ...]:
    rows = []
    kept = []  # lxml keeps one proxy per element only while it is referenced: the ids below stay unique
    origins: dict[int, tuple[int, int]] = {}
    for r, row in enumerate(table.rows):
        cells = []
        for c, cell in enumerate(row.cells):
            kept.append(cell._tc)
            origin = origins.setdefault(id(cell._tc), (r, c))
            texts = [_paragraph_text(p._p, p) for p in cell.paragraphs]
            fraction = _fraction(cell)
            if fraction is None:
                for inner in cell.tables:  # a formula laid out as a small table, read as its text
                    texts += [c.text for r in inner.rows for c in r.cells]
            cells.append(Cell(paragraphs=tuple(_clean(t) for t in texts), fraction=fraction, origin=origin))
        rows.append(tuple(cells))
    return _without_spacers(rows)


def _without_spacers(rows: list[tuple[Cell, ...]]) -> tuple[tuple[Cell, ...], ...]:
    """Columns that hold nothing but blanks or ':' (spacers of a document converted from PDF, the colon column of
    an 'INSTANSI | : | Kecamatan ...' table) are left out, so that columns are found by what they hold."""
    width = max((len(row) for row in rows), default=0)
    empty = {c for c in range(width) if all(c >= len(row) or row[c].text.strip() in ("", ":") for row in rows)}
    return tuple(tuple(cell for c, cell in enumerate(row) if c not in empty) for row in rows)


def _clean(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def _paragraph_text(element, paragraph: Paragraph) -> str:
    """A paragraph's text, with the text of any equation (Word's math) it holds."""
    if element.find(".//" + _MATH + "oMath") is None:
        return paragraph.text
    return "".join(node.text or "" for node in element.iter(qn("w:t"), _MATH + "t"))


def _fraction(cell) -> tuple[str, str, str] | None:
    """A stacked formula: Word's math fraction (m:f), or the tool's own two-row table (numerator above a rule,
    denominator below, the multiplier beside both)."""
    found = cell._tc.find(".//" + _MATH + "f")
    if found is not None:
        num = _math_text(found.find(_MATH + "num"))
        den = _math_text(found.find(_MATH + "den"))
        rest = "".join(t.text or "" for t in cell._tc.iter(_MATH + "t")
                       if next(t.iterancestors(_MATH + "f"), None) is None)
        return (_clean(num), _clean(den), _clean(rest)) if num and den else None
    if len(cell.tables) == 1 and len(cell.tables[0].rows) == 2:
        top, bottom = cell.tables[0].rows[0].cells, cell.tables[0].rows[1].cells
        if len(top) == 2 and top[0].text.strip() and bottom[0].text.strip() and bottom[1].text in ("", top[1].text):
            return (_clean(top[0].text), _clean(bottom[0].text), _clean(top[1].text))
    return None


def _math_text(element) -> str:
    return "" if element is None else "".join(t.text or "" for t in element.iter(_MATH + "t"))
