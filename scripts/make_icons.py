"""Draw the app icons in static/icons/ from one description of the shapes.

    .venv/bin/python scripts/make_icons.py

The icon is a checklist on a calm blue tile: a sheet with one ticked box and two lines. The
same shapes are written as SVG and drawn as PNG (with Pillow, which WeasyPrint already
brings), so the icons are reproducible and reviewable as text.
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "static" / "icons"
BLUE = "#1a4f7a"
PAPER = "#fbfaf7"
INK = "#1a4f7a"
TICK = "#b3541e"

# Shapes on a 100 x 100 canvas. "safe" scales them into the middle 80 % for maskable icons.
SHEET = (24, 16, 76, 84, 6)                  # x0, y0, x1, y1, corner radius
BOX = (32, 28, 44, 40)
TICK_LINE = [(34.5, 34), (37.5, 37.5), (43, 30)]
LINES = [(50, 34, 68), (32, 52, 68), (32, 62, 68), (32, 72, 58)]  # x0, y, x1


def svg() -> str:
    x0, y0, x1, y1, r = SHEET
    bx0, by0, bx1, by1 = BOX
    lines = "".join(f'<line x1="{a}" y1="{y}" x2="{b}" y2="{y}"/>' for a, y, b in LINES)
    tick = " ".join(f"{x},{y}" for x, y in TICK_LINE)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" rx="18" fill="{BLUE}"/>'
        f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}" fill="{PAPER}"/>'
        f'<rect x="{bx0}" y="{by0}" width="{bx1 - bx0}" height="{by1 - by0}" rx="1.5" '
        f'fill="none" stroke="{INK}" stroke-width="2.5"/>'
        f'<polyline points="{tick}" fill="none" stroke="{TICK}" stroke-width="3.5" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
        f'<g stroke="{INK}" stroke-width="3.5" stroke-linecap="round">{lines}</g>'
        "</svg>\n"
    )


def png(size: int, maskable: bool) -> Image.Image:
    scale = 4  # draw large, then shrink, for smooth edges
    px = size * scale
    image = Image.new("RGB" if maskable else "RGBA", (px, px), BLUE if maskable else (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    # A maskable icon may be cut to a circle: keep the drawing inside the middle 80 %.
    k = px / 100 * (0.8 if maskable else 1.0)
    off = px * 0.1 if maskable else 0.0

    def p(x, y):
        return (off + x * k, off + y * k)

    if not maskable:
        draw.rounded_rectangle((0, 0, px - 1, px - 1), radius=18 * k, fill=BLUE)
    x0, y0, x1, y1, r = SHEET
    draw.rounded_rectangle((*p(x0, y0), *p(x1, y1)), radius=r * k, fill=PAPER)
    bx0, by0, bx1, by1 = BOX
    draw.rounded_rectangle((*p(bx0, by0), *p(bx1, by1)), radius=1.5 * k, outline=INK,
                           width=round(2.5 * k))
    draw.line([p(x, y) for x, y in TICK_LINE], fill=TICK, width=round(3.5 * k), joint="curve")
    for a, y, b in LINES:
        draw.line([p(a, y), p(b, y)], fill=INK, width=round(3.5 * k))
        for x in (a, b):  # round caps
            cx, cy = p(x, y)
            rr = 1.75 * k
            draw.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), fill=INK)
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "icon.svg").write_text(svg())
    for size in (192, 512):
        png(size, maskable=False).save(OUT / f"icon-{size}.png", optimize=True)
    png(512, maskable=True).save(OUT / "icon-maskable-512.png", optimize=True)
    png(180, maskable=True).save(OUT / "apple-touch-icon.png", optimize=True)
    for path in sorted(OUT.iterdir()):
        print(f"{path.name}  {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
