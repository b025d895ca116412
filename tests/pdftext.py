"""How a PDF's extracted text is compared with the guide's words. Its own module, not
conftest, because tests/browser has a conftest too and ``import conftest`` finds whichever
loaded first."""
from __future__ import annotations

import re

# Chinese lines break between any two characters: such a break is no space in the text.
_CJK_BREAK = re.compile("(?<=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]) "
                        "(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])")


# A line may end at a word's own hyphen ("rendez-/vous"): the break after it is no space.
# Folding both sides alike keeps "Vor- und Nachteile" comparable too.
_HYPHEN_BREAK = re.compile(r"(?<=\w)-\s+")


def fold(text: str) -> str:
    """Line breaks and runs of spaces as one space; a break between Chinese characters, or
    after a hyphen, as none."""
    return _HYPHEN_BREAK.sub("-", _CJK_BREAK.sub("", re.sub(r"\s+", " ", text).strip()))
