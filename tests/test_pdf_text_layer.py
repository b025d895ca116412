"""The PDF's text layer, read back: what copy and paste and screen readers get.

Every question must come back letter for letter, short vowels (harakat) included, from the
two extractors people and tools use: pypdf and poppler's pdftotext. What each does with
right-to-left text that is not ours to fix (docs/pdf-text-layer.md) is undone here, and
only that:
- pdftotext writes a glyph that stands for several characters (the lam-alef ligature, or
  a letter with its vowel) with those characters reversed in a right-to-left line
  ("العالج" for "العلاج") although the PDF's ToUnicode entry is in reading order. The
  expected text is reversed the same way, for the PDF's own entries only.
- pdftotext wraps right-to-left lines and their punctuation and digits in bidi controls
  (U+202A-U+202E) and moves spaces around them: in right-to-left lines it is compared
  without the controls and without spaces (pypdf's check keeps the spaces).
- Both fold lines into spaces; a line that ends after a hyphen is joined without one, and
  a Chinese line, which breaks between any two characters, may hold such a space anywhere.
  pdftotext drops such a hyphen ("offlabel"), taking it for hyphenation: hyphens between
  letters are left out of its comparison (pypdf's check keeps them).
- pypdf lays a right-to-left line's digits and Latin words out in visual order: a
  question that mixes directions is checked one direction run at a time, and a run that a
  line break cut in two is checked as its two pieces (the second line's Latin words come
  out between them).
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata

import pytest
from flask_babel import force_locale
from pypdf import PdfReader

from guide import text_layer
from guide.content import CATALOG
from guide.locales import BY_TAG

BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# A run of one direction: right-to-left letters (with their marks and the neutrals
# between them), or left-to-right letters and digits.
DIRECTION_RUN = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]"
                           r"(?:[^A-Za-z0-9]*[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff])?"
                           r"|[A-Za-z0-9](?:[^\u0590-\u08ff]*[A-Za-z0-9])?")
# Marks: the person's own questions keep the harakat they typed.
OWN_ARABIC = ["هل يُستخدم هذا الدواء بعدُ؟",
              "أُصبت بالاكتئاب، فهل العلاجُ مناسبٌ لي مثلًا؟",
              "هل هو آمنٌ حقًّا لديّ؟"]


def normal(text: str) -> str:
    # NFKC as well: the fonts' presentation forms and ligatures must not count as letters.
    # Lines are folded into spaces, except after a hyphen that ends a line ("off-label").
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()
    return re.sub(r"(?<=\w-) (?=\w)", "", text)


def with_pypdf(data: bytes) -> str:
    return normal(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def with_poppler(data: bytes) -> str:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: run scripts/system-deps.sh (poppler-utils)")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                         capture_output=True, check=True).stdout.decode()
    return normal(BIDI_CONTROLS.sub("", out))


def ligatures(data: bytes) -> list[str]:
    """The PDF's ToUnicode entries of more than one character, longest first."""
    entries = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            cmap = font.get_object()["/ToUnicode"].get_object().get_data().decode("latin-1")
            for hexa in re.findall(r"<[0-9a-fA-F]+>\s*<([0-9a-fA-F]*)>", cmap):
                text = bytes.fromhex(hexa).decode("utf-16-be")
                if len(text) > 1:
                    entries.add(unicodedata.normalize("NFKC", text))
    return sorted(entries, key=len, reverse=True)


CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def reads_back(expected: str, extracted: str) -> bool:
    """``expected`` is in ``extracted`` as whole words: no letter added before or after."""
    pattern = "".join(re.escape(ch) + (" ?" if CJK.match(ch) and CJK.match(after) else "")
                      for ch, after in zip(expected, expected[1:] + " "))
    return re.search(r"(?<!\S)" + pattern + r"(?!\S)", extracted) is not None


def reads_back_with_pypdf(question: str, extracted: str) -> bool:
    question = normal(question)
    if RTL_LETTER.search(question) and re.search("[A-Za-z0-9]", question):
        return all(_run_reads_back(run.group(), extracted)
                   for run in DIRECTION_RUN.finditer(question))
    return reads_back(question, extracted)


def _run_reads_back(run: str, extracted: str) -> bool:
    if run in extracted:
        return True
    # Wrapped between two words: the first line's piece, then the next line's.
    return any(run[:i] + " " in extracted and " " + run[i + 1:] in extracted
               for i, ch in enumerate(run) if ch == " ")


def reads_back_with_poppler(question: str, extracted: str, entries: list[str]) -> bool:
    question, extracted = (re.sub(r"(?<=\w)-(?=\w)", "", normal(text))
                           for text in (question, extracted))
    if not RTL_LETTER.search(question):
        return reads_back(question, extracted)
    if entries:
        reverse = re.compile("|".join(map(re.escape, entries)))
        # Normalized again: reversed, a letter's marks are out of canonical order.
        question = normal(reverse.sub(lambda m: m.group()[::-1], question))
    unordered = re.compile(r"[\s()\[\]]")
    return unordered.sub("", question) in unordered.sub("", extracted)


def questions(tag: str) -> dict[str, str]:
    with force_locale(BY_TAG[tag].babel):
        return {qid: str(CATALOG.question(qid).text) for qid in CATALOG.question_ids}


@pytest.fixture
def whole_guide(app, client, lang):
    with app.test_request_context(f"/{lang}/"):
        texts = questions(lang)
    return client.get(f"/{lang}/checklist.pdf").data, texts


def test_every_question_reads_back_exactly_with_pypdf(whole_guide):
    data, texts = whole_guide
    extracted = with_pypdf(data)
    wrong = [qid for qid, text in texts.items() if not reads_back_with_pypdf(text, extracted)]
    assert not wrong


def test_every_question_reads_back_exactly_with_poppler(whole_guide):
    data, texts = whole_guide
    extracted, entries = with_poppler(data), ligatures(data)
    wrong = [qid for qid, text in texts.items()
             if not reads_back_with_poppler(text, extracted, entries)]
    assert not wrong


def test_own_arabic_questions_with_harakat_read_back_exactly(client):
    data = client.post("/ar/checklist.pdf", data={"q": "driving",
                                                  "own": "\n".join(OWN_ARABIC)}).data
    by_pypdf, by_poppler, entries = with_pypdf(data), with_poppler(data), ligatures(data)
    for question in OWN_ARABIC:
        assert reads_back_with_pypdf(question, by_pypdf), question
        assert reads_back_with_poppler(question, by_poppler, entries), question


def test_the_arabic_pdf_stays_tagged_pdf_ua(client):
    reader = PdfReader(io.BytesIO(client.get("/ar/checklist.pdf").data))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "ar" and root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    assert re.search(rb'pdfuaid:part(>|=")1', root["/Metadata"].get_object().get_data())


def test_every_glyph_code_the_arabic_pdf_uses_draws_a_real_glyph(client):
    # Alias codes reach their glyph through the CIDToGIDMap: none may fall on .notdef.
    reader = PdfReader(io.BytesIO(client.get("/ar/checklist.pdf").data))
    fonts = {font.get_object()["/BaseFont"]: font.get_object()
             for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    aliased = 0
    for font in fonts.values():
        cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
        codes = [int(code, 16) for code in re.findall(r"<([0-9a-f]{4})> <[0-9a-f]*>", cmap)[1:]]
        to_gid = font["/DescendantFonts"][0].get_object()["/CIDToGIDMap"]
        if to_gid == "/Identity":
            continue
        table = to_gid.get_object().get_data()
        gids = {code: int.from_bytes(table[2 * code:2 * code + 2], "big") for code in codes}
        assert all(gids.values()), [hex(code) for code, gid in gids.items() if not gid]
        aliased += sum(code != gid for code, gid in gids.items())
    assert aliased, "the Arabic guide draws some glyphs under alias codes"


def test_a_cluster_reads_as_one_unit_on_its_letter():
    # Pango's clusters in visual order for "يُس" drawn right to left: sin, damma, ya.
    utf8 = "يُس".encode()
    clusters = [4, 2, 0]
    units = text_layer.letters_with_marks(clusters, 3, len(utf8), True, utf8)
    assert units == [([2, 1], "يُ"), ([0], "س")]
    assert text_layer.split_cluster("يُ", 2) == ["يُ", ""]
    assert text_layer.split_cluster("لًا", 2) == ["لًا", ""]


def test_a_mark_at_the_start_of_a_run_keeps_its_own_text():
    utf8 = "\u064fب".encode()
    assert text_layer.letters_with_marks([2, 0], 2, len(utf8), True, utf8) == \
        [([1], "\u064f"), ([0], "ب")]


def test_the_patch_refuses_another_weasyprint():
    text_layer.check_version("70.0")
    with pytest.raises(RuntimeError, match="docs/pdf-text-layer.md"):
        text_layer.check_version("71.0")
