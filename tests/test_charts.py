"""The LKjIP charts, read back from the generated .docx: native Word charts whose cached series equal the
computed targets and realisations, labelled in Indonesian notation, a missing value never a 0 point; the
organisation chart as Word shapes naming every post and its holder."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import run_cli
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx_text import NBSP
from lxml import etree
from openpyxl import load_workbook

from iku import layout
from iku.render import charts
from iku.render.docx_chart import chart_xml, workbook
from iku.workbook import organisation_sheets as org_sheets

SAMPLE = Path(__file__).resolve().parent.parent / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
NS = {"c": C, "a": A, "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
TARGETS_10 = [Decimal(v) for v in ("20", "26.67", "33.33", "40", "46.67")]  # mantup_2021-2026.toml, Desa Naik Kelas


@dataclass
class Drawn:
    caption: str
    categories: list[str]
    series: dict[str, dict]  # name -> points, labels (index -> ...), count, hatched (indexes)
    table: list[list[str]]  # the last table before the chart
    xlsx: bytes


def _series(ser) -> tuple[str, dict]:
    name = ser.findtext("c:tx//c:v", namespaces=NS)
    points = {int(p.get("idx")): Decimal(p.findtext("c:v", namespaces=NS))
              for p in ser.iterfind("c:val//c:pt", NS)}
    labels = {int(d.find("c:idx", NS).get("val")): "".join(d.xpath(".//a:t/text()", namespaces=NS))
              for d in ser.iterfind("c:dLbls/c:dLbl", NS)}
    hatched = {int(d.find("c:idx", NS).get("val")) for d in ser.iterfind("c:dPt", NS)
               if d.find("c:spPr/a:pattFill", NS) is not None}
    count = int(ser.find("c:val//c:ptCount", NS).get("val"))
    return name, {"points": points, "labels": labels, "count": count, "hatched": hatched,
                  "pattern": ser.find("c:spPr/a:pattFill", NS) is not None,
                  "line": ser.getparent().tag == f"{{{C}}}lineChart"}


def drawn(path: Path) -> list[Drawn]:
    """Every native chart of the body in order, with its caption (the next paragraph) and the table before it."""
    doc = Document(path)
    found, last, body = [], [], list(doc.element.body.iterchildren())
    for i, element in enumerate(body):
        if element.tag == qn("w:tbl"):
            last = [[c.text.replace(NBSP, " ") for c in row.cells] for row in Table(element, doc).rows]
        for ref in element.iter(f"{{{C}}}chart"):
            part = doc.part.related_parts[ref.get(qn("r:id"))]
            space = etree.fromstring(part.blob)
            categories = [p.findtext("c:v", namespaces=NS) for p in space.find(".//c:ser/c:cat", NS).iter(f"{{{C}}}pt")]
            series = dict(_series(s) for s in space.iter(f"{{{C}}}ser"))
            xlsx = next(p.blob for p in part.related_parts.values())
            caption = "".join(body[i + 1].xpath(".//w:t/text()"))
            found.append(Drawn(caption, categories, series, last, xlsx))
    return found


def build(make_workbook, tmp_path, values=None, edit=None) -> Path:
    source = make_workbook(values or {}, identity={layout.ID_DATE: dt.datetime(2026, 1, 30)}, edit=edit)
    result = run_cli("build", source, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    return tmp_path / "hasil" / "mantup-2025" / "LKjIP_Kecamatan_Mantup_2025.docx"


def test_indicator_charts_hold_targets_and_realisations(make_workbook, tmp_path):
    path = build(make_workbook, tmp_path, {10: {2024: 33.33, 2025: 40}, 1: {2024: 85.76, 2025: 86.31}})
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        types = z.read("[Content_Types].xml").decode()
        document = z.read("word/document.xml").decode()
    parts = sorted(n for n in names if n.startswith("word/charts/chart"))
    assert len(parts) == document.count("<c:chart ") == 5  # indicator 1 (realisations) and 7-10 (targets)
    assert all(f'PartName="/{n}" ContentType="{CHART_TYPE}"' in types for n in parts)
    assert len([n for n in names if n.startswith("word/embeddings/") and n.endswith(".xlsx")]) == 5
    assert "<a:blip " not in document  # no picture left: nothing drawn with matplotlib

    by_title = {d.caption.split(". ", 1)[1]: d for d in drawn(path)}
    desa = by_title["Target dan realisasi Persentase Desa Naik Kelas, 2021-2025 (realisasi 2021-2023 belum "
                    "dilaporkan)"]
    assert desa.categories == ["2021", "2022", "2023", "2024", "2025"]
    target, real = desa.series["Target"], desa.series["Realisasi"]
    assert [target["points"][i] for i in range(5)] == TARGETS_10
    assert target["labels"] == {}  # the table above the chart gives the figures
    assert target["line"] and not real["line"]  # the target a dashed line with markers over the bars
    assert real["count"] == 5 and real["points"] == {3: Decimal("33.33"), 4: Decimal("40")}  # 2021-2023: no point
    assert real["labels"] == {3: "33,33%", 4: "40,00%"}
    # "Edit Data" in Word: the embedded workbook holds the same figures, the missing ones empty
    sheet = load_workbook(io.BytesIO(desa.xlsx)).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Tahun", "Realisasi", "Target"], ["2021", None, 20], ["2022", None, 26.67], ["2023", None, 33.33],
        ["2024", 33.33, 40], ["2025", 40, 46.67]]

    # 85,76 and 86,31 lie close together: the axis starts at 85, and the caption says so
    ikm = by_title["Target dan realisasi Nilai IKM, 2021-2025 (target 2021-2025 belum ditetapkan; realisasi "
                   "2021-2023 belum dilaporkan; sumbu nilai dimulai dari 85)"]
    assert ikm.series["Target"]["points"] == {}  # no target: no bar at all, not five zeros
    assert ikm.series["Realisasi"]["labels"] == {3: "85,76", 4: "86,31"}


def _shown(text: str) -> str | None:
    """A year table's figure as the chart labels it: '46,67%' stays, '3 desa' -> '3', 'belum ...' -> None."""
    return None if text.startswith("belum") else text.removesuffix(" desa")


@pytest.fixture
def sample(sample_set) -> Path:
    return next(sample_set.glob("*LKjIP*.docx"))


def test_sample_charts_agree_with_the_tables_beside_them(sample):
    found = drawn(sample)
    indicators = [d for d in found if "Target dan realisasi" in d.caption]
    assert len(indicators) == 10 and len(found) == 13
    for d in indicators:
        header, *years = d.table
        assert header[:3] == ["Tahun", "Target", "Realisasi"] and d.categories == [row[0] for row in years]
        for column, name in ((1, "Target"), (2, "Realisasi")):
            expected = {i: _shown(row[column]) for i, row in enumerate(years) if _shown(row[column])}
            assert d.series[name]["labels"] == (expected if name == "Realisasi" else {}), d.caption
            assert set(d.series[name]["points"]) == set(expected)

    surveys = [d for d in found if "NRR per unsur" in d.caption]
    assert len(surveys) == 2  # the public survey and the internal one
    for nrr in surveys:
        rows = [r for r in nrr.table if r[0][1:].isdigit()][::-1]  # the chart lists U9 at the bottom, U1 on top
        (points,) = [s["points"] for s in nrr.series.values()]
        assert [round(points[i], 4) for i in range(9)] == [Decimal(r[3].replace(",", ".")) for r in rows]
        assert nrr.categories[-1] == "U1 Persyaratan"
        (hatched,) = [s["hatched"] for s in nrr.series.values()]
        assert hatched == {min(range(9), key=lambda i: points[i])}  # the lowest unsur

    status = next(d for d in found if "menurut status" in d.caption)
    header, *rows = status.table
    assert status.categories == header[1:]
    for row in rows[:5]:
        assert [status.series[row[0]]["points"][i] for i in range(len(header) - 1)] == [Decimal(v) for v in row[1:]]
        assert status.series[row[0]]["labels"] == {i: v for i, v in enumerate(row[1:]) if v != "0"}


STRUCTURE = [("Camat Mantup", "Budi Contoh", ""), ("Sekretaris Kecamatan", "Ani Contoh", "Camat Mantup"),
             ("Kasubbag Umum dan Kepegawaian", "Dewi Contoh", "Sekretaris Kecamatan"),
             ("Kasi Pemerintahan", "", "Camat Mantup")]


def test_org_chart_names_every_post_and_holder(make_workbook, tmp_path):
    structure = [*STRUCTURE, ("Kelompok Jabatan Fungsional", "", "Camat Mantup")]
    path = build(make_workbook, tmp_path, edit=lambda wb: org_sheets.fill(wb, layout.SHEET_STRUCTURE, structure))
    (group,) = Document(path).element.body.iter(f"{{{WPG}}}wgp")
    boxes = {}
    for shape in group.iter("{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}wsp"):
        lines = ["".join(p.xpath(".//w:t/text()")) for p in shape.iter(qn("w:p"))]
        if lines:
            boxes[" ".join(lines)] = (int(shape.find(".//a:off", NS).get("y")),
                                      int(shape.find(".//a:off", NS).get("x")))
    assert len(boxes) == 5
    for title, holder, _ in STRUCTURE:
        (box,) = [text for text in boxes if text.startswith(title)]
        assert box == f"{title} {holder or '(lowong)'}"  # each line broken between words, never inside one
    assert "Kelompok Jabatan Fungsional" in boxes  # a group of posts: no "(lowong)"
    sizes = {int(sz.get(qn("w:val"))) for sz in group.iter(qn("w:sz"))}
    assert min(sizes) >= 16  # 8 pt at least, legible on paper
    place = {text.split(" ")[0]: yx for text, yx in boxes.items()}
    assert place["Camat"][0] == 0 < place["Sekretaris"][0] == place["Kasi"][0] < place["Kasubbag"][0]
    assert place["Kasubbag"][1] > place["Sekretaris"][1]  # stacked under the Sekretaris, indented


def test_value_label_per_unit():
    assert charts.value_label(Decimal("46.665"), "persen") == "46,67%"
    assert charts.value_label(Decimal("82.5"), "nilai") == "82,50"
    assert charts.value_label(Decimal("12"), "desa") == "12"


def test_axis_scale_leaves_room_for_the_labels():
    assert charts.scale(Decimal("82.75"), "nilai") == (100, 20)
    assert charts.scale(Decimal("46.67"), "persen") == (60, 10)
    assert charts.scale(Decimal("3"), "desa") == (4, 1)
    assert charts.scale(Decimal("0"), "persen") == (100, 20)


def series(**changes) -> charts.ChartSeries:
    values = {"title": "Persentase Desa Naik Kelas", "unit": "persen", "years": [2023, 2021, 2022],
              "targets": [Decimal("33.33"), None, Decimal("26.67")], "realisations": [None, Decimal("20"), None]}
    return charts.ChartSeries(**(values | changes))


def test_years_ascending_and_gaps_not_zero():
    chart = charts.indicator_chart(series())
    assert chart.categories == ["2021", "2022", "2023"]
    assert chart.lines[0].values == [None, Decimal("26.67"), Decimal("33.33")]
    assert chart.series[0].values == [Decimal("20"), None, None]
    xml = etree.fromstring(chart_xml(chart))
    target = xml.find(".//c:lineChart/c:ser", NS)
    assert [p.get("idx") for p in target.iterfind("c:val//c:pt", NS)] == ["1", "2"]
    assert xml.find(".//c:dispBlanksAs", NS).get("val") == "gap"
    assert charts.missing_note(series()) == "target 2021 belum ditetapkan; realisasi 2022, 2023 belum dilaporkan"
    sheet = load_workbook(io.BytesIO(workbook(chart))).active
    assert [c.value for c in sheet["C"]] == ["Target", None, 26.67, 33.33]
    assert [c.value for c in sheet["B"]] == ["Realisasi", 20, None, None]


def test_value_axis_starts_near_values_that_lie_close_together():
    # IKM 80-83: span 3, step 1 (3 x 1,6 / 1 <= 5); from 80 - 0,5 down to 79; up to 83 + 0,75 + 0,25 = 84
    close = charts.close_range([Decimal(80), Decimal("81.5"), Decimal(83), None])
    assert close == (Decimal(79), Decimal(84), Decimal(1))
    chart = charts.indicator_chart(series(unit="nilai", targets=[Decimal(82), Decimal(80), Decimal(81)],
                                          realisations=[Decimal(83), Decimal("80.5"), None]))
    assert (chart.minimum, chart.maximum) == (Decimal(79), Decimal(84))
    assert charts.axis_note(chart) == "sumbu nilai dimulai dari 79"
    assert charts.close_range([Decimal(20), Decimal("46.67")]) is None  # far apart: from 0
    assert charts.close_range([Decimal(100), Decimal(100)]) is None  # all equal: nothing to compare
    assert charts.axis_note(charts.indicator_chart(series(realisations=[None, Decimal(10), None]))) == ""


def test_rejects_bad_series():
    with pytest.raises(ValueError, match="satuan"):
        charts.indicator_chart(series(unit="buah"))  # "orang" is a unit since issue 17
    with pytest.raises(ValueError, match="tidak sama"):
        charts.indicator_chart(series(years=[2021, 2022]))
