"""The "no DTD" guard reads each part's text as a parser would decode it: UTF-16 parts, parts with unexpected names,
and an encoding a parser could decode but the bytes hide (UTF-7) are all refused."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from source_helpers import workbook_with

from iku import layout as L
from iku.errors import InputError
from iku.office_import.docx_read import DOCX
from iku.read import reader, sanity

DTD = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
SAVE = "Buka di Excel lalu simpan ulang sebagai 'Excel Workbook (*.xlsx)', atau pakai salinan cadangannya."


def _parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write(path, parts: dict[str, bytes]):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def _skm_part(parts: dict[str, bytes]) -> str:
    rid = re.search(rb'name="SKM"[^>]*r:id="(rId\d+)"', parts["xl/workbook.xml"]).group(1)
    target = re.search(rb'Target="([^"]+)"[^>]*Id="' + rid + b'"', parts["xl/_rels/workbook.xml.rels"]) or \
        re.search(rb'Id="' + rid + rb'"[^>]*Target="([^"]+)"', parts["xl/_rels/workbook.xml.rels"])
    return "xl/" + target.group(1).decode().lstrip("/").removeprefix("xl/")


def _refused(path) -> str:
    with pytest.raises(InputError) as caught:
        reader.read(path)
    return str(caught.value)


def _with_dtd(xml: bytes, encoding: str) -> str:
    body = re.sub(rb"^<\?xml[^>]*\?>", b"", xml).decode()
    return f'<?xml version="1.0" encoding="{encoding}"?>{DTD}{body}'


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])  # with a byte order mark, and without
def test_utf16_sheet_with_a_dtd(tmp_path, codec):
    path = workbook_with(tmp_path, {})
    parts = _parts(path)
    name = _skm_part(parts)
    parts[name] = _with_dtd(parts[name], "UTF-16").encode(codec)
    assert _refused(_write(path, parts)) == (f"data.xlsx rusak: bagian {name} memuat deklarasi DTD (<!DOCTYPE>), "
                                             f"yang tidak pernah ditulis Excel dan ditolak demi keamanan. {SAVE}")


def test_part_with_an_unexpected_name(tmp_path):
    path = workbook_with(tmp_path, {})
    parts = _parts(path)
    parts["xl/lain/bagian.bin"] = f'<?xml version="1.0"?>{DTD}<x>&xxe;</x>'.encode()
    assert "bagian xl/lain/bagian.bin memuat deklarasi DTD" in _refused(_write(path, parts))


def test_encoding_that_hides_a_dtd_from_the_bytes(tmp_path):
    path = workbook_with(tmp_path, {})
    parts = _parts(path)
    name = _skm_part(parts)
    parts[name] = _with_dtd(parts[name], "UTF-7").encode("utf-7")
    assert _refused(_write(path, parts)) == (f"data.xlsx rusak: bagian {name} memakai pengodean 'UTF-7', padahal "
                                             "Excel hanya menulis UTF-8 atau UTF-16 (atau pengodeannya tidak cocok "
                                             f"dengan isinya). {SAVE}")


def test_picture_bytes_are_not_text(tmp_path):
    # A picture may hold any bytes: it is not XML, and its bytes are not read as a declaration.
    path = workbook_with(tmp_path, {L.SHEET_SKM: []})
    parts = _parts(path)
    parts["xl/media/image1.png"] = b"\x89PNG\r\n\x1a\n" + DTD.encode() + b"\0" * 40
    assert reader.read(_write(path, parts)).sheet_names


def test_utf16_word_document_with_a_dtd():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", _with_dtd(b"<w:document/>", "UTF-16").encode("utf-16"))
    with pytest.raises(InputError) as caught:
        sanity.check_archive("iku.docx", buffer.getvalue(), DOCX)
    assert "iku.docx rusak: bagian word/document.xml memuat deklarasi DTD (<!DOCTYPE>), yang tidak pernah ditulis " \
           "Word" in str(caught.value)
