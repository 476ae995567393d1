"""The organisation chart of LKjIP Bab I, drawn from the Struktur sheet as PNG bytes (matplotlib, no pyplot).

A tidy tree: leaves side by side, each post centred over the posts beneath it, boxes joined by elbow lines.
"""

from __future__ import annotations

import io
import textwrap

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from iku.organisation import Position
from iku.render.charts import _font_family

DPI = 200
WIDTH_IN = 6.3  # 16 cm
BOX_W = 0.92  # width of a box, in leaf slots
VACANT = "(lowong)"


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


def chart(positions: tuple[Position, ...]) -> bytes:
    places = _layout(positions)
    slots = max(x for x, _ in places.values()) + 1
    depth = max(d for _, d in places.values()) + 1
    box_pt = WIDTH_IN * 72 * BOX_W / (slots + 0.1)
    by_title = {p.title: p for p in positions}
    longest = max(len(w) for p in positions for w in p.title.upper().split())
    size = 7.0
    while size > 4.5 and longest * size * 0.74 > box_pt * 0.88:  # the longest word must fit on one line
        size -= 0.5
    chars = max(6, int(box_pt * 0.88 / (size * 0.74)))
    lines = {t: (_wrap(t.upper(), chars), _wrap(by_title[t].holder or VACANT, int(chars * 1.1))) for t in places}
    most = max(len(a) + len(b) for a, b in lines.values())
    line_in = size * 1.3 / 72
    box_h = most * line_in + 0.12  # inches
    gap = 0.3
    height_in = depth * box_h + (depth - 1) * gap + 0.1
    font = _font_family()
    fig = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(-0.55, slots - 0.45)
    ax.set_ylim(-height_in + 0.05, 0.05)
    ax.axis("off")

    def top(d: int) -> float:
        return -d * (box_h + gap)

    for p in positions:
        if p.superior:
            parent = next(t for t in places if t.casefold() == p.superior.casefold())
            (x0, d0), (x1, d1) = places[parent], places[p.title]
            mid = top(d0) - box_h - gap / 2
            ax.plot([x0, x0, x1, x1], [top(d0) - box_h, mid, mid, top(d1)], color="black", linewidth=0.7,
                    zorder=1)
    for title, (x, d) in places.items():
        y = top(d)
        ax.add_patch(FancyBboxPatch((x - BOX_W / 2, y - box_h), BOX_W, box_h, boxstyle="square,pad=0",
                                    facecolor="0.92" if d == 0 else "white", edgecolor="black", linewidth=0.8,
                                    zorder=2))
        heading, holder = lines[title]
        block = len(heading) + len(holder)
        first = y - box_h / 2 + (block - 1) * line_in / 2
        for i, text in enumerate(heading + holder):
            bold = i < len(heading)
            ax.text(x, first - i * line_in, text, ha="center", va="center", fontsize=size if bold else size - 0.5,
                    fontweight="bold" if bold else "normal", family=font, zorder=3)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
