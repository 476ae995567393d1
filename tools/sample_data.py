"""Illustrative CONTOH data for the data sheets of the sample workbook, from a fixed seed. Invented for practice:
none of it is Kecamatan Mantup's real data. Used by make_sample.py."""

from __future__ import annotations

import datetime as dt
import random

SEED = 20251231
VILLAGES = ["Sukobendu", "Tunggunjagir", "Sumberbendo", "Mantup", "Kedukbembem", "Sumberdadi", "Kedungsoko",
            "Tugu", "Sukosari", "Sumberagung", "Sidomulyo", "Mojosari", "Plabuhanrejo", "Sumberkerep", "Rumpuk"]
ST, T, B, MJ, M = "Sangat Tertinggal", "Tertinggal", "Berkembang", "Maju", "Mandiri"
# Status per desa 2020 (base year) .. 2025, following the IKU targets for Desa Naik Kelas (3, 4, 5, 6, 7 of 15
# above their 2020 status); Mandiri 0, 1, 1, 2, 2, 3; Sidomulyo falls back in 2024 and recovers in 2025.
STATUSES = {
    "Sukobendu": [MJ, M, M, M, M, M],
    "Tunggunjagir": [B, B, MJ, MJ, MJ, MJ],
    "Sumberbendo": [B, B, B, B, B, B],
    "Mantup": [MJ, MJ, MJ, M, M, M],
    "Kedukbembem": [B, B, B, B, B, B],
    "Sumberdadi": [B, MJ, MJ, MJ, MJ, MJ],
    "Kedungsoko": [T, B, B, B, B, B],
    "Tugu": [MJ, MJ, MJ, MJ, MJ, M],
    "Sukosari": [B, B, B, B, B, B],
    "Sumberagung": [B, B, B, B, B, B],
    "Sidomulyo": [MJ, MJ, MJ, MJ, B, MJ],
    "Mojosari": [B, B, B, B, B, B],
    "Plabuhanrejo": [B, B, B, B, MJ, MJ],
    "Sumberkerep": [MJ, MJ, MJ, MJ, MJ, MJ],
    "Rumpuk": [B, B, B, B, B, B],
}
STATUS_YEARS = [2020, 2021, 2022, 2023, 2024, 2025]
# IDM scores up to 2023 agree with the status (Permendesa PDTT 2/2016 thresholds).
IDM_OF = {ST: 0.4801, T: 0.5620, B: 0.6650, MJ: 0.7594, M: 0.8243}

SERVICE_KINDS = [  # jenis layanan, standard in working days (illustrative), share of requests
    ("Legalisasi Dokumen", 0, 0.30),
    ("Surat Keterangan Tidak Mampu", 1, 0.20),
    ("Pengantar Dokumen Kependudukan", 1, 0.20),
    ("Surat Keterangan Ahli Waris", 3, 0.12),
    ("Dispensasi Nikah", 2, 0.10),
    ("Rekomendasi Izin Usaha Mikro", 5, 0.08),
]
LOCAL_DAYS = [(dt.date(2025, 5, 26), "Hari Jadi Kabupaten Lamongan (contoh hari libur setempat)")]

CONFLICTS = [  # tanggal, desa, uraian, tertangani, tanggal tertangani
    (dt.date(2023, 7, 14), "Tugu", "Sengketa batas tanah kas desa dengan warga", "Ya", dt.date(2023, 8, 2)),
    (dt.date(2024, 2, 5), "Rumpuk", "Perselisihan pemanfaatan saluran irigasi antardusun", "Ya",
     dt.date(2024, 2, 20)),
    (dt.date(2024, 6, 18), "Mantup", "Keberatan warga atas lokasi kandang ternak", "Ya", dt.date(2024, 7, 9)),
    (dt.date(2024, 11, 27), "Sidomulyo", "Perselisihan hasil pemilihan BPD", "Tidak", None),
    (dt.date(2025, 1, 22), "Kedungsoko", "Sengketa jalan usaha tani", "Ya", dt.date(2025, 2, 10)),
    (dt.date(2025, 4, 15), "Sumberagung", "Perselisihan antarpemuda saat hari raya", "Ya", dt.date(2025, 4, 17)),
    (dt.date(2025, 8, 9), "Sukosari", "Keberatan warga atas galian tanah urug", "Ya", dt.date(2025, 9, 1)),
    (dt.date(2025, 11, 3), "Mojosari", "Sengketa pembagian air sumur bor", "Ya", dt.date(2025, 11, 25)),
]
ACTIVITIES = ["Pelatihan kelompok wanita tani", "Pembinaan BUMDes", "Pelatihan kader posyandu",
              "Pendampingan kelompok UMKM", "Pelatihan karang taruna", "Sekolah lapang petani"]
SAKIP = {  # total per year (the year the Inspektorat's evaluation was carried out)
    2021: 61.20, 2022: 63.50, 2023: 65.80, 2024: 68.40, 2025: 70.10,
}
# 2025's components under PermenPANRB 88/2021 (Perencanaan 30, Pengukuran 30, Pelaporan 15, Evaluasi Akuntabilitas
# Kinerja Internal 25): 22,50 + 20,40 + 10,20 + 17,00 = 70,10, the total above.
SAKIP_2025 = [22.50, 20.40, 10.20, 17.00]


def survey(rng: random.Random, years=(2021, 2022, 2023, 2024, 2025)) -> list[list]:
    """About 200 respondents per survey and year (two surveys: indicators 1 and 5), answers 1-4."""
    rows = []
    for year in years:
        for indicator in (1, 5):
            good = 0.30 + 0.03 * (year - 2021) + (0.04 if indicator == 5 else 0)  # share of 4s rises each year
            for _ in range(rng.randint(190, 215)):
                day = dt.date(year, 1, 2) + dt.timedelta(days=rng.randint(0, 360))
                answers = []
                for unsur in range(9):
                    p4 = good - (0.12 if unsur == 3 else 0)  # U4 Biaya/Tarif answered lowest
                    roll = rng.random()
                    answers.append(4 if roll < p4 else 3 if roll < 0.93 else 2 if roll < 0.99 else 1)
                if rng.random() < 0.02:
                    answers[rng.randrange(9)] = None  # an unsur left unanswered
                rows.append([day, indicator, *answers])
    rows.sort(key=lambda r: r[0])
    return rows


def _workday(day: dt.date, off: set[dt.date]) -> bool:
    return day.weekday() < 5 and day not in off


def services(rng: random.Random, off: set[dt.date], year: int = 2025, count: int = 3000) -> list[list]:
    """One row per request of `year`: more requests and slower handling in the weeks around Lebaran."""
    days = [dt.date(year, 1, 1) + dt.timedelta(days=i) for i in range(365)]
    open_days = [d for d in days if _workday(d, off)]
    lebaran = (dt.date(year, 3, 17), dt.date(year, 4, 25))
    weights = [3 if lebaran[0] <= d <= lebaran[1] else 1 for d in open_days]
    kinds = [k for k, _, _ in SERVICE_KINDS]
    standards = {k: s for k, s, _ in SERVICE_KINDS}
    rows = []
    for received in sorted(rng.choices(open_days, weights=weights, k=count)):
        kind = rng.choices(kinds, weights=[w for _, _, w in SERVICE_KINDS])[0]
        busy = lebaran[0] <= received <= lebaran[1]
        extra = rng.choices([0, 1, 2, 3], weights=[80, 12, 6, 2] if busy else [95, 4, 1, 0])[0]
        need = max(0, standards[kind] - rng.choice([0, 0, 1])) + extra
        finished, taken = received, 0
        while taken < need:
            finished += dt.timedelta(days=1)
            if _workday(finished, off):
                taken += 1
        done = finished if finished.year == year else None  # still open on 31 December
        rows.append([None, kind, received, done])
    for number, row in enumerate(rows, start=1):
        row[0] = f"{number:04d}/PL/{year}"
    return rows


def conflicts() -> list[list]:
    return [list(c) for c in CONFLICTS]


# LKjIP Bab I (sheets Struktur, Pegawai, Sarana): ILLUSTRATIVE names and counts for practice, not Mantup's staff.
# The Camat is the signatory the IKU document names; every other name is invented.
CAMAT = "Camat Mantup"
SEKCAM = "Sekretaris Kecamatan"
STRUCTURE = [  # jabatan, nama, atasan
    (CAMAT, "SUWANTO SASTRODIHARJO, S.STP., M.M", ""),
    (SEKCAM, "Ahmad Fauzi, S.Sos., M.Si.", CAMAT),
    ("Kasubbag Umum dan Kepegawaian", "Siti Aminah, S.E.", SEKCAM),
    ("Kasubbag Perencanaan dan Keuangan", "Dwi Rahayu, S.AP.", SEKCAM),
    ("Kasi Pemerintahan", "Eko Prasetyo, S.H.", CAMAT),
    ("Kasi Ketenteraman dan Ketertiban Umum", "Bambang Sutrisno, S.Sos.", CAMAT),
    ("Kasi Pemberdayaan Masyarakat dan Desa", "Nur Hidayati, S.P.", CAMAT),
    ("Kasi Kesejahteraan Sosial", "", CAMAT),  # lowong: the chart shows it as such
    ("Kasi Pelayanan Umum", "Agus Salim, S.Kom.", CAMAT),
    ("Kelompok Jabatan Fungsional", "", CAMAT),
]
STAFF = [  # nama, NIP, pangkat/golongan, pendidikan, jabatan
    ("SUWANTO SASTRODIHARJO, S.STP., M.M", "19851010 200602 1 001", "Pembina (IV/a)", "S-2", CAMAT),
    ("Ahmad Fauzi, S.Sos., M.Si.", "19760312 200212 1 004", "Pembina (IV/a)", "S-2", SEKCAM),
    ("Siti Aminah, S.E.", "19800521 200801 2 011", "Penata Tingkat I (III/d)", "S-1", "Kasubbag Umum dan Kepegawaian"),
    ("Dwi Rahayu, S.AP.", "19830714 201001 2 019", "Penata Tingkat I (III/d)", "S-1",
     "Kasubbag Perencanaan dan Keuangan"),
    ("Eko Prasetyo, S.H.", "19810203 200901 1 007", "Penata Tingkat I (III/d)", "S-1", "Kasi Pemerintahan"),
    ("Bambang Sutrisno, S.Sos.", "19780918 200604 1 012", "Penata Tingkat I (III/d)", "S-1",
     "Kasi Ketenteraman dan Ketertiban Umum"),
    ("Nur Hidayati, S.P.", "19850406 201101 2 008", "Penata (III/c)", "S-1", "Kasi Pemberdayaan Masyarakat dan Desa"),
    ("Agus Salim, S.Kom.", "19870122 201101 1 003", "Penata (III/c)", "S-1", "Kasi Pelayanan Umum"),
    ("Rina Wulandari, A.Md.", "19900815 201503 2 002", "Pengatur Tingkat I (II/d)", "D-III", "Pelaksana"),
    ("Joko Susilo", "19750601 200701 1 015", "Pengatur (II/c)", "SMA/SMK", "Pelaksana"),
    ("Sri Wahyuni", "19790909 200801 2 020", "Pengatur (II/c)", "SMA/SMK", "Pelaksana"),
    ("Muhammad Rizal, S.Kom.", "19920311 202203 1 005", "Penata Muda (III/a)", "S-1", "Pelaksana"),
    ("Lilis Suryani", "19820417 200901 2 006", "Pengatur Muda Tingkat I (II/b)", "SMA/SMK", "Pelaksana"),
    ("Hadi Purnomo", "19720705 200801 1 009", "Juru Tingkat I (I/d)", "SMP", "Pengemudi"),
    ("Dewi Lestari, S.AP.", "", "", "S-1", "Tenaga Pendukung (non-ASN)"),
    ("Yusuf Effendi", "", "", "SMA/SMK", "Tenaga Pendukung (non-ASN)"),
]
FACILITIES = [  # jenis, jumlah, kondisi
    ("Gedung kantor kecamatan", 1, "Baik"),
    ("Pendapa kecamatan", 1, "Baik"),
    ("Kendaraan roda empat", 2, "Baik"),
    ("Kendaraan roda dua", 6, "Rusak Ringan"),
    ("Komputer / laptop", 14, "Baik"),
    ("Printer", 6, "Baik"),
    ("Ruang pelayanan terpadu", 1, "Baik"),
    ("Genset", 1, "Rusak Berat"),
]
# Tindak Lanjut: recommendations of the Inspektorat's evaluation of SAKIP 2024 (carried out in 2025) and what the
# office did (illustrative): rekomendasi, tindak lanjut, status, bukti.
FOLLOW_UP = [
    ("Menyusun pohon kinerja dan cascading kinerja sampai tingkat jabatan pelaksana, sehingga setiap indikator "
     "kinerja individu terhubung dengan sasaran strategis kecamatan.",
     "Pohon kinerja dan matriks cascading kinerja disusun bersama seluruh seksi dan ditetapkan dengan Keputusan "
     "Camat; sasaran kinerja pegawai tahun 2025 diturunkan dari matriks tersebut.",
     "Selesai", "Keputusan Camat Mantup tentang Pohon Kinerja dan Cascading Kinerja Tahun 2025"),
    ("Melakukan reviu Indikator Kinerja Utama agar setiap indikator memenuhi kriteria SMART dan mengukur hasil "
     "(outcome), bukan keluaran kegiatan.",
     "Reviu IKU dilaksanakan bersama Bagian Organisasi Setda; dua indikator dirumuskan ulang dalam rancangan IKU "
     "2025-2029 yang menunggu penetapan.",
     "Dalam proses", "Berita acara reviu IKU tanggal 14 Agustus 2025"),
    ("Memantau capaian Perjanjian Kinerja setiap triwulan dan mendokumentasikan hasil pemantauan beserta tindak "
     "lanjutnya.",
     "Laporan pengukuran kinerja triwulan disusun dan dibahas dalam rapat staf setiap triwulan; hasil dan tindak "
     "lanjutnya dicatat dalam notulen.",
     "Selesai", "Laporan pengukuran kinerja TW I-III 2025 dan notulen rapat evaluasi"),
]
# Anggaran "Sasaran / Indikator Didukung" of budget line n: a sasaran or tujuan text, or indicator numbers.
BUDGET_LINKS = {
    0: "Meningkatnya Manajemen Internal Perangkat Daerah",
    1: "3",
    2: "8, 9",
    3: "Meningkatkan Pelayanan Publik yang Inovatif",
}
