"""Every .docx and .xlsx the tool writes is valid Office Open XML (openxml-audit, tests/ooxml_check.py), and what
the validator does not see: Word's element order read back, honest document properties, fields, chart axes."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from conftest import run_cli
from defusedxml import ElementTree
from docx import Document
from ooxml_check import assert_valid, findings, part, part_names
from openpyxl import Workbook
from test_batch import MANTUP_VALUES, RECAP, UJI, UJI_VALUES, add_office

from iku.render import docx_package
from iku.xlsx_style import set_author

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
CORE_NAMESPACES = {"http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
                   "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/"}


def xml(path: Path, name: str):
    return ElementTree.fromstring(part(path, name))


def one(folder: Path, prefix: str) -> Path:
    return next(folder.glob(f"CONTOH_{prefix}*"))


def test_sample_set_validates(sample_set):
    files = sorted([*sample_set.glob("*.docx"), *sample_set.glob("*.xlsx")])
    assert len(files) == 9  # IKU, LKjIP, PK, four quarterly reports, cover letter, measurement workbook
    for path in files:
        assert_valid(path)


def test_blank_template_and_kabupaten_recap_validate(make_workbook, tmp_path, monkeypatch):
    blank = tmp_path / "kosong.xlsx"
    assert run_cli("template", blank, "--year", "2025").exit_code == 0
    assert_valid(blank)
    mantup = make_workbook(MANTUP_VALUES, name="mantup.xlsx")
    uji = make_workbook(UJI_VALUES, name="uji.xlsx", identity={"Instansi": UJI})
    add_office(tmp_path, monkeypatch, "uji", UJI)
    out = tmp_path / "hasil"
    result = run_cli("build", mantup, uji, "--output", out)
    assert result.exit_code == 0, result.output
    assert_valid(out / RECAP)
    core = xml(out / RECAP, "docProps/core.xml")
    assert core.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Pemerintah Kabupaten Lamongan"
    # every axis of the recap chart is said to be shown: without it Excel may hide the kecamatan names
    chart = xml(out / RECAP, "xl/charts/chart1.xml")
    axes = [*chart.iter(f"{C}catAx"), *chart.iter(f"{C}valAx")]
    assert len(axes) == 2 and all(axis.find(f"{C}delete").get("val") == "0" for axis in axes)


def test_validator_catches_word_order(sample_set, tmp_path):
    """The check can fail: the PK with its bold total's <w:b/> put back after <w:sz/>, as docxtpl wrote it."""
    source = one(sample_set, "Perjanjian")
    broken = tmp_path / "rusak.docx"
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(broken, "w") as out:
        for info in z.infolist():
            data = z.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:b/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>",
                                    b"<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:b/>")
            out.writestr(info, data)
    assert any("Unexpected element 'b'" in line for line in findings(broken))


def test_bold_budget_total_is_bold_in_word_order(sample_set):
    doc = Document(one(sample_set, "Perjanjian"))
    total = [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs
             if r.text == "Jumlah"]
    assert total
    for run in total:
        assert [child.tag.split("}")[1] for child in run._r.rPr] == ["b", "sz", "szCs"]


def test_document_properties_are_the_offices(sample_set):
    before = dt.datetime.now(dt.UTC).year
    for path in sorted(sample_set.glob("*.docx")):
        names = part_names(path)
        assert "docProps/thumbnail.jpeg" not in names and "word/stylesWithEffects.xml" not in names, path.name
        assert b"thumbnail" not in part(path, "_rels/.rels") and b"thumbnail" not in part(path, "[Content_Types].xml")
        core = xml(path, "docProps/core.xml")
        assert {child.tag[1:].split("}")[0] for child in core} <= CORE_NAMESPACES, path.name
        dc, terms = "{http://purl.org/dc/elements/1.1/}", "{http://purl.org/dc/terms/}"
        assert core.findtext(f"{dc}creator") == "Kecamatan Mantup"
        assert core.findtext("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
                             "lastModifiedBy") == "Kecamatan Mantup"
        assert core.findtext(f"{dc}language") == "id-ID"
        created = core.findtext(f"{terms}created")
        assert created == core.findtext(f"{terms}modified") and int(created[:4]) >= before, created  # not 2013
        app = part(path, "docProps/app.xml")
        assert b"Macintosh" not in app and b"<Application>iku</Application>" in app
        settings = xml(path, "word/settings.xml")
        mode = [s for s in settings.iter(f"{W}compatSetting") if s.get(f"{W}name") == "compatibilityMode"]
        assert [s.get(f"{W}val") for s in mode] == ["15"], path.name
        assert settings.find(f"{W}zoom").get(f"{W}percent") == "100"
        assert settings.find(f"{W}savePreviewPicture") is None
        theme = settings.find(f"{W}themeFontLang")  # python-docx's template said en-US and ja-JP
        assert theme.get(f"{W}val") == "id-ID" and theme.get(f"{W}eastAsia") is None, path.name
        tags = [child.tag for child in settings]
        if f"{W}updateFields" in tags:  # the LKjIP only, before w:compat as the schema orders it
            assert path.name.startswith("CONTOH_LKjIP") and tags.index(f"{W}updateFields") < tags.index(f"{W}compat")
    for path in sample_set.glob("*.xlsx"):
        core = xml(path, "docProps/core.xml")
        assert core.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Kecamatan Mantup"
        app = part(path, "docProps/app.xml")
        assert b"penpyxl" not in app and b"<Application>iku</Application>" in app, app
        fonts = re.findall(rb"<font>(.*?)</font>", part(path, "xl/styles.xml"))
        assert fonts and all(f.index(b"<name ") > f.index(b"<sz ") for f in fonts if b"<sz " in f)


def test_only_the_lkjip_contents_asks_for_an_update(sample_set):
    for path in sorted(sample_set.glob("*.docx")):
        for name in part_names(path):
            if not re.fullmatch(r"word/(document|header\d+|footer\d+)\.xml", name):
                continue
            root = xml(path, name)
            marked = [el for el in root.iter(f"{W}fldChar") if el.get(f"{W}dirty") is not None]
            fields = [t.text.strip().split()[0] for t in root.iter(f"{W}instrText") if t.text and t.text.strip()]
            if path.name.startswith("CONTOH_LKjIP") and name == "word/document.xml":
                assert len(marked) == 1 and "TOC" in fields, fields
            else:
                assert marked == [], (path.name, name)
            if name.startswith("word/footer"):
                assert "PAGE" in fields


def test_pihak_tables_stay_two_tables(sample_set):
    for prefix in ("Perjanjian", "LKjIP"):
        body = xml(one(sample_set, prefix), "word/document.xml").find(f"{W}body")
        children = list(body)
        pihak = [i for i, el in enumerate(children)
                 if el.tag == f"{W}tbl" and "disebut PIHAK" in "".join(el.itertext())]
        assert len(pihak) == 2 and pihak[1] - pihak[0] == 2, pihak  # a paragraph between them
        assert children[pihak[0] + 1].tag == f"{W}p"


def test_org_chart_group_has_a_fallback(sample_set):
    root = xml(one(sample_set, "LKjIP"), "word/document.xml")
    mc = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
    groups = list(root.iter("{http://schemas.microsoft.com/office/word/2010/wordprocessingGroup}wgp"))
    blocks = list(root.iter(f"{mc}AlternateContent"))
    assert len(groups) == 1 and len(blocks) == 1
    assert blocks[0].find(f"{mc}Choice").get("Requires") == "wpg"
    assert blocks[0].findtext(f"{mc}Fallback/{W}t") == ("Bagan organisasi hanya tampil di Microsoft Word 2010 atau "
                                                          "yang lebih baru.")


def test_embedded_chart_workbooks_have_a_theme(sample_set, tmp_path):
    path = one(sample_set, "LKjIP")
    embedded = [n for n in part_names(path) if n.startswith("word/embeddings/")]
    assert embedded
    inner = tmp_path / "grafik.xlsx"
    inner.write_bytes(part(path, embedded[0]))
    assert "xl/theme/theme1.xml" in part_names(inner)
    assert b"relationships/theme" in part(inner, "xl/_rels/workbook.xml.rels")
    assert findings(inner) == []


@pytest.mark.parametrize("length", [240, 400])
def test_long_property_values_are_capped(length):
    name = "Kecamatan " + "Panjang" * (length // 7)
    doc = Document()
    docx_package.finish(doc, f"Laporan Kinerja Instansi Pemerintah (LKjIP) {name} Tahun 2025", name)
    core = doc.part.package._core_properties_part._element
    title = core.find("{http://purl.org/dc/elements/1.1/}title").text
    assert len(title) == 255 and title.endswith("…") and title.startswith("Laporan Kinerja")
    wb = Workbook()
    set_author(wb, name, f"Pengukuran Kinerja {name} Tahun 2025")
    assert len(wb.properties.creator) <= 255 and len(wb.properties.title) == 255
