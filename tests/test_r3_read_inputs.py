"""Inputs that are not regular files (a FIFO, a socket, a device, a link to /dev/zero) are refused before
anything opens them; a read never takes more than the limit."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from iku.errors import InputError
from iku.read import limits, reader

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets and /dev are POSIX")


def _refused(path: Path) -> str:
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            reader.read(path)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(30)  # a read of /dev/zero or a FIFO would never end: the thread would still be alive
    assert not worker.is_alive(), "the read did not return"
    assert isinstance(outcome[0], InputError), outcome
    return str(outcome[0])


def test_link_to_dev_zero(tmp_path):
    path = tmp_path / "nol.xlsx"
    path.symlink_to("/dev/zero")
    assert _refused(path) == (f"nol.xlsx bukan file biasa melainkan perangkat, jadi tidak dibuka ({path}). "
                              "Pakai file buku kerja .xlsx.")


def test_fifo(tmp_path):
    path = tmp_path / "pipa.xlsx"
    os.mkfifo(path)
    assert "pipa.xlsx bukan file biasa melainkan pipa bernama (FIFO), jadi tidak dibuka" in _refused(path)


def test_socket(tmp_path):
    path = tmp_path / "s.xlsx"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        assert "s.xlsx bukan file biasa melainkan soket" in _refused(path)
    finally:
        server.close()


def test_folder(tmp_path):
    path = tmp_path / "map.xlsx"
    path.mkdir()
    assert "map.xlsx bukan file biasa melainkan folder" in _refused(path)


def test_read_is_bounded_even_when_the_size_lies(tmp_path, monkeypatch):
    # A file larger than the limit whose stat said otherwise (it grew): read stops at the limit plus one byte.
    path = tmp_path / "besar.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 5000)
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    real_fstat = os.fstat

    class Small:
        def __init__(self, info):
            self.st_mode, self.st_size = info.st_mode, 10

    monkeypatch.setattr(os, "fstat", lambda handle: Small(real_fstat(handle)))
    reads = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda handle, size: reads.append(size) or real_read(handle, size))
    with pytest.raises(InputError) as caught:
        reader.read(path)
    assert "besar.xlsx terlalu besar" in str(caught.value)
    assert sum(reads) <= 1001
