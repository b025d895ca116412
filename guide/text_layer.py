"""What a PDF's text layer says for each glyph: a narrow fix carried for WeasyPrint 70.

A PDF maps each glyph code to text once per font (its ToUnicode map). WeasyPrint 70 fills
that map while it draws, first come first served, and gives a cluster of several glyphs
(a letter and its short vowel, or the lam-alef ligature with a vowel between its letters)
all of its text on one glyph and nothing on the others. A shared glyph then keeps the text
of the first cluster it appeared in: the damma of ``أُ`` reads back as ``أُ`` everywhere, so
``يُستخدم`` reads ``يأُستخدم`` and screen readers say the wrong word (docs/pdf-text-layer.md;
upstream https://github.com/Kozea/WeasyPrint/issues/2841, open).

The fix, before WeasyPrint draws a line that holds marks or multi-glyph clusters:
- a letter (or ligature) and the marks after it are one unit; the unit's text goes on its
  first glyph in reading order, and its marks stand for nothing (see split_cluster);
- a glyph that already stands for other text in this font is drawn under an alias: a
  second character id (CID) for the same glyph, with its own ToUnicode entry. The font's
  CIDToGIDMap sends the alias to the real glyph, so the font file is not touched and the
  text keeps the Identity-H encoding every extractor reads (pypdf 7 reads an embedded
  Encoding CMap as a one-byte encoding, so aliases through one come out garbled).
Lines with one glyph per character and no marks are left to WeasyPrint, which maps each
glyph to its own character there. The drawn glyphs and the page do not change.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import pydyf
import weasyprint
from weasyprint.draw import text as draw_text
from weasyprint.pdf import fonts as pdf_fonts
from weasyprint.text.ffi import FROM_UNITS, ffi, pango

# The patch reads and replaces WeasyPrint internals that change between majors.
SUPPORTED_MAJOR = "70"

# Alias CIDs start this far above the font's last glyph: WeasyPrint gives characters the
# font lacks CIDs counted up from its glyph count, and the CIDToGIDMap grows with the
# highest CID, so aliases stay close.
_MISSING_ROOM = 0x100

# Combining marks of the scripts the guide prints (Latin, Arabic) and the generic blocks; a
# line whose marks are not listed is left to WeasyPrint's own mapping.
_MARK = re.compile(r"[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
                   r"\u0670\u06d6-\u06ed\u08d3-\u08ff\u1ab0-\u1aff\u1dc0-\u1dff"
                   r"\u20d0-\u20ff\ufe20-\ufe2f]")


@dataclass
class Aliases:
    """The alias codes of one font file in one document (shared by its sizes)."""
    code_of: dict[tuple[int, str], int] = field(default_factory=dict)
    glyph_of: dict[int, int] = field(default_factory=dict)

    def code(self, glyph_id: int, text: str, glyph_count: int) -> int | None:
        key = (glyph_id, text)
        if key not in self.code_of:
            code = glyph_count + _MISSING_ROOM + len(self.code_of)
            if code > 0xFFFF:
                return None  # two-byte codes used up: keep WeasyPrint's mapping
            self.code_of[key] = code
            self.glyph_of[code] = glyph_id
        return self.code_of[key]


def split_cluster(text: str, glyph_count: int) -> list[str]:
    """Each glyph's share of its cluster's text, glyphs in logical (reading) order: the
    first (the letter or ligature; marks follow their letter) reads as the whole cluster,
    the marks as nothing.

    A mark with text of its own would read back right only in some extractors: it is
    drawn moved up or back over its letter, and poppler starts a new word at any glyph so
    moved, which puts the mark after a space, before its letter or on a line of its own.
    """
    return [text] + [""] * (glyph_count - 1)


def _aliases(stream, font) -> Aliases:
    aliases = getattr(font, "_guide_aliases", None)
    if aliases is None:
        # Sizes of one font file share a subset and codes, so they share aliases.
        for other in stream._fonts.values():
            if other.hash == font.hash and getattr(other, "_guide_aliases", None):
                aliases = other._guide_aliases
                break
        else:
            aliases = Aliases()
        font._guide_aliases = aliases
    return aliases


def _glyph_width(stream, font, pango_font, font_size: float, glyph_id: int) -> int:
    # The same width WeasyPrint would record for this glyph (draw/text.py).
    if glyph_id not in font.widths:
        pango.pango_font_get_glyph_extents(
            pango_font, glyph_id, stream.ink_rect, stream.logical_rect)
        font.widths[glyph_id] = round(
            stream.logical_rect.width * 1000 * FROM_UNITS / font_size)
    return font.widths[glyph_id]


def give_each_glyph_its_text(stream, textbox) -> None:
    """Record every glyph's own text for the line WeasyPrint is about to draw, switching
    glyphs that already stand for other text to alias codes."""
    # draw_first_line sets this too; doing it first keeps Pango from laying the line out
    # again (and dropping the codes written here) when it does.
    pango.pango_layout_set_single_paragraph_mode(textbox.pango_layout.layout, True)
    line, _ = textbox.pango_layout.get_first_line()
    utf8 = textbox.pango_layout.text.encode()
    run = line.runs[0]
    while run != ffi.NULL:
        glyph_item, run = run.data, run.next
        pango_font = glyph_item.item.analysis.font
        font, font_size = stream.add_font(pango_font)
        if font.bitmap or font.png or font.type != "ttf":
            continue  # aliases need a CIDToGIDMap, which only TrueType CID fonts have
        if pango.pango_version() < 14802:
            font_size = textbox.style["font_size"]
        glyphs = glyph_item.glyphs
        count = glyphs.num_glyphs
        clusters = ffi.unpack(glyphs.log_clusters, count)
        start, length = glyph_item.item.offset, glyph_item.item.length
        text = utf8[start:start + length]
        if len(set(clusters)) == count and not _MARK.search(text.decode()):
            # One glyph per character and no marks: WeasyPrint maps each glyph to its own
            # character, as this would.
            continue
        aliases = _aliases(stream, font)
        for indexes, unit in letters_with_marks(
                clusters, count, length, glyph_item.item.analysis.level % 2, text):
            _map_cluster(stream, font, pango_font, font_size, aliases, glyphs.glyphs,
                         indexes, unit)


def letters_with_marks(clusters, count: int, length: int, rtl: bool, utf8: bytes):
    """The run's glyphs as (glyph indexes in reading order, text) units: a letter (or
    ligature) with the marks that follow it, which the shaper may give clusters of their
    own. ``clusters`` are Pango's byte offsets of each glyph's cluster in ``utf8``."""
    starts = sorted({clusters[i] for i in range(count)})
    ends = dict(zip(starts, starts[1:] + [length]))
    shaped = []  # Pango's clusters, in visual order
    i = 0
    while i < count:
        j = i
        while j < count and clusters[j] == clusters[i]:
            j += 1
        start = clusters[i]
        shaped.append((list(range(i, j)), utf8[start:ends[start]].decode()))
        i = j
    units = []
    for indexes, text in (shaped[::-1] if rtl else shaped):
        indexes = indexes[::-1] if rtl else indexes
        if units and text and all(unicodedata.category(ch) in ("Mn", "Me") for ch in text):
            units[-1] = (units[-1][0] + indexes, units[-1][1] + text)
        else:
            units.append((indexes, text))
    return units


def _map_cluster(stream, font, pango_font, font_size, aliases, infos, indexes,
                 text) -> None:
    glyph_ids = []
    for k in indexes:
        glyph_id = infos[k].glyph
        glyph_id = aliases.glyph_of.get(glyph_id, glyph_id)  # a line drawn twice
        if glyph_id == pango.PANGO_GLYPH_EMPTY or glyph_id & pango.PANGO_GLYPH_UNKNOWN_FLAG:
            return  # WeasyPrint's own handling of missing glyphs stays as it is
        glyph_ids.append(glyph_id)
    for k, glyph_id, share in zip(indexes, glyph_ids, split_cluster(text, len(glyph_ids))):
        known = font.to_unicode.get(glyph_id)
        if known is None and len(glyph_ids) == 1:
            # What WeasyPrint would record too, so lines left to it stay right.
            font.to_unicode[glyph_id] = share
            code = glyph_id
        elif known == share:
            code = glyph_id
        else:
            code = aliases.code(glyph_id, share, font.glyph_count)
            if code is None or len(font.missing) >= _MISSING_ROOM:
                continue  # no room for an alias: the glyph keeps its first text
            font.to_unicode[code] = share
            font.widths[code] = _glyph_width(stream, font, pango_font, font_size, glyph_id)
        infos[k].glyph = code


def _draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
    # Ellipsis lines are laid out again inside draw_first_line: WeasyPrint maps them.
    if text_overflow != "ellipsis" and block_ellipsis == "none" and textbox.text.strip():
        give_each_glyph_its_text(stream, textbox)
    return _original["draw_first_line"](stream, textbox, text_overflow, block_ellipsis, matrix)


def _subset(self, to_unicode, hinting):
    # The subset keeps glyphs by id: an alias keeps the glyph it stands for.
    aliases = getattr(self, "_guide_aliases", None)
    if aliases and aliases.glyph_of:
        to_unicode = {aliases.glyph_of.get(code, code): None for code in to_unicode}
    return _original["subset"](self, to_unicode, hinting)


def _build_vector_font_dictionary(font_dictionary, pdf, font, widths, compress, reference,
                                  pdf_version):
    _original["build_vector"](font_dictionary, pdf, font, widths, compress, reference,
                              pdf_version)
    aliases = getattr(font, "_guide_aliases", None)
    used = {code: aliases.glyph_of[code] for code in font.to_unicode
            if aliases and code in aliases.glyph_of}
    if used:
        number = int(font_dictionary["DescendantFonts"][0].split()[0])
        pdf.objects[number]["CIDToGIDMap"] = _cid_to_gid(pdf, font, used, compress)


def _cid_to_gid(pdf, font, used: dict[int, int], compress: bool):
    """Each CID's glyph: itself for the font's glyphs, the real glyph for an alias.

    CIDs the page never shows point at glyph 0: runs of zeros compress to almost nothing,
    where a full identity map would add kilobytes to each PDF."""
    gids = bytearray(2 * (max(font.to_unicode) + 1))
    for cid in font.to_unicode:
        gid = used.get(cid, cid if cid < font.glyph_count else 0)
        gids[2 * cid:2 * cid + 2] = gid.to_bytes(2, "big")
    stream = pydyf.Stream([bytes(gids)], compress=compress)
    pdf.add_object(stream)
    return stream.reference


_original: dict[str, object] = {}


def check_version(version: str) -> None:
    if version.split(".")[0] != SUPPORTED_MAJOR:
        raise RuntimeError(
            f"guide/text_layer.py patches WeasyPrint {SUPPORTED_MAJOR}, not {version}: "
            "recheck it as docs/pdf-text-layer.md describes")


def install() -> None:
    """Apply the fix (once per process). Refuses a WeasyPrint it was not written for."""
    if _original:
        return
    check_version(weasyprint.__version__)
    _original["draw_first_line"] = draw_text.draw_first_line
    _original["subset"] = pdf_fonts.Font.subset
    _original["build_vector"] = pdf_fonts._build_vector_font_dictionary
    draw_text.draw_first_line = _draw_first_line
    pdf_fonts.Font.subset = _subset
    pdf_fonts._build_vector_font_dictionary = _build_vector_font_dictionary
