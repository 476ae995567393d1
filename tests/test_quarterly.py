"""The quarterly measurement reports: dates, quarterly targets, sasaran headings, budget to date, problems,
read back from the generated documents; bad quarterly input rejected naming the cell."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal as D

from conftest import identity_row, rejected, run_cli
from docx import Document
from docx.oxml.ns import qn
from docx_text import full_text, tables
from test_report import results_for, with_indicator

from iku import catalogue, layout, rules
from iku.measure import quarterly, report
from iku.render import quarterly as render_quarterly
from iku.workbook import report_sheets as sheets

PROGRAM_1 = "Program penunjang Urusan Pemerintahan daerah Kabupaten/Kota"
PROGRAM_2 = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"
MANTUP = catalogue.load(catalogue.OFFICES_DIR / "mantup_2021-2026.toml")
FULL_YEAR = {10: (20, 33.33, 40, 46.67), 7: (100, 100, 100, 100)}


def doc(folder, roman: str):
    return folder / f"Pengukuran_Triwulan_{roman}_Kecamatan_Mantup_2025.docx"


def build(make_workbook, tmp_path, quarters=FULL_YEAR, targets=None, budget=None, budget_to_quarter=None,
          identity=None, analysis=None):
    def edit(wb):
        if targets:
            sheets.fill_quarter_targets(wb, MANTUP, targets)
        if budget_to_quarter:
            sheets.fill_budget_quarters(wb, budget_to_quarter)

    source = make_workbook({}, quarters=quarters, identity=identity, budget=budget, analysis=analysis, edit=edit)
    result = run_cli("build", source, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    return tmp_path / "hasil" / "mantup-2025"


def measurement(path) -> list[list[str]]:
    return tables(path)[0]


def row_of(rows, number: int) -> list[str]:
    return next(r for r in rows if r[0] == str(number))


def test_default_report_dates_are_the_tenth_day_after_each_quarter():
    assert [rules.quarter_report_date(2025, q) for q in (1, 2, 3, 4)] == [
        dt.date(2025, 4, 10), dt.date(2025, 7, 10), dt.date(2025, 10, 10), dt.date(2026, 1, 10)]
    assert rules.quarter_end(2024, 1) == dt.date(2024, 3, 31) and rules.quarter_end(2025, 2) == dt.date(2025, 6, 30)


def test_each_report_signed_on_its_own_date(make_workbook, tmp_path):
    folder = build(make_workbook, tmp_path, identity={layout.ID_QUARTER_DATES[1]: dt.datetime(2025, 7, 15)})
    dates = {}
    for roman in ("I", "II", "III", "IV"):
        text = full_text(doc(folder, roman))
        dates[roman] = re.findall(r"Mantup, (\d+ \w+ \d{4})", text)
        assert f"LAPORAN PENGUKURAN KINERJA TRIWULAN {roman} TAHUN 2025" in text
        assert "PEMERINTAH KABUPATEN LAMONGAN" in text  # the kop
    assert dates == {"I": ["10 April 2025"], "II": ["15 Juli 2025"], "III": ["10 Oktober 2025"],
                     "IV": ["10 Januari 2026"]}


def test_capaian_against_the_quarterly_target_where_given(make_workbook, tmp_path):
    folder = build(make_workbook, tmp_path, targets={10: (None, 30, 40, None)})
    rows = measurement(doc(folder, "II"))
    assert rows[0][3] == "Target s.d. TW II" and rows[0][5] == "Capaian s.d. TW II"  # no-break space read as space
    # 33,33 / 30 x 100 = 111,1; one realisation column (TW II = s.d. TW II for every "terakhir" indicator)
    assert row_of(rows, 10) == ["10", "Persentase Desa Naik Kelas", "46,67%", "30,00%", "33,33%",
                                "111,10%", "Sangat Tinggi\nterhadap target triwulan"]
    # no quarterly target: against the year's 100 %
    assert row_of(rows, 7)[3:] == ["\u2013", "100,00%", "100,00%", "Sangat Tinggi\nterhadap target tahunan"]
    text = full_text(doc(folder, "II"))
    assert "Sumber data: data realisasi triwulan Kecamatan Mantup; capaian dihitung terhadap target triwulan bila " \
           "ditetapkan, selain itu terhadap target tahunan." in text
    # TW I has no quarterly target for indicator 10: 20 / 46,67 x 100 = 42,854...
    assert row_of(measurement(doc(folder, "I")), 10)[3:] == [
        "\u2013", "20,00%", "42,85%", "Sangat Rendah\nterhadap target tahunan"]
    assert "Sumber data: data realisasi triwulan Kecamatan Mantup; capaian dihitung terhadap target tahunan." \
        in full_text(doc(folder, "I"))


def test_one_cell_where_quarter_and_year_to_date_are_the_same_figure(mantup):
    """Beside a summed indicator the table keeps both realisation columns; a "terakhir" row merges them."""
    cat = with_indicator(mantup, 8, rollup="jumlah", unit="nilai", value_range=(D(0), D(100)),
                         targets={2025: D(12)})
    res = results_for(mantup, {}, catalogue=cat, quarters={8: (D(3), D(4), None, None),
                                                           10: (D(20), D("33.33"), None, None)})
    documents = dict(render_quarterly.quarter_documents(res, report.annual_report(res)))
    table = Document(io.BytesIO(documents[2])).tables[0]
    assert [c.text.replace("\u00a0", " ") for c in table.rows[0].cells][4:6] == ["Realisasi TW II",
                                                                              "Realisasi s.d. TW II"]
    row = next(r for r in table.rows if r.cells[0].text == "10")
    assert row.cells[4]._tc is row.cells[5]._tc  # one merged cell
    assert len(row._tr.tc_lst) == 7
    summed = next(r for r in table.rows if r.cells[0].text == "8")
    assert [c.text for c in summed.cells[4:6]] == ["4,00", "7,00"]
    # TW I: the quarter is the year to date on every row, one column
    first = Document(io.BytesIO(documents[1])).tables[0]
    assert len(first.rows[0].cells) == 7



def test_tables_print_at_10_pt_at_least_with_the_header_repeated(make_workbook, tmp_path):
    path = doc(build(make_workbook, tmp_path, analysis={10: ("", "Dimensi ekologi.", "Bank sampah.")},
                     budget=[(PROGRAM_2, "Pelayanan Publik", 80_000_000, 76_000_000)],
                     budget_to_quarter={0: (10_000_000, None, None, None)}), "I")
    document = Document(path)
    assert len(document.tables) == 4  # measurement, budget, problems, signature
    for table in document.tables[:3]:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        sizes = {run.font.size.pt for row in table.rows for cell in row.cells for p in cell.paragraphs
                 for run in p.runs if run.font.size is not None}
        assert sizes and min(sizes) >= 10, sizes


def test_summed_indicator_shows_the_quarter_and_the_year_to_date(mantup):
    cat = with_indicator(mantup, 8, rollup="jumlah", unit="nilai", value_range=(D(0), D(100)),
                         targets={2025: D(12)})
    res = results_for(mantup, {}, catalogue=cat, quarters={8: (D(3), D(4), None, None)},
                      quarter_targets={8: (D(3), D(6), None, None)})
    context = render_quarterly.quarter_context(res, report.annual_report(res), 2)
    line = next(r for g in context["kelompok"] for r in g["baris"] if r["no"] == "8")
    assert (line["satu"], line["realisasi"], line["kumulatif"]) == (False, "4,00", "7,00")
    assert (line["capaian"], line["dasar"]) == ("116,67%", "terhadap target triwulan")  # 7 / 6 x 100
    assert context["satu_kolom"] is False  # TW II of a summed indicator is not its year to date
    assert context["sumber"] == ("Sumber data: data realisasi triwulan Kecamatan Mantup; capaian dihitung terhadap "
                                 "target triwulan bila ditetapkan, selain itu terhadap target tahunan.")


def test_indicators_under_their_tujuan_sasaran_and_program(make_workbook, tmp_path):
    rows = measurement(doc(build(make_workbook, tmp_path), "I"))
    headings = [r[0] for r in rows if len(set(r)) == 1]
    assert headings == [
        "Tujuan: Meningkatkan Pelayanan Publik yang Inovatif", "Tujuan: Meningkatkan Kemandirian Desa",
        "Sasaran: Meningkatnya Manajemen Internal Perangkat Daerah", "Sasaran: Meningkatnya Pemberdayaan Desa",
        f"Program: {PROGRAM_1}", f"Program: {PROGRAM_2}", "Indikator Kinerja Lainnya"]
    firsts = [r[0] for r in rows]
    assert firsts.index("Sasaran: Meningkatnya Manajemen Internal Perangkat Daerah") + 1 == firsts.index("3")
    assert firsts.index("Indikator Kinerja Lainnya") < firsts.index("7") < firsts.index("10")


def test_budget_to_date_and_serapan(make_workbook, tmp_path):
    budget = [(PROGRAM_2, "Pelayanan Publik", 80_000_000, 76_000_000),
              (PROGRAM_2, "Urusan Umum", 20_000_000, 18_000_000),
              (PROGRAM_1, "Administrasi Umum", 50_000_000, 45_000_000)]
    to_quarter = {0: (10_000_000, 30_000_000, None, None), 1: (2_000_000, 5_000_000, None, None),
                  2: (12_500_000, None, None, None)}
    folder = build(make_workbook, tmp_path, budget=budget, budget_to_quarter=to_quarter)
    rows = next(t for t in tables(doc(folder, "II")) if t[0][1] == "Program")
    assert rows[0] == ["No", "Program", "Pagu (Rp)", "Realisasi s.d. TW II (Rp)", "Serapan"]
    # 30 + 5 = 35 juta of 100 juta; the other program has no TW II figure, so no total either
    assert rows[1:] == [["1", PROGRAM_2, "100.000.000", "35.000.000", "35,00%"],
                        ["2", PROGRAM_1, "50.000.000", "belum dilaporkan", "\u2013"],
                        ["", "Jumlah", "150.000.000", "belum dilaporkan", "\u2013"]]
    first = next(t for t in tables(doc(folder, "I")) if t[0][1] == "Program")
    # TW I: 12 + 12,5 = 24,5 juta of 150 juta = 16,333...%
    assert first[-1] == ["", "Jumlah", "150.000.000", "24.500.000", "16,33%"]
    assert "Realisasi anggaran s.d. TW III belum dilaporkan." in full_text(doc(folder, "III"))


def test_budget_without_quarterly_columns_is_not_reported(make_workbook, tmp_path):
    def old(wb):
        ws = wb[layout.SHEET_BUDGET]
        ws.delete_cols(6, 4)

    source = make_workbook({}, quarters=FULL_YEAR, budget=[(PROGRAM_2, "Pelayanan Publik", 80_000_000, 76_000_000)],
                           edit=old)
    assert run_cli("build", source, "--output", tmp_path / "hasil").exit_code == 0
    text = full_text(doc(tmp_path / "hasil" / "mantup-2025", "II"))
    assert "Realisasi anggaran s.d. TW II belum dilaporkan." in text
    assert "Realisasi s.d. TW II (Rp)" not in text


def test_problems_and_follow_up_from_the_analysis_at_the_years_end_only(make_workbook, tmp_path):
    folder = build(make_workbook, tmp_path, analysis={
        10: ("Pendampingan desa.", "Dimensi ekologi tertinggal.", "Bank sampah desa."),
        7: ("Kader aktif.", "", "")})

    def problems(roman):
        return next(t for t in tables(doc(folder, roman)) if t[0][-2:] == ["Faktor Penghambat",
                                                                            "Upaya / Rencana Tindak Lanjut"])[1:]

    # TW II: 10 under target (33,33 / 46,67), nothing written for TW II; the year's text waits for TW IV
    assert problems("II") == [["10", "Persentase Desa Naik Kelas", "33,33%", "46,67%\ntarget tahunan", "71,42%",
                               "belum ditulis", "belum ditulis"]]
    # TW IV: the year's analysis (7 has only a faktor pendukung: not a problem)
    assert problems("IV") == [["10", "Persentase Desa Naik Kelas", "46,67%", "46,67%\ntarget tahunan", "100,00%",
                               "Dimensi ekologi tertinggal.", "Bank sampah desa."]]


def test_no_wording_about_the_tool(make_workbook, tmp_path):
    folder = build(make_workbook, tmp_path, quarters={**FULL_YEAR, 1: (80, 81, 82, 83)})
    for roman in ("I", "II", "III", "IV"):
        text = full_text(doc(folder, roman)).casefold()
        for word in ("katalog", "lembar", "buku kerja", "sheet"):
            assert word not in text, (roman, word)
        assert "realisasi s.d. tw" in text


def test_bad_quarterly_target_rejected_naming_the_cell(make_workbook, tmp_path, mantup):
    def edit(wb):
        sheets.fill_quarter_targets(wb, mantup, {10: (None, "tiga puluh", None, None), 2: (None, None, 20, None)})

    rejected(make_workbook({}, quarters=FULL_YEAR, edit=edit), tmp_path,
             "Triwulan!I14", "target TW II 'Persentase Desa Naik Kelas' 'tiga puluh' bukan angka",
             "Triwulan!J6", "target TW III 'Jumlah Desa Mandiri' 20 di luar rentang 0-15")


def test_bad_report_dates_rejected_naming_the_cell(make_workbook, tmp_path):
    second, fourth = layout.ID_QUARTER_DATES[1], layout.ID_QUARTER_DATES[3]
    path = make_workbook({}, quarters=FULL_YEAR, identity={second: "31 Juni 2025", fourth: dt.datetime(2025, 12, 20)})
    rejected(path, tmp_path, f"Identitas!B{identity_row(second)}", "tanggal laporan TW II '31 Juni 2025' bukan tanggal",
             f"Identitas!B{identity_row(fourth)}", "tanggal laporan TW IV 20 Desember 2025 tidak sesudah akhir "
             "triwulan (31 Desember 2025)")


def test_report_date_years_after_the_report_year_rejected_naming_the_cell(make_workbook, tmp_path):
    # 10/04/2052 typed for 10/04/2025: the latest a quarter's report is signed is the year after (TW IV in January)
    first, fourth = layout.ID_QUARTER_DATES[0], layout.ID_QUARTER_DATES[3]
    path = make_workbook({}, quarters=FULL_YEAR, identity={first: dt.datetime(2052, 4, 10),
                                                          fourth: dt.datetime(2026, 12, 31)})
    rejected(path, tmp_path, f"Identitas!B{identity_row(first)}", "tanggal laporan TW I 10 April 2052 jauh sesudah "
             "tahun laporan 2025; laporan triwulan ditandatangani pada triwulan berikutnya, paling lambat tahun 2026")
    result = run_cli(["check", str(path)])
    assert f"Identitas!B{identity_row(fourth)}" not in result.output  # 31 Desember 2026: still the year after


def test_spending_to_date_that_falls_is_rejected(make_workbook, tmp_path):
    def edit(wb):
        sheets.fill_budget_quarters(wb, {0: (30_000_000, 20_000_000, None, None)})

    path = make_workbook({}, quarters=FULL_YEAR, budget=[(PROGRAM_2, "Pelayanan Publik", 80_000_000, 76_000_000)],
                         edit=edit)
    rejected(path, tmp_path, "Anggaran!G5", "realisasi s.d. TW II lebih kecil dari triwulan sebelumnya (sel F5)")


def test_report_groups_unit(mantup):
    res = results_for(mantup, {}, quarters={10: (D(20), None, None, None)})
    rep = quarterly.quarter_report(res, report.annual_report(res), 1)
    assert rep.date == dt.date(2025, 4, 10)
    assert [g.level for g in rep.groups] == ["tujuan", "tujuan", "sasaran", "sasaran", "program", "program", None]
    assert rep.budget == () and rep.total is None
