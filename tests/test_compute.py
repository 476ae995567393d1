import datetime as dt
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

from iku.measure import compute
from iku.model import Identity, ReportInput


def report(mantup, values, year=2025):
    ident = Identity("Kecamatan Mantup", year, mantup.office.signatory, "Mantup", dt.date(2026, 1, 30), False)
    realisations = {ind.number: values.get(ind.number, {}) for ind in mantup.indicators}
    return ReportInput(Path("x.xlsx"), ident, realisations)


def test_capaian_and_predicate_per_year(mantup):
    results = compute.compute(mantup, report(mantup, {10: {2024: D("33.33"), 2025: D("40")}}))
    by_year = {a.year: a for a in results.achievements[10]}
    assert list(by_year) == [2021, 2022, 2023, 2024, 2025]  # up to the report year only
    assert by_year[2025].capaian == D("40") / D("46.67") * 100  # 85,7082...
    assert by_year[2025].predicate == "Tinggi"
    assert by_year[2024].predicate == "Tinggi"  # 33,33 / 40 = 83,33 %
    assert by_year[2023].note == "belum dilaporkan"


def test_zero_target_years_have_no_capaian(mantup):
    results = compute.compute(mantup, report(mantup, {8: {2021: D(100), 2025: D(100)}}))
    by_year = {a.year: a for a in results.achievements[8]}
    assert by_year[2021].capaian is None and by_year[2021].note == "target 0, capaian tidak dihitung"
    assert by_year[2025].capaian == D(100) and by_year[2025].predicate == "Sangat Tinggi"


def test_missing_targets_are_reported_not_guessed(mantup):
    results = compute.compute(mantup, report(mantup, {1: {2025: D("86.31")}}))
    ikm = results.achievements[1][-1]
    assert ikm.target is None and ikm.capaian is None and ikm.note == "target belum ditetapkan"
    assert any(w.startswith("Target 2025 indikator 'Nilai IKM' belum ditetapkan") for w in results.warnings)
    assert len([w for w in results.warnings if "belum ditetapkan" in w]) == 6


def test_lower_is_better_indicator_from_the_catalogue(mantup):
    ind = replace(mantup.indicators[0], higher_is_better=False, targets={**mantup.indicators[0].targets, 2025: D(10)})
    a = compute.achievement(ind, 2025, D(8), mantup.office.predicate_labels)
    assert a.capaian == D(120) and a.predicate == "Sangat Tinggi"
    a = compute.achievement(ind, 2025, D(16), mantup.office.predicate_labels)
    assert a.capaian == D(40) and a.predicate == "Sangat Rendah"


def test_narrative_part_empty_in_sheet_and_catalogue_is_named():
    from source_helpers import report_for

    from iku import catalogue

    mantup = catalogue.load(catalogue.OFFICES_DIR / "mantup_2021-2026.toml")
    assert compute.missing_narrative_warnings(mantup, report_for()) == []  # the catalogue's [narasi] fills every part
    bare = replace(mantup, office=replace(mantup.office, narrative_defaults={"penutup": "Teks penutup."}))
    report = replace(report_for(), narrative={"latar_belakang": "Dari lembar Narasi."})
    assert compute.missing_narrative_warnings(bare, report) == [
        "Narasi LKjIP kosong: Struktur Organisasi, Isu Strategis. Isi pada lembar Narasi (atau [narasi] di katalog "
        "kantor); sampai diisi, bagian itu tercetak tanpa uraian."]
