"""Write rendered documents: temporary file first, then rename into place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Document:
    filename: str
    content: bytes
    title: str  # what it is, for the run summary
    formal: str = ""  # its title in the cover letter's list of attachments; empty: not an attachment


def write_atomic(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; colleagues on a shared folder must read it
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def remove_stale(folder: Path, keep: list[Path], belongs: Callable[[Path], bool]) -> list[Path]:
    """Delete this tool's earlier files in `folder` that this run did not write (a quarter no longer
    reported, a PDF of an older .docx), so the folder never mixes two runs."""
    kept = {p.name for p in keep}
    stale = [p for p in folder.iterdir() if p.is_file() and p.name not in kept and belongs(p)]
    for path in stale:
        path.unlink()
    return stale


def write_documents(folder: Path, documents: list[Document]) -> list[Path]:
    """Every document is rendered before this is called, so a failed render writes nothing."""
    written = []
    for doc in documents:
        target = folder / doc.filename
        write_atomic(target, doc.content)
        written.append(target)
    return written
