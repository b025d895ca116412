"""Build the fonts in static/fonts/ from Debian's Noto packages.

    apt-get install fonts-noto-core fonts-noto-cjk
    .venv/bin/python scripts/make_fonts.py

The fonts are committed, so the app and its tests never depend on what a server has
installed; run this again only to change them (for example when the Chinese catalog uses a
character outside the subset, which tests/test_fonts.py reports).

- Noto Sans and Noto Sans Arabic: the static (not variable) TTFs, copied as they are.
  WeasyPrint 70 breaks the Arabic text layer with the variable ones.
- Noto Sans CJK SC: face 2 of the .ttc (naming the SC face avoids Japanese glyph shapes),
  subset to GB 2312 level 1 (the 3,755 most used characters), every character of the
  Chinese catalog and the punctuation and Latin letters around them. The full face is 19 MB.
  The subset's CFF outlines are then converted to TrueType ones: WeasyPrint embeds a subset
  of TrueType glyphs in about two thirds of the bytes, and renders the Chinese guide faster.

All are under the SIL Open Font License 1.1 (static/fonts/OFL.txt), which allows bundling
and subsetting; Noto declares no Reserved Font Name.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "fonts"
CORE = Path("/usr/share/fonts/truetype/noto")
CJK = Path("/usr/share/fonts/opentype/noto")
SC_FACE = 2  # 0 JP, 1 KR, 2 SC, 3 TC, 4 HK in NotoSansCJK-*.ttc


def gb2312_level1() -> str:
    chars = []
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # the last row is shorter
    return "".join(chars)


def catalog_text(babel_id: str) -> str:
    po = ROOT / "translations" / babel_id / "LC_MESSAGES" / "messages.po"
    return po.read_text(encoding="utf-8") if po.is_file() else ""


def subset(source: Path, face: int, text: str, target: Path) -> None:
    unicodes = ",".join([
        "U+0020-007E", "U+00A0-00FF",   # Latin
        "U+2000-206F",                  # general punctuation
        "U+3000-303F",                  # CJK symbols and punctuation
        "U+FF00-FFEF",                  # full-width forms
    ])
    subprocess.run([
        sys.executable, "-m", "fontTools.subset", str(source), f"--font-number={face}",
        f"--text={text}", f"--unicodes={unicodes}", "--layout-features=*",
        "--name-IDs=*", "--name-languages=*", f"--output-file={target}",
    ], check=True)


def cff_to_truetype(source: Path, target: Path, max_error: float = 1.0) -> None:
    """Redraw every glyph's cubic curves as quadratic ones (within max_error font units)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(source)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_error, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    font["head"].glyphDataFormat = 0
    font["head"].indexToLocFormat = 0
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(order)
    font["maxp"] = maxp
    post = font["post"]
    post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(target)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                 "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"):
        shutil.copyfile(CORE / name, OUT / name)
    text = gb2312_level1() + catalog_text("zh_Hans")
    for weight in ("Regular", "Bold"):
        cff = OUT / f"NotoSansSC-{weight}.otf"
        subset(CJK / f"NotoSansCJK-{weight}.ttc", SC_FACE, text, cff)
        cff_to_truetype(cff, OUT / f"NotoSansSC-{weight}.ttf")
        cff.unlink()
    for path in sorted(OUT.glob("Noto*")):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
