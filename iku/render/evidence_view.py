"""What the documents show of the data behind a realisation: sentences, tables and charts per indicator.

Built from the computed evidence (iku/sources); the .docx and .xlsx renderers only lay it out. Cells are text,
int or Decimal: the Word renderer formats Decimals with Babel, the Excel renderer writes them as numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from iku import formatting as fmt
from iku import layout as L
from iku import rules
from iku.measure.sentences import count as spoken_count
from iku.model import Results
from iku.render import charts
from iku.render.docx_chart import BarChart
from iku.sources import desa, konflik, pelayanan, pemberdayaan, sakip, skm, urusan

Cell = str | int | Decimal


@dataclass(frozen=True)
class EvidenceTable:
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    widths: tuple[int, ...]  # mm in Word; Excel takes them as character widths
    aligns: tuple[str, ...]
    bold_last: bool = False  # a total row


@dataclass(frozen=True)
class EvidenceBlock:
    sheet: str
    sentences: list[str]
    tables: list[EvidenceTable] = field(default_factory=list)
    chart: BarChart | None = None
    chart_caption: str = ""


def date(value) -> str:
    return f"{value:%d/%m/%Y}" if value else "-"


def _percent(value: Decimal | None) -> str:
    return fmt.percent(value) if value is not None else "-"


def block(results: Results, number: int, shown: set[str] | None = None) -> EvidenceBlock | None:
    """The evidence for indicator `number` in the report year, or None when it was typed.
    `shown` collects source keys already laid out in full, so a table shared by indicators comes once."""
    year = results.report_year
    figure = results.figure(number, year)
    if figure is None:
        return None
    detail = next(r.detail for r in results.evidence.values() if figure in r.figures)
    shown = shown if shown is not None else set()
    builder = _BUILDERS[type(detail).__name__]
    return builder(results, number, year, figure.working, detail, shown)


def _survey(results: Results, number: int, year: int, working: str, ev: skm.SurveyEvidence,
            shown: set[str]) -> EvidenceBlock:
    y = ev.year(number, year)
    method = (f"IKM dihitung menurut {rules.SKM_SCALE_NAMES['14/2017']}: nilai rata-rata (NRR) setiap unsur "
              f"dikalikan {rules.SKM_WEIGHT_WORDS[ev.weight]}, dijumlahkan menjadi nilai interval (1-4), "
              f"lalu dikalikan 25; mutu pelayanan menurut skala {rules.SKM_SCALE_NAMES[ev.scale]}.")
    sentences = [working, method]
    if y.minimum is not None:
        enough = "memenuhi" if y.respondents >= y.minimum else "belum memenuhi"
        sentences.append(f"Jumlah responden {fmt.number(Decimal(y.respondents), 0)} {enough} sampel minimum "
                         f"{fmt.number(Decimal(y.minimum), 0)} untuk populasi "
                         f"{fmt.number(Decimal(results.report.population or 0), 0)} (tabel Krejcie-Morgan).")
    plain = _survey_table(ev, y)
    table = EvidenceTable(f"Nilai rata-rata per unsur pelayanan, {skm.REPORT_NAME.format(tahun=year)} "
                          f"({fmt.number(Decimal(y.respondents), 0)} responden)",
                          plain.headers, plain.rows, plain.widths, plain.aligns, bold_last=True)
    chart = charts.nrr_chart([f"U{i + 1} {rules.SKM_UNSUR_NAMES[i]}" for i in range(9)], list(y.nrr), y.lowest)
    name = next(ind.name for ind in results.catalogue.indicators if ind.number == number)
    return EvidenceBlock(L.SHEET_SKM, sentences, [table], chart, f"NRR per unsur {name} tahun {year}")


def _villages(results: Results, number: int, year: int, working: str, ev: desa.VillageEvidence,
              shown: set[str]) -> EvidenceBlock:
    sentences = [working]
    y = ev.year(year)
    if y is not None and y.fell and not all(name in working for name in y.fell):  # naik kelas names them already
        sentences.append(f"Desa yang turun status dibanding tahun sebelumnya: {', '.join(y.fell)}.")
    first = next((item.split(":", 1)[1] for item in shown if item.startswith("desa:")), None)
    if first is not None:
        sentences.append(f"Status setiap desa per tahun disajikan pada uraian indikator {first}.")
        return EvidenceBlock(L.SHEET_VILLAGES, sentences)
    shown.add("desa:" + next(ind.name for ind in results.catalogue.indicators if ind.number == number))
    years = [v.year for v in ev.years]
    chart = charts.status_chart(years, rules.VILLAGE_STATUSES, [v.counts for v in ev.years])
    return EvidenceBlock(L.SHEET_VILLAGES, sentences, list(_village_tables(ev)), chart,
                         f"Jumlah desa menurut status, {years[0]}-{years[-1]}")


def _village_tables(ev: desa.VillageEvidence) -> tuple[EvidenceTable, EvidenceTable]:
    years = [v.year for v in ev.years]
    width = max(12, min(22, (165 - 32) // max(1, len(years))))
    status_rows: list[tuple[Cell, ...]] = [(v.name, *[v.statuses.get(yr, "-") for yr in years]) for v in ev.villages]
    statuses = EvidenceTable(f"Status desa {years[0]}-{years[-1]} menurut Status Indeks Desa ({ev.base_year} = "
                             "tahun dasar Renstra)", ("Desa", *[str(yr) for yr in years]), status_rows,
                             (32, *[width] * len(years)), ("left", *["center"] * len(years)))
    count_rows: list[tuple[Cell, ...]] = [(s, *[v.counts.get(s, 0) for v in ev.years]) for s in rules.VILLAGE_STATUSES]
    count_rows.append(("Naik kelas dibanding tahun dasar", *["-" if v.value is None else fmt.percent(v.value)
                                                             for v in ev.years]))
    counts = EvidenceTable("Jumlah desa menurut status", ("Status", *[str(yr) for yr in years]), count_rows,
                           (32, *[width] * len(years)), ("left", *["center"] * len(years)), bold_last=True)
    return statuses, counts


def _services(results: Results, number: int, year: int, working: str, ev: pelayanan.ServiceEvidence,
              shown: set[str]) -> EvidenceBlock:
    y = ev.year(year)
    local = (f" dan {spoken_count(len(ev.local_days))} hari libur setempat yang ditetapkan"
             if ev.local_days else "")
    sentences = [working,
                 "Waktu penyelesaian dihitung dalam hari kerja sesudah hari permohonan diterima sampai hari selesai "
                 "(selesai di hari yang sama = 0 hari), tanpa Sabtu, Minggu, hari libur nasional dan cuti bersama"
                 f"{local}; tepat waktu bila tidak melebihi waktu penyelesaian dalam standar pelayanan setiap jenis "
                 "layanan."]
    if y.pending:
        sentences.append(f"Sebanyak {fmt.number(Decimal(len(y.pending)), 0)} permohonan belum selesai pada akhir "
                         "tahun tetapi masih dalam batas standar, sehingga tidak dihitung (rinciannya pada Tabel "
                         "Pengukuran Kinerja).")
    rows: list[tuple[Cell, ...]] = [
        (k.kind, k.standard, k.counted, k.on_time, k.late,
         rules.round_half_up(k.mean_days) if k.mean_days is not None else "-", k.pending)
        for k in y.kinds
    ]
    rows.append(("Jumlah", "", y.counted, y.on_time, y.counted - y.on_time, "", len(y.pending)))
    table = EvidenceTable(f"Ketepatan waktu pelayanan per jenis layanan tahun {year}",
                          ("Jenis Layanan", "Standar (hari kerja)", "Dihitung", "Tepat Waktu", "Terlambat",
                           "Rata-rata (hari kerja)", "Belum Selesai"), rows, (47, 20, 19, 19, 19, 22, 19),
                          ("left", "center", "right", "right", "right", "right", "right"), bold_last=True)
    return EvidenceBlock(L.SHEET_SERVICES, sentences, [table])


def _conflicts(results: Results, number: int, year: int, working: str, ev: konflik.ConflictEvidence,
               shown: set[str]) -> EvidenceBlock:
    y = ev.year(year)
    if y is None or not y.conflicts:
        return EvidenceBlock(L.SHEET_CONFLICTS, [working])
    rows: list[tuple[Cell, ...]] = [
        (str(i), date(c.reported), c.village, c.text, L.YES if c.handled else L.NO, date(c.handled_on))
        for i, c in enumerate(y.conflicts, start=1)
    ]
    table = EvidenceTable(f"Konflik sosial yang tercatat tahun {year}",
                          ("No", "Tanggal", "Desa", "Uraian", "Tertangani", "Tanggal Tertangani"), rows,
                          (9, 21, 25, 61, 25, 24), ("center", "center", "left", "left", "center", "center"))
    return EvidenceBlock(L.SHEET_CONFLICTS, [working], [table])


def _empowerment(results: Results, number: int, year: int, working: str, ev: pemberdayaan.EmpowermentEvidence,
                 shown: set[str]) -> EvidenceBlock:
    y = ev.year(year)
    rows: list[tuple[Cell, ...]] = [(name, L.YES, activity or "-") for name, activity in y.done]
    rows += [(name, L.NO, "-") for name in y.not_done]
    table = EvidenceTable(f"Pemberdayaan masyarakat per desa tahun {year}",
                          ("Desa", "Melaksanakan", "Kegiatan"), rows, (35, 30, 100), ("left", "center", "left"))
    return EvidenceBlock(L.SHEET_EMPOWERMENT, [working], [table])


def _affairs(results: Results, number: int, year: int, working: str, ev: urusan.AffairsEvidence,
             shown: set[str]) -> EvidenceBlock:
    y = ev.year(year)
    rows: list[tuple[Cell, ...]] = [(name, L.YES) for name in y.run] + [(name, L.NO) for name in y.not_run]
    table = EvidenceTable(f"Urusan pemerintahan umum yang diselenggarakan tahun {year}",
                          ("Urusan Pemerintahan Umum", "Diselenggarakan"), rows, (135, 30), ("left", "center"))
    return EvidenceBlock(L.SHEET_AFFAIRS, [working], [table])


def _sakip(results: Results, number: int, year: int, working: str, ev: sakip.SakipEvidence,
           shown: set[str]) -> EvidenceBlock:
    y = ev.year(year)
    rows: list[tuple[Cell, ...]] = [(name, weight, value if value is not None else "-")
                                    for name, weight, value in y.components]
    rows.append((f"Nilai SAKIP (predikat {y.grade}, {y.grade_words})", "", y.total))
    table = EvidenceTable(f"Komponen evaluasi SAKIP tahun {year} menurut {y.scheme.regulation}, dari "
                          f"{sakip.REPORT_NAME.format(tahun=year)}",
                          ("Komponen", "Bobot", "Nilai"), rows, (105, 30, 30), ("left", "right", "right"),
                          bold_last=True)
    return EvidenceBlock(L.SHEET_SAKIP, [working], [table])


# By class name: each source module defines its evidence class (iku/sources).
_BUILDERS = {
    "SurveyEvidence": _survey,
    "VillageEvidence": _villages,
    "ServiceEvidence": _services,
    "ConflictEvidence": _conflicts,
    "EmpowermentEvidence": _empowerment,
    "AffairsEvidence": _affairs,
    "SakipEvidence": _sakip,
}


@dataclass(frozen=True)
class EvidenceSheet:
    """A supporting-data sheet of the measurement workbook: tables, each row traced to its input."""

    title: str  # sheet name
    heading: str
    tables: list[tuple[EvidenceTable, list[str] | None]]  # table, and the input row of each line (or None)


def workbook_sheets(results: Results) -> list[EvidenceSheet]:
    sheets = []
    for result in results.evidence.values():
        maker = _SHEETS.get(type(result.detail).__name__)
        if maker:
            sheets.append(maker(results, result.detail))
    return sheets


def _survey_sheet(results: Results, ev: skm.SurveyEvidence) -> EvidenceSheet:
    tables = []
    for y in sorted(ev.years, key=lambda y: (y.indicator, y.year)):
        table = _survey_table(ev, y)
        name = next(ind.name for ind in results.catalogue.indicators if ind.number == y.indicator)
        table = EvidenceTable(f"{name} {y.year}: {y.respondents} responden, IKM {fmt.number(y.ikm)}, mutu "
                              f"{y.grade} ({y.grade_words})", table.headers, table.rows, table.widths, table.aligns,
                              bold_last=True)
        where = f"{L.SHEET_SKM} baris {y.rows[0]}-{y.rows[1]}"
        tables.append((table, [f"{where}, kolom U{i + 1}" for i in range(9)] + [where, where]))
    return EvidenceSheet(f"Data {L.SHEET_SKM}", f"DATA DUKUNG: SURVEI KEPUASAN MASYARAKAT ({L.SHEET_SKM})", tables)


def _survey_table(ev: skm.SurveyEvidence, y) -> EvidenceTable:
    weight = rules.SKM_WEIGHTS[ev.weight]
    rows: list[tuple[Cell, ...]] = [
        (f"U{i + 1}", rules.SKM_UNSUR_NAMES[i], y.answers[i], y.nrr[i], rules.round_half_up(y.nrr[i] * weight, 4))
        for i in range(9)
    ]
    rows.append(("", "Nilai interval (jumlah NRR tertimbang)", "", "", rules.round_half_up(y.interval, 4)))
    rows.append(("", f"IKM (nilai interval \u00d7 25), mutu {y.grade} ({y.grade_words})", "", "",
                 rules.round_half_up(y.ikm)))
    return EvidenceTable("", ("Unsur", "Uraian", "Jawaban", "NRR", "NRR Tertimbang"), rows, (14, 81, 20, 20, 30),
                         ("center", "left", "right", "right", "right"), bold_last=True)


def _village_sheet(results: Results, ev: desa.VillageEvidence) -> EvidenceSheet:
    statuses, counts = _village_tables(ev)
    rows = [f"{L.SHEET_VILLAGES}!A{v.row}" for v in ev.villages]
    moves = EvidenceTable("Perpindahan status dibanding tahun sebelumnya", ("Tahun", "Naik Status", "Turun Status"),
                          [(str(y.year), ", ".join(y.rose) or "-", ", ".join(y.fell) or "-") for y in ev.years[1:]],
                          (14, 70, 70), ("center", "left", "left"))
    return EvidenceSheet(f"Data {L.SHEET_VILLAGES}", f"DATA DUKUNG: STATUS DESA ({L.SHEET_VILLAGES})",
                         [(statuses, rows), (counts, None), (moves, None)])


def _request_rows(requests) -> list[tuple[Cell, ...]]:
    return [(r.number, r.kind, date(r.received), date(r.finished), r.days if r.days is not None else "-", r.standard)
            for r in requests]


def _service_sheet(results: Results, ev: pelayanan.ServiceEvidence) -> EvidenceSheet:
    tables: list[tuple[EvidenceTable, list[str] | None]] = []
    heads = ("Nomor", "Jenis Layanan", "Diterima", "Selesai", "Hari Kerja", "Standar")
    for y in sorted(ev.years, key=lambda y: y.year):
        tables.append((_services(results, 6, y.year, "", ev, set()).tables[0], None))
        tables.append((EvidenceTable(f"Permohonan terlambat tahun {y.year}", heads, _request_rows(y.late),
                                     (20, 45, 14, 14, 12, 12), ("left", "left", "center", "center", "right", "right")),
                       [f"{L.SHEET_SERVICES}!A{r.row}" for r in y.late]))
        if y.pending:
            tables.append((EvidenceTable(f"Belum selesai pada akhir tahun {y.year}, masih dalam batas standar "
                                         "(tidak dihitung)", heads, _request_rows(y.pending), (20, 45, 14, 14, 12, 12),
                                         ("left", "left", "center", "center", "right", "right")),
                           [f"{L.SHEET_SERVICES}!A{r.row}" for r in y.pending]))
    return EvidenceSheet(f"Data {L.SHEET_SERVICES}", f"DATA DUKUNG: KETEPATAN WAKTU PELAYANAN ({L.SHEET_SERVICES})",
                         tables)


def _conflict_sheet(results: Results, ev: konflik.ConflictEvidence) -> EvidenceSheet:
    tables: list[tuple[EvidenceTable, list[str] | None]] = []
    for y in sorted(ev.years, key=lambda y: y.year):
        rows: list[tuple[Cell, ...]] = [
            (str(i), date(c.reported), c.village, c.text, L.YES if c.handled else L.NO, date(c.handled_on))
            for i, c in enumerate(y.conflicts, start=1)
        ]
        title = (f"Tahun {y.year}: {len(y.conflicts)} konflik, {y.handled} tertangani ({_percent(y.value)})"
                 if y.conflicts else f"Tahun {y.year}: tidak ada konflik")
        tables.append((EvidenceTable(title, ("No", "Tanggal", "Desa", "Uraian", "Tertangani", "Tanggal Tertangani"),
                                     rows, (9, 21, 25, 61, 25, 24),
                                     ("center", "center", "left", "left", "center", "center")),
                       [f"{L.SHEET_CONFLICTS}!A{c.row}" for c in y.conflicts]))
    return EvidenceSheet(f"Data {L.SHEET_CONFLICTS}", f"DATA DUKUNG: KONFLIK SOSIAL ({L.SHEET_CONFLICTS})", tables)


def _simple_sheet(maker, sheet: str, heading: str):
    def make(results: Results, ev) -> EvidenceSheet:
        tables = []
        for y in sorted(ev.years, key=lambda y: y.year):
            block_ = maker(results, 0, y.year, "", ev, set())
            tables += [(t, None) for t in block_.tables]
        return EvidenceSheet(f"Data {sheet}", heading, tables)
    return make


_SHEETS = {
    "SurveyEvidence": _survey_sheet,
    "VillageEvidence": _village_sheet,
    "ServiceEvidence": _service_sheet,
    "ConflictEvidence": _conflict_sheet,
    "EmpowermentEvidence": _simple_sheet(_empowerment, L.SHEET_EMPOWERMENT,
                                       f"DATA DUKUNG: PEMBERDAYAAN MASYARAKAT ({L.SHEET_EMPOWERMENT})"),
    "AffairsEvidence": _simple_sheet(_affairs, L.SHEET_AFFAIRS,
                                   f"DATA DUKUNG: URUSAN PEMERINTAHAN UMUM ({L.SHEET_AFFAIRS})"),
    "SakipEvidence": _simple_sheet(_sakip, L.SHEET_SAKIP, f"DATA DUKUNG: EVALUASI SAKIP ({L.SHEET_SAKIP})"),
}
