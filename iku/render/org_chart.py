"""The organisation chart of LKjIP Bab I, drawn from the Struktur sheet as Word shapes: a group (wpg) of text
boxes joined by lines, inline in the text. Vector, editable in Word, and nothing to draw at build time.

A tidy tree: leaves side by side, each post centred over the posts beneath it, boxes joined by elbow lines.
Boxes are as tall as the longest text needs, in 8 pt, each line broken between words only. A post whose posts
have none beneath them (a Sekretaris and the Kasubbag) stacks them one under the other, so the boxes in a row
stay wide enough to read.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.sax.saxutils import escape

from docx.shared import Emu, Mm

from iku.check.organisation import Position
from iku.render.docx_chart import EMU_PER_PT, FONT, inline, outline, shape_ids, solid
from iku.render.tables import text_width

WIDTH = Mm(160)  # at most: a tree of few posts gets boxes of at most SLOT_MAX, centred on the page
SLOT_MAX = Mm(50)
BOX_W = 0.955  # width of a box, in leaf slots: seven posts in a row keep "Pemberdayaan" whole in 8 pt bold
INDENT = 0.045  # a stacked box's shift right under its superior (as wide as the others), in leaf slots
INSET_PT = 1.5  # text inset of a box, each side
GAP_PT = 22  # between levels
SIZE_PT = 8  # the box text: legible on paper
HEAD_SLOTS = 2  # the head's box, in leaf slots, where the row below is that wide
VACANT = "(lowong)"
FUNCTIONAL = "kelompok jabatan fungsional"  # a group of posts, not one: it has no single holder
NS_WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
NS_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
FALLBACK = "Bagan organisasi hanya tampil di Microsoft Word 2010 atau yang lebih baru."
BOLD = {True: "<w:b/>", False: '<w:b w:val="0"/>'}


def _children(positions: tuple[Position, ...]) -> dict[str, list[Position]]:
    found: dict[str, list[Position]] = {}
    for p in positions:
        found.setdefault(p.superior.casefold(), []).append(p)
    return found


def _stacked(positions: tuple[Position, ...]) -> set[str]:
    """Posts below the head whose own posts have none beneath them (a Sekretaris and the Kasubbag under
    them): those are stacked one under the other, so the row of boxes stays wide enough to read."""
    kids = _children(positions)
    head = next(p for p in positions if not p.superior)
    return {p.title.casefold() for p in positions
            if p is not head and kids.get(p.title.casefold())
            and not any(kids.get(c.title.casefold()) for c in kids[p.title.casefold()])}


def _layout(positions: tuple[Position, ...]) -> dict[str, tuple[float, int, bool]]:
    """Position title -> (x in leaf slots, depth, stacked under its superior)."""
    kids = _children(positions)
    stacked = _stacked(positions)
    head = next(p for p in positions if not p.superior)
    places: dict[str, tuple[float, int, bool]] = {}
    next_leaf = [0.0]

    def place(p: Position, depth: int) -> float:
        below = kids.get(p.title.casefold(), [])
        if not below or p.title.casefold() in stacked:
            x = next_leaf[0]
            next_leaf[0] += 1
            for i, c in enumerate(below, start=1):
                places[c.title] = (x, depth + i, True)
        else:
            xs = [place(c, depth + 1) for c in below]
            x = (xs[0] + xs[-1]) / 2
        places[p.title] = (x, depth, False)
        return x

    place(head, 0)
    return places


def _wrap(text: str, width_pt: float, bold: bool) -> list[str]:
    """Lines of `text` no wider than `width_pt` in Arial at SIZE_PT, broken between words only."""
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and _width(trial, bold) <= width_pt:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines or [""]


def _width(text: str, bold: bool) -> float:
    return text_width(text, SIZE_PT * 2, bold) / 20  # twips -> points


def is_group(p: Position) -> bool:
    return " ".join(p.title.split()).casefold().startswith(FUNCTIONAL)


def holder(p: Position) -> str:
    """Who holds the post, '(lowong)' when nobody does; a group of posts has no single holder."""
    if is_group(p):
        return p.holder
    return p.holder or VACANT


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
    slots = max(x for x, _, _ in places.values()) + 1
    depth = max(d for _, d, _ in places.values()) + 1
    slot_pt = min(WIDTH / slots, SLOT_MAX) / EMU_PER_PT
    by_title = {p.title: p for p in positions}

    def box_w(d: int, stacked: bool) -> float:
        if d == 0:  # the head's box spans more than one slot where there is room: its name stays whole
            return slot_pt * min(slots, HEAD_SLOTS) * BOX_W
        return slot_pt * BOX_W

    lines = {t: (_wrap(t, box_w(d, s) - 2 * INSET_PT, True),
                 [x for x in _wrap(holder(by_title[t]), box_w(d, s) - 2 * INSET_PT, False) if x])
             for t, (_, d, s) in places.items()}
    line_pt = SIZE_PT * 1.2
    rows = [max(len(a) + len(b) for t, (a, b) in lines.items() if places[t][1] == d) * line_pt + 2 * INSET_PT
            for d in range(depth)]  # each row as tall as its fullest box
    tops = [sum(rows[:d]) + d * GAP_PT for d in range(depth)]
    height = _emu(tops[-1] + rows[-1]) + 2 * EMU_PER_PT  # room for the lines' width

    def left(x: float, d: int, stacked: bool = False) -> int:
        if d == 0:
            return _emu((x + 0.5) * slot_pt - box_w(0, False) / 2)
        return _emu((x + (1 - BOX_W) / 2 + (INDENT if stacked else 0)) * slot_pt)

    def centre(x: float) -> int:
        return _emu((x + 0.5) * slot_pt)

    def top(d: int) -> int:
        return _emu(tops[d])

    def bottom(d: int) -> int:
        return _emu(tops[d] + rows[d])

    shapes = []
    kids = _children(positions)
    for title, (x, d, _) in places.items():
        below = [places[p.title] for p in kids.get(title.casefold(), [])]
        if not below:
            continue
        if below[0][2]:  # stacked: a line down the left, a short arm into each box
            rail = left(x, 1) + _emu(INDENT * slot_pt / 2)
            last = top(below[-1][1]) + _emu(rows[below[-1][1]] / 2)
            shapes.append(_line(next(ids), rail, bottom(d), 0, last - bottom(d)))
            shapes.extend(_line(next(ids), rail, top(cd) + _emu(rows[cd] / 2), left(cx, cd, True) - rail, 0)
                          for cx, cd, _ in below)
            continue
        mid = bottom(d) + _emu(GAP_PT / 2)
        xs = [centre(cx) for cx, _, _ in below] + [centre(x)]
        shapes.append(_line(next(ids), centre(x), bottom(d), 0, mid - bottom(d)))
        shapes.append(_line(next(ids), min(xs), mid, max(xs) - min(xs), 0))
        shapes.extend(_line(next(ids), centre(cx), mid, 0, top(cd) - mid) for cx, cd, _ in below)
    for title, (x, d, stacked) in places.items():
        heading, name = lines[title]
        text = "".join(_paragraph(t, SIZE_PT, True, line_pt) for t in heading)
        text += "".join(_paragraph(t, SIZE_PT, False, line_pt) for t in name)
        shapes.append(_shape(next(ids), left(x, d, stacked), top(d), _emu(box_w(d, stacked)), _emu(rows[d]),
                             "rect", solid("EBEBEB" if d == 0 else "FFFFFF"), text))
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
        run = inline(self.template, graphic, Emu(width), Emu(height), "Bagan organisasi")
        # A shape group is Word 2010's (wpg): for older readers an alternative, as Word itself writes it.
        return (run.replace("<w:r><w:drawing>", f'<w:r><mc:AlternateContent xmlns:mc="{NS_MC}" xmlns:wpg="{NS_WPG}">'
                            '<mc:Choice Requires="wpg"><w:drawing>', 1)
                .replace("</w:drawing></w:r>", f"</w:drawing></mc:Choice><mc:Fallback><w:t>{FALLBACK}</w:t>"
                         "</mc:Fallback></mc:AlternateContent></w:r>", 1))

    __str__ = __html__
