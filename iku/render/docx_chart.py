"""Native Word bar charts: a DrawingML chart part (word/charts/chartN.xml) placed inline by docxtpl, with its
data cached in the part (Word and LibreOffice draw it without opening anything) and embedded as a small
workbook, so "Edit Data" works in Word.

The XML is written as text: a dozen small charts per LKjIP cost a few milliseconds, where matplotlib PNGs cost
over a second. Labels are per-point rich text ("46,67%"): a chart number format would print the viewer's
locale decimal separator.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.shared import Length
from openpyxl.utils import get_column_letter
from openpyxl.writer.theme import theme_xml

FONT = "Arial"
EMU_PER_PT = 12700
NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHEET = "Data"
BLACK = "000000"


def solid(rgb: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{rgb}"/></a:solidFill>'


def pattern(prst: str, fg: str = BLACK, bg: str = "FFFFFF") -> str:
    """A hatch that prints in black and white, e.g. prst='wdUpDiag' (diagonal) or 'pct20' (dots)."""
    return (f'<a:pattFill prst="{prst}"><a:fgClr><a:srgbClr val="{fg}"/></a:fgClr>'
            f'<a:bgClr><a:srgbClr val="{bg}"/></a:bgClr></a:pattFill>')


def outline(width_pt: float = 0.75, rgb: str = BLACK) -> str:
    return f'<a:ln w="{round(width_pt * EMU_PER_PT)}">{solid(rgb)}</a:ln>'


@dataclass(frozen=True)
class Series:
    name: str
    values: list[Decimal | int | None]  # None: no point at all (a gap, never a 0)
    labels: list[str]  # the text shown at each point; '' for none
    fill: str  # DrawingML fill of the bars (solid() or pattern())
    point_fills: dict[int, str] = field(default_factory=dict)  # index -> fill for single bars
    label_rgb: str = BLACK


@dataclass(frozen=True)
class BarChart:
    categories: list[str]
    series: list[Series]
    value_title: str
    category_title: str = ""
    horizontal: bool = False
    stacked: bool = False
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    major_unit: Decimal | None = None
    legend: bool = True
    label_position: str = "outEnd"  # or "ctr"
    label_size: float = 7.0  # points
    lines: list[Series] = field(default_factory=list)  # drawn as lines with markers over the bars, unlabelled


def _text(size_pt: float, bold: bool = False, rgb: str | None = None) -> str:
    fill = solid(rgb) if rgb else ""
    return (f'<a:defRPr sz="{round(size_pt * 100)}" b="{int(bold)}">{fill}<a:latin typeface="{FONT}"/>'
            f'<a:cs typeface="{FONT}"/></a:defRPr>')


def _tx_pr(size_pt: float, rotate: bool = False, rgb: str | None = None) -> str:
    rot = ' rot="-5400000" vert="horz"' if rotate else ""
    return (f'<c:txPr><a:bodyPr{rot}/><a:lstStyle/><a:p><a:pPr>{_text(size_pt, rgb=rgb)}</a:pPr>'
            '<a:endParaRPr lang="id-ID"/></a:p></c:txPr>')


def _rich(text: str, size_pt: float, rotate: bool = False, rgb: str | None = None) -> str:
    rot = ' rot="-5400000" vert="horz"' if rotate else ""
    run = f'<a:rPr lang="id-ID" sz="{round(size_pt * 100)}" b="0">{solid(rgb) if rgb else ""}</a:rPr>'
    return (f'<c:rich><a:bodyPr{rot}/><a:lstStyle/><a:p><a:pPr>{_text(size_pt, rgb=rgb)}</a:pPr>'
            f'<a:r>{run}<a:t>{escape(text)}</a:t></a:r></a:p></c:rich>')


def _title(text: str, rotate: bool) -> str:
    return f'<c:title><c:tx>{_rich(text, 8, rotate)}</c:tx><c:overlay val="0"/></c:title>' if text else ""


FLAGS = ('<c:showLegendKey val="0"/><c:showVal val="{val}"/><c:showCatName val="0"/><c:showSerName val="0"/>'
         '<c:showPercent val="0"/><c:showBubbleSize val="0"/>')


def _labels(s: Series, position: str, size: float) -> str:
    points = "".join(
        f'<c:dLbl><c:idx val="{i}"/><c:tx>{_rich(label, size, rgb=s.label_rgb)}</c:tx>'
        f'<c:dLblPos val="{position}"/>{FLAGS.format(val=1)}</c:dLbl>'
        for i, (label, value) in enumerate(zip(s.labels, s.values, strict=True)) if label and value is not None)
    return f'<c:dLbls>{points}{FLAGS.format(val=0)}</c:dLbls>'


def _series(chart: BarChart, n: int, s: Series) -> str:
    col, rows = get_column_letter(n + 2), len(chart.categories)
    cats = "".join(f'<c:pt idx="{i}"><c:v>{escape(c)}</c:v></c:pt>' for i, c in enumerate(chart.categories))
    vals = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(s.values) if v is not None)
    points = "".join(f'<c:dPt><c:idx val="{i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>'
                     f'<c:spPr>{fill}{outline()}</c:spPr></c:dPt>' for i, fill in sorted(s.point_fills.items()))
    return (f'<c:ser><c:idx val="{n}"/><c:order val="{n}"/>'
            f'<c:tx><c:strRef><c:f>{SHEET}!${col}$1</c:f><c:strCache><c:ptCount val="1"/>'
            f'<c:pt idx="0"><c:v>{escape(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
            f'<c:spPr>{s.fill}{outline()}</c:spPr><c:invertIfNegative val="0"/>{points}'
            f'{_labels(s, chart.label_position, chart.label_size)}'
            f'<c:cat><c:strRef><c:f>{SHEET}!$A$2:$A${rows + 1}</c:f><c:strCache><c:ptCount val="{rows}"/>{cats}'
            f'</c:strCache></c:strRef></c:cat>'
            f'<c:val><c:numRef><c:f>{SHEET}!${col}$2:${col}${rows + 1}</c:f><c:numCache>'
            f'<c:formatCode>General</c:formatCode><c:ptCount val="{rows}"/>{vals}</c:numCache></c:numRef></c:val>'
            '</c:ser>')


def _line_series(chart: BarChart, n: int, s: Series) -> str:
    """A series as a dashed line with diamond markers (the target over the realisation bars); no labels, the
    table above the chart gives the figures."""
    col, rows = get_column_letter(n + 2), len(chart.categories)
    cats = "".join(f'<c:pt idx="{i}"><c:v>{escape(c)}</c:v></c:pt>' for i, c in enumerate(chart.categories))
    vals = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(s.values) if v is not None)
    line = f'<a:ln w="{round(1.25 * EMU_PER_PT)}">{solid(BLACK)}<a:prstDash val="dash"/></a:ln>'
    return (f'<c:ser><c:idx val="{n}"/><c:order val="{n}"/>'
            f'<c:tx><c:strRef><c:f>{SHEET}!${col}$1</c:f><c:strCache><c:ptCount val="1"/>'
            f'<c:pt idx="0"><c:v>{escape(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
            f'<c:spPr>{line}</c:spPr><c:marker><c:symbol val="diamond"/><c:size val="8"/>'
            f'<c:spPr>{s.fill}{outline(1)}</c:spPr></c:marker>'
            f'<c:cat><c:strRef><c:f>{SHEET}!$A$2:$A${rows + 1}</c:f><c:strCache><c:ptCount val="{rows}"/>{cats}'
            f'</c:strCache></c:strRef></c:cat>'
            f'<c:val><c:numRef><c:f>{SHEET}!${col}$2:${col}${rows + 1}</c:f><c:numCache>'
            f'<c:formatCode>General</c:formatCode><c:ptCount val="{rows}"/>{vals}</c:numCache></c:numRef></c:val>'
            '<c:smooth val="0"/></c:ser>')


def chart_xml(chart: BarChart, package_rid: str | None = None) -> bytes:
    """The chartSpace of `chart`; `package_rid` names the embedded workbook's relationship."""
    grid = f'<c:majorGridlines><c:spPr>{outline(0.5, "D9D9D9")}</c:spPr></c:majorGridlines>'
    axis_line = f'<c:spPr><a:noFill/>{outline(0.75)}</c:spPr>'
    scaling = "".join(f"<c:{tag} val=\"{value}\"/>" for tag, value in (("max", chart.maximum), ("min", chart.minimum))
                      if value is not None)
    unit = f'<c:majorUnit val="{chart.major_unit}"/>' if chart.major_unit else ""
    cat_pos, val_pos = ("l", "b") if chart.horizontal else ("b", "l")
    grouping = "stacked" if chart.stacked else "clustered"
    overlap = '<c:overlap val="100"/>' if chart.stacked else '<c:overlap val="0"/>'
    legend = (f'<c:legend><c:legendPos val="t"/><c:overlay val="0"/>{_tx_pr(7)}</c:legend>'
              if chart.legend else "")
    external = (f'<c:externalData r:id="{package_rid}"><c:autoUpdate val="0"/></c:externalData>'
                if package_rid else "")
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{NS_C}" xmlns:a="{NS_A}" xmlns:r="{NS_R}"><c:date1904 val="0"/>'
        '<c:lang val="id-ID"/><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea>'
        f'<c:layout/><c:barChart><c:barDir val="{"bar" if chart.horizontal else "col"}"/>'
        f'<c:grouping val="{grouping}"/><c:varyColors val="0"/>'
        + "".join(_series(chart, n, s) for n, s in enumerate(chart.series))
        + f'<c:gapWidth val="{60 if chart.stacked else 50}"/>{overlap}'
        '<c:axId val="111"/><c:axId val="222"/></c:barChart>'
        + (('<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>'
            + "".join(_line_series(chart, len(chart.series) + n, s) for n, s in enumerate(chart.lines))
            + '<c:marker val="1"/><c:axId val="111"/><c:axId val="222"/></c:lineChart>') if chart.lines else "")
        +
        f'<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        f'<c:axPos val="{cat_pos}"/>{_title(chart.category_title, chart.horizontal)}'
        '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="low"/>{axis_line}{_tx_pr(7)}<c:crossAx val="222"/>'
        '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>'
        '<c:noMultiLvlLbl val="0"/></c:catAx>'
        f'<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/>{scaling}</c:scaling>'
        f'<c:delete val="0"/><c:axPos val="{val_pos}"/>{grid}{_title(chart.value_title, not chart.horizontal)}'
        '<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>'
        f'<c:tickLblPos val="nextTo"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{_tx_pr(7)}'
        f'<c:crossAx val="111"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>{unit}</c:valAx>'
        f'<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>{legend}'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f'<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{_tx_pr(7)}{external}</c:chartSpace>')
    return xml.encode()


_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/theme/theme1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>'),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{RT.OFFICE_DOCUMENT}" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'xmlns:r="{NS_R}"><sheets><sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{NS_R}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{NS_R}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId3" Type="{NS_R}/theme" Target="theme/theme1.xml"/>'  # Excel requires a theme
        f'<Relationship Id="rId4" Type="{NS_R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
    "xl/theme/theme1.xml": theme_xml,
    "xl/styles.xml": (  # Excel's own minimum: one font, the two reserved fills, one border, one format
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill>'
        '<patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'),
}


def _cell(ref: str, value, strings: dict[str, int]) -> str:
    """A cell; text in the shared strings table, as Excel writes it (inline strings are rewritten on save)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return f'<c r="{ref}" t="s"><v>{strings.setdefault(value, len(strings))}</v></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


def workbook(chart: BarChart) -> bytes:
    """The chart's data as a minimal .xlsx (categories in A, one series per column), written by hand:
    openpyxl's save costs tens of milliseconds per chart."""
    every = [*chart.series, *chart.lines]
    table = [[chart.category_title or "Kategori", *(s.name for s in every)]]
    table += [[c, *(s.values[i] for s in every)] for i, c in enumerate(chart.categories)]
    strings: dict[str, int] = {}
    rows = "".join(f'<row r="{r}">'
                   + "".join(_cell(f"{get_column_letter(c)}{r}", v, strings) for c, v in enumerate(values, start=1))
                   + "</row>" for r, values in enumerate(table, start=1))
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData>{rows}</sheetData></worksheet>')
    shared = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              f'count="{sum(isinstance(v, str) for values in table for v in values)}" uniqueCount="{len(strings)}">'
              + "".join(f'<si><t xml:space="preserve">{escape(text)}</t></si>' for text in strings) + "</sst>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in (*_XLSX_PARTS.items(), ("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", shared)):
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), xml)
    return buffer.getvalue()


def shape_ids(template) -> Iterator[int]:
    """Drawing ids of one document, counted from far above python-docx's picture ids so none repeats; per
    template, so the same workbook gives the same document."""
    return template.__dict__.setdefault("_iku_shape_ids", itertools.count(5000))


def inline(template, graphic: str, width: Length, height: Length, name: str) -> str:
    """A run holding an inline drawing of `graphic` (an a:graphicData), in the form docxtpl's InlineImage gives:
    it closes the template's run and opens a fresh one after it."""
    shape = next(shape_ids(template))
    return ('</w:t></w:r><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{int(width)}" cy="{int(height)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{shape}" name={quoteattr(f"{name} {shape}")}/><wp:cNvGraphicFramePr/>'
            f'<a:graphic xmlns:a="{NS_A}">{graphic}</a:graphic></wp:inline></w:drawing></w:r>'
            '<w:r><w:t xml:space="preserve">')


class NativeChart:
    """A chart for a docxtpl context, like InlineImage: placing it ({{ grafik }}) adds the chart part (and its
    workbook) to the part being rendered and writes the inline drawing."""

    def __init__(self, template, chart: BarChart, width: Length, height: Length):
        self.template, self.chart, self.width, self.height = template, chart, width, height

    def __html__(self) -> str:
        part = self.template.current_rendering_part or self.template.docx.part
        package = part.package
        chart_part = Part(package.next_partname("/word/charts/chart%d.xml"), CT.DML_CHART,
                          chart_xml(self.chart, "rId1"), package)  # its first relationship: the workbook
        rid = part.relate_to(chart_part, RT.CHART)
        data = Part(package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"), CT.SML_SHEET,
                    workbook(self.chart), package)
        chart_part.relate_to(data, RT.PACKAGE)
        graphic = (f'<a:graphicData uri="{NS_C}"><c:chart xmlns:c="{NS_C}" xmlns:r="{NS_R}" r:id="{rid}"/>'
                   '</a:graphicData>')
        return inline(self.template, graphic, self.width, self.height, "Grafik")

    __str__ = __html__
