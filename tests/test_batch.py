"""Several workbooks in one run: in parallel, failures kept apart, the summary, the kabupaten recap, --quiet,
progress, and LibreOffice started once per stage for a worker's share of workbooks."""

from __future__ import annotations

import io
import os
import shutil
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import run_cli, sha
from openpyxl import load_workbook

from iku import batch, batch_cli, catalogue, pipeline, writer
from iku.batch import RecapRow
from iku.read import reader, sanity
from iku.render import pdf
from iku.render.common import SAMPLE_MARK
from iku.render.recap import OfficeRecap, recap_workbook

# Invented figures for tests (not official): indicator -> 2025 realisation, percent as 46.67.
MANTUP_VALUES = {7: {2025: 80}, 8: {2025: 100}, 10: {2025: 40}}  # capaian 80, 100, 85,71: mean 88,57
UJI_VALUES = {7: {2025: 50}, 8: {2025: 60}}  # capaian 50 (Sangat Rendah), 60 (Rendah): mean 55,00
UJI = "Kecamatan Uji Coba"
RECAP = "Rekap_Kinerja_Lamongan_2025.xlsx"


def add_office(tmp_path: Path, monkeypatch, code: str, name: str) -> None:
    """A second office: Mantup's catalogue under another code and name, in an offices folder of the test."""
    folder = tmp_path / "offices"
    if not folder.exists():
        folder.mkdir()
        shutil.copy(catalogue.OFFICES_DIR / "mantup_2021-2026.toml", folder / "mantup_2021-2026.toml")
        monkeypatch.setattr(catalogue, "OFFICES_DIR", folder)
    text = (folder / "mantup_2021-2026.toml").read_text(encoding="utf-8")
    text = text.replace('kode = "mantup"', f'kode = "{code}"', 1).replace('nama = "Kecamatan Mantup"',
                                                                          f'nama = "{name}"', 1)
    (folder / f"{code}.toml").write_text(text, encoding="utf-8")


@pytest.fixture
def two_offices(make_workbook, tmp_path, monkeypatch):
    """A Mantup workbook and one of a second office (made before the second catalogue exists, then renamed)."""
    mantup = make_workbook(MANTUP_VALUES, name="mantup.xlsx")
    uji = make_workbook(UJI_VALUES, name="uji.xlsx", identity={"Instansi": UJI})
    add_office(tmp_path, monkeypatch, "uji", UJI)
    return mantup, uji


def broken(tmp_path: Path, name: str = "rusak.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04 bukan buku kerja")
    return path


def table(ws, first_row: int) -> list[list[object]]:
    return [list(row) for row in ws.iter_rows(min_row=first_row, values_only=True) if row[0] is not None]


def test_two_offices_give_a_recap_with_their_rows(two_offices, tmp_path):
    out = tmp_path / "hasil"
    result = run_cli("build", *two_offices, "--output", out)
    assert result.exit_code == 0, result.output
    # not a terminal: one line per finished workbook, then the summary naming office, year and documents
    progress = [line for line in result.output.splitlines() if line.startswith("[")]
    assert sorted(line[:5] for line in progress) == ["[1/2]", "[2/2]"], result.output
    assert {line.split(": ")[0][6:] for line in progress} == {"mantup.xlsx", "uji.xlsx"}
    summary = result.output[result.output.index("Ringkasan:"):]
    assert "mantup.xlsx: Kecamatan Mantup tahun 2025; 5 dokumen ditulis," in summary
    assert f"uji.xlsx: {UJI} tahun 2025; 5 dokumen ditulis," in summary
    assert "Selesai: 2 buku kerja berhasil, 0 gagal." in summary
    assert (out / "uji-2025").is_dir() and (out / "mantup-2025").is_dir()

    wb = load_workbook(out / RECAP)
    assert wb.sheetnames == ["Ringkasan", "Rekap Indikator"]
    detail = wb["Rekap Indikator"]
    rows = table(detail, 5)
    assert rows[0] == ["No", "Instansi", "No IKU", "Indikator Kinerja", "Tingkat", "Satuan", "Target", "Realisasi",
                       "Capaian", "Predikat / Keterangan"]
    assert len(rows) == 1 + 2 * 10
    by_key = {(r[1], r[2]): r for r in rows[1:]}
    assert by_key[("Kecamatan Mantup", 10)][3:] == ["Persentase Desa Naik Kelas", "Lainnya", "persen", 0.4667,
                                                    0.4, 0.8571, "Tinggi"]
    assert by_key[("Kecamatan Mantup", 1)][4:] == ["Tujuan", "nilai", "belum ditetapkan", "belum dilaporkan", "-",
                                                   "target belum ditetapkan"]
    assert by_key[(UJI, 7)][6:] == [1.0, 0.5, 0.5, "Sangat Rendah"]
    assert by_key[(UJI, 8)][6:] == [1.0, 0.6, 0.6, "Rendah"]
    assert detail.page_setup.paperSize == 14 and detail.print_title_rows == "$5:$5"
    assert detail["I15"].value == 0.8571 and detail["I15"].number_format == "0.00%"

    summary_sheet = wb["Ringkasan"]
    ranked = table(summary_sheet, 5)
    assert ranked[0][:3] == ["Peringkat", "Instansi", "Jumlah Indikator"]
    assert ranked[1] == [1, "Kecamatan Mantup", 10, 1, 2, 0, 0, 0, 7, 0.8857]
    assert ranked[2] == [2, UJI, 10, 0, 0, 0, 1, 1, 8, 0.55]
    assert "CONTOH" not in str(summary_sheet["A1"].value) and summary_sheet.oddHeader.center.text is None
    chart = summary_sheet._charts[0]
    assert chart.type == "bar"
    assert chart.y_axis.scaling.min == 0  # bars start at zero
    assert chart.series[0].val.numRef.f == "'Ringkasan'!$J$6:$J$7"
    assert (chart.series[0].cat.numRef or chart.series[0].cat.strRef).f == "'Ringkasan'!$B$6:$B$7"


def test_one_broken_workbook_stops_no_other(two_offices, tmp_path):
    out = tmp_path / "hasil"
    result = run_cli("build", two_offices[0], broken(tmp_path), two_offices[1], "--output", out)
    assert result.exit_code == 1, result.output
    assert "Selesai: 2 buku kerja berhasil, 1 gagal." in result.output
    summary = result.output[result.output.index("Ringkasan:"):]
    assert "rusak.xlsx: kantor dan tahun tidak terbaca; 0 dokumen ditulis, 0 peringatan, GAGAL, 1 galat" in summary
    assert "rusak.xlsx rusak" in result.output
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["mantup-2025", "uji-2025"]
    # a recap without the broken workbook's office would look complete: none is written, and the run says why
    assert not (out / RECAP).exists()
    assert f"Rekap {RECAP} tidak ditulis: 1 buku kerja gagal pada proses ini (rusak.xlsx)" in result.output


def test_recap_of_an_earlier_run_is_removed_when_not_rewritten(two_offices, tmp_path):
    out = tmp_path / "hasil"
    assert run_cli("build", *two_offices, "--output", out).exit_code == 0
    assert (out / RECAP).is_file()
    result = run_cli("build", two_offices[0], broken(tmp_path), two_offices[1], "--output", out)
    assert result.exit_code == 1
    assert not (out / RECAP).exists()  # its figures would no longer match the documents just written
    assert f"Rekap lama {RECAP} dihapus" in result.output
    staff = out / RECAP
    staff.write_bytes(b"berkas staf")  # a file the tool did not write is never removed
    assert run_cli("build", two_offices[0], broken(tmp_path), "--output", out).exit_code == 1
    assert staff.read_bytes() == b"berkas staf"


def test_same_office_twice_builds_neither(make_workbook, tmp_path, monkeypatch):
    first = make_workbook(MANTUP_VALUES, name="mantup_a.xlsx")
    second = make_workbook(name="mantup_b.xlsx")
    other = make_workbook(UJI_VALUES, name="uji.xlsx", identity={"Instansi": UJI})
    add_office(tmp_path, monkeypatch, "uji", UJI)
    out = tmp_path / "hasil"
    result = run_cli("build", first, other, second, "--output", out)
    assert result.exit_code == 1, result.output
    message = next(line for line in result.output.splitlines() if "sama-sama" in line)
    assert "mantup_a.xlsx dan mantup_b.xlsx sama-sama buku kerja Kecamatan Mantup tahun 2025" in message
    assert "Tidak satu pun diproses" in message
    assert sorted(p.name for p in out.iterdir()) == ["uji-2025"]  # no Mantup folder, no recap of one office
    assert "Selesai: 1 buku kerja berhasil, 2 gagal." in result.output


def test_quiet_prints_errors_and_the_last_line_only(make_workbook, tmp_path):
    good = make_workbook(MANTUP_VALUES, name="baik.xlsx")
    result = run_cli("build", good, broken(tmp_path), "--output", tmp_path / "hasil", "--quiet")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[0] == "rusak.xlsx"
    assert lines[1].startswith("  GAGAL, tidak ada dokumen yang ditulis.")
    assert lines[-1] == "Selesai: 1 buku kerja berhasil, 1 gagal."
    assert not any("Ditulis" in line or line.startswith("[") or "Ringkasan" in line for line in lines)
    assert (tmp_path / "hasil" / "mantup-2025").is_dir()


def test_progress_bar_on_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr(batch_cli, "_terminal", lambda: True)
    result = run_cli("build", broken(tmp_path, "a.xlsx"), broken(tmp_path, "b.xlsx"), "--output", tmp_path / "x")
    assert batch_cli.PROGRESS_LABEL in result.output  # click draws only the label when the output is a file
    assert not any(line.startswith("[") for line in result.output.splitlines())
    assert "Selesai: 0 buku kerja berhasil, 2 gagal." in result.output


def test_recap_never_overwrites_a_file_it_did_not_write(tmp_path):
    writer.write_owned(tmp_path, RECAP, b"pertama")
    writer.write_owned(tmp_path, RECAP, b"kedua")  # its own, unchanged: replaced
    assert (tmp_path / RECAP).read_bytes() == b"kedua"
    (tmp_path / RECAP).write_bytes(b"diubah staf")
    staff = tmp_path / "Rekap_Kinerja_Lamongan_2024.xlsx"
    staff.write_bytes(b"milik staf")
    for name in (RECAP, staff.name):
        with pytest.raises(writer.OutputError, match="tidak tercatat sebagai buatan alat ini"):
            writer.write_owned(tmp_path, name, b"baru")
    assert (tmp_path / RECAP).read_bytes() == b"diubah staf" and staff.read_bytes() == b"milik staf"


@pytest.mark.skipif(sys.platform == "win32", reason="skrip soffice palsu memakai /bin/sh")
def test_failed_pdf_of_one_workbook_keeps_the_others_pdfs(make_workbook, tmp_path, monkeypatch):
    """A joint LibreOffice run that fails is retried per workbook: only the bad one fails, untouched."""
    good = make_workbook(MANTUP_VALUES, name="baik.xlsx")
    bad = make_workbook(name="rusak.xlsx", identity={"Instansi": "Kecamatan Rusak"})
    add_office(tmp_path, monkeypatch, "rusak", "Kecamatan Rusak")
    starts = tmp_path / "starts"
    script = tmp_path / "soffice"
    script.write_text(f"""#!/bin/sh
echo start >> {starts}
case "$*" in *Rusak*) exit 1;; esac
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) shift; out="$1";;
    *.docx) echo "%PDF-1.4" > "$out/$(basename "$1" .docx).pdf";;
  esac
  shift
done
""")
    script.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(script))
    out = tmp_path / "hasil"
    result = run_cli("build", good, bad, "--output", out, "--pdf", "--jobs", "1")
    assert result.exit_code == 1, result.output
    assert "GAGAL pada langkah PDF" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["mantup-2025"]
    folder = out / "mantup-2025"
    assert sorted(p.stem for p in folder.glob("*.pdf")) == sorted(p.stem for p in folder.glob("*.docx"))
    # table of contents: 1 joint run, then 1 per workbook; PDFs: 1 joint run, then 1 per workbook
    assert len(starts.read_text().splitlines()) == 6


@pytest.mark.skipif(pdf.find_soffice() is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice atau pdftotext tidak terpasang")
def test_pdf_batch_starts_libreoffice_twice_per_worker(make_workbook, tmp_path, monkeypatch):
    workbooks = [make_workbook(MANTUP_VALUES, name="mantup.xlsx"),
                 make_workbook(UJI_VALUES, name="uji.xlsx", identity={"Instansi": UJI}),
                 make_workbook(UJI_VALUES, name="uji2.xlsx", identity={"Instansi": "Kecamatan Uji Dua"})]
    add_office(tmp_path, monkeypatch, "uji", UJI)
    add_office(tmp_path, monkeypatch, "uji2", "Kecamatan Uji Dua")
    log = tmp_path / "soffice.log"
    script = tmp_path / "soffice"
    script.write_text(f'#!/bin/sh\necho "$1" >> {log}\nexec "{pdf.find_soffice()}" "$@"\n')
    script.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(script))
    out = tmp_path / "hasil"
    result = run_cli("build", *workbooks, "--output", out, "--pdf", "--jobs", "2")
    assert result.exit_code == 0, result.output
    profiles = log.read_text().splitlines()
    assert len(profiles) == 4  # two workers, each: LKjIP page numbers once, every PDF once (was 2 per workbook)
    assert all(p.startswith("-env:UserInstallation=file://") for p in profiles)
    assert len(set(profiles)) == 4  # never a profile shared between runs
    for folder in ("mantup-2025", "uji-2025", "uji2-2025"):
        docx = sorted(p.stem for p in (out / folder).glob("*.docx"))
        assert sorted(p.stem for p in (out / folder).glob("*.pdf")) == docx
    assert "Nomor halaman daftar isi" not in result.output  # every LKjIP got its page numbers
    assert sha(out / RECAP)


def test_sample_workbooks_get_their_own_marked_recap(make_workbook, tmp_path, monkeypatch):
    sample = {"Status Data": "CONTOH"}
    workbooks = [make_workbook(MANTUP_VALUES, name="mantup_contoh.xlsx", identity=sample),
                 make_workbook(UJI_VALUES, name="uji_contoh.xlsx", identity={**sample, "Instansi": UJI}),
                 make_workbook(MANTUP_VALUES, name="mantup_resmi.xlsx")]  # not a twin of the sample one
    add_office(tmp_path, monkeypatch, "uji", UJI)
    out = tmp_path / "hasil"
    result = run_cli("build", *workbooks, "--output", out)
    assert result.exit_code == 0, result.output
    # one official office only: no official recap; the samples' recap is apart and marked on every sheet and page
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == [writer.MANIFEST, "CONTOH_" + RECAP]
    wb = load_workbook(out / ("CONTOH_" + RECAP))
    for ws in wb.worksheets:
        assert ws["A1"].value == SAMPLE_MARK
        assert ws.oddHeader.center.text == SAMPLE_MARK
    assert [row[1] for row in table(wb["Ringkasan"], 6)[1:3]] == ["Kecamatan Mantup", UJI]


def test_recap_counts_missing_capaian_apart_and_keeps_text_as_text():
    def row(number: int, capaian: str | None, band: str | None) -> RecapRow:
        value = Decimal(capaian) if capaian is not None else None
        return RecapRow(number, "=HYPERLINK(\"x\")", "", "persen", True, False, Decimal(100), value, value, band,
                        "belum dilaporkan" if value is None else band)

    offices = [OfficeRecap("=1+1 Kecamatan B", (row(1, "90", "tinggi"), row(2, None, None))),
               OfficeRecap("Kecamatan A", (row(1, "90", "tinggi"), row(2, "70", "sedang"))),
               OfficeRecap("Kecamatan C", (row(1, None, None),))]
    wb = load_workbook(io.BytesIO(recap_workbook("Lamongan", 2025, offices, is_sample=False)))
    ranked = table(wb["Ringkasan"], 5)[1:4]
    # B: mean of its one capaian (90), the missing one counted apart, not as 0 (which would give 45)
    assert [r[1] for r in ranked] == ["=1+1 Kecamatan B", "Kecamatan A", "Kecamatan C"]
    assert ranked[0][2:] == [2, 0, 1, 0, 0, 0, 1, 0.9]
    assert ranked[1][2:] == [2, 0, 1, 1, 0, 0, 0, 0.8]
    assert ranked[2][2:] == [1, 0, 0, 0, 0, 0, 1, "-"]
    assert [r[0] for r in ranked] == [1, 2, "-"]  # an office without any capaian is not ranked
    chart = wb["Ringkasan"]._charts[0]
    assert chart.series[0].val.numRef.f == "'Ringkasan'!$J$6:$J$7"  # its "-" is not drawn as a 0 bar
    tied = [OfficeRecap("Kecamatan X", (row(1, "80", "tinggi"),)),
            OfficeRecap("Kecamatan Y", (row(1, "80", "tinggi"),)),
            OfficeRecap("Kecamatan Z", (row(1, "70", "sedang"),))]
    ranks = [r[0] for r in table(load_workbook(io.BytesIO(recap_workbook("Lamongan", 2025, tied, False)))["Ringkasan"],
                                 5)[1:4]]
    assert ranks == [1, 1, 3]
    assert wb["Ringkasan"]["B6"].data_type == "s"
    detail = wb["Rekap Indikator"]
    assert all(detail.cell(row=r, column=4).data_type == "s" for r in range(6, detail.max_row + 1))
    assert detail["B6"].value == "=1+1 Kecamatan B" and detail["D6"].value == '=HYPERLINK("x")'


def test_quiet_on_the_group_for_the_input_folder(tmp_path, monkeypatch):
    from iku import cli

    inbox = tmp_path / "input"
    inbox.mkdir()
    broken(inbox, "a.xlsx"), broken(inbox, "b.xlsx")
    (inbox / "data.csv").write_text("a;b\n")
    monkeypatch.setattr(cli, "INPUT_DIR", inbox)
    monkeypatch.setattr(cli, "OUTPUT_DIR", tmp_path / "output")
    result = run_cli("--quiet")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[-1] == "Selesai: 0 buku kerja berhasil, 2 gagal."
    assert [line for line in lines if not line.startswith("  ")] == ["a.xlsx", "b.xlsx", lines[-1]]


@pytest.mark.parametrize("value", ["0", "dua", "-1"])
def test_jobs_must_be_a_positive_whole_number(tmp_path, value):
    result = run_cli("build", tmp_path / "a.xlsx", "--jobs", value, "--output", tmp_path / "hasil")
    assert result.exit_code == 2
    assert f"nilai opsi --jobs tidak sah: '{value}' bukan jumlah proses" in result.output
    assert not (tmp_path / "hasil").exists()


def test_recap_file_name_never_leaves_the_output_folder():
    name = batch_cli.recap_name("Tanjung Jabung Barat", 2025, True)
    assert name == "CONTOH_Rekap_Kinerja_Tanjung_Jabung_Barat_2025.xlsx"
    assert batch_cli.recap_name("../a/b:c?", 2025, False) == "Rekap_Kinerja_a_b_c_2025.xlsx"



class Panic(BaseException):
    """Like pyo3's PanicException (a panic in python-calamine): a BaseException, not an Exception."""


REAL_BUILD, REAL_IDENTIFY, REAL_CHECK = pipeline.build, batch.identify, sanity.check_archive
TARGET = ""  # the workbook the fakes below fail on (module level: the workers get them by name)


def dying_build(path, *args, **kwargs):
    if Path(path).name == TARGET:
        os._exit(1)  # the worker process ends at once, like a kill for memory or a crash in a native library
    return REAL_BUILD(path, *args, **kwargs)


def dying_identify(path, *args, **kwargs):
    if Path(path).name == TARGET:
        os._exit(1)
    return REAL_IDENTIFY(path, *args, **kwargs)


def panicking_check(name, *args, **kwargs):
    if name == TARGET:
        raise Panic("panic in a native library")
    return REAL_CHECK(name, *args, **kwargs)


def test_a_worker_that_dies_fails_only_its_own_workbook(make_workbook, tmp_path, monkeypatch):
    mantup = make_workbook(MANTUP_VALUES, name="mantup.xlsx")
    dead = make_workbook(MANTUP_VALUES, name="mati.xlsx", identity={"Instansi": "Kecamatan Mati"})
    uji = make_workbook(UJI_VALUES, name="uji.xlsx", identity={"Instansi": UJI})
    add_office(tmp_path, monkeypatch, "mati", "Kecamatan Mati")
    add_office(tmp_path, monkeypatch, "uji", UJI)
    # the workers are forked, so they run the patched build; the dead one used to take every other workbook down
    monkeypatch.setattr(sys.modules[__name__], "TARGET", "mati.xlsx")
    monkeypatch.setattr(pipeline, "build", dying_build)
    out = tmp_path / "hasil"
    result = run_cli("build", mantup, dead, uji, "--output", out, "--jobs", "2")
    assert result.exit_code == 1, result.output
    assert "Selesai: 2 buku kerja berhasil, 1 gagal." in result.output
    summary = result.output[result.output.index("Ringkasan:"):]
    failed = [line for line in summary.splitlines() if "GAGAL" in line]
    assert failed == ["  - mati.xlsx: Kecamatan Mati tahun 2025; 0 dokumen ditulis, 0 peringatan, GAGAL, 1 galat"]
    assert "proses yang membuat buku kerja ini berhenti tiba-tiba (misalnya karena memori komputer habis)" \
        in result.output
    assert "Buku kerja lain tetap dibuat." in result.output
    assert "BrokenProcessPool" not in result.output and "Kesalahan tak terduga" not in result.output
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["mantup-2025", "uji-2025"]
    docs = sorted(p.name for p in (out / "uji-2025").glob("*.docx"))
    assert len(docs) == len(list((out / "mantup-2025").glob("*.docx"))) > 0
    assert f"Rekap {RECAP} tidak ditulis: 1 buku kerja gagal pada proses ini (mati.xlsx)" in result.output


def test_a_worker_dying_on_the_quick_look_stops_nothing(two_offices, tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "TARGET", "mantup.xlsx")
    monkeypatch.setattr(batch, "identify", dying_identify)
    out = tmp_path / "hasil"
    result = run_cli("build", *two_offices, "--output", out, "--jobs", "2")
    assert result.exit_code == 0, result.output  # the quick look only keeps twins apart; the build says the rest
    assert "Selesai: 2 buku kerja berhasil, 0 gagal." in result.output
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["mantup-2025", "uji-2025"]
    assert (out / RECAP).is_file()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_panic_in_a_native_library_fails_only_its_workbook(two_offices, tmp_path, monkeypatch, jobs):
    # in the quick look and in the build (the archive check runs before the parsers' own guard)
    monkeypatch.setattr(sys.modules[__name__], "TARGET", "uji.xlsx")
    monkeypatch.setattr(sanity, "check_archive", panicking_check)
    out = tmp_path / "hasil"
    result = run_cli("build", *two_offices, "--output", out, "--jobs", jobs)
    assert result.exit_code == 1, result.output
    assert "Selesai: 1 buku kerja berhasil, 1 gagal." in result.output
    assert "Kesalahan tak terduga di dalam program (Panic)" in result.output
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["mantup-2025"]


def test_a_panic_in_the_parser_means_a_damaged_file(make_workbook, tmp_path, monkeypatch):
    def panic(*args):
        raise Panic("panic in python-calamine")

    monkeypatch.setattr(reader, "_form_sheets", panic)
    result = run_cli("build", make_workbook(MANTUP_VALUES), "--output", tmp_path / "hasil")
    assert result.exit_code == 1, result.output
    assert "realisasi.xlsx rusak" in result.output and "Kesalahan tak terduga" not in result.output
