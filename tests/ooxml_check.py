"""Office Open XML validity of the files iku writes, with openxml-audit (a pure-Python port of the Open XML SDK
validator: ISO/IEC 29500 transitional schemas plus the SDK's stricter element orders and value types, and checks of
what Word and Excel reject). Every error and warning fails, except those on the allow-list below."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from openxml_audit import FileFormat, OpenXmlValidator

# Known findings that are not faults of the file, each with the reason. Keep this list short.
ALLOWED = {
    # openpyxl 3.1 writes every text cell as an inline string (<c t="inlineStr">), which ISO/IEC 29500 allows
    # (18.3.1.4); the check only warns that Excel moves them into a shared-strings table when it saves the file.
    "Excel_InlineStrCells",
}


@cache
def _validator() -> OpenXmlValidator:
    return OpenXmlValidator(file_format=FileFormat.OFFICE_2019, max_errors=1000)


_MKDTEMP = tempfile.mkdtemp
_VALID: set[str] = set()  # content keys of the files found valid in this test session
_BUILD_TIME = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)")


def content_key(path: Path) -> str:
    """The file's parts, with the build time in docProps/core.xml left out: two builds of the same workbook give
    one key, so the suite validates each distinct document once (it builds the same one in many tests)."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            data = z.read(name)
            if name == "docProps/core.xml":
                data = _BUILD_TIME.sub(rb"\1\2", data)
            digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def findings(path: Path | str) -> list[str]:
    """Every finding off the allow-list, as 'file part: description', embedded workbooks (chart data) included."""
    path = Path(path)
    key = content_key(path)
    if key in _VALID:
        return []
    found = _findings(path)
    if not found:
        _VALID.add(key)
    return found


def _findings(path: Path) -> list[str]:
    result = _validator().validate(path)
    found = [f"{path.name} {e.part_uri} {e.path}: [{e.severity.value}] {e.description}"
             for e in result.errors if e.id not in ALLOWED]
    with zipfile.ZipFile(path) as z:
        embedded = [n for n in z.namelist() if n.startswith(("word/embeddings/", "xl/embeddings/"))
                    and n.endswith((".xlsx", ".docx"))]
        if not embedded:
            return found
        folder = Path(_MKDTEMP(prefix="ooxml-"))  # tempfile's own: a test may have made mkdtemp fail on purpose
        try:
            for name in embedded:
                inner = folder / Path(name).name
                inner.write_bytes(z.read(name))
                found += [f"{path.name}!{name}: {line}" for line in findings(inner)]
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return found


def assert_valid(path: Path | str) -> None:
    problems = findings(path)
    assert not problems, f"{len(problems)} temuan validator OOXML:\n" + "\n".join(problems[:20])


def part(path: Path | str, name: str) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(name)


def part_names(path: Path | str) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(Path(path).read_bytes())) as z:
        return z.namelist()
