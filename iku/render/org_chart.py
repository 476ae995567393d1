"""The organisation chart of LKjIP Bab I, drawn from the Struktur sheet as Word shapes: a group (wpg) of text
boxes joined by lines, inline in the text. Vector, editable in Word, and nothing to draw at build time.

A tidy tree: leaves side by side, each post centred over the posts beneath it, boxes joined by elbow lines.
Boxes are as tall as the longest text needs, at a font size where the longest word fits on one line.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from xml.sax.saxutils import escape

from docx.shared import Emu, Mm

from iku.check.organisation import Position
from iku.render.docx_chart import EMU_PER_PT, FONT, inline, outline, shape_ids, solid

WIDTH = Mm(160)  # at most: a tree of few posts gets boxes of at most SLOT_MAX, centred on the page
SLOT_MAX = Mm(50)
BOX_W = 0.92  # width of a box, in leaf slots
INSET_PT = 3  # text inset of a box, each side
GAP_PT = 22  # between levels
CHAR_EM = 0.74  # width of an upper-case bold character, in em: generous, so Word never wraps further
VACANT = "(lowong)"
NS_WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
NS_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
BOLD = {True: "<w:b/>", False: '<w:b w:val="0"/>'}


def _children(positions: tuple[Position, ...]) -> dict[str, list[Position]]:
    found: dict[str, list[Position]] = {}
    for p in positions:
        found.setdefault(p.superior.casefold(), []).append(p)
    return found


def _layout(positions: tuple[Position, ...]) -> dict[str, tuple[float, int]]:
    """Position title -> (x in leaf slots, depth)."""
    kids = _children(positions)
    head = next(p for p in positions if not p.superior)
    places: dict[str, tuple[float, int]] = {}
    next_leaf = [0.0]

    def place(p: Position, depth: int) -> float:
        below = kids.get(p.title.casefold(), [])
        if not below:
            x = next_leaf[0]
            next_leaf[0] += 1
        else:
            xs = [place(c, depth + 1) for c in below]
            x = (xs[0] + xs[-1]) / 2
        places[p.title] = (x, depth)
        return x

    place(head, 0)
    return places


def _wrap(text: str, chars: int) -> list[str]:
    return textwrap.wrap(text, chars, break_long_words=False) or [""]


def _emu(points: float) -> int:
    return round(points * EMU_PER_PT)


def _paragraph(text: str, size: float, bold: bool, line_pt: float) -> str:
    return ('<w:p><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" '
            f'w:line="{round(line_pt * 20)}" w:lineRule="exact"/><w:ind w:left="0" w:right="0" w:firstLine="0"/>'
            f'<w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" '
            f'w:cs="{FONT}"/>{BOLD[bold]}<w:i w:val="0"/>'
            f'<w:sz w:val="{round(size * 2)}"/></w:rPr><w:t>{escape(text)}</w:t></w:r></w:p>')


def _shape(n: int, x: int, y: int, cx: int, cy: int, geometry: str, fill: str, text: str = "") -> str:
    body = (f'<wps:txbx><w:txbxContent>{text}</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" '
            f'wrap="square" lIns="{_emu(INSET_PT)}" tIns="0" rIns="{_emu(INSET_PT)}" bIns="0" anchor="ctr" '
            'anchorCtr="0"><a:noAutofit/></wps:bodyPr>' if text else "<wps:bodyPr/>")
    kind = '<wps:cNvSpPr txBox="1"/>' if text else "<wps:cNvCnPr/>"
    return (f'<wps:wsp><wps:cNvPr id="{n}" name="Bagan {n}"/>{kind}<wps:spPr><a:xfrm><a:off x="{x}" y="{y}"/>'
            f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="{geometry}"><a:avLst/></a:prstGeom>'
            f'{fill}{outline(0.75 if text else 0.6)}</wps:spPr>{body}</wps:wsp>')


def _line(n: int, x: int, y: int, cx: int, cy: int) -> str:
    return _shape(n, x, y, cx, cy, "line", "<a:noFill/>")


def chart(positions: tuple[Position, ...], ids: Iterator[int]) -> tuple[str, int, int]:
    """The group as an a:graphicData, ready for docx_chart.inline(), and its width and height in EMU."""
    places = _layout(positions)
    slots = max(x for x, _ in places.values()) + 1
    depth = max(d for _, d in places.values()) + 1
    slot_pt = min(WIDTH / slots, SLOT_MAX) / EMU_PER_PT
    text_pt = slot_pt * BOX_W - 2 * INSET_PT
    by_title = {p.title: p for p in positions}
    longest = max(len(w) for p in positions for w in p.title.upper().split())
    size = 7.0
    while size > 4.5 and longest * size * CHAR_EM > text_pt:  # the longest word must fit on one line
        size -= 0.5
    chars = max(6, int(text_pt / (size * CHAR_EM)))
    lines = {t: (_wrap(t.upper(), chars), _wrap(by_title[t].holder or VACANT, int(chars * 1.1))) for t in places}
    most = max(len(a) + len(b) for a, b in lines.values())
    line_pt = size * 1.2
    box_h = most * line_pt + 2 * INSET_PT
    height = _emu(depth * box_h + (depth - 1) * GAP_PT) + 2 * EMU_PER_PT  # room for the lines' width

    def left(x: float) -> int:
        return _emu((x + (1 - BOX_W) / 2) * slot_pt)

    def centre(x: float) -> int:
        return _emu((x + 0.5) * slot_pt)

    def top(d: int) -> int:
        return _emu(d * (box_h + GAP_PT))

    shapes = []
    kids = _children(positions)
    for title, (x, d) in places.items():
        below = [places[p.title] for p in kids.get(title.casefold(), [])]
        if not below:
            continue
        mid = top(d) + _emu(box_h + GAP_PT / 2)
        xs = [centre(cx) for cx, _ in below] + [centre(x)]
        shapes.append(_line(next(ids), centre(x), top(d) + _emu(box_h), 0, mid - top(d) - _emu(box_h)))
        shapes.append(_line(next(ids), min(xs), mid, max(xs) - min(xs), 0))
        shapes.extend(_line(next(ids), centre(cx), mid, 0, top(cd) - mid) for cx, cd in below)
    for title, (x, d) in places.items():
        heading, holder = lines[title]
        text = "".join(_paragraph(t, size, True, line_pt) for t in heading)
        text += "".join(_paragraph(t, size - 0.5, False, line_pt) for t in holder)
        shapes.append(_shape(next(ids), left(x), top(d), _emu(slot_pt * BOX_W), _emu(box_h), "rect",
                             solid("EBEBEB" if d == 0 else "FFFFFF"), text))
    width = _emu(slots * slot_pt)
    return (f'<a:graphicData uri="{NS_WPG}"><wpg:wgp xmlns:wpg="{NS_WPG}" xmlns:wps="{NS_WPS}"><wpg:cNvGrpSpPr/>'
            f'<wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/><a:chOff x="0" y="0"/>'
            f'<a:chExt cx="{width}" cy="{height}"/></a:xfrm></wpg:grpSpPr>{"".join(shapes)}</wpg:wgp>'
            '</a:graphicData>', width, height)


class OrgChart:
    """The chart for a docxtpl context ({{ bab1.struktur.bagan }}), placed like an InlineImage."""

    def __init__(self, template, positions: tuple[Position, ...]):
        self.template, self.positions = template, positions

    def __html__(self) -> str:
        graphic, width, height = chart(self.positions, shape_ids(self.template))
        return inline(self.template, graphic, Emu(width), Emu(height), "Bagan organisasi")

    __str__ = __html__
