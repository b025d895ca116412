"""The fonts the PDF embeds cover every character of every catalog and the common Chinese set."""
from __future__ import annotations

import pytest
from babel.messages.pofile import read_po
from fontTools.ttLib import TTFont

from guide import ROOT
from guide.locales import LOCALES

FONTS = ROOT / "static" / "fonts"


def cmap(name: str) -> set[int]:
    return set(TTFont(FONTS / name).getBestCmap())


def catalog_text(babel_id: str) -> str:
    path = ROOT / "translations" / babel_id / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as f:
        catalog = read_po(f)
    parts = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        parts.extend(s for s in strings if s)
    return "".join(parts)


# The faces a render can fall back through, per language (see static/css/fonts*.css).
STACKS = {
    "ar": ["NotoSansArabic-Regular.ttf", "NotoSans-Regular.ttf"],
    "zh_Hans": ["NotoSansSC-Regular.ttf", "NotoSans-Regular.ttf"],
}


@pytest.mark.parametrize("loc", [loc for loc in LOCALES if loc.tag != "en"], ids=lambda l: l.tag)
@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_every_translated_character_has_a_glyph(loc, weight):
    stack = [name.replace("Regular", weight)
             for name in STACKS.get(loc.babel, ["NotoSans-Regular.ttf"])]
    covered = set().union(*(cmap(name) for name in stack))
    missing = {ch for ch in catalog_text(loc.babel) if ord(ch) not in covered and ch.strip()}
    assert not missing, f"run scripts/make_fonts.py; no glyph for {''.join(sorted(missing))}"


def test_the_chinese_subset_covers_the_3755_most_common_characters():
    sys_path = ROOT / "scripts"
    import importlib.util
    spec = importlib.util.spec_from_file_location("make_fonts", sys_path / "make_fonts.py")
    make_fonts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_fonts)
    common = make_fonts.gb2312_level1()
    assert len(common) == 3755
    for weight in ("Regular", "Bold"):
        covered = cmap(f"NotoSansSC-{weight}.ttf")
        assert all(ord(ch) in covered for ch in common)


def test_shipped_fonts_are_static_not_variable():
    for path in FONTS.glob("Noto*"):
        assert "fvar" not in TTFont(path), f"{path.name} is a variable font"


def test_the_font_licence_travels_with_the_fonts():
    text = (FONTS / "OFL.txt").read_text()
    assert "SIL Open Font License" in text and "Google" in text


@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_the_chinese_catalog_has_the_lowest_glyph_ids(weight):
    # WeasyPrint keeps glyph ids in the fonts it embeds, so a PDF of the guide carries
    # metrics up to the highest id it uses: keeping the catalog's glyphs first keeps it small.
    # A few new characters can wait for the next font build; the PDF size test has the say.
    font = TTFont(FONTS / f"NotoSansSC-{weight}.ttf")
    best = font.getBestCmap()
    ids = {font.getGlyphID(best[ord(ch)]) for ch in catalog_text("zh_Hans") if ord(ch) in best}
    late = [gid for gid in ids if gid >= len(ids) + 100]
    assert len(late) <= 20, "run scripts/make_fonts.py (see TRANSLATING.md)"
