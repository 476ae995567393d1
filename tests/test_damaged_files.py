"""A corpus of damaged, hostile and odd files, each made in the test from a good workbook: every one gives an
Indonesian message naming the file, no traceback, nothing written, the input untouched (issue 8)."""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
from pathlib import Path

import pytest
from conftest import rejected, run_cli

from iku import cli, layout
from iku.read import limits, sheet_scan
from iku.read.sanity import OLE_SIGNATURE

IDENTITY_XML = "xl/worksheets/sheet2.xml"


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(path: Path, parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED, special: str = "",
          special_method: int = zipfile.ZIP_DEFLATED) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data, compress_type=special_method if name == special else method)
    path.write_bytes(buffer.getvalue())
    return path


def sheet_xml(parts: dict[str, bytes], title: str) -> str:
    """The part name of a sheet, from workbook.xml and its relationships."""
    workbook = parts["xl/workbook.xml"].decode()
    rid = re.search(rf'<sheet[^>]*name="{title}"[^>]*r:id="(rId\d+)"', workbook).group(1)
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    target = re.search(rf'<Relationship[^>]*Id="{rid}"[^>]*Target="([^"]+)"', rels) or \
        re.search(rf'<Relationship[^>]*Target="([^"]+)"[^>]*Id="{rid}"', rels)
    return "xl/" + target.group(1).lstrip("/").removeprefix("xl/")


def damaged(make_workbook, change) -> Path:
    path = make_workbook()
    parts = members(path)
    change(parts)
    return rezip(path, parts)


def assert_no_traceback(output: str) -> None:
    assert "Traceback" not in output and "Error:" not in output, output


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/styles.xml"])
def test_truncated_part(make_workbook, tmp_path, part):
    def cut(parts):
        parts[part] = parts[part][: len(parts[part]) // 2]

    out = rejected(damaged(make_workbook, cut), tmp_path, "realisasi.xlsx rusak", "simpan ulang")
    assert_no_traceback(out)


def test_malformed_sheet_xml(make_workbook, tmp_path):
    def cut(parts):
        name = sheet_xml(parts, layout.SHEET_IDENTITY)
        parts[name] = parts[name].replace(b"</sheetData>", b"<row></sheetData>")

    assert_no_traceback(rejected(damaged(make_workbook, cut), tmp_path, "realisasi.xlsx rusak"))


def test_control_character_entity(make_workbook, tmp_path):
    def control(parts):
        name = sheet_xml(parts, layout.SHEET_IDENTITY)
        xml = re.sub(rb"(<is><t[^>]*>)", rb"\1&#1;", parts[name], count=1)
        assert xml != parts[name]
        parts[name] = xml

    assert_no_traceback(rejected(damaged(make_workbook, control), tmp_path, "realisasi.xlsx rusak"))


@pytest.mark.parametrize("attribute", [b' s="', b' t="s"'])
def test_bad_style_or_shared_string_index(make_workbook, tmp_path, attribute):
    def bad_index(parts):
        name = sheet_xml(parts, layout.SHEET_REALISATION)
        xml = parts[name]
        if attribute == b' s="':
            xml = re.sub(rb' s="\d+"', b' s="99999"', xml)
        else:
            xml = xml.replace(b"</row>", b'<c r="Z1" t="s"><v>99999</v></c></row>', 1)
        assert xml != parts[name]
        parts[name] = xml

    assert_no_traceback(rejected(damaged(make_workbook, bad_index), tmp_path, "realisasi.xlsx rusak"))


def test_bad_deflate_data(make_workbook, tmp_path):
    path = make_workbook()
    content = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/styles.xml")
    name_len, extra_len = struct.unpack("<HH", content[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    for i in range(start + 10, start + info.compress_size - 10, 7):
        content[i] ^= 0x5A
    path.write_bytes(bytes(content))
    assert_no_traceback(rejected(path, tmp_path, "realisasi.xlsx rusak"))


def test_unsupported_compression_method(make_workbook, tmp_path):
    path = make_workbook()
    rezip(path, members(path), special="xl/styles.xml", special_method=zipfile.ZIP_BZIP2)
    rejected(path, tmp_path, "realisasi.xlsx rusak", "xl/styles.xml", "metode yang tidak dikenal (nomor 12)")


def test_encrypted_member(make_workbook, tmp_path):
    path = make_workbook()
    content = bytearray(path.read_bytes())
    central = content.index(b"PK\x01\x02")
    content[central + 8] |= 0x01  # general purpose flag bit 0: encrypted
    content[6] |= 0x01  # and in the first local header
    path.write_bytes(bytes(content))
    rejected(path, tmp_path, "realisasi.xlsx dilindungi kata sandi")


def test_password_protected_workbook(tmp_path):
    # Excel saves a password-protected workbook as a Compound File holding an "EncryptedPackage" stream.
    path = tmp_path / "realisasi.xlsx"
    path.write_bytes(OLE_SIGNATURE + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500)
    out = rejected(path, tmp_path, "realisasi.xlsx dilindungi kata sandi", "hapus kata sandinya")
    assert "bukan zip" not in out and "not a zip" not in out


def test_old_xls_renamed(tmp_path):
    path = tmp_path / "realisasi.xlsx"
    path.write_bytes(OLE_SIGNATURE + b"\x00" * 1000)
    rejected(path, tmp_path, "bukan buku kerja .xlsx", "untuk .xls: simpan ulang sebagai .xlsx")


def test_xls_by_name(tmp_path):
    path = tmp_path / "realisasi.xls"
    path.write_bytes(OLE_SIGNATURE + b"\x00" * 1000)
    rejected(path, tmp_path, "realisasi.xls bukan buku kerja .xlsx", "untuk .xls")


def test_zip_bomb_by_ratio(make_workbook, tmp_path):
    # 8 MB of zeros packs into a few KB: refused from the header, before anything is unpacked.
    def bomb(parts):
        parts["xl/media/image1.png"] = bytes(8 * limits.MB)

    rejected(damaged(make_workbook, bomb), tmp_path, "xl/media/image1.png", "bom zip")


def test_zip_bomb_by_total_size(make_workbook, tmp_path, monkeypatch):
    path = make_workbook()
    monkeypatch.setattr(limits, "MAX_UNCOMPRESSED_BYTES", 50_000)
    rejected(path, tmp_path, "realisasi.xlsx setelah dibuka berukuran", "bom zip")


def test_header_that_understates_the_size(make_workbook, tmp_path):
    path = make_workbook()
    content = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/styles.xml")
    central = content.index(b"PK\x01\x02")
    while content[central + 46:central + 46 + len(b"xl/styles.xml")] != b"xl/styles.xml":
        central = content.index(b"PK\x01\x02", central + 4)
    small = struct.pack("<I", 100)
    content[central + 24:central + 28] = small  # uncompressed size in the central directory
    content[info.header_offset + 22:info.header_offset + 26] = small  # and in the local header
    path.write_bytes(bytes(content))
    rejected(path, tmp_path, "xl/styles.xml lebih besar daripada yang tercatat")


def test_too_many_parts(make_workbook, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_MEMBERS", 5)
    rejected(make_workbook(), tmp_path, "bagian (batas 5)")


def test_file_too_big(make_workbook, tmp_path, monkeypatch):
    path = make_workbook()
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 10_000)
    rejected(path, tmp_path, "realisasi.xlsx terlalu besar", "batas 0,0 MB")


@pytest.mark.parametrize(("sheet", "cell"), [(layout.SHEET_IDENTITY, "A1000000"), (layout.SHEET_SERVICES, "XFD5"),
                                             (layout.SHEET_BUDGET, "C90000")])
def test_stray_value_far_away(make_workbook, tmp_path, sheet, cell):
    # Before, one "x" at A1000000 made the reader build a million rows of cells (2 GB in 33 s).
    def stray(wb):
        wb[sheet][cell] = "x"

    rejected(make_workbook(edit=stray), tmp_path, f"{sheet}!{cell}", "di luar batas tabel")


def test_stray_value_on_a_sheet_the_tool_does_not_read(make_workbook, tmp_path):
    def stray(wb):
        wb.create_sheet("Catatan Staf")["A1000000"] = "x"

    path = make_workbook(edit=stray)
    result = run_cli("build", path, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output


def test_fifo_is_refused_without_waiting(tmp_path):
    path = tmp_path / "realisasi.xlsx"
    os.mkfifo(path)
    result = run_cli("build", path, "--output", tmp_path / "hasil")
    assert result.exit_code == 1
    assert "realisasi.xlsx bukan file biasa" in result.output
    assert not (tmp_path / "hasil").exists()


def test_link_to_dev_zero_is_refused(tmp_path):
    path = tmp_path / "realisasi.xlsx"
    path.symlink_to("/dev/zero")
    result = run_cli("build", path, "--output", tmp_path / "hasil")
    assert result.exit_code == 1
    assert "bukan file biasa" in result.output


def test_messages_are_capped(make_workbook, tmp_path, monkeypatch):
    def unknown_rows(wb):
        ws = wb[layout.SHEET_REALISATION]
        for row in range(60, 180):
            ws.cell(row=row, column=2, value=f"Indikator karangan {row}")

    out = rejected(make_workbook(edit=unknown_rows), tmp_path, "... dan ", "kesalahan lain")
    assert len([line for line in out.splitlines() if line.strip().startswith("- ")]) == limits.MAX_PROBLEMS_SHOWN


def test_damaged_file_does_not_stop_the_good_one(make_workbook, tmp_path, monkeypatch):
    inbox, outbox = tmp_path / "input", tmp_path / "output"
    inbox.mkdir()
    good = make_workbook(name="input/baik.xlsx")
    (inbox / "rusak.xlsx").write_bytes(good.read_bytes()[:3000])
    (inbox / "lama.xls").write_bytes(OLE_SIGNATURE)
    (inbox / "makro.xlsm").write_bytes(b"PK")
    (inbox / "data.csv").write_text("a;b\n")
    (inbox / "~$baik.xlsx").write_bytes(b"\x0bSUWANTO")
    (inbox / ".gitkeep").write_text("")
    monkeypatch.setattr(cli, "INPUT_DIR", inbox)
    monkeypatch.setattr(cli, "OUTPUT_DIR", outbox)
    result = run_cli()
    out = result.output
    assert result.exit_code == 1, out
    assert "Selesai: 1 buku kerja berhasil, 1 gagal." in out
    assert "rusak.xlsx rusak" in out
    assert any(p.suffix == ".docx" for p in outbox.rglob("*")), out
    summary = out[out.index("Selesai:"):]
    assert "Dilewati: 3 file" in summary
    for fragment in ("lama.xls: format .xls lama", "makro.xlsm: buku kerja bermakro", "data.csv: file CSV"):
        assert fragment in summary, summary
    assert ".gitkeep" not in out and "~$" not in out  # Excel's owner file beside an open workbook: silent (issue 19)
    assert_no_traceback(out)


def test_unexpected_error_is_one_line_and_a_log(make_workbook, tmp_path, monkeypatch):
    import tempfile

    from iku import pipeline

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    real_build = pipeline.build

    def flaky(path, *args, **kwargs):
        if path.name == "pertama.xlsx":
            raise RuntimeError("bug buatan")
        return real_build(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "build", flaky)
    # two years: the same office and year twice in one run is refused before any build (tests/test_batch.py)
    first, second = make_workbook(name="pertama.xlsx"), make_workbook(name="kedua.xlsx", year=2024)
    result = run_cli("build", first, second, "--output", tmp_path / "hasil")
    out = result.output
    assert result.exit_code == 1
    assert "Traceback" not in out
    line = next(line for line in out.splitlines() if "Kesalahan tak terduga" in line)
    assert "RuntimeError" in line
    log = Path(re.search(r"ditulis ke (\S+\.log)", line).group(1))
    assert log.parent == tmp_path
    assert "Traceback" in log.read_text() and "bug buatan" in log.read_text()
    assert "Selesai: 1 buku kerja berhasil, 1 gagal." in out


def test_table_too_big_for_memory(make_workbook, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FORM_CELLS", 500)
    rejected(make_workbook(), tmp_path, "tabel terlalu besar untuk dibaca", "batas 500 sel")


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
          b'<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')


@pytest.mark.parametrize("sheet", [layout.SHEET_IDENTITY, layout.SHEET_SERVICES, "xl/workbook.xml"])
def test_entities_refused_in_every_part(make_workbook, tmp_path, sheet):
    def laughs(parts):
        name = sheet if sheet.endswith(".xml") else sheet_xml(parts, sheet)
        xml = re.sub(rb"^<\?xml[^>]*\?>", b"", parts[name])
        parts[name] = LAUGHS + xml.replace(b"</worksheet>", b"<!-- &lol2; --></worksheet>")

    out = rejected(damaged(make_workbook, laughs), tmp_path, "realisasi.xlsx rusak", "deklarasi DTD")
    assert "root:" not in out


def test_quick_and_exact_scans_agree_on_the_sample():
    from iku.read import sanity

    sample = Path(__file__).resolve().parent.parent / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
    content = sample.read_bytes()
    archive = sanity.check_archive(sample.name, content)
    parts = members(sample)
    for sheet in layout.DATA_SHEETS:
        name = sheet_xml(parts, sheet)
        quick = sheet_scan.quick_scan(archive.read(name), sheet, limits.MAX_DATA_ROWS, limits.MAX_DATA_CELLS)
        exact = sheet_scan.exact_scan(archive.read(name), sheet, limits.MAX_DATA_ROWS, limits.MAX_DATA_CELLS)
        assert quick is not None, sheet
        assert (quick.rows, quick.columns) == (exact.rows, exact.columns), sheet


def test_stray_cell_written_unlike_excel_is_still_found(make_workbook, tmp_path):
    # The reference is not the first attribute: the quick pass gives up and the exact scan finds the cell.
    def stray(parts):
        name = sheet_xml(parts, layout.SHEET_SERVICES)
        parts[name] = parts[name].replace(b"</row>", b'<c t="n" r="XFD9"><v>1</v></c></row>', 1)

    rejected(damaged(make_workbook, stray), tmp_path, "Pelayanan!XFD9", "di luar batas tabel")


def test_quick_pass_keeps_excel_extensions_and_gives_way_to_prefixed_cells():

    def archive(xml: bytes) -> zipfile.ZipFile:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as made:
            made.writestr("s.xml", xml)
        return zipfile.ZipFile(buffer)

    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="x"><sheetData>'
    excel = head + (b'<row r="1"><c r="A1"><v>1</v></c><c r="C1" s="2"/></row></sheetData>'
                    b'<extLst><x14:conditionalFormatting xmlns:x14="y"/></extLst></worksheet>')
    extent = sheet_scan.quick_scan(archive(excel).read("s.xml"), "SKM", 10, 100)
    assert (extent.rows, extent.columns) == (1, 1)
    prefixed = head + b'<row r="1"><c r="A1"><v>1</v></c><x:c r="Z9"><x:v>1</x:v></x:c></row></sheetData></worksheet>'
    assert sheet_scan.quick_scan(archive(prefixed).read("s.xml"), "SKM", 10, 100) is None
