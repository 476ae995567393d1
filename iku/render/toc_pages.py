"""Page numbers of the LKjIP headings, read from a PDF of the document made by LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document

from iku.render import pdf
from iku.render.lkjip import headings

TOC_TITLE = "DAFTAR ISI"
# The footer of every numbered page: "Halaman 7", or "Halaman iii" in the front matter (the cover has none).
PRINTED = re.compile(r"Halaman\s+([ivxlcdm]+|\d+)\b")


def page_texts(pdf_path: Path) -> list[str]:
    """The text of each page (pdftotext from poppler), or [] when pdftotext is not installed."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return []
    done = subprocess.run([tool, "-enc", "UTF-8", str(pdf_path), "-"], capture_output=True, timeout=60, check=False)
    if done.returncode != 0:
        return []
    return done.stdout.decode("utf-8", errors="replace").split("\f")


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


def printed_number(page: str, index: int) -> str:
    """The number printed in the page's footer; the page's place in the file when it prints none."""
    found = PRINTED.findall(page)
    return found[-1] if found else str(index + 1)


def _as_heading(heading: str) -> re.Pattern:
    """The heading as printed: at the start of a line, in its own letters (so "Bab II Perencanaan Kinerja:" in
    the Sistematika is not "BAB II PERENCANAAN KINERJA"), wrapped over lines or not."""
    return re.compile(r"(?:^|\n)[ \t]*" + r"\s+".join(map(re.escape, heading.split())))


def locate(pages: list[str], wanted: list[str]) -> dict[str, str]:
    """Printed page number of each heading, searched in order, passing over the table of contents page."""
    flat = [_flat(p) for p in pages]
    toc = next((i for i, text in enumerate(flat) if _flat(TOC_TITLE) in text), None)
    start = 0
    found: dict[str, str] = {}
    for heading in wanted:
        pattern = _as_heading(heading)
        for index in range(start, len(flat)):
            if index == toc:
                continue
            if pattern.search(pages[index]):
                found[heading] = printed_number(pages[index], index)
                start = index  # the next heading is on this page or later
                break
    return found


def find(docx_path: Path) -> dict[str, str]:
    """Convert the document once and read where its headings fall; {} when that is not possible."""
    wanted = [text for _, text in headings(Document(docx_path))]
    with tempfile.TemporaryDirectory(prefix="iku-toc-") as tmp:
        try:
            made = pdf.convert([docx_path], Path(tmp))
        except pdf.PdfError:
            return {}
        return locate(page_texts(made[0]), wanted)


def find_many(docx_paths: list[Path]) -> dict[Path, dict[str, str]]:
    """find() for several documents with one LibreOffice start; each one alone if the joint run fails."""
    if len(docx_paths) <= 1:
        return {path: find(path) for path in docx_paths}
    wanted = {path: [text for _, text in headings(Document(path))] for path in docx_paths}
    with tempfile.TemporaryDirectory(prefix="iku-toc-") as tmp:
        try:
            made = pdf.convert(docx_paths, Path(tmp), timeout=pdf.batch_timeout(len(docx_paths)))
        except pdf.PdfUnavailable:
            return {}
        except pdf.PdfError:
            return {path: find(path) for path in docx_paths}
        return {path: locate(page_texts(made_pdf), wanted[path])
                for path, made_pdf in zip(docx_paths, made, strict=True)}
