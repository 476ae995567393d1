"""Write rendered documents: temporary file first, then rename into place."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Document:
    filename: str
    content: bytes
    title: str  # what it is, for the run summary


def write_atomic(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_documents(folder: Path, documents: list[Document]) -> list[Path]:
    """Every document is rendered before this is called, so a failed render writes nothing."""
    written = []
    for doc in documents:
        target = folder / doc.filename
        write_atomic(target, doc.content)
        written.append(target)
    return written
