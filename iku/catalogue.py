"""Load an office's catalogue (indicators, targets, signatory) from iku/offices/*.toml."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from iku import safe_names
from iku.errors import InputError, Problem
from iku.model import (
    COUNT_UNITS,
    LEVELS,
    PREDICATE_UNIT,
    UNITS,
    Catalogue,
    DataSettings,
    Function,
    Indicator,
    Office,
    Signatory,
)
from iku.rules import LOWEST_BAND, PREDICATE_BANDS, PREDICATE_LETTERS, ROLLUPS, predicate_rank

OFFICES_DIR = Path(__file__).parent / "offices"
# `rentang = []`: the plausible range of an indicator's realisation not filled yet (README, "Kantor baru dari
# dokumen IKU"); the upper bound only keeps the workbook's data validation a number.
OPEN_RANGE = (Decimal(0), Decimal(10**9))
# The keys an imported catalogue may mark `periksa` (README, "Kantor baru dari dokumen IKU").
UNCONFIRMABLE = ("tingkat", "uraian", "definisi", "formula", "satuan", "polaritas", "rumus_turun", "target",
                 "kondisi_awal", "kondisi_akhir")
# A Renstra period is five years (Permendagri 86/2017); a transitional one may run longer (Mantup's 2021-2026).
MAX_PERIOD_YEARS = 10
# A predicate indicator's values are ranks 1 (D) to 7 (AA): rules.predicate_rank.
PREDICATE_RANGE = (Decimal(1), Decimal(len(PREDICATE_LETTERS)))
# The only data sheet whose figure is a predicate: the SAKIP score's, PermenPANRB 88/2021 (iku/sources/sakip.py).
PREDICATE_SOURCES = ("sakip",)


@dataclass(frozen=True)
class DocumentIndicator(Indicator):
    """An indicator with what only its office's own IKU document says, read by `office import`: the Satuan
    column as written there ("%", "Desa"; catalogue `satuan_tertulis`), printed again in the IKU document."""

    unit_written: str = ""


def available() -> list[Path]:
    return sorted(OFFICES_DIR.glob("*.toml"))


def load_all() -> list[Catalogue]:
    catalogues = [load(path) for path in available()]
    spellings: dict[str, dict[str, Path]] = {}
    for cat in catalogues:
        spellings.setdefault(cat.office.code.casefold(), {}).setdefault(cat.office.code, cat.source)
    clashes = [found for found in spellings.values() if len(found) > 1]
    if clashes:  # Windows (and macOS) would take their output folders and catalogue files for one
        raise InputError([Problem(f"katalog {' dan '.join(p.name for p in found.values())}: kode "
                                  f"{' dan '.join(repr(c) for c in found)} hanya berbeda huruf besar/kecil; di Windows "
                                  "folder hasilnya menjadi satu folder. Samakan kodenya bila kantornya sama, atau beri "
                                  "kode lain") for found in clashes])
    return catalogues


def find(office_name: str, catalogues: list[Catalogue]) -> Catalogue | None:
    """The office's first catalogue (any period): enough to name the office."""
    found = of_office(office_name, catalogues)
    return found[0] if found else None


def of_office(office_name: str, catalogues: list[Catalogue]) -> list[Catalogue]:
    """Every catalogue of one office (by name or code), one per Renstra period, earliest period first."""
    wanted = " ".join(office_name.split()).casefold()
    found = [cat for cat in catalogues if cat.office.name.casefold() == wanted or cat.office.code.casefold() == wanted]
    return sorted(found, key=lambda cat: (cat.office.first_year, cat.office.last_year))


def period_text(cat: Catalogue) -> str:
    return f"{cat.office.first_year}-{cat.office.last_year}"


def parse_period(text: object) -> tuple[int, int] | None:
    """'2025-2029' (also with an en dash or spaces) -> (2025, 2029); anything else -> None."""
    found = re.fullmatch(r"\s*(\d{4})\s*[-\u2013]\s*(\d{4})\s*", str(text or ""))
    return (int(found.group(1)), int(found.group(2))) if found else None


def with_period(period: tuple[int, int], catalogues: list[Catalogue]) -> Catalogue | None:
    return next((c for c in catalogues if (c.office.first_year, c.office.last_year) == period), None)


def periods_named(catalogues: list[Catalogue]) -> str:
    """'--period 2021-2026 atau --period 2025-2029': how a refusal names the office's periods."""
    return " atau ".join(f"--period {period_text(c)}" for c in catalogues)


def unconfirmed_warnings(cat: Catalogue) -> list[str]:
    """One line per office for what an import marked `periksa` and staff have not confirmed yet."""
    marked = [f"indikator {ind.number} '{ind.name}' ({', '.join(ind.unconfirmed)})" for ind in cat.indicators
              if ind.unconfirmed]
    if not marked:
        return []
    return [f"Katalog {cat.source.name} ({cat.office.name}) masih memuat isian yang belum dipastikan (periksa): "
            f"{'; '.join(marked)}. Cocokkan dengan dokumen IKU, perbaiki bila perlu, lalu hapus namanya dari daftar "
            "periksa di katalog."]


def file_name(code: str, first_year: int, last_year: int) -> str:
    """One catalogue file per office and Renstra period: iku/offices/<kode>_<awal>-<akhir>.toml."""
    return f"{code}_{first_year}-{last_year}.toml"


def load(path: Path) -> Catalogue:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(Problem(f"katalog {path.name} tidak dapat dibaca: {exc}")) from exc
    reader = _Reader(path.name)
    office = reader.office(data)
    indicators = tuple(reader.indicator(row, office) for row in data.get("indikator", []))
    settings = reader.data_settings(data.get("data", {}), office)
    numbers = [ind.number for ind in indicators]
    for n in {n for n in numbers if numbers.count(n) > 1}:
        reader.fail(f"nomor indikator {n} dipakai lebih dari sekali")
    if reader.problems:
        raise InputError(reader.problems, source=path.name)
    return Catalogue(office=office, indicators=indicators, source=path, data=settings)


class _Reader:
    """Reads the TOML tables, collecting every problem instead of stopping at the first."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []

    def fail(self, message: str) -> None:
        self.problems.append(Problem(f"katalog {self.filename}: {message}"))

    def text(self, table: dict, key: str, where: str, required: bool = True) -> str:
        value = table.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(f"{where}: '{key}' harus berupa teks yang terisi")
            return ""
        return value.strip()

    def number(self, raw: object, where: str) -> Decimal | None:
        if raw == "" or raw is None:
            return None
        try:
            return Decimal(str(raw))
        except InvalidOperation:
            self.fail(f"{where}: '{raw}' bukan angka (tulis misalnya \"46.67\", atau \"\" bila belum ada)")
            return None

    def value(self, raw: object, where: str, unit: str) -> Decimal | None:
        """A target in the indicator's unit: a predicate letter for "predikat" (held as its rank), a number
        otherwise, a whole one for a count."""
        if unit == PREDICATE_UNIT:
            if raw == "" or raw is None:
                return None
            rank = predicate_rank(raw) if isinstance(raw, str) else None
            if rank is None:
                self.fail(f"{where}: '{raw}' bukan predikat; satuan indikator ini predikat, jadi tulis salah satu dari "
                          f"{', '.join(PREDICATE_LETTERS)} (PermenPANRB 88/2021), misalnya \"BB\", atau \"\" bila "
                          "belum ada")
            return rank
        if isinstance(raw, str) and predicate_rank(raw) is not None:
            self.fail(f"{where}: '{raw}' adalah predikat, padahal satuan indikator ini {unit}; tulis angka, atau "
                      'satuan = "predikat" bila targetnya memang predikat')
            return None
        number = self.number(raw, where)
        if number is not None and unit in COUNT_UNITS and number != number.to_integral_value():
            self.fail(f"{where}: '{raw}' harus bilangan bulat (jumlah {unit})")
            return None
        return number

    def office(self, data: dict) -> Office:
        k = data.get("kantor", {})
        p = data.get("pejabat", {})
        labels = data.get("predikat", {})
        for key in [key for _, key in PREDICATE_BANDS] + [LOWEST_BAND]:
            if not isinstance(labels.get(key), str):
                self.fail(f"[predikat]: label '{key}' belum diisi")
        first, last = k.get("periode_awal"), k.get("periode_akhir")
        if not (isinstance(first, int) and isinstance(last, int) and first <= last):
            self.fail("[kantor]: periode_awal dan periode_akhir harus tahun, awal <= akhir")
            first, last = 0, -1
        elif last - first + 1 > MAX_PERIOD_YEARS:
            self.fail(f"[kantor]: periode {first}-{last} lebih dari {MAX_PERIOD_YEARS} tahun")
        paper = k.get("kertas", "F4")
        if paper not in ("F4", "A4"):
            self.fail(f"[kantor]: kertas '{paper}' tidak dikenal; pilih \"F4\" atau \"A4\"")
        functions = tuple(
            Function(
                number=str(f.get("nomor", "")),
                text=self.text(f, "teks", f"fungsi {f.get('nomor', '?')}"),
                parent=f.get("induk"),
            )
            for f in data.get("fungsi", [])
        )
        code, name = self.text(k, "kode", "[kantor]"), self.text(k, "nama", "[kantor]")
        for why in (safe_names.refuse_reserved_code(code), name and safe_names.refuse_unsafe_office_name(name)):
            if why:
                self.fail(f"[kantor]: {why}")
        return Office(
            code=code,
            name=name,
            regency=self.text(k, "kabupaten", "[kantor]"),
            government=self.text(k, "pemerintah", "[kantor]"),
            superior=self.text(k, "atasan", "[kantor]"),
            superior_name=self.text(k, "atasan_nama", "[kantor]", required=False),
            address=self.text(k, "alamat", "[kantor]", required=False),
            contact=self.text(k, "kontak", "[kantor]", required=False),
            # may be empty: then the workbook's Identitas sheet must name the place (iku/check/validate.py)
            signing_place=self.text(k, "tempat_tanda_tangan", "[kantor]", required=False),
            first_year=first,
            last_year=last,
            paper=paper,
            village_count=int(k.get("jumlah_desa", 0)),
            task=self.text(k, "tugas", "[kantor]"),
            functions=functions,
            signatory=Signatory(
                name=self.text(p, "nama", "[pejabat]"),
                position=self.text(p, "jabatan", "[pejabat]"),
                rank=self.text(p, "pangkat", "[pejabat]", required=False),  # not every IKU document prints it
                nip=self.text(p, "nip", "[pejabat]"),
            ),
            predicate_labels={key: str(v) for key, v in labels.items()},
            narrative_defaults={key: str(v).strip() for key, v in data.get("narasi", {}).items()},
            letter_copies=self.texts(data.get("surat", {}), "tembusan", "[surat]"),
            regency_seat=self.text(k, "ibu_kota_kabupaten", "[kantor]", required=False),
            iku_date=self.date(data.get("iku", {}), "ditetapkan", "[iku]"),
            legal_basis=self.texts(data.get("lkjip", {}), "dasar_hukum", "[lkjip]"),
            spelling=self.spelling(data.get("ejaan", {})),
        )

    def spelling(self, table: dict) -> dict[str, str]:
        found = {}
        for wrong, right in table.items():
            if not isinstance(right, str) or not wrong.strip() or not right.strip() or not wrong.isalpha():
                self.fail(f"[ejaan]: '{wrong}' = '{right}' harus satu kata dan perbaikannya, misalnya "
                          '"Pemeritahan" = "Pemerintahan"')
                continue
            found[wrong] = right.strip()
        return found

    def date(self, table: dict, key: str, where: str) -> dt.date | None:
        value = table.get(key, "")
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value) if isinstance(value, str) and value.strip() else None
        except ValueError:
            self.fail(f"{where}: '{key}' harus berupa tanggal TTTT-BB-HH, misalnya 2021-12-31")
            return None

    def texts(self, table: dict, key: str, where: str) -> tuple[str, ...]:
        values = table.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            self.fail(f"{where}: '{key}' harus berupa daftar teks yang terisi")
            return ()
        return tuple(v.strip() for v in values)

    def indicator(self, row: dict, office: Office) -> Indicator:
        number = row.get("nomor")
        where = f"indikator {number}"
        if not isinstance(number, int):
            self.fail(f"indikator tanpa nomor bulat: {row.get('nama', '?')}")
            number = 0
        unit = row.get("satuan")
        if unit not in UNITS:
            self.fail(f"{where}: satuan '{unit}' tidak dikenal; pilih salah satu dari {', '.join(UNITS)}")
            unit = "nilai"
        predicate = unit == PREDICATE_UNIT
        level = row.get("tingkat")
        if level is not None and level not in LEVELS:
            self.fail(f"{where}: tingkat '{level}' tidak dikenal; pilih salah satu dari {', '.join(LEVELS)}")
        polarity = row.get("polaritas", "naik")
        if polarity not in ("naik", "turun"):
            self.fail(f"{where}: polaritas '{polarity}' tidak dikenal; pilih \"naik\" atau \"turun\"")
        elif predicate and polarity == "turun":
            self.fail(f"{where}: polaritas \"turun\" tidak berlaku untuk satuan predikat (AA selalu lebih baik dari "
                      "D); hapus polaritas atau tulis \"naik\"")
        lower_formula = row.get("rumus_turun", "selisih")
        if lower_formula not in ("selisih", "rasio"):
            self.fail(f"{where}: rumus_turun '{lower_formula}' tidak dikenal; pilih \"selisih\" atau \"rasio\"")
        bounds = row.get("rentang")
        if predicate:  # the letters are the range
            if bounds not in (None, []):
                letters = ", ".join(PREDICATE_LETTERS)
                self.fail(f"{where}: 'rentang' tidak dipakai untuk satuan predikat (nilainya {letters}); hapus atau "
                          "tulis []")
            low, high = PREDICATE_RANGE
        elif bounds == []:  # left to fill (an imported IKU document does not give it): only negatives are refused
            low, high = OPEN_RANGE
        else:
            bounds = bounds if isinstance(bounds, list) else []
            low = self.number(bounds[0], where) if len(bounds) == 2 else None
            high = self.number(bounds[1], where) if len(bounds) == 2 else None
            if low is None or high is None or low > high:
                self.fail(f"{where}: 'rentang' harus dua angka [terkecil, terbesar] (atau [] bila belum diisi)")
                low, high = Decimal(0), Decimal(0)
        raw_targets = row.get("target", {})
        targets: dict[int, Decimal | None] = {}
        for year in range(office.first_year, office.last_year + 1):
            if str(year) not in raw_targets:
                self.fail(f"{where}: target tahun {year} tidak ada (tulis \"\" bila belum ditetapkan)")
            targets[year] = self.value(raw_targets.get(str(year), ""), f"{where}, target {year}", unit)
        for key in raw_targets:
            if not (key.isdigit() and office.first_year <= int(key) <= office.last_year):
                self.fail(f"{where}: target tahun {key} di luar periode {office.first_year}-{office.last_year}")
        rollup = row.get("triwulan", "terakhir")
        if rollup not in ROLLUPS:
            self.fail(f"{where}: triwulan '{rollup}' tidak dikenal; pilih salah satu dari {', '.join(ROLLUPS)}")
        elif predicate and rollup != "terakhir":
            self.fail(f"{where}: triwulan '{rollup}' tidak berlaku untuk satuan predikat (predikat tidak dijumlahkan "
                      "atau dirata-ratakan); tulis \"terakhir\"")
        standard = row.get("standar", {})
        if predicate and standard:
            self.fail(f"{where}: standar untuk satuan predikat belum didukung; hapus 'standar'")
            standard = {}
        unconfirmed = self.unconfirmed(row, where)
        fraction = None
        if "formula_pembilang" in row:
            fraction = (
                self.text(row, "formula_pembilang", where),
                self.text(row, "formula_penyebut", where),
                self.text(row, "formula_pengali", where, required=False),
            )
        return DocumentIndicator(
            number=number,
            name=self.text(row, "nama", where),
            unit=unit,
            higher_is_better=polarity != "turun",
            lower_formula=lower_formula,
            value_range=(low, high),
            targets=targets,
            end_target=self.value(row.get("kondisi_akhir", ""), f"{where}, kondisi akhir", unit),
            level=level,
            objective=self.text(row, "uraian", where, required=level is not None),
            # an IKU document without a definition or formula column: empty, and marked for staff to fill
            definition=self.text(row, "definisi", where, required=level is not None and "definisi" not in unconfirmed),
            formula=self.text(row, "formula", where, required=level is not None and "formula" not in unconfirmed),
            formula_fraction=fraction,
            rollup=rollup,
            standard=self.number(standard.get("nilai", ""), f"{where}, standar"),
            standard_source=str(standard.get("sumber", "")),
            source=self.measure(row, where, predicate),
            continues=self.text(row, "lanjutan", where, required=False),
            data_origin=self.text(row, "sumber", where, required=False),
            responsible=self.text(row, "penanggung_jawab", where, required=False),
            baseline=self.value(row.get("kondisi_awal", ""), f"{where}, kondisi awal", unit),
            baseline_year=self.year(row, "kondisi_awal_tahun", where),
            above=tuple((key, self.text(row, key, where)) for key in LEVELS if key != level and key in row),
            unconfirmed=unconfirmed,
            unit_written=self.text(row, "satuan_tertulis", where, required=False),
        )

    def year(self, row: dict, key: str, where: str) -> int | None:
        value = row.get(key)
        if value is not None and not isinstance(value, int):
            self.fail(f"{where}: '{key}' harus tahun, misalnya 2024")
            return None
        return value

    def unconfirmed(self, row: dict, where: str) -> tuple[str, ...]:
        """`periksa`: what an import read with less than certainty, kept until staff confirm it."""
        keys = row.get("periksa", [])
        if not isinstance(keys, list) or not all(isinstance(k, str) and k in UNCONFIRMABLE for k in keys):
            self.fail(f"{where}: 'periksa' harus daftar nama isian, dari {', '.join(UNCONFIRMABLE)}")
            return ()
        return tuple(keys)

    def measure(self, row: dict, where: str, predicate: bool = False) -> str:
        from iku.sources import MEASURES  # the registry of data sheets; imported late, it imports the model

        key = row.get("sumber_data", "")
        if key and key not in MEASURES:
            self.fail(f"{where}: sumber_data '{key}' tidak dikenal; pilih salah satu dari {', '.join(MEASURES)}")
            return ""
        if key and predicate and key not in PREDICATE_SOURCES:
            self.fail(f"{where}: sumber_data '{key}' menghasilkan angka, padahal satuan indikator ini predikat; "
                      f"untuk predikat hanya {', '.join(PREDICATE_SOURCES)}, atau tanpa sumber_data (diketik)")
            return ""
        return key

    def data_settings(self, table: dict, office: Office) -> DataSettings:
        villages = table.get("desa", [])
        if not (isinstance(villages, list) and all(isinstance(v, str) and v.strip() for v in villages)):
            self.fail("[data]: 'desa' harus daftar nama desa")
            villages = []
        if len({" ".join(v.split()).casefold() for v in villages}) != len(villages):
            self.fail("[data]: nama desa di 'desa' ada yang ganda")
        if villages and office.village_count and len(villages) != office.village_count:
            self.fail(f"[data]: 'desa' memuat {len(villages)} nama, padahal jumlah_desa {office.village_count}")
        base = table.get("tahun_dasar_desa")
        if base is not None and not isinstance(base, int):
            self.fail("[data]: 'tahun_dasar_desa' harus tahun")
            base = None
        weight = table.get("skm_bobot", "1/9")
        if weight not in ("1/9", "0,111"):
            self.fail(f"[data]: skm_bobot '{weight}' tidak dikenal; pilih \"1/9\" atau \"0,111\"")
        scale = table.get("skm_skala", "14/2017")
        if scale not in ("14/2017", "16/2014"):
            self.fail(f"[data]: skm_skala '{scale}' tidak dikenal; pilih \"14/2017\" atau \"16/2014\"")
        affairs = table.get("urusan_umum", [])
        if not (isinstance(affairs, list) and all(isinstance(a, str) and a.strip() for a in affairs)):
            self.fail("[data]: 'urusan_umum' harus daftar teks")
            affairs = []
        return DataSettings(
            villages=tuple(" ".join(v.split()) for v in villages),
            village_base_year=base,
            skm_weight=weight,
            skm_scale=scale,
            affairs=tuple(" ".join(a.split()) for a in affairs),
        )
