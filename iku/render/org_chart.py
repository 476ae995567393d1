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
BOX_W, BOX_H, LEVEL_H = 0.9, 0.55, 1.0  # in leaf-slot units
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


def chart(positions: tuple[Position, ...]) -> bytes:
    places = _layout(positions)
    slots = max(x for x, _ in places.values()) + 1
    depth = max(d for _, d in places.values()) + 1
    width_chars = max(10, int(34 / max(slots, 3) * 3.2))
    font = _font_family()
    size = 7 if slots <= 5 else 6 if slots <= 8 else 5
    height_in = max(1.6, depth * 1.05)
    fig = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.01, 0.01, 0.98, 0.98))
    ax.set_xlim(-0.55, slots - 0.45)
    ax.set_ylim(-(depth - 1) * LEVEL_H - BOX_H / 2 - 0.1, BOX_H / 2 + 0.1)
    ax.axis("off")
    by_title = {p.title: p for p in positions}
    for p in positions:
        if p.superior:
            parent = next(t for t in places if t.casefold() == p.superior.casefold())
            (x0, d0), (x1, d1) = places[parent], places[p.title]
            mid = -(d0 * LEVEL_H) - LEVEL_H / 2
            ax.plot([x0, x0, x1, x1], [-(d0 * LEVEL_H) - BOX_H / 2, mid, mid, -(d1 * LEVEL_H) + BOX_H / 2],
                    color="black", linewidth=0.7, zorder=1)
    for title, (x, d) in places.items():
        y = -d * LEVEL_H
        ax.add_patch(FancyBboxPatch((x - BOX_W / 2, y - BOX_H / 2), BOX_W, BOX_H, boxstyle="square,pad=0",
                                    facecolor="0.92" if d == 0 else "white", edgecolor="black", linewidth=0.8,
                                    zorder=2))
        name = by_title[title].holder or VACANT
        text = textwrap.fill(title.upper(), width_chars)
        ax.text(x, y + 0.06, text, ha="center", va="center", fontsize=size, fontweight="bold", family=font,
                zorder=3)
        ax.text(x, y - BOX_H / 2 + 0.08, textwrap.shorten(name, width_chars * 2, placeholder="…"), ha="center",
                va="center", fontsize=size - 0.5, family=font, zorder=3)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
