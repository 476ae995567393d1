"""LKjIP Bab I Pendahuluan: latar belakang, dasar hukum, tugas dan fungsi, struktur organisasi (chart from the
Struktur sheet), sumber daya (Pegawai, Sarana), isu strategis and sistematika penulisan.

Where a sheet was not filled, the section says the data were not supplied: no person or facility is made up.
"""

from __future__ import annotations

from docxtpl import DocxTemplate

from iku.check import organisation as org
from iku.check.organisation import Organisation
from iku.measure.sentences import capitalised, count, listing
from iku.model import Results
from iku.render import org_chart

NOT_SUPPLIED = "Data {what} tahun ini belum tersedia, sehingga {part} belum dapat disajikan."

SISTEMATIKA = [
    ("Ikhtisar Eksekutif", "ringkasan capaian kinerja, anggaran, permasalahan utama dan langkah perbaikan."),
    ("Bab I Pendahuluan", "latar belakang, dasar hukum, tugas dan fungsi, struktur organisasi, sumber daya, isu "
                          "strategis dan sistematika penulisan."),
    ("Bab II Perencanaan Kinerja", "ringkasan Rencana Strategis, Indikator Kinerja Utama dan Perjanjian Kinerja "
                                   "tahun ini."),
    ("Bab III Akuntabilitas Kinerja", "capaian kinerja organisasi per tujuan dan sasaran beserta analisisnya, "
                                      "realisasi anggaran dan efisiensinya, serta tindak lanjut rekomendasi hasil "
                                      "evaluasi tahun sebelumnya."),
    ("Bab IV Penutup", "kesimpulan dan langkah perbaikan pada tahun berikutnya."),
    ("Lampiran", "Perjanjian Kinerja dan Indikator Kinerja Utama."),
]


def _count_rows(pairs: list[tuple[str, int]]) -> list[dict]:
    rows = [{"no": str(i), "uraian": label, "jumlah": str(n)} for i, (label, n) in enumerate(pairs, start=1)]
    rows.append({"no": "", "uraian": "Jumlah", "jumlah": str(sum(n for _, n in pairs))})
    return rows


def _structure(template: DocxTemplate, results: Results, found: Organisation, narrative: list[str]) -> dict:
    office = results.catalogue.office.name
    if not found.positions:
        return {"ada": False, "teks": narrative,
                "kosong": NOT_SUPPLIED.format(what="struktur organisasi", sheet="Struktur", part="bagan organisasi")}
    head = next(p for p in found.positions if not p.superior)
    below = [p for p in found.positions if p.superior.casefold() == head.title.casefold()]
    posts = [p for p in found.positions if not org_chart.is_group(p)]  # a Kelompok Jabatan Fungsional is no post
    lead = (f"Susunan organisasi {office} terdiri atas {count(len(posts))} jabatan. {head.title} "
            f"membawahkan {listing([p.title for p in below])}." if below else "")
    return {"ada": True, "teks": narrative + ([lead] if lead else []),
            "bagan": org_chart.OrgChart(template, found.positions),
            "keterangan": f"Gambar 1. Bagan struktur organisasi {office}",
            "baris": [{"jabatan": p.title, "nama": org_chart.holder(p)} for p in found.positions]}


def _staff(results: Results, found: Organisation) -> dict:
    if not found.employees:
        return {"ada": False, "kosong": NOT_SUPPLIED.format(what="pegawai", sheet="Pegawai",
                                                            part="komposisi pegawai")}
    n = len(found.employees)
    top = org.by_education(found.employees)[0]
    return {"ada": True,
            "pengantar": (f"Jumlah pegawai {results.catalogue.office.name} sebanyak {count(n)} orang. Pendidikan "
                          f"terbanyak {top[0]} ({count(top[1])} orang). Komposisi pegawai menurut pangkat/golongan, "
                          "pendidikan dan jabatan disajikan pada tabel berikut."),
            "golongan": _count_rows(org.by_rank(found.employees)),
            "pendidikan": _count_rows(org.by_education(found.employees)),
            "jabatan": _count_rows(org.by_position(found.employees))}


def _facilities(found: Organisation) -> dict:
    if not found.facilities:
        return {"ada": False, "kosong": NOT_SUPPLIED.format(what="sarana dan prasarana", sheet="Sarana",
                                                            part="daftar sarana dan prasarana")}
    return {"ada": True,
            "pengantar": "Sarana dan prasarana yang mendukung pelaksanaan tugas dan fungsi sebagai berikut.",
            "baris": [{"no": str(i), "jenis": f.kind, "jumlah": str(f.count), "kondisi": f.condition or "-"}
                      for i, f in enumerate(found.facilities, start=1)]}


def bab1_context(template: DocxTemplate, results: Results, narrative) -> dict:
    office = results.catalogue.office
    found = results.report.organisation or Organisation()
    legal = list(office.legal_basis)
    return {
        "latar_belakang": narrative("latar_belakang"),
        "dasar_hukum": legal,
        "dasar_hukum_pengantar": (f"Penyusunan laporan ini berpedoman pada {count(len(legal))} peraturan berikut."
                                  if legal else "Dasar hukum belum dicantumkan pada data kantor."),
        "tugas": f"{office.name} mempunyai tugas {office.task[0].lower() + office.task[1:]}",
        "struktur": _structure(template, results, found, narrative("struktur_organisasi")),
        "pegawai": _staff(results, found),
        "sarana": _facilities(found),
        "isu": narrative("isu_strategis"),
        "sistematika_pengantar": "Laporan ini disusun dengan sistematika sebagai berikut.",
        "sistematika": [{"judul": title, "isi": capitalised(text)} for title, text in SISTEMATIKA],
    }
