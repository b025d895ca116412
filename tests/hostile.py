"""Hypothesis strategies for what a hostile or broken client can send the guide."""
from __future__ import annotations

from urllib.parse import quote

from hypothesis import strategies as st

from guide.content import CATALOG
from guide.locales import LOCALES

LANGS = st.sampled_from([loc.tag for loc in LOCALES])
QUESTION_IDS = st.sampled_from(CATALOG.question_ids)
FIELDS = ("q", "preset", "top", "own", "paper", "country", "also", "print", "med_name",
          "med_dose", "med_time", "med_result")

# Characters that have broken text handling elsewhere: C0 and C1 controls, line and
# paragraph separators, bidi overrides and isolates (U+202E, U+2066...), zero-width joiners,
# a byte order mark, noncharacters, a lone combining mark, and markup.
TRICKY = ("\x00\x07\x08\t\n\x0b\x0c\r\x1b\x1c\x7f\x85\x9f\xa0\xad\u0301\u061c\u200b\u200d"
          "\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
          "\ufeff\ufffd\ufffe\uffff<>&\"'/\\%+=;")

# Direction marks, embeddings, overrides and isolates: the ones that can reorder the text
# around them (U+202E turns the rest of a sentence backwards).
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069")

characters = st.one_of(st.characters(codec="utf-8"), st.sampled_from(TRICKY))
texts = st.text(characters, max_size=40)
# A line near the per-question limit, in scripts of one to four bytes.
long_lines = st.builds(lambda c, n: c * n, st.sampled_from("aé字😀\u202e"),
                       st.integers(280, 320))
lines = st.one_of(texts, long_lines)
own_texts = st.lists(lines, max_size=24).flatmap(
    lambda parts: st.sampled_from(["\n", "\r\n", "\r", "\u2028"]).map(lambda sep: sep.join(parts)))

ids = st.one_of(QUESTION_IDS, texts)
papers = st.one_of(st.sampled_from(["a4", "letter", " A4 ", "LETTER", "a3", ""]), texts)
countries = st.one_of(st.sampled_from(["US", "mx", " de ", "ZZ", "XX", "U", "USA", ""]), texts)
presets = st.one_of(st.sampled_from(["start", "START", " start", ""]), texts)
values = st.one_of(ids, papers, countries, own_texts)
answer_names = st.one_of(QUESTION_IDS, texts).map(lambda qid: "answer-" + qid)
names = st.one_of(st.sampled_from(FIELDS), answer_names, texts)


@st.composite
def forms(draw, *, unknown_id: bool = False) -> list[tuple[str, str]]:
    """The guide's fields in any mix, repeated or left out, with values of any kind, plus
    fields the guide does not know. ``unknown_id`` puts first a question id the guide lacks,
    so the form is sure to fail validation (and no PDF is rendered)."""
    # Sometimes a flood of ids, as a hostile link or script would send.
    pairs = [("q", v) for v in draw(st.one_of(st.lists(ids, max_size=8),
                                              st.lists(ids, min_size=40, max_size=80,
                                                       unique=True)))]
    pairs += [("top", v) for v in draw(st.lists(ids, max_size=5))]
    if draw(st.booleans()):
        pairs.append(("own", draw(own_texts)))
    for name, strategy in (("paper", papers), ("country", countries), ("preset", presets)):
        pairs += [(name, v) for v in draw(st.lists(strategy, max_size=2))]
    pairs += draw(st.lists(st.tuples(names, values), max_size=4))
    pairs = draw(st.permutations(pairs))
    if unknown_id:
        # First, so it is among the unknown ids the messages name.
        pairs.insert(0, ("q", "no-such-question-<s>" + draw(texts)))
    return pairs


# Pieces of a query string or form body as bytes: percent-escapes good and bad (invalid
# UTF-8, NUL, a bidi override, a lone %), separators, and raw bytes of any value.
_escapes = st.sampled_from([b"%", b"%F", b"%FF", b"%00", b"%C3", b"%C3%28", b"%E2%80%AE",
                            b"%ED%A0%80", b"%F0%9F%98", b"%G1", b"%2", b"%25", b"%26", b"%3D",
                            b"+", b"&", b"=", b";", b"&&", b"=="])
_encoded = st.one_of(st.sampled_from(FIELDS), QUESTION_IDS, texts).map(
    lambda text: quote(text, safe="").encode())
raw_pairs = st.lists(st.one_of(_escapes, _encoded, st.binary(max_size=12)), max_size=24).map(
    b"".join)

CONTENT_TYPES = st.sampled_from([
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=latin-1",
    "multipart/form-data",
    "multipart/form-data; boundary=x",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=\"\u202e\"",
    "application/json",
    "text/plain",
    "text/html; charset=utf-16",
    "application/octet-stream",
    "",
    ";;;=",
    "application/x-www-form-urlencoded\x00",
])

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), texts),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.one_of(st.sampled_from(FIELDS), texts),
                                               children, max_size=4)),
    max_leaves=12)

# Accept-Language as a client may send it: real ranges with odd weights, or any Latin-1.
accept_languages = st.one_of(
    st.lists(st.tuples(st.sampled_from(["es-MX", "pt", "zh-TW", "ar-EG", "en-US", "*", "x",
                                        "de-", "-", "en_GB", "fr-CA-x-y", "i-klingon"]),
                       st.sampled_from(["", ";q=0", ";q=0.5", ";q=1", ";q=x", ";q=-1",
                                        ";q=1e9", ";"])),
             max_size=4).map(lambda parts: ",".join(tag + q for tag, q in parts)),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=60))
