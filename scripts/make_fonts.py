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
  Its outlines are then stored compactly for PDFs (see make_sc).

All are under the SIL Open Font License 1.1 (static/fonts/OFL.txt), which allows bundling
and subsetting; Noto declares no Reserved Font Name.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
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


def guide_text(babel_id: str) -> str:
    """Everything the guide itself prints in this language: the catalog, the crisis lines'
    names and the edition's date (every month, so any review date is covered)."""
    from datetime import date

    from babel.dates import format_date

    dates = "".join(format_date(date(2026, month, 28), "medium", locale=babel_id)
                    for month in range(1, 13))
    crisis = (ROOT / "guide" / "crisis.py").read_text(encoding="utf-8")
    return catalog_text(babel_id) + crisis + dates


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


def cff_to_truetype(font, max_error: float) -> None:
    """Redraw every glyph's cubic curves as quadratic ones (within max_error font units)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

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
    del font["CFF "]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(order)
    font["maxp"] = maxp
    font.sfntVersion = "\x00\x01\x00\x00"


def own_glyphs_first(font, *texts: str) -> None:
    """Renumber the glyphs: those of ``texts[0]`` first, then those of ``texts[1]``, ...

    WeasyPrint keeps glyph ids when it embeds a subset, so an embedded font still carries
    widths and offsets for every glyph id below the highest one used. With the characters
    of the printed checklist numbered first, then the rest of the guide's own, a PDF of the
    guide carries a few hundred of those, not 7,000.
    """
    cmap = font.getBestCmap()
    tier = {".notdef": -1}
    for rank, text in reversed(list(enumerate(texts))):
        tier.update({cmap[ord(ch)]: rank for ch in text if ord(ch) in cmap})
    font.reorderGlyphs(sorted(font.getGlyphOrder(),
                              key=lambda name: (tier.get(name, len(texts)),
                                                font.getGlyphID(name))))


def checklist_text(tag: str) -> str:
    """What the printed checklist can show in this language: the whole guide's checklist page
    for every crisis-line country, its page footer and its edition line."""
    sys.path.insert(0, str(ROOT))
    from guide import create_app
    from guide.crisis import LINES, UNKNOWN

    app = create_app({"TESTING": True, "PREWARM_PDFS": False})
    try:
        client = app.test_client()
        pages = [client.get(f"/{tag}/checklist?country={code}").get_data(as_text=True)
                 for code in (*sorted(LINES), UNKNOWN)]
        with app.test_request_context(f"/{tag}/"):
            from flask_babel import gettext
            pages += [gettext("Page {page} of {pages}"),
                      gettext("Version %(version)s, %(date)s")]
    finally:
        app.extensions["pdf"].close()
    return "".join(sorted(set("".join(pages))))  # each character once


def make_sc(source: Path, text: str, own: tuple[str, ...], target: Path) -> None:
    """The Simplified Chinese face, small enough that a whole-guide PDF stays under 60 KB.

    A PDF carries each Chinese character it uses as an outline of 60 or more points, so
    the outlines are stored as compactly as print allows:
    - TrueType (quadratic) curves, each within 8 thousandths of an em of the original
      cubic one: WeasyPrint embeds these in about two thirds of the bytes of CFF ones,
      and renders the Chinese guide faster.
    - 128 units to the em instead of 1,000, so most coordinates fit in a byte. A unit is
      0.03 mm at 11 pt, under one dot of a 600 dpi printer; at 800 dpi the printed
      glyphs look the same as the originals.
    - Glyph ids renumbered with the checklist's characters first, then the rest of the
      guide's own (see above).
    - No vertical metrics: the guide never sets Chinese vertically.
    """
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    with tempfile.TemporaryDirectory() as tmp:
        cff = Path(tmp) / "subset.otf"
        subset(source, SC_FACE, text, cff)
        font = TTFont(cff, recalcTimestamp=False)  # the same bytes on every rebuild
        own_glyphs_first(font, *own)
        cff_to_truetype(font, max_error=8.0)
        for table in ("VORG", "vhea", "vmtx"):
            if table in font:
                del font[table]
        scale_upem(font, 128)
        font.save(target)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                 "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"):
        shutil.copyfile(CORE / name, OUT / name)
    own = guide_text("zh_Hans")
    printed = checklist_text("zh-Hans")
    for weight in ("Regular", "Bold"):
        make_sc(CJK / f"NotoSansCJK-{weight}.ttc", gb2312_level1() + own + printed,
                (printed, own), OUT / f"NotoSansSC-{weight}.ttf")
    for path in sorted(OUT.glob("Noto*")):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
